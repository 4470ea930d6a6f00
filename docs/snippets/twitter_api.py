"""Twitter worked example: what the API's rate limits allow, and what idempotency keys cost."""

import math

from reference_capacity import (
    cassandra_batch_lands_within,
    cassandra_bloom_fp_chance,
    cassandra_gc_grace,
    expired_row_life,
    files_on_disk,
    paxos_state_reads_per_replica,
    paxos_state_writes_per_replica,
    twcs_window,
    wasted_file_reads,
    windows_over_ttl,
)
from reference_capacity import (
    paxos_state_kept as paxos_state_kept_for,
)
from twitter_api_assumptions import (
    deep_cursor_late_accounts_cap,
    favorite_limit,
    follow_limit,
    idempotency_claim_bytes,
    idempotency_lease,
    idempotency_partition_bytes,
    idempotency_purge_lag,
    idempotency_record_bytes,
    idempotency_window,
    key_in_use_retry_after,
    media_polls_per_upload,
    media_status_limit,
    outbox_row_bytes,
    post_limit,
    post_limit_per_day,
    post_window,
    read_limit,
    read_window,
)
from twitter_assumptions import (
    backup_retention_days,
    busy_poster_share,
    busy_poster_tweet_share,
    daily_active_users,
    deleted_tweet_share,
    favorites_per_user_per_day,
    follow_changes_per_user_per_day,
    follow_edge_bytes,
    partition_overhead_bytes,
    photo_share,
    profile_views_per_user_per_day,
    registered_users,
    searches_per_user_per_day,
    text_copies,
    timeline_loads_per_user_per_day,
    tweets_per_day,
    tweets_per_timeline_page,
    video_share,
)
from twitter_notifications import pushes_per_second
from twitter_storage import tweet_record_bytes
from twitter_traffic import (
    favorites_per_day,
    favorites_per_second_peak,
    follow_changes_per_second_peak,
    tweet_deletes_per_second_peak,
    tweets_per_second_peak,
)

from sdw.estimation import (
    EQUAL_JITTER_SHORTEST,
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    count,
    doubling_waits,
    duration,
    fraction,
    markdown_table,
    peak,
    retry_spread,
    rounds_within,
    size,
    times,
)

daily_window = duration(SECONDS_PER_DAY)

# Media status polls (GET /v1/media/{id}, step 3): their own read class, each poll one read of the media
# row from a replica of its MySQL shard. One upload per media tweet, as the traffic counts them (its peak,
# media_polls_per_second_peak, comes from twitter_traffic).
media_polls_per_user_per_day = count(
    tweets_per_day * (photo_share + video_share) / daily_active_users * media_polls_per_upload
)

# How far above an average daily user's use each limit sits.
tweets_per_user_per_day = count(tweets_per_day / daily_active_users)
post_headroom = times(post_limit_per_day / tweets_per_user_per_day)
# The most posts the bucket lets through in any 24 h: a full bucket, then a day of its refill. X counts
# a flat daily figure, which would stop this; the design has no daily counter (twitter_api_assumptions).
post_most_in_a_day = count(post_limit + post_limit_per_day)
favorite_headroom = times(favorite_limit / favorites_per_user_per_day)
# Follows against the follow changes a user makes, unfollows counted too: the headroom errs low.
follow_headroom = times(follow_limit / follow_changes_per_user_per_day)
# The timeline reads' class covers home loads and profile pages, and single tweets (step 3). Those opened
# from a push, at most one a user notified, are left out of the average: at most this many a daily user.
timeline_reads_per_user_per_day = count(timeline_loads_per_user_per_day + profile_views_per_user_per_day)
opened_pushes_per_user_per_day_at_most = count(pushes_per_second * SECONDS_PER_DAY / daily_active_users)
timeline_headroom = times(read_limit * (SECONDS_PER_DAY / read_window) / timeline_reads_per_user_per_day)
search_headroom = times(read_limit * (SECONDS_PER_DAY / read_window) / searches_per_user_per_day)
media_poll_headroom = times(media_status_limit * (SECONDS_PER_DAY / read_window) / media_polls_per_user_per_day)
# The wait a 429 sends (step 3): until the bucket's next token, the window over the limit.
post_refill_interval = duration(post_window / post_limit)
favorite_refill_interval = duration(daily_window / favorite_limit)
follow_refill_interval = duration(daily_window / follow_limit)

# Expired rows stay on disk until gc_grace_seconds has passed since they expired. The key table and
# the outbox keep Cassandra's default grace: batch-log replay skips a batch older than the shortest
# grace among the tables it writes, and a post's batch writes both (step 4). The outbox is compacted
# by time window, which drops a file whole once its rows' grace has passed
# (reference_capacity.expired_row_life). The key table is not (step 6): a reservation reads one key
# in a partition all of a user's posts share, which time windows would spread over nearly every
# window's file, each read, since a Bloom filter answers by partition; leveled, a partition spans
# about a file a level, as in the other tables read by key.
gc_grace = cassandra_gc_grace
# An outbox row's time to live (step 4): a day, as long as the outbox covers a log outage.
outbox_ttl = duration(SECONDS_PER_DAY)
# The outbox's window is six hours (reference_capacity.twcs_window): fewer windows over the day's time to
# live than the Cassandra docs' 20-30, which point to hour windows, chosen so that each replica keeps
# fewer files for the day, the grace and one window (reference_capacity.twcs_files_note): an hour would
# keep over five times as many, each one more Bloom filter a read checks.
compaction_window = twcs_window
compaction_windows_over_ttl = windows_over_ttl(outbox_ttl, compaction_window)
compaction_files_on_disk = files_on_disk(outbox_ttl, gc_grace, compaction_window)
compaction_files_on_disk_hourly = files_on_disk(outbox_ttl, gc_grace, SECONDS_PER_HOUR)
# Each file's Bloom filter wrongly answers "maybe here" at Cassandra's default false-positive rate, so a
# read of a key that one file holds and the others lack (the sweeper's read of a second's partition, in one
# file or two) wastes at most this many file reads on average, the key's own file left out.
compaction_wasted_reads = wasted_file_reads(compaction_files_on_disk - 1)
# Why the key table is not windowed (step 6): a user's posts share its partition, which a window's file
# holds if the user posted in that window. A busy author (twitter_assumptions: the share of users who
# write most tweets) posting at random times would have it in this many of the files a windowed key
# table would keep (as many as the outbox keeps: the same day, grace and window), and a reservation's
# read would open each of them.
busy_author_posts_per_day = count(tweets_per_user_per_day * busy_poster_tweet_share / busy_poster_share)
busy_author_windowed_files = count(
    files_on_disk(idempotency_window, gc_grace, compaction_window)
    * (1 - math.exp(-busy_author_posts_per_day * compaction_window / SECONDS_PER_DAY))
)
# The outbox ends by its time to live, not by the weekly collection: a row leaves the disk within its
# day, the grace and one window, plus a margin of one more window, and the backups within the
# snapshots' retention after that, inside the legal deadline's shortest month (the data lifecycle
# page). The margin: an expired file is dropped only once no live file holds older data
# (https://cassandra.apache.org/doc/latest/cassandra/managing/tools/sstable/sstableexpiredblockers.html),
# and a hint (for a replica cut off within the 3 h hint window, shorter than a window) or a read
# repair of a row read seconds after its write puts its old data at most in the next window's file
# (no write stamps a row more than seconds back: a follow's version goes in a column, step 4),
# which holds the expired one back until it expires too. A longer cut holds it back by as long.
outbox_drop_margin = duration(compaction_window)
OUTBOX_DISK_BOUND = float(outbox_ttl) + float(gc_grace) + float(compaction_window) + float(outbox_drop_margin)
outbox_disk_bound = duration(OUTBOX_DISK_BOUND)
outbox_backup_bound = duration(OUTBOX_DISK_BOUND + float(backup_retention_days) * SECONDS_PER_DAY)
# The key table is leveled and ends by its daily collection (twitter_api_assumptions): a key leaves the
# disks within its day, the grace and a day's collection, and the backups within the snapshots'
# retention after that, inside the legal deadline's shortest month too.
IDEMPOTENCY_DISK_BOUND = float(idempotency_window) + float(gc_grace) + float(idempotency_purge_lag)
idempotency_disk_bound = duration(IDEMPOTENCY_DISK_BOUND)
idempotency_backup_bound = duration(IDEMPOTENCY_DISK_BOUND + float(backup_retention_days) * SECONDS_PER_DAY)
# The day, Cassandra's default window and the URL shortener's choice, weighed on the same figures
# (step 6): fewer files, a little more disk for the outbox, and its personal data kept
# two windows longer on disk and in the backups: a day-long window and a day-long margin.
compaction_day = duration(SECONDS_PER_DAY)
compaction_files_on_disk_day = files_on_disk(outbox_ttl, gc_grace, compaction_day)
compaction_disk_day_extra_share = fraction(
    expired_row_life(outbox_ttl, gc_grace, compaction_day) / expired_row_life(outbox_ttl, gc_grace, compaction_window)
    - 1
)
outbox_day_later = duration(2 * (compaction_day - compaction_window))
outbox_backup_bound_day = duration(outbox_backup_bound + outbox_day_later)

# Idempotency keys: one per post and one per media upload, each kept for a day, then on disk for the
# grace period and until a compaction reaches it. Their rows as step 3 lays them out: two a key, a claim
# row per medium a post names (one per media tweet, as the traffic counts them), and a partition for
# each upload and one for each user who posts, at most one per registered account.
keys_per_day = count(tweets_per_day * (1 + photo_share + video_share))
uploads_per_day = count(tweets_per_day * (photo_share + video_share))
key_days_on_disk = IDEMPOTENCY_DISK_BOUND / SECONDS_PER_DAY
keys_kept = count(keys_per_day * key_days_on_disk)
idempotency_partitions_most = count(registered_users + uploads_per_day * key_days_on_disk)
idempotency_store_bytes = size(
    (
        keys_kept * idempotency_record_bytes
        + uploads_per_day * key_days_on_disk * idempotency_claim_bytes
        + idempotency_partitions_most * idempotency_partition_bytes
    )
    * text_copies
)
# A media post's claims ride in its reservation's conditional batch (step 3): no round of their own.
# A refused media post frees them in a round more, and a post taking over those of a key that never
# committed spends one too: rare paths, left out of the rounds below (a 409 media_not_ready frees them
# in the round that releases its key).
# Each post and each upload writes its key twice: the reservation (a lightweight transaction,
# which also reads the key's row first: twitter_servers counts that read) and the result (a plain
# write, in another row: the two kinds never share a row).
keys_per_second_peak = peak(tweets_per_second_peak * (1 + photo_share + video_share))
idempotency_writes_per_second_peak = peak(keys_per_second_peak * 2)
# A follow or an unfollow is a lightweight transaction too, on the follower's "whom I follow" row
# (step 4): each sets the row's state and raises its version (max(version + 1, now)) if the version is
# still the one read, so a retry or a repeat finds the bucket the first chose, and follows and
# unfollows are ordered by their rounds, not by servers' clocks; the follower row is then written or
# deleted USING TIMESTAMP that version. It reads the row first, as the reservation does
# (twitter_servers counts that read).
follow_changes_per_day = count(daily_active_users * follow_changes_per_user_per_day)
lightweight_transactions_per_second_peak = peak(keys_per_second_peak + follow_changes_per_second_peak)
# Each is a Paxos round, costed as the URL shortener costs its own (reference_capacity): each
# replica writes its Paxos state three times and reads it twice, and keeps it, a copy of the committed
# write included, for paxos_state_kept. The state is a row of system.paxos, one per partition a round
# touches, so each round is counted alike: one copy of the row it writes (the key's record, or the
# follow's row) with a partition's overhead, per replica. An upper bound: a partition's later round
# overwrites its state row, which compaction then drops. Takeovers, which only retries make, are left out.
paxos_state_writes_per_second_peak = peak(
    lightweight_transactions_per_second_peak * paxos_state_writes_per_replica * text_copies
)
paxos_state_reads_per_second_peak = peak(
    lightweight_transactions_per_second_peak * paxos_state_reads_per_replica * text_copies
)
paxos_state_bytes = size(
    (
        (keys_per_day + follow_changes_per_day) * partition_overhead_bytes
        + keys_per_day * idempotency_record_bytes
        + follow_changes_per_day * follow_edge_bytes
    )
    * paxos_state_kept_for(gc_grace)
    / SECONDS_PER_DAY
    * text_copies
)

# How long a client waits out `409 idempotency_key_in_use`, which it does not count as an attempt
# (step 3): a crashed attempt's lease runs out, then a timed-out batch lands while its batch-log nodes
# are up. Those nodes can stay down, so the batch's bound is open-ended; the cap is fixed at this sum
# all the same, and after it the client keeps the draft and its key for the user's next action.
key_in_use_wait_cap = duration(idempotency_lease + cassandra_batch_lands_within)
# The client stops on time, not on a count: it retries until the cap has passed since its first 409,
# and its last retry comes at the cap or later, so it outlasts both the lease and the batch whatever
# it draws. It never retries before the server's `Retry-After`, and jitter never shortens a wait
# below it: its waits double from twice `Retry-After` (2, 4, 8 s, ... for `Retry-After: 1`), each
# drawn with equal jitter, uniform between half and all of its length, so the first is drawn
# between `Retry-After` and twice it. Full jitter (from zero) would spread them too, but a wait could then be drawn near
# zero, before the server's time and with no bound on the rounds before the cap; at least half its
# length, each wait keeps them to a count. A wait that would pass the cap ends at it, but never sooner
# than `Retry-After` after the retry before (that retry too was refused with `Retry-After`). Each
# wait ends in one retry whose conditional insert finds the key held: one conditional-insert round
# on the server (a lightweight transaction: the Paxos prepare and the read of the key's row, across
# the zones). The count of rounds varies with the draws: fewest when every wait runs its full
# length, most when every one runs half of it.
key_in_use_first_wait = duration(float(key_in_use_retry_after) / EQUAL_JITTER_SHORTEST)
_waits = doubling_waits(float(key_in_use_first_wait), float(key_in_use_wait_cap))
key_in_use_doubling_waits = count(len(_waits))
key_in_use_doubling_time = duration(sum(_waits))
key_in_use_last_wait = duration(float(key_in_use_wait_cap) - sum(_waits))
# A retry at the end of each wait, and the last at the cap unless a wait ended exactly there.
key_in_use_fewest_waits = count(rounds_within(float(key_in_use_first_wait), float(key_in_use_wait_cap)))
key_in_use_waits = count(rounds_within(float(key_in_use_first_wait), float(key_in_use_wait_cap), EQUAL_JITTER_SHORTEST))
# The half-length schedule that rounds_within(..., EQUAL_JITTER_SHORTEST) counts, for its time before the last wait.
_shortest = doubling_waits(float(key_in_use_first_wait) * EQUAL_JITTER_SHORTEST, float(key_in_use_wait_cap))
key_in_use_shortest_before_last = duration(sum(_shortest))
# Every draw on a grid of equal jitter's range, sums just under the cap included: no retry comes
# sooner than `Retry-After` after the one before (or the first 409), the last comes at the cap or
# later, and the rounds run from the fewest to the most above. A last retry clipped to the cap alone
# would fail the first check: draws summing to 18.6 s would leave it 0.4 s.
_spread = retry_spread(float(key_in_use_first_wait), float(key_in_use_wait_cap), float(key_in_use_retry_after))
key_in_use_shortest_gap = duration(_spread.shortest_gap)
# The last retry comes at most `Retry-After` past the cap: the client outlasts the lease and the batch all the same.
key_in_use_latest_retry = duration(float(key_in_use_wait_cap) + float(key_in_use_retry_after))
assert _spread.shortest_gap >= float(key_in_use_retry_after), key_in_use_shortest_gap
assert float(key_in_use_wait_cap) <= _spread.earliest_last and _spread.latest_last < float(key_in_use_latest_retry)
assert (_spread.fewest, _spread.most) == (int(key_in_use_fewest_waits), int(key_in_use_waits))

# The outbox (step 4): a post, a favorite or a follow (or unfollow) writes a row in the same
# logged batch as its data, then a plain write with the row's remaining TTL marks it sent.
# Partitions are one second of one of a few shards, so the sweeper reads each once and no
# partition grows large. Deletes write a row too, but at the assumed share of tweets deleted (at the
# same peak) they are a small share of these rows, and are left out.
outbox_shards = count(16)
outbox_rows_per_second_peak = peak(tweets_per_second_peak + favorites_per_second_peak + follow_changes_per_second_peak)
outbox_delete_row_share = fraction(tweet_deletes_per_second_peak / outbox_rows_per_second_peak)
outbox_writes_per_second_peak = peak(outbox_rows_per_second_peak * 2)
outbox_rows_per_partition_peak = count(outbox_rows_per_second_peak / outbox_shards)
# Its rows expire after a day and stay on disk for the grace period as well; a row's size is an
# assumption (twitter_assumptions).
outbox_rows_per_day = count(tweets_per_day + favorites_per_day + follow_changes_per_day)
outbox_rows_kept = count(outbox_rows_per_day * expired_row_life(outbox_ttl, gc_grace) / SECONDS_PER_DAY)
outbox_store_bytes = size(outbox_rows_kept * outbox_row_bytes * text_copies)
# What windows of a day would add to the outbox's disk, every copy (step 6 weighs the day).
compaction_disk_day_extra = size(outbox_store_bytes * compaction_disk_day_extra_share)

# One page of the home timeline, before JSON field names and author objects.
timeline_page_bytes = size(tweets_per_timeline_page * tweet_record_bytes)

# A deep page's cursor at its largest (step 3): a format version (1 B), the common "older than" tweet ID
# (8), each late account it names with its own bound (an account ID and a tweet ID, 8 + 8), and a MAC
# truncated to 16 B; base64url then takes 4 characters for every 3 bytes, without padding.
deep_cursor_raw_bytes = size(1 + 8 + deep_cursor_late_accounts_cap * (8 + 8) + 16)
deep_cursor_encoded_bytes = size(math.ceil(deep_cursor_raw_bytes * 4 / 3))

if __name__ != "twitter_api":
    print(
        markdown_table(
            ("Limit per user", "Calls", "Window", "Average use a day", "Limit over average"),
            [
                (
                    f"Posts (the bucket's refill allows {post_limit_per_day} a day, "
                    f"{post_most_in_a_day} at most in any 24 h)",
                    post_limit,
                    post_window,
                    tweets_per_user_per_day,
                    post_headroom,
                ),
                ("Favorites", favorite_limit, daily_window, favorites_per_user_per_day, favorite_headroom),
                ("Follows", follow_limit, daily_window, follow_changes_per_user_per_day, follow_headroom),
                (
                    "Timeline reads (home loads and profile pages; single tweets opened from pushes, "
                    f"at most {opened_pushes_per_user_per_day_at_most} a day, left out)",
                    read_limit,
                    read_window,
                    timeline_reads_per_user_per_day,
                    timeline_headroom,
                ),
                ("Searches", read_limit, read_window, searches_per_user_per_day, search_headroom),
                (
                    "Media status polls",
                    media_status_limit,
                    read_window,
                    media_polls_per_user_per_day,
                    media_poll_headroom,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Idempotency keys created a day", keys_per_day),
                (
                    f"Key store holding {idempotency_window} of keys plus {gc_grace} of grace and "
                    f"{idempotency_purge_lag} until the daily collection, all copies",
                    idempotency_store_bytes,
                ),
                ("A key leaves the disks within", idempotency_disk_bound),
                ("... and the backups within", idempotency_backup_bound),
                ("Key store writes at peak (posts and uploads)", idempotency_writes_per_second_peak),
                ("Outbox writes at peak (posts, favorites and follows)", outbox_writes_per_second_peak),
                (
                    f"Deletes' rows at peak ({deleted_tweet_share} of tweets), left out, as a share of those rows",
                    outbox_delete_row_share,
                ),
                (f"Outbox rows per partition (one second, {outbox_shards} shards)", outbox_rows_per_partition_peak),
                (
                    f"Outbox on disk (a day of rows plus {gc_grace} of grace and a {compaction_window} window, "
                    "all copies)",
                    outbox_store_bytes,
                ),
                ("An outbox row leaves the disks within", outbox_disk_bound),
                ("... and the backups within", outbox_backup_bound),
                (f"Compaction files the outbox keeps ({compaction_window} windows)", compaction_files_on_disk),
                (
                    "Outbox file reads wasted per read, by the files without its key, at most "
                    f"({cassandra_bloom_fp_chance} false positives a file, Cassandra's default)",
                    compaction_wasted_reads,
                ),
                (
                    f"Files a busy author's key partition would be in under {compaction_window} windows "
                    f"({busy_author_posts_per_day} posts a day)",
                    busy_author_windowed_files,
                ),
                ("Stored bytes behind one timeline page", timeline_page_bytes),
                ("Wait after a 429 on posts: a token every", post_refill_interval),
                ("... on favorites", favorite_refill_interval),
                ("... on follows", follow_refill_interval),
                (
                    "Longest a client waits out `409 idempotency_key_in_use` (lease, then a batch landing)",
                    key_in_use_wait_cap,
                ),
                (
                    f"... full-length waits from {key_in_use_first_wait} (twice `Retry-After`), and their time",
                    f"{key_in_use_doubling_waits}, {key_in_use_doubling_time}",
                ),
                ("... then a last wait, ending at the cap", key_in_use_last_wait),
                ("... rounds when every wait runs its full length", key_in_use_fewest_waits),
                (
                    "... when every wait runs half its length (equal jitter's shortest), the retry before the last",
                    key_in_use_shortest_before_last,
                ),
                ("... so rounds at most, each one conditional-insert round on the server", key_in_use_waits),
            ],
        )
    )
