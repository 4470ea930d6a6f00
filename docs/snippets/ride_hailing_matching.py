"""Ride-hailing worked example, step 6: the live index's shards, the matching areas and their solver,
tracking and offers through pub/sub and what a lost node costs, the payment processor's rate limit,
and what caching routes saves the routing engine."""

import math

from concept_geo_assumptions import DRIVER_ENTRY_BYTES
from concept_geo_workloads import driver_index_bytes, ttl
from ride_hailing_assumptions import (
    REGION_SHARES,
    batch_window,
    busiest_area_share,
    busiest_city_share,
    cancel_share,
    candidates_ranked,
    decline_share,
    eta_calls_per_routing_server,
    eta_matrix_call_cost,
    largest_region,
    largest_region_share,
    map_match_call_cost,
    offers_per_request,
    payment_ops_per_ride,
    processor_default_endpoint_limit,
    processor_default_write_limit,
    processor_limit_headroom,
    publishes_per_pubsub_node,
    reconnect_spread,
    solver_steps_per_second,
    unmatched_share,
    zones,
)
from ride_hailing_servers import (
    deliveries_peak,
    index_shards_by_region,
    publishes_peak,
    pubsub_failure_detection,
    pubsub_failure_detection_leader_alive,
    region_counts,
    ride_frame_retry_window,
    ride_subscriptions,
    routing_load_peak,
    routing_servers,
    stateless,
    subscriptions_peak,
    trail_positions_peak,
)
from ride_hailing_traffic import (
    connections_peak,
    eta_calls_peak,
    eta_map_match_peak,
    eta_matching_peak,
    eta_quotes_peak,
    eta_tracking_peak,
    matching_queries_peak,
    relay_pushes_peak,
    rides_in_progress_peak,
    rides_per_second_peak,
)

from sdw.estimation import count, duration, fraction, markdown_table, peak, per_second, servers, size, times

# (a) The live index: memory a shard in the largest region, assuming its drivers split evenly over its
# shards and an entry for every driver online (the proximity page's allowance); and how long a
# restarted copy takes to count as full: one TTL, after which every driver still online has written.
index_bytes_per_shard = size(
    driver_index_bytes * REGION_SHARES[largest_region] / index_shards_by_region[largest_region]
)
# The fullest shard at step 5's count, any region: a region of the same share on one shard (Asia-Pacific's,
# until step 7 adds its second).
_shard_bytes = {
    region: driver_index_bytes * share / index_shards_by_region[region] for region, share in REGION_SHARES.items()
}
index_bytes_fullest_region = max(_shard_bytes, key=_shard_bytes.get)
index_bytes_fullest_shard = size(_shard_bytes[index_bytes_fullest_region])
index_refill_time = duration(ttl)
# The entries a restarted copy, or a split's new node, copies from a peer before it counts as full: the
# on-ride drivers', kept past the TTL, which a silent phone cannot write again. At most one for each ride
# under way in the largest region (Asia-Pacific's, as large, on one shard), at the proximity page's
# allowance an entry.
on_ride_entries_bytes = size(rides_in_progress_peak * largest_region_share * DRIVER_ENTRY_BYTES)

# (b) Matching: the rides the windows take worldwide at the peak, and the candidates they rank. A window
# takes the new requests and the rides whose offer timed out or was withdrawn unacknowledged (treated as a
# timeout, and counted in the share of failed offers not declined). A decline's next search goes out at
# once, outside the window: it is one of the matching searches, not one of a window's rides. Left out: the
# few rides carried over from an earlier window (no driver within the pickup ETA cap, a payment mark cleared,
# a crowd past the area's cap), fair to leave out at the usual load.
window_rides_peak = peak(rides_per_second_peak * (1 + (offers_per_request - 1) * (1 - decline_share)))
rides_per_window = count(window_rides_peak * batch_window)
candidates_per_window = count(rides_per_window * candidates_ranked)


def solver_steps(n: float, drivers: float = math.inf) -> float:
    """The Hungarian method's steps for n rides: about min(n, m)^2 max(n, m), with m candidate drivers,
    at most K a ride and at most the drivers in the area's halo."""
    m = min(n * candidates_ranked, drivers)
    return min(n, m) ** 2 * max(n, m)


# The busiest area, and the busiest city were it one area: rides a window, candidates (at most K a
# ride, drivers plentiful), time.
busiest_area_rides = count(rides_per_window * busiest_area_share)
busiest_area_candidates = count(busiest_area_rides * candidates_ranked)
busiest_area_solver_time = duration(solver_steps(busiest_area_rides) / solver_steps_per_second)
busiest_city_rides = count(rides_per_window * busiest_city_share)
busiest_city_candidates = count(busiest_city_rides * candidates_ranked)
busiest_city_solver_time = duration(solver_steps(busiest_city_rides) / solver_steps_per_second)
busiest_city_solver_share_of_window = fraction(busiest_city_solver_time / batch_window)

# (c) Pub/sub: publishes a ride a second; a node lost, and a zone lost.
publishes_per_ride = peak(relay_pushes_peak / rides_in_progress_peak)
# A zone lost takes a third of the gateways (their phones reconnect and say hello, resubscribing their
# account channel and any ride's) and a third of the pub/sub nodes (their channels move, and the
# gateways subscribed to them resubscribe), both spread over the reconnect window by jittered backoff.
# The two thirds of the subscriptions overlap in a ninth (a lost gateway's channel on a lost node is
# subscribed once, by the phone's new gateway), so 1 - (2/3)^2 of them are subscribed again.
reconnects_after_zone_loss = count(connections_peak / zones)
reconnects_per_second_zone_loss = per_second(reconnects_after_zone_loss / reconnect_spread)
resubscribed_share = fraction(1 - (1 - 1 / zones) ** 2)
resubscribes_after_zone_loss = count(subscriptions_peak * resubscribed_share)
resubscribes_per_second_zone_loss = per_second(resubscribes_after_zone_loss / reconnect_spread)
# A zone belongs to one region: a zone of the largest region, its share of the above. (The figures above
# count a zone of every region at once, the worst case step 7 checks the gateways against.)
reconnects_after_zone_loss_region = count(connections_peak * largest_region_share / zones)
reconnects_per_second_zone_loss_region = per_second(reconnects_after_zone_loss_region / reconnect_spread)
resubscribes_after_zone_loss_region = count(subscriptions_peak * largest_region_share * resubscribed_share)
resubscribes_per_second_zone_loss_region = per_second(resubscribes_after_zone_loss_region / reconnect_spread)
# Messages not delivered while one node's loss is noticed: its share of its region's publishes, for the
# detection time; a node of the largest region, whose nodes carry the most. A node lost alone leaves the
# coordination service's leader up; a zone's loss may take it too, and each lost node's loss is then
# noticed later.
_pubsub_by_region = region_counts(publishes_peak, publishes_per_pubsub_node)
_node_deliveries = deliveries_peak * largest_region_share / _pubsub_by_region[largest_region]
publishes_lost_per_node_failure = count(_node_deliveries * pubsub_failure_detection_leader_alive)
publishes_lost_per_node_leader_lost = count(_node_deliveries * pubsub_failure_detection)
# A `ride` frame lost with the node is published again every ack timeout until acknowledged. Its retries
# must outlast the node's detection and the gateways' resubscribe to the survivor, which after a zone loss
# is spread over the reconnect window, or every one goes to the dead node or its stale range: the window
# is the detection plus the resubscribe spread plus one ack timeout, so a retry is published after the
# last resubscribe. After the window, the phone's next `hello` reads the open ride again. (Step 5 counts
# the window's retries in the pub/sub load: ride_hailing_servers.ride_frame_retry_window, imported.)
assert ride_frame_retry_window > pubsub_failure_detection + reconnect_spread, ride_frame_retry_window

# (d) The payment processor's default rate limit against the calls at the peak, and the limit to ask
# for, with the page's headroom for growth. The hold is two calls (the PaymentIntent created unconfirmed,
# then confirmed, step 6), and a ride's hold ends in one more: a capture (the fare, or a cancel's fee) or
# a cancel that releases it. That is a call more than the ride's payment operations.
processor_calls_per_ride = count(payment_ops_per_ride + 1)
processor_calls_peak = peak(rides_per_second_peak * processor_calls_per_ride)
processor_ops_over_default_limit = times(processor_calls_peak / processor_default_write_limit)
processor_limit_needed = peak(processor_calls_peak * processor_limit_headroom)
# Each endpoint has its own default limit, so each is asked for by its own calls. Creating and confirming
# take one call a request. The capture takes at most one a matched ride, and the cancel (release) one a
# request that ends before a match and at most one a ride cancelled after it (those charged a fee
# capture it instead): each an upper bound, so neither limit is short whatever the fees.
endpoint_limit_needed = peak(rides_per_second_peak * processor_limit_headroom)
captures_peak = peak(rides_per_second_peak * (1 - unmatched_share))
capture_limit_needed = peak(captures_peak * processor_limit_headroom)
releases_peak = peak(rides_per_second_peak * (unmatched_share + cancel_share))
release_limit_needed = peak(releases_peak * processor_limit_headroom)
releases_over_endpoint_default = times(releases_peak / processor_default_endpoint_limit)
# The account's limit counts every request, the payments service's retrieves of an intent (a confirm's
# look-up after a 500, the bank's challenge's secret) and the lists (the daily reconciliation's, and the
# look-ups after an outage, step 7) included.
# Those two endpoints keep their defaults, the limiter pacing each at it, so the account's ask adds each
# default to the calls' limit.
processor_paced_endpoints = count(2)
processor_account_limit_needed = peak(
    processor_limit_needed + processor_paced_endpoints * processor_default_endpoint_limit
)

# (e) Routing: without caching, every 30 s refresh of a ride is a route; with each ride's route cached,
# a refresh is a sum over its segments and only re-routes reach the engine.
routing_load_uncached = peak(
    eta_matching_peak * eta_matrix_call_cost
    + eta_quotes_peak
    + eta_tracking_peak
    + eta_map_match_peak * map_match_call_cost
)
routing_servers_uncached = servers(stateless(routing_load_uncached, eta_calls_per_routing_server))
routing_saved_share = fraction(1 - routing_load_peak / routing_load_uncached)
routing_pool_with_cache = servers(stateless(routing_load_peak, eta_calls_per_routing_server))

if __name__ != "ride_hailing_matching":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                (
                    f"Live index memory a shard, {largest_region} (even split, every driver online)",
                    index_bytes_per_shard,
                ),
                (f"... the fullest shard, {index_bytes_fullest_region}'s", index_bytes_fullest_shard),
                ("A restarted copy counts as full after", index_refill_time),
                ("... once it has copied the on-ride entries from a peer, at most", on_ride_entries_bytes),
                ("Rides the windows take, worldwide at the peak (requests, timeouts, withdrawals)", window_rides_peak),
                ("... in one window", rides_per_window),
                ("... and the candidates they rank", candidates_per_window),
                ("Matching searches a second, each decline's next search included", matching_queries_peak),
                ("Busiest area: rides a window, candidates", f"{busiest_area_rides}, {busiest_area_candidates}"),
                ("... Hungarian solver time (n² m steps)", busiest_area_solver_time),
                (
                    "Busiest city as one area: rides a window, candidates",
                    f"{busiest_city_rides}, {busiest_city_candidates}",
                ),
                ("... Hungarian solver time", busiest_city_solver_time),
                ("... as a share of the window", busiest_city_solver_share_of_window),
                ("Ride subscriptions held (two channels a ride)", ride_subscriptions),
                ("Positions published a ride a second", publishes_per_ride),
                ("Phones reconnecting after a zone's loss", reconnects_after_zone_loss),
                ("... a second, over the reconnect window", reconnects_per_second_zone_loss),
                ("Channels resubscribed after a zone's loss", resubscribes_after_zone_loss),
                ("... a second", resubscribes_per_second_zone_loss),
                ("Phones reconnecting after a zone of the largest region is lost", reconnects_after_zone_loss_region),
                ("... a second", reconnects_per_second_zone_loss_region),
                ("... channels resubscribed", resubscribes_after_zone_loss_region),
                ("... a second", resubscribes_per_second_zone_loss_region),
                ("Messages lost while one pub/sub node's loss is noticed", publishes_lost_per_node_failure),
                ("... with the coordination service's leader lost too", publishes_lost_per_node_leader_lost),
                ("A `ride` frame published again until acknowledged, for up to", ride_frame_retry_window),
                ("Trail positions into the log", trail_positions_peak),
                ("Processor calls at the peak (create, confirm, capture or cancel)", processor_calls_peak),
                ("... over the processor's default limit", processor_ops_over_default_limit),
                ("Processor limit to ask for, with headroom", processor_limit_needed),
                ("... with the retrieves and lists at their endpoints' defaults", processor_account_limit_needed),
                ("... and for each of the create and confirm endpoints", endpoint_limit_needed),
                ("Captures at the peak, at most", captures_peak),
                ("... the capture endpoint's limit to ask for", capture_limit_needed),
                ("Releases (cancel endpoint) at the peak, at most", releases_peak),
                ("... over that endpoint's default limit", releases_over_endpoint_default),
                ("... the cancel endpoint's limit to ask for", release_limit_needed),
                ("Routing calls, step 2's count", eta_calls_peak),
                ("Routing load without the route cache, in routes", routing_load_uncached),
                ("... with it", routing_load_peak),
                ("... saved", routing_saved_share),
                (
                    "Routing servers in one pool: without, with",
                    f"{routing_servers_uncached}, {routing_pool_with_cache}",
                ),
                ("Routing servers, every region (step 5)", routing_servers),
            ],
        )
    )
