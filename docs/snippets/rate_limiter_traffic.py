"""Rate limiter worked example: checks a second, average and peak, and what each costs the store."""

import math

from rate_limiter_assumptions import (
    active_clients_per_day,
    added_latency_budget,
    api_requests_per_day,
    client_connection_max_life,
    cross_zone_round_trip,
    cross_zone_round_trip_p99,
    in_zone_round_trip,
    in_zone_round_trip_p99,
    limit_per_minute,
    peak_to_average,
    regions,
    shared_check_share,
    window_seconds,
    zones,
)

from sdw.estimation import SECONDS_PER_DAY, count, duration, fraction, markdown_table, peak, per_second, times

# Every API request is one check, against its client's rule.
checks_per_second = per_second(api_requests_per_day / SECONDS_PER_DAY)
checks_per_second_peak = peak(checks_per_second * peak_to_average)
# Each check reads and updates its counter in one script: one store operation, read and write at once.
reads_per_write = times(1)
# The exchange between regions (step 6), for keys seen in more than one region only. The gateway's
# library knows a key is shared, so after a shared check it tells the region's exchanger the key's
# name in memory (not through the store); every sync interval the exchanger reads and deletes the
# named key's delta, one hash per API key holding a count for each of its rules, with one script
# (HGETALL then DEL), and each other region applies the report to all of that key's buckets with one
# script (one write each; the buckets share the key's hash tag, so one shard). A key reports at most
# once an interval, however many checks and rules it had, so shared checks x regions is an upper
# bound on the store operations, and shared checks on the names sent. (A hot key split over shards
# is applied as one write a shard: rate_limiter_servers.py bounds what that adds.)
exchange_ops_per_second = per_second(checks_per_second * shared_check_share * regions)
exchange_ops_per_second_peak = peak(checks_per_second_peak * shared_check_share * regions)
# Names sent from gateways to the exchanger, at most one per shared check: traffic outside the store.
exchange_names_per_second = per_second(checks_per_second * shared_check_share)
exchange_names_per_second_peak = peak(checks_per_second_peak * shared_check_share)
store_ops_per_second = per_second(checks_per_second + exchange_ops_per_second)
store_ops_per_second_peak = peak(checks_per_second_peak + exchange_ops_per_second_peak)
# Counters: one per client for its main rule. Not an upper bound: each more rule a client matches,
# and each more region it reaches, adds a counter.
counters = count(active_clients_per_day)

# How many requests an average client makes in a day.
requests_per_client_per_day = count(api_requests_per_day / active_clients_per_day)

# Round trips the check adds to a request: one, to the shard that holds the client's primary. Every
# check writes, so it must reach the primary; a region's primaries are spread over its zones and the
# gateways of every zone serve every client, so the primary is in another zone for all but 1 in Z.
round_trips_added = count(1)
cross_zone_check_share = fraction((zones - 1) / zones)
# The round trip most checks pay: an assumed typical cross-zone figure. The check's p99 is at most the
# cross-zone trip's (a check in the zone is faster): with Z = 3 it is that trip's 98.5th percentile
# (0.01 / (2/3) of those that cross). The budget takes the bound; the rest is the store's.
assert in_zone_round_trip_p99 <= cross_zone_round_trip_p99
added_latency = cross_zone_round_trip
added_latency_p99 = cross_zone_round_trip_p99
latency_margin = duration(added_latency_budget - added_latency_p99)
# A separate limiter service instead (step 5): the gateway reaches a service in its own zone, which
# then makes the same round trip to the shard. Two hops. That needs routing that keeps the first hop
# in the zone; behind an ordinary load balancer that spreads calls over the zones, the first hop
# crosses zones too for most checks, and the two hops are over the budget.
separate_service_added_latency = duration(in_zone_round_trip + cross_zone_round_trip)
# At the 99th percentile both hops at their p99 (the one to the shard crosses for most checks): the
# whole budget, nothing left for the store's work.
separate_service_added_latency_p99 = duration(in_zone_round_trip_p99 + cross_zone_round_trip_p99)
separate_service_both_hops_cross_zone = duration(2 * cross_zone_round_trip)
added_latency_average = duration(
    cross_zone_check_share * cross_zone_round_trip + (1 - cross_zone_check_share) * in_zone_round_trip
)
# The balancer closes a client's connection once it has lasted client_connection_max_life, so that a zone
# cut off from the others drains (step 7): the request that opens the next one pays a TCP and a TLS
# handshake at the client's round trip. A default-plan client at its limit on one connection sends this
# share of its requests that way; step 1 says that is the edge of its 99th percentile. The duration holds
# for each connection, so a client on k connections sends k times this share.
reconnect_request_share = fraction(window_seconds / limit_per_minute / client_connection_max_life)
assert math.isclose(reconnect_request_share, 0.01), "reword step 1's row on closing client connections"

if __name__ != "rate_limiter_traffic":
    print(
        markdown_table(
            ("Figure", "Average", "Peak (busy hour)"),
            [
                ("Limit checks", checks_per_second, checks_per_second_peak),
                (
                    "Exchange between regions, at most (plus each split key's extra writes, servers table below)",
                    exchange_ops_per_second,
                    exchange_ops_per_second_peak,
                ),
                (
                    "Shared keys' names sent to the regions' exchangers, all regions, at most (not store operations)",
                    exchange_names_per_second,
                    exchange_names_per_second_peak,
                ),
                ("Store operations (checks and exchange)", store_ops_per_second, store_ops_per_second_peak),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Counters, one per client for its main rule (more rules or regions add more)", counters),
                ("Requests per client a day", requests_per_client_per_day),
                ("Round trips the check adds", round_trips_added),
                ("... of them to a primary in another zone of the region", cross_zone_check_share),
                ("Latency they add, the round trip most checks pay", added_latency),
                ("... at the 99th percentile, at most the cross-zone round trip's", added_latency_p99),
                ("... left of the budget for the store's work", latency_margin),
                ("Latency they add, on average over all checks", added_latency_average),
                ("A separate service in the gateway's zone instead: two hops", separate_service_added_latency),
                ("... at the 99th percentile", separate_service_added_latency_p99),
                (
                    "... behind a load balancer spreading calls over zones, both hops crossing",
                    separate_service_both_hops_cross_zone,
                ),
                (
                    f"Connections closed at {client_connection_max_life} old: share of a default-plan client's "
                    "requests at its limit on one connection that open one",
                    reconnect_request_share,
                ),
            ],
        )
    )
