"""Concepts, observability and SLOs: error budgets, why an average is the wrong latency SLI, and how
coarse a synthetic probe is as an SLI.

Error budget: the share 1 - target of the window's valid requests may fail. As full downtime it is
(1 - target) x the window (the availability reference's figures, reused for 99.9% and 99.99%); as
requests it is (1 - target) x rate x window, at the Twitter example's posts and home-timeline loads.
Traffic is not even: in the busy hour, at PEAK_TO_AVERAGE times the average rate, a full outage fails
requests that much faster and spends the request budget in downtime / PEAK_TO_AVERAGE.

Averages: a latency mix of FAST_S for most requests and SLOW_S for SLOW_SHARE of them has a mean of
the weighted sum, under the threshold, while the share over the threshold, the SLI that users feel,
is SLOW_SHARE against a budget of LATENCY_BUDGET: a burn rate of their ratio, which would spend the
window's budget in window / burn rate. The p99 is the latency below which 99% of requests fall.

Probes: a prober sends window / interval probes in the window; the target lets (1 - target) of them
fail, and one lost probe is 1 / that of the budget.
"""

from concept_slo_assumptions import (
    FAST_S,
    LATENCY_BUDGET,
    LATENCY_THRESHOLD_S,
    PEAK_TO_AVERAGE,
    PROBE_INTERVAL_S,
    SLO_REQUEST_RATE,
    SLOW_S,
    SLOW_SHARE,
    TARGETS,
)
from reference_availability import SLO_WINDOW, four_nines_per_month, three_nines_per_month
from twitter_reliability import failed_requests_allowed

from sdw.estimation import SECONDS_PER_DAY, count, duration, fraction, markdown_table, times


def downtime(target: float) -> float:
    return (1 - target) * SLO_WINDOW


def failed_requests(target: float) -> float:
    return (1 - target) * SLO_REQUEST_RATE * SLO_WINDOW


# The availability reference computes the same downtime; this page reuses its figures.
assert abs(downtime(0.999) - three_nines_per_month) < 1e-6
assert abs(downtime(0.9999) - four_nines_per_month) < 1e-6
# ...and at the Twitter example's own target, the same failed requests as its step 7.
assert abs(failed_requests(0.9999) - failed_requests_allowed) < 1e-3 * failed_requests_allowed

budget_rows = [
    (
        fraction(t),
        fraction(1 - t),
        duration(downtime(t)),
        count(failed_requests(t)),
        count(failed_requests(t) / (SLO_WINDOW / SECONDS_PER_DAY)),
    )
    for t in TARGETS
]
slo_requests_per_window = count(SLO_REQUEST_RATE * SLO_WINDOW)
budget_99 = duration(downtime(0.99))
budget_9995 = duration(downtime(0.9995))
failed_99 = count(failed_requests(0.99))
failed_999 = count(failed_requests(0.999))
failed_9995 = count(failed_requests(0.9995))
failed_9999 = count(failed_requests(0.9999))
# A full outage in the busy hour: the 99.99% budget's requests fail at the peak rate.
peak_outage_budget_gone_9999 = duration(failed_requests(0.9999) / (SLO_REQUEST_RATE * PEAK_TO_AVERAGE))

# --- Why an average is the wrong latency SLI ---------------------------------------------------------
mean_latency = duration((1 - SLOW_SHARE) * FAST_S + SLOW_SHARE * SLOW_S)
assert FAST_S < LATENCY_THRESHOLD_S < SLOW_S  # the fast loads meet the threshold, the slow ones miss it
share_under_threshold = fraction(1 - SLOW_SHARE)
# The 99th percentile: the slow loads are more than the slowest 1%, so it is their latency.
p99_latency = duration(SLOW_S if SLOW_SHARE > 0.01 else FAST_S)
latency_burn = times(SLOW_SHARE / LATENCY_BUDGET)
latency_budget_gone_in = duration(SLO_WINDOW / latency_burn)
mean_over_threshold = fraction(mean_latency / LATENCY_THRESHOLD_S)

# --- A synthetic probe as the SLI ---------------------------------------------------------------------
probes_per_window = count(SLO_WINDOW / PROBE_INTERVAL_S)
probe_budget_9999 = count(probes_per_window * (1 - 0.9999))
one_probe_share_9999 = fraction(1 / probe_budget_9999)

if __name__ != "concept_slo":
    print(
        markdown_table(
            ("Target", "Budget", "As full downtime per 30 days", "Failed requests per 30 days", "... a day"),
            budget_rows,
        )
    )
    print()
    print(
        markdown_table(
            ("A full outage in the busy hour", "Value"),
            [("Spends the 99.99% target's budget in", peak_outage_budget_gone_9999)],
        )
    )
    print()
    print(
        markdown_table(
            ("Latency SLI", "Value"),
            [
                ("Mean latency", mean_latency),
                ("... as a share of the threshold", mean_over_threshold),
                ("Share under the threshold (the SLI)", share_under_threshold),
                ("p99", p99_latency),
                ("Burn rate of the latency budget", latency_burn),
                ("Budget gone in", latency_budget_gone_in),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Probe a minute", "Value"),
            [
                ("Probes in 30 days", probes_per_window),
                ("Failed probes a 99.99% target allows", probe_budget_9999),
                ("One lost probe, share of that budget", one_probe_share_9999),
            ],
        )
    )
