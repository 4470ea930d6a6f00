"""Rate limiter worked example: limit checks a second, average and peak, and the store they need."""

import math

from rate_limiter_assumptions import (
    active_clients_per_day,
    api_requests_per_day,
    ops_per_store_server,
    peak_to_average,
    store_copies,
)

from sdw.estimation import SECONDS_PER_DAY, count, markdown_table, peak, per_second, times

# Every API request is one check, and every check reads and updates its client's state at once.
checks_per_second = per_second(api_requests_per_day / SECONDS_PER_DAY)
checks_per_second_peak = peak(checks_per_second * peak_to_average)
reads_per_write = times(1)

# How many requests an average client makes in a day.
requests_per_client_per_day = count(api_requests_per_day / active_clients_per_day)

# The counter store: enough primaries for the peak, each with its replicas.
store_primaries = count(math.ceil(checks_per_second_peak / ops_per_store_server))
store_servers = count(store_primaries * store_copies)

if __name__ != "rate_limiter_traffic":
    print(
        markdown_table(
            ("Figure", "Average", "Peak (busy hour)"),
            [("Limit checks", checks_per_second, checks_per_second_peak)],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Requests per client a day", requests_per_client_per_day),
                ("Store primaries for the peak", store_primaries),
                ("Store servers with replicas", store_servers),
            ],
        )
    )
