"""Rate limiter worked example: checks a second, average and peak, and what each costs the store."""

from rate_limiter_assumptions import (
    active_clients_per_day,
    api_requests_per_day,
    in_zone_round_trip,
    peak_to_average,
)

from sdw.estimation import SECONDS_PER_DAY, count, markdown_table, peak, per_second, times

# Every API request is one check, against its client's rule.
checks_per_second = per_second(api_requests_per_day / SECONDS_PER_DAY)
checks_per_second_peak = peak(checks_per_second * peak_to_average)
# Each check reads and updates its counter in one script: one store operation, read and write at once.
reads_per_write = times(1)
store_ops_per_second_peak = peak(checks_per_second_peak)
# Counters: one per client and rule; a client seen today has one live key at most.
counters = count(active_clients_per_day)

# How many requests an average client makes in a day.
requests_per_client_per_day = count(api_requests_per_day / active_clients_per_day)

# Round trips the check adds to a request: one to the store, inside the zone.
round_trips_added = count(1)
added_latency = in_zone_round_trip

if __name__ != "rate_limiter_traffic":
    print(
        markdown_table(
            ("Figure", "Average", "Peak (busy hour)"),
            [
                ("Limit checks", checks_per_second, checks_per_second_peak),
                ("Store operations (one script a check)", checks_per_second, store_ops_per_second_peak),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Counters (clients × one rule)", counters),
                ("Requests per client a day", requests_per_client_per_day),
                ("Round trips the check adds", round_trips_added),
                ("Latency they add", added_latency),
            ],
        )
    )
