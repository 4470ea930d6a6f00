"""Chat service worked example: the error budget of the send target, the latency budget of the send
and deliver targets, and the burn rates that page.

Each p99 target becomes a threshold share: at most 1 - 0.99 = 1% of sends (or deliveries) slower than
the target, a budget burned like the error budget. Each alert pairs its long window with a short one
a twelfth as long (the SRE workbook's), so a page stops soon after the burning does.
"""

from chat_assumptions import availability_target, slo_window
from chat_traffic import messages_per_day

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    burn_rate,
    count,
    duration,
    fraction,
    markdown_table,
)

# Error budget: the share of sends that may fail, the same as full downtime, and as sends.
error_budget_share = fraction(1 - availability_target)
error_budget_downtime = duration(error_budget_share * slo_window)
failed_sends_allowed = count(messages_per_day * (slo_window / SECONDS_PER_DAY) * error_budget_share)

# Burn-rate alerts (Google SRE workbook, https://sre.google/workbook/alerting-on-slos/): page when
# 2% of the window's budget burns in one hour, or 5% in six hours, as on the Twitter example.
fast_burn_budget_spent = fraction(0.02)
fast_burn_window = duration(SECONDS_PER_HOUR)
slow_burn_budget_spent = fraction(0.05)
slow_burn_window = duration(6 * SECONDS_PER_HOUR)
fast_burn_rate = burn_rate(fast_burn_budget_spent, fast_burn_window, slo_window)
slow_burn_rate = burn_rate(slow_burn_budget_spent, slow_burn_window, slo_window)
# The share of sends failing over the alert's window that burns at that rate.
fast_burn_error_share = fraction(fast_burn_rate * error_budget_share)
slow_burn_error_share = fraction(slow_burn_rate * error_budget_share)
# Each long window is paired with a short one a twelfth as long; an alert fires only while both are over.
fast_burn_short_window = duration(fast_burn_window / 12)
slow_burn_short_window = duration(slow_burn_window / 12)

# Latency as a threshold share: a p99 target lets 1 - 0.99 of sends (or deliveries) be slower, and the
# same burn rates page at that budget times the rate.
latency_budget_share = fraction(1 - 0.99)
fast_burn_slow_share = fraction(fast_burn_rate * latency_budget_share)
slow_burn_slow_share = fraction(slow_burn_rate * latency_budget_share)

if __name__ != "chat_reliability":
    print(
        markdown_table(
            ("Error budget", "Value"),
            [
                ("Sends allowed to fail", error_budget_share),
                (f"... as full downtime per {slo_window}", error_budget_downtime),
                (f"... as sends per {slo_window}", failed_sends_allowed),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (
                "Page when",
                "Short window",
                "Burn rate",
                "Sends failing over both windows",
                f"Over the target's latency ({latency_budget_share} budget)",
            ),
            [
                (
                    f"{fast_burn_budget_spent} of the budget spent in {fast_burn_window}",
                    fast_burn_short_window,
                    fast_burn_rate,
                    fast_burn_error_share,
                    fast_burn_slow_share,
                ),
                (
                    f"{slow_burn_budget_spent} of the budget spent in {slow_burn_window}",
                    slow_burn_short_window,
                    slow_burn_rate,
                    slow_burn_error_share,
                    slow_burn_slow_share,
                ),
            ],
        )
    )
