"""Reference: what each number of nines allows in downtime, per year, month, week and day."""

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_MONTH,
    SECONDS_PER_YEAR,
    duration,
    fraction,
    markdown_table,
)

TARGETS = [0.90, 0.99, 0.995, 0.999, 0.9995, 0.9999, 0.99999]
SLO_WINDOW = 30 * SECONDS_PER_DAY  # a rolling 30-day window, a common meaning of an SLO's "month"
WEEK = 7 * SECONDS_PER_DAY

rows = [
    (
        fraction(target),
        duration((1 - target) * SECONDS_PER_YEAR),
        duration((1 - target) * SLO_WINDOW),
        duration((1 - target) * WEEK),
        duration((1 - target) * SECONDS_PER_DAY),
    )
    for target in TARGETS
]

# "Per month" depends on which month: the same 99.9% target, measured over different windows.
WINDOWS = [
    ("28-day calendar month (February)", 28 * SECONDS_PER_DAY),
    ("Rolling 4 weeks", 4 * WEEK),
    ("Rolling 30 days", SLO_WINDOW),
    ("Average month (a twelfth of a year)", SECONDS_PER_MONTH),
    ("31-day calendar month", 31 * SECONDS_PER_DAY),
    ("Quarter (90 days)", 90 * SECONDS_PER_DAY),
]
example_target = 0.999
window_rows = [(label, duration(seconds), duration((1 - example_target) * seconds)) for label, seconds in WINDOWS]

# Figures the page quotes.
three_nines = fraction(0.999)
four_nines = fraction(0.9999)
five_nines = fraction(0.99999)
three_nines_per_month = duration((1 - 0.999) * SLO_WINDOW)
three_nines_per_year = duration((1 - 0.999) * SECONDS_PER_YEAR)
four_nines_per_month = duration((1 - 0.9999) * SLO_WINDOW)
four_nines_per_year = duration((1 - 0.9999) * SECONDS_PER_YEAR)
five_nines_per_year = duration((1 - 0.99999) * SECONDS_PER_YEAR)
five_nines_per_month = duration((1 - 0.99999) * SLO_WINDOW)
february_vs_31_days = duration((1 - example_target) * 3 * SECONDS_PER_DAY)
example_target_text = fraction(example_target)

if __name__ != "reference_availability":
    print(markdown_table(("Availability", "Down per year", "Down per 30 days", "Down per week", "Down per day"), rows))
    print()
    print(markdown_table(("Window", "Length", f"Downtime allowed at {fraction(example_target)}"), window_rows))
