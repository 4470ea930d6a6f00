"""URL shortener worked example: error budgets, and what losing a part or a viral link costs."""

import math

from reference_capacity import kafka_broker_session_timeout, kafka_replica_lag_max
from url_shortener_api import (
    outbox_rows_per_day,
    outbox_store_bytes,
    rate_limit_ops_per_unknown_key,
    rate_limit_script_cost,
    unknown_key_checks_peak,
    unknown_key_edge_ttl,
)
from url_shortener_assumptions import (
    analytics_inserts_per_second,
    cache_ops_per_server,
    cache_warm_rate,
    cdn_cache_tiers,
    click_events_per_stream_server,
    cold_reads_per_database_server,
    count_freshness_share,
    count_freshness_target,
    count_queries_per_analytics_server,
    create_availability_target,
    edge_copy_life_max,
    edge_function_price_per_million,
    edge_locations,
    edge_log_line_bytes,
    edge_realtime_log_price_per_million,
    edge_ttl,
    event_log_broker_network,
    heartbeat_publishers_per_zone,
    invalidation_free_paths_per_month,
    invalidation_price_per_path,
    link_copies,
    link_event_heartbeat_interval,
    link_event_lag_limit,
    list_page_links,
    outage_for_backlog,
    outbox_row_bytes,
    outbox_sweep_last_read,
    peak_to_average,
    redirect_availability_target,
    regional_edge_caches,
    requests_per_server,
    slo_window,
    status_changes_per_day,
    stream_advantage_commitment,
    stream_advantage_discount,
    stream_on_demand_jump,
    stream_on_demand_record_unit,
    stream_put_unit_bytes,
    stream_put_unit_price_per_million,
    stream_shard_buffer,
    stream_shard_hour_price,
    stream_shard_write_bytes,
    stream_shard_write_records,
    stream_standard_ingest_price_per_gb,
    stream_standard_retrieval_price_per_gb,
    takedown_budget,
    takedown_share_of_status_changes,
    takedown_slowest,
    zones,
)
from url_shortener_cache import (
    cache_entry_bytes,
    filler_reads_peak,
    shared_cache_bytes_per_zone,
    shared_cache_misses_peak,
    shared_cache_reads_peak,
    store_reads_peak,
)
from url_shortener_deletion import account_end_pace, account_ends_per_day_max
from url_shortener_partitioning import (
    batchlog_writes_per_batch,
    link_disk_left,
    log_partitions,
    replica_writes_per_create,
)
from url_shortener_servers import (
    analytics_db_servers,
    analytics_server_queries_per_query,
    analytics_shards_per_zone,
    condition_reads_peak,
    event_log_servers_for_disk,
    link_db_servers,
    list_link_reads_peak,
    paxos_state_reads_zone_lost_peak,
    redirect_servers,
    redirect_zone_even_share_peak,
    stream_servers,
    stream_zone_lost_server_down_capacity,
    zone_dns_failover_healthy_targets,
)
from url_shortener_storage import quorum_replicas
from url_shortener_traffic import (
    count_queries_per_second_peak,
    creations_per_second_peak,
    redirects_per_day,
    redirects_per_second,
    redirects_per_second_peak,
    viral_hits_per_second,
    zone_headroom,
)

from sdw.estimation import (
    GB,
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_MINUTE,
    SECONDS_PER_MONTH,
    SECONDS_PER_YEAR,
    MiB,
    Quantity,
    bandwidth,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    size,
    throughput,
    times,
)

# Error budget for redirects, as a share, as downtime and as failed redirects per window.
error_budget_share = fraction(1 - redirect_availability_target)
error_budget_downtime = duration(error_budget_share * slo_window)
failed_redirects_allowed = count(redirects_per_second * slo_window * error_budget_share)
# Burn-rate pages (Google SRE workbook): 2% of the budget in an hour, 5% in six hours; a ticket when
# 10% goes in three days. Each long window is paired with a short one a twelfth as long.
fast_burn_rate = times(0.02 * slo_window / SECONDS_PER_HOUR)
slow_burn_rate = times(0.05 * slo_window / (6 * SECONDS_PER_HOUR))
ticket_burn_rate = times(0.10 * slo_window / (3 * SECONDS_PER_DAY))
fast_burn_error_share = fraction(fast_burn_rate * error_budget_share)
slow_burn_error_share = fraction(slow_burn_rate * error_budget_share)
ticket_burn_error_share = fraction(ticket_burn_rate * error_budget_share)
fast_burn_short_window = duration(SECONDS_PER_HOUR / 12)
slow_burn_short_window = duration(6 * SECONDS_PER_HOUR / 12)
ticket_burn_short_window = duration(3 * SECONDS_PER_DAY / 12)
# At a burn rate of 1 the whole budget lasts exactly the window.
ticket_budget_gone_in = duration(slo_window / ticket_burn_rate)
# The same burn rates on creation's budget, and on the freshness target's: its budget is the share
# of clicks counted later than a minute, measured end to end by the prober's canary clicks (step 7).
create_error_budget_share = fraction(1 - create_availability_target)
create_fast_burn_error_share = fraction(fast_burn_rate * create_error_budget_share)
create_slow_burn_error_share = fraction(slow_burn_rate * create_error_budget_share)
freshness_budget_share = fraction(1 - count_freshness_share)
freshness_fast_burn_late_share = fraction(fast_burn_rate * freshness_budget_share)
freshness_slow_burn_late_share = fraction(slow_burn_rate * freshness_budget_share)
# The prober (step 7) follows each canary link every minute from several regions, and pages after this
# many failures in a row, so one probe lost on the internet does not page.
probe_interval = duration(SECONDS_PER_MINUTE)
probe_failures_to_page = count(3)
probe_page_after = duration(probe_interval * probe_failures_to_page)
# A canary click is late once the stats API does not count it a freshness target after the click,
# so a stall anywhere between the edge and the analytics store pages when the third canary in a row
# is found late: two intervals after the first, plus the target. A stall can begin just after a
# canary's click, so from the stall's start add up to one more interval before the first it delays.
stalled_pipeline_pages_after = duration(probe_interval * (probe_failures_to_page - 1) + count_freshness_target)
stalled_pipeline_pages_after_stall = duration(probe_interval + stalled_pipeline_pages_after)
# The consistency probe creates a canary on a create server of every zone each interval and follows
# it in every zone, each request sent from inside the region straight to that zone's servers, not
# through the edge (which picks a zone by DNS and its warm connections), and counts failures per zone
# (a canary failing everywhere against the zone that created it): a fault in one zone fails that
# zone's probes every interval, so it pages within probe_page_after of its start. Each probe region
# also creates one canary an interval through the public API, edge and load balancer included.
# Each canary expires after a day, so the canaries standing stay few; unexpired, a year would leave
# a zone's share of canaries for every minute of it.
canaries_per_probe = count(zones)
canary_ttl = duration(SECONDS_PER_DAY)
canaries_standing = count(canaries_per_probe * canary_ttl / probe_interval)
canaries_per_year_unexpired = count(canaries_per_probe * SECONDS_PER_YEAR / probe_interval)
public_canaries_standing_per_region = count(canary_ttl / probe_interval)

# A redirect server that fails fast (answers every request at once with an error) always has the
# fewest requests in flight, so the load balancer's least outstanding requests sends it nearly all of
# its zone's redirects (cross-zone load balancing is off for the redirect servers' group), and that
# algorithm has no outlier ejection: the server's health check, which fails once its error rate is
# well above the other redirect servers' (an outlier test), is what takes it out. The check reads both
# rates from the metrics system, over the same window, so a shared outage raises both together; a
# failure then shows in them only after the metrics' lag, and the check takes the server out
# interval x threshold after that. Bounded here by the zone's whole even share at peak, every request
# failing.
# An assumption, the metrics' lag: the metrics system scrapes each server every 15 s and a recording
# rule computes each server's and the fleet's error rate over the last two samples (irate over 30 s)
# every 15 s (the intervals of Prometheus's example configuration, and of the SLO concept pages), so a
# failure that starts just after a scrape is in both rates one scrape and one evaluation later, at
# worst. Figures older than two evaluation intervals count as stale and the check passes, so the
# detection below holds while the metrics are fresh.
metrics_scrape_interval = duration(15)
metrics_rule_interval = duration(15)
health_metrics_lag = duration(metrics_scrape_interval + metrics_rule_interval)
# Step 6 sets the redirect servers' target group to ALB's
# shortest interval and fewest failures; ALB's defaults are shown beside it. (ALB target group health
# checks: interval 5-300 s, default 30; unhealthy threshold 2-10, default 2; the check's timeout, 2 s
# at least, must be shorter than the interval, and a server that answers at once never makes a check
# wait it out; docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html.)
# The check never waits on the metrics system: each server fetches both rates in the background
# every second, with a deadline of a second, and the check answers from that copy; a fetch that fails
# or misses its deadline counts as missing, so the check passes. The fetch adds up to its interval to
# the lag (its query's own time, like the scrape's and the rule's, is left out).
health_rates_fetch_interval = duration(1)
health_rates_fetch_deadline = duration(1)
health_check_interval = duration(5)
health_check_threshold = count(2)
health_check_detection = duration(
    health_metrics_lag + health_rates_fetch_interval + health_check_interval * health_check_threshold
)
health_check_timeout = duration(2)
assert health_check_timeout < health_check_interval
alb_default_interval = duration(30)
alb_default_threshold = count(2)
alb_default_detection = duration(
    health_metrics_lag + health_rates_fetch_interval + alb_default_interval * alb_default_threshold
)
fast_failing_redirects_lost = count(redirect_zone_even_share_peak * health_check_detection)
fast_failing_budget_share = fraction(fast_failing_redirects_lost / failed_redirects_allowed)
# The decision's limit: fast failures more than twice a month, the budget share of two of them.
fast_failures_tolerated = count(2)
fast_failing_tolerated_budget_share = fraction(fast_failures_tolerated * fast_failing_budget_share)
# The next lever before changing the algorithm: scrape and evaluate these series every 5 s, so the
# lag is one 5 s scrape plus one 5 s evaluation.
metrics_fast_interval = duration(5)
health_metrics_lag_fast = duration(metrics_fast_interval + metrics_fast_interval)
health_check_detection_fast = duration(
    health_metrics_lag_fast + health_rates_fetch_interval + health_check_interval * health_check_threshold
)
fast_failing_redirects_lost_fast = count(redirect_zone_even_share_peak * health_check_detection_fast)
fast_failing_budget_share_fast = fraction(fast_failing_redirects_lost_fast / failed_redirects_allowed)
# The metrics system down: the checks pass, and a fast-failing server keeps drawing its zone's
# redirects until the on-call, paged by the watchdog alert's silence, takes it out by hand.
metrics_down_redirects_lost_per_minute = count(redirect_zone_even_share_peak * duration(60))
metrics_down_budget_share_per_minute = fraction(metrics_down_redirects_lost_per_minute / failed_redirects_allowed)
# Envoy's success-rate rule takes a server out when its success rate is below the servers' mean by
# more than success_rate_stdev_factor (1900, read as 1.9) standard deviations. With a share p of the
# servers at an error rate e and the rest at none, the mean is 1 - p e and the deviation
# e sqrt(p (1 - p)), so those servers fall below the bar while 1 > p + 1.9 sqrt(p (1 - p)), that is
# while p < 1 / (1 + 1.9^2): a few that look worse for one evaluation can go out, and the rule spares
# them once this share of the servers looks worse.
outlier_stdev_factor = 1.9
outlier_spared_share = fraction(1 / (1 + outlier_stdev_factor**2))
# A whole zone failing with its servers alive (a bad build, deployed a zone at a time, or the zone's
# path to the store): failing at once, it is a third of the servers, past that share, so once all its
# servers' errors show the check takes none out (staggered scrapes can take out up to its cap first,
# for one evaluation); failing one server after another (a rolling deploy), the check stops at its cap,
# as Envoy's max_ejection_percent (10%) does, passing once that share of the servers is out; it takes
# one out while fewer are, so the count out rounds up. Either way the zone keeps the rest in, not
# below its DNS failover count, so DNS keeps sending it its even share, and every one of those
# redirects fails.
outlier_max_out_share = fraction(0.10)
outlier_max_out = count(math.ceil(redirect_servers * outlier_max_out_share))
assert 1 / zones > outlier_spared_share
zone_failing_servers_in = count(redirect_servers / zones - outlier_max_out)
assert zone_failing_servers_in >= zone_dns_failover_healthy_targets
zone_failing_redirects_lost_per_minute = count(redirect_zone_even_share_peak * SECONDS_PER_MINUTE)
zone_failing_budget_share_per_minute = fraction(zone_failing_redirects_lost_per_minute / failed_redirects_allowed)
zone_failing_budget_gone_in = duration(failed_redirects_allowed / redirect_zone_even_share_peak)
# Until the prober's per-zone page, before anyone starts a rollback.
zone_failing_lost_before_probe_page = count(redirect_zone_even_share_peak * probe_page_after)
zone_failing_budget_share_before_probe_page = fraction(zone_failing_lost_before_probe_page / failed_redirects_allowed)
# Assumptions for the drains step 6 weighs. A CloudWatch alarm for each zone, from the load balancer's
# per-zone metrics, compares the zone's 5xx share with the other two zones' mean (metric math) and
# fires after one 60 s period when the zone's share is above this multiple of that mean and above a
# floor, so an outage every zone shares (the link store's) fires none. Each zone's 5xx count is
# filled with 0 (FILL(m, 0)), since the load balancer reports it only when it is not zero, and the
# alarm treats missing data (a shifted zone has no traffic) as not breaching. The deploy's canary
# alarm uses the same two bars on the new launch template version's error rate against the previous
# version's, which the servers publish to CloudWatch with their version as a dimension (the load
# balancer's metrics have no per-server dimension, and the refresh fixes its alarms before the canary
# exists), and also fires when a server of the new version fails its health check. The load balancer's DNS name
# has a 60 s TTL, so resolvers (the CDN's among them) keep a drained zone's addresses up to that long. Its
# HTTP client keepalive (client_keep_alive.seconds: an hour by default, 60 s at the least) is set to the
# least: it closes every client connection, the CDN's warm ones too, that long after it opened, so one
# opened to a drained zone's node just before a resolver drops its address lasts that much longer.
zone_error_alarm_window = duration(SECONDS_PER_MINUTE)
zone_alarm_over_others = times(3)
zone_alarm_floor = fraction(0.01)
alb_dns_ttl = duration(60)
alb_client_keep_alive = duration(60)
# An ARC zonal shift started by that alarm (only when exactly one zone alarms and no zone is already
# out, by DNS failover or a shift) takes the zone's addresses out of the name at once. The drain is a
# floor: it leaves out the metrics' delay before the alarm and the hop from the alarm to the shift.
# ARC requires every shift to expire (at most 72 h when started); the plumbing sets an hour and pages
# the on-call when it starts a shift. Until the on-call ends the shift, a scheduled run of the function
# extends it (UpdateZonalShift) while the prober's per-zone probes, sent straight to the zone's
# servers, not through the edge, still fail.
zonal_shift_drain = duration(zone_error_alarm_window + alb_dns_ttl + alb_client_keep_alive)
zonal_shift_expiry = duration(SECONDS_PER_HOUR)
zonal_shift_redirects_lost = count(redirect_zone_even_share_peak * zonal_shift_drain)
zonal_shift_budget_share = fraction(zonal_shift_redirects_lost / failed_redirects_allowed)
# A zone-level outlier test in the health check: every server of the zone fails it once the metrics
# show the errors and the checks count, the zone drops below its DNS failover count, the TTL runs, and
# the connections opened before it close.
zone_outlier_drain = duration(health_check_detection + alb_dns_ttl + alb_client_keep_alive)
zone_outlier_redirects_lost = count(redirect_zone_even_share_peak * zone_outlier_drain)
zone_outlier_budget_share = fraction(zone_outlier_redirects_lost / failed_redirects_allowed)
# Whole such failures the month's budget covers, if nothing else failed.
fast_failing_per_budget = count(math.floor(failed_redirects_allowed / fast_failing_redirects_lost))
alb_default_redirects_lost = count(redirect_zone_even_share_peak * alb_default_detection)
alb_default_budget_share = fraction(alb_default_redirects_lost / failed_redirects_allowed)
# The algorithms weighed in step 6. Round robin or weighted random (with or without ALB's automatic
# target weights) give a fast-failing server only its even part of the zone's redirects, so until its
# check takes it out it fails at most that part: an upper bound, since automatic target weights move
# traffic off a server returning errors sooner. They give a slow server the same part, whatever its
# slowness, as a share of all the origin's redirects, against the p99's 1% (least outstanding
# requests sends it fewer as its requests pile up).
fast_failing_redirects_lost_even = count(
    redirect_zone_even_share_peak / (redirect_servers / zones) * health_check_detection
)
fast_failing_even_budget_share = fraction(fast_failing_redirects_lost_even / failed_redirects_allowed)
slow_server_share_even = fraction(1 / redirect_servers)
# With the figures stale the check passes, so the on-call, paged, switches the target group by the
# runbook to weighted random with automatic target weights until they are fresh (step 7): from the
# switch a fast-failing server gets only its even part, an upper bound a minute (the weights move
# traffic off it sooner); until the switch it costs metrics_down_redirects_lost_per_minute. The
# price is a slow server's even part, slow_server_share_even.
stale_metrics_even_redirects_lost_per_minute = count(
    redirect_zone_even_share_peak / (redirect_servers / zones) * SECONDS_PER_MINUTE
)
stale_metrics_even_budget_share_per_minute = fraction(
    stale_metrics_even_redirects_lost_per_minute / failed_redirects_allowed
)

# Every shared cache lost at peak: the in-process caches still answer their share, the rest (the
# shared tier's own reads) go to the link store, which was sized for disk and has reads to spare.
# Each quorum read costs two replica reads. The capacity is the worst case, what the servers of two zones can read
# with the third zone down, every read priced as a cold one (beyond the block cache), though the hot
# links among them would be cached; both shares below are of that. The cache filler's read of each
# new link (url_shortener_cache), the conditional writes' condition reads and their Paxos-state reads,
# and the list pages' link reads (url_shortener_servers) go on either way, and are counted in both.
# The state reads are replica reads already, those of the two zones' replicas left
# (paxos_state_reads_zone_lost_peak), priced as cold reads like the rest.
cold_cache_database_reads = peak(
    shared_cache_reads_peak + filler_reads_peak + condition_reads_peak + list_link_reads_peak
)
database_read_capacity = throughput(link_db_servers * cold_reads_per_database_server * (zones - 1) / zones)
cold_cache_database_load = fraction(
    (cold_cache_database_reads * quorum_replicas + paxos_state_reads_zone_lost_peak) / database_read_capacity
)
normal_database_load = fraction(
    (
        (store_reads_peak + condition_reads_peak + list_link_reads_peak) * quorum_replicas
        + paxos_state_reads_zone_lost_peak
    )
    / database_read_capacity
)
# One zone's cache primary dead and not yet replaced (Sentinel's detection, then the promotion): its
# redirect servers' breakers open after a few failed reads, and the zone's shared-cache hits go to the
# store too, on top of the usual misses, the filler's reads, the conditional writes' reads and the
# list pages' reads. Priced
# with a zone down, as the store's capacity is: the open breakers are in one of the two zones left,
# which then carries half the shared-cache hits.
zone_cache_down_database_reads = peak(
    store_reads_peak
    + condition_reads_peak
    + list_link_reads_peak
    + (shared_cache_reads_peak - shared_cache_misses_peak) / (zones - 1)
)
zone_cache_down_database_load = fraction(
    (zone_cache_down_database_reads * quorum_replicas + paxos_state_reads_zone_lost_peak) / database_read_capacity
)
# A bulk refill comes only once no cache is left to copy, beside every cache's misses (the cold load),
# so it reads at the fixed rate or this share of what the store has spare beside them, the less: a
# smaller store (fewer links, a shorter horizon) slows the refill instead of overloading the store.
cache_refill_spare_share = fraction(0.75)
cache_refill_rate = per_second(
    min(
        cache_warm_rate,
        cache_refill_spare_share * (1 - cold_cache_database_load) * database_read_capacity / quorum_replicas,
    )
)
cache_refill_load = fraction(cache_refill_rate * quorum_replicas / database_read_capacity)
# One refill fits (step 7); whether two at once would is printed, not asserted: one zone refills at a
# time either way, and the others copy it.
cold_cache_one_refill_load = fraction(cold_cache_database_load + cache_refill_load)
cold_cache_two_refills_load = fraction(cold_cache_database_load + 2 * cache_refill_load)
assert cold_cache_one_refill_load < 1
two_refills_verdict = "past what it can read" if cold_cache_two_refills_load > 1 else "within what it can read"
cache_refill_time = duration(shared_cache_bytes_per_zone / cache_entry_bytes / cache_refill_rate)

# A viral link: against the whole redirect fleet without the edge, and what the origin sees with it.
# Its minute is the link's clicks on top of the busy hour's redirects, as in the click pipeline below.
redirect_fleet_capacity = throughput(redirect_servers * requests_per_server)
viral_click_rate = peak(redirects_per_second_peak + viral_hits_per_second)
viral_over_fleet = times(viral_click_rate / redirect_fleet_capacity)
# A location sends the origin's way one request for all its simultaneous misses of a key, through its
# regional edge cache, which keeps the answer the same minute: so about one request per regional cache
# per minute reaches the origin. Not a strict bound (a regional cache is many servers, and a location
# may skip it), so the page gives beside it the case of one request per location per minute.
viral_origin_requests_with_edge = per_second(regional_edge_caches / edge_ttl)
viral_origin_requests_per_location = per_second(edge_locations / edge_ttl)
# Why a legal removal is answered with a 403 (kept at the edge) and not a 451, and an ended link with a
# 404 and not a 410 (CloudFront keeps neither): with either, a viral minute's whole crowd would reach
# the redirect fleet on top of the day's peak (viral_click_rate), and all it cannot answer would be shed
# as 503s, failed redirects.
uncached_451_minute_failed = count((viral_click_rate - redirect_fleet_capacity) * SECONDS_PER_MINUTE)
uncached_451_minute_budget = times(uncached_451_minute_failed / failed_redirects_allowed)
assert uncached_451_minute_budget > 1
# Unknown keys' 404s: the edge keeps one only a few seconds, so nearly every one reaches the redirect
# servers, as the fleet's sizing already counts them: unknown_key_checks_peak.
unknown_key_404s_fleet_share = fraction(unknown_key_checks_peak / redirect_fleet_capacity)
# A viral crowd on a key that does not exist (a truncated link, a misprinted code). Were its 404 never
# kept, the crowd would reach the fleet as an uncached 451 would (above), and each 404 the fleet
# answers would run the unknown-key scripts in the rate-limit store's one process: at least what the
# fleet has left beside the day's peak (more if it sheds in proportion, not the hottest key first).
# Kept at the edge, the origin sees about one request per regional cache per lifetime.
absent_viral_answered_min = peak(min(viral_hits_per_second, redirect_fleet_capacity - redirects_per_second_peak))
unknown_key_check_cost = rate_limit_ops_per_unknown_key * rate_limit_script_cost / cache_ops_per_server
absent_viral_store_load_unkept = times(absent_viral_answered_min * unknown_key_check_cost)
absent_viral_origin_requests = per_second(regional_edge_caches / unknown_key_edge_ttl)
absent_viral_origin_requests_per_location = per_second(edge_locations / unknown_key_edge_ttl)
absent_viral_store_load_edge = fraction(absent_viral_origin_requests * unknown_key_check_cost)
# Edge invalidations, priced past the month's free paths, for the options step 6 weighs: a path for
# every status change, or for the takedowns alone (the 403s of review and of legal orders; owners'
# changes then wait out the edge's lifetime).
invalidation_all_paths_per_month = count(status_changes_per_day * SECONDS_PER_MONTH / SECONDS_PER_DAY)
invalidation_all_cost_per_month = count(
    max(0.0, invalidation_all_paths_per_month - invalidation_free_paths_per_month) * invalidation_price_per_path
)
invalidation_paths_per_month = count(invalidation_all_paths_per_month * takedown_share_of_status_changes)
invalidation_cost_per_month = count(
    max(0.0, invalidation_paths_per_month - invalidation_free_paths_per_month) * invalidation_price_per_path
)
invalidation_saving_per_month = count(invalidation_all_cost_per_month - invalidation_cost_per_month)
# The edge function that lower-cases an alias's path (step 6) runs on every request the edge gets,
# hits included: a month of redirects at the average rate.
edge_function_runs_per_month = count(redirects_per_second * SECONDS_PER_MONTH)
edge_function_cost_per_month = count(edge_function_runs_per_month / 1e6 * edge_function_price_per_million)
# The standing costs of the domain's addresses and of the fallback for a CDN-wide outage (step 7), at
# US East list prices. CloudFront's Anycast static IP list is billed by the month whether used or not,
# $3,000 (https://aws.amazon.com/cloudfront/pricing/; also
# https://blog.han.life/posts/2025/2025-10-09-cloudfront-anycastp-ip), the three-address list for an
# apex included. The Global Accelerator kept standing costs a fixed $0.025 an hour
# (https://aws.amazon.com/global-accelerator/pricing/), its data-transfer premium only while used.
# An LCU reservation is billed at the load balancer's LCU-hour price, $0.008, whether used or not
# (https://aws.amazon.com/elasticloadbalancing/pricing/; "You will continue to incur charges for any
# reserved ... capacity",
# https://docs.aws.amazon.com/elasticloadbalancing/latest/application/request-capacity-unit-reservation.html),
# and an LCU covers 25 new connections a second, the dimension a redirect that opens its own TLS
# connection uses most.
static_ip_list_price_per_month = count(3000)
accelerator_price_per_hour = count(0.025)
lcu_price_per_hour = count(0.008)
lcu_new_connections_per_second = throughput(25)
HOURS_PER_MONTH = SECONDS_PER_MONTH / SECONDS_PER_HOUR
accelerator_cost_per_month = count(accelerator_price_per_hour * HOURS_PER_MONTH)
# The apex's records carry a short TTL in both providers, so the switch to the accelerator and back
# takes minutes. The switch back keeps the load balancer open to requests without the edge's header
# for an hour after the records move, many TTLs, for resolvers that keep an answer past its TTL.
apex_record_ttl = duration(300)
fallback_close_delay = duration(SECONDS_PER_HOUR)


def lcu_reservation(rate: float) -> tuple[Quantity, Quantity]:
    """The LCUs to reserve for `rate` redirects a second, each a new connection, and their monthly bill."""
    lcus = math.ceil(rate / lcu_new_connections_per_second)
    return count(lcus), count(lcus * lcu_price_per_hour * HOURS_PER_MONTH)


# The options step 7 weighs: the whole peak's handshakes reserved, or the average second's, raised to
# the peak at the switch (increases are usually fulfilled within minutes, at worst hours).
fallback_lcus_peak, fallback_lcu_cost_peak = lcu_reservation(redirects_per_second_peak)
fallback_lcus_average, fallback_lcu_cost_average = lcu_reservation(redirects_per_second)
fallback_lcu_saving = count(fallback_lcu_cost_peak - fallback_lcu_cost_average)
# What the average's reservation leaves waiting when the switch comes in the busy hour.
fallback_unreserved_share_peak = fraction(1 - fallback_lcus_average / fallback_lcus_peak)
dns_standing_cost_per_month = count(
    static_ip_list_price_per_month + accelerator_cost_per_month + fallback_lcu_cost_average
)

# CloudFront takes at most 3,000 named paths in progress per distribution, and refuses more
# (docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/InvalidationLimits.html). At the average
# rate, a path a takedown, each invalidation would have to stay in progress this long to fill it.
invalidation_paths_in_progress_max = count(3000)
invalidation_paths_per_second = per_second(status_changes_per_day * takedown_share_of_status_changes / SECONDS_PER_DAY)
invalidation_time_to_fill = duration(invalidation_paths_in_progress_max / invalidation_paths_per_second)

# The slowest takedown the design's own delays allow, while the event log takes writes: the service
# crashes before publishing, so the outbox sweeper publishes "link changed" at its read of the minute-old
# partition (step 4); a redirect server just under its lag limit still answers the old 302 from its
# in-process cache until then; and the edge that refilled from it at that moment keeps the 302 for up
# to two edge TTLs (a regional cache's copy, then a location's: edge_copy_life_max). The purger's lag
# is not on the path: a server that has read the event treats an entry in its zone's cache read before
# its purge as a miss, and a server past its lag limit reads the store, bypassing its zone's cache
# (step 6; url_shortener_partitioning.lag_fallback_load_per_server). The sum is outbox_sweep_last_read
# + link_event_lag_limit + edge_copy_life_max, in url_shortener_assumptions (step 2 prints it).
takedown_slowest_share = fraction(takedown_slowest / takedown_budget)
assert takedown_slowest < takedown_budget
# That path needs the sweeper running, and nothing else stops when it stops (the heartbeats have their
# own publishers), so a checker apart from it pages when an outbox row older than the sweeper's last
# read plus a margin (design choice: a minute, for a slow pass) is neither marked sent nor waiting in
# the retry table (step 7).
outbox_unsent_page_margin = duration(SECONDS_PER_MINUTE)
outbox_unsent_page_age = duration(outbox_sweep_last_read + outbox_unsent_page_margin)
# The event log refusing writes (or unreachable): the "link changed" event waits in the outbox, and
# no purge runs, but the heartbeats stop too, so every redirect server passes its lag limit within
# a heartbeat and the limit of the refusal's start, which is no later than the disable, and reads the
# store, which holds the disable; a regional cache and then a location that refilled just before keep
# the 302 for up to two TTLs.
# After the log is back, the bound still holds: each heartbeat is stamped no later than the second of
# the oldest status change still in its own retry table (step 4), so a server's lag stays past the
# limit until every change the log refused has been published and read.
takedown_log_refusing = duration(link_event_heartbeat_interval + link_event_lag_limit + edge_copy_life_max)
assert takedown_log_refusing < takedown_slowest
# What an hour's refusal at peak leaves in the outbox's two retry tables: the status changes (a guess,
# url_shortener_assumptions.status_changes_per_day, at the traffic's peak-to-average), in a table of
# their own, retried first, beside the creations' events.
status_retry_rows_hour_outage_peak = count(
    status_changes_per_day * peak_to_average * SECONDS_PER_HOUR / SECONDS_PER_DAY
)
creation_retry_rows_hour_outage_peak = count(creations_per_second_peak * SECONDS_PER_HOUR)
# The status changes' retry table in a keyspace of its own, with three replicas in each zone (each zone
# a data center of the store, so the count per zone is kept), read and written at a quorum of the
# nine: a zone lost and one more of a range's servers down leave it a quorum, so the heartbeats that
# read it before each round go on. What that costs, all tiny: its rows (each about the size of an
# outbox row: the event's kind and key, the outbox second and write time) over all nine copies
# after an hour's refusal; the replica writes while the log refuses, at the status changes' peak; and
# the publishers' quorum reads, each zone's publisher reading at most five minute partitions a round
# in normal times (the cursor minute three back up to the current one, one more at a minute's turn;
# one longer read after a refusal's rows are cleared, a day's at start-up).
status_retry_replicas_per_zone = count(3)
status_retry_copies = count(status_retry_replicas_per_zone * zones)
status_retry_quorum = count(int(status_retry_copies) // 2 + 1)
status_retry_left_zone_and_server = count(status_retry_copies - status_retry_replicas_per_zone - 1)
assert status_retry_left_zone_and_server >= status_retry_quorum
status_retry_bytes_hour_outage_peak = size(status_retry_rows_hour_outage_peak * outbox_row_bytes * status_retry_copies)
status_retry_replica_writes_peak = peak(
    status_changes_per_day * peak_to_average / SECONDS_PER_DAY * status_retry_copies
)
heartbeat_retry_partitions_per_round_max = count(5)
heartbeat_retry_replica_reads = per_second(
    heartbeat_publishers_per_zone
    * zones
    * heartbeat_retry_partitions_per_round_max
    * status_retry_quorum
    / link_event_heartbeat_interval
)
heartbeat_retry_read_share = fraction(
    heartbeat_retry_replica_reads / (link_db_servers * cold_reads_per_database_server)
)
# The sweeper's catch-up pass (step 7): every ten minutes (design choice) it reads the last day of the
# "link changed" outbox rows, their time to live, from their hour partitions (step 4). A day's rows are
# a day's status changes, owners' and review's: an account deletion's ends write theirs in the
# creations' Outbox, at the walk's pace, its job retrying each (below). Each row priced as a cold read
# on both replicas of a quorum read.
status_catch_up_interval = duration(10 * SECONDS_PER_MINUTE)
status_catch_up_window = duration(SECONDS_PER_DAY)
status_catch_up_rows_per_pass = count(status_changes_per_day * status_catch_up_window / SECONDS_PER_DAY)
status_catch_up_bytes_per_pass = size(status_catch_up_rows_per_pass * outbox_row_bytes)
status_catch_up_replica_reads = per_second(status_catch_up_rows_per_pass * quorum_replicas / status_catch_up_interval)
status_catch_up_read_share = fraction(status_catch_up_replica_reads / database_read_capacity)
# Status changes at peak, which the second region's mirror copies as they are made (step 7), beside an
# account deletion's ends at the walk's pace.
status_changes_per_second_peak = peak(status_changes_per_day * peak_to_average / SECONDS_PER_DAY)
# What an account deletion's walk adds at its pace (url_shortener_deletion, step 4), the same at every
# hour. Each end is a logged batch of the link's end state (its destination dropped) and its row in
# the creations' Outbox, then the row's sent mark, each to every replica, plus the batch log's writes;
# against the replica writes the creations make at peak. Before it, the walk reads the listed link at
# a quorum, priced cold, against what the store can read with a zone down. A day of ends in the
# Outbox, kept on disk as long as a day of creations' rows, against the link store's disk left. An
# hour's refusal leaves its ends in OutboxRetry, beside the creations'.
account_end_replica_writes = throughput(account_end_pace * (3 * link_copies + batchlog_writes_per_batch))
account_end_write_share = fraction(account_end_replica_writes / (creations_per_second_peak * replica_writes_per_create))
account_end_replica_reads = throughput(account_end_pace * quorum_replicas)
account_end_read_share = fraction(account_end_replica_reads / database_read_capacity)
account_end_outbox_bytes_per_day = size(outbox_store_bytes * account_ends_per_day_max / outbox_rows_per_day)
account_end_outbox_disk_share = fraction(account_end_outbox_bytes_per_day / link_disk_left)
account_end_retry_rows_hour_outage = count(account_end_pace * SECONDS_PER_HOUR)
# Step 4: a small share of what the store can read and of the disk it has left.
assert max(account_end_read_share, account_end_outbox_disk_share) < 0.1
# Before ending a page of the owner's list, the walk asks the analytics store which of its links have
# a count row in the ended set's days (step 4): one query on every shard of a zone's copy, as a list
# page's totals, and priced as one though it reads only those days. With a zone down, beside the count
# queries at peak, on the analytics servers: a printed verdict.
account_end_count_queries = throughput(account_end_pace / list_page_links)
account_end_analytics_load = fraction(
    account_end_count_queries
    * analytics_shards_per_zone
    * zone_headroom
    / (analytics_db_servers * count_queries_per_analytics_server)
)
analytics_zone_lost_load_with_walk = fraction(
    (
        count_queries_per_second_peak * analytics_server_queries_per_query
        + account_end_count_queries * analytics_shards_per_zone
    )
    * zone_headroom
    / (analytics_db_servers * count_queries_per_analytics_server)
)
walk_analytics_verdict = (
    "within what they answer" if analytics_zone_lost_load_with_walk < 1 else "past what they answer"
)
# Heartbeats one partition takes: one from each zone's publisher each interval.
heartbeats_per_partition = per_second(heartbeat_publishers_per_zone * zones / link_event_heartbeat_interval)
# A zone lost: with acks=all the log confirms an append only once every in-sync replica has it. The
# controller fences the lost zone's brokers after broker.session.timeout.ms and, in doing so, removes
# them from every in-sync set (KRaft's ReplicationControlManager.handleBrokerFenced: "First, we remove
# this broker from any ISR"), so heartbeats usually stop landing for that long, and the newest one read
# is a heartbeat older. If fencing is late, a follower leaves the in-sync set only once it has lagged
# for replica.lag.time.max.ms: the worst case.
zone_loss_heartbeat_stall_typical = duration(kafka_broker_session_timeout + link_event_heartbeat_interval)
zone_loss_heartbeat_stall = duration(kafka_replica_lag_max + link_event_heartbeat_interval)
# Step 6's Decision: the limit stays above the worst-case stall, with room for slow leader elections.
# Rewrite it if this fails.
assert zone_loss_heartbeat_stall < link_event_lag_limit
# A limit of a tenth of the takedown budget is above the usual stall and trips only when fencing is
# late: then every redirect reads the store, from the two zones' replicas left, the caches' misses,
# the filler's, the conditions' and the list pages' reads included, each at a quorum, beside the
# conditional writes' Paxos-state reads on the replicas left.
lag_limit_tenth = duration(takedown_budget / 10)
# Step 6's cons of the tenth: the usual stall stays under it, the worst case passes it. Rewrite the
# cell if this fails.
assert zone_loss_heartbeat_stall_typical < lag_limit_tenth < zone_loss_heartbeat_stall
lag_fallback_load_per_server_zone_lost = fraction(
    (
        (redirects_per_second_peak + filler_reads_peak + condition_reads_peak + list_link_reads_peak) * quorum_replicas
        + paxos_state_reads_zone_lost_peak
    )
    / database_read_capacity
)
# No assertion on its size: step 6's cell gives the share and points at the verdict printed below,
# within or past what the servers left can read, so it reads true at any value.
lag_fallback_zone_lost_fits = bool(lag_fallback_load_per_server_zone_lost < 1)
# The takedown bound at the shorter limit, for the comparison step 6 draws, and what the fifth adds.
takedown_slowest_tenth = duration(outbox_sweep_last_read + lag_limit_tenth + edge_copy_life_max)
takedown_slowest_over_tenth = duration(takedown_slowest - takedown_slowest_tenth)

# Analytics down for an hour at peak: clicks wait in the log. Every click of the outage is counted
# late, and so is every click that arrives while the backlog ahead of it is more than a minute of
# counting. Traffic stays at its peak through the drain, the worst case. The pipeline normally
# counts what its servers can (step 2 sizes them for the peak with the zone headroom, rounded up
# to whole servers in each zone). One consumer runs on each server and keeps state for its
# partitions (open minutes, recent request IDs), so a partition is never split between two: the
# consumer with the most partitions sets the pace. Servers that do not divide the partitions
# evenly leave some consumers one partition more, and every partition drains at their speed.
click_backlog = count(redirects_per_second_peak * outage_for_backlog)
click_backlog_bytes = size(click_backlog * edge_log_line_bytes)


def drain_capacity(servers: int) -> float:
    """What `servers` consumers count together when the busiest sets every partition's pace."""
    return log_partitions * click_events_per_stream_server / math.ceil(log_partitions / servers)


click_pipeline_capacity = throughput(drain_capacity(stream_servers))
# The partition count divides evenly by the usual servers, by those left with a zone lost,
# and by those left with a zone lost and one more down (step 7's failure table).
for consumers in (stream_servers, stream_servers * (zones - 1) / zones, stream_servers * (zones - 1) / zones - 1):
    assert drain_capacity(consumers) == consumers * click_events_per_stream_server
assert drain_capacity(stream_servers * (zones - 1) / zones - 1) == stream_zone_lost_server_down_capacity
freshness_allowance = count((1 - count_freshness_share) * redirects_per_second * slo_window)


def late_clicks_after_outage(capacity: float) -> float:
    """Clicks counted later than the freshness target when the backlog drains at `capacity`."""
    late_backlog = capacity * count_freshness_target
    return click_backlog + redirects_per_second_peak * (click_backlog - late_backlog) / (
        capacity - redirects_per_second_peak
    )


# Draining with the spare capacity alone takes over an hour and spends nearly all the month's allowance.
slow_drain_time = duration(click_backlog / (click_pipeline_capacity - redirects_per_second_peak))
slow_drain_late_clicks = count(late_clicks_after_outage(click_pipeline_capacity))
slow_drain_late_share = fraction(slow_drain_late_clicks / (redirects_per_second * slo_window))
slow_drain_share_of_allowance = fraction(slow_drain_late_clicks / freshness_allowance)
# A design choice: on recovery the stream job scales out to at least this multiple of the peak, one
# consumer per server, far fewer than the log's partitions; the busiest consumer still sets the pace.
catch_up_scale = times(4)
catch_up_servers_for_scale = count(
    math.ceil(redirects_per_second_peak * catch_up_scale / click_events_per_stream_server)
)
uneven_catch_up_capacity = throughput(drain_capacity(catch_up_servers_for_scale))
# So the job scales to the smallest count at least that large that divides the partitions evenly.
# Step 7's catch-up needs no more consumers than the log has partitions; past that, the partition
# count (url_shortener_partitioning.log_partitions) must be chosen again.
assert catch_up_servers_for_scale <= log_partitions
catch_up_servers = count(
    next(n for n in range(int(catch_up_servers_for_scale), int(log_partitions) + 1) if log_partitions % n == 0)
)
catch_up_partitions_per_server = count(log_partitions / catch_up_servers)
catch_up_capacity = throughput(drain_capacity(catch_up_servers))
# Catching up, more consumers write less often, so each analytics shard still takes about one insert
# a second (url_shortener_servers), each of more rows.
catch_up_write_interval = duration(catch_up_servers / analytics_inserts_per_second)
catch_up_rows_per_insert = count(
    catch_up_capacity * catch_up_write_interval / catch_up_servers / analytics_shards_per_zone
)
click_drain_time = duration(click_backlog / (catch_up_capacity - redirects_per_second_peak))
outage_late_clicks = count(late_clicks_after_outage(catch_up_capacity))
outage_late_share = fraction(outage_late_clicks / (redirects_per_second * slo_window))
outage_share_of_allowance = fraction(outage_late_clicks / freshness_allowance)
# Step 7 says what these imply: the scaled drain spends about half the allowance, so a second
# such outage within 30 days would break the target.
assert freshness_allowance > outage_late_clicks > freshness_allowance / 2

# A viral minute (viral_click_rate, above) in the click pipeline. Partitioning by request ID spreads
# the clicks evenly, but the total still passes what the pipeline can count. Clicks queue in arrival
# order, so a click is late once the backlog ahead of it passes a minute of counting: late clicks
# arrive from when the backlog reaches that size during the spike until it falls back below it while
# draining. They are counted late, never lost.
viral_over_click_pipeline = times(viral_click_rate / click_pipeline_capacity)
viral_click_backlog = count((viral_click_rate - click_pipeline_capacity) * SECONDS_PER_MINUTE)
viral_click_drain_time = duration(viral_click_backlog / (click_pipeline_capacity - redirects_per_second_peak))
late_backlog = click_pipeline_capacity * count_freshness_target
late_from = late_backlog / (viral_click_rate - click_pipeline_capacity)
late_until = SECONDS_PER_MINUTE + (viral_click_backlog - late_backlog) / (
    click_pipeline_capacity - redirects_per_second_peak
)
viral_late_clicks = count(
    viral_click_rate * (SECONDS_PER_MINUTE - late_from) + redirects_per_second_peak * (late_until - SECONDS_PER_MINUTE)
)
viral_late_share_of_day = fraction(viral_late_clicks / redirects_per_day)
viral_late_share_of_window = fraction(viral_late_clicks / (redirects_per_second * slo_window))
# The canary clicks sample time, not clicks: of the hour around a viral minute, those clicked while
# the backlog ahead held more than a minute of counting are late, enough for the fast burn's page,
# and so are three in a row. The freshness pages are therefore held only while the job counts at its
# full capacity and the lines waiting in the log and the managed stream fall, for at most the viral
# minute's drain: a dead job counts nothing, and a dead bridge leaves the job short of input.
viral_late_canary_share_of_hour = fraction((late_until - late_from) / SECONDS_PER_HOUR)
assert viral_late_canary_share_of_hour > freshness_fast_burn_late_share
assert late_until - late_from > stalled_pipeline_pages_after
# The slow drain alone stays just inside the allowance; with a viral minute it does not.
assert slow_drain_late_clicks < freshness_allowance < slow_drain_late_clicks + viral_late_clicks
# The event log in a viral minute: every raw line in, written by its partition's leader and copied
# to two followers, spread over the brokers (sized by disk). Each broker takes in its leaders'
# share from the bridge and its followers' share from the other brokers: the same bytes a second as
# the whole ingress, with three copies on three brokers.
viral_log_ingress = bandwidth(viral_click_rate * edge_log_line_bytes, peak=True)
viral_log_replication = bandwidth(viral_log_ingress * (link_copies - 1), peak=True)
viral_log_in_per_broker = bandwidth((viral_log_ingress + viral_log_replication) / event_log_servers_for_disk, peak=True)
viral_log_network_share = fraction(viral_log_in_per_broker / event_log_broker_network)
# A produce quota on the click topic at the most the stream job ever counts (its catch-up capacity):
# lines past it wait in the edge's managed stream, where they would have waited in the log anyway.
click_produce_quota = bandwidth(catch_up_capacity * edge_log_line_bytes, peak=True)
quota_log_in_per_broker = bandwidth(click_produce_quota * link_copies / event_log_servers_for_disk, peak=True)
viral_lines_held_by_quota = count((viral_click_rate - catch_up_capacity) * SECONDS_PER_MINUTE)
assert catch_up_capacity < viral_click_rate
# Kafka enforces a client quota per broker, not per topic: the bridge's client-id gets the catch-up
# rate divided over the brokers, each throttling what it takes from the bridge. With a broker lost,
# its partitions' leaders move to the others, and the brokers left cap the clicks at their quotas,
# below the catch-up rate: the lines past it wait longer in the managed stream.
log_brokers = count(event_log_servers_for_disk)
bridge_quota_per_broker = bandwidth(click_produce_quota / log_brokers, peak=True)
broker_lost_click_cap = peak((log_brokers - 1) * bridge_quota_per_broker / edge_log_line_bytes)
assert broker_lost_click_cap < catch_up_capacity
broker_lost_viral_lines_held = count((viral_click_rate - broker_lost_click_cap) * SECONDS_PER_MINUTE)
# The edge's managed stream must take the viral minute itself: a shard takes 1 MB/s or 1,000 records a
# second, and CloudFront writes one record a request (its real-time logs guide: "1,000 requests (log
# records) per second" a shard), so a provisioned stream would need the larger of the two, plus the
# guide's buffer (the warm figure below uses the same count). The guide's own worked example counts
# bytes only (24 shards, 29 with its buffer); counting records is the conservative reading, and a 1%
# sample of the distribution's lines settles it: IncomingRecords against IncomingBytes on the stream.
# On-demand Standard absorbs only double its previous peak at once, and the viral minute is far above
# that.
viral_stream_shards_for_bytes = count(math.ceil(viral_log_ingress / stream_shard_write_bytes))
viral_stream_shards_for_records = count(math.ceil(viral_click_rate / stream_shard_write_records))
assert viral_stream_shards_for_bytes < viral_stream_shards_for_records
viral_stream_shards = count(math.ceil(viral_click_rate * (1 + stream_shard_buffer) / stream_shard_write_records))
viral_stream_shard_load = fraction(viral_click_rate / (viral_stream_shards * stream_shard_write_records))
viral_over_click_peak = times(viral_click_rate / redirects_per_second_peak)
assert viral_over_click_peak > stream_on_demand_jump
# What those shards cost all year, against the few the day's peak needs (with the same buffer); a
# line is one PUT unit. CloudFront also charges for each real-time log line it publishes, the same
# in every option.
assert edge_log_line_bytes <= stream_put_unit_bytes
HOURS_PER_MONTH = SECONDS_PER_MONTH / SECONDS_PER_HOUR
day_peak_stream_shards = count(
    math.ceil(redirects_per_second_peak * (1 + stream_shard_buffer) / stream_shard_write_records)
)
stream_shard_cost_per_month = count(viral_stream_shards * HOURS_PER_MONTH * stream_shard_hour_price)
day_peak_stream_shard_cost_per_month = count(day_peak_stream_shards * HOURS_PER_MONTH * stream_shard_hour_price)
stream_spike_cost_per_month = count(stream_shard_cost_per_month - day_peak_stream_shard_cost_per_month)
stream_put_cost_per_month = count(redirects_per_second * SECONDS_PER_MONTH / 1e6 * stream_put_unit_price_per_million)
edge_realtime_log_cost_per_month = count(
    redirects_per_second * SECONDS_PER_MONTH / 1e6 * edge_realtime_log_price_per_million
)
# A viral minute's lines a stream refuses: one sized for the day's peak, and one On-demand Standard,
# which takes at once double its previous peak (the day's, if no viral minute came in its window).
day_peak_stream_lines_refused = count(
    (viral_click_rate - day_peak_stream_shards * stream_shard_write_records) * SECONDS_PER_MINUTE
)
on_demand_stream_lines_refused = count(
    (viral_click_rate - redirects_per_second_peak * stream_on_demand_jump) * SECONDS_PER_MINUTE
)
# On-demand Advantage takes the minute if the stream is kept warmed to it, at no charge for the
# warmth, but commits the whole account to 25 MiB/s in and out. What this stream writes on average,
# as on demand bills it (each record rounded up to 1 KB), against that commitment.
stream_on_demand_billed_ingest = bandwidth(redirects_per_second * stream_on_demand_record_unit)
stream_advantage_commitment_used = fraction(stream_on_demand_billed_ingest / stream_advantage_commitment)
assert stream_advantage_commitment_used < 1
# Warm throughput is set in MiB/s (WarmThroughputMiBps in UpdateStreamWarmThroughput; TargetMiBps
# is the read-only field that reports it), and a shard takes 1 MiB/s or 1,000 records/s in either
# mode, so warming by the bytes alone (the unbuffered byte count of shards) would take too few
# records: the records set it, one MiB/s for each of the provisioned option's shards. Like
# WarmThroughputMiBps, the records a second it would take print as a count the page labels (records/s).
stream_advantage_warm_records_by_bytes = count(viral_stream_shards_for_bytes * stream_shard_write_records)
assert stream_advantage_warm_records_by_bytes < viral_click_rate
stream_advantage_warm_mibps = count(viral_stream_shards)
assert stream_advantage_warm_mibps * MiB > viral_log_ingress
# Advantage's bill, bounded at the assumed Standard rates less the 60%: no shard-hours, no PUT units,
# no per-stream charge. Each way the account pays the commitment or its use, whichever is larger,
# over whatever period AWS measures it; records bill rounded up to 1 KB, and retrieval is counted
# as ingest is (an upper bound). The floor: the commitment alone, all month. The ceiling: the day's
# peak rate, above the commitment, billed every second of the month; a viral minute adds its own.
stream_advantage_price_per_gb = count(
    (stream_standard_ingest_price_per_gb + stream_standard_retrieval_price_per_gb) * (1 - stream_advantage_discount)
)
stream_advantage_commitment_cost_per_month = count(
    stream_advantage_commitment * SECONDS_PER_MONTH / GB * stream_advantage_price_per_gb
)
stream_on_demand_billed_ingest_peak = bandwidth(redirects_per_second_peak * stream_on_demand_record_unit, peak=True)
assert stream_on_demand_billed_ingest_peak > stream_advantage_commitment
stream_advantage_cost_bound_per_month = count(
    stream_on_demand_billed_ingest_peak * SECONDS_PER_MONTH / GB * stream_advantage_price_per_gb
)
stream_advantage_viral_minute_cost = count(
    (viral_click_rate - redirects_per_second_peak)
    * SECONDS_PER_MINUTE
    * stream_on_demand_record_unit
    / GB
    * stream_advantage_price_per_gb
)
# The provisioned option's whole bill (shards and PUT units), against Advantage's ceiling, and
# the combined Standard rate a GB at which that ceiling would reach it.
stream_provisioned_cost_per_month = count(stream_shard_cost_per_month + stream_put_cost_per_month)
stream_advantage_saving_min = count(stream_provisioned_cost_per_month - stream_advantage_cost_bound_per_month)
assert stream_advantage_saving_min > 0
stream_standard_break_even_price_per_gb = count(
    stream_provisioned_cost_per_month
    / (stream_on_demand_billed_ingest_peak * SECONDS_PER_MONTH / GB * (1 - stream_advantage_discount))
)
# How far above the assumed rates Standard's would have to be for the choice to flip.
stream_standard_break_even_over_assumed = fraction(
    stream_standard_break_even_price_per_gb
    / (stream_standard_ingest_price_per_gb + stream_standard_retrieval_price_per_gb)
    - 1
)

# The planned outage and one viral minute in the same month, against the allowance.
outage_and_viral_late_share = fraction(outage_late_share + viral_late_share_of_window)

if __name__ != "url_shortener_reliability":
    print(
        markdown_table(
            ("Error budget, redirects", "Value"),
            [
                ("Redirects allowed to fail", error_budget_share),
                (f"... as full downtime per {slo_window}", error_budget_downtime),
                (f"... as failed redirects per {slo_window}", failed_redirects_allowed),
                (
                    f"Page: error share over 1 h and the last {fast_burn_short_window} (burn rate {fast_burn_rate})",
                    fast_burn_error_share,
                ),
                (
                    f"Page: error share over 6 h and the last {slow_burn_short_window} (burn rate {slow_burn_rate})",
                    slow_burn_error_share,
                ),
                (
                    f"Ticket: error share over 3 days and the last {ticket_burn_short_window} "
                    f"(burn rate {ticket_burn_rate})",
                    ticket_burn_error_share,
                ),
                (
                    f"Page: the prober's failures in a row (a probe each {probe_interval}), within {probe_page_after}",
                    probe_failures_to_page,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (
                f"A redirect server fails fast at peak, drawing its zone's {redirect_zone_even_share_peak}",
                "Time in rotation",
                "Failed redirects",
                f"Share of the budget per {slo_window}",
            ),
            [
                (
                    f"Metrics' lag {health_metrics_lag}; health check every {health_check_interval}, out after "
                    f"{health_check_threshold} failures (step 6)",
                    health_check_detection,
                    fast_failing_redirects_lost,
                    fast_failing_budget_share,
                ),
                (
                    f"The same lag; ALB's default, every {alb_default_interval}, out after "
                    f"{alb_default_threshold} failures",
                    alb_default_detection,
                    alb_default_redirects_lost,
                    alb_default_budget_share,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Failure", "Figure", "Value"),
            [
                (
                    "A zone failing, its servers up",
                    "Share of the servers looking worse at which the outlier rule takes none out",
                    outlier_spared_share,
                ),
                (
                    "",
                    "Servers out at the check's cap (a rolling deploy, or staggered scrapes as a zone fails at once)",
                    outlier_max_out,
                ),
                (
                    "",
                    "Per-zone alarm: its 5xx share over the other two zones' mean (assumption)",
                    zone_alarm_over_others,
                ),
                ("", "... and over a floor (assumption)", zone_alarm_floor),
                (
                    "",
                    "Zonal shift: drain, at least; expiry set at its start",
                    f"{zonal_shift_drain}; {zonal_shift_expiry}",
                ),
                ("Shared caches lost at peak", "Reads on the link store (quorum reads)", cold_cache_database_reads),
                (
                    "",
                    "... and Paxos-state reads on the replicas of the two zones left",
                    paxos_state_reads_zone_lost_peak,
                ),
                (
                    "",
                    "... share of its read capacity with a zone down (with the caches up)",
                    f"{cold_cache_database_load} ({normal_database_load})",
                ),
                (
                    "",
                    f"Bulk refill: a fixed rate or {cache_refill_spare_share} of the store's spare, the less; its time",
                    f"{cache_refill_rate}; {cache_refill_time}",
                ),
                ("", "... share of the store's read capacity with a zone down", cache_refill_load),
                (
                    "",
                    "... with every cache's misses: one zone refilling; two at once",
                    f"{cold_cache_one_refill_load}; {cold_cache_two_refills_load}, {two_refills_verdict}",
                ),
                (
                    "A zone down, and one zone's cache primary dead, not yet replaced",
                    "Store reads, half the shared cache's hits added (quorum reads)",
                    zone_cache_down_database_reads,
                ),
                ("", "... share of its read capacity with a zone down", zone_cache_down_database_load),
                (
                    "Viral link, no edge cache",
                    "Its minute (its clicks and the busy hour's) over the redirect fleet's capacity",
                    viral_over_fleet,
                ),
                (
                    "Viral link, edge cache",
                    f"Requests for it reaching the origin, one per regional cache ({regional_edge_caches}) a minute",
                    viral_origin_requests_with_edge,
                ),
                (
                    "",
                    f"... were it one per location ({edge_locations}) a minute",
                    viral_origin_requests_per_location,
                ),
                (
                    "Viral link removed by a legal order or ended, were it a 451 or a 410 (never kept at the edge)",
                    "Redirects shed as 503 in its minute",
                    uncached_451_minute_failed,
                ),
                ("", "... over the month's failed-redirect budget", uncached_451_minute_budget),
                (
                    "Viral link on a key that does not exist, its 404 never kept",
                    "Its unknown-key scripts over the rate-limit store's process, at least (the 404s answered)",
                    absent_viral_store_load_unkept,
                ),
                (
                    f"... its 404 kept {unknown_key_edge_ttl} at the edge",
                    f"Requests reaching the origin, one per regional cache ({regional_edge_caches}) each "
                    f"{unknown_key_edge_ttl}",
                    absent_viral_origin_requests,
                ),
                ("", f"... were it one per location ({edge_locations})", absent_viral_origin_requests_per_location),
                ("", "... the rate-limit store's load from them", absent_viral_store_load_edge),
                (
                    f"Unknown keys, kept {unknown_key_edge_ttl} at the edge",
                    "Their 404s reaching the origin at peak (nearly all)",
                    unknown_key_checks_peak,
                ),
                ("", "... share of the redirect fleet's capacity", unknown_key_404s_fleet_share),
                (
                    "Edge invalidations, a path per status change",
                    f"Paths a month ({status_changes_per_day})",
                    invalidation_all_paths_per_month,
                ),
                (
                    "",
                    f"... dollars a month past the free {invalidation_free_paths_per_month}",
                    invalidation_all_cost_per_month,
                ),
                (
                    "Edge invalidations, a path per takedown",
                    f"Paths a month ({takedown_share_of_status_changes} of the changes)",
                    invalidation_paths_per_month,
                ),
                (
                    "",
                    f"... dollars a month past the free {invalidation_free_paths_per_month}",
                    invalidation_cost_per_month,
                ),
                (
                    "Standing costs, dollars a month",
                    "CloudFront's Anycast static IP list, the apex's addresses",
                    static_ip_list_price_per_month,
                ),
                (
                    "",
                    f"... the Global Accelerator kept for the fallback ({accelerator_price_per_hour} an hour)",
                    accelerator_cost_per_month,
                ),
                (
                    "",
                    f"... LCUs reserved for the peak's new connections ({fallback_lcus_peak})",
                    fallback_lcu_cost_peak,
                ),
                (
                    "",
                    f"... LCUs reserved for the average's ({fallback_lcus_average}); "
                    f"{fallback_unreserved_share_peak} of the peak's left to the raise and the balancer's scaling",
                    fallback_lcu_cost_average,
                ),
                ("", "... all three, the average's reservation chosen", dns_standing_cost_per_month),
                (
                    "Takedown, slowest designed path",
                    f"Sweeper's publish ({outbox_sweep_last_read}) + a server's lag limit ({link_event_lag_limit}) "
                    f"+ the edge's {cdn_cache_tiers} tiers ({edge_copy_life_max})",
                    takedown_slowest,
                ),
                ("", f"... share of the {takedown_budget} budget", takedown_slowest_share),
                (
                    "A zone lost",
                    f"Heartbeat stall: usually fencing ({kafka_broker_session_timeout}) + a heartbeat; "
                    f"at worst the replica lag time ({kafka_replica_lag_max}) + a heartbeat",
                    f"{zone_loss_heartbeat_stall_typical}; {zone_loss_heartbeat_stall}",
                ),
                (
                    "",
                    f"Were the lag limit a tenth ({lag_limit_tenth}), tripped by the worst case: store reads "
                    "over what the two zones' servers left can read",
                    f"{lag_fallback_load_per_server_zone_lost}, "
                    + ("within it" if lag_fallback_zone_lost_fits else "past what they can read"),
                ),
                (
                    "Takedown, event log refusing writes",
                    f"Last heartbeat ({link_event_heartbeat_interval}) + lag limit ({link_event_lag_limit}) "
                    f"+ the edge's {cdn_cache_tiers} tiers ({edge_copy_life_max})",
                    takedown_log_refusing,
                ),
                (
                    "",
                    "Rows an hour's refusal at peak leaves to retry: status changes (own table, first); creations'",
                    f"{status_retry_rows_hour_outage_peak}; {creation_retry_rows_hour_outage_peak}",
                ),
                (
                    "Status-retry table, own keyspace",
                    f"{status_retry_replicas_per_zone} replicas a zone: copies; quorum; replicas left with a zone "
                    "and one more server down",
                    f"{status_retry_copies}; {status_retry_quorum}; {status_retry_left_zone_and_server}",
                ),
                (
                    "",
                    f"... bytes over all {status_retry_copies} copies after an hour's refusal at peak",
                    status_retry_bytes_hour_outage_peak,
                ),
                ("", "... replica writes while the log refuses, at peak", status_retry_replica_writes_peak),
                (
                    "",
                    f"... the heartbeat publishers' replica reads, at most {heartbeat_retry_partitions_per_round_max} "
                    "partitions a round in normal times",
                    heartbeat_retry_replica_reads,
                ),
                ("", "... share of the link store's read capacity", heartbeat_retry_read_share),
                (
                    "Status changes' catch-up pass",
                    "Every; over the last; rows a pass (a day's status changes); bytes",
                    f"{status_catch_up_interval}; {status_catch_up_window}; {status_catch_up_rows_per_pass}; "
                    f"{status_catch_up_bytes_per_pass}",
                ),
                ("", "... replica reads, each row a cold read", status_catch_up_replica_reads),
                ("", "... share of the store's read capacity with a zone down", status_catch_up_read_share),
                ("Second region", "Status changes its mirror copies, at peak", status_changes_per_second_peak),
                ("", "... and an account deletion's ends, at the walk's pace", account_end_pace),
                (
                    "Account deletion's walk, at its pace",
                    "Replica writes; share of the creations' at peak",
                    f"{account_end_replica_writes}; {account_end_write_share}",
                ),
                (
                    "",
                    "Replica reads; share of the store's read capacity with a zone down",
                    f"{account_end_replica_reads}; {account_end_read_share}",
                ),
                (
                    "",
                    "A day of its ends in the Outbox, on disk with every copy; share of the disk left",
                    f"{account_end_outbox_bytes_per_day}; {account_end_outbox_disk_share}",
                ),
                ("", "Ends an hour's refusal leaves in OutboxRetry", account_end_retry_rows_hour_outage),
                (
                    "",
                    f"Its count-row queries (a page of {list_page_links} links each); share of the analytics "
                    "servers with a zone down",
                    f"{account_end_count_queries}; {account_end_analytics_load}",
                ),
                (
                    "",
                    "... with the count queries at peak",
                    f"{analytics_zone_lost_load_with_walk}, {walk_analytics_verdict}",
                ),
                (f"Analytics down {outage_for_backlog} at peak", "Click events waiting", click_backlog),
                ("", "... bytes held in the log", click_backlog_bytes),
                ("", f"Late clicks allowed per {slo_window} (over {count_freshness_target})", freshness_allowance),
                ("", f"Drain with the job's usual servers ({click_pipeline_capacity}): time", slow_drain_time),
                (
                    "",
                    "... clicks counted late (share of the month)",
                    f"{slow_drain_late_clicks} ({slow_drain_late_share})",
                ),
                ("", "... share of the month's allowance", slow_drain_share_of_allowance),
                (
                    "",
                    f"Job scaled to {catch_up_scale} the peak: {catch_up_servers_for_scale} servers count",
                    f"{uneven_catch_up_capacity} (uneven partitions)",
                ),
                (
                    "",
                    f"... rounded to {catch_up_servers} servers, {catch_up_partitions_per_server} partitions each",
                    catch_up_capacity,
                ),
                ("", "... time", click_drain_time),
                ("", "... clicks counted late (share of the month)", f"{outage_late_clicks} ({outage_late_share})"),
                ("", "... share of the month's allowance", outage_share_of_allowance),
                ("Viral minute in the click pipeline", "Clicks over what it can count", viral_over_click_pipeline),
                ("", "Click events waiting after the minute", viral_click_backlog),
                ("", "Time to drain them", viral_click_drain_time),
                ("", f"Clicks counted later than {count_freshness_target}", viral_late_clicks),
                ("", "... share of a day's clicks", viral_late_share_of_day),
                ("", f"... share of {slo_window} of clicks", viral_late_share_of_window),
                ("Both in one month", "Share of its clicks counted late", outage_and_viral_late_share),
            ],
        )
    )
