"""Reference: seconds in the units estimates use, and how far the usual shortcuts drift.

The day and month shortcuts are defined, with their errors, in step2_daily_rates.py; this file
imports them rather than working them out a second time.
"""

import math

from step2_daily_rates import DAY_SHORTCUT, MONTH_SHORTCUT, shortcut_day_error, shortcut_month_error

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_MINUTE,
    SECONDS_PER_MONTH,
    SECONDS_PER_YEAR,
    count,
    duration,
    exact,
    fraction,
    markdown_table,
    per_second,
)

SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY
# The Gregorian calendar has 97 leap days every 400 years.
GREGORIAN_DAYS_PER_YEAR = DAYS_PER_YEAR + 97 / 400
SECONDS_PER_GREGORIAN_YEAR = GREGORIAN_DAYS_PER_YEAR * SECONDS_PER_DAY

UNITS = [
    ("Minute", SECONDS_PER_MINUTE, "SECONDS_PER_MINUTE"),
    ("Hour", SECONDS_PER_HOUR, "SECONDS_PER_HOUR"),
    ("Day", SECONDS_PER_DAY, "SECONDS_PER_DAY"),
    ("Week", SECONDS_PER_WEEK, "7 days"),
    ("30-day month", 30 * SECONDS_PER_DAY, "30 days"),
    ("Average month", SECONDS_PER_MONTH, "SECONDS_PER_MONTH (a twelfth of a year)"),
    ("Year", SECONDS_PER_YEAR, "SECONDS_PER_YEAR (365 days)"),
    ("Average Gregorian year", SECONDS_PER_GREGORIAN_YEAR, "365.2425 days"),
]
unit_rows = [(name, exact(seconds), count(seconds), note) for name, seconds, note in UNITS]

# The shortcuts people use for dividing in their heads, and which way each one errs.
year_as_pi_e7 = math.pi * 1e7
# Dividing a yearly total by pi x 10^7 instead of 365 days inflates the rate by this much.
shortcut_year_error = fraction(SECONDS_PER_YEAR / year_as_pi_e7 - 1)
shortcut_rows = [
    (
        "A day is about 100,000 s",
        count(DAY_SHORTCUT),
        count(SECONDS_PER_DAY),
        shortcut_day_error,
        "Understates per-second rates",
    ),
    (
        "A month is about 2.5 million s",
        count(MONTH_SHORTCUT),
        count(SECONDS_PER_MONTH),
        shortcut_month_error,
        "Overstates per-second rates",
    ),
    (
        "A year is about pi x 10^7 s",
        count(year_as_pi_e7),
        count(SECONDS_PER_YEAR),
        shortcut_year_error,
        "Overstates per-second rates",
    ),
]

# The same total spread over a day, a month or a year (the per-day table on the step 2 page goes further).
TOTALS = [("1 million", 1e6), ("1 billion", 1e9), ("1 trillion", 1e12)]
period_rows = [
    (
        label,
        per_second(total / SECONDS_PER_DAY),
        per_second(total / SECONDS_PER_MONTH),
        per_second(total / SECONDS_PER_YEAR),
    )
    for label, total in TOTALS
]

million_a_day = per_second(1e6 / SECONDS_PER_DAY)
billion_a_day = per_second(1e9 / SECONDS_PER_DAY)
# Correcting the day shortcut: dividing by 100,000 then adding this share gives the exact rate.
day_shortcut_correction = fraction(DAY_SHORTCUT / SECONDS_PER_DAY - 1)
# How much the calendar's choices move a figure: the longest month over the shortest, and the
# Gregorian year over the 365-day year this site uses.
month_length_spread = fraction(31 / 28 - 1)
# The site's own two months, a twelfth of a year (bills) and thirty days (SLO windows), apart.
site_months_gap = fraction(SECONDS_PER_MONTH / (30 * SECONDS_PER_DAY) - 1)
leap_year_effect = fraction(GREGORIAN_DAYS_PER_YEAR / DAYS_PER_YEAR - 1)

# Large round numbers of seconds, turned back into calendar time.
million_seconds = duration(1e6)
billion_seconds_in_years = count(1e9 / SECONDS_PER_YEAR)
seconds_per_day = count(SECONDS_PER_DAY)
seconds_per_month = count(SECONDS_PER_MONTH)
hours_per_month = count(SECONDS_PER_MONTH / SECONDS_PER_HOUR)  # the site's month for bills, as AWS's calculator's
seconds_per_year = count(SECONDS_PER_YEAR)

if __name__ != "reference_time":
    print(markdown_table(("Unit", "Seconds", "Rounded", "From"), unit_rows))
    print()
    print(markdown_table(("Shortcut", "Shortcut value", "Exact value", "Error", "Effect"), shortcut_rows))
    print()
    print(markdown_table(("Total", "Per day is", "Per month is", "Per year is"), period_rows))
