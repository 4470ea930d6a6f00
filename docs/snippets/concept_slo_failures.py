"""Concepts, observability and SLOs: percentiles averaged across hosts, and counts lost at a restart.

Percentiles: HOSTS hosts; the healthy ones serve a two-point latency mix, one sick host answers every
request in SICK_LATENCY_S. Each host's own p99 is the latency below which 99% of its requests fall;
the dashboard's mistake averages those p99s, one per host. The true p99 merges the hosts' requests
(their histograms' buckets, added) weighted by the traffic each host serves, then reads the 99th
percentile off the merged distribution. Two traffic shares for the sick host: its even share, and
the much smaller share a least-requests balancer gives a slow host.

Restart: a counter lives in the process; a crash loses the requests counted since the last scrape,
at most one scrape interval of the server's share of the traffic (the Twitter example's API
requests at their peak over its API servers: the worst case, a crash in the busy hour).
"""

from concept_slo_assumptions import (
    API_RATE_PEAK,
    HEALTHY_MIX,
    HOSTS,
    INSTANCES,
    SCRAPE_INTERVAL_S,
    SICK_LATENCY_S,
    SICK_TRAFFIC_SHARES,
)

from sdw.estimation import count, duration, fraction, markdown_table, per_second, times


def percentile(mix: list[tuple[float, float]], q: float) -> float:
    """The latency below which a share q of requests fall, for (share, latency) pairs summing to 1."""
    seen = 0.0
    for share, latency in sorted(mix, key=lambda pair: pair[1]):
        seen += share
        if seen >= q - 1e-12:
            return latency
    raise ValueError("shares do not reach q")


healthy_p99 = percentile(list(HEALTHY_MIX), 0.99)
sick_p99 = SICK_LATENCY_S
averaged_p99 = duration(((HOSTS - 1) * healthy_p99 + sick_p99) / HOSTS)  # the same whatever the traffic split


def merged_p99(sick_share: float) -> float:
    mix = [(share * (1 - sick_share), latency) for share, latency in HEALTHY_MIX] + [(sick_share, SICK_LATENCY_S)]
    return percentile(mix, 0.99)


def off_by(true_p99: float) -> str:
    if averaged_p99 < true_p99:
        return f"{times(true_p99 / averaged_p99)} too low"
    return f"{times(averaged_p99 / true_p99)} too high"


rows = [
    (fraction(share), averaged_p99, duration(merged_p99(share)), off_by(merged_p99(share)))
    for share in SICK_TRAFFIC_SHARES
]
healthy_host_p99 = duration(healthy_p99)
sick_host_p99 = duration(sick_p99)
even_share = fraction(SICK_TRAFFIC_SHARES[0])
small_share = fraction(SICK_TRAFFIC_SHARES[1])
merged_p99_even = duration(merged_p99(SICK_TRAFFIC_SHARES[0]))
merged_p99_small = duration(merged_p99(SICK_TRAFFIC_SHARES[1]))
averaged_under_true_even = times(merged_p99_even / averaged_p99)
averaged_over_true_small = times(averaged_p99 / merged_p99_small)

# --- A counter reset --------------------------------------------------------------------------------
per_server_rate = per_second(API_RATE_PEAK / INSTANCES, peak=True)
lost_per_crash = count(per_server_rate * SCRAPE_INTERVAL_S)
scrape_interval = duration(SCRAPE_INTERVAL_S)

if __name__ != "concept_slo_failures":
    print(
        markdown_table(
            ("Sick host's share of traffic", "Average of the hosts' p99s", "True p99 (merged)", "The average is"),
            rows,
        )
    )
    print()
    print(
        markdown_table(
            ("Counter reset", "Value"),
            [
                ("Requests a second on one API server, at the peak", per_server_rate),
                ("Counted requests lost in a crash, at most", lost_per_crash),
            ],
        )
    )
