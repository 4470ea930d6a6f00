"""URL shortener worked example: every assumption the estimates start from, and why.

Change a value here and rebuild: every figure that depends on it changes, on every page, and so
does the estimator's `url_shortener` preset, which is derived from this module.
"""

from reference_capacity import (
    cassandra_gc_grace,
    files_on_disk,
    kv_gets_per_process,
    twcs_window,
    usable_memory_share,
    wasted_file_reads,
    wide_column_cold_reads_per_server,
    wide_column_partition_overhead,
    wide_column_recent_reads_per_server,
    wide_column_row_overhead,
    windows_over_ttl,
)
from reference_latency import ssd_random_read, vm_round_trip_budget
from reference_peaks import smooth_day_max
from sources import cite

from sdw.estimation import (
    DAYS_PER_YEAR,
    GB,
    KB,
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_MINUTE,
    TB,
    GiB,
    MiB,
    count,
    duration,
    fraction,
    markdown_table,
    per_day,
    per_second,
    size,
    throughput,
    times,
)

BITLY_2012 = "https://cybercemetery.unt.edu/archive/oilspill/20121208052921/http:/blog.bitly.com/"
BITLY_2012_YEAR = "https://cybercemetery.unt.edu/archive/oilspill/20130107161200/http://blog.bitly.com/"
XU_URL_SHORTENER = "https://bytebytego.com/courses/system-design-interview/design-a-url-shortener"
CASSANDRA_PARTITION_SIZE = (
    "https://docs.datastax.com/en/cassandra_win/2.2/cassandra/planning/planPlanningPartitionSize.html"
)
BITLY_2010 = "https://tech.gaeatimes.com/index.php/archive/a-close-look-at-bitly-the-url-shortening-service/"
RFC_9110_URI_LENGTH = "https://www.rfc-editor.org/rfc/rfc9110#section-4.1"
BRESLAU_1999 = "https://ieeexplore.ieee.org/document/749260"
SHORT_URL_SCAN = "https://arxiv.org/abs/1604.02734"
# ClickHouse's original description of the workload it is built for, at a fixed commit.
CLICKHOUSE_OLAP = (
    "https://github.com/ClickHouse/ClickHouse/blob/099603f9ff145fb5f48dd51f13eb832db131fc4c/docs/en/index.md"
)
COINBASE_2022 = (
    "https://www.bandt.com.au/a-boring-super-bowl-ad-featuring-a-qr-code-for-a-crypto-firm-becomes-internet-smash/"
)
DYNAMODB_ITEM_SIZE = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html"
CLICKHOUSE_BULK_INSERTS = "https://clickhouse.com/docs/optimize/bulk-inserts"

# --- Bitly's public figures, two years apart ------------------------------------------------
bitly_clicks_per_month_2010 = count(5e9)
# "Shortened" a day, December 2012: requests, probably (step 2 says why); divide by the links created.
bitly_links_per_day_2012 = count(80e6)
bitly_links_created_2012 = count(8.4e9)
bitly_links_created_per_day_2012 = per_day(bitly_links_created_2012 / DAYS_PER_YEAR)
# Only the order of magnitude of this ratio means anything: the two figures are two years apart.
bitly_clicks_per_link = count(bitly_clicks_per_month_2010 * 12 / bitly_links_created_2012)

# --- What people do each day --------------------------------------------------------------
links_created_per_day = per_day(100e6)
links_over_bitly_2012 = times(links_created_per_day / bitly_links_created_per_day_2012)
redirects_per_link_created = count(10)
distinct_links_clicked_per_day = per_day(100e6)
daily_active_users = count(100e6)

# --- What links look like ------------------------------------------------------------------
long_url_bytes = size(200)
long_url_max_bytes = size(8 * KB)
custom_alias_share = fraction(0.02)
custom_alias_max_chars = count(32)
# Aliases the free plan may claim in a rolling 30 days; paid plans get more (step 1).
free_plan_aliases_per_month = count(10)
expiring_share = fraction(0.10)
anonymous_link_share = fraction(0.20)
expiry_days_mean = count(90)

# --- Bytes per field and per row (step 4) -----------------------------------------------------
timestamp_bytes = size(8)
owner_id_bytes = size(8)
status_bytes = size(1)
length_prefix_bytes = size(2)
# The wide-column store's overheads (reference_capacity, which itemizes them), as in the Twitter
# example: a link is a partition of its own, and an owner's list entry a row in a shared partition.
partition_overhead_bytes = wide_column_partition_overhead
row_overhead_bytes = wide_column_row_overhead
# An owner's list entry: creation time and short key (8 characters and a one-byte length), plus
# per-row overhead.
owner_index_entry_bytes = size(timestamp_bytes + 9 + row_overhead_bytes)
# An outbox row (step 4), its fields in the table below.
outbox_row_bytes = size(1 + 9 + timestamp_bytes + timestamp_bytes + 1 + row_overhead_bytes)
# An expiry index entry (step 4), with no time to live: clean-up deletes a day's buckets once read.
expiry_index_entry_bytes = size(9 + row_overhead_bytes)
expiry_index_days_past_day = count(3)
# An alias claim row (step 4's AliasClaim), its fields in the table below.
alias_claim_row_bytes = size(4 + 4 + row_overhead_bytes)

# --- Redirect responses ------------------------------------------------------------------------
redirect_header_bytes = size(300)
redirect_request_bytes = size(500)
create_request_bytes = size(500)

# --- Clicks and analytics ---------------------------------------------------------------------
click_event_bytes = size(136)
edge_log_line_bytes = size(600)
raw_click_days = count(90)
event_log_retention_days = count(3)
# The CDN's standard (batch) logs, kept for the recount's backfill under a lifecycle rule: a day's
# lines may land up to 24 h after it ends, the recount of day D runs once day D+1 has ended, and a
# third day leaves room to rerun a recount that failed.
standard_log_days = count(3)
# Each event-log broker's network: 10 Gbit/s Ethernet, at its line rate (reference_bandwidth).
event_log_broker_network = throughput(10e9 / 8, "B/s")
# The edge's managed stream (Kinesis Data Streams for CloudFront): what one shard takes in, and how
# far an on-demand stream absorbs a jump at once (double its previous peak).
KINESIS_QUOTAS = "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html"
KINESIS_MODES = "https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html"
CLOUDFRONT_REALTIME_LOGS = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/real-time-logs.html"
stream_shard_write_bytes = throughput(1e6, "B/s")
stream_shard_write_records = throughput(1000)
stream_on_demand_jump = times(2)
# A provisioned stream's headroom over the rate it must take: CloudFront's real-time logs guide
# advises 10 to 25% and adds "about 20%" in its worked example (24 shards to 29), since one
# second's records vary around their mean and keys never spread quite evenly over the shards.
stream_shard_buffer = fraction(0.2)
# On-demand Advantage: the account commits to at least 25 MiB/s of ingest and 25 MiB/s of
# retrieval (how-do-i-size-a-stream.html); on demand bills each record rounded up to 1 KB (1,024 B).
stream_advantage_commitment = throughput(25 * MiB, "B/s")
stream_on_demand_record_unit = size(1024)
# Advantage's rates are "at least 60% lower" than On-demand Standard's (the same page). Standard's
# US East rates, dollars a GB in and a GB out, are an assumption: the rates as last published, not
# read from AWS's pricing page for this guide (it renders them in script), to be checked there. A GB
# is taken as 10^9 B, the larger bill of the two readings.
stream_advantage_discount = fraction(0.6)
stream_standard_ingest_price_per_gb = count(0.08)
stream_standard_retrieval_price_per_gb = count(0.04)
# Its provisioned price in US East: dollars a shard-hour, and a million PUT payload units (25 KB each).
KINESIS_PRICING = "https://aws.amazon.com/kinesis/data-streams/pricing/"
stream_shard_hour_price = count(0.015)
stream_put_unit_price_per_million = count(0.014)
stream_put_unit_bytes = size(25e3)
# CloudFront's own charge for the real-time log lines it publishes, dollars a million
# (CloudFront FAQ, real-time logs).
CLOUDFRONT_FAQ = "https://aws.amazon.com/cloudfront/faqs/"
edge_realtime_log_price_per_million = count(0.01)
daily_rollup_row_bytes = size(60)
# Days the analytics store keeps its minute counts (step 6).
minute_row_days = count(3)
# Owners reading counts: each stats request, and each link read with its total, is one query to the
# analytics store (a list page's totals are one query for its keys). An assumption with little behind
# it: step 2 computes how many a day the store answers before the queries size it.
count_queries_per_day = per_day(10e6)
# A one-link query reaches the one shard that holds the link; a list page's links hash to every shard.
list_page_count_query_share = fraction(0.25)
# A list page's links: the page size of step 3's list call (limit=50), each link read by key from the
# link store (step 4), counted as full pages.
list_page_links = count(50)
# How long a list page waits for its totals from the analytics store before it answers without them.
list_totals_deadline = duration(0.2)

# --- Popularity and the cache -----------------------------------------------------------------
zipf_exponent = count(0.8)
cache_hit_target = fraction(0.90)
cache_entry_overhead_bytes = size(80)
in_process_cache_bytes = size(1 * GB)
# No cached redirect is served longer than this after it was read from the store, however often it is
# hit: hits renew an entry's idle time, never this age (step 6).
cache_entry_max_age = duration(SECONDS_PER_DAY)

# --- A link that goes viral (step 7) ----------------------------------------------------------
viral_hits_first_minute = count(20e6)

# --- How long and how safely we keep it --------------------------------------------------------
retention_years = count(10)
link_copies = times(3)
click_copies = times(3)
key_space_headroom = times(4)
guess_hit_limit = fraction(0.01)

# --- Traffic shape and hardware ----------------------------------------------------------------
peak_to_average = times(3)
requests_per_server = throughput(5000)
create_requests_per_server = throughput(1000)
# A cache server is a 128 GiB machine running one cache process, using the share the rules of thumb
# count usable (reference_capacity), to a whole GiB, as the Twitter example's machines.
cache_machine_memory = size(128 * GiB)
cache_machine_memory_gib = count(cache_machine_memory / GiB)
cache_memory_per_server = size(round(usable_memory_share * cache_machine_memory / GiB) * GiB)
cache_memory_per_server_gib = count(cache_memory_per_server / GiB)
reference_usable_memory_share = fraction(usable_memory_share)
# The process serves the rate the rules of thumb measured for one unpipelined key-value process.
cache_ops_per_server = kv_gets_per_process
storage_per_database_server = size(10 * TB)
# What one store node streams out at most, to a node being rebuilt or replaced: Cassandra's default
# stream_throughput_outbound (conf/cassandra.yaml, 4.1 and later).
CASSANDRA_YAML = "https://github.com/apache/cassandra/blob/cassandra-4.1/conf/cassandra.yaml"
store_stream_rate_per_node = throughput(24 * MiB, "B/s")
reads_per_database_server = wide_column_recent_reads_per_server
cold_reads_per_database_server = wide_column_cold_reads_per_server
click_events_per_stream_server = throughput(10e3)
count_queries_per_analytics_server = throughput(100)
# ClickHouse's advice for inserts (a new part each): about one insert a second, of at least 1,000 rows.
analytics_inserts_per_second = count(1)
analytics_rows_per_insert_min = count(1000)
zones = count(3)
counter_block_size = count(10e3)
api_processes = count(100)
process_restarts_per_day = count(4)

# --- The edge (CDN) in front of redirects ------------------------------------------------------
# CloudFront: 750+ locations (aws.amazon.com/cloudfront/features/), whose misses pass through 13
# regional edge caches (docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/points-of-presence.html).
edge_locations = count(750)
regional_edge_caches = count(13)
edge_ttl = duration(60)
# Two tiers may each keep a copy a full lifetime: a location may fill from its regional edge cache near
# the end of that cache's copy, and AWS does not say whether it deducts the copy's age.
cdn_cache_tiers = count(2)
edge_copy_life_max = duration(edge_ttl * cdn_cache_tiers)
# CloudFront removes a cached answer before it expires only by invalidating its path, priced per path
# past a free allowance. Each takedown invalidates one path; owners' changes, the expiry job's
# tombstones and an account deletion's bulk ends invalidate none (step 6). The CloudFront Function
# that lower-cases an alias's path runs on every viewer request, edge hits included.
edge_function_price_per_million = count(0.10)
invalidation_free_paths_per_month = count(1000)
invalidation_price_per_path = count(0.005)
# Status changes a day, owners' and reviewers' together: a guess, one for every thousand links made.
# Not counted: the expiry job's tombstones and an account deletion's ends, which purge no edge path.
status_changes_per_day = per_day(100e3)
# Of those, the takedowns: review's abuse verdicts and legal removals, the 403s, each a path invalidated
# (above). A guess.
takedown_share_of_status_changes = fraction(0.1)
# An idempotency record's fields, in bytes: caller (an account ID, an API key's hash prefix or an IPv6
# address), the client's key (a UUID as text), a SHA-256 of the request, the owner's list period and
# bucket count (step 4), the holder (the attempt's random ID). A partition of its own, as a link is.
IDEMPOTENCY_RECORD_FIELDS = {
    "caller": 16,
    "idempotency_key": 36,
    "request_hash": 32,
    "short_key": 8,
    "created_at": 8,
    "period": 8,
    "buckets": 2,
    "holder": 16,
    "lease_until": 8,
    "status": 2,
}
idempotency_record_bytes = size(sum(IDEMPOTENCY_RECORD_FIELDS.values()) + partition_overhead_bytes)
botnet_addresses = count(10e3)

# --- Latency (step 6) ----------------------------------------------------------------------------
rtt_to_edge = duration(0.020)
rtt_edge_to_origin = duration(0.130)
rtt_client_to_origin_far = duration(0.150)
round_trips_new_connection = count(3)
cache_lookup_time = duration(0.001)
database_read_time = duration(0.005)
server_processing_time = duration(0.001)

# --- Latency targets (step 1) and the redirect's budget at the p99 (step 6) ----------------------
redirect_latency_target = duration(0.020)
create_latency_target = duration(0.500)
# A create gives up and answers 503 after this; its idempotency lease runs a second longer.
create_deadline = duration(2)
idempotency_lease = duration(create_deadline + 1)
# A create waits at most this long to append "link created" before its 201 (max.block.ms too); past
# it the row stays unmarked and the outbox sweeper publishes it. Chosen: far above a healthy append,
# far below an acks=all stall when a zone is lost.
event_append_deadline = duration(0.100)
percentile_budget_share = fraction(0.01)
# The hop from an origin load balancer to a redirect server stays in one zone (cross-zone load balancing
# off on their target group, step 6): the in-zone round trip (reference_latency.vm_round_trip_budget),
# not the one the rate limiter budgets for a call to another zone.
in_zone_round_trip = vm_round_trip_budget
ssd_read_time = duration(ssd_random_read)
redirect_budget_network = duration(0.003)
redirect_budget_lookups = duration(0.002)
redirect_budget_store_read = duration(0.010)

# --- API policy (step 3) -----------------------------------------------------------------------
anonymous_links_per_hour = count(10)
account_links_per_day = count(1000)
api_key_links_per_second = count(50)
# A key's token bucket holds this many seconds of its rate: the burst it may spend at once.
api_key_burst_seconds = duration(60)
# How long the API gateway keeps an API key's or an account's record before reading it again; the
# accounts service's "key revoked", "account suspended" and "account deleted" events evict it sooner.
gateway_credential_cache_ttl = duration(60)
# The accounts database's failover: detecting a dead primary (30 s, as a Sentinel-style detector's
# default), fencing it and promoting the semi-synchronous replica. Chosen as a bound to alert on.
accounts_failover_time = duration(SECONDS_PER_MINUTE)
# The gateway reads a key's or account's record from the replica only when the primary does not
# answer and the replica's apply lag is under this (semi-synchronous replication has every
# acknowledged commit received). Chosen: a replica that keeps up applies within milliseconds.
replica_read_lag_limit = duration(1)
paid_plan_links_per_day = count(1e6)
# While the rate-limit store cannot answer, each gateway's (and each redirect server's) local bucket
# holds the caller's limit times this, split evenly over the processes that check it: a caller
# spread over all of them gets at most this multiple of its limit, one on few of them less.
fail_open_limit_multiple = times(2)
partition_rows_guideline = count(100e3)
not_found_per_ip_per_10_min = count(50)
# The unknown-key limit of an IPv4 address marked Cellular (carrier-grade NAT), as a multiple (step 3).
cellular_ipv4_unknown_key_multiple = times(10)
# Redirects for keys that do not exist (mistyped, truncated, probed): a guess, to size the rate-limit
# store's work for the unknown-key limit.
unknown_key_share = fraction(0.01)
idempotency_window = duration(SECONDS_PER_DAY)
# The record and outbox tables are compacted by time window; a window's file is dropped whole once
# its last row has expired and the grace has passed (reference_capacity.expired_row_life). A day,
# Cassandra's default, over six hours and an hour (step 6 weighs them): the disk barely moves, the
# lookups do (below).
gc_grace = cassandra_gc_grace
compaction_window = duration(SECONDS_PER_DAY)
compaction_windows_over_ttl = windows_over_ttl(idempotency_window, compaction_window)
compaction_files_on_disk = files_on_disk(idempotency_window, gc_grace, compaction_window)
compaction_files_on_disk_hourly = files_on_disk(idempotency_window, gc_grace, SECONDS_PER_HOUR)
compaction_files_on_disk_six_hours = files_on_disk(idempotency_window, gc_grace, twcs_window)
# Each file is one more Bloom filter that a lookup of an absent key (a reservation's read of its
# record) checks, and each wrongly answers "maybe here" at the filter's false-positive rate
# (reference_capacity.cassandra_bloom_fp_chance, Cassandra's default): file reads wasted per such
# lookup, on average, for each window weighed.
compaction_wasted_reads = wasted_file_reads(compaction_files_on_disk)
compaction_wasted_reads_hourly = wasted_file_reads(compaction_files_on_disk_hourly)
compaction_wasted_reads_six_hours = wasted_file_reads(compaction_files_on_disk_six_hours)

# --- Reliability targets (steps 1 and 7) -------------------------------------------------------
redirect_availability_target = fraction(0.9999)
create_availability_target = fraction(0.999)
slo_window = duration(30 * SECONDS_PER_DAY)
scan_budget = duration(0.2)
takedown_budget = duration(5 * SECONDS_PER_MINUTE)
# Review of reports (step 1), from the report queue's timestamps: the rescan, then a person's verdict.
report_rescan_target = duration(15 * SECONDS_PER_MINUTE)
report_verdict_target = duration(4 * SECONDS_PER_HOUR)
# A redirect server that falls this far behind on the "link changed" events stops answering from its
# in-process cache and flushes it, and reads the store rather than its zone's cache, until it has
# caught up (step 6). Chosen: a fifth of the takedown budget, long enough that a zone loss, which
# stalls the log's appends for up to replica.lag.time.max.ms, does not trip it
# (url_shortener_reliability.zone_loss_heartbeat_stall), short enough for the takedown bound.
link_event_lag_limit = duration(takedown_budget / 5)
# The outbox sweeper publishes a crashed service's event at its read of the minute-old partition (step 4).
outbox_sweep_last_read = duration(SECONDS_PER_MINUTE)
takedown_slowest = duration(outbox_sweep_last_read + link_event_lag_limit + edge_copy_life_max)
# A small heartbeat publisher in every zone, deployed apart from the link service, publishes a
# heartbeat to each partition of the "link changed" topic this often, with the producer settings the
# events use (acks=all); a redirect server's lag is the age of the newest heartbeat it has read, so a
# log that refuses writes, or cannot be read, or a server that reads slowly, all show as lag, and a
# link-service outage does not.
link_event_heartbeat_interval = duration(1)
heartbeat_publishers_per_zone = count(1)
count_freshness_target = duration(SECONDS_PER_MINUTE)
count_freshness_share = fraction(0.99)
cache_warm_rate = per_second(50e3)
# A zone's redirect cache refuses writes while Sentinel detects a dead primary and promotes its replica.
cache_failover_time = duration(30)
# A redirect server's read of its zone's cache gives up after this and reads the store; after this
# many consecutive failures it stops asking the zone's cache (a circuit breaker) and sends one probe
# a second until one answers. Chosen: the deadline is the budget's two lookups; the count rides out a
# lost packet, not a dead primary.
cache_read_deadline = duration(redirect_budget_lookups)
cache_breaker_failures = count(5)
outage_for_backlog = duration(SECONDS_PER_HOUR)

# --- Prices, to weigh DynamoDB against the store's own servers (step 4) --------------------------
# US East (N. Virginia), in US dollars, read in 2025: DynamoDB's Standard table class, on-demand
# (after the November 2024 cut), and the EC2 on-demand price of the instance the store's nodes fit.
DYNAMODB_PRICING = "https://aws.amazon.com/dynamodb/pricing/on-demand/"
EC2_PRICING = "https://aws.amazon.com/ec2/pricing/on-demand/"
EC2_RESERVED = "https://aws.amazon.com/ec2/pricing/reserved-instances/"
ddb_storage_price_per_gb_month = count(0.25)
ddb_write_price_per_million = count(0.625)
ddb_read_price_per_million = count(0.125)
# The Standard-Infrequent Access table class, same page: storage at 0.10 dollars a GB-month (60% off
# Standard), requests 25% dearer than Standard's on demand.
DDB_IA_REQUEST_PREMIUM = 1.25
ddb_ia_storage_price_per_gb_month = count(0.10)
ddb_ia_write_price_per_million = count(float(ddb_write_price_per_million) * DDB_IA_REQUEST_PREMIUM)
ddb_ia_read_price_per_million = count(float(ddb_read_price_per_million) * DDB_IA_REQUEST_PREMIUM)
ddb_pitr_price_per_gb_month = count(0.20)
object_storage_price_per_gb_month = count(0.023)
# DynamoDB bills each item 100 bytes of overhead on top of its names and values (DYNAMODB_ITEM_SIZE).
ddb_item_overhead_bytes = size(100)
# A write request unit writes an item of up to 1 KB; a strongly consistent read unit reads up to 4 KB.
ddb_write_unit_bytes = size(1024)
ddb_read_unit_bytes = size(4 * 1024)
# The owner's list entry's partition key (owner, period, bucket: 8 + 8 + 2 bytes), which a wide-column
# store keeps once a partition and DynamoDB keeps in every item.
owner_list_partition_key_bytes = size(owner_id_bytes + timestamp_bytes + 2)
# i3en.6xlarge: 24 vCPUs, 192 GiB, two 7,500 GB NVMe SSDs, the cheapest x86 storage-optimized size
# with NVMe SSDs that holds a node's 10 TB (the HDD d3en sizes cost less a TB; an Arm is4gen.4xlarge
# holds 15 TB for less). At 10 TB it is two thirds full, fuller than the half the sizing assumes; the
# i3en.12xlarge, at twice the price, has 30 TB and would be a third full. This flatters the servers.
store_node_instance_ssd = size(15 * TB)
store_node_price_per_hour = count(2.712)
# The most a reservation takes off (EC2_RESERVED): AWS's headline, any type and term.
reserved_discount_max = fraction(0.72)
# Running the store is work the managed table does not need: upgrades, repairs, node replacements,
# an on-call rotation. A guess at one engineer's cost a year, salary and overheads.
engineer_cost_per_year = count(250e3)

TABLE = [
    (
        "Links created a day",
        links_created_per_day,
        f"Bitly [created {bitly_links_created_2012} links in 2012]({BITLY_2012_YEAR}), "
        f"{bitly_links_created_per_day_2012}; we assume {links_over_bitly_2012} that rate for a large public "
        f"shortener today, the input of [Xu's chapter]({XU_URL_SHORTENER}) too (below the table).",
    ),
    (
        "Redirects per link created",
        redirects_per_link_created,
        f"Bitly reported [about {bitly_clicks_per_month_2010} clicks a month]({BITLY_2010}) in 2010; "
        f"against its 2012 links, {bitly_clicks_per_link} clicks a link (years apart: the order of magnitude "
        "only). Ten is generous.",
    ),
    (
        "Distinct links clicked a day",
        distinct_links_clicked_per_day,
        "A guess: about a day's worth of new links. Many new links are never clicked, old ones keep a trickle.",
    ),
    (
        "Daily active users",
        daily_active_users,
        "People who create or follow a link on a day: daily totals become per-user rates (estimator, step 3).",
    ),
    (
        "Average long URL, stored",
        long_url_bytes,
        "Shortened links are long ones: campaign and tracking parameters. ASCII after percent-encoding.",
    ),
    (
        "Longest long URL accepted",
        long_url_max_bytes,
        f"[RFC 9110]({RFC_9110_URI_LENGTH}) recommends supporting URIs of at least 8,000 octets.",
    ),
    (
        "Links with a custom alias",
        custom_alias_share,
        "Mostly paid plans' branded links; most links take a generated key.",
    ),
    (
        "Custom aliases the free plan may claim in 30 days",
        free_plan_aliases_per_month,
        "A few for a person's own use; an alias is never given to anyone else, so a quota limits squatting.",
    ),
    ("Longest custom alias (characters)", custom_alias_max_chars, "Readable words, not paragraphs."),
    ("Links given an expiry", expiring_share, "Campaigns and one-off shares; the default is no expiry."),
    (
        "Mean expiry (days)",
        expiry_days_mean,
        "A guess: a few are set years ahead.",
    ),
    (
        "Links created anonymously",
        anonymous_link_share,
        "A guess: an anonymous address may make only a few links an hour, with a challenge past that, while "
        "campaigns and bulk tools, most of the volume, need an account or an API key.",
    ),
    ("Bytes per timestamp", timestamp_bytes, "Milliseconds since the epoch in a 64-bit integer."),
    ("Bytes per owner ID", owner_id_bytes, "A 64-bit account ID."),
    (
        "Bytes of status",
        status_bytes,
        "Active, disabled by its owner, disabled for abuse, removed by a legal order, deleted, expired.",
    ),
    ("Length prefix per variable field", length_prefix_bytes, "Up to 65,535 bytes."),
    (
        "Per-partition overhead in the store",
        partition_overhead_bytes,
        "Key, header, index entry and cell timestamps, all on a link's own partition; as in the Twitter "
        f"example. DynamoDB [counts 100 bytes an item]({DYNAMODB_ITEM_SIZE}) for indexing alone.",
    ),
    (
        "Per-row overhead of a row inside a shared partition",
        row_overhead_bytes,
        "Cassandra's row format ("
        "[UnfilteredSerializer](https://github.com/apache/cassandra/blob/cassandra-4.1/src/java/org/apache/cassandra/db/rows/UnfilteredSerializer.java)): "
        "flags, clustering header, row sizes, a timestamp offset, a flag byte a cell; the key once a partition.",
    ),
    (
        "Bytes per 'my links' index entry",
        owner_index_entry_bytes,
        f"Creation time (8 B) and short key (about 9 B), which order the entry, plus {row_overhead_bytes} of "
        "per-row overhead; the owner, period and bucket are the partition key, stored once per partition.",
    ),
    (
        "Bytes of a redirect's status line and headers",
        redirect_header_bytes,
        "Status, Location name, Cache-Control, Date, Content-Length, Server; before compression.",
    ),
    (
        "Bytes of a redirect request",
        redirect_request_bytes,
        "Request line, Host, User-Agent, Accept headers, Referer; before HTTP/2 header compression.",
    ),
    ("Bytes per create request", create_request_bytes, "JSON with the long URL, options and headers."),
    (
        "Bytes per click event",
        click_event_bytes,
        "Request ID (16 B, so the nightly recount can drop duplicates), key, time, country, device "
        "class, referrer domain, hashed client address.",
    ),
    (
        "Bytes per line of the edge's request log",
        edge_log_line_bytes,
        "What the edge ships before processing: time, request ID, raw client address, full URL, status, "
        f"edge location, the User-Agent and the full Referer of a {size(redirect_request_bytes)} request, "
        "plus the field names of a JSON line.",
    ),
    ("Days raw click events are kept", raw_click_days, "Long enough to recompute a quarter; counts outlive them."),
    (
        "Days the event log keeps the edge's raw lines",
        event_log_retention_days,
        "A design choice: an analytics outage over a weekend can still be replayed from the log.",
    ),
    (
        "Bytes per daily count row",
        daily_rollup_row_bytes,
        "Link, day, total, and counts by country, referrer and device; most clicked links draw a few "
        "clicks a day, so their lists are short.",
    ),
    (
        "Days the analytics store keeps minute rows",
        minute_row_days,
        "Chosen: the nightly recount has rolled them up by then.",
    ),
    (
        "Count queries a day (stats, a link read with its total, or a list page's totals)",
        count_queries_per_day,
        f"An assumption: one for every {count(links_created_per_day * (1 - anonymous_link_share) / count_queries_per_day)} "
        "links made with an account. Most of those come through API keys, from tools that read counts per campaign "
        "if at all; people read a few links each.",
    ),
    (
        "Share of those that are a list page's totals",
        list_page_count_query_share,
        "A guess: a person opens the list of their links, then a few of them. A list page's "
        "links hash to every shard of a zone's copy, so its query runs on each of them.",
    ),
    (
        "Links on a list page",
        list_page_links,
        "The list call's page size (step 3); each is read by key from the link store, every page counted full.",
    ),
    (
        "A list page's wait for its totals",
        list_totals_deadline,
        "Chosen: past it the page answers from the link store alone, its totals null (step 3).",
    ),
    (
        "Zipf exponent of link popularity",
        zipf_exponent,
        f"[Breslau et al.]({BRESLAU_1999}) measured 0.64 to 0.83 for web requests; links shared "
        "socially are likely more skewed, so this errs toward a bigger cache.",
    ),
    ("Hit rate the skew table sizes for", cache_hit_target, "A cache of the top links; step 6 holds the whole day."),
    (
        "Longest a cached redirect is served after its store read",
        cache_entry_max_age,
        "Hits renew an entry's idle time, not this: a copy a lost purge left behind still ends (step 6).",
    ),
    (
        "Cache overhead per entry",
        cache_entry_overhead_bytes,
        "Key object, hash-table slot, expiry and allocator rounding in an in-memory store.",
    ),
    ("In-process cache per redirect server", in_process_cache_bytes, "A slice of a server's memory."),
    (
        "Hits on one link in one minute",
        viral_hits_first_minute,
        f"Coinbase's [2022 Super Bowl QR-code ad]({COINBASE_2022}) drew 20 million hits in the minute it "
        "aired, by the company's count.",
    ),
    (
        "Years we size for",
        retention_years,
        "The horizon for keys, disks and servers. Links have no default expiry, so they outlive it (step 2 "
        "shows how long the key space lasts).",
    ),
    ("Copies of link data", link_copies, "One per zone: losing a zone loses nothing."),
    (
        "Copies of daily click counts",
        click_copies,
        "The same rule, one per zone in the analytics store; counts are what customers pay for. Raw "
        "click events are stored once, in object storage, which keeps its own copies across zones.",
    ),
    (
        "Key-space headroom",
        key_space_headroom,
        "Twice the growth we plan for, and twice again for links kept past the horizon. Aliases take "
        "none: they never have a generated key's shape.",
    ),
    (
        "Largest share of random keys that may be live",
        guess_hit_limit,
        f"A guesser should miss 99 times in 100; [short-link scans]({SHORT_URL_SCAN}) have exposed private documents.",
    ),
    (
        "Peak-to-average traffic",
        peak_to_average,
        f"A smooth day peaks at most at {smooth_day_max} its average (reference); half as much again "
        "assumed: audiences in a few time zones and morning campaigns crowd one hour. Viral links apart.",
    ),
    (
        "Redirects per server",
        requests_per_server,
        "A cache hit and a few hundred bytes out; conservative for a tuned server.",
    ),
    (
        "Creations per server",
        create_requests_per_server,
        "Validation, a safety lookup and three conditional writes cost more than a redirect.",
    ),
    (
        "Usable memory per cache server",
        f"{cache_memory_per_server_gib} GiB ({cache_memory_per_server})",
        f"A {cache_machine_memory_gib} GiB machine, of which the rules of thumb count {reference_usable_memory_share} "
        "usable, the rest going to fragmentation, replication buffers and snapshots (each zone's cluster keeps "
        "a replica).",
    ),
    (
        "Operations per cache server",
        cache_ops_per_server,
        "One in-memory cache process without pipelining, at the GET rate the rules of thumb measured for one "
        f"({cite('Redis', 'Redis 2.2 docs')}).",
    ),
    ("Usable disk per database server", storage_per_database_server, "SSDs filled to about half."),
    (
        "What one store node streams out a second to a node being rebuilt",
        store_stream_rate_per_node,
        f"Cassandra's default `stream_throughput_outbound` ([cassandra.yaml]({CASSANDRA_YAML})), which keeps "
        "the sender's live reads fast; it sets how long a dead node takes to replace (step 7).",
    ),
    (
        "Point reads per database server, from the block cache",
        reads_per_database_server,
        "A read of a recent or hot link, its block already in memory; the Twitter example's figure.",
    ),
    (
        "Cold point reads per database server",
        cold_reads_per_database_server,
        "A missed link is mostly an old one, beyond the block cache: reading and decompressing its block costs "
        "about twice a cached read's CPU, so half the rate above, as in the Twitter example; a guess to benchmark.",
    ),
    (
        "Click events per stream-job server",
        click_events_per_stream_server,
        "A guess: each raw line is parsed, its User-Agent classified, its request ID checked against recent ones "
        "and counted; the parsing, not the log read, is the cost.",
    ),
    (
        "Count queries per analytics server",
        count_queries_per_analytics_server,
        f"ClickHouse was built for [hundreds of queries a second per server or "
        f"less]({CLICKHOUSE_OLAP}); the low end, as each small query has a fixed cost. A guess, for a load test "
        "to replace.",
    ),
    (
        "Inserts a second into each analytics table, about",
        analytics_inserts_per_second,
        f"[ClickHouse's advice]({CLICKHOUSE_BULK_INSERTS}): each insert makes a part on disk that background "
        "merges must fold in, and more than about one a second can outrun them.",
    ),
    (
        "Rows per insert, at least",
        analytics_rows_per_insert_min,
        "The same page: at least 1,000 rows an insert, ideally 10,000 to 100,000, since each carries a fixed cost.",
    ),
    ("Availability zones", zones, "Every tier survives losing one."),
    ("Keys in a counter block", counter_block_size, "A few minutes of one process's creations at peak."),
    ("Processes that create links", api_processes, "A few servers running many workers, each leasing its own block."),
    ("Restarts per process a day", process_restarts_per_day, "Deploys and crashes; each loses its unused block."),
    ("CDN locations that may cache a redirect", edge_locations, "CloudFront lists 750+."),
    ("CDN regional caches the misses pass", regional_edge_caches, "CloudFront's, between locations and origin."),
    (
        "How long the edge may reuse a redirect",
        edge_ttl,
        f"Short: its two tiers (a regional cache, then a location) keep a copy up to {edge_copy_life_max} after "
        f"a change reaches the redirect servers, {takedown_slowest} after the change at worst (step 3).",
    ),
    (
        "Link status changes a day",
        status_changes_per_day,
        "A guess: one for every thousand links made.",
    ),
    (
        "Share of status changes that are takedowns (review's abuse verdicts, legal removals)",
        takedown_share_of_status_changes,
        "A guess; each takedown invalidates one path at the edge (step 6).",
    ),
    (
        "Dollars per million runs of the edge function that lower-cases aliases",
        edge_function_price_per_million,
        "[CloudFront pricing](https://aws.amazon.com/cloudfront/pricing/): CloudFront Functions.",
    ),
    (
        "Edge invalidation paths free a month, then dollars a path",
        f"{invalidation_free_paths_per_month}, then {invalidation_price_per_path}",
        "[CloudFront pricing](https://aws.amazon.com/cloudfront/pricing/).",
    ),
    (
        "Bytes per idempotency record",
        idempotency_record_bytes,
        ", ".join(
            f"{name.replace('_', ' ')} {nbytes}" for name, nbytes in IDEMPOTENCY_RECORD_FIELDS.items()
        ).capitalize()
        + f", and {partition_overhead_bytes} of partition overhead: each record is a partition of its own.",
    ),
    (
        "Bytes per alias claim row",
        alias_claim_row_bytes,
        f"A day and its claim count (4 B each) and {row_overhead_bytes} of row overhead; the owner ID is the "
        "partition key.",
    ),
    (
        "Bytes per expiry index entry",
        expiry_index_entry_bytes,
        f"Its short key (about 9 B) and {row_overhead_bytes} of row overhead.",
    ),
    (
        "Days an expiry index entry outlives its day",
        expiry_index_days_past_day,
        "Chosen: read the next day; a bucket goes once its links are handled; a day more to rerun.",
    ),
    (
        "Bytes per outbox row",
        outbox_row_bytes,
        f"A guess: kind (1 B), short key (about 9 B), write time and a creation's time ({timestamp_bytes} "
        f"each), sent mark (1 B), {row_overhead_bytes} of row overhead. The second and shard are the "
        "partition key, stored once a partition.",
    ),
    ("Addresses in a scanning botnet", botnet_addresses, "A small rented botnet; large ones have millions."),
    ("Round trip, client to nearest edge", rtt_to_edge, "Most users are within a few hundred kilometers of one."),
    (
        "Round trip, edge to origin region",
        rtt_edge_to_origin,
        "The far client's distance less its last hop; a warm connection saves handshakes, not distance.",
    ),
    (
        "Round trip, far client to one region",
        rtt_client_to_origin_far,
        "California to the Netherlands, the reference page's classic figure: another continent.",
    ),
    ("Round trips before a first response", round_trips_new_connection, "TCP, TLS 1.3, then the request."),
    ("Cache lookup", cache_lookup_time, "In the same zone."),
    ("Database point read", database_read_time, "One partition, from SSD."),
    ("Server work per redirect", server_processing_time, "Parse, check, build the response."),
    (
        "Redirect p99, request in to response out at the origin",
        redirect_latency_target,
        "The user is on the way somewhere else; the redirect should cost one network round trip, not more.",
    ),
    ("Creation p99, safety checks included", create_latency_target, "A person waits for the short link to copy."),
    (
        "A create's deadline",
        create_deadline,
        "Four times the p99 target: past it the service stops retrying its writes and answers 503.",
    ),
    (
        "A create's wait for the event log",
        event_append_deadline,
        'Chosen: past it the create answers 201 and the outbox sweeper publishes "link created"; an append '
        "with acks=all can stall for seconds when a zone is lost (step 6).",
    ),
    (
        "Idempotency lease",
        idempotency_lease,
        "The deadline and a second more: a retry that comes sooner gets 409 unless the first attempt released it.",
    ),
    (
        "Requests allowed over a latency target",
        percentile_budget_share,
        "Targets are p99: one request in a hundred may be slower.",
    ),
    (
        "Redirect budget: origin load balancer to server, and queueing",
        redirect_budget_network,
        f"One hop inside a zone "
        "([cross-zone load balancing off](https://docs.aws.amazon.com/elasticloadbalancing/latest/application/disable-cross-zone.html)): "
        f"a round trip in one data center ({in_zone_round_trip}, the latency reference's figure); the rest is "
        "queueing in the slowest moments.",
    ),
    (
        "Redirect budget: in-process and shared-cache lookups",
        redirect_budget_lookups,
        f"The in-process lookup is nearly free; a shared-cache lookup takes {cache_lookup_time}, and one "
        "that queues may take twice that.",
    ),
    (
        "Redirect budget: the store read",
        redirect_budget_store_read,
        f"Twice a typical point read ({database_read_time}), held there by hedged reads. The SSD read "
        f"itself is {ssd_read_time} (latency reference); the time goes on replica round trips and queueing.",
    ),
    ("Anonymous links per IP an hour", anonymous_links_per_hour, "Enough for a person, useless to a spammer."),
    (
        "Links per account a day",
        account_links_per_day,
        "The free plan's allowance, shared by the apps and every API key of the account; paid plans negotiate more.",
    ),
    (
        "Links per API key a second",
        api_key_links_per_second,
        "Bulk tools; sustained, with a burst allowance: how fast a key spends its account's daily allowance.",
    ),
    (
        "An API key's burst, as a span of its rate",
        api_key_burst_seconds,
        "An assumption: a tool may send a minute's worth at once, then the steady rate.",
    ),
    (
        "How long the API gateway caches a key or an account",
        gateway_credential_cache_ttl,
        "A chosen bound: revoking a key or suspending an account evicts the copies at once through events; "
        "the time to live bounds what a lost or late event leaves (step 3).",
    ),
    (
        "Time the accounts database takes to fail over, at most",
        accounts_failover_time,
        "Chosen bound: half to detect a dead primary (a detector's usual 30 s), half to fence it and promote "
        "the semi-synchronous replica; a failover slower than this pages.",
    ),
    (
        "A caller's limit while the rate-limit store is down, at most",
        fail_open_limit_multiple,
        "A chosen bound: each checking process holds this multiple of the limit divided by their count, "
        "so a flood still stops (step 3 says why the limit is split).",
    ),
    (
        "Apply lag past which the gateway stops reading the accounts replica",
        replica_read_lag_limit,
        "A chosen bound: a replica that keeps up applies within milliseconds; a second adds little to the "
        "minute a gateway's copy lives, and bounds how old a record read from the replica can be.",
    ),
    (
        "Links a day on a large paid plan",
        paid_plan_links_per_day,
        "An example of a negotiated plan, to size its list's buckets: one daily allowance that the "
        "account's apps and API keys share.",
    ),
    (
        "Rows per wide-column partition, at most",
        partition_rows_guideline,
        f"DataStax's [rule of thumb]({CASSANDRA_PARTITION_SIZE}) for Cassandra: under 100,000 values and "
        "100 MB a partition.",
    ),
    (
        "Unknown keys per IP in ten minutes",
        not_found_per_ip_per_10_min,
        "A person mistypes a few; a scanner tries thousands.",
    ),
    (
        "Unknown-key limit of a Cellular IPv4 address, against an address's",
        cellular_ipv4_unknown_key_multiple,
        "Chosen: many phones share one such address; a scanner there still meets a limit.",
    ),
    (
        "Redirects for keys that do not exist",
        unknown_key_share,
        "A guess: mistyped and truncated links, and probes; each costs the unknown-key limit's bucket operations.",
    ),
    ("How long idempotency keys are kept", idempotency_window, "Long enough for any client retry."),
    (
        "How long after it expires an expired row may stay on disk as a tombstone",
        gc_grace,
        "Cassandra's default gc_grace_seconds "
        "([tombstones](https://cassandra.apache.org/doc/latest/cassandra/managing/operating/compaction/tombstones.html)).",
    ),
    (
        "Time window in which the idempotency records (step 3) and the outbox (step 4), both expiring "
        "after a day, are compacted",
        compaction_window,
        "Cassandra's default "
        "([time-window compaction](https://cassandra.apache.org/doc/latest/operating/compaction/twcs.html)): "
        f"a file stays for the day, the grace and a window, so {compaction_files_on_disk} files, against "
        f"{compaction_files_on_disk_six_hours} for six-hour and {compaction_files_on_disk_hourly} for hour "
        f"windows, each a Bloom filter an absent key's lookup checks (step 6).",
    ),
    ("Availability target, redirects", redirect_availability_target, "A dead link breaks someone else's page."),
    ("Availability target, creation", create_availability_target, "A failed creation can be retried."),
    ("Window the targets are measured over", slo_window, "A rolling month."),
    (
        "Time a create may spend on safety checks",
        scan_budget,
        "In-memory blocklists and one reputation lookup; deeper scans run after.",
    ),
    (
        "Time from a disable to every edge stopping",
        takedown_budget,
        "Minutes, not hours: phishing is fast. It starts at the disable; a report reaches a verdict first.",
    ),
    (
        "Time from a report to its automated rescan",
        report_rescan_target,
        "Chosen: a rescan takes seconds, so this bounds the queue's backlog.",
    ),
    (
        "Time from a report the rescan cannot settle to a person's verdict",
        report_verdict_target,
        "Chosen: within a reviewer's shift, never a night's wait.",
    ),
    (
        "How far a redirect server may fall behind the link events before it stops using its in-process cache",
        link_event_lag_limit,
        "Chosen: a fifth of the takedown budget, so that a lagging server, the outbox sweeper's minute and the "
        "edge's copy together stay inside it, and a zone loss's stalled appends stay under it (step 6).",
    ),
    (
        'How often each zone\'s heartbeat publisher publishes a heartbeat to every partition of the "link changed" topic',
        link_event_heartbeat_interval,
        "Chosen: small beside the lag limit; a redirect server's lag is the age of the newest heartbeat it has "
        "read, so a log that stops taking writes stops the heartbeats and trips the limit (step 6).",
    ),
    (
        f"Time within which {count_freshness_share} of clicks are counted",
        count_freshness_target,
        "Owners watch a campaign go live.",
    ),
    (
        f"Share of clicks held to that time, over {slo_window}",
        count_freshness_share,
        "Late edge logs, a viral minute's queue and the planned analytics outage (step 7, every click of "
        "its hour) delay clicks, counted late.",
    ),
    ("Cache fill rate after a cold start", cache_warm_rate, "What the database tier can add on top of normal reads."),
    (
        "Time a zone's redirect cache refuses writes during a failover",
        cache_failover_time,
        "Sentinel declares a primary down after down-after-milliseconds, "
        "[30 seconds by default](https://github.com/redis/redis/blob/unstable/sentinel.conf); the promotion "
        "that follows is quick beside it.",
    ),
    (
        "A redirect server's deadline on a read of its zone's cache",
        cache_read_deadline,
        "The budget's lookups: past it the server reads the store, so a dead primary that Sentinel has not yet "
        "replaced costs a redirect that much, not a hung connection.",
    ),
    (
        "Consecutive failed cache reads that open a redirect server's breaker",
        cache_breaker_failures,
        "Chosen: enough to ride out a lost packet; once open, the server reads the store and probes the cache once a second.",
    ),
    (
        "Days the CDN's standard logs are kept",
        standard_log_days,
        "Chosen: CloudFront may deliver a line up to 24 hours late, the recount of a day waits for the next "
        "day's end, and one more day lets a failed recount run again; a lifecycle rule deletes them.",
    ),
    (
        "Network per event-log broker",
        event_log_broker_network,
        "A 10 Gbit/s port at line rate, as the bandwidth reference gives it; the brokers are sized by disk (step 2).",
    ),
    (
        "Writes one managed-stream shard takes: bytes; records",
        f"{stream_shard_write_bytes}; {stream_shard_write_records}",
        f"Kinesis Data Streams' [quotas]({KINESIS_QUOTAS}), whichever comes first.",
    ),
    (
        "Buffer over the rate a provisioned stream takes",
        stream_shard_buffer,
        f"CloudFront's [real-time logs guide]({CLOUDFRONT_REALTIME_LOGS}) advises 10 to 25%; its example adds about 20%.",
    ),
    (
        "A jump an On-demand Standard stream absorbs at once",
        stream_on_demand_jump,
        f"Kinesis' [capacity modes]({KINESIS_MODES}): double its previous peak; more is throttled until it scales.",
    ),
    (
        "On-demand Advantage: the account's commitment each way; the billed record unit",
        f"25 MiB/s ({stream_advantage_commitment}); 1 KB as AWS counts it ({stream_on_demand_record_unit})",
        f"[Capacity modes]({KINESIS_MODES}); a record rounds up to 1,024 B ([pricing]({KINESIS_PRICING})).",
    ),
    (
        "On-demand Standard, US East: dollars a GB in; a GB out",
        f"{stream_standard_ingest_price_per_gb}; {stream_standard_retrieval_price_per_gb}",
        f"Assumed: US East rates as last published, to check on [AWS's page]({KINESIS_PRICING}). Advantage's are at least "
        f"{stream_advantage_discount} lower ([capacity modes]({KINESIS_MODES})).",
    ),
    (
        "Managed stream, provisioned: dollars a shard-hour; a million PUT units",
        f"{stream_shard_hour_price}; {stream_put_unit_price_per_million}",
        f"[Kinesis pricing]({KINESIS_PRICING}), US East; a PUT unit is {stream_put_unit_bytes} of a record.",
    ),
    (
        "CloudFront real-time log lines, dollars a million",
        edge_realtime_log_price_per_million,
        f"The [CloudFront FAQ]({CLOUDFRONT_FAQ}), on top of the stream's own charges.",
    ),
    (
        "DynamoDB storage, dollars a GB-month",
        ddb_storage_price_per_gb_month,
        f"[On-demand pricing]({DYNAMODB_PRICING}), Standard class, US East, past 25 GB free; three copies included.",
    ),
    (
        "DynamoDB writes, dollars a million write request units",
        ddb_write_price_per_million,
        f"[The same page]({DYNAMODB_PRICING}), after the November 2024 cut; a unit writes an item of up to "
        "1 KB, and a conditional write is billed as a write even when its condition fails.",
    ),
    (
        "DynamoDB reads, dollars a million read request units",
        ddb_read_price_per_million,
        f"[The same page]({DYNAMODB_PRICING}); a unit is one strongly consistent read of up to 4 KB "
        "(an eventually consistent read is half a unit).",
    ),
    (
        "DynamoDB Standard-IA storage, dollars a GB-month",
        ddb_ia_storage_price_per_gb_month,
        f"[The same page]({DYNAMODB_PRICING}), the Standard-Infrequent Access table class: 60% less than "
        "Standard for storage.",
    ),
    (
        "DynamoDB Standard-IA writes and reads, dollars a million units",
        f"{ddb_ia_write_price_per_million} and {ddb_ia_read_price_per_million}",
        f"[The same page]({DYNAMODB_PRICING}): Standard's request prices plus 25%.",
    ),
    (
        "DynamoDB's overhead per item",
        ddb_item_overhead_bytes,
        f"[Item sizes]({DYNAMODB_ITEM_SIZE}): 100 bytes an item on top of its attribute names and values.",
    ),
    (
        "A store node's instance, dollars an hour",
        store_node_price_per_hour,
        f"i3en.6xlarge, Linux, on demand, US East ([EC2 pricing]({EC2_PRICING})): {store_node_instance_ssd} "
        "of NVMe SSD, the cheapest x86 storage-optimized size with such disks that holds a node's data. ",
    ),
    (
        "The most a reservation takes off an instance's price",
        reserved_discount_max,
        f"[EC2 reserved instances]({EC2_RESERVED}): up to 72% off, any type and term; the i3en.6xlarge's own "
        "rate is to check.",
    ),
    (
        "One engineer, dollars a year",
        engineer_cost_per_year,
        "A guess at salary and overheads, to price the people who run a store that a managed table does not need.",
    ),
    ("Analytics outage we plan for", outage_for_backlog, "Counts may lag; clicks must not be lost."),
]

# Other snippets import this module for its values; run on its own (or by the docs build),
# it prints the table.
if __name__ != "url_shortener_assumptions":
    print(markdown_table(("Assumption", "Value", "Why"), TABLE))
