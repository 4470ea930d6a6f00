"""Twitter worked example: a rough count of servers, tier by tier."""

from twitter_assumptions import (
    daily_active_users,
    peak_to_average,
    requests_per_server,
    storage_per_database_server,
    zone_headroom,
    zones,
)
from twitter_cache import count_cache_servers, timeline_cache_servers, tweet_cache_servers, user_cache_servers
from twitter_storage import favorite_bytes_total, tweet_bytes_total
from twitter_traffic import (
    favorites_per_second,
    follow_changes_per_second,
    media_calls_per_second,
    profile_views_per_second,
    searches_per_second,
    timeline_loads_per_second,
    tweets_per_second,
)

from sdw.estimation import SECONDS_PER_DAY, count, fraction, markdown_table, peak, size, whole_per_zone

# API servers: every request at peak, plus room to lose a whole zone. With three zones,
# the two that remain must carry everything: 3 / 2 = 1.5 times the peak (zone_headroom), and
# every zone needs the same whole count, or losing the largest leaves less than the peak.
# Deletes, sign-ins, settings and device registrations are left out: each is a small share of
# these. A device registers only when its push token or locale changes, and otherwise once a
# day (step 3): about one call a day per daily user's device, this share of the requests.
requests_per_second_peak = peak(
    (
        tweets_per_second
        + favorites_per_second
        + timeline_loads_per_second
        + profile_views_per_second
        + searches_per_second
        + follow_changes_per_second
        + media_calls_per_second
    )
    * peak_to_average
)
registrations_share_at_most = fraction(
    daily_active_users / (requests_per_second_peak / peak_to_average * SECONDS_PER_DAY)
)
api_servers = count(whole_per_zone(requests_per_second_peak * zone_headroom / requests_per_server, zones))

# Databases: the bytes they must hold (all copies) over the retention period, a copy per zone,
# so each zone holds its copy on its own whole servers.
database_bytes = size(tweet_bytes_total + favorite_bytes_total)
database_servers = count(whole_per_zone(database_bytes / storage_per_database_server, zones))

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
                ("API", f"{requests_per_second_peak} at peak × {zone_headroom} zone headroom", api_servers),
                (
                    "Tweet and favorite databases",
                    f"{database_bytes} kept, all copies, at {storage_per_database_server} each",
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
