"""Rate limiter worked example: a zone cut off from the rest of its region but running. What its
store primaries lose, how long its front door keeps taking requests, and what the balancer's retries of
a failed connect save."""

import math

from rate_limiter_accuracy import seconds_per_token
from rate_limiter_assumptions import (
    balancer_connect_retries,
    balancer_connect_timeout,
    balancer_dns_ttl,
    balancer_retry_backoff_base,
    balancer_retry_backoff_max,
    burst_allowance,
    client_connection_max_life,
    failover_time,
    readiness_failure_threshold,
    readiness_probe_period,
    redis_min_replicas_max_lag,
    zonal_shift_time,
    zones,
)
from rate_limiter_servers import (
    gateways_per_region,
    gateways_per_zone,
    primaries_in_worst_zone,
    primaries_majority,
    region_checks_per_second_peak,
    split_fewest_primaries_in_a_zone,
    store_shards_per_region,
)

from sdw.estimation import count, duration, fraction, markdown_table, peak, whole_up

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
# The other zones' balancer nodes see that within probes x period and stop sending there.
zone_partition_detect_time = duration(readiness_probe_period * readiness_failure_threshold)
assert primaries_in_worst_zone < primaries_majority, "a cut-off zone's gateways must fail readiness"
zone_partition_elsewhere_share = fraction(1 - split_fewest_primaries_in_a_zone / store_shards_per_region)
# Its own balancer nodes see no gateway ready, so their panic threshold sends to every gateway: those of
# the zone answer, the rest cannot be reached. So its addresses leave the API's DNS name (step 7): the
# automation calls the zonal shift once the other zones' nodes have seen the zone's gateways fail, and
# the shift takes its time to take effect. From then on the NLB sends no new connection to the zone's
# Envoy nodes; a connection opened before lasts until Envoy closes it: that long, at most, the zone's
# share of the region's requests keeps arriving.
assert gateways_per_zone / gateways_per_region < 0.5, "a cut-off zone's own nodes must be in panic"
zone_partition_drain_time = duration(zone_partition_detect_time + zonal_shift_time + client_connection_max_life)
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
zone_partition_reachable_share = fraction(gateways_per_zone / gateways_per_region)
# Until its own nodes' probes fail the other zones' gateways too (the same detection time), those nodes
# still send to them on connections opened before the cut, which now carry nothing: such a request waits
# until the balancer marks the gateway unhealthy and closes its connections, and fails. It is not retried,
# since the balancer cannot tell whether it reached the gateway before the cut. The other zones' nodes do
# the same with their share for the cut-off zone's gateways, until they drop them.
_stranded_out = _zone_requests_per_second * (1 - zone_partition_reachable_share) * zone_partition_detect_time
_stranded_in = _zone_requests_per_second * (zones - 1) * zone_partition_reachable_share * zone_partition_detect_time
zone_partition_stranded_requests = count(_stranded_out + _stranded_in)
# From then on a request to an unreachable gateway fails at connect, after the connect timeout, and is
# retried on a gateway it has not tried: it fails only if its first try and every retry land on
# unreachable gateways, drawn without replacement from the region's.
_unreachable_gateways = gateways_per_region - gateways_per_zone


def _all_tries_unreachable(tries: int) -> float:
    """The chance that this many tries, each on a gateway not tried before, all find no gateway."""
    return math.prod((_unreachable_gateways - i) / (gateways_per_region - i) for i in range(tries))


_retries = int(balancer_connect_retries)
zone_partition_retry_failed_share = fraction(_all_tries_unreachable(_retries + 1))
zone_partition_no_retry_failed_share = fraction(_all_tries_unreachable(1))
zone_partition_retries_per_request = count(sum(_all_tries_unreachable(i) for i in range(1, _retries + 1)))
zone_partition_retries_per_second = peak(_zone_requests_per_second * zone_partition_retries_per_request)
# Each try on an unreachable gateway waits for its connection as a pending request, up to the connect
# timeout: this many at once across the zone's nodes, on average at most (the tries a second times that
# wait), which the pending-request breaker must allow.
zone_partition_connect_waits = count(
    _zone_requests_per_second
    * sum(_all_tries_unreachable(i) for i in range(1, _retries + 2))
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
zone_partition_connect_failed_requests = count(
    _zone_requests_per_second
    * (zone_partition_drain_time - zone_partition_detect_time)
    * zone_partition_retry_failed_share
)
# Failed in the region because of the cut: the stranded requests, both ways, and those failed at connect.
zone_partition_failed_requests = count(zone_partition_stranded_requests + zone_partition_connect_failed_requests)
# The rest of the zone's own front door reach its own gateways and are checked on local buckets.
zone_partition_local_only_requests = count(
    zone_partition_front_door_requests - _stranded_out - zone_partition_connect_failed_requests
)
# Without the retries, every request sent to an unreachable gateway after detection would fail at connect.
zone_partition_no_retry_failed_requests = count(
    zone_partition_stranded_requests
    + _zone_requests_per_second
    * (zone_partition_drain_time - zone_partition_detect_time)
    * zone_partition_no_retry_failed_share
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
                    "... time until the other zones' balancer nodes stop sending to its gateways",
                    zone_partition_detect_time,
                ),
                (
                    "... its own balancer nodes, in panic, reach this share of the gateways",
                    zone_partition_reachable_share,
                ),
                (
                    "... requests still reach its front door until the shift and its open connections run out, "
                    "for about",
                    zone_partition_drain_time,
                ),
                ("... that many requests, busiest region at peak", zone_partition_front_door_requests),
                (
                    "... within it, from the shift for the TTL: requests on cached answers failing to connect, at most",
                    zone_partition_cached_answer_requests,
                ),
                (
                    "... the cut's span were the shifted address to pass such connections on",
                    zone_partition_drain_time_if_served,
                ),
                (
                    "... sent, across the cut either way, on connections open before the probes fail, and failed",
                    zone_partition_stranded_requests,
                ),
                (
                    f"... after that, share failing even after {balancer_connect_retries} retries on untried gateways",
                    zone_partition_retry_failed_share,
                ),
                ("... retries a request makes, on average", zone_partition_retries_per_request),
                ("... retries the zone's balancer nodes start a second", zone_partition_retries_per_second),
                ("... tries waiting on a connect at once, on average, at most", zone_partition_connect_waits),
                ("... longest wait of a request that gets through on its last retry", zone_partition_retry_wait_max),
                ("... and of one that fails at connect after every retry", zone_partition_failed_wait),
                ("... requests failed at connect that way", zone_partition_connect_failed_requests),
                ("... requests failed in all, in the region", zone_partition_failed_requests),
                ("... of its front door's, checked on its gateways' local buckets", zone_partition_local_only_requests),
                ("... requests that would fail without the retries", zone_partition_no_retry_failed_requests),
            ],
        )
    )
