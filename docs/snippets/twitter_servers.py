"""Twitter worked example: a rough count of servers, tier by tier."""

import math

from reference_capacity import paxos_state_reads_per_replica, relational_shard_bytes
from twitter_api import (
    idempotency_store_bytes,
    idempotency_writes_per_second_peak,
    lightweight_transactions_per_second_peak,
    outbox_rows_per_second_peak,
    outbox_store_bytes,
    outbox_writes_per_second_peak,
    paxos_state_bytes,
    paxos_state_writes_per_second_peak,
)
from twitter_assumptions import (
    busy_poster_share,
    busy_poster_tweet_share,
    cold_reads_per_database_server,
    daily_active_users,
    devices_per_daily_user,
    hedged_extra_request_share,
    peak_to_average,
    quiet_author_profile_view_share,
    reads_per_database_server,
    requests_per_server,
    search_days,
    storage_per_database_server,
    store_read_growth_per_month,
    store_read_target_zone_lost,
    store_read_ticket_zone_lost,
    store_write_cost_over_recent_read,
    timeline_read_sensitivity,
    tweets_per_day,
    tweets_per_timeline_page,
    zone_headroom,
    zones,
)
from twitter_cache import (
    count_cache_fills_per_second_peak,
    count_cache_ops_peak,
    count_cache_servers,
    count_cache_servers_for_memory,
    hydration_cache_servers,
    servers_for_ops,
    timeline_cache_servers,
    tweet_cache_days_held,
    tweet_cache_fills_per_second_peak,
    tweet_cache_ops_peak,
    tweet_cache_servers,
    tweet_cache_servers_for_memory,
    user_cache_ops_peak,
    user_cache_servers,
    user_cache_servers_for_memory,
)
from twitter_notifications import pushes_per_second, pushes_per_second_peak
from twitter_storage import (
    count_bytes_per_day,
    count_bytes_total,
    favorite_bytes_per_day,
    favorite_bytes_total,
    follow_graph_bytes,
    follow_versions_bytes,
    tweet_bytes_per_day,
    tweet_bytes_total,
    user_tweet_list_bytes_per_day,
    user_tweet_list_bytes_total,
)
from twitter_stores import (
    account_stats_bytes_total,
    alert_subscription_bytes_total,
    deleted_id_bytes_total,
    device_bytes_total,
    device_token_bytes_total,
    user_key_bytes_total,
)
from twitter_traffic import (
    favorites_per_second,
    favorites_per_second_peak,
    follow_changes_per_second,
    follow_changes_per_second_peak,
    media_calls_per_second,
    media_polls_per_second,
    page_loads_per_second_peak,
    profile_views_per_second,
    profile_views_per_second_peak,
    searches_per_second,
    searches_per_second_peak,
    timeline_loads_per_second,
    timeline_loads_per_second_peak,
    tweets_per_second,
    tweets_per_second_peak,
)

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    SECONDS_PER_MONTH,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    servers,
    size,
    size_per_day,
    times,
    whole_per_zone,
)

# API servers: every request at peak, plus room to lose a whole zone. With three zones,
# the two that remain must carry everything: 3 / 2 = 1.5 times the peak (zone_headroom), and
# every zone needs the same whole count, or losing the largest leaves less than the peak.
# Device registrations count too: each device calls when its push token or locale changes, and
# otherwise once a day (step 3), so at least one call a day per daily user's device. Single tweets
# opened from a push (step 3) count too, at most one per user notified: the same upper bound the store's
# reads below take. So do media status polls (step 3), one upload per media tweet. Deletes, sign-ins
# and settings are left out: each is a small share. Token refreshes are not small, and are left out
# for another reason: they run on the identity service's own issuers and its session store (step 5),
# not on these servers, and the authentication concept page sizes that load (concept_auth's
# refreshes_peak, refresh_store_ops_peak and eddsa_issuer_cores).
registrations_per_second = per_second(daily_active_users * devices_per_daily_user / SECONDS_PER_DAY)
requests_per_second = per_second(
    tweets_per_second
    + favorites_per_second
    + timeline_loads_per_second
    + profile_views_per_second
    + searches_per_second
    + follow_changes_per_second
    + media_calls_per_second
    + media_polls_per_second
    + registrations_per_second
    + pushes_per_second
)
requests_per_second_peak = peak(requests_per_second * peak_to_average)
registrations_per_second_peak = peak(registrations_per_second * peak_to_average)
registrations_share_at_least = fraction(registrations_per_second / requests_per_second)
opened_pushes_share_at_most = fraction(pushes_per_second / requests_per_second)
api_servers = count(whole_per_zone(requests_per_second_peak * zone_headroom / requests_per_server, zones))

# Databases: one wide-column cluster (step 5) holds tweets, the authors' tweet lists, favorites,
# their counts, the follow graph and the account stats, the idempotency keys, the Paxos state of
# the lightweight transactions (twitter_api), the outbox, the device registry, its lookup by token,
# the alert subscriptions, the per-user keys and the deleted-ID list, a copy of each in every zone.
# Each zone's servers must hold that zone's copy of all of it, and serve the reads below.
wide_column_bytes_total = size(
    tweet_bytes_total
    + user_tweet_list_bytes_total
    + favorite_bytes_total
    + count_bytes_total
    + follow_graph_bytes
    + follow_versions_bytes
    + account_stats_bytes_total
    + idempotency_store_bytes
    + paxos_state_bytes
    + outbox_store_bytes
    + device_bytes_total
    + device_token_bytes_total
    + alert_subscription_bytes_total
    + user_key_bytes_total
    + deleted_id_bytes_total
)
database_servers_per_zone_for_bytes = count(math.ceil(wide_column_bytes_total / zones / storage_per_database_server))
# The same data as relational shards (step 4 weighs sharded MySQL against the wide-column store): each
# zone's copy over the size a relational shard is kept to (reference_capacity), rounded up, each shard a
# primary with its replicas; and a year of the tables that grow every day (tweets, the authors' lists,
# favorites and their counts; one copy) over the same size.
wide_column_relational_shards_per_zone = count(math.ceil(wide_column_bytes_total / zones / relational_shard_bytes))
wide_column_growing_bytes_per_day = size_per_day(
    tweet_bytes_per_day + user_tweet_list_bytes_per_day + favorite_bytes_per_day + count_bytes_per_day
)
wide_column_relational_shards_added_per_year = count(
    wide_column_growing_bytes_per_day * DAYS_PER_YEAR / relational_shard_bytes
)
# With the primaries spread evenly over the zones, losing a zone takes the primaries of one shard in Z:
# the shards that would refuse writes until a replica is promoted, what step 1's zone-loss target rules out.
wide_column_relational_shards_paused_zone_lost = count(wide_column_relational_shards_per_zone / zones)

# Its reads, in two kinds. Recent partitions, mostly in the block cache: a favorites read of the
# reader's partition (step 4) per home load, profile view, search page and opened push (at most one per
# user notified), and one per favorite before its write; per tweet posted, the author's stats row and
# at least one page of its followers (no page size is assumed); per follow, the followee's stats row
# (an unfollow reads its own "whom I follow" row) and tweet list, whose recent tweets the fan-out copies
# (step 5; one per follow or unfollow, an upper bound); per profile view, the author's tweet list (no
# cache holds it; quiet_author_profile_view_share of them are a seldom-posting author's, counted cold);
# per user notified, their devices, and per tweet, its author's alert subscribers; per tweet-cache or
# count-cache fill, the new row (an upper bound: a fill the key's other copy serves never reaches the
# store, step 6); and a lightweight transaction's read of its row, per idempotency key's reservation
# (one per post and per upload) and per follow or unfollow (twitter_api).
# Cold partitions, beyond the block cache: the tweet lists of seldom-posting authors (above), and
# profile pages show tweets older than the tweet cache holds, each a read of its own partition, and
# each such tweet's count row, one more partition.
# Posting is uneven, and the share of a page older than the cache, max(0, 1 - rate x days / page),
# is convex in the author's rate: averaged over uneven authors it is higher than at the average
# rate. So authors come in two groups, the few who write most tweets and the many who seldom post,
# each at its group's average rate; within the seldom group rates spread further, which raises
# the share again (left out). Search results span the index's days, fewer than the cache holds.
# Left out: the rebuilds of timelines unread for over a week (no share of users coming back that
# late is assumed) and the outbox sweeper's reads (two partitions a second per shard, step 4).
# Reads are quorum reads (step 7): with a copy in each zone, each read asks a majority of the
# copies. With a zone lost, the copies in the zones left are all the quorum, so each of those zones
# serves every read, spread over all of its servers.
# Each lightweight transaction's Paxos round also reads its row's Paxos state twice on every replica
# (twitter_api): not quorum reads, so each zone's copy serves them all, zone lost or not. Counted as
# recent reads, like the row read before them: these pages price a read by CPU, not by disk.
tweets_per_daily_user = count(tweets_per_day / daily_active_users)
busy_author_tweets_per_day = count(tweets_per_daily_user * busy_poster_tweet_share / busy_poster_share)
quiet_author_tweets_per_day = count(tweets_per_daily_user * (1 - busy_poster_tweet_share) / (1 - busy_poster_share))


def page_share_older_than_cache(tweets_a_day: float) -> float:
    """Share of an author's newest page older than the days the tweet cache holds."""
    return max(0.0, 1 - tweets_a_day * tweet_cache_days_held / tweets_per_timeline_page)


average_rate_page_miss_share = fraction(page_share_older_than_cache(tweets_per_daily_user))
quiet_author_page_miss_share = fraction(page_share_older_than_cache(quiet_author_tweets_per_day))
busy_author_page_miss_share = fraction(page_share_older_than_cache(busy_author_tweets_per_day))
profile_page_miss_share = fraction(
    quiet_author_profile_view_share * quiet_author_page_miss_share
    + (1 - quiet_author_profile_view_share) * busy_author_page_miss_share
)
search_page_miss_share = fraction(max(0, (search_days - tweet_cache_days_held) / search_days))
profile_tweet_misses_per_second_peak = peak(
    profile_views_per_second_peak * tweets_per_timeline_page * profile_page_miss_share
)
search_tweet_misses_per_second_peak = peak(searches_per_second_peak * tweets_per_timeline_page * search_page_miss_share)
old_tweet_count_reads_per_second_peak = peak(profile_tweet_misses_per_second_peak + search_tweet_misses_per_second_peak)
quiet_author_list_reads_per_second_peak = peak(profile_views_per_second_peak * quiet_author_profile_view_share)
busy_author_list_reads_per_second_peak = peak(profile_views_per_second_peak - quiet_author_list_reads_per_second_peak)
hot_store_reads_per_second_peak = peak(
    page_loads_per_second_peak
    + searches_per_second_peak
    + pushes_per_second_peak
    + favorites_per_second_peak
    + 2 * tweets_per_second_peak
    + follow_changes_per_second_peak
    + busy_author_list_reads_per_second_peak
    + follow_changes_per_second_peak
    + pushes_per_second_peak
    + tweets_per_second_peak
    + tweet_cache_fills_per_second_peak
    + count_cache_fills_per_second_peak
    + lightweight_transactions_per_second_peak
)
cold_store_reads_per_second_peak = peak(
    quiet_author_list_reads_per_second_peak
    + profile_tweet_misses_per_second_peak
    + search_tweet_misses_per_second_peak
    + old_tweet_count_reads_per_second_peak
)
store_reads_per_second_peak = peak(hot_store_reads_per_second_peak + cold_store_reads_per_second_peak)
cold_store_read_share = fraction(cold_store_reads_per_second_peak / store_reads_per_second_peak)
quorum_copies = count(zones // 2 + 1)
read_copies_per_zone_zone_lost = times(quorum_copies / (zones - 1))
paxos_state_reads_per_zone_peak = peak(lightweight_transactions_per_second_peak * paxos_state_reads_per_replica)
store_reads_per_zone_zone_lost = peak(
    store_reads_per_second_peak * read_copies_per_zone_zone_lost + paxos_state_reads_per_zone_peak
)
# Servers' worth of each zone's reads: quorum reads at one copy a zone, Paxos state reads (zone lost or
# not), both with a zone lost, and the servers that carry those at the target.
quorum_read_servers_a_copy = (
    hot_store_reads_per_second_peak / reads_per_database_server
    + cold_store_reads_per_second_peak / cold_reads_per_database_server
)
paxos_state_read_servers = paxos_state_reads_per_zone_peak / reads_per_database_server
store_read_servers_zone_lost = count(
    read_copies_per_zone_zone_lost * quorum_read_servers_a_copy + paxos_state_read_servers
)
database_servers_per_zone_for_reads = count(math.ceil(store_read_servers_zone_lost / store_read_target_zone_lost))
database_servers_per_zone_for_load = count(
    max(database_servers_per_zone_for_bytes, database_servers_per_zone_for_reads)
)
store_sized_by_reads = database_servers_per_zone_for_reads > database_servers_per_zone_for_bytes
# No spare on top: a server lost during a zone outage stops its key ranges whatever the extra
# servers (step 7), so the store's margin is the read target's room, stated below.
database_servers_per_zone = count(database_servers_per_zone_for_load)
database_bytes_per_server = size(wide_column_bytes_total / zones / database_servers_per_zone)
store_read_load_zone_lost = fraction(store_read_servers_zone_lost / database_servers_per_zone)
# The margin: servers' worth of reads a zone left with a zone lost, and that as a share.
store_read_margin_servers = count(database_servers_per_zone - store_read_servers_zone_lost)
store_read_room_zone_lost = fraction(1 - store_read_load_zone_lost)
# Writes take part of that margin. Every write reaches each zone's copy: a post's tweet and list rows,
# its key's reservation and result, a favorite's row and the counting job's total (at most one per
# favorite), a follow's two rows (an unfollow's rare alert delete left out), each outbox row and its
# sent mark, a device registration's row (a new token or a sign-in also reads and writes the lookup by
# token: a small share of registrations, left out); each
# lightweight transaction's Paxos state writes (counted over all replicas in twitter_api, so a zone's
# share);
# and each logged batch's batch log, written to two nodes and deleted from both, spread over the
# zones. The stats job's batched updates are left out. With a zone lost, each write to the lost
# copy leaves a hint on a coordinator in a surviving zone (for up to the 3 h hint window), so the
# two zones left take that zone's writes again between them. Priced at a share of a recent read.
store_writes_per_zone_peak = peak(
    tweets_per_second_peak * 2
    + idempotency_writes_per_second_peak
    + favorites_per_second_peak * 2
    + follow_changes_per_second_peak * 2
    + outbox_writes_per_second_peak
    + registrations_per_second_peak
    + paxos_state_writes_per_second_peak / zones
    + outbox_rows_per_second_peak * 4 / zones
)
store_writes_per_zone_zone_lost = peak(store_writes_per_zone_peak * (1 + 1 / (zones - 1)))
store_write_servers_zone_lost = count(
    store_writes_per_zone_zone_lost * store_write_cost_over_recent_read / reads_per_database_server
)
store_write_margin_share = fraction(store_write_servers_zone_lost / store_read_margin_servers)
store_margin_after_writes_servers = count(store_read_margin_servers - store_write_servers_zone_lost)
# The growth ticket watches reads and writes together, both assumed to grow at the same rate: days
# of growth from today's load to it, and from it to the limit.
store_load_zone_lost = fraction(
    (store_read_servers_zone_lost + store_write_servers_zone_lost) / database_servers_per_zone
)
store_days_to_ticket = duration(
    math.log(store_read_ticket_zone_lost / store_load_zone_lost)
    / math.log(1 + store_read_growth_per_month)
    * SECONDS_PER_MONTH
)
store_ticket_warning = duration(
    math.log(1 / store_read_ticket_zone_lost) / math.log(1 + store_read_growth_per_month) * SECONDS_PER_MONTH
)
database_servers = count(database_servers_per_zone * zones)
# Hedging (step 6) adds no reads to that sizing: a quorum read unanswered at the p95 goes to the one
# copy the quorum did not ask (Cassandra's speculative retry), and with a zone lost there is none.
# With every zone up, each zone would serve these shares of its reads with a zone lost (Paxos state
# reads in both): with hedges at their cap, and were every read hedged (one copy a zone):
store_read_share_hedged_all_zones = fraction(
    ((quorum_copies + hedged_extra_request_share) / zones * quorum_read_servers_a_copy + paxos_state_read_servers)
    / store_read_servers_zone_lost
)
store_read_share_every_read_hedged = fraction(
    (quorum_read_servers_a_copy + paxos_state_read_servers) / store_read_servers_zone_lost
)

# Caches: all four are sized in twitter_cache.py, by memory or operations, whichever needs more.

# Printed in full (servers(), not count()): a reader adds the tiers above to check it.
total_servers = servers(
    api_servers
    + database_servers
    + timeline_cache_servers
    + tweet_cache_servers
    + user_cache_servers
    + count_cache_servers
)

# Sensitivity: home timelines read timeline_read_sensitivity times as often as assumed. Each extra
# load is one more API request, a page of tweets to hydrate (a lookup in each of the tweet and count
# caches per tweet, and in the user cache per author, at most one a tweet, hedged like the rest) and
# one favorites read in the store. The tiers are
# recounted with the same per-server rates and the same rounding as above (twitter_cache.servers_for_ops).
read_sensitivity_extra_loads_peak = peak(timeline_loads_per_second_peak * (timeline_read_sensitivity - 1))
read_sensitivity_requests_peak = peak(requests_per_second_peak + read_sensitivity_extra_loads_peak)
read_sensitivity_api_servers = count(
    whole_per_zone(read_sensitivity_requests_peak * zone_headroom / requests_per_server, zones)
)
read_sensitivity_extra_lookups_peak = peak(
    read_sensitivity_extra_loads_peak * tweets_per_timeline_page * (1 + hedged_extra_request_share)
)
read_sensitivity_hydration_cache_servers = count(
    servers_for_ops(tweet_cache_ops_peak + read_sensitivity_extra_lookups_peak, tweet_cache_servers_for_memory)
    + servers_for_ops(user_cache_ops_peak + read_sensitivity_extra_lookups_peak, user_cache_servers_for_memory)
    + servers_for_ops(count_cache_ops_peak + read_sensitivity_extra_lookups_peak, count_cache_servers_for_memory)
)
# The store's favorites reads: with a zone lost each zone serves every read, so the extra loads come
# out of the room each zone has left for reads to grow, counted in recent reads.
read_sensitivity_store_room_share = fraction(
    read_sensitivity_extra_loads_peak / (store_margin_after_writes_servers * reads_per_database_server)
)

if __name__ != "twitter_servers":
    print(
        markdown_table(
            ("Tier", "Sized by", "Servers"),
            [
                (
                    "API",
                    f"{requests_per_second_peak} at peak (device registrations at least "
                    f"{registrations_share_at_least} of it, pushes opened at most {opened_pushes_share_at_most}) "
                    f"× {zone_headroom} zone headroom",
                    api_servers,
                ),
                (
                    "Wide-column store",
                    "its bytes, or its reads with a zone lost at a target load (below), whichever needs more",
                    database_servers,
                ),
                ("Timeline cache", "memory or operations, whichever needs more", timeline_cache_servers),
                ("Tweet cache", "memory or operations, whichever needs more, and a spare a zone", tweet_cache_servers),
                ("User cache", "operations: each page's authors once, and a spare a zone", user_cache_servers),
                (
                    "Count cache",
                    "operations: a count for every tweet shown and the counting job's writes, and a spare a zone",
                    count_cache_servers,
                ),
                ("Total", "", total_servers),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Wide-column store, bytes against reads", "Value"),
            [
                ("Tweets, all copies", tweet_bytes_total),
                ("Authors' tweet lists, all copies", user_tweet_list_bytes_total),
                ("Favorites, all copies", favorite_bytes_total),
                ("Favorite counts, all copies", count_bytes_total),
                ("Follow graph, both directions, all copies", follow_graph_bytes),
                (
                    "... its versions and state, and the unfollowed rows kept for the grace, all copies",
                    follow_versions_bytes,
                ),
                ("Account stats, all copies", account_stats_bytes_total),
                ("Idempotency keys, all copies", idempotency_store_bytes),
                ("Paxos state of key reservations, follows and unfollows, all copies", paxos_state_bytes),
                ("Outbox, all copies", outbox_store_bytes),
                ("Device registry, all copies", device_bytes_total),
                ("Device lookup by token, all copies", device_token_bytes_total),
                ("Alert subscriptions, all copies", alert_subscription_bytes_total),
                ("Per-user keys, all copies", user_key_bytes_total),
                ("Deleted-ID list, all copies", deleted_id_bytes_total),
                ("All its tables, all copies", wide_column_bytes_total),
                (
                    f"Servers a zone for its bytes, at {storage_per_database_server} each",
                    database_servers_per_zone_for_bytes,
                ),
                ("Days of newest tweets the tweet cache holds (step 2, caches)", tweet_cache_days_held),
                ("Tweets a day per daily user, on average", tweets_per_daily_user),
                ("Profile page tweets older than the cache, at that average rate", average_rate_page_miss_share),
                ("Tweets a day of an author who writes most tweets", busy_author_tweets_per_day),
                ("Their profile page's tweets older than the cache", busy_author_page_miss_share),
                ("Tweets a day of a seldom-posting author", quiet_author_tweets_per_day),
                ("Their profile page's tweets older than the cache", quiet_author_page_miss_share),
                (
                    f"Profile page tweets older than the cache, {quiet_author_profile_view_share} of views "
                    "being of seldom-posting authors",
                    profile_page_miss_share,
                ),
                ("Search page tweets older than the cache, at most", search_page_miss_share),
                ("Profile tweets read from the store at peak", profile_tweet_misses_per_second_peak),
                ("Search tweets read from the store at peak", search_tweet_misses_per_second_peak),
                ("Their count rows read from the store at peak", old_tweet_count_reads_per_second_peak),
                ("Tweet-list reads of busy authors' profiles at peak (recent)", busy_author_list_reads_per_second_peak),
                (
                    "Tweet-list reads of seldom-posting authors' profiles at peak (cold)",
                    quiet_author_list_reads_per_second_peak,
                ),
                ("Recent partitions read at peak (list below the table)", hot_store_reads_per_second_peak),
                (
                    "Cold partitions read at peak: seldom-posting authors' tweet lists, and the old tweets and count "
                    "rows above",
                    cold_store_reads_per_second_peak,
                ),
                ("All quorum reads at peak", store_reads_per_second_peak),
                ("Share of them cold", cold_store_read_share),
                (f"Copies each quorum read asks, of {zones}", quorum_copies),
                (
                    "Paxos state reads on each zone's copy at peak, two per lightweight transaction",
                    paxos_state_reads_per_zone_peak,
                ),
                ("Reads on each zone's copy, a zone lost", store_reads_per_zone_zone_lost),
                (
                    f"Servers' worth of those reads, at {reads_per_database_server} recent or "
                    f"{cold_reads_per_database_server} cold a server",
                    store_read_servers_zone_lost,
                ),
                (f"Servers a zone for them at {store_read_target_zone_lost}", database_servers_per_zone_for_reads),
                ("Servers a zone, the larger", database_servers_per_zone),
                ("Their read load with a zone lost", store_read_load_zone_lost),
                ("Room left, in servers' worth of reads a zone", store_read_margin_servers),
                ("Replica writes on each zone's copy at peak", store_writes_per_zone_peak),
                ("... with a zone lost, its hints included", store_writes_per_zone_zone_lost),
                (
                    "... in servers' worth of recent reads, a write costing "
                    f"{store_write_cost_over_recent_read} of one",
                    store_write_servers_zone_lost,
                ),
                ("... as a share of that room", store_write_margin_share),
                ("Room left for reads to grow, in servers' worth a zone", store_margin_after_writes_servers),
                ("Reads and writes together with a zone lost", store_load_zone_lost),
                (
                    f"Growth at {store_read_growth_per_month} a month to the ticket at {store_read_ticket_zone_lost}",
                    store_days_to_ticket,
                ),
                ("Growth from the ticket to the limit", store_ticket_warning),
                (
                    f"Each zone's reads with every zone up, hedges at their {hedged_extra_request_share} cap, "
                    "over its reads with a zone lost",
                    store_read_share_hedged_all_zones,
                ),
                (
                    "... were every read hedged, to every zone's copy",
                    store_read_share_every_read_hedged,
                ),
                ("Bytes each server holds", database_bytes_per_server),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (f"Home timeline reads at {timeline_read_sensitivity} the assumed rate", "Value"),
            [
                ("Extra home loads at peak", read_sensitivity_extra_loads_peak),
                ("API requests at peak", read_sensitivity_requests_peak),
                (f"API servers (now {api_servers})", read_sensitivity_api_servers),
                (
                    "Extra lookups at peak in each of the tweet, user and count caches",
                    read_sensitivity_extra_lookups_peak,
                ),
                (
                    f"Tweet, user and count cache servers (now {hydration_cache_servers})",
                    read_sensitivity_hydration_cache_servers,
                ),
                (
                    "The extra favorites reads, as a share of the store's room for reads to grow",
                    read_sensitivity_store_room_share,
                ),
            ],
        )
    )
