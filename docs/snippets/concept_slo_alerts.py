"""Concepts, observability and SLOs: burn-rate alerts, from the share of the budget spent in a window.

Burn rate: spending a share s of the window's budget in a long window w burns it s x SLO window / w
times as fast as "used up exactly at the window's end" (sdw.estimation.burn_rate). The alert fires
when the error ratio over w passes burn rate x (1 - target); the short window is w / 12, and the
alert fires only while both windows are over the threshold.

At a burn rate b the whole budget lasts SLO window / b. A step from no errors to an error ratio e
(at least the threshold) fills the long window's average to the threshold after
w x b x (1 - target) / e: the time to detect. By then e x that time / ((1 - target) x SLO window) of
the budget is gone, which is s whatever e is. The page itself comes later still: the next scrape
collects the errors, the next rule evaluation sees them, so at worst one interval of each after that.

Reset: after a full outage that lasted longer than threshold x window ends, a window's error ratio
falls under the threshold once the outage's part of it is less than threshold x window, i.e.
window x (1 - threshold) after recovery. A single long window keeps paging that long; with the short
window the alert stops once the short one clears. The reset example takes the Twitter example's
99.99% target, like the rest of the page.

Incrementing alert duration (the workbook's third option; its example holds 1 h, this page takes
5 min): the error ratio over the SLO's own threshold, held for FOR_DURATION_S before firing. A full
outage crosses it at once and then spends FOR_DURATION_S of full downtime before the page: that over
the budget's downtime.

The naive option: alert when the error ratio over the last 10 minutes passes 1 - target. An event
that just trips it spends 10 minutes' worth of budget at a burn rate of 1, 10 min / 30 days of it;
it can fire a day / 10 min times a day and the SLO still be met.
"""

from concept_slo_assumptions import (
    ALERTS,
    FOR_DURATION_S,
    OUTAGE_S,
    RULE_EVALUATION_INTERVAL_S,
    SCRAPE_INTERVAL_S,
    SHORT_WINDOW_SHARE,
    THRESHOLD_ALERT_WINDOW,
)
from reference_availability import SLO_WINDOW
from twitter_assumptions import availability_target

from sdw.estimation import SECONDS_PER_DAY, burn_rate, count, duration, fraction, markdown_table, times

WORKBOOK_TARGET = 0.999  # the workbook's worked example
TWITTER_TARGET = float(availability_target)  # 99.99%


def detect_time(window: float, burn: float, target: float, error_ratio: float) -> float:
    """Seconds from a step to `error_ratio` until the window's average reaches the threshold."""
    return window * burn * (1 - target) / error_ratio


def reset_time(window: float, threshold: float) -> float:
    """Seconds after a long full outage ends until the window's error ratio is back under the threshold."""
    return window * (1 - threshold)


rows = []
for kind, share, window in ALERTS:
    burn = burn_rate(share, window, SLO_WINDOW)
    rows.append(
        (
            f"{kind}: {fraction(share)} in {duration(window)}",
            duration(window * SHORT_WINDOW_SHARE),
            burn,
            fraction(burn * (1 - WORKBOOK_TARGET)),
            fraction(burn * (1 - TWITTER_TARGET)),
            duration(SLO_WINDOW / burn),
            duration(detect_time(window, burn, TWITTER_TARGET, 1.0)),
        )
    )

(_, fast_share, fast_window), (_, slow_share, slow_window), (_, ticket_share, ticket_window) = ALERTS
fast_burn = burn_rate(fast_share, fast_window, SLO_WINDOW)
slow_burn = burn_rate(slow_share, slow_window, SLO_WINDOW)
ticket_burn = burn_rate(ticket_share, ticket_window, SLO_WINDOW)
fast_short_window = duration(fast_window * SHORT_WINDOW_SHARE)
slow_short_window = duration(slow_window * SHORT_WINDOW_SHARE)
ticket_short_window = duration(ticket_window * SHORT_WINDOW_SHARE)
fast_threshold_999 = fraction(fast_burn * (1 - WORKBOOK_TARGET))
fast_threshold_9999 = fraction(fast_burn * (1 - TWITTER_TARGET))
slow_threshold_9999 = fraction(slow_burn * (1 - TWITTER_TARGET))
ticket_threshold_9999 = fraction(ticket_burn * (1 - TWITTER_TARGET))
fast_budget_gone_in = duration(SLO_WINDOW / fast_burn)
slow_budget_gone_in = duration(SLO_WINDOW / slow_burn)
ticket_budget_gone_in = duration(SLO_WINDOW / ticket_burn)
# Detection at the Twitter target: a full outage, and a 1% error ratio.
fast_detect_full_outage = duration(detect_time(fast_window, fast_burn, TWITTER_TARGET, 1.0))
fast_detect_full_outage_999 = duration(detect_time(fast_window, fast_burn, WORKBOOK_TARGET, 1.0))
fast_detect_one_percent = duration(detect_time(fast_window, fast_burn, TWITTER_TARGET, 0.01))
# The page at worst one scrape and one rule evaluation after the window crosses the threshold.
fast_page_full_outage = duration(fast_detect_full_outage + SCRAPE_INTERVAL_S + RULE_EVALUATION_INTERVAL_S)
slow_detect_one_percent = duration(detect_time(slow_window, slow_burn, TWITTER_TARGET, 0.01))
budget_spent_at_fast_detection = fraction(0.01 * fast_detect_one_percent / ((1 - TWITTER_TARGET) * SLO_WINDOW))
# An error ratio between the slow page's threshold and the fast page's: only the 6 h alert catches it.
between_error_ratio = fraction(0.001)
between_burn = times(float(between_error_ratio) / (1 - TWITTER_TARGET))
between_detect = duration(detect_time(slow_window, slow_burn, TWITTER_TARGET, float(between_error_ratio)))
between_budget_gone_in = duration(SLO_WINDOW / between_burn)

# Reset after a full outage of OUTAGE_S, at the fast page's threshold for the 99.99% target. The formula
# holds for any outage longer than threshold x window.
assert fast_window * float(fast_threshold_9999) < OUTAGE_S
single_window_reset = duration(reset_time(fast_window, float(fast_threshold_9999)))
multiwindow_reset = duration(reset_time(fast_window * SHORT_WINDOW_SHARE, float(fast_threshold_9999)))
outage_budget_share_9999 = fraction(OUTAGE_S / ((1 - TWITTER_TARGET) * SLO_WINDOW))

# Incrementing alert duration: a full outage spends the `for:` time before the page.
for_outage_budget_share_9999 = fraction(FOR_DURATION_S / ((1 - TWITTER_TARGET) * SLO_WINDOW))

# The naive option: error ratio over 10 minutes above the SLO's own.
naive_event_budget_share = fraction(THRESHOLD_ALERT_WINDOW / SLO_WINDOW)
naive_alerts_per_day = count(SECONDS_PER_DAY / THRESHOLD_ALERT_WINDOW)

if __name__ != "concept_slo_alerts":
    print(
        markdown_table(
            (
                "Alert (long window)",
                "Short window",
                "Burn rate",
                "Error ratio at 99.9%",
                "Error ratio at 99.99%",
                "Budget gone in",
                "Detects a full outage at 99.99% in",
            ),
            rows,
        )
    )
    print()
    print(
        markdown_table(
            ("At the 99.99% target", "Value"),
            [
                (
                    "Fast page: a full outage pages, with a scrape and a rule evaluation, at worst in",
                    fast_page_full_outage,
                ),
                ("Fast page: detects a 1% error ratio in", fast_detect_one_percent),
                ("... having spent of the budget", budget_spent_at_fast_detection),
                ("Slow page: detects a 1% error ratio in", slow_detect_one_percent),
                (f"A {between_error_ratio} error ratio: burn rate", between_burn),
                ("... the slow page detects it in", between_detect),
                ("... the budget is gone in", between_budget_gone_in),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("After recovery, and the simpler options (99.99%)", "Value"),
            [
                (f"After a {duration(OUTAGE_S)} full outage: a single 1 h window pages on for", single_window_reset),
                ("... with the 5-minute short window, for", multiwindow_reset),
                ("... the outage spent of the budget", outage_budget_share_9999),
                (
                    f"Threshold held for {duration(FOR_DURATION_S)}: a full outage spends before the page",
                    for_outage_budget_share_9999,
                ),
                ("Naive 10-minute threshold: budget an alert-worthy event spends", naive_event_budget_share),
                ("... alerts a day it can fire while the SLO is met", naive_alerts_per_day),
            ],
        )
    )
