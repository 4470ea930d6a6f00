"""Twitter worked example: every assumption the estimates start from, and why.

Change a value here and rebuild: every figure that depends on it changes, on every page.
Run `.venv/bin/python docs/snippets/twitter_assumptions.py` to print the table.
"""

from concept_life_assumptions import gdpr_answer_within
from reference_capacity import (
    api_read_per_server,
    kv_gets_per_process,
    kv_gets_per_server,
    usable_memory_share,
    wide_column_cold_reads_per_server,
    wide_column_partition_overhead,
    wide_column_recent_reads_per_server,
    wide_column_row_overhead,
)
from sources import cite

from sdw.estimation import (
    KB,
    MB,
    SECONDS_PER_DAY,
    TB,
    GiB,
    count,
    duration,
    fraction,
    markdown_table,
    per_day,
    size,
    throughput,
    times,
    zone_loss_headroom,
)

# --- Who uses it -------------------------------------------------------------------------
registered_users = count(1e9)
daily_active_users = count(250e6)
weekly_active_users = count(375e6)
follows_per_user = count(200)

# --- What they do each day ---------------------------------------------------------------
tweets_per_day = per_day(500e6)
timeline_loads_per_user_per_day = count(10)
tweets_per_timeline_page = count(20)
favorites_per_user_per_day = count(5)
searches_per_user_per_day = count(1)
profile_views_per_user_per_day = count(5)
follow_changes_per_user_per_day = count(0.2)
# Posting is uneven: a small share of users writes most tweets (step 2 sizes profile misses by it).
busy_poster_share = fraction(0.10)
busy_poster_tweet_share = fraction(0.80)
quiet_author_profile_view_share = fraction(0.5)

# --- The accounts that break fan-out --------------------------------------------------------
celebrity_followers = count(200e6)
celebrity_threshold_followers = count(1e6)
mode_switch_band = fraction(0.1)
celebrities_followed_per_user = count(10)
# The fastest follower gain on record, which step 6 weighs against the one partition an account's
# new follows land on: a million followers in 4 h 3 min, its busiest second taken at ten times that
# average.
follower_gain_record = count(1e6)
follower_gain_record_time = duration(4 * 60 * 60 + 3 * 60)
follower_gain_busiest_over_average = times(10)
# The cost rule (step 6) weighs only accounts above this floor, and this many accounts above it are
# pulled by it alone.
cost_rule_floor_followers = count(100e3)
busy_pulled_accounts = count(10e3)
celebrity_tweet_readers_first_hour = fraction(0.10)

# --- How big things are --------------------------------------------------------------------
tweet_text_bytes = size(140)
tweet_metadata_bytes = size(160)
# Per-partition overhead (key, partition header, index entry, cell timestamps): a tweet row
# carries it, and so does any table with a partition per key (counts, account stats).
partition_overhead_bytes = wide_column_partition_overhead
# Per-row overhead of a row inside a shared partition (a clustering row): its flags, clustering
# header, two size fields, timestamp and a flag byte per cell. Every table uses the same figure.
row_overhead_bytes = wide_column_row_overhead
count_row_bytes = size(3 * 8 + partition_overhead_bytes)
favorite_record_bytes = size(8 + 8 + row_overhead_bytes)
follow_edge_bytes = size(8 + row_overhead_bytes)
alert_subscription_bytes = size(8 + row_overhead_bytes)
account_stats_row_bytes = size(28 + 4 + partition_overhead_bytes)
photo_share = fraction(0.10)
photo_uploaded_bytes = size(300 * KB)
photo_stored_bytes = size(500 * KB)
photo_served_bytes = size(150 * KB)
video_share = fraction(0.01)
video_uploaded_bytes = size(7.5 * MB)
# Stored: a top rung at the original's rate made from it, and three smaller renditions. A top rung remuxed
# into fragmented MP4 (the original's GOPs closed, its key frames on the segment grid) holds the original's
# streams bit for bit and replaces it; one re-encoded otherwise does not, and the original is kept beside it.
video_remuxed_share = fraction(0.1)
video_lower_renditions_bytes = size(7.5 * MB)
video_stored_bytes = size(
    video_uploaded_bytes + (1 - video_remuxed_share) * video_uploaded_bytes + video_lower_renditions_bytes
)
video_played_share = fraction(1 / 3)
video_seconds_watched = count(20)
video_bits_per_second = count(2e6)

# --- How long and how safely we keep it ------------------------------------------------------
retention_years = count(5)
text_copies = times(3)
media_storage_overhead = times(1.5)

# --- Traffic shape and hardware --------------------------------------------------------------
peak_to_average = times(3)
timeline_entries_cached = count(800)
timeline_entry_bytes = size(24)
timeline_cache_copies = times(3)
# What a cached timeline costs beyond its entries (step 6): each key the cache holds carries the
# store's per-item bookkeeping and the key itself, and the timeline's value a small header.
cache_item_overhead_bytes = size(64)
timeline_key_bytes = size(16)
timeline_header_bytes = size(24)
timeline_expiry_days = count(7)
lapsed_daily_user_share = fraction(0.3)
tweet_cache_days = count(3)
tweet_cache_copies = times(2)
user_cache_entry_bytes = size(200)
# A count-cache entry: a tweet ID (8 B) and its favorite count (8 B), with the same per-key bookkeeping.
count_cache_entry_bytes = size(8 + 8 + cache_item_overhead_bytes)
# A tweet-cache entry: the tweet's record as the store keeps it (text and metadata), its 8-byte tweet
# ID as the key, and the same per-key bookkeeping. The record's share of store overhead stands in for
# the value's own encoding: more than a serialized tweet needs, so the days held err short.
tweet_cache_entry_bytes = size(tweet_text_bytes + tweet_metadata_bytes + 8 + cache_item_overhead_bytes)
requests_per_server = throughput(1000)
# Memory is built in binary units: a "128 GB" machine holds 128 GiB (the powers-of-two reference).
cache_machine_memory = size(128 * GiB)
cache_machine_memory_gib = count(cache_machine_memory / GiB)
# The reference's usable share of the machine, to a whole GiB (what an operator sets as maxmemory).
cache_memory_per_server = size(round(usable_memory_share * cache_machine_memory / GiB) * GiB)
cache_memory_per_server_gib = count(cache_memory_per_server / GiB)
timeline_cache_memory_target = fraction(0.8)
cache_ops_per_server = throughput(100e3)
storage_per_database_server = size(10 * TB)
reads_per_database_server = wide_column_recent_reads_per_server
cold_reads_per_database_server = wide_column_cold_reads_per_server
# A replica write's CPU against a recent read's: an append to the memtable and the commit log, plus
# its share of flushes and compaction. A guess for a benchmark to replace.
store_write_cost_over_recent_read = fraction(0.25)
zones = count(3)
# One spare server a zone in the hydration caches (tweet, user, count), the table says why.
spare_servers_per_zone = count(1)
# The wide-column store's read target with a zone lost, its capacity ticket, and its growth a month.
store_read_target_zone_lost = fraction(0.8)
store_read_ticket_zone_lost = fraction(0.9)
store_read_growth_per_month = fraction(0.02)
# One request's latency, for hedging (step 6): lognormal, the spread of its logarithm.
request_latency_log_sigma = count(1)
# Hedging (step 6): the percentile past which a request goes to a second copy too, and the share of
# requests each client's budget lets it send twice.
hedge_percentile = fraction(0.95)
hedged_extra_request_share = fraction(1 - hedge_percentile)
# What if home timelines are read this many times as often as assumed (step 2's sensitivity figure)?
timeline_read_sensitivity = times(3)
# A what-if for step 2: the share of follow edges held by weekly-active users, if active users follow
# and are followed more than the average account (the estimate takes the share of accounts, 37.5%).
weekly_active_follow_edge_share_what_if = fraction(0.6)

# How far below the rules-of-thumb reference the two hardware assumptions sit, on purpose.
api_server_margin = times(api_read_per_server / requests_per_server)
cache_server_margin = times(kv_gets_per_server / cache_ops_per_server)
# The share of memory a cache server uses, against the reference's usable share.
cache_memory_share = fraction(cache_memory_per_server / cache_machine_memory)
reference_usable_memory_share = fraction(usable_memory_share)

# With Z zones sharing the load, losing one leaves Z - 1 to carry all of it (step 7 of the
# workflow): every tier that must survive it needs Z / (Z - 1) of what the peak alone takes.
zone_headroom = zone_loss_headroom(zones)

# --- Stores the first sketch leaves out (step 4) -------------------------------------------------
media_record_bytes = size(200)
devices_per_user = count(1)
devices_per_daily_user = count(2)
device_record_bytes = size(300)
# The token-keyed lookup row: push token, user ID and device ID (step 4).
device_token_row_bytes = size(200)
search_days = count(7)
# The event log keeps events at least this many days: at least the search index's days, since the
# index is rebuilt from it (step 5). Kafka deletes whole segments, and a segment only once its
# newest event is past the retention, so an event stays up to a segment's span longer: segment.ms
# is set to a day, which bounds every event (tweet text included, on the log and its mirror) to
# the retention plus a day. The log does not bound how late an event arrives. The fan-out bounds it instead: it refuses a follow
# event whose write is older than these days and reads the graph edge (step 6), so the follow-change
# notes (twitter_cache), which live these days and one more, outlast any event it applies.
event_log_retention_days = count(7)
assert event_log_retention_days >= search_days
event_log_segment_days = count(1)  # segment.ms: the active segment rolls at least daily
event_log_erasure_bound = duration((event_log_retention_days + event_log_segment_days) * SECONDS_PER_DAY)
# Snapshots, and the binary logs between them, are kept this many days (step 7): within the legal
# deadline less the purge and the weekly collection (the data lifecycle page).
backup_retention_days = count(14)
# The weekly cell-level garbage collection (the data lifecycle page's deletion): every file holding a
# purged cell is rewritten within this many days. Snapshots older than it still hold the cell.
collection_period_days = count(7)
# Deletions: an assumption, sizing the deleted-ID list (step 7) that a restore replays, and showing
# that deletes' other writes and checks are too few to count (steps 2 and 4). A share of the day's
# tweets deleted, and accounts deleted a day (a year's under 4% of the registered accounts).
deleted_tweet_share = fraction(0.01)
account_deletions_per_day = per_day(100e3)
# The search concept page's sum a tweet (postings, IDs, a term dictionary in every segment, the
# engine's own fields), rounded up to leave room for what that estimate misses.
search_index_bytes_per_tweet = size(160)
partition_target_bytes = size(100 * MB)
user_tweet_entry_bytes = size(8 + 1 + row_overhead_bytes)

# --- Notifications (step 5) ----------------------------------------------------------------------
mention_tweet_share = fraction(0.30)
users_notified_per_mention_tweet = count(1.5)
alert_opt_in_share = fraction(0.005)

# --- Reliability targets and operations (steps 1 and 7) ---------------------------------------
availability_target = fraction(0.9999)
extras_availability_target = fraction(0.999)
slo_window = duration(30 * SECONDS_PER_DAY)
percentile_budget_share = fraction(0.01)
cdn_hit_ratio = fraction(0.90)
# Media's s-maxage is the collection's week; the edges and the shield may each keep a copy that long (step 4).
cdn_s_maxage = duration(collection_period_days * SECONDS_PER_DAY)
cdn_cache_tiers = count(2)
cdn_copy_life_max = duration(cdn_s_maxage * cdn_cache_tiers)
assert cdn_copy_life_max < gdpr_answer_within
resync_bytes_per_second = throughput(500 * MB, "B/s")
fanout_outage = duration(10 * 60)

# --- Latency and freshness targets (step 1) ----------------------------------------------------
timeline_latency_target = duration(0.200)
post_latency_target = duration(0.500)
fanout_freshness_target = duration(5)
fanout_freshness_share = fraction(0.99)
search_freshness_target = duration(15)
search_freshness_share = fraction(0.99)

TABLE = [
    (
        "Registered users",
        registered_users,
        "Order of magnitude of Twitter's accounts; most are dormant. Sizes the user table and the social graph, not the traffic.",
    ),
    (
        "Daily active users",
        daily_active_users,
        f"Twitter last reported 237.8M monetizable daily users ({cite('Twitter 2022', 'Q2 2022 results')}); rounded up.",
    ),
    (
        "Users active in the last week",
        weekly_active_users,
        "A guess: the daily users and half as many again who come every few days. Sizes the timeline cache.",
    ),
    (
        "Accounts each user follows",
        follows_per_user,
        "An average: most follow a few dozen, some thousands, up to the cap (step 3). Every follow is someone's follower, so followers average the same.",
    ),
    (
        "Followers of the largest account",
        celebrity_followers,
        "The most-followed account passed 200 million in October 2024 "
        "([Benzinga](https://www.benzinga.com/general/social-media/24/10/41168674/elon-musk-passes-200-million-"
        "followers-on-x-heres-the-top-10-accounts-and-where-barack-obama)); several others have passed 100 million.",
    ),
    (
        "Followers above which we stop fanning out",
        celebrity_threshold_followers,
        "A round threshold; in practice tuned by measuring fan-out lag.",
    ),
    (
        "Band around each threshold that switches an account's mode",
        mode_switch_band,
        "An account turns pulled only this far above a threshold and pushed again only this far below "
        "it, so one near it does not flip back and forth (each switch is a walk of its followers). "
        "A guess, to tune by how often walks run.",
    ),
    (
        "Follows to accounts pulled for their follower count, per user",
        celebrities_followed_per_user,
        "A guess: a handful of celebrities, news outlets and brands.",
    ),
    (
        "Followers gained by the fastest-growing account on record",
        follower_gain_record,
        f"In {follower_gain_record_time}: Caitlyn Jenner's new account in 2015 "
        "([Guinness World Records](https://www.guinnessworldrecords.com/news/press%20release/2015/6/"
        "caitlyn-jenner-shatters-world-record-for-fastest-time-to-reach-one-million-follow-380097)).",
    ),
    (
        "That gain's busiest second over its average",
        follower_gain_busiest_over_average,
        "A guess: the follows came fastest in the minutes after the reveal, so the busiest second is "
        "taken well above the record's average.",
    ),
    (
        "Followers below which the cost rule does not pull an account",
        cost_rule_floor_followers,
        "A choice: below it, even an account at the daily posting cap costs a fraction of a percent of all "
        "deliveries (step 6), which push absorbs, and each pulled account adds a list to every timeline "
        "server and a lookup to its followers' loads.",
    ),
    (
        "Accounts above that floor pulled for their cost alone",
        busy_pulled_accounts,
        "A labeled guess: about one registered account in ten thousand has that many followers, and one in "
        "ten of those (news outlets, sports feeds, bots) posts often enough to cross the cost rule (step 6).",
    ),
    (
        "Followers who read a celebrity tweet in its first hour",
        celebrity_tweet_readers_first_hour,
        "A guess for a popular but not viral tweet.",
    ),
    (
        "Tweets a day",
        tweets_per_day,
        f"Twitter's own long-standing figure: about 500 million a day ({cite('Twitter 2013', '2013')}).",
    ),
    (
        "Home timeline loads per user a day",
        timeline_loads_per_user_per_day,
        "Ten visits a day, each loading one page: a person opening or refreshing the app. Twitter served "
        f"far more timeline reads in 2012 ({cite('Timelines 2012', 'Timelines at Scale')}), home and search "
        "timelines together, likely many of them clients polling on a timer; compared below, with what "
        f"{timeline_read_sensitivity} the rate would need.",
    ),
    ("Tweets per timeline page", tweets_per_timeline_page, "One screenful and a little scrolling."),
    ("Favorites per user a day", favorites_per_user_per_day, "Likes are cheap to give; five a day is modest."),
    ("Searches per user a day", searches_per_user_per_day, "Most people search rarely; a few search a lot."),
    (
        "Profile (user timeline) views per user a day",
        profile_views_per_user_per_day,
        "A guess: half the home loads. A profile opens from a tweet, a search or a notification, one page each.",
    ),
    (
        "Follows and unfollows per user a day",
        follow_changes_per_user_per_day,
        "A guess: about one a week; a graph of 200 follows each is built over years.",
    ),
    (
        "Users who write most tweets",
        busy_poster_share,
        "Posting is very uneven: among U.S. adult users, the most active tenth wrote 80% of tweets "
        f"({cite('Pew 2019', 'Pew Research Center, 2019')}); taken here for daily users worldwide. The average "
        "rate alone would understate the profile reads the tweet cache misses (below).",
    ),
    (
        "Share of all tweets those users write",
        busy_poster_tweet_share,
        "The same survey, with the row above: the rest of the users write the remaining fifth.",
    ),
    (
        "Profile views of seldom-posting authors",
        quiet_author_profile_view_share,
        "A guess: a profile opened from a tweet is more often a busy author's, whose tweets fill timelines; one "
        "opened from a follow, a mention or a search is often a seldom-posting one. Half each.",
    ),
    (
        "Stored text per tweet",
        tweet_text_bytes,
        "Up to 280 characters at 1 to 4 bytes each in UTF-8; most tweets are far shorter.",
    ),
    (
        "Metadata per tweet",
        tweet_metadata_bytes,
        "Tweet, author, reply and replied-to author IDs (32 B), mentioned users' and media IDs (8 B each, on "
        f"the tweets that have any; media up to four), the deleted flag, and about {partition_overhead_bytes} "
        "of store overhead. No timestamp (the ID holds it), no place (step 4).",
    ),
    (
        "Per-row overhead of a row inside a shared partition",
        row_overhead_bytes,
        "From the store's on-disk row format (Cassandra 3 and later, "
        "[UnfilteredSerializer](https://github.com/apache/cassandra/blob/cassandra-4.1/src/java/org/apache/cassandra/db/rows/UnfilteredSerializer.java)): "
        "a flags byte, the clustering header, two sizes, a timestamp offset and a flag byte a cell; the partition "
        "key is stored once per partition. About 16 B before compression.",
    ),
    (
        "Bytes per favorite",
        favorite_record_bytes,
        f"Tweet ID and the time, 8 B each, and {row_overhead_bytes} of per-row overhead; the user ID is the "
        "partition key, stored once per partition.",
    ),
    (
        "Bytes per tweet's count row",
        count_row_bytes,
        f"Tweet ID, favorite count and UpdatedAt, 8 B each, and the same {partition_overhead_bytes} of "
        "per-partition overhead a tweet row carries: each count row is a partition of its own.",
    ),
    (
        "Bytes per follow",
        follow_edge_bytes,
        f"The other account's 8-byte ID and {row_overhead_bytes} of per-row overhead, in each direction; "
        "the owner's ID is the partition key.",
    ),
    (
        "Bytes per alert subscription",
        alert_subscription_bytes,
        f"The subscriber's 8-byte ID and {row_overhead_bytes} of per-row overhead: rows inside the author's "
        "partition, like a follow.",
    ),
    (
        "Bytes per account's stats row",
        account_stats_row_bytes,
        f"User ID, follower count and recent posting rate (8 B each), bucket count and fan-out mode (a switch in progress included), the rows "
        f"in the newest bucket of its tweet list (4 B; step 6 splits a list only when that nears the largest "
        f"partition we allow), and {partition_overhead_bytes} of per-partition overhead.",
    ),
    (
        "Tweets with a photo",
        photo_share,
        "A guess: most tweets are text only. A tweet may carry up to four photos; most carry one, so we count one.",
    ),
    ("Uploaded bytes per photo", photo_uploaded_bytes, "A phone photo after the app compresses it."),
    (
        "Stored bytes per photo",
        photo_stored_bytes,
        "The original as uploaded plus three resized copies the servers make.",
    ),
    ("Bytes served per photo view", photo_served_bytes, "One copy sized for a phone screen."),
    ("Tweets with a video", video_share, "Video is rarer than photos but far bigger."),
    ("Uploaded bytes per video", video_uploaded_bytes, "A 30-second clip at about 2 Mbit/s, as the app sends it."),
    (
        "Videos whose top rung is a remux of the original",
        video_remuxed_share,
        "Assumed: a remux needs the original's GOPs closed and its key frames on the segment grid, which "
        "phone recordings rarely have; to be measured from the encoder's logs.",
    ),
    (
        "Stored bytes per video",
        video_stored_bytes,
        "A top rung at the original's bit rate made from it, and three smaller resolutions the servers "
        f"transcode ({video_lower_renditions_bytes} together). A remuxed top rung holds the original's "
        "streams and replaces it; a re-encoded one does not, so the original as uploaded is kept beside it.",
    ),
    ("Videos played when scrolled past", video_played_share, "One in three; the rest are skipped."),
    ("Seconds watched per play", video_seconds_watched, "Most plays stop before the end."),
    ("Video bit rate (bits/s)", video_bits_per_second, "A phone-sized stream, about 2 Mbit/s."),
    ("Years kept", retention_years, "The horizon the design must hold without a rebuild."),
    ("Copies of tweet data", text_copies, "Three replicas, so losing a server (or a zone) loses nothing."),
    (
        "Media storage overhead",
        media_storage_overhead,
        "Erasure coding, e.g. 6 data + 3 parity fragments, instead of three full copies.",
    ),
    (
        "Peak-to-average traffic",
        peak_to_average,
        "The busy hour over the day's average. An assumption: a smooth daily wave peaks lower (rules of thumb); "
        "an audience in a few time zones, and news, raise it. Bursts within the hour are left to the servers' "
        "headroom; live events go far higher (below).",
    ),
    (
        "Tweets kept per cached timeline",
        timeline_entries_cached,
        f"Twitter's cached home timelines held about 800 entries ({cite('Timelines 2012', 'Timelines at Scale, QCon 2012')}).",
    ),
    (
        "Bytes per cached timeline entry",
        timeline_entry_bytes,
        "Tweet ID, author ID and the timeline's insertion sequence number, 8 bytes each, packed in one array per timeline (step 6).",
    ),
    (
        "Copies of the timeline cache",
        timeline_cache_copies,
        "Three, so a lost cache node does not force a mass rebuild.",
    ),
    (
        "Bookkeeping per key in an in-memory cache",
        cache_item_overhead_bytes,
        "A hash-table slot, the item's links, sizes and expiry. memcached's item header alone is 48 B, 56 with "
        "CAS ([memcached.h](https://github.com/memcached/memcached/blob/master/memcached.h)), before its hash "
        "table's pointer; fragmentation is not in it (the usable memory below leaves room for that).",
    ),
    (
        "Bytes per timeline cache key",
        timeline_key_bytes,
        "The reader's 8-byte ID and a short prefix naming what the key holds (the timeline, or its follow-change record).",
    ),
    (
        "Header of a cached timeline's value",
        timeline_header_bytes,
        "Its epoch and next insertion sequence number (8 B each), list lengths, flags.",
    ),
    (
        "Days a cached timeline is kept unread",
        timeline_expiry_days,
        "Long enough that a daily user never finds the timeline gone; a user back after longer has it rebuilt.",
    ),
    (
        "Daily users last seen more than a day before",
        lapsed_daily_user_share,
        "A guess: a once-a-day user returns about 24 hours later, often just after. Shows what a one-day expiry would cost.",
    ),
    (
        "Days of tweets home timelines read",
        tweet_cache_days,
        "Nearly all home timeline reads are of tweets from the last few days: the least memory the tweet cache "
        "needs. Operations size it larger; profile pages reach further back, read from the store (below).",
    ),
    (
        "Copies of the tweet cache",
        tweet_cache_copies,
        "Two, in different zones: a reader tries a key's first copy, then the other, then the store (step 6). "
        "A lost node's keys are read from the other copy, and its ring neighbors fill them from that copy, so "
        "its loss adds no reads to the store, and the store is the source of truth.",
    ),
    (
        "Bytes per user cache entry",
        user_cache_entry_bytes,
        "Handle, name, avatar key and flags that a tweet shows beside its author, with the key and overhead.",
    ),
    (
        "Bytes per count cache entry",
        count_cache_entry_bytes,
        f"A tweet ID and its favorite count, 8 B each, with the {cache_item_overhead_bytes} of bookkeeping every "
        "key carries (above).",
    ),
    (
        "Bytes per tweet cache entry",
        tweet_cache_entry_bytes,
        f"The tweet's stored text and metadata as the value, its 8-byte ID as the key, and the "
        f"{cache_item_overhead_bytes} of bookkeeping every key carries (above). The metadata's store overhead "
        "stands in for the value's own encoding, more than that needs, so the days held err short.",
    ),
    (
        "Requests per API server",
        requests_per_server,
        f"The rules of thumb give {api_read_per_server} for one cache-backed read, {api_server_margin} "
        "this: a timeline load fans out to dozens of cache servers in parallel batches (step 6), then merges "
        "and filters a page. The rest is room for p99 latency and pauses; a lost zone's headroom is in the "
        "server count.",
    ),
    (
        "Usable memory per cache server",
        f"{cache_memory_per_server_gib} GiB ({cache_memory_per_server})",
        f"A {cache_machine_memory_gib} GiB machine, of which {cache_memory_share} is used: the rules of thumb count "
        f"{reference_usable_memory_share} usable, the rest going to fragmentation, replication buffers and "
        "snapshots. Smaller than the reference machine, so a lost node is a small share of its tier and is "
        "copied again in minutes.",
    ),
    (
        "Timeline cache's memory target",
        timeline_cache_memory_target,
        "Of the above, at launch: room to grow until servers join (step 7's ticket) and for servers above the average; "
        "a full one evicts, each eviction a rebuild.",
    ),
    (
        "Operations per cache server",
        cache_ops_per_server,
        f"Several cache processes a server, one a core, each measured at {kv_gets_per_process} GETs; the rules "
        f"of thumb give {kv_gets_per_server} for a 16-vCPU server, {cache_server_margin} this: list appends and "
        "range reads cost more than a GET, p99 climbs before saturation, and shards are never evenly loaded.",
    ),
    (
        "Usable disk per database server",
        storage_per_database_server,
        "Fast SSDs, filled to about half so compaction and repairs have room.",
    ),
    (
        "Partition reads per database server",
        reads_per_database_server,
        "A read of one partition's newest rows, mostly from the block cache. A guess for a benchmark to replace.",
    ),
    (
        "Cold partition reads per database server",
        cold_reads_per_database_server,
        "A row days to years old, beyond any block cache: the SSD is not the limit, the CPU that reads and "
        "decompresses a block for one small row is, about twice a cached read's. A guess for a benchmark to "
        "replace.",
    ),
    (
        "A replica write's cost, as a share of a recent read's",
        store_write_cost_over_recent_read,
        "An append to memory and to the commit log, with its share of flushes and compaction, against a read "
        "that may look in several files. A guess for a benchmark to replace.",
    ),
    ("Availability zones", zones, "Every tier runs in three zones and must survive losing one."),
    (
        "Spare servers per zone in the hydration caches",
        spare_servers_per_zone,
        "The tweet, user and count caches carry a lost zone at nearly full load, and a dead node comes back "
        "empty: one more ring member a zone (N+1) takes its keys, filling misses from the other copy. The "
        "timeline cache and the store need none: the target each is sized to is its margin.",
    ),
    (
        "Wide-column store's read load with a zone lost, the target it is sized for",
        store_read_target_zone_lost,
        "Of the read rates above, at the peak. The rest is room for reads to grow while nodes join (each "
        "streams its terabytes, throttled, for hours: a tenth more ring takes weeks), and for an estimate "
        "that proves low.",
    ),
    (
        "Wide-column store's read and write load with a zone lost that opens a capacity ticket",
        store_read_ticket_zone_lost,
        "Projected from each server's measured reads at the peak, recent and cold apart, and its measured writes "
        "at their cost (a share of a read's, above), the two together: between the target and the limit, so "
        "that the ticket leaves months to add nodes (step 7).",
    ),
    (
        "Growth of the store's reads and writes a month",
        store_read_growth_per_month,
        "A guess, about a quarter a year: users, profile views, searches and posts growing together. Replace it "
        "with the measured trend.",
    ),
    (
        "Spread of one request's latency (σ of its logarithm, lognormal)",
        request_latency_log_sigma,
        "Service latencies are skewed: a long right tail over a typical time. A guess, to replace with the "
        "measured distribution of the caches and stores.",
    ),
    (
        "Latency percentile after which a request is hedged",
        hedge_percentile,
        "A request still unanswered then goes to a second copy too (step 6), as Dean and Barroso suggest. "
        "Each client caps its hedges at the requests past it, the share below, with a budget (as the "
        "`maxExtraLoad` of [Finagle's backup requests](https://twitter.github.io/finagle/docs/com/twitter/finagle/client/BackupRequestFilter$.html) does), "
        "so a slow tier does not draw more.",
    ),
    (
        "Extra requests from hedging, at most",
        hedged_extra_request_share,
        "The requests past that percentile. Step 2 counts them on every cache a load reads.",
    ),
    (
        "Bytes per media metadata row",
        media_record_bytes,
        "Media ID, owner, type, state, object key and its variants, a failure reason. No tweet ID: a tweet lists its media (step 4).",
    ),
    ("Push devices per registered account", devices_per_user, "Many accounts have none; active users have two."),
    (
        "Devices per daily user",
        devices_per_daily_user,
        "A phone and a tablet or a second phone; each registers itself (step 3).",
    ),
    ("Bytes per device row", device_record_bytes, "User, device, platform, push token and settings."),
    (
        "Bytes per token lookup row",
        device_token_row_bytes,
        "Push token (an FCM token runs to about 160 characters), user ID and device ID.",
    ),
    ("Days of tweets searchable", search_days, "Search covers what is happening now, not the archive."),
    (
        "Days the event log keeps events",
        event_log_retention_days,
        "At least: the search index's days, to rebuild it (step 5). Kafka deletes whole segments, so an "
        "event stays up to a segment's span longer; the fan-out itself refuses a follow event older than this "
        "(step 6).",
    ),
    (
        "Days a log segment spans at most (segment.ms)",
        event_log_segment_days,
        "Rolled daily, so no event outlives the retention by more than a day.",
    ),
    (
        "Days snapshots are kept",
        backup_retention_days,
        "Inside the legal deadline less the purge and the weekly collection (the data lifecycle page).",
    ),
    (
        "Tweets deleted, as a share of the day's tweets",
        deleted_tweet_share,
        "A guess, sizing the deleted-ID list (step 7); deletes' outbox rows and checks, a fraction of a "
        "percent of posts' and favorites', are left out (steps 2 and 4).",
    ),
    (
        "Accounts deleted a day",
        account_deletions_per_day,
        "A guess: a year's deletions under 4% of the registered accounts; sizes only the deleted-ID list.",
    ),
    (
        "Search index bytes per tweet",
        search_index_bytes_per_tweet,
        "A budget: about 20 terms as compressed postings, tweet and author IDs, a term dictionary in every "
        "segment of every shard, and the engine's own fields a document, which the search concept page estimates, "
        "rounded up for what that estimate misses; measure a sample day before buying servers.",
    ),
    (
        "Largest partition we allow",
        partition_target_bytes,
        "Well under the size at which wide-column partitions slow down.",
    ),
    (
        "Bytes per entry in a user's tweet list",
        user_tweet_entry_bytes,
        f"A tweet ID (8 B), a flag byte and {row_overhead_bytes} of per-row overhead; the author and the bucket (step 6) are the partition key, stored once.",
    ),
    (
        "Tweets that mention or reply to someone",
        mention_tweet_share,
        "A guess: conversations are a large share of traffic.",
    ),
    ("People notified per such tweet", users_notified_per_mention_tweet, "Most mention one person, some several."),
    ("Follows with alerts turned on", alert_opt_in_share, "The notification bell is rarely used."),
    ("Availability target", availability_target, "Agreed on step 1 for posting and the home timeline."),
    (
        "Availability target, search and push delivery",
        extras_availability_target,
        "They can degrade without stopping the core loop.",
    ),
    (
        "Window the target is measured over",
        slo_window,
        f"A rolling month, a common SLO window ({cite('SRE workbook', 'Google SRE workbook')}).",
    ),
    (
        "Requests allowed over a latency target",
        percentile_budget_share,
        "Targets are p99: one request in a hundred may be slower.",
    ),
    (
        "Media shown without a fetch from the object store",
        cdn_hit_ratio,
        "Counted per item shown, as Facebook counted photo requests: its browser, edge and origin caches together "
        f"answered about nine in ten ({cite('Facebook photos 2013', 'SOSP 2013')}). Here the app, the CDN's edges and "
        "its shield tier do the same work.",
    ),
    (
        "Copy rate when a cache server is replaced",
        resync_bytes_per_second,
        "About half of a 10 Gbit/s link, leaving the rest for live traffic.",
    ),
    ("Fan-out outage we plan for", fanout_outage, "Long enough to matter, short enough to drain the same hour."),
    (
        "Home timeline p99, at the gateway",
        timeline_latency_target,
        "Leaves room for the phone's round trips within a second.",
    ),
    (
        "`postTweet` p99, media upload excluded",
        post_latency_target,
        "Users wait on a post; they tolerate a little more.",
    ),
    (
        f"Time within which {fanout_freshness_share} of tweets reach followers' timelines",
        fanout_freshness_target,
        '"Real time" as a number the fan-out lag can be held to.',
    ),
    (
        "Share of tweets held to that time",
        fanout_freshness_share,
        "A p99, like the latency targets: one tweet in a hundred may reach followers later.",
    ),
    (
        "Share of follow edges held by weekly-active users, for a what-if",
        weekly_active_follow_edge_share_what_if,
        "A what-if, not a forecast: active users follow and are followed more than dormant accounts, so the "
        "share of edges could exceed the share of accounts used below.",
    ),
    (
        "Home timeline reads, as a multiple of the assumed rate, for the sensitivity figure",
        timeline_read_sensitivity,
        "A what-if, not a forecast: what the API and the hydration caches would need if reads ran this "
        "much higher (below).",
    ),
    (
        f"Time within which {search_freshness_share} of new tweets are searchable",
        search_freshness_target,
        "Search is for what is happening now.",
    ),
    (
        "Share of new tweets held to that time",
        search_freshness_share,
        "A p99, like the fan-out's freshness: one tweet in a hundred may become searchable later.",
    ),
]

# Other snippets import this module for its values; run on its own (or by the docs build),
# it prints the table.
if __name__ != "twitter_assumptions":
    print(markdown_table(("Assumption", "Value", "Why"), TABLE))
