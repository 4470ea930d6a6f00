"""Step 2: from "per day" to "per second", and how far the usual shortcuts drift."""

from sdw.estimation import SECONDS_PER_DAY, SECONDS_PER_MONTH, count, fraction, markdown_table, per_day, per_second

daily_totals = [per_day(n) for n in (1e6, 10e6, 100e6, 1e9, 10e9)]

# Shortcut 1: a day is "about 100,000 seconds" (10^5), which is easy to divide by.
DAY_SHORTCUT = 100_000
shortcut_day_error = fraction(1 - SECONDS_PER_DAY / DAY_SHORTCUT)
# Shortcut 2: a month is "about 2.5 million seconds". Dividing a monthly total by it overstates the
# rate by shortcut_month_error; multiplying a rate by it understates the month's total by
# shortcut_month_low (the same gap, seen from the other side).
MONTH_SHORTCUT = 2.5e6
shortcut_month_error = fraction(SECONDS_PER_MONTH / MONTH_SHORTCUT - 1)
# The same shortcut against a 30-day month, the length of the site's SLO windows (its bills use the average month).
shortcut_30day_error = fraction(30 * SECONDS_PER_DAY / MONTH_SHORTCUT - 1)
shortcut_month_low = fraction(1 - MONTH_SHORTCUT / SECONDS_PER_MONTH)

if __name__ != "step2_daily_rates":
    print(
        markdown_table(
            ("Per day", "Per second (exact)", "With the 100,000 s shortcut"),
            [(total, per_second(total / SECONDS_PER_DAY), per_second(total / DAY_SHORTCUT)) for total in daily_totals],
        )
    )
    print()
    print(
        f"Dividing by 100,000 instead of 86,400 understates every rate by {shortcut_day_error}; "
        f"dividing a monthly total by 2.5 million seconds overstates it by {shortcut_month_error} "
        f"against an average month of {count(SECONDS_PER_MONTH)} s ({shortcut_30day_error} against a 30-day month)."
    )
