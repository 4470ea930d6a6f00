"""URL shortener worked example: a rough count of servers, tier by tier."""

import math

from reference_capacity import paxos_state_reads_per_replica, relational_shard_bytes
from url_shortener_assumptions import (
    analytics_inserts_per_second,
    click_events_per_stream_server,
    cold_reads_per_database_server,
    count_freshness_target,
    count_queries_per_analytics_server,
    create_requests_per_server,
    edge_log_line_bytes,
    event_log_retention_days,
    link_copies,
    list_page_count_query_share,
    list_page_links,
    peak_to_average,
    requests_per_server,
    storage_per_database_server,
    zones,
)
from url_shortener_cache import cache_servers_per_zone, store_reads_peak
from url_shortener_storage import (
    analytics_bytes_total,
    expired_savings_per_day,
    link_bytes_per_day,
    link_bytes_total,
    link_bytes_total_one_copy,
    quorum_replicas,
)
from url_shortener_traffic import (
    count_queries_per_second_peak,
    creations_per_second_peak,
    redirect_servers,
    redirects_per_day,
    redirects_per_second,
    redirects_per_second_peak,
    spare_per_zone,
    zone_headroom,
)

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_day,
    size,
    throughput,
    times,
    whole_per_zone,
)


def at_least_two_per_zone(servers: float) -> int:
    return max(whole_per_zone(servers, zones), 2 * int(zones))


# A zone's redirect servers that carry its even share of the peak, all three zones up: below this
# many healthy, the load balancer's DNS failover drops the zone (the redirect servers' target group
# sets it as its minimum healthy target count; the share is what that count is of the zone's servers).
redirect_zone_even_share_peak = peak(redirects_per_second_peak / zones)
zone_dns_failover_healthy_targets = count(math.ceil(redirect_zone_even_share_peak / requests_per_server))
zone_dns_failover_healthy_share = fraction(zone_dns_failover_healthy_targets / (redirect_servers / zones))
# What a zone's redirect servers carry, spare included, over its even share of the peak: the share a
# zone can take before its servers saturate (step 6), and the same with one of them down.
redirect_zone_capacity_over_even_share = times(
    redirect_servers / zones * requests_per_server / redirect_zone_even_share_peak
)
redirect_zone_capacity_over_even_share_one_down = times(
    (redirect_servers / zones - 1) * requests_per_server / redirect_zone_even_share_peak
)
create_servers = count(spare_per_zone(creations_per_second_peak * zone_headroom / create_requests_per_server))
# The stream job that counts clicks reads one raw line per redirect, so it grows with redirects
# and carries their peak with a zone lost, like the stateless tiers. No spare: a server down makes
# it fall behind, and the log holds the difference until the server is replaced (below).
stream_servers = count(
    at_least_two_per_zone(redirects_per_second_peak * zone_headroom / click_events_per_stream_server)
)


def zone_lost_server_down_load(peak_rate: float, per_server: float, servers: float, in_zone: bool) -> float:
    """The load on a tier's servers, as a share of what they can take, with a zone lost and one
    more server down. `in_zone`: each zone's servers take only that zone's requests, half the peak
    with a zone lost (the redirect servers, cross-zone load balancing off); otherwise the servers of
    both zones left share the whole peak (the load balancer's default, cross-zone on)."""
    per_zone = servers / zones
    if in_zone:
        return peak_rate / (zones - 1) / ((per_zone - 1) * per_server)
    return peak_rate / ((per_zone * (zones - 1) - 1) * per_server)


# With the spare, the worst case (requests kept in the zone) for both tiers.
redirect_zone_lost_server_down_load = fraction(
    zone_lost_server_down_load(redirects_per_second_peak, requests_per_server, redirect_servers, in_zone=True)
)
create_zone_lost_server_down_load = fraction(
    zone_lost_server_down_load(creations_per_second_peak, create_requests_per_server, create_servers, in_zone=True)
)
# Without it: past capacity, the creation servers even with requests spread over both zones left.
redirect_zone_lost_server_down_load_no_spare = fraction(
    zone_lost_server_down_load(redirects_per_second_peak, requests_per_server, redirect_servers - zones, in_zone=True)
)
create_zone_lost_server_down_load_no_spare = fraction(
    zone_lost_server_down_load(
        creations_per_second_peak, create_requests_per_server, create_servers - zones, in_zone=False
    )
)
assert max(redirect_zone_lost_server_down_load, create_zone_lost_server_down_load) <= 1
# A redirect zone with its spare gone is still at or above the DNS failover threshold (step 6), and
# the threshold's servers carry the zone's even share of the peak.
assert redirect_servers / zones - 1 >= zone_dns_failover_healthy_targets
assert zone_dns_failover_healthy_targets * requests_per_server >= redirect_zone_even_share_peak
# Whether each tier needs its spare: step 2 says both would be past their capacity without it.
spare_needed = {
    "redirects": redirect_zone_lost_server_down_load_no_spare > 1,
    "creations": create_zone_lost_server_down_load_no_spare > 1,
}
assert all(spare_needed.values())
# The stream job with a zone lost and one of its servers down: what the servers left count, the
# share of the peak's clicks that waits in the log, and how long the server may stay down at peak
# before the backlog passes a minute of counting, when clicks start being counted late (step 1's
# freshness target). The log's partitions divide evenly among them (url_shortener_reliability).
stream_zone_lost_server_down_capacity = throughput(
    (stream_servers * (zones - 1) / zones - 1) * click_events_per_stream_server
)
stream_zone_lost_server_down_shortfall = peak(redirects_per_second_peak - stream_zone_lost_server_down_capacity)
stream_server_down_on_time_for = duration(
    stream_zone_lost_server_down_capacity * count_freshness_target / stream_zone_lost_server_down_shortfall
)


# Stores place one replica in each zone, so each zone holds a whole copy on its own servers.
# The link store: enough disk in each zone for its copy, and enough reads for the cache's misses,
# the cache filler's reads of new links and the condition read of each conditional write, each of
# which a quorum read sends to two replicas. A creation makes three conditional writes (step 4: the
# record's insert if absent, the link's insert, the record's result). A miss is mostly an old link,
# beyond the block cache, so every read is priced as a cold one.
conditional_writes_per_create = count(3)
condition_reads_peak = peak(creations_per_second_peak * conditional_writes_per_create)
# A list page ("my links", step 4) reads each of its links by key at a quorum, past no cache: one
# list page for every list page's count query, each counted as a full page.
list_link_reads_peak = peak(count_queries_per_second_peak * list_page_count_query_share * list_page_links)
# Each conditional write is a consensus round (Paxos v2 saves round trips, not state writes), and each
# replica in it reads its Paxos state twice at most (reference_capacity): replica reads, not multiplied
# by the quorum. A lost zone takes its replica's share with it, so no zone headroom. Counted, and priced
# cold, though a new key's state is often in memory (CPU prices a read, as in Twitter's step 2).
paxos_state_reads_per_create = count(conditional_writes_per_create * paxos_state_reads_per_replica * link_copies)
paxos_state_reads_peak = peak(creations_per_second_peak * paxos_state_reads_per_create)
# With a zone lost, the replicas in the two zones left are the whole round.
paxos_state_reads_zone_lost_peak = peak(paxos_state_reads_peak * (zones - 1) / zones)
link_db_servers_for_storage = count(whole_per_zone(link_bytes_total / storage_per_database_server, zones))
link_db_servers_for_reads = count(
    whole_per_zone(
        (
            (store_reads_peak + condition_reads_peak + list_link_reads_peak) * quorum_replicas * zone_headroom
            + paxos_state_reads_peak
        )
        / cold_reads_per_database_server,
        zones,
    )
)
link_db_servers = count(max(link_db_servers_for_storage, link_db_servers_for_reads))
# The same table as relational shards (step 4 weighs them): one copy's bytes over the size a shard is
# kept to (reference_capacity), rounded up, and a year of new links (one copy, net of the destinations
# expired links drop, as the total is) over the same size.
link_relational_shards = count(math.ceil(link_bytes_total_one_copy / relational_shard_bytes))
link_relational_shards_added_per_year = count(
    (link_bytes_per_day - expired_savings_per_day) * DAYS_PER_YEAR / relational_shard_bytes
)
# The analytics store holds the daily counts, a copy per zone; raw click events live in object
# storage, not on servers. Each zone's copy answers that zone's count queries, so with a zone lost
# the two copies left answer them all, as a stateless tier carries its peak (zone headroom).
analytics_db_servers_for_storage = count(whole_per_zone(analytics_bytes_total / storage_per_database_server, zones))
# The table is sharded by short key and queried with optimize_skip_unused_shards, so a one-link query
# runs on the one shard that holds the link; a list page's totals run on every shard of the zone's copy.
analytics_shards_per_zone = count(analytics_db_servers_for_storage / zones)
analytics_server_queries_per_query = count(
    1 - list_page_count_query_share + list_page_count_query_share * analytics_shards_per_zone
)
analytics_db_servers_for_queries = count(
    whole_per_zone(
        count_queries_per_second_peak
        * analytics_server_queries_per_query
        * zone_headroom
        / count_queries_per_analytics_server,
        zones,
    )
)
analytics_db_servers = count(max(analytics_db_servers_for_storage, analytics_db_servers_for_queries))
# The load on the servers disk needs, at peak with a zone lost, and the count queries a day they
# answer before the queries, not disk, size the store.
analytics_zone_lost_query_load = fraction(
    count_queries_per_second_peak
    * analytics_server_queries_per_query
    * zone_headroom
    / (analytics_db_servers_for_storage * count_queries_per_analytics_server)
)
count_queries_per_day_before_queries_size_analytics = per_day(
    analytics_db_servers_for_storage
    * count_queries_per_analytics_server
    / analytics_server_queries_per_query
    / zone_headroom
    / peak_to_average
    * SECONDS_PER_DAY
)
# What the stream job's writes cost the analytics store. Each consumer writes its changed rows every
# interval; an insert through the distributed table makes one part on every shard (the rows are
# keyed by link, which hashes to all of them), and each zone's replica of a shard fetches that part.
# So each consumer writes once every (consumers / inserts a second) seconds, and every shard takes
# about analytics_inserts_per_second parts a second however many consumers run. Rows: at most one
# a click (only changed rows are written), split over the shards.
stream_write_interval = duration(stream_servers / analytics_inserts_per_second)
analytics_rows_per_insert_peak = count(
    redirects_per_second_peak * stream_write_interval / stream_servers / analytics_shards_per_zone
)
analytics_rows_per_insert_average = count(
    redirects_per_second * stream_write_interval / stream_servers / analytics_shards_per_zone
)
# The alternative step 6 weighs: every consumer writing every second.
analytics_inserts_per_shard_every_second = count(stream_servers)
analytics_rows_per_insert_every_second_average = count(
    redirects_per_second / stream_servers / analytics_shards_per_zone
)
cache_servers = count(cache_servers_per_zone * zones)

# The event log stores the same raw line per redirect for a few days, three copies, so its disks
# grow with redirects too: its brokers are sized by those bytes, whole per zone.
event_log_bytes_per_day = size(redirects_per_day * edge_log_line_bytes)
event_log_bytes_held = size(event_log_bytes_per_day * event_log_retention_days * link_copies)
event_log_servers_for_disk = count(whole_per_zone(event_log_bytes_held / storage_per_database_server, zones))

total_servers = count(
    redirect_servers
    + create_servers
    + stream_servers
    + event_log_servers_for_disk
    + link_db_servers
    + analytics_db_servers
    + cache_servers
)
requests_per_second_peak = peak(redirects_per_second_peak + creations_per_second_peak)

if __name__ != "url_shortener_servers":
    print(
        markdown_table(
            ("Tier", "Sized by", "Servers"),
            [
                (
                    "Redirect",
                    f"{redirects_per_second_peak} at peak × {zone_headroom} zone headroom, whole per zone, "
                    "and a spare in each zone",
                    redirect_servers,
                ),
                (
                    "Create API",
                    f"{creations_per_second_peak} at peak × {zone_headroom}, whole per zone, and a spare in each zone",
                    create_servers,
                ),
                (
                    "Click stream job",
                    f"{redirects_per_second_peak} raw log lines at peak × {zone_headroom}, no spare (it falls behind)",
                    stream_servers,
                ),
                (
                    "Event log",
                    f"disk: {event_log_retention_days} days of raw lines with every copy ({event_log_bytes_held}), "
                    "whole per zone",
                    event_log_servers_for_disk,
                ),
                (
                    "Link store",
                    f"disk ({link_db_servers_for_storage}) or reads on misses, fills, list pages "
                    "and conditional writes, "
                    f"their Paxos state included ({link_db_servers_for_reads}), whole per zone",
                    link_db_servers,
                ),
                (
                    "Analytics store",
                    f"disk for daily and minute counts ({analytics_db_servers_for_storage}; raw events are in object "
                    f"storage) or count queries ({analytics_db_servers_for_queries}), whole per zone",
                    analytics_db_servers,
                ),
                ("Redirect cache", f"{cache_servers_per_zone} per zone", cache_servers),
                ("Total, tiers that grow with load", "", total_servers),
            ],
        )
    )
    print()
    for tier, needed in spare_needed.items():
        print(
            f"- Without a spare, {tier} with a zone lost and a server down: {'past' if needed else 'within'} capacity."
        )
