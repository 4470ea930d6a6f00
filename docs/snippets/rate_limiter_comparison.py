"""Rate limiter worked example: our state sizes beside Grokking's, recomputed from its own sizes.

Grokking sizes one million users with a limit of 500 requests an hour. Its sliding window log
keeps a 4-byte timestamp per request plus 20 bytes of sorted-set overhead per entry; its sliding
window with counters keeps one counter per minute of the hour (a 4-byte timestamp, a 2-byte count
and 20 bytes of overhead each), plus an 8-byte user ID and 20 bytes for the hash table entry.
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
grokking_log_bytes = size(500 * (4 + 20))
grokking_log_memory = size(grokking_users * grokking_log_bytes)
grokking_counter_bytes = size(8 + 60 * (4 + 2 + 20) + 20)
grokking_counter_memory = size(grokking_users * grokking_counter_bytes)

if __name__ != "rate_limiter_comparison":
    print(
        markdown_table(
            ("Figure", "Grokking (recomputed)", "Ours"),
            [
                ("Clients sized", grokking_users, active_clients_per_day),
                ("Sliding window log, bytes per client", grokking_log_bytes, sliding_log_entry_bytes),
                ("... all clients", grokking_log_memory, sliding_log_memory),
                ("Sliding window counter, bytes per client", grokking_counter_bytes, sliding_counter_entry_bytes),
                ("... all clients", grokking_counter_memory, sliding_counter_memory),
            ],
        )
    )
