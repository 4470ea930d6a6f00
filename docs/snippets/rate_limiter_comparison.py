"""Rate limiter worked example: our state sizes beside Grokking's formulas, worked in this site's units.

Grokking sizes one million users tracked at any one time, with a limit of 500 requests an hour.
Both of its formulas start with an 8-byte user ID and end with 20 bytes of hash-table overhead.
Between them, its sliding window log keeps a 4-byte timestamp and 20 bytes of sorted-set overhead
per request; its sliding window with counters keeps one counter per minute of the hour (a 4-byte
timestamp, a 2-byte count and 20 bytes of Redis-hash overhead each). Grokking rounds the results
to 12KB and 1.6KB a user, and 12GB and 1.6GB for a million users; the site's formatting prints
the unrounded sums.
"""

from rate_limiter_assumptions import active_clients_per_day
from rate_limiter_state import (
    sliding_counter_entry_bytes,
    sliding_counter_memory,
    sliding_log_entry_bytes,
    sliding_log_memory,
)

from sdw.estimation import count, markdown_table, size

grokking_users = count(1e6)
grokking_log_bytes = size(8 + 500 * (4 + 20) + 20)
grokking_log_memory = size(grokking_users * grokking_log_bytes)
grokking_counter_bytes = size(8 + 60 * (4 + 2 + 20) + 20)
grokking_counter_memory = size(grokking_users * grokking_counter_bytes)
# What Grokking states for one user's counters, rounded as it rounds it.
grokking_counter_bytes_stated = size(1.6e3)

if __name__ != "rate_limiter_comparison":
    print(
        markdown_table(
            ("Figure", "Grokking's formula, worked here", "Ours"),
            [
                ("Clients sized (Grokking: at one time; ours: seen in a day)", grokking_users, active_clients_per_day),
                ("Sliding window log, bytes per client", grokking_log_bytes, sliding_log_entry_bytes),
                ("... all clients", grokking_log_memory, sliding_log_memory),
                ("Sliding window counter, bytes per client", grokking_counter_bytes, sliding_counter_entry_bytes),
                ("... all clients", grokking_counter_memory, sliding_counter_memory),
            ],
        )
    )
