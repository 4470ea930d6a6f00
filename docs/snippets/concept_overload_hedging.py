"""Concepts, timeouts, retries and overload: what hedged requests cost as load rises.

Dean and Barroso ("The Tail at Scale", CACM 2013) send a second copy of a request once the first has
waited past the p95 of its latency, so about 5% of requests are copied. The delay is a fixed time,
measured while the service was healthy. Model one server as M/M/1 (concept_overload): the response
time is exponential with mean S / (1 - rho), so the share of requests still unanswered after a time t
is exp(-t (1 - rho) / S). Set t at the p95 of a server half busy, then raise the load: the same t
is passed by far more requests, and each one sends a hedge, which adds its load to servers already
slower. The copies are cancelled when the first answer arrives, but a copy that has started has
cost its work; the load below counts every hedge sent (an upper bound).

Finagle's BackupRequestFilter (finagle-core, client/BackupRequestFilter.scala) takes the delay from
recent latency instead: the (1 - maxExtraLoad) percentile of a sliding window (WindowedPercentileHistogram,
3 buckets of 10 s), refreshed every 3 s. With maxExtraLoad 5% that is the recent p95, so the share
hedged stays near 5% as load rises, but the delay grows with the latency and lags a sudden shift by up
to the window. A RetryBudget of maxExtraLoad on top of DefaultMinRetriesPerSec (10 a second) caps the
backups meanwhile; the floor lets a client with few requests back up far more than 5% of them.
"""

import math

from concept_overload import SERVICE_TIME, mm1_response
from concept_overload_retries import FINAGLE_FLOOR, LOW_RATE

from sdw.estimation import duration, fraction, markdown_table, per_second

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

# --- Finagle: the delay from a recent percentile, and a budget with a floor ---------------------
FINAGLE_WINDOW = 3 * 10  # seconds: WindowedPercentileHistogram's 3 buckets of 10 s
FINAGLE_REFRESH = 3  # seconds: BackupRequestFilter's RefreshPercentileInterval
finagle_window = duration(FINAGLE_WINDOW)
finagle_refresh = duration(FINAGLE_REFRESH)
finagle_floor = per_second(FINAGLE_FLOOR)  # RetryBudget.DefaultMinRetriesPerSec, the same as for retries
tracked_delay_at_90 = duration(math.log(1 / (1 - HEDGE_PERCENTILE)) * mm1_response(0.9))  # the p95 at 90% busy
low_rate = per_second(LOW_RATE)
floor_share_at_low_rate = fraction((FINAGLE_FLOOR + BUDGET * LOW_RATE) / LOW_RATE)

HEADER = ("Utilization before hedging", "Requests hedged", "Load with every hedge sent", f"Load with a {budget} cap")

if __name__ != "concept_overload_hedging":
    print(markdown_table(HEADER, hedge_rows))
    print()
    print(
        f"Hedge delay: the p95 at {healthy_utilization} utilization, {hedge_delay}, for a service time of "
        f"{duration(SERVICE_TIME)}."
    )
    print()
    print(
        f"Finagle: the delay is the recent p95 ({finagle_window} window, refreshed every {finagle_refresh}), "
        f"{tracked_delay_at_90} at 90% busy; its budget's floor of {finagle_floor} lets a client at {low_rate} "
        f"back up {floor_share_at_low_rate} of its requests."
    )
