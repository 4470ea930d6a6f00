"""Rate limiter worked example: the bytes each algorithm keeps per client and rule, and for all clients."""

from rate_limiter_assumptions import (
    active_clients_per_day,
    batch_number_bytes,
    burst_allowance,
    entry_overhead_bytes,
    ip_range_entries,
    ip_range_entry_bytes,
    key_bytes,
    large_plan_limit_per_minute,
    lease_epoch_bytes,
    limit_per_minute,
    region_id_bytes,
    regions,
    sorted_set_listpack_entry_bytes,
    sorted_set_skiplist_entry_bytes,
    state_field_bytes,
    store_copies,
    timestamp_bytes,
    token_count_bytes,
    window_seconds,
    zset_max_listpack_entries,
)
from reference_capacity import memory_bytes

from sdw.estimation import duration, fraction, markdown_table, size, times

# Token bucket: the tokens left, when the bucket was last refilled, and its state (normal, share or
# moved, step 6), which a bucket shared between regions or split over shards needs. The value alone
# is what each check reads and writes back.
token_bucket_value_bytes = size(token_count_bytes + timestamp_bytes + state_field_bytes)
token_bucket_entry_bytes = size(key_bytes + token_bucket_value_bytes + entry_overhead_bytes)
# Leaky bucket, used as a meter rather than a queue: the water level, when it last leaked, and the
# same state, had it the token bucket's job.
leaky_bucket_entry_bytes = size(
    key_bytes + token_count_bytes + timestamp_bytes + state_field_bytes + entry_overhead_bytes
)
# The same meter in its usual production form, GCRA (generic cell rate algorithm): one timestamp,
# the theoretical arrival time (TAT), and the state. No level: a bucket in debt is a TAT further ahead.
gcra_entry_bytes = size(key_bytes + timestamp_bytes + state_field_bytes + entry_overhead_bytes)
gcra_saving_bytes = size(leaky_bucket_entry_bytes - gcra_entry_bytes)
# Fixed window: one count; the window's number is part of the key, and the expiry ends it.
fixed_window_entry_bytes = size(key_bytes + token_count_bytes + entry_overhead_bytes)


# Sliding window log: a sorted set with one entry per request in the last minute, at most the whole
# limit. An entry costs its sorted set's per-entry bytes (rate_limiter_assumptions.py, derived from
# the listpack and skiplist layouts, not measured): compact up to zset_max_listpack_entries entries,
# a skiplist above.
def sorted_set_entry_bytes(entries):
    return sorted_set_listpack_entry_bytes if entries <= zset_max_listpack_entries else sorted_set_skiplist_entry_bytes


sliding_log_entry_bytes = size(
    key_bytes + limit_per_minute * sorted_set_entry_bytes(limit_per_minute) + entry_overhead_bytes
)
# The same log for a large plan's key: too many entries for a listpack, so a skiplist.
large_plan_log_entry_bytes = size(
    key_bytes + large_plan_limit_per_minute * sorted_set_entry_bytes(large_plan_limit_per_minute) + entry_overhead_bytes
)
# Sliding window counter: this window's count, the last window's, and when this window started.
sliding_counter_entry_bytes = size(key_bytes + 2 * token_count_bytes + timestamp_bytes + entry_overhead_bytes)
# A key seen in more than one region also keeps, in each region, the tokens spent there since the
# last exchange: one small hash per API key, on the same shard as its buckets, with a count for each
# rule that counts by the key. Sized for the main rule alone: the key's name and the rule's ID in the
# field together fit the key bytes, plus one count. Each more rule adds a field.
region_delta_entry_bytes = size(key_bytes + token_count_bytes + entry_overhead_bytes)
# The mark that says a key is shared: a key of its own, same hash tag, living for a day
# (rate_limiter_assumptions.shared_mark_ttl) rather than with the buckets. It holds, for each other
# region, the last batch whose report for this key was applied, so that a retried apply is skipped,
# and when it was applied, so that the key counts as shared only while another region has used it
# within the mark's lifetime (step 6): a region's number, the batch's lease epoch and number, and a
# timestamp, for each. It also keeps, for every region this one included, a total of the key's spending
# there that decays by e every minute, with the time the totals are decayed to: an applied report adds the
# sender's, and the exchanger adds its own region's once every other region has acknowledged the batch that
# carried it (rate_limiter_shares.py). Each region's share of them splits the limit in the share state.
shared_mark_entry_bytes = size(
    key_bytes
    + (regions - 1) * (region_id_bytes + lease_epoch_bytes + batch_number_bytes + timestamp_bytes)
    + regions * token_count_bytes
    + timestamp_bytes
    + entry_overhead_bytes
)

token_bucket_memory = size(active_clients_per_day * token_bucket_entry_bytes)
# Marks outlive their buckets by a day: if every client seen in a day were shared, a region would hold this.
shared_mark_memory_at_most = size(active_clients_per_day * shared_mark_entry_bytes)
# The IP range list every gateway keeps in memory with the rules (step 4), and its share of the server's memory.
ip_range_list_bytes = size(ip_range_entries * ip_range_entry_bytes)
ip_range_list_memory_share = fraction(ip_range_list_bytes / memory_bytes)
leaky_bucket_memory = size(active_clients_per_day * leaky_bucket_entry_bytes)
gcra_memory = size(active_clients_per_day * gcra_entry_bytes)
fixed_window_memory = size(active_clients_per_day * fixed_window_entry_bytes)
sliding_log_memory = size(active_clients_per_day * sliding_log_entry_bytes)
sliding_counter_memory = size(active_clients_per_day * sliding_counter_entry_bytes)
log_over_bucket = times(sliding_log_entry_bytes / token_bucket_entry_bytes)
# The store keeps every counter on a primary and a replica: the memory to provision is both copies.
token_bucket_memory_with_copies = size(token_bucket_memory * store_copies)

# How long an idle client's key must live: until the state would be back to "nothing used".
token_bucket_ttl = duration(burst_allowance / limit_per_minute * window_seconds)
fixed_window_ttl = duration(window_seconds)
sliding_counter_ttl = duration(2 * window_seconds)

ROWS = [
    ("Token bucket", token_bucket_entry_bytes, token_bucket_memory, token_bucket_ttl),
    ("Leaky bucket (as a meter)", leaky_bucket_entry_bytes, leaky_bucket_memory, token_bucket_ttl),
    ("Leaky bucket as a meter, GCRA form (one timestamp)", gcra_entry_bytes, gcra_memory, token_bucket_ttl),
    ("Fixed window", fixed_window_entry_bytes, fixed_window_memory, fixed_window_ttl),
    (
        "Sliding window log (a full minute, a compact sorted set)",
        sliding_log_entry_bytes,
        sliding_log_memory,
        fixed_window_ttl,
    ),
    (
        "Sliding window log, a large plan's key (a skiplist; refused: a plan's rule counts by API key)",
        large_plan_log_entry_bytes,
        "one key",
        fixed_window_ttl,
    ),
    ("Sliding window counter", sliding_counter_entry_bytes, sliding_counter_memory, sliding_counter_ttl),
]

if __name__ != "rate_limiter_state":
    print(
        markdown_table(
            ("Algorithm", "Bytes per client and rule", "Every client seen in a day", "Idle key lives"),
            ROWS,
        )
    )
    print(f"\nShared marks, if every client seen in a day were shared: {shared_mark_memory_at_most} a region.")
    print(f"IP range list in each gateway: {ip_range_list_bytes}, {ip_range_list_memory_share} of its memory.")
