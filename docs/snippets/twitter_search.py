"""Twitter worked example: the search tier's copies, sized for its queries with a zone lost.

Memory sets the servers a copy (twitter_stores). Every query goes to every server of one copy, so a
server's query load does not fall as a copy gets more servers: more queries need more copies. The
cost of a shard search and the share of queries that reach back past today's index are the search
concept page's assumptions (concept_search_assumptions), to be measured with a load test on a sample day.
"""

import math

from concept_search_assumptions import SHARD_SEARCH_CPU_S, SHARE_REACHING_BACK
from reference_capacity import cores, target_utilization
from twitter_assumptions import hedged_extra_request_share, text_copies, zones
from twitter_stores import search_daily_indices, search_index_bytes, search_servers_per_copy
from twitter_traffic import searches_per_second_peak, tweets_per_second_peak

from sdw.estimation import count, duration, fraction, markdown_table, peak, size, throughput

# With a zone lost, a copy in each of the other zones takes the lost copy's queries too: one search
# of today's index on each of its servers per query (today's index only, a lower count).
search_shard_queries_per_server_peak_zone_lost = peak(searches_per_second_peak / (zones - 1))
# Each query searches today's index, and a share reach back through every older daily index; a hedge
# after the p95 sends up to hedged_extra_request_share of them again.
shard_searches_per_query = (1 + SHARE_REACHING_BACK * (float(search_daily_indices) - 1)) * (
    1 + float(hedged_extra_request_share)
)
search_shard_searches_per_query = count(shard_searches_per_query)
# All the shard searches one server position takes at peak, summed over the copies that share them.
search_shard_searches_per_position_peak = peak(searches_per_second_peak * shard_searches_per_query)
# What one search server sustains at the target utilization, at the assumed CPU a shard search.
search_shard_search_cpu = duration(SHARD_SEARCH_CPU_S)
search_shard_searches_per_server_sustained = throughput(cores * target_utilization / SHARD_SEARCH_CPU_S)
# The copies that must be left when a zone is gone, and the fewest copies, spread evenly over the
# zones, that leave them: losing the zone with the most copies, ceil(copies / zones), leaves the rest.
# Forced awareness keeps at most ceil(copies / zones) copies of a shard in a zone, and each daily
# index allows one shard copy a server (total_shards_per_node: 1), so a lost zone's copies stay
# unassigned until it returns instead of doubling up on servers whose memory holds one.


def copies_left_zone_lost(copies: int) -> int:
    """The copies left when the zone holding the most of them, ceil(copies / zones), is lost."""
    return copies - math.ceil(copies / zones)


def copies_for(left_needed: float) -> int:
    """The fewest copies, at least one a zone, that leave `left_needed` when a zone is lost."""
    copies = int(text_copies)
    while copies_left_zone_lost(copies) < left_needed:
        copies += 1
    return copies


search_copies_left_needed = count(
    math.ceil(search_shard_searches_per_position_peak / search_shard_searches_per_server_sustained)
)
search_copies = count(copies_for(search_copies_left_needed))
search_copies_left_zone_lost = count(copies_left_zone_lost(int(search_copies)))
search_copies_most_a_zone = count(math.ceil(int(search_copies) / zones))
search_servers = count(search_copies * search_servers_per_copy)
search_index_bytes_all_copies = size(search_index_bytes * search_copies)
search_shard_searches_per_server_peak_zone_lost = peak(
    search_shard_searches_per_position_peak / search_copies_left_zone_lost
)
search_server_load_zone_lost = fraction(
    search_shard_searches_per_server_peak_zone_lost / search_shard_searches_per_server_sustained
)
# Every copy indexes every tweet: each server takes its shard's share of the tweets at peak, with a
# refresh every few seconds and the nightly force-merge, CPU the shard-search figures leave out. What
# the queries leave of the target with a zone lost is what indexing has.
search_index_writes_per_server_peak = peak(tweets_per_second_peak / search_servers_per_copy)
search_room_left_zone_lost = fraction(1 - search_server_load_zone_lost)
# The options step 5 weighs. Three copies, one a zone, as memory alone would have it: the servers,
# and the load a server would take with a zone lost.
search_three_copy_servers = count(text_copies * search_servers_per_copy)
search_three_copy_load_zone_lost = fraction(
    search_shard_searches_per_position_peak / (text_copies - 1) / search_shard_searches_per_server_sustained
)
# Two copies in every zone: every zone full, so a lost zone's copies stay unassigned without a limit
# a server; the servers, and the load with a zone lost.
COPIES_A_ZONE = 2
search_two_a_zone_copies = count(COPIES_A_ZONE * zones)
search_two_a_zone_servers = count(search_two_a_zone_copies * search_servers_per_copy)
search_two_a_zone_load_zone_lost = fraction(
    search_shard_searches_per_position_peak / (COPIES_A_ZONE * (zones - 1)) / search_shard_searches_per_server_sustained
)

if __name__ != "twitter_search":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Searches at peak", searches_per_second_peak),
                (
                    "Searches of today's index a server takes with a zone lost, three copies",
                    search_shard_queries_per_server_peak_zone_lost,
                ),
                (
                    f"Shard searches a query makes on a server (today's, {fraction(SHARE_REACHING_BACK)} reaching back "
                    f"through every day, hedges)",
                    search_shard_searches_per_query,
                ),
                ("... at peak, over all copies, for one server of a copy", search_shard_searches_per_position_peak),
                (
                    f"Shard searches a server sustains at {fraction(target_utilization)} of {count(cores)} cores, "
                    f"{search_shard_search_cpu} each (a guess to load-test)",
                    search_shard_searches_per_server_sustained,
                ),
                ("... its load with a zone lost, three copies", search_three_copy_load_zone_lost),
                ("Copies that must be left with a zone lost", search_copies_left_needed),
                ("Copies, spread over the zones", search_copies),
                ("... the most in one zone", search_copies_most_a_zone),
                ("... left when the zone with the most is lost", search_copies_left_zone_lost),
                ("... a server's load then", search_server_load_zone_lost),
                ("... what that leaves of the target, for indexing", search_room_left_zone_lost),
                ("Tweets a search server indexes at peak (its shard's share)", search_index_writes_per_server_peak),
                (f"Search servers ({search_servers_per_copy} a copy, for memory)", search_servers),
                ("Search index, all copies", search_index_bytes_all_copies),
                ("Three copies, one a zone: servers", search_three_copy_servers),
                (f"{search_two_a_zone_copies} copies, two a zone: servers", search_two_a_zone_servers),
                ("... a server's load with a zone lost", search_two_a_zone_load_zone_lost),
            ],
        )
    )
