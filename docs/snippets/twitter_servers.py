"""Twitter worked example: a rough count of servers, tier by tier."""

import math

from twitter_api import idempotency_store_bytes, outbox_store_bytes
from twitter_assumptions import (
    daily_active_users,
    devices_per_daily_user,
    peak_to_average,
    reads_per_database_server,
    requests_per_server,
    search_days,
    storage_per_database_server,
    tweet_cache_days,
    tweets_per_day,
    tweets_per_timeline_page,
    zone_headroom,
    zones,
)
from twitter_cache import count_cache_servers, timeline_cache_servers, tweet_cache_servers, user_cache_servers
from twitter_storage import (
    count_bytes_total,
    favorite_bytes_total,
    follow_graph_bytes,
    tweet_bytes_total,
    user_tweet_list_bytes_total,
)
from twitter_stores import account_stats_bytes_total, alert_subscription_bytes_total, device_bytes_total
from twitter_traffic import (
    favorites_per_second,
    favorites_per_second_peak,
    follow_changes_per_second,
    follow_changes_per_second_peak,
    media_calls_per_second,
    page_loads_per_second_peak,
    profile_views_per_second,
    profile_views_per_second_peak,
    searches_per_second,
    searches_per_second_peak,
    timeline_loads_per_second,
    tweets_per_second,
    tweets_per_second_peak,
)

from sdw.estimation import SECONDS_PER_DAY, count, fraction, markdown_table, peak, per_second, size, whole_per_zone

# API servers: every request at peak, plus room to lose a whole zone. With three zones,
# the two that remain must carry everything: 3 / 2 = 1.5 times the peak (zone_headroom), and
# every zone needs the same whole count, or losing the largest leaves less than the peak.
# Device registrations count too: each device calls when its push token or locale changes, and
# otherwise once a day (step 3), so at least one call a day per daily user's device. Deletes,
# sign-ins, settings and single tweets opened from a push (step 3) are left out: each is a small
# share of these.
registrations_per_second = per_second(daily_active_users * devices_per_daily_user / SECONDS_PER_DAY)
requests_per_second = per_second(
    tweets_per_second
    + favorites_per_second
    + timeline_loads_per_second
    + profile_views_per_second
    + searches_per_second
    + follow_changes_per_second
    + media_calls_per_second
    + registrations_per_second
)
requests_per_second_peak = peak(requests_per_second * peak_to_average)
registrations_share_at_least = fraction(registrations_per_second / requests_per_second)
api_servers = count(whole_per_zone(requests_per_second_peak * zone_headroom / requests_per_server, zones))

# Databases: one wide-column cluster (step 5) holds tweets, the authors' tweet lists, favorites,
# their counts, the follow graph and the account stats, the idempotency keys, the outbox, the
# device registry and the alert subscriptions, a copy of each in every zone.
# Each zone's servers must hold that zone's copy of all of it, and serve the reads below.
wide_column_bytes_total = size(
    tweet_bytes_total
    + user_tweet_list_bytes_total
    + favorite_bytes_total
    + count_bytes_total
    + follow_graph_bytes
    + account_stats_bytes_total
    + idempotency_store_bytes
    + outbox_store_bytes
    + device_bytes_total
    + alert_subscription_bytes_total
)
database_servers_per_zone_for_bytes = count(math.ceil(wide_column_bytes_total / zones / storage_per_database_server))

# Its reads: "did the reader favorite these?" is one read of the reader's partition of the
# favorites table (step 4) for every home load, profile view and search page, and the service
# reads a favorite's row before it writes it (step 4): one more read for every favorite. The
# fan-out reads the author's stats row (mode, bucket count) for every tweet posted, and a follow
# reads the followee's (its bucket count) before it writes. A profile
# view also reads the author's partition of the tweet lists (step 4): no cache holds those lists.
# Profile and search pages show tweets older than the tweet cache's days, each a read of its own
# partition. An average author posts this many a day, so a profile's newest page reaches back
# page / rate days, and the share of it older than the cache misses. Profiles opened from a
# tweet lean to busier authors, whose pages are newer: this share is on the high side. Search
# results span the index's days; spread evenly over them, the days beyond the cache's miss, an
# upper bound too, since results come newest first. Also left out: the fan-out's
# follower-list reads (at least one partition scan per tweet posted, more for large accounts;
# no page size is assumed) and the rebuilds of timelines unread for over a week (no share of
# users coming back that late is assumed). Reads are quorum reads (step 7): with a copy in each
# zone, each read asks a majority of the copies. With a zone lost, the copies in the zones left
# are all the quorum, so each of those zones serves every read, spread over all of its servers.
tweets_per_author_per_day = count(tweets_per_day / daily_active_users)
profile_page_miss_share = fraction(1 - min(1, tweets_per_author_per_day * tweet_cache_days / tweets_per_timeline_page))
search_page_miss_share = fraction((search_days - tweet_cache_days) / search_days)
profile_tweet_misses_per_second_peak = peak(
    profile_views_per_second_peak * tweets_per_timeline_page * profile_page_miss_share
)
search_tweet_misses_per_second_peak = peak(searches_per_second_peak * tweets_per_timeline_page * search_page_miss_share)
store_reads_per_second_peak = peak(
    page_loads_per_second_peak
    + searches_per_second_peak
    + favorites_per_second_peak
    + tweets_per_second_peak
    + follow_changes_per_second_peak
    + profile_views_per_second_peak
    + profile_tweet_misses_per_second_peak
    + search_tweet_misses_per_second_peak
)
quorum_copies = count(zones // 2 + 1)
store_reads_per_zone_zone_lost = peak(store_reads_per_second_peak * quorum_copies / (zones - 1))
database_servers_per_zone_for_reads = count(math.ceil(store_reads_per_zone_zone_lost / reads_per_database_server))
database_servers_per_zone = count(max(database_servers_per_zone_for_bytes, database_servers_per_zone_for_reads))
database_servers = count(database_servers_per_zone * zones)

# Caches: all four are sized in twitter_cache.py, by memory or operations, whichever needs more.

total_servers = count(
    api_servers
    + database_servers
    + timeline_cache_servers
    + tweet_cache_servers
    + user_cache_servers
    + count_cache_servers
)

if __name__ != "twitter_servers":
    print(
        markdown_table(
            ("Tier", "Sized by", "Servers"),
            [
                (
                    "API",
                    f"{requests_per_second_peak} at peak (device registrations at least "
                    f"{registrations_share_at_least} of it) × {zone_headroom} zone headroom",
                    api_servers,
                ),
                (
                    "Wide-column store",
                    "its bytes or its reads with a zone lost, whichever needs more (below)",
                    database_servers,
                ),
                ("Timeline cache", "memory or operations, whichever needs more", timeline_cache_servers),
                ("Tweet cache", "memory or operations, whichever needs more", tweet_cache_servers),
                ("User cache", "operations: an author for every tweet shown", user_cache_servers),
                ("Count cache", "operations: a count for every tweet shown", count_cache_servers),
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
                ("Account stats, all copies", account_stats_bytes_total),
                ("Idempotency keys, all copies", idempotency_store_bytes),
                ("Outbox, all copies", outbox_store_bytes),
                ("Device registry, all copies", device_bytes_total),
                ("Alert subscriptions, all copies", alert_subscription_bytes_total),
                ("All its tables, all copies", wide_column_bytes_total),
                (
                    f"Servers a zone for its bytes, at {storage_per_database_server} each",
                    database_servers_per_zone_for_bytes,
                ),
                ("Profile page tweets older than the tweet cache", profile_page_miss_share),
                ("Search page tweets older than the tweet cache, at most", search_page_miss_share),
                ("Profile tweets read from the store at peak", profile_tweet_misses_per_second_peak),
                ("Search tweets read from the store at peak", search_tweet_misses_per_second_peak),
                (
                    "Reads at peak: a favorites read per home load, profile view and search, one before "
                    "each favorite, a stats row per tweet posted and per follow, a tweet-list read per profile view, "
                    "and the profile and search tweets above",
                    store_reads_per_second_peak,
                ),
                (f"Copies each quorum read asks, of {zones}", quorum_copies),
                ("Reads on each zone's copy, a zone lost", store_reads_per_zone_zone_lost),
                (
                    f"Servers a zone for those reads, at {reads_per_database_server} each",
                    database_servers_per_zone_for_reads,
                ),
            ],
        )
    )
