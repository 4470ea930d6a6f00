"""Twitter worked example: error budgets, alert thresholds and what losing a part costs."""

import math

from concept_overload_retries import budget_share as retry_budget_share
from reference_capacity import (
    kafka_broker_session_timeout,
    kafka_controller_election_timeout,
    kafka_controller_fetch_timeout,
    kafka_replica_lag_max,
)
from twitter_api import outbox_rows_per_second_peak
from twitter_api_assumptions import follow_change_note_bytes, timeline_load_deadline, write_deadline
from twitter_assumptions import (
    availability_target,
    cache_machine_memory,
    cache_memory_per_server,
    cache_ops_per_server,
    cdn_hit_ratio,
    cold_reads_per_database_server,
    daily_active_users,
    extras_availability_target,
    fanout_freshness_share,
    fanout_freshness_target,
    fanout_outage,
    follows_per_user,
    hedged_extra_request_share,
    peak_to_average,
    percentile_budget_share,
    post_latency_target,
    reads_per_database_server,
    resync_bytes_per_second,
    search_freshness_share,
    slo_window,
    store_read_growth_per_month,
    store_read_target_zone_lost,
    store_read_ticket_zone_lost,
    store_write_cost_over_recent_read,
    timeline_cache_copies,
    timeline_entry_bytes,
    timeline_key_bytes,
    weekly_active_users,
    zones,
)
from twitter_bandwidth import photo_egress, video_egress
from twitter_cache import (
    day_expiry_rebuild_load_share,
    timeline_bytes_per_user,
    timeline_cache_bytes,
    timeline_cache_fanout_ops_per_copy_peak,
    timeline_cache_ops_peak,
    timeline_cache_servers,
    timeline_cache_touches_peak,
    timeline_cached_bytes_per_user,
    timeline_ops_per_follow_change,
    tweet_cache_lookups_peak,
    tweet_cache_servers,
)
from twitter_fanout import fanout_fleet_capacity, fanout_zone_lost_load_most
from twitter_read_path import hybrid_deliveries_per_second_peak_at_most, largest_pushed_followers
from twitter_servers import (
    cold_store_reads_per_second_peak,
    database_servers_per_zone,
    hot_store_reads_per_second_peak,
    paxos_state_reads_per_zone_peak,
    quorum_copies,
    requests_per_second_peak,
    store_margin_after_writes_servers,
)
from twitter_traffic import (
    deliveries_per_second_peak,
    follow_changes_per_second_peak,
    timeline_loads_per_second,
    timeline_loads_per_second_peak,
    tweets_per_second,
    tweets_per_second_peak,
    written_deliveries_per_second_peak,
)

from sdw.estimation import (
    GB,
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_MONTH,
    bandwidth,
    burn_rate,
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

# --- Operations assumptions (step 7): detection, deletion windows, the head-of-log consumer ---------
# A tweet-cache node that stops answering: the cache's failure detector declares it down once it has
# missed the probes from every zone, or the tweet service's and the deletion consumer's writes, for
# this long; the ring without it then reaches every client through the coordination service's watch.
tweet_cache_failure_detection = duration(10)
tweet_cache_ring_update = duration(5)
# A fan-out batch that a timeline-cache copy refuses or does not answer is retried on that copy, off the
# worker's path, until this deadline, the same detector's time; then that copy of the shard is marked behind,
# its reads go to another zone's copy, and the batch's timelines are repaired (step 6). A node that answers
# its probes but on which this many batches, from workers in two zones or more, have run out their deadline
# is declared down like a dead one.
timeline_copy_retry_deadline = duration(tweet_cache_failure_detection)
timeline_node_failed_batches_to_down = count(3)
# A timeline-cache read's call timeout, to either zone's copy. The example has no measured latency for
# the read, so this is assumed: a read is one lookup in a cache server's memory, in its zone or the next, a
# millisecond or so, and this sits well past its tail (a pause, a busy moment), where the timeouts page's
# rule, the callee's p99.9 plus a quarter, would set it once measured; and short enough that a read the
# server never answers is retried elsewhere with nearly all of the load's deadline left.
timeline_cache_read_timeout = duration(0.050)
# A fan-out batch goes to one zone's copy of its shard first and to the other zones' copies only once that
# copy has applied it (step 6), so a command that crashes the module reaches one node. The others wait one
# apply, a millisecond or so, and at most this call timeout when the first copy is slow but alive (the batch is
# then sent on and retried there as before): this share of the freshness target.
fanout_first_copy_wait_most = duration(timeline_cache_read_timeout)
fanout_first_copy_wait_target_share = fraction(fanout_first_copy_wait_most / fanout_freshness_target)
# A hot tweet a timeline server keeps in its own memory (step 6) stays there this long before the
# server asks the cache again, whatever happened to the tweet meanwhile.
hot_tweet_hold = duration(2)
# A zone is declared lost when every one of its nodes has missed the other zones' probes for as long as
# a tweet-cache node does before it is declared down: the same detector, the same figure.
zone_loss_declaration = duration(tweet_cache_failure_detection)
# A deletion answered 202 pages when more than this share of deletes answer 202 over an hour: a node
# unreachable now and then makes a few, a zone or a ring in trouble makes many (step 7).
delete_202_page_share = fraction(0.01)
# The prober outside the cloud provider (step 7) loads a canary's home timeline and posts every
# minute; it pages after this many failures in a row, so one lost probe on the internet does not page.
outside_probe_interval = duration(60)
outside_probe_failures_to_page = count(3)
outside_probe_page_after = duration(outside_probe_interval * outside_probe_failures_to_page)

# Degraded mode 1's head-of-log consumer (step 7) starts by itself once the fan-out's lag, the age of
# the oldest event it has not applied (a tweet's ID carries its time), stays past this for the hold
# time below, or, once a zone is declared lost, as soon as appends resume (below), whichever comes
# first: the freshness target itself, past which every tweet arriving is late.
head_consumer_start_lag = duration(fanout_freshness_target)
# It starts only when that lag has stayed above the start figure for this long, evaluated per consumer
# group, so a blip does not start it; and the trigger re-arms only once the group's lag has stayed under
# the lower figure below for the same time (hysteresis), so a lag hovering at the target does not start
# and stop head consumers over and over.
head_consumer_hold = duration(30)
head_consumer_rearm_lag = duration(2)
# The monthly game day (step 7): it caps the fan-out consumers this long, off-peak, in an hour whose
# tweet rate is this share of the day's average.
game_day_length = duration(10 * 60)
game_day_rate_share = fraction(0.5)

# Deleting a tweet (step 3): the DELETE's deadline is a write's at the gateway, the post's cut-off
# (twitter_api_assumptions.write_deadline), not the latency target itself. A copy that has
# not acknowledged the tombstone by then gets a 202, and a node that stays unreachable is declared down
# and taken out of its copy's ring; its keys move to ring neighbors, which fill from the other copy,
# which holds the tombstone. The deletion consumer's backoff is capped at the ring update's time, so a
# node that comes back sooner gets the tombstone within that. A timeline server that read the tweet from
# that node just before it left the ring may hold it as a hot tweet in its own memory a while longer
# (step 6). Worst case from the 202, and from the DELETE's arrival (the node stopped answering no later
# than the deadline). A tombstone still pending past the first opens a ticket (step 7).
delete_deadline = duration(write_deadline)
deleted_tweet_visible_after_202 = duration(tweet_cache_failure_detection + tweet_cache_ring_update + hot_tweet_hold)
deleted_tweet_visible_at_most = duration(delete_deadline + deleted_tweet_visible_after_202)

# Error budget: the share of requests that may fail, and the same as full downtime.
error_budget_share = fraction(1 - availability_target)
# A gateway deadline set at a p99 latency target would fail every request slower than it: the p99's
# allowance, this many times the error budget (step 3 sets the deadline well above the target instead).
deadline_at_target_failures_over_budget = times(percentile_budget_share / error_budget_share)
error_budget_downtime = duration(error_budget_share * slo_window)
# The target covers posts and home-timeline loads only (step 1). Search and push delivery have a
# looser one of their own, with its budget below; the other calls have no target of their own.
slo_requests_per_window = count((tweets_per_second + timeline_loads_per_second) * slo_window)
failed_requests_allowed = count(slo_requests_per_window * error_budget_share)

# Burn-rate alerts (Google SRE workbook, https://sre.google/workbook/alerting-on-slos/): page when
# 2% of the window's budget burns in one hour, or 5% in six hours; open a ticket when 10% burns
# in three days.
fast_burn_rate = burn_rate(0.02, SECONDS_PER_HOUR, slo_window)
slow_burn_rate = burn_rate(0.05, 6 * SECONDS_PER_HOUR, slo_window)
ticket_burn_rate = burn_rate(0.10, 3 * SECONDS_PER_DAY, slo_window)
fast_burn_error_share = fraction(fast_burn_rate * error_budget_share)
slow_burn_error_share = fraction(slow_burn_rate * error_budget_share)
ticket_burn_error_share = fraction(ticket_burn_rate * error_budget_share)
# Each long window is paired with a short one a twelfth as long; an alert fires only while both are over.
fast_burn_short_window = duration(SECONDS_PER_HOUR / 12)
slow_burn_short_window = duration(6 * SECONDS_PER_HOUR / 12)
ticket_burn_short_window = duration(3 * SECONDS_PER_DAY / 12)
# At a burn rate of 1 the whole budget lasts exactly the window.
ticket_budget_gone_in = duration(slo_window / ticket_burn_rate)
# The same rates applied to a p99 target: the share of requests over the threshold.
fast_burn_slow_share = fraction(fast_burn_rate * percentile_budget_share)
slow_burn_slow_share = fraction(slow_burn_rate * percentile_budget_share)
# Search and push delivery (step 1's looser target), on the same burn rates: the share of searches
# that fail, and of pushes due that the push services do not accept. Turning search off (degraded
# mode 3) spends its budget at the full rate, the whole window's in extras_error_budget_downtime.
extras_error_budget_share = fraction(1 - extras_availability_target)
extras_error_budget_downtime = duration(extras_error_budget_share * slo_window)
extras_fast_burn_error_share = fraction(fast_burn_rate * extras_error_budget_share)
extras_slow_burn_error_share = fraction(slow_burn_rate * extras_error_budget_share)
extras_ticket_burn_error_share = fraction(ticket_burn_rate * extras_error_budget_share)
# Search freshness: the share of the search canary's tweets not found within the target, against the
# share step 1 lets be later.
search_freshness_budget_share = fraction(1 - search_freshness_share)
search_freshness_fast_burn_late_share = fraction(fast_burn_rate * search_freshness_budget_share)
search_freshness_slow_burn_late_share = fraction(slow_burn_rate * search_freshness_budget_share)
# Read-your-writes (step 1's target for authors). The freshness canary, one account in each zone
# posting every freshness_canary_interval, loads its own home timeline through each zone's copy right
# after its post returns 201 (a read pinned to that copy, allowed to canary accounts only) and counts
# the loads that miss the tweet. A miss lasts only until the fan-out fills that copy, seconds, and
# loses nothing, so it opens a ticket, not a page: when the misses over a day pass the share step 1
# lets be slower than its p99 targets. Above that share the copies' few-millisecond append deadline
# sits inside the append's p99 (each copy then misses more than one post in a hundred), or a server
# under a canary's timeline is slow: a copy that misses every post of one canary reaches the
# ticket in ryw_one_copy_ticket_after.
freshness_canaries = count(zones)
freshness_canary_interval = duration(60)
ryw_canary_loads_per_day = count(
    freshness_canaries * (SECONDS_PER_DAY / freshness_canary_interval) * timeline_cache_copies
)
ryw_ticket_miss_share = fraction(percentile_budget_share)
ryw_ticket_misses_per_day = count(ryw_canary_loads_per_day * ryw_ticket_miss_share)
ryw_one_copy_ticket_after = duration(ryw_ticket_misses_per_day * freshness_canary_interval)

# Losing a zone with one timeline copy per zone: the two left take every read and their
# share of the writes. Operations per surviving cache server, against what one handles.
surviving_cache_servers = count(timeline_cache_servers * (zones - 1) / zones)
# Every operation twitter_cache counts (delivery attempts, follows and unfollows, loads, touches) less the
# lost copy's fan-out operations and its touches: a load touches one other copy, not two.
zone_loss_cache_ops_per_server = peak(
    (
        timeline_cache_ops_peak
        - timeline_cache_fanout_ops_per_copy_peak
        - timeline_cache_touches_peak / (timeline_cache_copies - 1)
    )
    / surviving_cache_servers
)
zone_loss_cache_load = fraction(zone_loss_cache_ops_per_server / cache_ops_per_server)
# Its memory starts this full (twitter_cache sizes it to a target); the capacity ticket fires at the
# store's ticket share, which users growing at the store's assumed rate reach in this long.
timeline_cache_memory_used_share = fraction(timeline_cache_bytes / (timeline_cache_servers * cache_memory_per_server))
timeline_cache_memory_to_ticket = duration(
    math.log(store_read_ticket_zone_lost / timeline_cache_memory_used_share)
    / math.log(1 + store_read_growth_per_month)
    * SECONDS_PER_MONTH
)
# Losing a zone with no copies: a third of timeline loads rebuild by reading every account
# followed, all at once.
zone_loss_rebuild_reads_per_second = peak(timeline_loads_per_second_peak / zones * follows_per_user)
zone_loss_rebuild_over_api_peak = times(zone_loss_rebuild_reads_per_second / requests_per_second_peak)
# A tweet cache server lost while a zone is already down. Each key's two copies sit in two of the
# zones, the pairs spread evenly, so a surviving server holds, for one of its zone pairs, keys
# whose other copy was in the lost zone: it now answers all their lookups, against half before,
# 2 / zones of its load. If it dies too, those keys have no copy: their lookups miss, and each
# miss is a recent tweet, a quorum read on both surviving zones, until the dead node's ring
# neighbors, which take its keys, fill them (cache-aside). The room each zone's store servers
# have left for recent reads with a zone lost, once writes have taken their share (twitter_servers):
zone_loss_tweet_cache_lookups_per_server = peak(tweet_cache_lookups_peak / (tweet_cache_servers * (zones - 1) / zones))
zone_loss_orphaned_lookup_share = fraction(2 / zones)
zone_loss_cache_server_misses = peak(zone_loss_tweet_cache_lookups_per_server * zone_loss_orphaned_lookup_share)
zone_loss_store_recent_read_room = peak(store_margin_after_writes_servers * reads_per_database_server)
zone_loss_cache_server_misses_over_room = times(zone_loss_cache_server_misses / zone_loss_store_recent_read_room)
# A timeline cache server that dies held its zone's copy of one server's share of the timelines, so
# that share of the zone's timeline reads goes unanswered until the coordinator moves them (step 7):
# it declares the server down with the tweet cache's failure detector and sends the new map through
# the same watch. Each of those reads asks for a hedge at its p95, but the budget equals the share of
# the other reads past their p95 (the delay measured before the death), which already ask for as many
# hedges. The budget refuses hedges as they come, whichever read they are for, so it grants each read
# the same chance. The dead server's reads it refuses wait at most their call's timeout, and the
# timeline server retries each on zone B's copy, as it retries any failed call on another replica
# (step 7), within its retry budget: they are a small share of its reads, inside the budget. Once the
# dead server's own circuit breaker opens (one per server), all its reads fail at once and are retried
# without the wait: still inside the budget. When zone B's copy answers the retry inside its own
# timeout, each such read is answered at most one call timeout late and the load well inside its
# deadline (a retry that times out too is answered by pull, in the deadline left): those loads
# succeed, slower, until the coordinator moves the reads.
dead_node_timeline_read_share = fraction(zones / timeline_cache_servers)
dead_node_hedges_asked_share = fraction(
    dead_node_timeline_read_share + (1 - dead_node_timeline_read_share) * hedged_extra_request_share
)
dead_node_hedged_read_share = fraction(hedged_extra_request_share / dead_node_hedges_asked_share)
dead_node_unhedged_read_share = fraction(1 - dead_node_hedged_read_share)
dead_node_retried_read_share = fraction(dead_node_timeline_read_share * dead_node_unhedged_read_share)
assert dead_node_retried_read_share < retry_budget_share, "the dead server's refused reads must fit the retry budget"
assert dead_node_timeline_read_share < retry_budget_share, "once its breaker opens, all its reads must fit the budget"
dead_node_retried_read_answered_within = duration(timeline_cache_read_timeout + timeline_cache_read_timeout)
assert dead_node_retried_read_answered_within < timeline_load_deadline, "a retried read must fit the load's deadline"
dead_node_reads_moved_within = duration(tweet_cache_failure_detection + tweet_cache_ring_update)
# A replacement cache server copies its share from a surviving copy.
cache_resync_time = duration(cache_memory_per_server / resync_bytes_per_second)
# Not with Redis's own full sync: it forks the source (diskless too), and every page the source writes
# while the child sends is copied. A written entry rewrites most of its timeline's packed array (step 6),
# so each timeline written during the copy costs its array's pages again. At peak, a source (one of a
# copy's servers) takes this many entries during the copy, over this many timelines. Landing at
# random, they touch this share of them and copy this much memory, against what the machine has
# beside the cache's memory. One entry a timeline, the most that can differ, touches this share and
# copies this much; entries that cluster on busy readers' timelines touch fewer, and the fork fits
# only below this share (with nothing left for fragmentation and buffers). The source is taken with
# its memory full, as growth leaves it before the next servers join (the tier starts at
# timeline_cache_memory_target): it holds that share of its zone's copy, and takes that share of
# the writes and loads.
timeline_servers_per_zone = count(timeline_cache_servers / zones)
resync_source_timelines = count(cache_memory_per_server / timeline_cached_bytes_per_user)
resync_source_share = fraction(resync_source_timelines / weekly_active_users)
resync_source_written_entries_peak = count(written_deliveries_per_second_peak * resync_source_share * cache_resync_time)
fork_touched_timeline_share = fraction(1 - math.exp(-resync_source_written_entries_peak / resync_source_timelines))
fork_copied_bytes_peak = size(fork_touched_timeline_share * resync_source_timelines * timeline_bytes_per_user)
fork_touched_timeline_share_most = fraction(min(1, resync_source_written_entries_peak / resync_source_timelines))
fork_copied_bytes_peak_most = size(fork_touched_timeline_share_most * resync_source_timelines * timeline_bytes_per_user)
cache_memory_left = size(cache_machine_memory - cache_memory_per_server)
fork_fits_touched_share = fraction(cache_memory_left / (resync_source_timelines * timeline_bytes_per_user))
assert fork_copied_bytes_peak > cache_memory_left, "a forked copy at peak would not fit: the design does not fork"
assert fork_touched_timeline_share > fork_fits_touched_share, "the random spread must be past the share that fits"
# So the timeline module copies without a fork: it sends its key ranges in order from the main thread,
# a small chunk between requests, and forwards every change to a key at or behind that cursor on the
# same ordered stream, keys created there included (those the chunks will never send). A server sends
# one copy at a time, and the changes made meanwhile are the most the stream can hold unsent: the
# entries written, a key and an entry each; an expiry reset for each load of a timeline in the source's
# ranges (its read or its touch: a key and an 8-byte time) and at most one expiry (a key: a timeline
# expires a week after its last load, so no more expire than were loaded in the same minutes a week
# before); a rebuild's or a follow's copy of at most a full timeline (rebuilds are at most the loads of
# daily users last seen over a day before, what a day's expiry would rebuild, more than a week's does);
# and a follow change's other operations, a key and a note each. A mode change's walk, rare (the
# band), is left out.
resync_source_loads_peak = count(timeline_loads_per_second_peak * resync_source_share * cache_resync_time)
resync_source_rebuilds_most = count(resync_source_loads_peak * day_expiry_rebuild_load_share)
resync_source_follow_changes_peak = count(follow_changes_per_second_peak * resync_source_share * cache_resync_time)
resync_change_log_bytes_peak = size(
    resync_source_written_entries_peak * (timeline_key_bytes + timeline_entry_bytes)
    + resync_source_loads_peak * (2 * timeline_key_bytes + 8)
    + (resync_source_rebuilds_most + resync_source_follow_changes_peak) * (timeline_key_bytes + timeline_bytes_per_user)
    + resync_source_follow_changes_peak
    * timeline_ops_per_follow_change
    * (timeline_key_bytes + follow_change_note_bytes)
)
resync_change_log_share_of_memory_left = fraction(resync_change_log_bytes_peak / cache_memory_left)
# A restart is a replacement (step 7). The cache keeps nothing on disk, so a node restarted (a crash, an
# out-of-memory kill, a deploy) comes back empty, often before the detector would declare it down. Unannounced,
# the fan-out's append-if-present would find nothing on it and report success, and each of its readers' next
# loads in that zone would copy the timeline in from another zone's copy (step 6): its share of its zone's loads
# at peak, each a cached timeline between zones, and no store reads. The copy refills only for readers who load
# in that zone, so it announces a new incarnation and resyncs before it serves instead.
restarted_node_loads_per_second_peak = peak(timeline_loads_per_second_peak / zones / timeline_servers_per_zone)
restarted_node_copy_in_bytes_per_second_peak = bandwidth(
    restarted_node_loads_per_second_peak * timeline_cached_bytes_per_user, peak=True
)
# A whole zone's copy left empty (its nodes restarted at once, or flushed when a lost zone returns) would copy in
# on every first load in the zone: at first the zone's whole load rate, falling as its readers return.
empty_zone_copy_ins_per_second_peak = peak(timeline_loads_per_second_peak / zones)
empty_zone_copy_in_bytes_per_second_peak = bandwidth(
    empty_zone_copy_ins_per_second_peak * timeline_cached_bytes_per_user, peak=True
)
# A deploy restarts every node, one zone at a time. One node at a time, each resynced, takes a zone this long and
# the tier three times that. The design restarts each zone in waves instead: each node of a wave announces its
# new incarnation and resyncs from a different source before it serves, so a wave copies between zones its size
# times one resync. The wave holds as many nodes as keep that within a budget, a design choice (ten resyncs'
# worth, 40 Gbit/s, to check against what the links between two zones carry beside the peak's own traffic), after
# a first wave of one node, the canary. A rollback is a deploy of the build before, at the same pace.
timeline_cache_zone_deploy_time = duration(timeline_servers_per_zone * cache_resync_time)
timeline_cache_tier_deploy_time = duration(zones * timeline_cache_zone_deploy_time)
deploy_copy_budget = throughput(5 * GB, "B/s")
deploy_canary_nodes = count(1)
deploy_wave_nodes = count(math.floor(deploy_copy_budget / resync_bytes_per_second))
deploy_wave_bandwidth = bandwidth(deploy_wave_nodes * resync_bytes_per_second)
deploy_waves_per_zone = count(1 + math.ceil((timeline_servers_per_zone - deploy_canary_nodes) / deploy_wave_nodes))
# The canary, and then the zone's last wave, run under live traffic for this long (a design choice) before the
# next wave, or the next zone, starts: the bake is in the times.
deploy_bake = duration(10 * 60)
wave_deploy_zone_time = duration(deploy_waves_per_zone * cache_resync_time + 2 * deploy_bake)
wave_deploy_tier_time = duration(zones * wave_deploy_zone_time)
# A lost zone coming back (step 7). Its timeline copy missed every delivery, follow and unfollow
# while it was away. Replaying them from the fan-out's log: each hour away at peak leaves this many
# delivery attempts for that copy, replayed on the fan-out workers' spare (below) in this long, and it
# helps only a copy whose memory survived (the writes are append-if-present). Resyncing instead:
# each of the zone's timeline cache servers is a replacement, all at once, each copying
# cache_resync_time from a surviving zone's copy, which moves this much between zones meanwhile.
zone_return_replay_per_outage_hour = count(deliveries_per_second_peak * SECONDS_PER_HOUR)
zone_return_resync_servers = count(timeline_servers_per_zone)
zone_return_resync_bandwidth = bandwidth(zone_return_resync_servers * resync_bytes_per_second)

# A region restored with no timeline snapshot to load (twitter_restore): every timeline copy starts empty, so
# before the home timeline is admitted a job rebuilds the recent daily users' timelines, a tweet-list read for
# each account a user follows and one for their own. The store is given over to it, every zone's servers at the
# read target, each read a quorum read; its block caches start empty, so the cold rate is the honest one, the
# recent rate what it reaches if they warm. The calls admitted meanwhile take a share of the store, so these are
# the least times.
restore_timeline_rebuild_reads = count(daily_active_users * (follows_per_user + 1))
restore_store_cold_reads_per_second = throughput(
    zones * database_servers_per_zone * store_read_target_zone_lost * cold_reads_per_database_server / quorum_copies
)
restore_store_warm_reads_per_second = throughput(
    zones * database_servers_per_zone * store_read_target_zone_lost * reads_per_database_server / quorum_copies
)
restore_timeline_rebuild_time = duration(restore_timeline_rebuild_reads / restore_store_cold_reads_per_second)
restore_timeline_rebuild_time_warm = duration(restore_timeline_rebuild_reads / restore_store_warm_reads_per_second)
# What the admitted calls leave it: every store read but the home timeline's favorites read (profiles, search,
# posts, their cache fills), each a quorum read on two copies at its rate (the cold ones, profiles' old tweets,
# search's and their counts, at the cold rate), and the Paxos state reads in every zone, as servers' worth, at
# the busy hour and over a day's average. The job has the rest of the servers at the target, at the cold rate.
# The admitted rates are the warm caches' misses; the restore starts the caches empty, so the times are a minimum.
restore_admitted_store_servers_peak = count(
    quorum_copies
    * (
        (hot_store_reads_per_second_peak - timeline_loads_per_second_peak) / reads_per_database_server
        + cold_store_reads_per_second_peak / cold_reads_per_database_server
    )
    + zones * paxos_state_reads_per_zone_peak / reads_per_database_server
)
restore_store_servers_at_target = count(zones * database_servers_per_zone * store_read_target_zone_lost)
restore_admitted_store_share_peak = fraction(restore_admitted_store_servers_peak / restore_store_servers_at_target)
restore_job_reads_per_second_peak = throughput(
    (restore_store_servers_at_target - restore_admitted_store_servers_peak)
    * cold_reads_per_database_server
    / quorum_copies
)
restore_job_reads_per_second_average = throughput(
    (restore_store_servers_at_target - restore_admitted_store_servers_peak / peak_to_average)
    * cold_reads_per_database_server
    / quorum_copies
)
restore_timeline_rebuild_time_admitted_peak = duration(
    restore_timeline_rebuild_reads / restore_job_reads_per_second_peak
)
restore_timeline_rebuild_time_admitted_average = duration(
    restore_timeline_rebuild_reads / restore_job_reads_per_second_average
)

# Fan-out outage in the busy hour: the backlog of delivery attempts, and the time to drain it while new
# tweets keep arriving. Two tiers must take the extra attempts: the fan-out workers, whose spare is
# the fleet's room over pure push's peak with every zone up, and the timeline cache, sized by memory, whose spare
# operations go three to an attempt, one on each copy. The smaller spare sets the pace.
fanout_backlog = count(deliveries_per_second_peak * fanout_outage)
fanout_worker_spare = throughput(fanout_fleet_capacity - deliveries_per_second_peak)
timeline_cache_spare = throughput(
    (timeline_cache_servers * cache_ops_per_server - timeline_cache_ops_peak) / timeline_cache_copies
)
fanout_drain_rate = throughput(min(fanout_worker_spare, timeline_cache_spare))
fanout_drain_time = duration(fanout_backlog / fanout_drain_rate)
zone_return_replay_time_per_outage_hour = duration(zone_return_replay_per_outage_hour / fanout_worker_spare)

# An append while a zone is lost (step 5). Every log partition has a replica in each zone, and with
# acks=all its leader waits for every in-sync replica, so a lost zone stalls every append until the
# controller fences that zone's brokers and drops them from the in-sync sets
# (broker.session.timeout.ms, 9 s by default) or, at the latest, replica.lag.time.max.ms (30 s) runs
# out; partitions led from that zone need a new leader too. So every request that appends (a post,
# a favorite, a follow, a post's replay) gives its append half the post's p99 budget (the other half
# is for the checks' reads, the key's reservation, the batch and the timeline copies), replies when that runs out, and
# leaves the event to the outbox sweeper. The producer keeps retrying that send, and the sweeper's
# own publish, about 10 s after each second, stalls the same way: a tweet posted in the stall
# reaches the log when the stall ends, up to 30 s after its post, past the freshness target.
log_append_deadline = duration(post_latency_target / 2)
log_stall_longest = kafka_replica_lag_max
sweeper_first_read_delay = duration(10)
# The stalled-log page (step 7). The tweet service writes a heartbeat, stamped with its time, into
# every partition of the tweet topic each second, and a small reader, apart from the fan-out consumers,
# reads each partition's newest records from the log's end. The log has stalled when a partition's
# newest record is older than the longest stall the design rides out (the zone loss's, above) plus a
# heartbeat's interval and the reader's poll interval, rounded up to a minute, so a broker's or a
# zone's failover does not page, and neither does a consumer behind, whose lag has its own ticket and
# page.
log_heartbeat_interval = duration(1)
log_stall_reader_poll = duration(5)  # design choice: the reader reads each partition's end every 5 s
log_stall_page_age = duration(math.ceil((log_stall_longest + log_heartbeat_interval + log_stall_reader_poll) / 60) * 60)
# The stall bounds above need a live majority of the log's KRaft controllers, which fence brokers, shrink the
# in-sync sets and elect leaders: three dedicated controllers, one a zone, so a lost zone leaves two. If the
# active one was in it, the others campaign once they have gone the fetch timeout without hearing from it, a
# vote takes up to twice the election timeout, and the new one fences the lost brokers a session timeout after
# taking over: at most this long when the first vote wins. A split vote of the two left adds a backoff (100 ms
# after a first failed round) and another vote, still well inside the longest stall (the ride-hailing example
# counts the same election).
zone_loss_fencing_after_controller_election = duration(
    kafka_controller_fetch_timeout + 2 * kafka_controller_election_timeout + kafka_broker_session_timeout
)
controller_split_vote_delay = duration(0.1 + 2 * kafka_controller_election_timeout)
assert zone_loss_fencing_after_controller_election + controller_split_vote_delay < log_stall_longest
# The consumer groups (fan-out, notifications, deletions, search, the counting job) use the classic
# protocol's shortest session, 6 s (group.min.session.timeout.ms; the default session.timeout.ms is 45 s,
# and KIP-848's groups allow no less:
# https://kafka.apache.org/documentation/#consumerconfigs_session.timeout.ms), heartbeat at a third of it,
# as Kafka advises, and commit what they have applied each second, as the ride-hailing example's do.
consumer_session_timeout = duration(6)
consumer_heartbeat_interval = duration(consumer_session_timeout / 3)
consumer_commit_interval = duration(1)
# A counting task writes no total once this long has passed, on its monotonic clock, since its last poll
# returned; it polls first, which tells it of a rebalance (step 4). The session less two heartbeat intervals:
# the group gives its partitions away a session after the last heartbeat it heard from the task, at most an
# interval before that poll, and the second interval keeps every stamp the task draws that long before the
# handover, far more than two clocks can differ (concept_ids.handover_gap).
counting_write_window = duration(consumer_session_timeout - 2 * consumer_heartbeat_interval)
# A lost zone takes the members running in it too. Their partitions move once their sessions expire and the
# others rejoin at their next heartbeat; if the group's coordinator (the broker leading its offsets partition)
# was in the zone, the group moves only after the fence, a split vote included, and the new coordinator starts
# every session afresh (ride_hailing_reliability counts the same). The move ends inside the longest stall, so
# the fan-out's timings, counted from its end, hold (a shorter stall's moved partitions wait, but their tweets
# are among those late until the head consumer, which reads every partition, starts).
consumer_move_zone_loss = duration(
    zone_loss_fencing_after_controller_election
    + controller_split_vote_delay
    + consumer_session_timeout
    + consumer_heartbeat_interval
)
assert consumer_move_zone_loss <= log_stall_longest
# Lag is read from the committed offsets: how long the oldest event a group has not committed has waited in the
# log (its broker append time; an event's own time would count the producer's delay too, as the sweeper's
# minute-old re-read publishes a minute late). After a zone's loss it reaches at most the later of the stall's
# end and the move, plus two commit intervals: the last commit before the loss, and the first after.
consumer_lag_zone_loss_most = duration(max(log_stall_longest, consumer_move_zone_loss) + 2 * consumer_commit_interval)
# A stalled notification group writes no send tasks, so the push indicator, counted from the tasks, cannot see
# it. Its lag pages once a whole group stalled would have held back as many pushes as the fast burn pages on:
# that share of an hour's pushes, this many seconds of them (one stuck partition pages sooner, on its share).
notification_lag_page_age = duration(extras_fast_burn_error_share * SECONDS_PER_HOUR)
assert notification_lag_page_age > consumer_lag_zone_loss_most
# An event that fails every attempt (a poison event) is tried this many times, waits doubling from a second,
# then parked on a dead-letter topic, which pages; its partition is held back at most the waits' sum.
NOTIFICATION_EVENT_ATTEMPTS = 5
notification_event_attempts = count(NOTIFICATION_EVENT_ATTEMPTS)
notification_poison_hold = duration(sum(2**i for i in range(NOTIFICATION_EVENT_ATTEMPTS - 1)))
assert notification_poison_hold < notification_lag_page_age
# The push canary: each freshness canary's post mentions a canary account with a registered test device. A
# push the push services have not accepted within that same age is failed, and a minute's canary pushes (one
# a zone) all failing pages: at most a canary interval and that age after the outage starts.
push_canary_deadline = duration(notification_lag_page_age)
push_canary_page_after = duration(freshness_canary_interval + push_canary_deadline)
# The deletion consumer's lag opens a ticket (the legal deadline is far off, so no page): past the most a zone's
# loss leaves, plus the bound it has to land a tombstone in after the 202, rounded up to a minute.
deletion_lag_ticket_age = duration(math.ceil((consumer_lag_zone_loss_most + deleted_tweet_visible_after_202) / 60) * 60)
zone_loss_stalled_tweets = count(tweets_per_second_peak * log_stall_longest)
# The freshness target lets this many of the window's tweets be late.
freshness_allowance_tweets = count(tweets_per_second * slo_window * (1 - fanout_freshness_share))
zone_loss_stalled_tweet_share = fraction(zone_loss_stalled_tweets / (tweets_per_second * slo_window))
zone_loss_stalled_freshness_budget_share = fraction(zone_loss_stalled_tweets / freshness_allowance_tweets)
# The stall also leaves its delivery attempts behind, and with a zone lost, at pure push's rate, the fan-out
# workers keep only a thin spare (zone headroom exists only with every zone up; the fleet is sized on the
# hybrid's most, twitter_fanout), so the backlog drains slowly while traffic stays there (the hybrid's
# spare, below, drains it in minutes; the design does not count on either). If the consumer just
# worked through it, every later tweet would wait behind it, the whole busy hour's tweets late; so
# degraded mode 1's head-of-log consumer (step 7) takes the new tweets. Not from the zone's declaration: that
# may fall inside a long stall, when nothing new has reached the log, so a consumer started at the log's end
# then would begin at the offset the fan-out already holds, take the stalled events as they land and hand
# over at once (or just after a stall that fencing ended, kafka_broker_session_timeout, the usual case). The
# declaration arms it, and it starts once appends resume: at the first poll of the stalled-log reader (above)
# that finds, in every partition, a heartbeat written after the declaration, at most a heartbeat's interval
# and a poll's after the later of the declaration and the last partition taking writes again. It applies
# only events whose time (a tweet's ID time, another event's write timestamp) is later than its start
# less the freshness target; a start the declaration armed takes only those later than the start
# itself, since the stall may have ended just before it. Older events, the stalled ones and the
# sweeper's repeats of them (landing as the stall ends or up to the sweeper's delay after, below), go to the
# backlog consumer, whose tasks go to a low-priority queue that the fan-out workers, which both
# consumers share, take only when the head consumer's queue is empty (step 7): so the workers'
# capacity, the peak, goes to new events first (a tweet a lagging clock stamps a few milliseconds
# early goes to the backlog too, a handful). Tweets arriving
# until it starts wait behind the backlog: the stall plus that time, at the peak rate, are late.
head_consumer_after_resume = duration(log_heartbeat_interval + log_stall_reader_poll)
zone_loss_head_consumer_start = duration(log_stall_longest + head_consumer_after_resume)
# A declaration after a short stall starts it sooner than the longest stall does, so the bound holds either way.
assert zone_loss_declaration + head_consumer_after_resume <= zone_loss_head_consumer_start
zone_loss_late_tweets = count(tweets_per_second_peak * zone_loss_head_consumer_start)
zone_loss_late_freshness_budget_share = fraction(zone_loss_late_tweets / freshness_allowance_tweets)
# A stalled event can reach the log twice: the producer's retried send, and the sweeper's publish of
# its outbox row, which the post left unmarked at its append deadline (step 6). The producer's
# callback marks the row when the send is acknowledged, however late, so the sweeper skips a row it
# reads after that. It reads each second's rows sweeper_first_read_delay after the second: the rows
# of the stall's first seconds, up to the delay before its end, during the stall, when its own publish
# stalls too and lands with the originals as the stall ends; the rest, the stall's last seconds, after
# it, one second's rows after another, skipping those whose marks have landed. A repeat is dropped only
# at the insert, after the fan-out has read the follower pages and sent its attempts, so each costs a
# full fan-out.
# The marks reach the service's write pool together as the stall ends: the callbacks', one plain write
# for each event of the stall, and the sweeper's, which marks the rows it read during the stall once
# its stalled publish lands (step 4: it publishes, then marks), though the callbacks have marked them
# too. With a zone lost each mark is a write to both zones left and a hint for the lost copy (1.5
# writes a zone, as twitter_servers counts them). Even given each zone's whole room left for reads
# (to 100% busy), at a write's cost, they need this long to land, in no set order. They must land
# within the sweeper's delay: later, rows written after the stall would race their marks too (their
# repeats on the head consumer's path), and the stall's first rows would be published a third time at
# the minute-old re-read. So the write pool gives marks at least this share of that room, on top of
# their usual writes (which twitter_servers counts): then it has landed every mark queued by the delay's
# end, in whatever order, by that end, so no later row races its mark; and a mark queued longer than
# the delay opens a ticket, since the bounds below rest on it. Until the last mark lands the sweeper races
# them: the rows it reads in that window, at least as many whole seconds as the fastest landing and at
# most all of the stall's last seconds (the delay), may be read before their own marks and repeated.
# At that bound every stalled event is repeated, as if no late acknowledgement marked its row; the
# mark is sure to save only the rows read after the last mark lands (at the fastest, this many),
# though rows read earlier are saved too when their own marks come first.
zone_loss_stall_swept_during = duration(log_stall_longest - sweeper_first_read_delay)
zone_loss_stall_marks = count(outbox_rows_per_second_peak * log_stall_longest)
zone_loss_stall_sweeper_marks = count(outbox_rows_per_second_peak * zone_loss_stall_swept_during)
zone_loss_stall_marks_all = count(zone_loss_stall_marks + zone_loss_stall_sweeper_marks)
zone_loss_stall_marks_land_time = duration(
    zone_loss_stall_marks_all
    * (1 + 1 / (zones - 1))
    * store_write_cost_over_recent_read
    / zone_loss_store_recent_read_room
)
zone_loss_stall_marks_room_share_needed = fraction(zone_loss_stall_marks_land_time / sweeper_first_read_delay)
assert zone_loss_stall_marks_room_share_needed < 1
zone_loss_stall_race_time_at_least = duration(min(math.ceil(zone_loss_stall_marks_land_time), sweeper_first_read_delay))
zone_loss_stall_race_time = sweeper_first_read_delay
zone_loss_stall_race_deliveries = count(deliveries_per_second_peak * zone_loss_stall_race_time)
# The backlog, counted once with the race in it (an upper bound), and the mark's sure saving at the
# fastest landing.
zone_loss_stall_deliveries = count(
    deliveries_per_second_peak * (log_stall_longest + zone_loss_stall_swept_during + zone_loss_stall_race_time)
)
assert math.isclose(zone_loss_stall_deliveries, deliveries_per_second_peak * log_stall_longest * 2)
zone_loss_stall_mark_saving = count(
    deliveries_per_second_peak * (sweeper_first_read_delay - zone_loss_stall_race_time_at_least)
)
zone_loss_stall_mark_saving_share = fraction(zone_loss_stall_mark_saving / zone_loss_stall_deliveries)
# Of those, the sweeper's repeats (the race's included): dropped only at the insert, after their fan-out
# has read the follower pages and sent its attempts. A claim of the event ID before the fan-out (step 7's
# option) would drop them first and leave the rest.
zone_loss_stall_repeat_deliveries = count(
    deliveries_per_second_peak * (zone_loss_stall_swept_during + zone_loss_stall_race_time)
)
zone_loss_stall_repeat_share = fraction(zone_loss_stall_repeat_deliveries / zone_loss_stall_deliveries)
zone_loss_stall_deliveries_claimed = count(zone_loss_stall_deliveries - zone_loss_stall_repeat_deliveries)
zone_loss_late_tweets_without_head_consumer = count(tweets_per_second_peak * SECONDS_PER_HOUR)
zone_loss_late_without_head_consumer_freshness_budget_share = fraction(
    zone_loss_late_tweets_without_head_consumer / freshness_allowance_tweets
)
# All of the above is at pure push's rate. The fleet is sized on the hybrid's (twitter_fanout): with a zone lost
# the two zones' workers run the hybrid's most, hybrid_deliveries_per_second_peak_at_most (twitter_read_path), at
# fanout_zone_lost_load_most of what they do, so they keep at least this spare even at peak. The surviving timeline
# cache copies must take the drain too, two operations an attempt, on what pure push's load leaves them (the
# hybrid leaves more); the smaller spare sets the pace, as for the fan-out outage above, and the stall's
# attempts (counted at pure push's rate, more than the hybrid's) drain in at most this long. The design does
# not count on it for order (the priority queue and the head consumer work at pure push's rate), but the
# late tweets above hold only with it: the spare is what absorbs the bursts. Over the hybrid's load it is
# at least this share, the spare the game day leaves the fleet over that hour's arrival rate.
fanout_spare_zone_lost_hybrid_at_least = throughput(
    fanout_fleet_capacity * (zones - 1) / zones - hybrid_deliveries_per_second_peak_at_most
)
zone_loss_timeline_cache_spare = throughput(
    (cache_ops_per_server - zone_loss_cache_ops_per_server) * surviving_cache_servers / (timeline_cache_copies - 1)
)
fanout_spare_over_hybrid_load_at_least = fraction(
    fanout_spare_zone_lost_hybrid_at_least / hybrid_deliveries_per_second_peak_at_most
)
# At pure push's rate, which active users' posting could approach (step 6), the zone-lost fleet keeps only this
# spare, this share over that load: it takes the stall's attempts and the authors' appends in these times.
fanout_spare_zone_lost_pure_push = throughput(fanout_fleet_capacity * (zones - 1) / zones - deliveries_per_second_peak)
fanout_spare_over_pure_push_load = fraction(fanout_spare_zone_lost_pure_push / deliveries_per_second_peak)
zone_loss_backlog_drain_pure_push_at_most = duration(
    zone_loss_stall_deliveries / min(fanout_spare_zone_lost_pure_push, zone_loss_timeline_cache_spare)
)
zone_loss_drain_rate_hybrid_at_least = throughput(
    min(fanout_spare_zone_lost_hybrid_at_least, zone_loss_timeline_cache_spare)
)
zone_loss_backlog_drain_hybrid_at_most = duration(zone_loss_stall_deliveries / zone_loss_drain_rate_hybrid_at_least)
# What that spare covers: bursts of seconds. A tweet of the largest pushed account (the band's top) adds this
# much of the zone-lost fleet's work at once, and the spare pays it back in this long. It does not cover minutes
# above it: a stretch this long at this share over the hour's average (an example) adds its excess over the
# capacity, the hybrid's load plus the spare, and new tweets wait behind that much work, this long.
fanout_zone_lost_capacity = throughput(fanout_fleet_capacity * (zones - 1) / zones)
burst_tweet_fleet_time = duration(largest_pushed_followers / fanout_zone_lost_capacity)
burst_tweet_payback = duration(largest_pushed_followers / fanout_spare_zone_lost_hybrid_at_least)
sustained_burst_length = duration(5 * 60)
sustained_burst_excess = fraction(0.20)
sustained_burst_lag = duration(
    (sustained_burst_excess - fanout_spare_over_hybrid_load_at_least)
    * sustained_burst_length
    / (1 + fanout_spare_over_hybrid_load_at_least)
)
# The saturation ticket on the busy hour's measured attempts (step 7) fires when they pass this share of the
# zone-lost capacity, the share the fleet was sized to at launch: the hybrid's most at launch, no higher, so
# the ticket is shut on the first day. Growth at the store's assumed monthly rate then takes this long to
# carry the measured attempts from the ticket to the zone-lost capacity, where a lost zone leaves no spare.
fanout_ticket_share = fanout_zone_lost_load_most
fanout_ticket_attempts_peak = peak(fanout_zone_lost_capacity * fanout_ticket_share)
assert fanout_ticket_attempts_peak >= hybrid_deliveries_per_second_peak_at_most * (1 - 1e-9)
fanout_ticket_lead = duration(
    math.log(1 / fanout_ticket_share) / math.log(1 + store_read_growth_per_month) * SECONDS_PER_MONTH
)
# The authors' own timelines in a zone loss (step 7's priority rule). The post writes every zone's copy
# itself; the lost zone's copy is resynced when it returns, so the rule serves only a surviving zone's copy
# that missed the post's few-millisecond write. The fan-out's append to the author's own timeline fills
# it, and a stalled tweet's fan-out waits in the
# backlog, at pure push's rate until traffic falls below the peak. So while the head consumer runs, the backlog
# consumer's partitions are read once more by a reader outside its group that commits nothing, from the
# group's committed offsets through to the head consumer's start, so the group's position and offsets stay
# where the followers' fan-out stands; it puts each tweet's author append, one operation, on the high-priority
# queue; the followers' fan-out of those events stays in the log for its normal pass, on the low one.
# They are the tweets posted until the head consumer starts, at 17.4K/s at most, and again the sweeper's
# repeats, the race's counted whole though those published after that start fall past the reader's
# range. They add this much of the whole zone-lost fleet's time to new tweets' lag at pure push's rate, paid
# back on its thin spare in this long; under the hybrid its spare takes them in this long without touching
# new tweets. Either way the author sees the tweet seconds after the stall.
# Only a head consumer that a zone's loss armed does this. After the fan-out outage above, the lag trigger's
# head consumer leaves the authors' appends in the backlog: the outage does not touch the posts' own appends,
# so nearly all of them would change nothing, and the few copies that missed one wait only for the drain.
# Queued first, they would be every tweet of the outage, this many, taking this much of the whole fleet's
# time at once, this share of the freshness target.
zone_loss_author_appends = count(
    tweets_per_second_peak * (zone_loss_head_consumer_start + zone_loss_stall_swept_during + zone_loss_stall_race_time)
)
zone_loss_author_appends_fleet_time = duration(zone_loss_author_appends / (fanout_fleet_capacity * (zones - 1) / zones))
zone_loss_author_appends_hybrid_time = duration(zone_loss_author_appends / fanout_spare_zone_lost_hybrid_at_least)
zone_loss_author_appends_pure_push_time = duration(zone_loss_author_appends / fanout_spare_zone_lost_pure_push)
fanout_outage_author_appends = count(tweets_per_second_peak * fanout_outage)
fanout_outage_author_appends_fleet_time = duration(fanout_outage_author_appends / fanout_fleet_capacity)
fanout_outage_author_appends_target_share = fraction(fanout_outage_author_appends_fleet_time / fanout_freshness_target)

# The monthly game day (step 7): it caps the whole fan-out fleet, both consumers inside the cap, for a
# set time, off-peak: below the arrival rate until the head-of-log consumer starts, then at that rate plus
# fanout_spare_over_hybrid_load_at_least, the least spare the hybrid leaves with a zone lost at peak.
# At most every tweet posted during the drill is late, a share of the freshness target's allowance.
game_day_tweets_per_second = per_second(tweets_per_second * game_day_rate_share)
game_day_late_tweets_at_most = count(game_day_tweets_per_second * game_day_length)
game_day_freshness_budget_share = fraction(game_day_late_tweets_at_most / freshness_allowance_tweets)

# CDN: the origin normally sees only misses; without the CDN it sees every media byte.
origin_media_egress = bandwidth((photo_egress + video_egress) * (1 - cdn_hit_ratio))
origin_media_egress_peak = bandwidth(origin_media_egress * peak_to_average, peak=True)
cdn_loss_origin_multiplier = times(1 / (1 - cdn_hit_ratio))
cdn_lost_origin_media_egress_peak = bandwidth((photo_egress + video_egress) * peak_to_average, peak=True)

if __name__ != "twitter_reliability":
    print(
        markdown_table(
            ("Error budget", "Value"),
            [
                ("Requests allowed to fail", error_budget_share),
                (f"... as full downtime per {slo_window}", error_budget_downtime),
                (f"... as failed posts and home-timeline loads per {slo_window}", failed_requests_allowed),
                (
                    f"Searches and pushes allowed to fail ({extras_availability_target} target)",
                    extras_error_budget_share,
                ),
                (f"... as full downtime per {slo_window}", extras_error_budget_downtime),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (
                "Alert",
                "Short window",
                "Burn rate",
                f"Errors ({availability_target} target)",
                f"Failed searches or pushes ({extras_availability_target})",
                "Over threshold (p99)",
            ),
            [
                (
                    "Page: 2% of budget in 1 h",
                    fast_burn_short_window,
                    fast_burn_rate,
                    fast_burn_error_share,
                    extras_fast_burn_error_share,
                    fast_burn_slow_share,
                ),
                (
                    "Page: 5% of budget in 6 h",
                    slow_burn_short_window,
                    slow_burn_rate,
                    slow_burn_error_share,
                    extras_slow_burn_error_share,
                    slow_burn_slow_share,
                ),
                (
                    "Ticket: 10% of budget in 3 days",
                    ticket_burn_short_window,
                    ticket_burn_rate,
                    ticket_burn_error_share,
                    extras_ticket_burn_error_share,
                    fraction(ticket_burn_rate * percentile_budget_share),
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Read-your-writes canary", "Value"),
            [
                (
                    f"Loads a day ({freshness_canaries} canaries, a post each {freshness_canary_interval}, "
                    "one load through each zone's copy)",
                    ryw_canary_loads_per_day,
                ),
                ("Ticket: share of loads missing the tweet over a day", ryw_ticket_miss_share),
                ("... as misses a day", ryw_ticket_misses_per_day),
                ("... reached by one copy missing every post of one canary, in", ryw_one_copy_ticket_after),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Failure", "Figure", "Value"),
            [
                (
                    "Zone lost, timelines copied",
                    "Operations per surviving cache server",
                    zone_loss_cache_ops_per_server,
                ),
                ("", "... as a share of what one handles", zone_loss_cache_load),
                (
                    "Timeline cache memory grows",
                    f"To {store_read_ticket_zone_lost} full, from {timeline_cache_memory_used_share} at launch",
                    timeline_cache_memory_to_ticket,
                ),
                ("Zone lost, no copies", "Rebuild reads a second", zone_loss_rebuild_reads_per_second),
                ("", "... over the whole API's peak", zone_loss_rebuild_over_api_peak),
                ("Timeline cache server dies", "Its zone's timeline reads it held", dead_node_timeline_read_share),
                (
                    "",
                    f"Hedges asked for, with the other reads past their p95 (cap {hedged_extra_request_share})",
                    dead_node_hedges_asked_share,
                ),
                ("", "... of which the budget grants", dead_node_hedged_read_share),
                ("", "Its reads left to a timeout and a retry on zone B's copy", dead_node_unhedged_read_share),
                (
                    "",
                    f"... a share of the timeline server's reads (retry budget {retry_budget_share})",
                    dead_node_retried_read_share,
                ),
                ("", "... each late by at most its call timeout", timeline_cache_read_timeout),
                (
                    "",
                    "... answered within, when zone B's copy answers inside its timeout",
                    dead_node_retried_read_answered_within,
                ),
                ("", "... until the coordinator moves them, at most", dead_node_reads_moved_within),
                (
                    "Timeline copy fails a batch",
                    "Retried until, then the copy is marked behind",
                    timeline_copy_retry_deadline,
                ),
                (
                    "",
                    "Batches past that, from two zones, that declare its node down",
                    timeline_node_failed_batches_to_down,
                ),
                ("", "Other copies' wait for the first copy's apply, at most", fanout_first_copy_wait_most),
                ("", "... of the freshness target", fanout_first_copy_wait_target_share),
                ("Cache server replaced", "Time to copy its data", cache_resync_time),
                ("", "Entries its source takes meanwhile, at peak", resync_source_written_entries_peak),
                ("", "... over the source's timelines", resync_source_timelines),
                ("", "Memory a forked copy would copy again, entries landing at random", fork_copied_bytes_peak),
                ("", "... one entry a timeline, at most", fork_copied_bytes_peak_most),
                ("", "Memory the machine has beside the cache's", cache_memory_left),
                ("", "Changes forwarded on the forkless copy's stream, at most", resync_change_log_bytes_peak),
                (
                    "Cache server restarted, unannounced",
                    "Its readers' loads that copy their timeline in, at peak",
                    restarted_node_loads_per_second_peak,
                ),
                ("", "... bytes a second between zones", restarted_node_copy_in_bytes_per_second_peak),
                ("A zone's copy left empty", "First loads that copy in, at peak", empty_zone_copy_ins_per_second_peak),
                ("", "... bytes a second between zones", empty_zone_copy_in_bytes_per_second_peak),
                ("Timeline cache deploy", "One node at a time, each resynced: a zone", timeline_cache_zone_deploy_time),
                ("", "... the tier, a zone at a time", timeline_cache_tier_deploy_time),
                ("", f"Waves: nodes a wave within {deploy_copy_budget} between zones", deploy_wave_nodes),
                ("", "... bytes a second a wave copies", deploy_wave_bandwidth),
                ("", f"... waves a zone, a {deploy_canary_nodes}-node canary first", deploy_waves_per_zone),
                (
                    "",
                    f"... a zone, a {deploy_bake} bake after the canary and after the last wave",
                    wave_deploy_zone_time,
                ),
                ("", "... the tier, a zone at a time", wave_deploy_tier_time),
                (
                    "Region restored, no timeline snapshot",
                    "Tweet-list reads to rebuild the daily users' timelines",
                    restore_timeline_rebuild_reads,
                ),
                ("", "... store reads a second at the target, cold", restore_store_cold_reads_per_second),
                ("", "... time they take, cold", restore_timeline_rebuild_time),
                ("", "... time they take with the block caches warm", restore_timeline_rebuild_time_warm),
                (
                    "Lost zone returns, replayed from the log",
                    "Delivery attempts its copy missed, each hour away at peak",
                    zone_return_replay_per_outage_hour,
                ),
                ("", "... replayed on the fan-out workers' spare in", zone_return_replay_time_per_outage_hour),
                ("Lost zone returns, resynced", "Timeline cache servers copied at once", zone_return_resync_servers),
                ("", "Bytes a second between zones, for the time one takes", zone_return_resync_bandwidth),
                (
                    "Zone lost, then a tweet cache server",
                    "Lookups a second on each surviving server",
                    zone_loss_tweet_cache_lookups_per_server,
                ),
                ("", "... whose other copy was in the lost zone", zone_loss_orphaned_lookup_share),
                ("", "Misses a second if that server dies", zone_loss_cache_server_misses),
                ("", "Room left for recent reads on each zone's store", zone_loss_store_recent_read_room),
                ("", "Misses over that room", zone_loss_cache_server_misses_over_room),
                (f"Fan-out down {fanout_outage} at peak", "Delivery attempts waiting", fanout_backlog),
                ("", "Spare attempts a second: fan-out workers", fanout_worker_spare),
                ("", "Spare attempts a second: timeline cache", timeline_cache_spare),
                ("", "Time to drain it at the smaller", fanout_drain_time),
                ("Zone lost, log appends stall", "A request's wait for its append, at most", log_append_deadline),
                (
                    "",
                    f"Tweets posted in a {log_stall_longest} stall at peak, late",
                    zone_loss_stalled_tweets,
                ),
                ("", f"... share of a {slo_window} window's tweets", zone_loss_stalled_tweet_share),
                ("", "... share of the freshness target's allowance", zone_loss_stalled_freshness_budget_share),
                ("", "Head consumer starts after appends resume, at most", head_consumer_after_resume),
                ("", "... after the zone's loss, at most", zone_loss_head_consumer_start),
                ("", "Late tweets: every one posted until then, at peak", zone_loss_late_tweets),
                ("", "... share of the freshness target's allowance", zone_loss_late_freshness_budget_share),
                ("", "Marks as the stall ends: the callbacks', one for each event of the stall", zone_loss_stall_marks),
                (
                    "",
                    f"... the sweeper's, for the {zone_loss_stall_swept_during} whose rows it read during the stall",
                    zone_loss_stall_sweeper_marks,
                ),
                ("", "... in all, plain writes to the write pool", zone_loss_stall_marks_all),
                (
                    "",
                    "... time to land them with a zone lost, at least (the store's whole room left for reads)",
                    zone_loss_stall_marks_land_time,
                ),
                (
                    "",
                    "... share of that room they need to land within the sweeper's delay (the write pool gives it)",
                    zone_loss_stall_marks_room_share_needed,
                ),
                (
                    "",
                    "Window of rows that may race their marks, at least (the fastest landing)",
                    zone_loss_stall_race_time_at_least,
                ),
                ("", "... at most (the sweeper's delay)", zone_loss_stall_race_time),
                ("", "... their repeated attempts, at most", zone_loss_stall_race_deliveries),
                (
                    "",
                    f"Delivery attempts the stall leaves behind, at most: each event and the sweeper's repeat of it "
                    f"({zone_loss_stall_swept_during} read during the stall, {zone_loss_stall_race_time} in the race)",
                    zone_loss_stall_deliveries,
                ),
                (
                    "",
                    "... sure to be saved by marking on a late acknowledgement, at the fastest landing",
                    zone_loss_stall_mark_saving,
                ),
                ("", "... as a share of the stall's attempts", zone_loss_stall_mark_saving_share),
                (
                    "",
                    "Tweets late in the busy hour if they all wait behind those attempts (pure push's rate)",
                    zone_loss_late_tweets_without_head_consumer,
                ),
                (
                    "",
                    "... share of the freshness target's allowance",
                    zone_loss_late_without_head_consumer_freshness_budget_share,
                ),
                (
                    "",
                    "Fan-out workers' spare at peak under the hybrid, at least",
                    fanout_spare_zone_lost_hybrid_at_least,
                ),
                ("", "... over the hybrid's load, at least", fanout_spare_over_hybrid_load_at_least),
                ("", "... at pure push's rate", fanout_spare_zone_lost_pure_push),
                ("", "... over pure push's load", fanout_spare_over_pure_push_load),
                (
                    "",
                    "... a tweet of the largest pushed account: the zone-lost fleet's time it adds",
                    burst_tweet_fleet_time,
                ),
                ("", "... paid back on that spare in", burst_tweet_payback),
                (
                    "",
                    f"... {sustained_burst_length} at {sustained_burst_excess} over the hour's average: lag left",
                    sustained_burst_lag,
                ),
                (
                    "",
                    f"Ticket: busy-hour attempts past {fanout_ticket_share} of the zone-lost capacity",
                    fanout_ticket_attempts_peak,
                ),
                (
                    "",
                    f"... to that capacity from there, at {store_read_growth_per_month} a month",
                    fanout_ticket_lead,
                ),
                (
                    "",
                    "Timeline cache's spare on the two copies left, at pure push's load",
                    zone_loss_timeline_cache_spare,
                ),
                (
                    "",
                    "... time to drain the stall's attempts on the smaller, at most",
                    zone_loss_backlog_drain_hybrid_at_most,
                ),
                ("", "... at pure push's rate", zone_loss_backlog_drain_pure_push_at_most),
                (
                    "",
                    "Authors' own appends the backlog puts on the high-priority queue: tweets until the head "
                    "consumer starts, and the sweeper's repeats",
                    zone_loss_author_appends,
                ),
                (
                    "",
                    "... the zone-lost fleet's time they add to new tweets' lag",
                    zone_loss_author_appends_fleet_time,
                ),
                ("", "... time on the hybrid's spare, at most", zone_loss_author_appends_hybrid_time),
                ("", "... on pure push's spare", zone_loss_author_appends_pure_push_time),
                (
                    f"Fan-out down {fanout_outage}, authors' appends",
                    "Authors' own appends, if they went first (they do not)",
                    fanout_outage_author_appends,
                ),
                ("", "... the whole fleet's time they would take", fanout_outage_author_appends_fleet_time),
                ("", "... as a share of the freshness target", fanout_outage_author_appends_target_share),
                (
                    "Event log stalled",
                    f"Page: a partition's newest record (a heartbeat each {log_heartbeat_interval}, "
                    f"read each {log_stall_reader_poll}) older than",
                    log_stall_page_age,
                ),
                (
                    "",
                    "Lost brokers fenced, the active controller lost too, at most (the first vote won)",
                    zone_loss_fencing_after_controller_election,
                ),
                (
                    "",
                    f"Lost zone's consumers' partitions moved (a {consumer_session_timeout} session), at most",
                    consumer_move_zone_loss,
                ),
                ("", "... a group's lag after the loss, at most", consumer_lag_zone_loss_most),
                (
                    "Notification consumer stalled",
                    "Page: its lag, the oldest uncommitted event's wait in the log, past",
                    notification_lag_page_age,
                ),
                (
                    "",
                    f"A poison event: {notification_event_attempts} attempts, then the dead-letter topic; "
                    "its partition held",
                    notification_poison_hold,
                ),
                (
                    "",
                    f"Push canary: a push not accepted within {push_canary_deadline} fails; pages within",
                    push_canary_page_after,
                ),
                ("Deletion consumer stalled", "Ticket: its lag past", deletion_lag_ticket_age),
                (
                    "Edge or provider down",
                    f"Outside prober: a probe each {outside_probe_interval}, pages after "
                    f"{outside_probe_failures_to_page} failures in a row, within",
                    outside_probe_page_after,
                ),
                ("Tweet cache node unreachable", "A DELETE's deadline (a write's gateway cut-off)", delete_deadline),
                ("", "Deleted tweet visible after the 202, at most", deleted_tweet_visible_after_202),
                ("", "... from the DELETE's arrival, at most", deleted_tweet_visible_at_most),
                (
                    f"Game day, {game_day_length} at {game_day_rate_share} of the average",
                    "Tweets posted during it, all late at most",
                    game_day_late_tweets_at_most,
                ),
                ("", "... share of the freshness target's allowance", game_day_freshness_budget_share),
                ("CDN lost", "Origin media egress with the CDN up (the shield's misses), average", origin_media_egress),
                ("", "... at peak", origin_media_egress_peak),
                ("", "Origin load multiplied by, the CDN lost", cdn_loss_origin_multiplier),
                ("", "Origin media egress at peak without the CDN", cdn_lost_origin_media_egress_peak),
            ],
        )
    )
