"""Concepts, multi-region and disaster recovery: the inputs every concept_dr snippet shares, each
with its source or marked as the page's own assumption.

Published figures:
- Route 53 health checks: a check every 10 or 30 seconds (30 by default), and an endpoint changes
  state after FailureThreshold consecutive results, 3 by default
  (https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html,
  https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html).
  The 30 s interval, the threshold and the 60 s TTL are the load-balancing page's
  (concept_balancer_failover), imported so the two pages agree.
- Route 53 accelerated recovery (opt-in, public hosted zones only): record changes resume from a copy
  of the zone in us-west-2 within approximately 60 minutes of AWS detecting that us-east-1 is impaired
  (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/accelerated-recovery.html).
- Data transfer between AWS regions: 0.02 US dollars a GB, the rate between most US and EU regions,
  as listed on the EC2 on-demand pricing page's data transfer section, read in 2025
  (https://aws.amazon.com/ec2/pricing/on-demand/), a GB billed as 2^30 bytes as the powers-of-two
  page counts cloud bills (AWS's S3 FAQs, https://aws.amazon.com/s3/faqs/, bill so). The rate is
  set by the sending region: some US pairs cost less, and Asia-Pacific and South American regions
  charge more. The receiving region does not charge for data in.
- Dean's 150 ms California-Netherlands round trip (reference_fiber), for a region across an ocean.

From this site: the Twitter example's write rates and bytes (tweets and the text rows, the media
originals uploaded), what its step 7 ships to the second region (the event log's tweet, favorite and
follow events, the media rows' binary logs, daily snapshots, one timeline-cache copy daily), its outbox sweeper's first-read delay,
its wide-column store's servers (by bytes and by reads) and bytes, its peak replica writes on each zone's
copy, its post latency target and zones;
the consensus page's rule for a lease that rides out an election (longer than 1.5 worst elections plus
the vote's and the renewal's round trips, a worst election being two election timeouts) and its
election timeout for members across an ocean (ten of Dean's round trips); the URL shortener's
link-store servers and the bytes each holds.

The page's own assumptions (to be measured on a real system): a cross-region replication lag of 1 s
in normal running and 60 s behind a backlog; daily snapshots; a decision by a person of 15 minutes
(paged, confirm the region and not the monitoring is at fault, decide); clients and resolvers that
hold an old answer up to 10 minutes past its TTL; a home region's write lease of 30 s; warm-up times for each option; a warm standby whose
stateless tiers run at a quarter of a region's (its store runs at the peak's size); a restore that writes 250 MB/s into each server by copying the snapshot's data
files into place (streaming the rows back through the write path is far slower); a replay of the
mirrored events after a restore at the store's own peak write rate. The pilot light's
share is not assumed: it is the Twitter store at one copy, sized by its bytes, over the example's
whole fleet.
"""

from concept_balancer_failover import DNS_CHECK_INTERVAL, DNS_FAILURE_THRESHOLD, DNS_TTL
from concept_consensus_leases import RENEWALS_PER_TTL, ocean_election_timeout_dean
from reference_fiber import dean_california_netherlands
from twitter_api import follow_changes_per_day
from twitter_assumptions import follow_edge_bytes, post_latency_target, text_copies, timeline_cache_copies
from twitter_assumptions import zones as twitter_zones
from twitter_bandwidth import media_ingress, tweet_ingress
from twitter_cache import timeline_cache_bytes
from twitter_reliability import error_budget_downtime, sweeper_first_read_delay
from twitter_servers import (
    database_bytes_per_server,
    database_servers,
    database_servers_per_zone_for_bytes,
    database_servers_per_zone_for_reads,
    store_writes_per_zone_peak,
    total_servers,
    wide_column_bytes_total,
)
from twitter_storage import (
    count_bytes_per_day,
    favorite_bytes_per_day,
    media_bytes_data,
    tweet_bytes_per_day,
    user_tweet_list_bytes_per_day,
)
from twitter_stores import media_record_bytes_per_day, media_record_bytes_total, user_bytes_total
from twitter_traffic import (
    favorites_per_day,
    timeline_loads_per_second,
    tweets_per_day,
    tweets_per_second,
    tweets_per_second_peak,
)
from url_shortener_partitioning import bytes_per_server
from url_shortener_servers import link_db_servers

from sdw.estimation import (
    MB,
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_MINUTE,
    bandwidth,
    count,
    duration,
    fraction,
    markdown_table,
    size,
    throughput,
    times,
)

# --- Regions and the write stream (the Twitter example) -------------------------------------------
REGION_COUNTS = (2, 3)
ZONES = int(twitter_zones)
zones = count(ZONES)
tweet_rate = tweets_per_second
tweet_rate_peak = tweets_per_second_peak
tweet_write_bytes = tweet_ingress  # tweet records as written, one copy
# The text stores' writes a day, one copy: tweets, the authors' tweet lists, favorites and counts.
TEXT_BYTES_PER_DAY = float(
    tweet_bytes_per_day + user_tweet_list_bytes_per_day + favorite_bytes_per_day + count_bytes_per_day
)
text_write_bytes = bandwidth(TEXT_BYTES_PER_DAY / SECONDS_PER_DAY)
media_original_bytes = media_ingress  # photos and videos as uploaded, before resizing and transcoding
media_stored = media_bytes_data  # what the object store keeps, step 7's reason not to copy it

# --- What the Twitter example ships to its second region (its step 7) --------------------------------
# The event log's mirror: a tweet event carries the tweet record, a favorite event the favorite row,
# a follow event the edge. The user and media databases ship their binary logs: the media rows' day
# (profile edits, far fewer, are left out). Daily snapshots take every zone's servers of the
# wide-column store: a write acknowledged at quorum is on two of the three zones' copies, so a
# snapshot of one zone could lack it, and the other zones' servers, holding other token ranges, could
# not take that zone's files (they would be streamed from it). The databases snapshot one copy, which
# their binary logs complete. Incrementally, a snapshot is the files written since the last (at least
# the day's new text rows on every zone's copy, and the media rows; compaction rewrites files, so
# more in practice); in full, every copy of the wide-column store and one of the two databases. Each
# snapshot is logically complete and shares unchanged files with the last; the weekly cell-level
# garbage collection (Twitter step 6) rewrites every file of each wide-column table it runs on, every
# table holding personal data, on every server, so the snapshot after it ships those tables again:
# the whole wide-column store, every copy, a week.
LOG_MIRROR_BYTES_PER_DAY = float(
    tweet_bytes_per_day + favorite_bytes_per_day + follow_changes_per_day * follow_edge_bytes
)
BINLOG_BYTES_PER_DAY = float(media_record_bytes_per_day)
SNAPSHOT_INCREMENT_BYTES = TEXT_BYTES_PER_DAY * float(text_copies) + BINLOG_BYTES_PER_DAY
SNAPSHOT_FULL_BYTES = float(wide_column_bytes_total + (media_record_bytes_total + user_bytes_total) / text_copies)
log_mirror_bytes = bandwidth((LOG_MIRROR_BYTES_PER_DAY + BINLOG_BYTES_PER_DAY) / SECONDS_PER_DAY)
COLLECTED_BYTES = float(wide_column_bytes_total)  # every copy, re-shipped once a week
snapshot_increment_bytes = size(SNAPSHOT_INCREMENT_BYTES)
collected_bytes = size(COLLECTED_BYTES)
snapshot_full_bytes = size(SNAPSHOT_FULL_BYTES)
# The home timelines, kept only in memory, go as a daily snapshot of one timeline-cache copy, at most its
# memory (twitter_restore loads it at a restore).
timeline_snapshot_bytes = size(timeline_cache_bytes / timeline_cache_copies)
# With the log shipped, a restore replays the events since its snapshot began, up to a day's:
# tweets, favorites and follow changes (tweet deletions, far fewer, left out). Each writes two rows,
# as twitter_servers counts a zone's replica writes: a tweet and its author's list row, a favorite
# and its count, a follow's two rows. Replayed at the store's peak write rate on each zone's copy,
# the rate it is sized to take beside its reads; the consumers must keep up with it (to be measured
# in a drill).
REPLAY_EVENTS_PER_DAY = float(tweets_per_day + favorites_per_day + follow_changes_per_day)
REPLAY_ROWS_PER_EVENT = 2
REPLAY_ROWS_PER_S = float(store_writes_per_zone_peak)
replay_events = count(REPLAY_EVENTS_PER_DAY)
replay_rows = count(REPLAY_EVENTS_PER_DAY * REPLAY_ROWS_PER_EVENT)
replay_rate = store_writes_per_zone_peak
outbox_delay = sweeper_first_read_delay  # events still in the outbox when the region dies
budget_downtime = error_budget_downtime  # the example's 99.99% a month, in minutes
# Posts among the requests its target counts (posts and home timeline loads): the writes' share.
POST_SHARE = float(tweets_per_second / (tweets_per_second + timeline_loads_per_second))
post_share = fraction(POST_SHARE)

# --- The Twitter wide-column store (step 2's sizing, per zone of one region) -------------------------
store_servers_one_region = database_servers
store_servers_for_bytes = count(database_servers_per_zone_for_bytes * twitter_zones)
store_bytes_all_copies = wide_column_bytes_total
store_bytes_per_server = database_bytes_per_server
STORE_PER_ZONE_FOR_BYTES = int(database_servers_per_zone_for_bytes)
STORE_PER_ZONE_FOR_READS = int(database_servers_per_zone_for_reads)
fleet_servers = total_servers

# --- Replication lag and backups -------------------------------------------------------------------
LAG_NORMAL_S = 1.0  # asynchronous replication between regions, in normal running
LAG_BACKLOG_S = 60.0  # the same link behind a backlog (a burst, a slow apply, a congested link)
SNAPSHOT_INTERVAL_S = SECONDS_PER_DAY  # daily snapshots, as the worked examples take
lag_normal = duration(LAG_NORMAL_S)
lag_backlog = duration(LAG_BACKLOG_S)
snapshot_interval = duration(SNAPSHOT_INTERVAL_S)

# --- Detection, decision, cut-over ------------------------------------------------------------------
FAST_CHECK_INTERVAL = 10  # Route 53's other interval, at a higher price
check_interval = duration(DNS_CHECK_INTERVAL)
fast_check_interval = duration(FAST_CHECK_INTERVAL)
failure_threshold = count(DNS_FAILURE_THRESHOLD)
dns_ttl = duration(DNS_TTL)
# Route 53 accelerated recovery: record edits move to us-west-2 about an hour after us-east-1 is impaired.
ROUTE53_ACCELERATED_RECOVERY_S = 60 * SECONDS_PER_MINUTE
route53_accelerated_recovery = duration(ROUTE53_ACCELERATED_RECOVERY_S)
HUMAN_DECISION_S = 15 * SECONDS_PER_MINUTE  # paged, confirm it is the region and not the monitoring, decide
STALE_TAIL_S = 10 * SECONDS_PER_MINUTE  # resolvers and clients that keep an answer past its TTL
human_decision = duration(HUMAN_DECISION_S)
stale_tail = duration(STALE_TAIL_S)
# A home region's write lease, held in a consensus group over three sites: another region takes the
# lost region's records only once it has run out. Assumed on this page. The consensus page's rule: a
# holder renewing every TTL / 3 has 2/3 of it left at worst when an election starts, so the lease must
# exceed 1.5 worst elections (two election timeouts each), plus the vote's and the renewal's round
# trips; across an ocean the election timeout is ten of Dean's round trips.
WRITE_LEASE_S = 30.0
write_lease = duration(WRITE_LEASE_S)
cross_region_worst_election = duration(2 * ocean_election_timeout_dean)
write_lease_floor = duration(
    cross_region_worst_election * RENEWALS_PER_TTL / (RENEWALS_PER_TTL - 1) + 2 * dean_california_netherlands
)
write_lease_over_floor = times(WRITE_LEASE_S / write_lease_floor)

# --- Warm-up, by option -----------------------------------------------------------------------------
# Hot standby and active-active: caches fill from the surviving stores while traffic arrives. Only caches a miss
# fills from a store: a cache kept only in memory, with no store copy, is loaded from its own snapshot, or rebuilt
# instead and takes longer.
WARM_CACHE_S = 5 * SECONDS_PER_MINUTE
# Warm standby: scale the stateless tiers' running quarter up to a whole region's (launch, boot, join).
# Its store is not scaled: it runs at the peak's size (concept_dr_options).
WARM_SCALE_S = 15 * SECONDS_PER_MINUTE
WARM_STANDBY_SHARE = 0.25  # of the stateless tiers
# Pilot light: only the databases' replicas run; every other tier is created from templates, as every
# tier is after a backup's restore (concept_dr_options' rto_backup and rto_pilot both add this start).
PILOT_START_S = 1 * SECONDS_PER_HOUR
# Pilot light: the store at one copy (one zone's servers, sized by bytes) over the whole fleet.
PILOT_SHARE = STORE_PER_ZONE_FOR_BYTES / float(total_servers)
warm_cache = duration(WARM_CACHE_S)
warm_scale = duration(WARM_SCALE_S)
warm_standby_share = fraction(WARM_STANDBY_SHARE)
pilot_start = duration(PILOT_START_S)
pilot_share = fraction(PILOT_SHARE)

# --- Prices and distance ------------------------------------------------------------------------------
INTER_REGION_PRICE_PER_GB = 0.02  # US dollars, between most US and EU regions (EC2 pricing, 2025)
inter_region_price = count(INTER_REGION_PRICE_PER_GB)
ocean_round_trip = dean_california_netherlands
post_target = post_latency_target

# --- Restores (the URL shortener's link store) --------------------------------------------------------
RESTORE_BYTES_PER_SERVER_S = 250 * MB  # snapshot files read from the object store and written to SSD
restore_rate_per_server = throughput(RESTORE_BYTES_PER_SERVER_S, "B/s")
restore_servers = link_db_servers
restore_bytes_per_server = size(bytes_per_server)

EC2_PRICING = "[EC2 on-demand pricing, data transfer](https://aws.amazon.com/ec2/pricing/on-demand/)"
ROUTE53 = (
    "[Route 53 HealthCheckConfig](https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html)"
)
ROUTE53_ACCELERATED = "[Route 53, accelerated recovery](https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/accelerated-recovery.html)"

if __name__ != "concept_dr_assumptions":
    print(
        markdown_table(
            ("Input", "Value", "Source"),
            [
                ("Tweets, average and peak", f"{tweet_rate}, {tweet_rate_peak}", "This site: the Twitter example"),
                ("Tweet records written, one copy", tweet_write_bytes, "This site: the Twitter example"),
                (
                    "Text rows written (tweets, tweet lists, favorites, counts), one copy",
                    text_write_bytes,
                    "This site: the Twitter example",
                ),
                ("Media originals uploaded", media_original_bytes, "This site: the Twitter example"),
                (
                    "Shipped continuously: events mirrored and media rows' binary logs",
                    log_mirror_bytes,
                    "This site: the Twitter example, step 7",
                ),
                (
                    "A daily snapshot: incremental (at least), full (the wide-column store's every zone, the databases' one copy)",
                    f"{snapshot_increment_bytes}, {snapshot_full_bytes}",
                    "This site: the Twitter example, step 7",
                ),
                (
                    "A daily snapshot of one timeline-cache copy, at most",
                    timeline_snapshot_bytes,
                    "This site: the Twitter example, step 7",
                ),
                (
                    "Events still in the outbox: its sweeper's first read",
                    outbox_delay,
                    "This site: the Twitter example",
                ),
                (
                    "Wide-column store: servers, of them sized by bytes, bytes (all copies)",
                    f"{store_servers_one_region}, {store_servers_for_bytes}, {store_bytes_all_copies}",
                    "This site: the Twitter example",
                ),
                ("The example's whole fleet", fleet_servers, "This site: the Twitter example"),
                ("Posts among the requests its target counts", post_share, "This site: the Twitter example"),
                ("A home region's write lease", write_lease, "Assumed on this page"),
                ("Health check interval, default and fast", f"{check_interval}, {fast_check_interval}", ROUTE53),
                ("Failures before an endpoint is unhealthy", failure_threshold, ROUTE53),
                ("DNS TTL of a record that fails over", dns_ttl, "This site: the load-balancing page"),
                (
                    "Record edits back after us-east-1 is impaired, with accelerated recovery",
                    route53_accelerated_recovery,
                    ROUTE53_ACCELERATED,
                ),
                ("Clients and resolvers holding an answer past its TTL", stale_tail, "Assumed: to be measured"),
                ("A person's decision, from the page", human_decision, "Assumed on this page"),
                ("Replication lag, normal and behind a backlog", f"{lag_normal}, {lag_backlog}", "Assumed"),
                ("Snapshot interval", snapshot_interval, "Assumed, as the worked examples take"),
                (
                    "Warm-up: caches; warm standby's scale-up; starting every tier from templates (backup and restore, pilot light)",
                    f"{warm_cache}; {warm_scale}; {pilot_start}",
                    "Assumed: to be measured in a drill",
                ),
                (
                    "Warm standby's stateless tiers; pilot light's share (the store at one copy)",
                    f"{warm_standby_share} of the stateless tiers; {pilot_share} of a region",
                    "Assumed; computed from the Twitter example",
                ),
                (
                    "Inter-region transfer, dollars a GB, most US and EU regions",
                    inter_region_price,
                    EC2_PRICING + ", read 2025",
                ),
                ("Round trip across an ocean", ocean_round_trip, "This site: Dean's figure in the fiber reference"),
                (
                    "Link-store servers, bytes each",
                    f"{restore_servers}, {restore_bytes_per_server}",
                    "This site: the URL shortener",
                ),
                (
                    "Restore written into each server, copying data files into place",
                    restore_rate_per_server,
                    "Assumed: to be measured in a drill",
                ),
                (
                    "Replayed after a restore, the log shipped: up to a day's events, two rows each",
                    f"{replay_events}, {replay_rows} rows",
                    "This site: the Twitter example",
                ),
                (
                    "Replay rate: the store's peak writes on each zone's copy",
                    replay_rate,
                    "Assumed: to be measured in a drill",
                ),
            ],
        )
    )
