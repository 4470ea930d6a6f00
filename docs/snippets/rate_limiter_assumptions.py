"""Rate limiter worked example: every assumption the estimates start from, and why.

Change a value here and rebuild: every figure that depends on it changes, on every page, and so
does the estimator's `rate_limiter` preset, which is derived from this module.
Run `.venv/bin/python docs/snippets/rate_limiter_assumptions.py` to print the table.
"""

from reference_capacity import cores, kv_gets_per_process, target_utilization
from reference_fiber import zone_pair_rtt_floor
from reference_latency import CLASSIC, dc_round_trip, vm_round_trip_budget
from sources import cite

from sdw.estimation import count, duration, fraction, markdown_table, peak, per_day, size, throughput, times

RFC_6585_429 = "https://www.rfc-editor.org/rfc/rfc6585#section-4"
GITHUB_LIMITS = "https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api"
STRIPE_LIMITERS = "https://stripe.com/blog/rate-limiters"
CLOUDFLARE_COUNTERS = "https://developers.cloudflare.com/waf/rate-limiting-rules/request-rate/"
REDIS_CONF = "https://github.com/redis/redis/blob/unstable/redis.conf"
REDIS_OBJECT_ENCODING = "https://redis.io/docs/latest/commands/object-encoding/"
LISTPACK_SPEC = "https://github.com/antirez/listpack/blob/master/listpack.md"
REDIS_SERVER_H = "https://github.com/redis/redis/blob/7.4.0/src/server.h"
AWS_ZONES = "https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/availability-zones.html"

# --- Traffic through the gateway --------------------------------------------------------------
api_requests_per_day = per_day(5e9)
active_clients_per_day = count(10e6)
peak_to_average = times(3)

# --- The policy (steps 1 and 3) ---------------------------------------------------------------
limit_per_minute = count(100)
burst_allowance = count(20)
window_seconds = duration(60)
large_plan_limit_per_minute = count(60e3)
# An assumption, not a given: a large plan's burst is the same share of its minute as the default's.
large_plan_burst_share = fraction(burst_allowance / limit_per_minute)
# An example key between the store-down backstop's floor and the large plan (step 1): an override of
# a few thousand a minute, just above the floor, where a backstop by threshold would have cut its
# bucket in each gateway twelvefold.
store_down_example_mid_limit_per_minute = count(6e3)

# --- Bytes of state per client and rule (step 4) ----------------------------------------------
key_bytes = size(32)
timestamp_bytes = size(8)
token_count_bytes = size(8)
state_field_bytes = size(1)
# A key's mark records, for each other region, the last batch applied from it and when (step 6): the
# region's number as the field, the batch's lease epoch, its number in that epoch and a timestamp as
# the value.
region_id_bytes = size(1)
lease_epoch_bytes = size(8)
batch_number_bytes = size(8)
# A key's store overhead and a sliding window log's sorted-set entries, derived (not measured) as the table's
# rows say.
entry_overhead_bytes = size(2 * (24 + 8) + 16)
zset_max_listpack_entries = count(128)
sorted_set_listpack_entry_bytes = size(10 + 18)
sorted_set_skiplist_entry_bytes = size(40 + 24 + 8 + 24)
# The IP range list every gateway holds (step 4), as the table's rows say.
ip_range_entries = count(1e6)
ip_range_entry_bytes = size(16 + 1 + 1 + 1 + 1 + 20)

# --- The counter store and the gateways (steps 2, 6 and 7) ------------------------------------
script_cost_in_gets = times(2)
shard_target_utilization = fraction(0.5)
# A primary and a replica in another zone, replicated asynchronously. No count is sent to the other regions
# twice after a failover: the exchanger sends counts only once the replica has their delete (step 7).
store_copies = times(2)
cluster_hash_slots = count(16384)
zones = count(3)
gateway_cpu_per_request = duration(0.001)
# The site's server (reference_capacity.py): its vCPUs, run at its target utilization.
gateway_requests_per_server = throughput(cores * target_utilization / gateway_cpu_per_request)
# The Envoy tier in front of the gateways (step 5): CPU a request for ending the client's TLS (its records,
# and a share of the handshake each client connection pays once it has lasted client_connection_max_life),
# HTTP/2 and routing. An assumption, to be measured; the tier's nodes are the site's server too.
balancer_cpu_per_request = duration(0.0003)
# Envoy's cap on one client connection's requests, and a request it refuses, of a forwarded one's CPU (step 5).
balancer_connection_rate_cap = throughput(2000)
balancer_local_refusal_cost_share = fraction(1)
# The bytes of one API call's request and response together, which cross a zone when the balancer sends
# the call to a gateway in another zone (step 5). An assumption: a small JSON call and its headers.
api_bytes_per_request = size(4e3)
token_batch = count(10)
# The client in step 6's split-key simulation sends at this share of its limit.
split_simulation_load = fraction(1.1)
# How long after a tag set's switch time a split key whose buckets the migrator has not moved raises
# an alert (step 6). Not a deadline: a missing new sub-bucket reads as empty until its marker exists.
split_migration_alert_after = duration(60)
# Gateways ask the rules service for a newer version this often (step 5), and a new tag set
# switches this many pulls after it is published (step 6).
rules_pull_period = duration(60)
tag_switch_lead_pulls = count(5)
# How long an old tag's buckets stay as "moved" tombstones after a split's switch, and each new tag's
# migrated marker with them (step 6).
tag_tombstone_ttl = duration(7 * 24 * 3600)

# --- Latency and regions (steps 1, 5 and 6) ---------------------------------------------------
in_zone_round_trip = vm_round_trip_budget
cross_zone_round_trip = duration(0.002)
# A round trip's 99th percentile, as a multiple of its typical figure: an assumption (a queue behind a
# busy moment, a retransmit-free slow path), to be replaced by a measurement of your own region.
round_trip_p99_factor = times(2)
cross_zone_round_trip_p99 = duration(cross_zone_round_trip * round_trip_p99_factor)
in_zone_round_trip_p99 = duration(in_zone_round_trip * round_trip_p99_factor)
# The check's budget at the 99th percentile: its p99 round trip (most checks cross zones) and a
# millisecond for the store's work.
store_work_allowance = duration(0.001)
added_latency_budget = duration(cross_zone_round_trip_p99 + store_work_allowance)
check_timeout = duration(0.01)
cross_region_round_trip = duration(CLASSIC["Round trip California-Netherlands"][0])
regions = count(3)
largest_region_peak_share = fraction(0.5)
region_sync_interval = duration(1)
shared_check_share = fraction(0.01)
# Above the worst exchanger takeover, which rate_limiter_accuracy.py computes and asserts stays below.
silent_intervals_before_split = count(10)
held_intervals_max = count(3)
# The exchanger's WAIT 1 on each shard it read from, sent on every shard's connection in parallel: a silent
# replica holds back only its own shard's counts, for this long an interval (WAIT 1 0 would block for ever).
exchanger_wait_timeout = duration(0.1)
# The alternative step 6 turns down: 8 silent intervals and a 2 s lease, etcd's shortest at its defaults.
alternative_silent_intervals_before_split = count(8)
alternative_exchanger_lease = duration(2)
# Each region's exchanger runs as an active and a standby in two zones; the active renews a lease in
# an etcd cluster spanning the region's zones every interval, and the standby takes it, with a new
# epoch, once it has gone this many intervals unrenewed.
exchanger_lease_intervals = count(3)
# etcd's defaults, which set how long a dead holder's lease can outlive it (step 6).
etcd_election_timeout = duration(1)
etcd_revoke_check_period = duration(0.5)
# The standby probes its own etcd node once a sync interval, each probe with this deadline; after this many
# failures in a row, while a node in another zone answers, it re-points its client there (step 6). gRPC
# keepalives stay at this period or longer, only to drop dead transports.
standby_probe_deadline = duration(0.3)
standby_repoint_failed_probes = count(3)
etcd_client_keepalive = duration(10)
shared_mark_ttl = duration(24 * 3600)
share_floor = fraction(0.1)
clock_offset_alert = duration(0.05)

# --- Failures (step 7) ------------------------------------------------------------------------
flood_requests_per_second = peak(50e3)
failover_time = duration(15)
failover_election = duration(2)  # the upper end of the row's "second or two"
# The gateway's circuit breaker on a store shard (step 7): it opens once this share of its checks to the
# shard in the last window timed out, over at least this many checks, or once this many in a row timed out
# with none answered for the window; it stays open this long, then lets one check through.
store_breaker_failure_share = fraction(0.5)
store_breaker_min_checks = count(20)
store_breaker_window = duration(1)
store_breaker_timeouts = count(3)
store_breaker_open = duration(5)
# A 503's Retry-After (a fail-closed rule while the store is down, or the challenge provider down) is
# spread uniformly over 1 s to this, so refused clients do not return together.
retry_after_jitter_max = duration(5)
# A gateway's readiness probe (step 7): Envoy's active health check of the gateways, its interval (counted
# from the end of the last probe), timeout and unhealthy_threshold; the rows below say why each.
readiness_probe_period = duration(2)
readiness_probe_timeout = duration(0.25)
alternative_readiness_probe_timeout_short = duration(0.5)
alternative_readiness_probe_timeout_long = duration(1)
readiness_failure_threshold = count(3)
# Envoy's default panic threshold: below this share of a cluster's hosts healthy, a node sends to them all.
balancer_panic_threshold = fraction(0.5)
# A zone's front door, shifted away (step 7): the automation's decision, a zonal shift of the NLB in front of
# the Envoy tier (enabled beforehand; off by default), the DNS TTL, and the life and drain of a client
# connection opened before the shift (Envoy's max_connection_duration and drain_timeout).
shift_decision_time = duration(30)
zonal_shift_time = duration(60)
balancer_dns_ttl = duration(60)
# The NLB's own health check of the Envoy nodes (step 7).
nlb_health_check_interval = duration(10)
nlb_unhealthy_threshold = count(2)
nlb_health_check_timeout = duration(6)
client_connection_max_life = duration(60)
client_connection_drain_timeout = duration(5)
# Envoy's HTTP/2 keepalive on its connections to the gateways (step 7): a dead connection carries requests
# for at most interval x (1 + jitter) + timeout. Step 7 weighs the longer timeout.
balancer_keepalive_interval = duration(1)
balancer_keepalive_jitter = fraction(0.15)
balancer_keepalive_timeout = duration(1)
alternative_balancer_keepalive_timeout = duration(2)
# The balancer retries a request whose connect to a gateway failed, on a gateway it has not tried (step 7):
# this many retries, each connect given this long, after Envoy's default back-off, which waits up to
# (2^n - 1) x the base before the nth retry, capped at the maximum.
balancer_connect_retries = count(5)
balancer_connect_timeout = duration(0.25)
balancer_retry_backoff_base = duration(0.025)
balancer_retry_backoff_max = duration(0.25)
# Redis's default min-replicas-max-lag: with min-replicas-to-write set, a primary refuses writes once no
# replica has acknowledged it for this long.
redis_min_replicas_max_lag = duration(10)
# Challenge verification (step 3).
challenge_solves_per_second_peak = peak(50)
# The challenge_cgnat rules' own limit and burst (login's rule by address alone, and sign-up's), which
# the verification bucket per address shares (step 3): on a listed CGNAT address it is also the rate at which
# the address's challenge tokens are verified.
challenge_cgnat_limit_per_minute = count(30)
challenge_cgnat_burst = count(10)
anonymous_limit_per_minute = count(60)
anonymous_burst = count(20)
challenge_verify_headroom = times(4)
# The breaker on the provider: this many errors or timeouts in a row open it, for this long.
challenge_breaker_errors = count(5)
challenge_breaker_open = duration(5)
# A solved Turnstile token can be verified for this long after it was issued (reCAPTCHA's: 2 minutes).
challenge_token_validity = duration(300)
challenge_token_validity_recaptcha = duration(120)

# --- Added on review 35 (steps 1, 3 and 5) ------------------------------------------------------
# AWS's price for bytes between zones of a region, US dollars a GB, charged on each side: out of one zone
# and into the other (EC2 on-demand pricing, "Data Transfer within the same AWS Region").
cross_zone_price_per_gb = count(0.01)
# Login's small exact limit by address and account name (`ip_account`, step 1): guesses at one account from one
# address, a minute.
login_account_limit_per_minute = count(5)
# A gateway whose range list is this much older than the rules service's raises an alert (step 5): the list is
# rebuilt daily, so this is three rebuilds missed.
range_list_stale_alert = duration(3 * 24 * 3600)

TABLE = [
    (
        "API requests a day",
        api_requests_per_day,
        "A large public API; every request passes the limiter once, against its client's rule.",
    ),
    (
        "Clients seen a day",
        active_clients_per_day,
        "API keys, or addresses for anonymous calls: each gets its own counter.",
    ),
    (
        "Peak-to-average traffic",
        peak_to_average,
        "The busy hour of a normal day. An assumption: the API's paying customers are businesses in a few "
        "neighboring time zones, whose calls crowd into their shared working hours; bursts inside the hour "
        "are left to headroom.",
    ),
    (
        "Requests allowed per client a minute",
        limit_per_minute,
        f"The default plan, close to [GitHub's 5,000 an hour]({GITHUB_LIMITS}) for a signed-in user; "
        f"over it, [429 Too Many Requests]({RFC_6585_429}).",
    ),
    (
        "Burst a client may send at once",
        burst_allowance,
        "Room for a page that fires a few calls together; "
        f"[Stripe's request limiter]({STRIPE_LIMITERS}) also lets a client burst briefly above its cap.",
    ),
    ("Window of a limit", window_seconds, "Limits are stated per minute."),
    (
        "A large plan's limit a minute",
        large_plan_limit_per_minute,
        f"An enterprise key at {throughput(large_plan_limit_per_minute / 60)}: the case for local token batches.",
    ),
    (
        "A large plan's burst, as a share of its minute's limit",
        large_plan_burst_share,
        "Assumed the default plan's share (its burst over its limit), so a large client may also send a few "
        "seconds' worth at once; it sizes the sub-buckets of a split key (step 6).",
    ),
    ("Bytes per key", key_bytes, "A prefix, the client ID and the rule ID."),
    ("Bytes per timestamp", timestamp_bytes, "Milliseconds since the epoch in a 64-bit integer."),
    ("Bytes per token count", token_count_bytes, "A 64-bit float, so refills can add part of a token."),
    (
        "Bytes for a bucket's state",
        state_field_bytes,
        "One small integer: normal, share (regions cut apart) or moved (an old tag after a split); step 6.",
    ),
    (
        "Bytes for a region's number",
        region_id_bytes,
        "One small integer naming a sending region, in a shared key's record of the batches it applied (step 6).",
    ),
    (
        "Bytes per lease epoch",
        lease_epoch_bytes,
        "A 64-bit integer: the etcd revision at which a region's exchanger took its lease (step 6).",
    ),
    (
        "Bytes per batch number",
        batch_number_bytes,
        "A 64-bit integer: a region's batches, numbered in sequence within each lease epoch.",
    ),
    (
        "Overhead per entry in the store",
        entry_overhead_bytes,
        "Derived from Redis 7.4's layout, before allocator rounding: a hash-table entry and bucket pointer "
        f"(24 + 8 B) in the keyspace and in the expiry table, and an object header (16 B, [server.h]({REDIS_SERVER_H})).",
    ),
    (
        "Entries in the IP range list",
        ip_range_entries,
        "An assumption, rounded up: the registries' IPv6 assignments that record a size, one-customer /48 ranges, "
        "a connection-type feed's mobile and carrier ranges, and addresses observed shared (step 4).",
    ),
    (
        "Bytes per IP range entry in a gateway's memory",
        ip_range_entry_bytes,
        "A 16-byte address and its prefix length, kind, assignment size and source in a byte each (20 B), "
        "and as much again for the longest-prefix lookup tree.",
    ),
    (
        "Sorted-set entries kept as one compact listpack, at most",
        zset_max_listpack_entries,
        f"Redis's default [`zset-max-listpack-entries 128`]({REDIS_CONF}) (with members under 64 bytes); "
        f"larger sets take the `skiplist` encoding ([`OBJECT ENCODING`]({REDIS_OBJECT_ENCODING})), "
        f"a skiplist and a dict (`struct zset` in [server.h]({REDIS_SERVER_H})).",
    ),
    (
        "Bytes per sorted-set entry, compact (up to 128 entries)",
        sorted_set_listpack_entry_bytes,
        f"Derived, not measured: by the [listpack specification]({LISTPACK_SPEC}), a millisecond "
        "score as a 64-bit integer element (1 + 8 + 1 = 10 B) and a unique member of about 16 characters "
        "(1 + 16 + 1 = 18 B).",
    ),
    (
        "Bytes per sorted-set entry, skiplist (over 128 entries)",
        sorted_set_skiplist_entry_bytes,
        f"Derived, not measured, from [server.h]({REDIS_SERVER_H}): a skiplist node with one level (40 B), "
        "a hash-table entry (24 B), a bucket pointer (8 B) and the member string with its header (about 24 B).",
    ),
    (
        "GETs one store process serves a second",
        kv_gets_per_process,
        cite("Redis", "Redis 2.2's benchmark page") + ": one single-threaded process, 50 clients over loopback, "
        "no pipelining, on a 2.5 GHz Xeon of about 2011; the site's capacity reference uses the same figure.",
    ),
    (
        "Cost of one check script, in GETs",
        script_cost_in_gets,
        "A read, some arithmetic, a write and an expiry inside the process: more work than a GET, "
        "but one network exchange, which is most of what a GET costs. An assumption: measure your own script.",
    ),
    (
        "Highest share of a shard's capacity used at peak",
        shard_target_utilization,
        "Room for a hot client, a retry surge and a replica catching up.",
    ),
    (
        "Copies of the counters",
        store_copies,
        "A primary and a replica in another zone. Replication is asynchronous: a failover forgets what the replica "
        "had not received, at most a burst plus a report's debt, and the counts not yet sent to the other regions "
        "(step 7 computes both).",
    ),
    (
        "Hash slots in a Redis Cluster",
        f"{int(cluster_hash_slots):,}",
        "Fixed by the [cluster specification](https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/): "
        "a key's slot is the CRC16 of its hash tag (or of the whole key) modulo this number.",
    ),
    ("Availability zones in each region", zones, "Every tier of a region survives losing one of its zones."),
    (
        "CPU time a gateway spends on a request",
        gateway_cpu_per_request,
        "Records re-encrypted on the Envoy tier's long-lived connections (Envoy ends the client's TLS), "
        "authentication, rule matching, the check and proxying; less than an API read that builds JSON. "
        "To be measured.",
    ),
    (
        "Requests one gateway server handles a second",
        gateway_requests_per_server,
        f"The site's reference server, {count(cores)} vCPUs kept {fraction(target_utilization)} busy, "
        "at the CPU time above.",
    ),
    (
        "CPU time an Envoy node spends on a request",
        balancer_cpu_per_request,
        "An assumption, to be measured: ending the client's TLS (its records, and a share of the handshake a "
        "connection pays each time the balancer closes it), HTTP/2 and routing, no JSON; sizes the tier (step 5).",
    ),
    (
        "Requests Envoy lets through on one client connection, at most",
        balancer_connection_rate_cap,
        "An assumption: twice the largest plan's rate; Envoy's [local rate limit](https://www.envoyproxy.io/docs/"
        "envoy/latest/api-v3/extensions/filters/http/local_ratelimit/v3/local_rate_limit.proto) per connection, "
        "`filter_enabled` and `filter_enforced` at 100% (default 0%); a flood needs many (step 5).",
    ),
    (
        "... CPU of a request it refuses, of a forwarded one's",
        balancer_local_refusal_cost_share,
        "A guess for the load test: the same TLS and decoding.",
    ),
    (
        "Bytes of an API call, request and response together",
        api_bytes_per_request,
        "An assumption: a small JSON call with its headers; what crosses a zone when the balancer sends the call "
        "to a gateway in another zone (step 5).",
    ),
    (
        "Tokens a gateway takes at once, when batching",
        token_batch,
        f"{token_batch} one-token checks' worth for one store call.",
    ),
    (
        "Load of the client in the split-key simulation, of its limit",
        split_simulation_load,
        "Over the limit, where a split key's costs show: the sub-buckets drain within minutes and stay near empty, "
        "so a half-hour run forgets its full start and seeded runs agree. At or under the limit a run would need "
        "hours of simulated traffic (step 6).",
    ),
    (
        "Time after a split's switch before a key the migrator has not moved raises an alert",
        split_migration_alert_after,
        "A key's handful of reads and writes takes milliseconds; the rest is room for retries after a crash. Not a "
        "deadline: until the migrator writes, the key's new sub-buckets read as empty and refill from the switch, "
        "so the key has its rate but not its burst (step 6).",
    ),
    (
        "How often a gateway asks the rules service for a newer version",
        rules_pull_period,
        "Behind the push, for a gateway that missed one: a small request comparing version numbers, "
        "so a minute costs the rules service little even from every gateway (step 5).",
    ),
    (
        "Pulls between a new tag set's publication and its switch",
        tag_switch_lead_pulls,
        "A gateway that missed the push and then this many pulls less one, a rules service down for minutes, "
        "still switches on time; one that misses more finds the old tags' tombstones (step 6).",
    ),
    (
        "How long an old tag's buckets stay as tombstones after a split, and each new tag's migrated marker",
        tag_tombstone_ttl,
        "Far past any outage of the rules service that no one is paged for: a gateway cut off that long "
        "is an incident of its own. A tombstone is a few fields an old tag, a marker one small key a new tag, "
        "and only split keys have them.",
    ),
    (
        "Latency the check may add",
        added_latency_budget,
        f"At the 99th percentile. {count(zones - 1)} checks in {zones} cross zones (below), so the budget is a "
        f"cross-zone round trip's 99th percentile ({cross_zone_round_trip_p99}), which bounds the check's, with {store_work_allowance} for the "
        "store's work; small beside an API call's own tens of milliseconds. The balancer's spread over zones adds "
        "to its hop (step 5).",
    ),
    (
        "Round trip inside a zone",
        in_zone_round_trip,
        f"Gateway to a shard whose primary is in the same zone, 1 check in {zones}: the classic data-center "
        "round trip, " + cite("Dean 2009", "Dean, 2009") + ". "
        f"The site's latency reference puts today's best case at {duration(dc_round_trip)}; "
        "between cloud VMs the classic figure is the safer one to budget.",
    ),
    (
        "Round trip to another zone of the region",
        cross_zone_round_trip,
        f"Gateway to a shard whose primary is in another zone. [AWS keeps a region's zones within 100 km]({AWS_ZONES}) "
        "and puts their round trips in single-digit milliseconds; light in fiber alone takes "
        f"{duration(zone_pair_rtt_floor)} over 100 km and back. An assumption for zones near that bound: "
        "measure your own region.",
    ),
    (
        "A round trip's 99th percentile, against its typical figure",
        round_trip_p99_factor,
        f"An assumption: {cross_zone_round_trip_p99} across zones, {in_zone_round_trip_p99} inside one. A busy "
        "moment's queueing is the tail; measure your own region's.",
    ),
    (
        "Timeout on a check",
        check_timeout,
        "Twice the budget, so a dead shard costs a request little; a client library's default is seconds.",
    ),
    (
        "Round trip between regions",
        cross_region_round_trip,
        "California to the Netherlands, from the same talk: " + cite("Dean 2009", "Dean, 2009") + ".",
    ),
    (
        "Regions",
        regions,
        f"Each counts its own clients. [Cloudflare keeps counters per data center]({CLOUDFLARE_COUNTERS}) "
        "and does not share them between locations; this design exchanges them.",
    ),
    (
        "Share of the busy hour that reaches the busiest region",
        largest_region_peak_share,
        "An assumption: the customers' busy hour is their shared working hours, in a few neighboring time zones "
        "nearest one region, which takes half; the other two take the rest. Every region is built to this share, "
        "so no region's size rests on knowing which one is busiest.",
    ),
    (
        "How often regions exchange counts",
        region_sync_interval,
        "Often enough that a client roaming regions gains little.",
    ),
    (
        "Share of checks from clients seen in more than one region",
        shared_check_share,
        "Most clients reach one region, the nearest; a client spread over regions (servers in several, an app "
        "used by travelers) is the exception. An assumption: step 2 prints the share at which the store's "
        "headroom is gone.",
    ),
    (
        "Silent sync intervals before a region splits shared limits",
        silent_intervals_before_split,
        "Long enough not to react to one lost batch nor, at etcd's defaults, to an exchanger's takeover when the "
        "zone lost held etcd's leader too (step 6 computes it); short enough that a cut between regions is not a "
        "free-for-all for minutes. 8 would be shorter than the worst takeover.",
    ),
    (
        "Intervals the exchanger holds a shard's counts its replica has not confirmed, at most",
        held_intervals_max,
        "A few intervals ride out a slow moment of the replica; one still unconfirmed is treated as gone, and the "
        "keys whose counts are dropped are held to each region's share, as in a cut (step 6). Each interval held "
        "adds a second's refill in each other region to a sprayer's overspend.",
    ),
    (
        "Timeout of the exchanger's `WAIT 1` on a shard",
        exchanger_wait_timeout,
        "An assumption: a tenth of the interval. `WAIT 1 0` would block for ever on a dead replica; sent on every "
        "shard's connection in parallel, a silent replica holds back only its own shard's counts, and only for "
        "this long before the exchanger sends the batch without them (step 6).",
    ),
    (
        "Intervals a region's exchanger lease lasts unrenewed",
        exchanger_lease_intervals,
        "The active exchanger renews it every interval; the standby, in another zone, takes it once it runs out. "
        "Long enough not to fail over on one slow renewal, above etcd's shortest lease; at etcd's defaults a "
        "takeover stays within the margin below a cut (step 6).",
    ),
    (
        "etcd's election timeout",
        etcd_election_timeout,
        "etcd's default (`--election-timeout 1000` ms): a follower campaigns after a randomized 1 to 2 "
        "timeouts without its leader, and a new leader extends every lease by one timeout "
        "([`lessor.Promote`](https://github.com/etcd-io/etcd/blob/main/server/lease/lessor.go)).",
    ),
    (
        "How often etcd looks for expired leases",
        etcd_revoke_check_period,
        "The lessor's revoke loop wakes every half second, so a lease is revoked up to this long after it runs out.",
    ),
    (
        "Deadline of the standby's probe of its own etcd node, once a sync interval",
        standby_probe_deadline,
        "`Maintenance.Status` (a serializable `Get` names no leader), answered by the node itself: a live node in the standby's "
        "zone answers in about a millisecond, so 300 ms means gone or stalled. A Status reporting no leader fails "
        "too, counted only past etcd's worst election (step 6).",
    ),
    (
        "Probes a standby fails in a row before it re-points to another zone's etcd node",
        standby_repoint_failed_probes,
        "Three plain failures, so one lost packet or a short stall moves nothing; few enough that its node lost "
        "leaves the region without a standby for seconds (step 6). Counted by the application: grpc-go closes the "
        "transport at the first unanswered ping ([keepalive](https://pkg.go.dev/google.golang.org/grpc/keepalive)).",
    ),
    (
        "gRPC keepalive time of each exchanger's etcd client (`DialKeepAliveTime`)",
        etcd_client_keepalive,
        "Only to drop dead transports, which would otherwise last TCP's minutes: grpc-go raises a keepalive below "
        "10 s to 10 s ([keepalive](https://pkg.go.dev/google.golang.org/grpc/keepalive)), and etcd drops a client "
        "that pings more often than `--grpc-keepalive-min-time`, 5 s "
        "([flags](https://etcd.io/docs/v3.5/op-guide/configuration/)).",
    ),
    (
        "How long a key stays marked shared after the last check away from home or the last report applied",
        shared_mark_ttl,
        "Hours, not seconds like the buckets, so that home does not forget a roaming key between its visits "
        "abroad; during a cut between regions, home's checks also refresh it. One small key per shared API key.",
    ),
    (
        "Least share of a shared key's limit a region keeps in the share state",
        share_floor,
        "The rest is split by each region's share of the key's recent spending, a record every region keeps alike "
        "(step 7): a client that stays keeps most of its limit, one that moves gets the floor. An assumption: a "
        "higher floor serves movers better and stayers worse.",
    ),
    (
        "Clock offset of a store node that raises an alert",
        clock_offset_alert,
        "Far above NTP's usual few milliseconds in a data center, so it fires only on a broken clock; the script "
        "reads the shard's clock, so twice this (a primary and its replica just under it on opposite sides) bounds "
        "what a failover between two clocks can hand out (step 6).",
    ),
    (
        "One runaway client, requests a second",
        flood_requests_per_second,
        "A retry loop with no back-off on a few hundred servers: it happens to every public API.",
    ),
    (
        "Solved challenges verified a second, busiest region at peak",
        challenge_solves_per_second_peak,
        "Subscribers behind listed CGNAT addresses past their address's login or sign-up limit on a busy evening "
        "of a few large carriers. An assumption, kept generous: it sizes only the cap on provider calls.",
    ),
    (
        "Limit a minute of login's and sign-up's rules by address alone (`challenge_cgnat`)",
        challenge_cgnat_limit_per_minute,
        "A login or sign-up every two seconds from one address: more than a home or a small office behind one "
        "address needs, few enough that a bot there tries few accounts. A large corporate or campus NAT can pass "
        "it at the start of a working day, and is handled like a CGNAT address once listed (step 4).",
    ),
    (
        "Burst of those rules",
        challenge_cgnat_burst,
        "A few people behind one address logging in together after an outage.",
    ),
    (
        "Limit a minute of anonymous public reads by address",
        anonymous_limit_per_minute,
        f"Below a key's, so an integration keeps its key; [GitHub gives 60 an hour]({GITHUB_LIMITS}) signed out. "
        "A listed shared address gets `limit_shared` instead (step 3).",
    ),
    (
        "... their burst",
        anonymous_burst,
        "The default burst's 20: here two screens' calls fired together, or one screen retried.",
    ),
    (
        "Headroom of the cap on provider calls over those solves",
        challenge_verify_headroom,
        "Room for solves bunched in one gateway and for a carrier's evening above the estimate; past the cap a "
        "solve is asked to come back with the same token, and is lost once the token expires (300 s on "
        "Turnstile, 120 s on reCAPTCHA; step 3).",
    ),
    (
        "Provider errors in a row that open the verification breaker",
        challenge_breaker_errors,
        "Enough not to trip on one slow call; few enough that a provider outage costs each gateway only a few "
        "second-long timeouts before it stops calling.",
    ),
    (
        "Time the verification breaker stays open",
        challenge_breaker_open,
        "A few seconds: the gateway answers `503` without calling the provider, then lets one call through to test it.",
    ),
    (
        "How long a solved token can be verified",
        challenge_token_validity,
        "Turnstile's 300 s: a client asked to resend the same token after a short `Retry-After` need not solve "
        "again, unless it waits longer than this.",
    ),
    (
        "... on reCAPTCHA",
        challenge_token_validity_recaptcha,
        "reCAPTCHA's tokens are valid for two minutes after issue.",
    ),
    (
        "Price of bytes between zones of a region, US dollars a GB, each way",
        cross_zone_price_per_gb,
        "[AWS's on-demand pricing](https://aws.amazon.com/ec2/pricing/on-demand/) (\"Data Transfer within the "
        'same AWS Region"): charged out of one zone and again into the other (step 5).',
    ),
    (
        "Limit a minute of login's rule by address and account name (`ip_account`)",
        login_account_limit_per_minute,
        "An assumption: a person who mistypes a password a few times stays under it, and one address guessing one "
        "account gets a handful of tries a minute; an exact log (step 6).",
    ),
    (
        "Age of a gateway's range list, behind the rules service's, that raises an alert",
        range_list_stale_alert,
        "The list is rebuilt daily, so this is three rebuilds missed: one missed push or rebuild is not an "
        "incident, a week of them is (step 5).",
    ),
    (
        "Share of a gateway's checks to a shard that time out in a window before its breaker opens",
        store_breaker_failure_share,
        "Half: a dead shard opens it within about half a window, while a stall of tens of milliseconds (Redis's "
        "expiry cycle, a fork, a slow script) times out a few checks of the window and opens nothing (step 7).",
    ),
    (
        "... counted over the last",
        store_breaker_window,
        "A sliding window; a dead shard costs each gateway about half of it at the check's timeout, then the "
        "breaker applies `on_store_down` at once.",
    ),
    (
        "... only once the window holds at least this many checks",
        store_breaker_min_checks,
        "So a gateway that sends the shard a few checks a second, off-peak, is not tripped by two slow ones.",
    ),
    (
        "... below that count, timeouts in a row that open it, none answered for the window",
        store_breaker_timeouts,
        "So a dead shard opens it at any load. Alone it was the first rule: at peak a gateway sends a shard a check "
        "every millisecond or two, so any stall a little over the timeout opened every breaker (step 7).",
    ),
    (
        "Time that breaker stays open before a test check",
        store_breaker_open,
        "Short beside a failover's node timeout, so a shard back is used again within seconds.",
    ),
    (
        "Upper end of a `503`'s `Retry-After`, spread uniformly from one second",
        retry_after_jitter_max,
        "Refused clients come back spread over seconds, not together.",
    ),
    (
        "How often the balancer probes a gateway's readiness",
        readiness_probe_period,
        "An assumption, set as the `interval` of Envoy's active health check of the gateways, tighter than "
        "Kubernetes' default readiness period of 10 s: a gateway is ready only while it reaches a majority of its "
        "region's shard primaries (step 7).",
    ),
    (
        "Time the balancer gives a readiness probe",
        readiness_probe_timeout,
        "An assumption, set as the [`timeout`](https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/core/v3/"
        "health_check.proto) Envoy requires of a health check: the gateway answers from state in memory, in "
        "milliseconds. A probe that gets no answer delays the next by this much; step 7 weighs longer ones.",
    ),
    (
        "Failed probes in a row before the balancer drains a gateway",
        readiness_failure_threshold,
        "Envoy's [active health check](https://www.envoyproxy.io/docs/envoy/latest/intro/arch_overview/upstream/"
        "health_checking) `unhealthy_threshold`: three, Kubernetes' default `failureThreshold`. A gateway not ready "
        "answers `503`, listed in `retriable_statuses` so that it counts like a lost probe, not a drain at once.",
    ),
    (
        "Share of gateways ready below which the balancer ignores the check",
        balancer_panic_threshold,
        "Envoy's default [panic threshold](https://www.envoyproxy.io/docs/envoy/latest/intro/arch_overview/"
        "upstream/load_balancing/panic_threshold): below it, a node sends to every gateway (step 7).",
    ),
    (
        "Time the automation takes to decide on a zonal shift",
        shift_decision_time,
        "An assumption: it reads Envoy's per-gateway `healthy` gauges, scraped every 10 s, wants one zone's "
        "gateways failing and the others passing in two scrapes in a row, so a blip shifts nothing, and "
        "evaluates its rule every 10 s (step 7).",
    ),
    (
        "Time a zonal shift needs to take effect: no new connection to the zone, its addresses out of DNS answers",
        zonal_shift_time,
        "An assumption, from the automation's call until the NLB sends the zone nothing new and no DNS answer names "
        "it: AWS gives no bound. Its [zonal shift](https://docs.aws.amazon.com/r53recovery/latest/dg/"
        "arc-zonal-shift.how-it-works.html) page says DNS and existing connections usually finish within a few "
        "minutes but can take longer.",
    ),
    (
        "TTL of the balancer's addresses in DNS",
        balancer_dns_ttl,
        "[Elastic Load Balancing's](https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/"
        "how-elastic-load-balancing-works.html), the NLB's in front of Envoy included. A [zonal shift]"
        "(https://docs.aws.amazon.com/elasticloadbalancing/latest/network/zonal-shift.html) withdraws a zone's "
        "address from DNS; a client on a cached answer may try it until the answer expires, and fails to connect.",
    ),
    (
        "Interval of the NLB's health checks of the Envoy nodes",
        nlb_health_check_interval,
        "Below AWS's 30 s default ([health checks](https://docs.aws.amazon.com/elasticloadbalancing/latest/"
        "network/target-group-health-checks.html)): a lost zone leaves DNS sooner (step 7).",
    ),
    (
        "... failed checks in a row before a node is unhealthy",
        nlb_unhealthy_threshold,
        "AWS's default `UnhealthyThresholdCount`, the same page.",
    ),
    (
        "... time a check waits for its answer",
        nlb_health_check_timeout,
        "AWS's default for an HTTP check (step 7), the same page.",
    ),
    (
        "Longest a client's connection to the balancer lasts",
        client_connection_max_life,
        "An assumption, set as Envoy's [`max_connection_duration`](https://www.envoyproxy.io/docs/envoy/latest/"
        "api-v3/config/core/v3/protocol.proto#envoy-v3-api-field-config-core-v3-httpprotocoloptions-max-"
        "connection-duration) (unset, no limit): Envoy drains a connection that old and the client reconnects "
        "through a fresh DNS answer, which takes connections off a zone shifted away. Cost: a handshake (step 1).",
    ),
    (
        "Grace period while Envoy drains a connection",
        client_connection_drain_timeout,
        "Envoy's default [`drain_timeout`](https://www.envoyproxy.io/docs/envoy/latest/api-v3/extensions/filters/"
        "network/http_connection_manager/v3/http_connection_manager.proto): between its first GOAWAY and the "
        "last it still takes new requests on the connection, so a connection lasts this much longer (step 7).",
    ),
    (
        "Interval of the balancer's HTTP/2 PINGs to a gateway",
        balancer_keepalive_interval,
        "An assumption, set as Envoy's [`connection_keepalive`](https://www.envoyproxy.io/docs/envoy/latest/"
        "api-v3/config/core/v3/protocol.proto) on its HTTP/2 connections to the gateways: a dead connection is "
        "closed within seconds, without waiting for the health check (step 7).",
    ),
    (
        "... jitter added to the interval, at most",
        balancer_keepalive_jitter,
        "Envoy's default `interval_jitter`.",
    ),
    (
        "... time a PING waits for its answer before the connection is closed",
        balancer_keepalive_timeout,
        "An assumption at the short end (Envoy requires it and sets no default): a round trip in the region takes "
        "milliseconds, and Envoy restarts the timeout on [any frame "
        "received](https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/core/v3/protocol.proto). Step 7 weighs "
        f"{alternative_balancer_keepalive_timeout}.",
    ),
    (
        "Retries of a request whose connect to a gateway failed",
        balancer_connect_retries,
        "An assumption, set with Envoy's [`retry_on: connect-failure,reset-before-request`](https://www.envoyproxy.io/"
        "docs/envoy/latest/configuration/http/http_filters/router_filter#x-envoy-retry-on) on the one route (one retry "
        "by default), each on a gateway not yet tried: safe for every method, since the request reached no gateway. "
        "Each cuts what a zone cut fails, and adds a timeout and a back-off (step 7).",
    ),
    (
        "Connect timeout from the balancer to a gateway",
        balancer_connect_timeout,
        "An assumption, set as Envoy's [`connect_timeout`](https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/"
        "cluster/v3/cluster.proto) (5 s by default). A connect inside the region takes milliseconds, so this fails "
        "only an unreachable gateway, and a partition, which drops packets, costs each try this instead of 5 s.",
    ),
    (
        "Base of the balancer's back-off between retries",
        balancer_retry_backoff_base,
        "[Envoy's default](https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/"
        "router_filter#x-envoy-max-retries): the nth retry waits a random time below (2^n - 1) × the base.",
    ),
    (
        "... capped at",
        balancer_retry_backoff_max,
        "Envoy's default, ten times the base.",
    ),
    (
        "`min-replicas-max-lag`, Redis's default",
        redis_min_replicas_max_lag,
        f"With [`min-replicas-to-write`]({REDIS_CONF}) set, a primary refuses writes once no replica has "
        "acknowledged it for this long; weighed and turned down in step 7.",
    ),
    (
        "Time before a replica takes over, at least",
        failover_time,
        f"Redis Cluster's default node timeout, [`cluster-node-timeout 15000`]({REDIS_CONF}) ms: a primary "
        "silent that long is marked failed, and a replica is elected a second or two later.",
    ),
]

# Step 2 prints the rows its sizing uses (traffic, the policy, bytes, the store, gateways and the balancer,
# latency, regions); every other row, the failures and details argued on steps 3 to 7 (etcd, Envoy, the
# zonal shift, breakers, challenges), goes in LATER_TABLE, which rate_limiter_assumptions_later.py prints
# in a folded block below it. A row added to TABLE goes there unless its value is listed here.
_SIZING = (
    api_requests_per_day,
    active_clients_per_day,
    peak_to_average,
    limit_per_minute,
    burst_allowance,
    window_seconds,
    large_plan_limit_per_minute,
    large_plan_burst_share,
    key_bytes,
    timestamp_bytes,
    token_count_bytes,
    state_field_bytes,
    region_id_bytes,
    lease_epoch_bytes,
    batch_number_bytes,
    entry_overhead_bytes,
    ip_range_entries,
    ip_range_entry_bytes,
    zset_max_listpack_entries,
    sorted_set_listpack_entry_bytes,
    sorted_set_skiplist_entry_bytes,
    kv_gets_per_process,
    script_cost_in_gets,
    shard_target_utilization,
    store_copies,
    zones,
    gateway_cpu_per_request,
    gateway_requests_per_server,
    balancer_cpu_per_request,
    api_bytes_per_request,
    token_batch,
    split_simulation_load,
    added_latency_budget,
    in_zone_round_trip,
    cross_zone_round_trip,
    round_trip_p99_factor,
    check_timeout,
    cross_region_round_trip,
    regions,
    largest_region_peak_share,
    region_sync_interval,
    shared_check_share,
    flood_requests_per_second,
    failover_time,
    cross_zone_price_per_gb,
    login_account_limit_per_minute,
    challenge_cgnat_limit_per_minute,
    challenge_cgnat_burst,
    anonymous_limit_per_minute,
    anonymous_burst,
)


def _sizing(row: tuple) -> bool:
    return isinstance(row[1], str) or any(row[1] is value for value in _SIZING)  # the hash slots' count is text


SIZING_TABLE = [row for row in TABLE if _sizing(row)]
LATER_TABLE = [row for row in TABLE if not _sizing(row)]
HEADER = ("Assumption", "Value", "Why")

# Other snippets import this module for its values; run on its own (or by the docs build),
# it prints step 2's table.
if __name__ != "rate_limiter_assumptions":
    print(markdown_table(HEADER, SIZING_TABLE))
