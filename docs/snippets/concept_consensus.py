"""Concepts, consensus: how many nodes a group needs, and the least time one commit takes.

Quorums. A group of n nodes commits once a majority, floor(n / 2) + 1, has the entry, so it keeps
working with f = floor((n - 1) / 2) nodes down (Raft 2014, section 5; Paxos alike). An even n needs
a larger majority and survives no more failures than n - 1. Down time assumes each node is up
NODE_AVAILABILITY of the time, independently: the group stops when more than f are down at once.
Zones: the nodes are spread over three zones as evenly as possible, and the worst zone is lost.

Latency. A commit waits for the leader's round trip to the nearest followers that complete a
majority, plus a flush of the log to disk; etcd's performance guide puts the least time for a request
at the round trip between members plus fdatasync, "often lower than 1 ms" on an SSD and about 10 ms
on a spinning disk (https://etcd.io/docs/v3.5/op-guide/performance/). Round trips: the budget
between VMs in one zone (reference_latency) and between zones (the rate limiter's cross-zone
assumption, 2 ms), and beside them the fiber floor between zones 100 km apart and between cities
(reference_fiber): a floor is the least light in fiber allows, a budget what a design plans for.
A Cassandra lightweight transaction takes four round trips between the coordinator and the replicas
with the default paxos_variant v1 (prepare, read, propose, commit) and three with v2, as chat step 4
counts them.
"""

from math import comb

from rate_limiter_assumptions import cross_zone_round_trip
from reference_fiber import great_circle_km, round_trip_floor, zone_pair_rtt_floor
from reference_latency import vm_round_trip_budget

from sdw.estimation import SECONDS_PER_YEAR, count, duration, fraction, markdown_table, per_second

NODE_AVAILABILITY = 0.999  # assumed: each node up 99.9% of the time, failures independent
ZONES = 3
SSD_FSYNC = 1e-3  # etcd's guide: an SSD's fdatasync, often below 1 ms (taken as 1 ms)
DISK_FSYNC = 10e-3  # etcd's guide: a spinning disk's, about 10 ms
LWT_ROUND_TRIPS_V1, LWT_ROUND_TRIPS_V2 = 4, 3  # Cassandra paxos_variant v1 (default) and v2


def majority(n: int) -> int:
    return n // 2 + 1


def tolerated(n: int) -> int:
    return (n - 1) // 2


def unavailable(n: int, q: float = 1 - NODE_AVAILABILITY) -> float:
    """Chance that more than f of n independent nodes are down at once."""
    return sum(comb(n, k) * q**k * (1 - q) ** (n - k) for k in range(tolerated(n) + 1, n + 1))


def survives_zone_loss(n: int) -> bool:
    """Spread n nodes over the zones as evenly as possible; lose the fullest zone."""
    fullest = -(-n // ZONES)
    return n - fullest >= majority(n)


quorum_rows = [
    (
        count(n),
        count(majority(n)),
        count(tolerated(n)),
        "yes" if survives_zone_loss(n) else "no",
        duration(unavailable(n) * SECONDS_PER_YEAR),
    )
    for n in range(1, 8)
]

node_availability = fraction(NODE_AVAILABILITY)
three_tolerate = count(tolerated(3))
five_tolerate = count(tolerated(5))
four_majority = count(majority(4))
three_down_per_year = duration(unavailable(3) * SECONDS_PER_YEAR)
four_down_per_year = duration(unavailable(4) * SECONDS_PER_YEAR)
five_down_per_year = duration(unavailable(5) * SECONDS_PER_YEAR)
one_down_per_year = duration(unavailable(1) * SECONDS_PER_YEAR)

# --- Where the nodes sit, and the least time a commit waits ----------------------------------------
# Three regions: replicas in San Francisco, New York and London, the leader in New York, whose nearest
# follower (San Francisco) completes the majority.
cross_region_rtt = round_trip_floor(great_circle_km("New York", "San Francisco"))
PLACEMENTS = [
    ("One zone (VM round trip budget)", float(vm_round_trip_budget)),
    ("Three zones of one region (budget: the rate limiter's cross-zone round trip)", float(cross_zone_round_trip)),
    ("Three zones of one region, 100 km apart (fiber floor)", float(zone_pair_rtt_floor)),
    ("Three regions: San Francisco, New York, London; leader in New York (fiber floor)", cross_region_rtt),
]
latency_rows = [
    (
        placement,
        duration(rtt),
        duration(rtt + SSD_FSYNC),
        per_second(1 / (rtt + SSD_FSYNC)),
        duration(LWT_ROUND_TRIPS_V1 * rtt),
        duration(LWT_ROUND_TRIPS_V2 * rtt),
    )
    for placement, rtt in PLACEMENTS
]

ssd_fsync = duration(SSD_FSYNC)
disk_fsync = duration(DISK_FSYNC)
zone_commit = duration(vm_round_trip_budget + SSD_FSYNC)
region_commit = duration(zone_pair_rtt_floor + SSD_FSYNC)
region_rtt_budget = duration(cross_zone_round_trip)
region_commit_budget = duration(cross_zone_round_trip + SSD_FSYNC)
cross_region_rtt_floor = duration(cross_region_rtt)
cross_region_commit = duration(cross_region_rtt + SSD_FSYNC)
cross_region_serial_per_key = per_second(1 / (cross_region_rtt + SSD_FSYNC))
region_lwt_v1 = duration(LWT_ROUND_TRIPS_V1 * zone_pair_rtt_floor)
cross_region_lwt_v1 = duration(LWT_ROUND_TRIPS_V1 * cross_region_rtt)
disk_commit_in_region = duration(zone_pair_rtt_floor + DISK_FSYNC)

if __name__ != "concept_consensus":
    print(
        markdown_table(
            (
                "Nodes",
                "Majority",
                "Nodes that may fail",
                "Survives a zone lost (three zones)",
                f"Down a year, each node up {node_availability}",
            ),
            quorum_rows,
        )
    )
    print()
    print(
        markdown_table(
            (
                "Where the group sits",
                "Round trip to a majority",
                f"Raft commit, with a {ssd_fsync} SSD flush",
                "Commits a second, each waiting for the last",
                "Cassandra LWT, v1 (4 round trips)",
                "Cassandra LWT, v2 (3)",
            ),
            latency_rows,
        )
    )
