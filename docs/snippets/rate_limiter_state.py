"""Rate limiter worked example: the memory each algorithm needs to remember every client."""

from rate_limiter_assumptions import (
    active_clients_per_day,
    entry_overhead_bytes,
    key_bytes,
    limit_per_minute,
    timestamp_bytes,
    token_count_bytes,
)

from sdw.estimation import markdown_table, size, times

# Token bucket: how many tokens are left, and when the bucket was last refilled.
token_bucket_entry_bytes = size(key_bytes + token_count_bytes + timestamp_bytes + entry_overhead_bytes)
# Sliding window log: one timestamp per request in the last minute, at worst the whole limit.
sliding_log_entry_bytes = size(key_bytes + limit_per_minute * timestamp_bytes + entry_overhead_bytes)
# Sliding window counter: this minute's count, the last minute's, and when this minute started.
sliding_counter_entry_bytes = size(key_bytes + 2 * token_count_bytes + timestamp_bytes + entry_overhead_bytes)

token_bucket_memory = size(active_clients_per_day * token_bucket_entry_bytes)
sliding_log_memory = size(active_clients_per_day * sliding_log_entry_bytes)
sliding_counter_memory = size(active_clients_per_day * sliding_counter_entry_bytes)
log_over_bucket = times(sliding_log_entry_bytes / token_bucket_entry_bytes)

if __name__ != "rate_limiter_state":
    print(
        markdown_table(
            ("Algorithm", "Bytes per client", "Every client seen in a day"),
            [
                ("Token bucket", token_bucket_entry_bytes, token_bucket_memory),
                ("Sliding window log (worst case)", sliding_log_entry_bytes, sliding_log_memory),
                ("Sliding window counter", sliding_counter_entry_bytes, sliding_counter_memory),
            ],
        )
    )
