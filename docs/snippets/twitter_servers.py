"""Twitter worked example: a rough count of servers, tier by tier."""

import math

from twitter_assumptions import (
    daily_active_users,
    peak_to_average,
    reads_per_database_server,
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
    page_loads_per_second_peak,
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

# The favorites table's reads do not change that count: "did the reader favorite these?" is one read
# of the reader's partition of the table (step 4) for every home load and profile view.
# Each zone's copy serves its own zone, and with a zone lost the two left take 1.5 times as much.
# The favorites copy in a zone needs this many servers for those reads, and this many for its bytes.
favorite_reads_per_second_peak = peak(page_loads_per_second_peak)
favorite_servers_per_zone_for_reads = count(
    math.ceil(favorite_reads_per_second_peak / zones * zone_headroom / reads_per_database_server)
)
favorite_servers_per_zone_for_bytes = count(math.ceil(favorite_bytes_total / zones / storage_per_database_server))

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
    print()
    print(
        markdown_table(
            ("Favorites table, reads against bytes", "Value"),
            [
                ("Reads at peak, one per home load and profile view", favorite_reads_per_second_peak),
                (
                    f"Servers a zone for those reads, a zone lost, at {reads_per_database_server} each",
                    favorite_servers_per_zone_for_reads,
                ),
                ("Servers a zone for its bytes", favorite_servers_per_zone_for_bytes),
            ],
        )
    )
