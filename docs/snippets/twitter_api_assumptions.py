"""Twitter worked example: the API's policy (step 3): rate limits, media polling, idempotency keys and
the outbox, the assumptions step 3 adds to step 2's."""

from twitter_assumptions import (
    partition_overhead_bytes,
    post_latency_target,
    row_overhead_bytes,
    timeline_expiry_days,
    timeline_latency_target,
)

from sdw.estimation import SECONDS_PER_DAY, SECONDS_PER_HOUR, count, duration, markdown_table, size, times

# Per-user rate limits: policy, not estimates (Twitter published limits of this shape).
post_limit = count(300)
post_window = duration(3 * SECONDS_PER_HOUR)
# A token bucket of post_limit refilled over post_window: its refill allows this many posts a day
# sustained, X's published daily figure. A full bucket adds post_limit more in any 24 h (twitter_api),
# which X's flat daily count would refuse; this design keeps no daily counter, since every rate here
# is sized on sustained posting.
post_limit_per_day = count(post_limit * SECONDS_PER_DAY / post_window)
favorite_limit = count(1000)
follow_limit = count(400)
# The most accounts one user may follow (step 3's 403 following_cap): X's documented figure for every
# account, without the allowance X adds past it for accounts with many followers, so one hard figure
# bounds each user's "whom I follow" partition, never split into buckets, and a rebuild's reads of
# the accounts followed (step 6).
following_cap = count(5000)
# A fan-out worker writes a page of a tweet's followers within this long of reading the page, or
# reads it again (a chunk task queued during a backlog counts as holding its page): so a delivery
# can be in flight past an unfollow only this long, and the reader's unfollowed list, which the
# fan-out's insert checks, keeps an account this long from when the removal ran (step 6).
fanout_page_write_limit = duration(1 * SECONDS_PER_HOUR)
# A follow-change note: the account's ID, the change's timestamp, followed or unfollowed.
follow_change_note_bytes = size(8 + 8 + 1)
read_limit = count(180)
read_window = duration(15 * 60)
# How far back the home timeline scrolls (step 3): past the oldest cached entry, a page is read by pull
# from the followed accounts' tweet lists (step 6), down to tweets this many days old, the days a
# timeline is kept unread. next_cursor is null past it, or at the end of a cached timeline that
# reaches further back.
home_scroll_depth_days = count(timeline_expiry_days)
# Such a page waits at most this long for those reads (step 3): half the home load's p99 target, the
# other half left for its hydration and the hops, so it answers within the target like any load. The
# accounts whose reads are not back by then are left out of that page and read again by the next
# (its cursor names them).
deep_page_read_budget = duration(timeline_latency_target / 2)
# The most such late accounts one cursor names, each with its own "older than" ID (step 3): a few reads
# miss a 100 ms budget on a page, not hundreds, and the cap keeps the cursor a short query string. A late
# account past it, or one missed on the last page before the scroll depth, is left out of that scroll.
deep_cursor_late_accounts_cap = count(16)
# Polls of GET /v1/media/{id} per upload, with backoff, before it answers ready (step 3). The traffic
# counts one upload per media tweet (the photo share counts one photo a tweet), so the poll rate is per
# media tweet; the rate limit allows for the most media a tweet may carry.
media_polls_per_upload = count(5)
max_media_per_tweet = count(4)
# Upload caps (step 3's 400 media_too_large): this design's choice, far above step 2's average photo and
# video. The signed upload URL is valid for one size at most this.
max_photo_bytes = size(5e6)
max_video_bytes = size(512e6)
max_video_seconds = count(140)
# X's own caps for a video on a post, without Premium (sourced: X's developer docs, "Media best
# practices", checked December 2026): step 1 gives them so this design's caps, X's for a video in a
# direct message, are not taken for X's on a post.
x_post_video_bytes = size(8e9)
x_post_video_seconds = duration(20 * 60)
# The media-status bucket, derived: a user posting at the post bucket's sustained rate (its refill), every
# tweet with the most media, each polled the assumed number of times, fits in it. A burst from a full post
# bucket can need more polls than it holds: a refused poll is a 429 whose Retry-After the client waits out.
media_status_limit = count(post_limit * max_media_per_tweet * media_polls_per_upload * read_window / post_window)
# The key table as step 3 lays it out. A key's two rows, its reservation and its result, are clustering
# rows that each carry the key (16 bytes): the request hash (32), the tweet ID (8), the lease and the
# status (16) and a row's overhead each. A post's claim of a medium is a row too: the media ID (8) and
# the key. A partition is a user ID (8) and a scope (16: "posts", or an upload's own key) with the
# per-partition overhead: one for all of a user's posts, one for each upload. Kept for a day.
idempotency_record_bytes = size(2 * 16 + 32 + 8 + 16 + 2 * row_overhead_bytes)
idempotency_claim_bytes = size(8 + 16 + row_overhead_bytes)
idempotency_partition_bytes = size(8 + 16 + partition_overhead_bytes)
idempotency_window = duration(SECONDS_PER_DAY)
# The key table is compacted leveled (step 6), so an expired row leaves the disk when a compaction
# rewrites its file after the grace, not at a time a window sets. It ties a user's ID to the IDs of
# its tweets and media, so it is collected daily, as the per-user key table is: a nodetool
# garbagecollect rewrites every file within this long after the grace.
idempotency_purge_lag = duration(SECONDS_PER_DAY)
# The gateway's deadline (step 3): the shorter of the client's own timeout, sent in a header, and a
# cut-off this many times the call's p99 latency target. Never the target itself: a hundredth of calls
# may be slower than a p99 and still succeed, counted against the latency budget; cut off at the
# target, each would be a 504, counted against the far smaller availability budget (twitter_reliability).
gateway_deadline_over_target = times(10)
timeline_load_deadline = duration(timeline_latency_target * gateway_deadline_over_target)
post_deadline = duration(post_latency_target * gateway_deadline_over_target)
# Step 1 sets a p99 for those two calls only. Every other call takes its class's cut-off: a write (a
# favorite, a follow, a delete, a device registration, a media call; media bytes go to signed URLs, not
# through the gateway) the post's, a read (a profile page, one tweet, a search, a media poll) the home
# load's. A retry inside the request fits in what is left of it (steps 3, 6 and 7).
write_deadline = duration(post_deadline)
read_deadline = duration(timeline_load_deadline)
# The lease a post's reservation holds before another attempt may take it over (step 3): the post's
# deadline. The lease starts at the reservation, after the request reached the gateway, so it ends
# after the gateway's deadline, by which the gateway has cancelled the attempt: a live attempt is
# never taken over mid-way.
idempotency_lease = duration(post_deadline)
# The server's `Retry-After` on a 409 idempotency_key_in_use (step 3): the shortest wait a client may
# draw. It never retries before it: its waits double from twice it, each drawn with equal jitter
# between half and all of its length, so jitter never shortens a wait below it (twitter_api).
# Ride-hailing's create uses the same.
key_in_use_retry_after = duration(1)
# Outbox row (step 4): the second, the shard, an event ID, the event's kind and key (a follow's version
# with it), the sent mark.
outbox_row_bytes = size(16 + 20 + 1 + row_overhead_bytes)

TABLE = [
    (
        "Posts allowed per user (short window)",
        post_limit,
        f"Per {post_window}: far above any person, low enough to slow a spam bot.",
    ),
    (
        "Posts a day the short window's bucket allows",
        post_limit_per_day,
        f"Its refill, {post_limit} every {post_window}, sustained: X's published daily figure. A full "
        f"bucket lets {post_limit} more through in any 24 h, which X's daily count would refuse; there is "
        "no daily counter here, since every rate is sized on sustained posting.",
    ),
    ("Favorites allowed per user a day", favorite_limit, "Generous for people, a brake on automation."),
    ("Follows allowed per user a day", follow_limit, "Stops follow-spam from growing the graph."),
    (
        "Accounts one user may follow, at most",
        following_cap,
        "[X's follow limits](https://help.x.com/en/using-x/x-follow-limit): every account may follow this "
        "many; X lets one with enough followers go past it, this design does not, so the figure bounds "
        "every user's list of accounts followed and a timeline rebuild's reads (step 6).",
    ),
    (
        "Longest a fan-out worker holds a page of followers before writing it",
        fanout_page_write_limit,
        "A queued chunk task counts as held. Past it the worker reads the page again, so an unfollow stops "
        "deliveries within this long (step 6).",
    ),
    ("Bytes per follow-change note", follow_change_note_bytes, "Account ID, timestamp, followed or unfollowed."),
    (
        "Timeline and search reads allowed",
        read_limit,
        f"Per {read_window}, per user, in a bucket for each of the two classes.",
    ),
    (
        "Days of tweets the home timeline scrolls back, at least",
        home_scroll_depth_days,
        "The days a cached timeline is kept unread: a reader back after any absence the cache keeps their "
        "timeline through can scroll back to where they left off, even where the cap trimmed it (step 2); past "
        "the oldest cached entry, a page is read by pull (step 6). Older tweets are for profile pages.",
    ),
    (
        "Time a page past the cached timeline waits for its reads",
        deep_page_read_budget,
        "Half the home load's p99 target, the rest for hydration and the hops, so the page stays within it; "
        "accounts whose reads are not back by then come a page later (step 3).",
    ),
    (
        "Late accounts a deep page's cursor names, at most",
        deep_cursor_late_accounts_cap,
        "Each with its own bound, read again by the next page; a late account past the cap, or missed on "
        "the last page before the scroll depth, is left out of that scroll, a tail a load test measures (step 3).",
    ),
    (
        "Media status polls per upload",
        media_polls_per_upload,
        "A photo is ready within a second or two, a video within tens of seconds; polls backing off from a "
        "second take a few for most uploads (step 3). The traffic counts one upload per media tweet, so its "
        "poll rate is per media tweet.",
    ),
    ("Media a tweet may carry, at most", max_media_per_tweet, "Four photos, or one video (step 1)."),
    ("Largest photo upload", max_photo_bytes, "This design's cap, far above the average photo (step 2)."),
    (
        "Largest video upload",
        max_video_bytes,
        f"And at most {max_video_seconds} s long: this design's caps, far above the average video (step 2).",
    ),
    (
        "Media status polls allowed",
        media_status_limit,
        f"Per {read_window}, per user: derived, the post bucket's sustained rate ({post_limit} per "
        f"{post_window}) × {max_media_per_tweet} media a tweet × {media_polls_per_upload} polls each, over "
        "the same window: a user posting at that rate with full tweets is never refused a poll; a burst "
        "from a full post bucket may wait out a 429's Retry-After for poll tokens.",
    ),
    (
        "Bytes per idempotency key, its two rows",
        idempotency_record_bytes,
        "Reservation and result rows, each holding the key (16 B): request hash (32), tweet ID (8), lease and "
        f"status (16), and {row_overhead_bytes} of row overhead each. A user's posts share one partition.",
    ),
    (
        "Bytes per media claim row",
        idempotency_claim_bytes,
        f"One for each medium a post names: the media ID (8 B), the key (16) and {row_overhead_bytes} of row overhead.",
    ),
    (
        "Bytes per key-table partition",
        idempotency_partition_bytes,
        f"User ID (8 B), scope (16) and {partition_overhead_bytes} of per-partition overhead: one a user for all "
        "of its posts' keys, one for each upload's key.",
    ),
    (
        "How long idempotency keys are kept",
        idempotency_window,
        "Long enough for a client's retries while it is online or briefly offline. A client resends a key only "
        "while the key is younger than this window less a margin; after that it first reads its own timeline for "
        "the post before making a new key (step 3).",
    ),
    (
        "How long an expired key stays on disk past the grace, at most",
        idempotency_purge_lag,
        "The key table is leveled (step 6), so a row leaves when a compaction rewrites its file; it links users "
        "to their tweets and media, so a daily `nodetool garbagecollect` rewrites every file, as on the per-user "
        "key table.",
    ),
    (
        "Gateway's cut-off, as a multiple of a call's p99 latency target",
        gateway_deadline_over_target,
        "The gateway's deadline is the shorter of this and the client's own timeout (step 3): far enough past "
        "the p99 that only a stuck request reaches it (a slow one counts against the latency budget, not as an "
        "error), near enough that a stuck one frees its resources in seconds.",
    ),
    ("... for a home-timeline load", timeline_load_deadline, f"{gateway_deadline_over_target} its p99 target."),
    ("... for a post", post_deadline, f"{gateway_deadline_over_target} its p99 target."),
    (
        "... for any other write",
        write_deadline,
        "The post's: step 1 sets no target for favorites, follows, deletes, device registrations or media "
        "calls, and each is a small write, as a post is.",
    ),
    (
        "... for any other read",
        read_deadline,
        "The home load's: step 1 sets no target for profile pages, one tweet, searches or media polls, and "
        "none returns more than a home load does, a page of hydrated tweets.",
    ),
    (
        "Lease on a post's key reservation",
        idempotency_lease,
        "The post's deadline: the lease starts after the request reached the gateway, so it ends after the "
        "gateway has cancelled the attempt, and a live attempt is never taken over; an attempt that crashed "
        "holds its key this long at most (step 3).",
    ),
    (
        "`Retry-After` on a 409 idempotency_key_in_use",
        key_in_use_retry_after,
        "The server's `Retry-After: 1` (step 3): past the post's p99, so a retry usually finds the first attempt "
        "done. The client never retries sooner: its waits double from twice it, each drawn with equal jitter "
        "between half and all of its length, until the cap has passed.",
    ),
    (
        "Bytes per outbox row",
        outbox_row_bytes,
        "A guess: an event ID (16 B; a tweet event's derives from its kind and tweet ID), "
        "the event's kind and key, a follow's version too (about 20 B), the sent mark (1 B) and "
        f"{row_overhead_bytes} of per-row overhead. The second and shard, the partition key, are stored once for "
        "a partition's second of rows.",
    ),
]

if __name__ != "twitter_api_assumptions":
    print(markdown_table(("Assumption", "Value", "Why"), TABLE))
