"""Twitter worked example: the entities the first sketch leaves out (media, devices, keys, deleted IDs,
search), sized."""

import math

from concept_life_assumptions import USER_KEY_ROW_BYTES
from reference_capacity import cassandra_gc_grace, relational_shard_bytes, twcs_window
from twitter_assumptions import (
    account_deletions_per_day,
    account_stats_row_bytes,
    alert_opt_in_share,
    alert_subscription_bytes,
    backup_retention_days,
    cache_machine_memory_gib,
    deleted_tweet_share,
    device_record_bytes,
    device_token_row_bytes,
    devices_per_user,
    follows_per_user,
    media_record_bytes,
    peak_to_average,
    photo_share,
    registered_users,
    retention_years,
    row_overhead_bytes,
    search_days,
    search_index_bytes_per_tweet,
    store_read_growth_per_month,
    store_read_ticket_zone_lost,
    text_copies,
    timeline_cache_memory_target,
    tweets_per_day,
    video_share,
)
from twitter_traffic import (
    favorites_per_day,
    media_calls_per_second,
    media_polls_per_second_peak,
    tweets_per_second_peak,
)

from sdw.estimation import (
    DAYS_PER_YEAR,
    KB,
    SECONDS_PER_DAY,
    SECONDS_PER_MONTH,
    GiB,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_day,
    per_second,
    size,
    size_per_day,
)

days_kept = DAYS_PER_YEAR * retention_years

# Media metadata: one row per tweet with a photo or video (the bytes live in the object store). A
# deleted tweet's rows are deleted with it (step 4); they are counted kept all the same, an upper bound.
media_records_per_day = per_day(tweets_per_day * (photo_share + video_share))
media_record_bytes_per_day = size_per_day(media_records_per_day * media_record_bytes)
media_record_bytes_total = size(media_record_bytes_per_day * days_kept * text_copies)

# Both stay in sharded MySQL (step 4), so count their shards: one copy's bytes over the size a relational
# shard is kept to (reference_capacity), rounded up; a year of new rows (one copy) over the same size.
media_relational_shards = count(math.ceil(media_record_bytes_total / text_copies / relational_shard_bytes))
media_relational_shards_added_per_year = count(media_record_bytes_per_day * DAYS_PER_YEAR / relational_shard_bytes)
# The media rows at peak (step 4's access patterns): each upload's create and complete calls, and the
# worker's ready, are writes on the row's primary; each status poll and each post's check of its medium
# are reads, mostly from a replica. One upload per media tweet, as the traffic counts them.
media_uploads_per_second_peak = peak(tweets_per_second_peak * (photo_share + video_share))
media_row_writes_per_second_peak = peak(media_calls_per_second * peak_to_average + media_uploads_per_second_peak)
media_row_reads_per_second_peak = peak(media_polls_per_second_peak + media_uploads_per_second_peak)
# Users: a profile row of about 1 KB (IDs, handle, name, bio, avatar key, settings; the reference's profile row) per
# registered account, with the handle and email lookup rows within it. Their number is held flat on these
# pages, so this table grows only with sign-ups.
user_record_bytes = size(1 * KB)
user_bytes_total = size(registered_users * user_record_bytes * text_copies)
user_relational_shards = count(math.ceil(user_bytes_total / text_copies / relational_shard_bytes))

# Devices: a registry, not a stream; stale tokens are pruned when the push gateway rejects them.
device_records = count(registered_users * devices_per_user)
device_bytes_total = size(device_records * device_record_bytes * text_copies)
# The same devices keyed by push token, so registering a new token, or after a sign-in, finds and
# deletes any other device row holding it: another account's, or an earlier install's (step 4).
device_token_bytes_total = size(device_records * device_token_row_bytes * text_copies)

# Alert subscriptions: the follows with alerts on, by author (step 4).
alert_subscriptions = count(registered_users * follows_per_user * alert_opt_in_share)
alert_subscription_bytes_total = size(alert_subscriptions * alert_subscription_bytes * text_copies)

# Account stats: one row per account, for the fan-out's mode and the follower list's buckets.
account_stats_bytes_total = size(registered_users * account_stats_row_bytes * text_copies)

# The counting job's state (step 4): for each user and tweet, the oldest and the newest version it has
# seen with their states, kept until the newest is two days old: at most two days of favorite events'
# pairs, each two IDs (8 B each) and two versions (8 B each) with their states (a byte each), before
# the state store's own overhead.
counting_pairs_held = count(favorites_per_day * 2)
counting_pair_bytes = size(8 + 8 + 2 * (8 + 1))
counting_state_bytes = size(counting_pairs_held * counting_pair_bytes)

# Per-user keys (step 4): the key each user's Email is encrypted under, a row a registered account,
# stored as its KMS-wrapped blob with the user ID (the data lifecycle page's row), in the wide-column
# store, collected daily, with hourly snapshots of its own.
user_key_bytes_total = size(registered_users * USER_KEY_ROW_BYTES * text_copies)
# Only the purge worker deletes keys, one per account-deletion row, capped at ten times the assumed
# average rate of account deletions (step 7).
KEY_DELETE_CAP_OVER_AVERAGE = 10
key_deletes_per_second = per_second(account_deletions_per_day / SECONDS_PER_DAY)
key_delete_cap = per_second(account_deletions_per_day / SECONDS_PER_DAY * KEY_DELETE_CAP_OVER_AVERAGE)

# The deleted-ID list (step 7): each deleted tweet's and account's ID (8 bytes) and its kind (1 byte),
# a row each, expiring once the oldest snapshot is younger (backup_retention_days); expired rows stay
# on disk for the grace and up to a time-window compaction window more, like the outbox's.
deleted_ids_per_day = per_day(tweets_per_day * deleted_tweet_share + account_deletions_per_day)
DELETED_ID_DAYS_ON_DISK = backup_retention_days + (cassandra_gc_grace + twcs_window) / SECONDS_PER_DAY
deleted_id_row_bytes = size(8 + 1 + row_overhead_bytes)
deleted_id_bytes_total = size(deleted_ids_per_day * DELETED_ID_DAYS_ON_DISK * deleted_id_row_bytes * text_copies)

# Search: an in-memory inverted index over the recent window, one index a day, in copies that its
# queries set (twitter_search, which imports this file: the table below takes them from it). A
# window of search_days needs search_days + 1 daily indices: at a day's end the oldest index still
# holds tweets less than search_days old, and it is dropped only when that day has left the window.
# Each copy sits on servers of its own (a daily index allows one shard copy a server), so the servers
# are counted a copy at a time, rounded up. The engine (Elasticsearch) keeps the index in the
# operating system's file cache, beside its JVM heap, which stays at or under 31 GiB so the JVM keeps
# compressed object pointers; a reserve goes to the kernel and the process's memory outside the heap
# (thread stacks, network and direct buffers), a guess. The rest of a cache machine holds the index.
# The force-merge of yesterday's index runs just after the oldest day is dropped, in the room that
# day leaves, so the window's search_days + 1 indices bound the merge's bytes too.
search_daily_indices = count(search_days + 1)
search_index_bytes = size(tweets_per_day * search_daily_indices * search_index_bytes_per_tweet)
SEARCH_HEAP_GIB = 31
SEARCH_OS_RESERVE_GIB = 8
search_heap_gib = count(SEARCH_HEAP_GIB)
search_os_reserve_gib = count(SEARCH_OS_RESERVE_GIB)
search_memory_per_server = size((cache_machine_memory_gib - SEARCH_HEAP_GIB - SEARCH_OS_RESERVE_GIB) * GiB)
# Sized to the timeline cache's memory target, not to full: the index grows with the tweets a day, and
# past its memory it falls back to disk reads without an error. Step 7's ticket on it opens at the
# share the store's ticket uses, which growth at the store's assumed rate reaches in this long.
search_memory_target = timeline_cache_memory_target
search_servers_per_copy = count(math.ceil(search_index_bytes / (search_memory_per_server * search_memory_target)))
search_memory_fill = fraction(search_index_bytes / (search_servers_per_copy * search_memory_per_server))
search_memory_ticket = store_read_ticket_zone_lost
search_memory_to_ticket = duration(
    math.log(search_memory_ticket / search_memory_fill) / math.log(1 + store_read_growth_per_month) * SECONDS_PER_MONTH
)

if __name__ != "twitter_stores":
    from twitter_search import search_copies, search_index_bytes_all_copies

    print(
        markdown_table(
            ("Entity", "Per day (one copy)", "Kept, all copies"),
            [
                ("Media metadata rows", media_record_bytes_per_day, media_record_bytes_total),
                ("Push devices", "a registry, not a stream", device_bytes_total),
                ("Push devices by token", "a registry, not a stream", device_token_bytes_total),
                ("Alert subscriptions", "a registry, not a stream", alert_subscription_bytes_total),
                ("Account stats", "a row per account", account_stats_bytes_total),
                ("Per-user keys (the Email's)", "a row per account", user_key_bytes_total),
                (
                    f"Deleted-ID list ({backup_retention_days} days, then grace and a window on disk)",
                    size_per_day(deleted_ids_per_day * deleted_id_row_bytes),
                    deleted_id_bytes_total,
                ),
                (
                    f"Search index ({search_days} days searchable, {search_daily_indices} daily indices held, "
                    f"{search_copies} copies)",
                    "rolls over daily",
                    search_index_bytes_all_copies,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Media rows written a day", media_records_per_day),
                ("Media row writes at peak (create, complete, ready or failed)", media_row_writes_per_second_peak),
                ("Media row reads at peak (status polls, a post's check)", media_row_reads_per_second_peak),
                ("Counting job: user and tweet pairs held, at most (two days of favorites)", counting_pairs_held),
                ("... their state, before the state store's overhead", counting_state_bytes),
                ("Devices registered", device_records),
                ("IDs deleted a day (tweets and accounts; assumed rates)", deleted_ids_per_day),
                ("Key deletes, on average", key_deletes_per_second),
                ("Key deletes allowed at most", key_delete_cap),
                ("Search index, one copy", search_index_bytes),
                (
                    f"A search server's memory for the index ({cache_machine_memory_gib} GiB less a "
                    f"{search_heap_gib} GiB heap and {search_os_reserve_gib} GiB for the system)",
                    search_memory_per_server,
                ),
                (
                    f"Search servers to hold one copy in memory (memory target {search_memory_target})",
                    search_servers_per_copy,
                ),
                ("... their memory filled at a day's end", search_memory_fill),
                (f"... growth until {search_memory_ticket} full (step 7's ticket)", search_memory_to_ticket),
            ],
        )
    )
