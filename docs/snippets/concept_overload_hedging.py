"""Concepts, timeouts, retries and overload: what hedged requests cost as load rises.

Dean and Barroso ("The Tail at Scale", CACM 2013) send a second copy of a request once the first has
waited past the p95 of its latency, so about 5% of requests are copied. The delay is a fixed time,
measured while the service was healthy. Model one server as M/M/1 (concept_overload): the response
time is exponential with mean S / (1 - rho), so the share of requests still unanswered after a time t
is exp(-t (1 - rho) / S). Set t at the p95 of a server half busy, then raise the load: the same t
is passed by far more requests, and each one sends a hedge, which adds its load to servers already
slower. The copies are cancelled when the first answer arrives, but a copy that has started has
cost its work; the load below counts every hedge sent (an upper bound).
"""

import math

from concept_overload import SERVICE_TIME, mm1_response

from sdw.estimation import duration, fraction, markdown_table

HEALTHY_UTILIZATION = 0.5  # the load the hedge delay was measured at
HEDGE_PERCENTILE = 0.95
# A cap on hedges as a share of requests, as Finagle's BackupRequestFilter keeps with maxExtraLoad.
# gRPC's retry throttle is no such cap: it takes tokens only for failures, so hedges of slow but
# successful calls pass it.
BUDGET = 0.05
UTILIZATIONS = (0.5, 0.7, 0.8, 0.9)

# An M/M/1 server's response time is exponential with mean mm1_response(rho): its p95 is ln(20) means.
hedge_delay_seconds = math.log(1 / (1 - HEDGE_PERCENTILE)) * mm1_response(HEALTHY_UTILIZATION)
hedge_delay = duration(hedge_delay_seconds)
healthy_utilization = fraction(HEALTHY_UTILIZATION)
budget = fraction(BUDGET)


def hedged_share(rho: float) -> float:
    return math.exp(-hedge_delay_seconds / mm1_response(rho))


hedge_rows = [
    (
        fraction(rho),
        fraction(hedged_share(rho)),
        fraction(rho * (1 + hedged_share(rho))),
        fraction(rho * (1 + min(hedged_share(rho), BUDGET))),
    )
    for rho in UTILIZATIONS
]
hedged_at_50 = fraction(hedged_share(0.5))
hedged_at_80 = fraction(hedged_share(0.8))
hedged_at_90 = fraction(hedged_share(0.9))
load_at_80 = fraction(0.8 * (1 + hedged_share(0.8)))
load_at_90 = fraction(0.9 * (1 + hedged_share(0.9)))
capped_load_at_90 = fraction(0.9 * (1 + BUDGET))

HEADER = ("Utilization before hedging", "Requests hedged", "Load with every hedge sent", f"Load with a {budget} cap")

if __name__ != "concept_overload_hedging":
    print(markdown_table(HEADER, hedge_rows))
    print()
    print(
        f"Hedge delay: the p95 at {healthy_utilization} utilization, {hedge_delay}, for a service time of "
        f"{duration(SERVICE_TIME)}."
    )
