"""Rate limiter worked example: a zone cut off from the rest of its region but running. What its
store primaries lose, how long its front door keeps taking requests, and what the balancer's retries of
a failed connect save."""

import math

from rate_limiter_accuracy import region_cut_split_after, seconds_per_token
from rate_limiter_assumptions import (
    alternative_balancer_keepalive_timeout,
    alternative_readiness_probe_timeout_long,
    alternative_readiness_probe_timeout_short,
    balancer_connect_retries,
    balancer_connect_timeout,
    balancer_connection_rate_cap,
    balancer_cpu_per_request,
    balancer_dns_ttl,
    balancer_keepalive_interval,
    balancer_keepalive_jitter,
    balancer_keepalive_timeout,
    balancer_local_refusal_cost_share,
    balancer_panic_threshold,
    balancer_retry_backoff_base,
    balancer_retry_backoff_max,
    burst_allowance,
    client_connection_drain_timeout,
    client_connection_max_life,
    cores,
    failover_time,
    flood_requests_per_second,
    large_plan_burst_share,
    large_plan_limit_per_minute,
    nlb_health_check_interval,
    nlb_unhealthy_threshold,
    readiness_failure_threshold,
    readiness_probe_period,
    readiness_probe_timeout,
    redis_min_replicas_max_lag,
    region_sync_interval,
    shift_decision_time,
    store_breaker_min_checks,
    store_breaker_window,
    zonal_shift_time,
    zones,
)
from rate_limiter_servers import (
    balancer_nodes_per_zone,
    breaker_trip_stall_window_rule,
    gateway_shard_checks_per_second_peak,
    gateways_per_region,
    gateways_per_zone,
    primaries_in_worst_zone,
    primaries_majority,
    region_checks_per_second_peak,
    split_fewest_primaries_in_a_zone,
    store_down_scale_above_per_minute,
    store_shards_per_region,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    GiB,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_day,
    per_second,
    size,
    size_per_day,
    throughput,
    whole_up,
)

# A zone cut off from the others but running. A primary on its side keeps accepting its own zone's
# gateways' writes until the node timeout, when it sees it cannot reach a majority of primaries and stops;
# meanwhile its replica on the majority side is promoted without those writes, and the old primary
# rejoins as a replica. So a key on such a shard can spend, unrecorded anywhere that survives, a burst and
# the node timeout's refill (never reported to the other regions, and forgiven at home).
zone_partition_unrecorded_at_most = count(math.ceil(burst_allowance + failover_time / seconds_per_token))
# With min-replicas-to-write 1 instead, the window would end at min-replicas-max-lag:
zone_partition_unrecorded_min_replicas = count(
    math.ceil(burst_allowance + redis_min_replicas_max_lag / seconds_per_token)
)
# The gateways on the cut-off side reach only their own zone's primaries, at most primaries_in_worst_zone
# of the region's, short of a majority, so the readiness rule (a majority of primaries reached) fails
# them, and they check on local buckets every key whose primary is elsewhere: up to this share of their
# keys, in the zone holding the fewest primaries (and every key once its own primaries stop, at the node
# timeout).
assert primaries_in_worst_zone < primaries_majority, "a cut-off zone's gateways must fail readiness"
zone_partition_elsewhere_share = fraction(1 - split_fewest_primaries_in_a_zone / store_shards_per_region)
# Detection, as Envoy probes: the next interval starts when a probe completes; the worst case, the cut just
# after a probe passed. The zone's own nodes get a 503 from its gateways, counted like a lost probe, once
# the gateways' breakers on the shards across the cut open: at the busiest region's peak each gateway sends
# each shard more than the breaker's minimum count, so they open within breaker_trip_stall_window_rule, well
# inside a probe interval. (Below the minimum count the breaker opens in about its window; the zone's own
# drop is then later, which keeps requests in the zone.) A probe passed just before they open moves the drop
# that much past this time.
assert gateway_shard_checks_per_second_peak * store_breaker_window >= store_breaker_min_checks
assert breaker_trip_stall_window_rule < readiness_probe_period
# The breaker's floor: a region sending fewer checks than this, spread over its gateways and shards (a small
# region at night), holds too few in a window to count the share, and its breakers open on a dead shard by
# the other rule, store_breaker_timeouts in a row with none answered for the window (step 7).
breaker_min_checks_region_per_second = per_second(
    store_breaker_min_checks / store_breaker_window * gateways_per_region * store_shards_per_region
)
zone_partition_own_detect_time = duration(readiness_failure_threshold * readiness_probe_period)
# Envoy runs one probe timer a host, in a phase set by when the host joined and drifting by each probe's
# response time (the next interval is armed when a probe completes), so the probes of the zone's own
# gateways are not in step with those across the cut. At the earliest, a probe lands as the breakers open
# (they need half the window's checks failed, each after its timeout, so not sooner than
# breaker_trip_stall_window_rule at peak) and the third 503 comes two intervals later.
zone_partition_own_detect_time_earliest = duration(
    breaker_trip_stall_window_rule + (readiness_failure_threshold - 1) * readiness_probe_period
)
# A probe across the cut gets no answer and runs out its timeout (Envoy's HTTP health check gives its own
# connect no shorter timer), so the other zones' nodes drop the zone's gateways, and its nodes the rest,
# after this long.
zone_partition_detect_time = duration(readiness_failure_threshold * (readiness_probe_period + readiness_probe_timeout))
# The earliest drop across: a probe sent just as the cut falls, then each lost probe's timeout and the
# intervals between them.
_across_drop_earliest = zone_partition_detect_time - readiness_probe_period
# With a timer a host, the two drops can overlap: the zone's own drop, as late as a probe passed just before
# the breakers opened, can come after gateways across have started to drop, or after all of them (the
# balancer then panics and spreads requests over every gateway). An earlier own drop lengthens the window in
# which every request crosses, so the counts of requests crossing and failing below, taken with the earliest
# own drop and the latest drop across, are bounds (all failing needs every own gateway dropped and enough of
# those across still ready to keep the balancer out of panic, half the region's gateways, which fits between
# them). The count on local buckets takes the latest own drop and the earliest drop across, with as many
# gateways across dropped in between as fail the fewest requests.
assert zone_partition_own_detect_time + breaker_trip_stall_window_rule < zone_partition_detect_time
_own_drop_latest = zone_partition_own_detect_time + breaker_trip_stall_window_rule
assert _across_drop_earliest <= _own_drop_latest
# The zone's own nodes, taking each group of gateways (its own, those across) as dropping together and
# out of step with the other: until their own gateways drop, all 24 ready, they send the other
# zones' share across; then only the 16 across remain ready, above the panic threshold, and they send the
# whole zone's requests there; once those drop too, none is ready, and in panic they send to every gateway.
# (Were a group's probes out of step, a node would fall below the threshold as the gateways across drop,
# and send fewer; the count on local buckets below allows for that.)
# Envoy tests healthy share < threshold for panic.
assert (gateways_per_region - gateways_per_zone) / gateways_per_region >= balancer_panic_threshold, (
    "with one zone's gateways dropped, a node must not be in panic"
)
zone_partition_reachable_share = fraction(gateways_per_zone / gateways_per_region)
# The other zones' nodes, meanwhile, still see their own zones' gateways healthy: the share their health
# check filter weighs (step 7).
zone_partition_healthy_share_elsewhere = fraction((gateways_per_region - gateways_per_zone) / gateways_per_region)
_window = zone_partition_detect_time - zone_partition_own_detect_time_earliest
zone_partition_all_across_time = duration(_window)
zone_partition_detect_cross_share = fraction(
    ((1 - zone_partition_reachable_share) * zone_partition_own_detect_time_earliest + _window)
    / zone_partition_detect_time
)
# So its addresses leave the API's DNS name (step 7): the automation decides once the other zones' nodes
# have dropped the zone's gateways and calls the zonal shift, which takes its time to take effect. From
# then on the NLB sends no new connection to the zone's Envoy nodes; a connection opened before lasts until
# Envoy closes it, its grace period included: that long, at most, the zone's share of the region's
# requests keeps arriving. The counts below take the zone's full rate until then, so they are bounds: after
# the shift only connections opened before it still arrive, fewer as each reaches its maximum life.
zone_partition_drain_time = duration(
    zone_partition_detect_time
    + shift_decision_time
    + zonal_shift_time
    + client_connection_max_life
    + client_connection_drain_timeout
)
_zone_requests_per_second = region_checks_per_second_peak / zones
zone_partition_front_door_requests = count(_zone_requests_per_second * zone_partition_drain_time)
# A client still holding a cached answer, for up to the DNS TTL after the shift, may open a connection on
# the zone's address, which now leads to no Envoy node: its connect fails, and most HTTP clients then try
# the name's next address, after a delay; one that does not fails the request. At most the zone's share of
# the region's requests over the TTL (fewer, since many still ride a connection opened before the shift).
# Both counts are bounds over the same minutes: after the shift a request is in one or the other.
zone_partition_cached_answer_requests = count(_zone_requests_per_second * balancer_dns_ttl)
# That the shifted zone's address takes no new connection is an assumption (AWS documents only that the
# load balancer stops routing to the zone's targets): were its node to pass them on, the zone would take
# requests for the DNS TTL more, served as before.
zone_partition_drain_time_if_served = duration(zone_partition_drain_time + balancer_dns_ttl)
# Requests sent across the cut on connections opened before it, which now carry nothing, wait until the
# HTTP/2 keepalive closes the connection (it comes before the health check) and fail. The balancer retries
# none of them, reads included, since it cannot tell whether one reached its gateway before the cut: its one
# route retries only on connect-failure,reset-before-request, a try whose request was not sent. So every
# stranded request fails, and the client retries it after its 503. The zone's nodes send the other zones'
# share that way, and the other zones' nodes their share for the zone's gateways.
zone_partition_keepalive_window = duration(
    balancer_keepalive_interval * (1 + balancer_keepalive_jitter) + balancer_keepalive_timeout
)
assert zone_partition_keepalive_window <= zone_partition_own_detect_time_earliest
_stranded_out = _zone_requests_per_second * (1 - zone_partition_reachable_share) * zone_partition_keepalive_window
# Every other zone's node spreads its requests over the region's gateways, so it sends a zone's gateways
# (cut off, or lost) their share of its requests.
zone_gateways_sent_share = fraction(gateways_per_zone / gateways_per_region)
_stranded_in = _zone_requests_per_second * (zones - 1) * zone_gateways_sent_share * zone_partition_keepalive_window
zone_partition_stranded_requests = count(_stranded_out + _stranded_in)
# A zone lost, not cut off, strands the other zones' share the same way: their nodes keep sending a third of
# their requests to its dead gateways on open connections until keepalive closes them (the zone's own nodes
# die with it, and their clients' requests with them). A cost of the spread: zone-local balancing would
# strand none from the other zones.
zone_loss_stranded_requests = count(_stranded_in)
# A lost zone's address, unlike a cut zone's, leads to no running Envoy node from the moment of loss, and
# DNS keeps handing it out until the NLB's health checks find the zone's nodes unhealthy; a client that
# resolved before that holds it for the DNS TTL more. Its connects time out (no RST), so even a client that
# tries the name's next address waits out its connect timeout first. The last check's timeout
# (nlb_health_check_timeout, an HTTP check) and however long the dead zone's own NLB node takes to leave DNS
# (AWS does not say) come on top, so the count is about this, not a bound.
nlb_detect_time = duration(nlb_health_check_interval * nlb_unhealthy_threshold)
zone_loss_cached_answer_requests = count(_zone_requests_per_second * (nlb_detect_time + balancer_dns_ttl))
# Envoy's per-connection bucket holds the largest plan's burst, so a client spending it at once on one
# connection meets the store's bucket first; refilled at the cap, it leaves the steady state unchanged.
balancer_connection_bucket_tokens = count(large_plan_limit_per_minute * large_plan_burst_share)
# A zone lost with a runaway client's flood in a zone left: step 2 runs that zone's Envoy nodes at
# balancer_flood_zone_load_share of their target, the zone's average. The NLB hashes each connection to one
# node, and Envoy serves it on one worker thread, so a node's share of the flood follows its share of the
# flood's connections, each costing at most one core. Envoy's cap on a connection's rate makes the whole flood
# pass only on this many connections or more, each living the minute Envoy allows: its full bucket, then the
# cap's refill (a client that reconnects sooner gets a full bucket sooner, and needs fewer). What a
# connection passes a second over that life is also what the two helpers below count as passed.
_connection_passes_per_second = (
    balancer_connection_bucket_tokens + balancer_connection_rate_cap * client_connection_max_life
) / client_connection_max_life
flood_connections_at_least = count(math.ceil(flood_requests_per_second / _connection_passes_per_second))
balancer_node_ceiling = throughput(cores / balancer_cpu_per_request)
_peak_per_flood_zone_node = region_checks_per_second_peak / (zones - 1) / balancer_nodes_per_zone
_spare_cores = cores - _peak_per_flood_zone_node * balancer_cpu_per_request
_node_share = 1 / balancer_nodes_per_zone


def _connections_to_ceiling(connections: int) -> int:
    """Of a flood on this many connections, how many bring one node to its whole CPU: a connection costs the
    requests it passes over its life, and those it refuses at their share, one core at most."""
    rate = flood_requests_per_second / connections
    passed = min(rate, _connection_passes_per_second)
    cpu = balancer_cpu_per_request * (passed + (rate - passed) * balancer_local_refusal_cost_share)
    return math.ceil(_spare_cores / min(cpu, 1))


def _ceiling_odds(connections: int) -> float:
    """The odds that one of the zone's nodes gets that many, each connection hashed to a node at random: three
    times one node's odds, exact since only one node can hold more than half of them."""
    needed = _connections_to_ceiling(connections)
    assert needed * 2 > connections or needed > connections
    return balancer_nodes_per_zone * sum(
        math.comb(connections, k) * _node_share**k * (1 - _node_share) ** (connections - k)
        for k in range(needed, connections + 1)
    )


# The flood's connection count the client happens to use is unknown: the worst over every count, up to well
# past the point where the cap no longer binds.
_worst = max(range(1, 10 * int(flood_connections_at_least)), key=_ceiling_odds)
balancer_ceiling_worst_connections = count(_worst)
balancer_ceiling_flood_connections = count(_connections_to_ceiling(_worst))
balancer_ceiling_one_in = count(1 / _ceiling_odds(_worst))
# On flood_connections_at_least connections, each carrying its share of the flood, for comparison.
balancer_ceiling_one_in_at_least = count(1 / _ceiling_odds(int(flood_connections_at_least)))
# A worker thread is one core whatever its node has spare: it also serves about 1 / cores of its node's other
# connections. Its ordinary load, a zone lost, and the flood's largest connection count that fills every
# worker a flood connection lands on (the cap bounds what a connection forwards, not what it costs, as
# refusals are costed). Those workers' other connections, at most this share of the zone's (each flood
# connection on a worker of its own), then wait on the flood.
balancer_worker_load = fraction(_peak_per_flood_zone_node / cores * balancer_cpu_per_request)


def _worker_load_with_flood(connections: int) -> float:
    """A worker's load, in cores, with one connection of a flood on this many connections."""
    rate = flood_requests_per_second / connections
    passed = min(rate, _connection_passes_per_second)
    cpu = balancer_cpu_per_request * (passed + (rate - passed) * balancer_local_refusal_cost_share)
    return balancer_worker_load + cpu


balancer_worker_full_connections_at_most = count(
    max(c for c in range(1, 10 * int(flood_connections_at_least)) if _worker_load_with_flood(c) >= 1)
)
assert all(_worker_load_with_flood(c) < 1 for c in range(int(balancer_worker_full_connections_at_most) + 1, 1000))
_zone_workers = balancer_nodes_per_zone * cores
balancer_worker_full_share_at_most = fraction(balancer_worker_full_connections_at_most / _zone_workers)
# Past that count a worker is no longer full, but loaded enough that its other connections queue: on the
# fewest connections that pass the whole flood, this much of a core.
balancer_worker_load_at_flood_connections = fraction(_worker_load_with_flood(int(flood_connections_at_least)))
# A zone cut off, once keepalive has closed the connections dead in the cut: a request to an unreachable
# gateway fails at connect, after the connect timeout, and is retried on a gateway it has not tried. It fails
# only if its first try and every retry land on unreachable gateways, drawn without replacement from those its
# node holds ready (every gateway, in panic).


def _all_tries_unreachable(tries: int, unreachable: float, ready: float) -> float:
    """The chance that this many tries, each on a ready gateway not tried before, all find no gateway."""
    return math.prod(max(unreachable - i, 0) / (ready - i) for i in range(tries))


_retries = int(balancer_connect_retries)
_across = gateways_per_region - gateways_per_zone
zone_partition_retry_failed_share = fraction(_all_tries_unreachable(_retries + 1, _across, gateways_per_region))
zone_partition_no_retry_failed_share = fraction(_all_tries_unreachable(1, _across, gateways_per_region))
# The other zones' nodes, until they drop the zone's gateways, miss only if every try lands there.
_in_failed_share = _all_tries_unreachable(_retries + 1, gateways_per_zone, gateways_per_region)
zone_partition_retries_per_request = count(
    sum(_all_tries_unreachable(i, _across, gateways_per_region) for i in range(1, _retries + 1))
)
zone_partition_retries_per_second = peak(_zone_requests_per_second * zone_partition_retries_per_request)
# Each try on an unreachable gateway waits for its connection as a pending request, up to the connect
# timeout: this many at once across the zone's nodes, on average at most (the tries a second times that
# wait), which the pending-request breaker must allow. (In the window when only gateways across the cut
# are ready, every try waits; those requests fail whatever the breaker does.)
zone_partition_connect_waits = count(
    _zone_requests_per_second
    * sum(_all_tries_unreachable(i, _across, gateways_per_region) for i in range(1, _retries + 2))
    * balancer_connect_timeout
)
# Each try that fails waits out the connect timeout, and each retry Envoy's jittered back-off, up to
# (2^n - 1) x the base before the nth, capped: the longest wait of a request that gets through on its last
# retry, and of one that fails. Bounds, so rounded up to the hundredth of a second they print to.
_backoffs = sum(
    min((2**n - 1) * balancer_retry_backoff_base, balancer_retry_backoff_max) for n in range(1, _retries + 1)
)
zone_partition_retry_wait_max = duration(whole_up((_retries * balancer_connect_timeout + _backoffs) * 100) / 100)
zone_partition_failed_wait = duration(whole_up(((_retries + 1) * balancer_connect_timeout + _backoffs) * 100) / 100)
# Failed at connect on every try, piecewise: the zone's nodes with every gateway ready, then with only those
# across ready (every try fails), then in panic until the front door closes; and the other zones' nodes
# until they drop the zone's gateways.


def _connect_failed_out_for(own_drop: float) -> float:
    """The zone's nodes' requests failed at connect on every try, their own gateways dropped this long after the cut."""
    return _zone_requests_per_second * (
        (own_drop - zone_partition_keepalive_window) * zone_partition_retry_failed_share
        + (zone_partition_detect_time - own_drop)
        + (zone_partition_drain_time - zone_partition_detect_time) * zone_partition_retry_failed_share
    )


_connect_failed_out = _connect_failed_out_for(zone_partition_own_detect_time_earliest)
_connect_failed_in = (
    _zone_requests_per_second
    * (zones - 1)
    * (zone_partition_detect_time - zone_partition_keepalive_window)
    * _in_failed_share
)
zone_partition_connect_failed_requests = count(_connect_failed_out + _connect_failed_in)
# Failed in the region because of the cut: the stranded requests, both ways, and those failed at connect.
zone_partition_failed_requests = count(zone_partition_stranded_requests + zone_partition_connect_failed_requests)
# The rest of the zone's own front door reach its own gateways and are checked on local buckets: at most, with
# the fewest failed at connect. Every gateway is ready until the earliest drop across; from then until the
# latest own drop, some of those across dropped while the zone's own are ready, and at best as many dropped
# as leave a node just out of panic (12 of 24 ready, 4 of them across: six tries always reach the zone);
# after the own drop, none of the zone's gateways is ready and the node is in panic, so the share is r again.


def _failed_share_own_ready(dropped_across: int) -> float:
    """The share of the zone's nodes' requests failed at connect, its own gateways ready, this many across dropped."""
    ready = gateways_per_region - dropped_across
    if ready / gateways_per_region < balancer_panic_threshold:
        return zone_partition_retry_failed_share
    return _all_tries_unreachable(_retries + 1, _across - dropped_across, ready)


_least_failed_share_own_ready = min(_failed_share_own_ready(k) for k in range(int(_across) + 1))
_connect_failed_out_fewest = _zone_requests_per_second * (
    (_across_drop_earliest - zone_partition_keepalive_window) * zone_partition_retry_failed_share
    + (_own_drop_latest - _across_drop_earliest) * _least_failed_share_own_ready
    + (zone_partition_drain_time - _own_drop_latest) * zone_partition_retry_failed_share
)
zone_partition_local_only_requests = count(
    zone_partition_front_door_requests - _stranded_out - _connect_failed_out_fewest
)
# On them, a key whose buckets are local and whose connections all reach this zone meets only its gateways'
# local buckets: one above this many a minute is refused below its limit (a large-plan key keeps
# zone_local_region_backstop_one_zone_share of it).
zone_partition_refused_above_per_minute = count(gateways_per_zone * store_down_scale_above_per_minute)
# Without the keepalive, a dead connection would carry requests until the health check drops its gateway:
# the zone's nodes' share across for the whole detection, the other zones' share until they drop its gateways.
zone_partition_stranded_without_keepalive = count(
    _zone_requests_per_second
    * (
        zone_partition_detect_cross_share * zone_partition_detect_time
        + (zones - 1) * zone_partition_reachable_share * zone_partition_detect_time
    )
)
zone_partition_failed_without_keepalive = count(
    zone_partition_stranded_without_keepalive
    + _zone_requests_per_second
    * (zone_partition_drain_time - zone_partition_detect_time)
    * zone_partition_retry_failed_share
)
# Without the retries, every request sent to an unreachable gateway would fail, whether on a dead
# connection or at connect: the share sent across, piecewise, both ways.
zone_partition_no_retry_failed_requests = count(
    _zone_requests_per_second
    * (
        zone_partition_detect_cross_share * zone_partition_detect_time
        + (zone_partition_drain_time - zone_partition_detect_time) * zone_partition_no_retry_failed_share
        + (zones - 1) * zone_partition_reachable_share * zone_partition_detect_time
    )
)


def _failed_in_all(probe_timeout: float, keepalive_timeout: float) -> tuple[float, float, float]:
    """Detection across the cut, requests stranded and requests failed in all, as above, for another probe
    timeout or keepalive timeout."""
    detect = readiness_failure_threshold * (readiness_probe_period + probe_timeout)
    keepalive = balancer_keepalive_interval * (1 + balancer_keepalive_jitter) + keepalive_timeout
    assert keepalive <= zone_partition_own_detect_time_earliest
    drain = detect + shift_decision_time + zonal_shift_time + client_connection_max_life
    drain += client_connection_drain_timeout
    stranded = (
        _zone_requests_per_second
        * keepalive
        * ((1 - zone_partition_reachable_share) + (zones - 1) * zone_partition_reachable_share)
    )
    out = (zone_partition_own_detect_time_earliest - keepalive) * zone_partition_retry_failed_share
    out += detect - zone_partition_own_detect_time_earliest + (drain - detect) * zone_partition_retry_failed_share
    across = (zones - 1) * (detect - keepalive) * _in_failed_share
    return detect, stranded, stranded + _zone_requests_per_second * (out + across)


assert math.isclose(
    _failed_in_all(readiness_probe_timeout, balancer_keepalive_timeout)[2], zone_partition_failed_requests
), "the function must repeat the model above"
# The probe timeouts weighed against the one taken: detection across the cut, and requests failed in all.
_short = _failed_in_all(alternative_readiness_probe_timeout_short, balancer_keepalive_timeout)
_long = _failed_in_all(alternative_readiness_probe_timeout_long, balancer_keepalive_timeout)
zone_partition_detect_time_probe_short = duration(_short[0])
zone_partition_failed_probe_short = count(_short[2])
zone_partition_detect_time_probe_long = duration(_long[0])
zone_partition_failed_probe_long = count(_long[2])
# The keepalive timeout weighed against the one taken.
zone_partition_keepalive_window_alternative = duration(
    balancer_keepalive_interval * (1 + balancer_keepalive_jitter) + alternative_balancer_keepalive_timeout
)
_keepalive_alternative = _failed_in_all(readiness_probe_timeout, alternative_balancer_keepalive_timeout)
zone_partition_stranded_keepalive_alternative = count(_keepalive_alternative[1])
zone_partition_failed_keepalive_alternative = count(_keepalive_alternative[2])
# The keepalive's own cost: a gateway that stalls (a stop-the-world pause, a VM paused by its host) sends
# no frame, so every node closes its connections to it once a PING goes unanswered for the timeout, and
# the requests sent to it since the stall began fail (none retried, reads too), where they would only have
# been late.
# (CPU throttling does not do it at the kernel's default 100 ms CFS period.) One gateway's share of the
# busiest region's peak over the keepalive window: the whole cost of a stall shorter than about two
# windows, or of a paused VM or a dead host, whose connects then fail and are retried elsewhere.
_gateway_requests_per_second = region_checks_per_second_peak / gateways_per_region
keepalive_stall_failed_at_most = count(_gateway_requests_per_second * zone_partition_keepalive_window)
keepalive_stall_failed_at_most_alternative = count(
    _gateway_requests_per_second * zone_partition_keepalive_window_alternative
)
# A stalled process whose kernel still runs (a GC pause, a hung event loop) still accepts TCP: each node
# reconnects, sends the next requests on the new connection, and loses them at its PING timeout again,
# until the health check drains the gateway, its probes timing out within the detection time. The same
# under either timeout, so the two differ only for a stall between them.
keepalive_long_stall_failed_at_most = count(_gateway_requests_per_second * zone_partition_detect_time)
# What the shorter timeout saves a zone cut, over what it costs a stall between the two timeouts: it pays
# for itself unless a region has more such stalls than this for each zone cut off but running.
keepalive_break_even_stalls_per_cut = count(
    (zone_partition_failed_keepalive_alternative - zone_partition_failed_requests) / keepalive_stall_failed_at_most
)
# A gateway that hears no heartbeat from its exchanger for the cut's silence compares itself with the fleet
# before it fails readiness (step 6): the holder writes to etcd, each interval, how many of the region's
# gateways answered its heartbeats within the last half of that silence, and the gateway fails only while
# that is all but Envoy's own ejection cap (max_ejection_percent, 10% by default) of them. The key a gateway
# reads as its silence ends is at most an interval old, and its window ends then: it cannot count a gateway
# silent for the whole silence. So at most this many a region are drained this way, within the cap and far
# above the panic threshold.
envoy_max_ejection_share = fraction(0.1)
exchanger_heard_window = duration(region_cut_split_after / 2)
assert exchanger_heard_window + region_sync_interval < region_cut_split_after
exchanger_hears_for_gateway_fault = count(
    gateways_per_region - math.floor(envoy_max_ejection_share * gateways_per_region)
)
exchanger_fault_drained_at_most = count(gateways_per_region - exchanger_hears_for_gateway_fault)
assert exchanger_fault_drained_at_most / gateways_per_region <= envoy_max_ejection_share
assert 1 - exchanger_fault_drained_at_most / gateways_per_region >= balancer_panic_threshold
# A holder that hears fewer than half the gateways for the cut's silence revokes its lease, and an exchanger
# campaigns only once it has heard at least that many throughout the cut's silence (the standby sends
# heartbeats too, which gateways answer without names), so neither takes the lease back while the fault
# lasts: the two do not flap. A lost zone leaves either exchanger the other zones' gateways, never below that.
exchanger_resign_heard_below = count(math.ceil(gateways_per_region / 2))
zone_loss_gateways_heard = count(gateways_per_region - gateways_per_zone)
assert zone_loss_gateways_heard >= exchanger_resign_heard_below, "a lost zone must not make the holder resign"
# A holder that hears fewer than the gateway-fault count for this long, while the standby's own key shows it
# hears at least that many (a route lost between the holder's zone and one other), hands over (an assumption:
# long enough that a deploy's restarts do not move the lease).
exchanger_handover_after = duration(60)
# A gateway cut off alone is drained once its silence reaches the cut's and the balancer's probes fail.
exchanger_fault_drained_within = duration(region_cut_split_after + zone_partition_own_detect_time)
# The holder's key is rewritten every interval, and etcd keeps every revision until it is compacted (off by
# default): the revisions a region's etcd takes a day (the standby's key, rewritten only when its count
# changes, and the campaigns add a few), and what they would take at an assumed 250 B a revision in bbolt
# (the key, the value and the revision's index entry, pages half full).
etcd_revisions_per_day = per_day(SECONDS_PER_DAY / region_sync_interval)
etcd_bytes_per_revision = size(250)
etcd_history_per_day = size_per_day(etcd_revisions_per_day * etcd_bytes_per_revision)
# etcd's default quota (--quota-backend-bytes) is 2 GiB: past it, the NOSPACE alarm refuses every Put, Txn
# and LeaseGrant.
etcd_quota_filled_after = duration(2 * GiB / etcd_history_per_day * SECONDS_PER_DAY)
# So etcd runs --auto-compaction-mode=revision --auto-compaction-retention=1000, which compacts to the
# latest revision less the retention every 5 minutes: the history kept, and its span at one write an interval.
etcd_compaction_retention = count(1000)
etcd_compaction_period = duration(5 * 60)
etcd_compaction_span = duration(etcd_compaction_retention * region_sync_interval)
etcd_history_kept_at_most = count(etcd_compaction_retention + etcd_compaction_period / region_sync_interval)
etcd_history_kept_bytes = size(etcd_history_kept_at_most * etcd_bytes_per_revision)
# A crashed primary's supervisor waits for its replica's promotion, but Redis Cluster never gives up on one:
# a replica asks for votes 500 ms plus up to 500 ms (its rank's seconds more; rank 0 with one replica) after
# it sees the failed mark, waits for them up to twice the node timeout (auth_timeout), and asks again once
# twice that has passed since its last try (auth_retry_time), for as long as the primary stays failed
# (clusterHandleSlaveFailover). A replica that lost its first election wins the second, so the supervisor
# restarts the primary empty only once that second election's window has closed (step 7).
replica_election_delay_at_most = duration(1)
replica_vote_timeout = duration(2 * failover_time)
replica_election_retry = duration(2 * replica_vote_timeout)
primary_restart_empty_after = duration(
    replica_election_delay_at_most + replica_election_retry + replica_election_delay_at_most + replica_vote_timeout
)

if __name__ != "rate_limiter_zone_cut":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                (
                    "Zone cut off but running: tokens a key can spend on its side's primary, lost at promotion",
                    zone_partition_unrecorded_at_most,
                ),
                ("... with min-replicas-to-write 1 (turned down)", zone_partition_unrecorded_min_replicas),
                ("... share of its gateways' keys whose primary is elsewhere, at most", zone_partition_elsewhere_share),
                (
                    "... a region's checks below which its breakers open by timeouts in a row, not a window's share",
                    breaker_min_checks_region_per_second,
                ),
                (
                    "... time until its own balancer nodes drop its gateways (503s), from their breakers opening",
                    zone_partition_own_detect_time,
                ),
                (
                    "... at the earliest, from the cut "
                    "(a probe as the breakers open, the gateways' probe timers out of step)",
                    zone_partition_own_detect_time_earliest,
                ),
                (
                    "... until the other zones' nodes drop its gateways, and its nodes the rest (lost probes)",
                    zone_partition_detect_time,
                ),
                (
                    "... between the earliest and the last drop, its nodes send all its requests across, for up to",
                    zone_partition_all_across_time,
                ),
                ("... share of its requests sent across the cut until then", zone_partition_detect_cross_share),
                (
                    "... its own balancer nodes, in panic, reach this share of the gateways",
                    zone_partition_reachable_share,
                ),
                (
                    "... requests still reach its front door until the shift and its open connections run out, "
                    "for about",
                    zone_partition_drain_time,
                ),
                ("... that many requests, busiest region at peak, at most", zone_partition_front_door_requests),
                (
                    "... within it, from the shift for the TTL: requests on cached answers failing to connect, at most",
                    zone_partition_cached_answer_requests,
                ),
                (
                    "... the cut's span were the shifted address to pass such connections on",
                    zone_partition_drain_time_if_served,
                ),
                (
                    "... the other zones' nodes, meanwhile, see this share of the gateways healthy",
                    zone_partition_healthy_share_elsewhere,
                ),
                ("... a dead connection carries requests until keepalive closes it", zone_partition_keepalive_window),
                ("... share of each other zone's requests sent to its gateways", zone_gateways_sent_share),
                (
                    "... sent across the cut in both directions on connections dead that long, and failed",
                    zone_partition_stranded_requests,
                ),
                (
                    "A zone lost: requests in flight to its gateways from the other zones' nodes, failed",
                    zone_loss_stranded_requests,
                ),
                ("... time until the NLB's health checks find its Envoy nodes unhealthy, about", nlb_detect_time),
                (
                    "... requests connecting to its address until then and for the DNS TTL after, failed, about",
                    zone_loss_cached_answer_requests,
                ),
                ("... a flood in a zone left: connections it needs under Envoy's cap", flood_connections_at_least),
                ("... requests an Envoy node carries a second at its whole CPU", balancer_node_ceiling),
                ("... tokens of Envoy's per-connection bucket (a large burst)", balancer_connection_bucket_tokens),
                ("... flood connections at which a node's ceiling is likeliest", balancer_ceiling_worst_connections),
                ("... of them, connections that bring one node there", balancer_ceiling_flood_connections),
                ("... odds that one node gets that many: one in", balancer_ceiling_one_in),
                (
                    "... on the fewest connections that pass the whole flood: one in",
                    balancer_ceiling_one_in_at_least,
                ),
                ("... a worker thread's ordinary load, of a core", balancer_worker_load),
                (
                    "... flood connections at most that fill each worker they land on",
                    balancer_worker_full_connections_at_most,
                ),
                ("... share of the zone's connections on those workers, at most", balancer_worker_full_share_at_most),
                (
                    "... a worker's load with one of the fewest connections that pass the whole flood, of a core",
                    balancer_worker_load_at_flood_connections,
                ),
                (
                    f"A zone cut off, its dead connections closed: share failing even after {balancer_connect_retries} "
                    "retries on untried gateways",
                    zone_partition_retry_failed_share,
                ),
                ("... retries a request makes, on average", zone_partition_retries_per_request),
                ("... retries the zone's balancer nodes start a second", zone_partition_retries_per_second),
                ("... tries waiting on a connect at once, on average, at most", zone_partition_connect_waits),
                ("... longest wait of a request that gets through on its last retry", zone_partition_retry_wait_max),
                ("... and of one that fails at connect after every retry", zone_partition_failed_wait),
                (
                    "... requests failed at connect on every try (every one while only gateways across are ready)",
                    zone_partition_connect_failed_requests,
                ),
                ("... requests failed in all, in the region, at most", zone_partition_failed_requests),
                (
                    "... of its front door's, checked on its gateways' local buckets, at most",
                    zone_partition_local_only_requests,
                ),
                (
                    "... a key whose connections all reach it is refused below its limit above, a minute",
                    zone_partition_refused_above_per_minute,
                ),
                ("... requests that would fail without the retries, at most", zone_partition_no_retry_failed_requests),
                ("... stranded without the keepalive, until the check", zone_partition_stranded_without_keepalive),
                ("... failed in all without the keepalive", zone_partition_failed_without_keepalive),
                (
                    f"... with a {alternative_readiness_probe_timeout_short} probe timeout: detection, failed",
                    f"{zone_partition_detect_time_probe_short}, {zone_partition_failed_probe_short}",
                ),
                (
                    f"... with a {alternative_readiness_probe_timeout_long} probe timeout: detection, failed",
                    f"{zone_partition_detect_time_probe_long}, {zone_partition_failed_probe_long}",
                ),
                (
                    f"... with a {alternative_balancer_keepalive_timeout} keepalive timeout: window, stranded, failed",
                    f"{zone_partition_keepalive_window_alternative}, {zone_partition_stranded_keepalive_alternative}, "
                    f"{zone_partition_failed_keepalive_alternative}",
                ),
                (
                    "A gateway stalled past the keepalive timeout, shorter than about two windows, a paused VM or a "
                    "dead host: requests failed on it, at most",
                    keepalive_stall_failed_at_most,
                ),
                (
                    f"... with the {alternative_balancer_keepalive_timeout} timeout, for a stall past it",
                    keepalive_stall_failed_at_most_alternative,
                ),
                (
                    "... a stalled process still accepting connections, until the check drains it, either timeout",
                    keepalive_long_stall_failed_at_most,
                ),
                (
                    f"Stalls of {balancer_keepalive_timeout} to {alternative_balancer_keepalive_timeout} a zone cut, "
                    "past which the longer timeout pays",
                    keepalive_break_even_stalls_per_cut,
                ),
                (
                    "A gateway hearing no heartbeat fails readiness only while the holder hears at least",
                    exchanger_hears_for_gateway_fault,
                ),
                ("... counting those that answered its heartbeats within the last", exchanger_heard_window),
                ("... so gateways drained that way in a region, at most", exchanger_fault_drained_at_most),
                ("... a gateway cut off alone is drained within", exchanger_fault_drained_within),
                (
                    "... the holder resigns hearing fewer than (an exchanger campaigns only hearing as many)",
                    exchanger_resign_heard_below,
                ),
                ("... gateways either exchanger still hears with a zone lost", zone_loss_gateways_heard),
                (
                    "... a holder hearing too few to drain a gateway hands over to a standby that does after",
                    exchanger_handover_after,
                ),
                ("etcd revisions a region a day, the holder's key rewritten every interval", etcd_revisions_per_day),
                (f"... at {etcd_bytes_per_revision} a revision, uncompacted", etcd_history_per_day),
                ("... filling etcd's default quota of 2 GiB after", etcd_quota_filled_after),
                (
                    f"... compacted every {etcd_compaction_period} to the last {etcd_compaction_retention} "
                    f"({etcd_compaction_span}): revisions kept at most",
                    etcd_history_kept_at_most,
                ),
                ("... taking", etcd_history_kept_bytes),
                (
                    "A replica's vote timeout, and the wait before it asks again",
                    f"{replica_vote_timeout}, {replica_election_retry}",
                ),
                (
                    "A crashed primary restarted empty if no replica is promoted, from its failed mark, after",
                    primary_restart_empty_after,
                ),
            ],
        )
    )
