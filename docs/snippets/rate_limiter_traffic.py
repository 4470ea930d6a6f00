"""Rate limiter worked example: checks a second, average and peak, and what each costs the store."""

from rate_limiter_assumptions import (
    active_clients_per_day,
    api_requests_per_day,
    cross_zone_round_trip,
    in_zone_round_trip,
    peak_to_average,
    regions,
    shared_check_share,
    zones,
)

from sdw.estimation import SECONDS_PER_DAY, count, duration, fraction, markdown_table, peak, per_second, times

# Every API request is one check, against its client's rule.
checks_per_second = per_second(api_requests_per_day / SECONDS_PER_DAY)
checks_per_second_peak = peak(checks_per_second * peak_to_average)
# Each check reads and updates its counter in one script: one store operation, read and write at once.
reads_per_write = times(1)
# The exchange between regions (step 6), for keys seen in more than one region only: every sync
# interval the sending region reads and zeroes each such key's delta (one operation), and each other
# region applies the report to its bucket (one write each). A key reports at most once an interval,
# however many checks it had, so shared checks x regions is an upper bound.
exchange_ops_per_second = per_second(checks_per_second * shared_check_share * regions)
exchange_ops_per_second_peak = peak(checks_per_second_peak * shared_check_share * regions)
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
# Most checks pay the cross-zone round trip, so it is what the 99th percentile sees.
added_latency = cross_zone_round_trip
added_latency_average = duration(
    cross_zone_check_share * cross_zone_round_trip + (1 - cross_zone_check_share) * in_zone_round_trip
)

if __name__ != "rate_limiter_traffic":
    print(
        markdown_table(
            ("Figure", "Average", "Peak (busy hour)"),
            [
                ("Limit checks", checks_per_second, checks_per_second_peak),
                ("Exchange between regions, at most", exchange_ops_per_second, exchange_ops_per_second_peak),
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
                ("Latency they add, most checks (so the 99th percentile)", added_latency),
                ("Latency they add, on average over all checks", added_latency_average),
            ],
        )
    )
