"""Ride-hailing worked example, step 6: the live index's shards, the matching window and the offer
timeouts, tracking through pub/sub, and what caching routes saves the routing engine."""

import math

from concept_geo_workloads import driver_index_bytes
from ride_hailing_assumptions import (
    accept_timeout,
    accepted_latency_target,
    answer_deadline,
    batch_window,
    candidates_ranked,
    eta_calls_per_routing_server,
    location_interval,
    off_route_share,
    offers_per_request,
)
from ride_hailing_servers import index_shards, routing_servers, stateless, trail_positions_peak
from ride_hailing_traffic import (
    eta_calls_peak,
    eta_matching_peak,
    eta_quotes_peak,
    eta_tracking_peak,
    relay_pushes_peak,
    rides_in_progress_peak,
    rides_per_second_peak,
)

from sdw.estimation import count, duration, fraction, markdown_table, peak, servers, size

# (a) The live index: memory a shard, and how long a restarted copy takes to refill.
index_bytes_per_shard = size(driver_index_bytes / index_shards)
index_refill_time = duration(location_interval)

# (b) Matching: searches in one window worldwide, and the ETA calls the window's assignment makes.
searches_per_window = count(rides_per_second_peak * offers_per_request * batch_window)
eta_calls_per_window = count(searches_per_window * candidates_ranked)
# A first offer timed out, then a second: the window the request waited for, the timeout, the next
# window, and the second offer's own timeout. One timeout fits in the accepted-driver target; two do not.
one_timeout_then_accept = duration(batch_window + accept_timeout + batch_window)
two_timeouts = duration(batch_window + 2 * accept_timeout + 2 * batch_window)
one_timeout_share_of_target = fraction(one_timeout_then_accept / accepted_latency_target)
# The give-up rule: after the first window, each offer costs at most its timeout and the next window,
# so at most this many offers fit before step 1's answer deadline; after the last one expires, the
# rider is told no driver is near.
max_offers = count(math.floor((answer_deadline - batch_window) / (accept_timeout + batch_window)))
no_driver_answer_at = duration(batch_window + max_offers * (accept_timeout + batch_window))

# (c) Tracking: publishes a ride a second, and the subscriptions the pub/sub tier holds.
ride_subscriptions_peak = count(rides_in_progress_peak * 2)
publishes_per_ride = peak(relay_pushes_peak / rides_in_progress_peak)

# (e) Caching routes: a ride's route is kept, its ETA recomputed along it, and a new route asked
# only when the driver leaves it. Candidates' ETAs and quotes are not cached.
eta_tracking_with_route_cache = peak(eta_tracking_peak * off_route_share)
eta_calls_with_route_cache = peak(eta_matching_peak + eta_quotes_peak + eta_tracking_with_route_cache)
routing_servers_with_route_cache = servers(stateless(eta_calls_with_route_cache, eta_calls_per_routing_server))
eta_calls_saved_share = fraction(1 - eta_calls_with_route_cache / eta_calls_peak)

if __name__ != "ride_hailing_matching":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Live index memory a shard", index_bytes_per_shard),
                ("A restarted copy refilled within", index_refill_time),
                ("Matching searches in one window, worldwide at the peak", searches_per_window),
                ("... and the ETA calls they rank", eta_calls_per_window),
                ("Request to accept, one timeout first", one_timeout_then_accept),
                ("... as a share of the accepted-driver target", one_timeout_share_of_target),
                ("Request to a third offer, two timeouts first", two_timeouts),
                ("Most offers a ride gets before the answer deadline", max_offers),
                ('... then "no driver near", at the latest', no_driver_answer_at),
                ("Ride subscriptions held (rider and driver)", ride_subscriptions_peak),
                ("Publishes a ride a second", publishes_per_ride),
                ("Trail positions into the log", trail_positions_peak),
                ("ETA refreshes that need a new route", eta_tracking_with_route_cache),
                ("ETA calls with routes cached", eta_calls_with_route_cache),
                ("... saved", eta_calls_saved_share),
                (f"Routing servers then (now {routing_servers})", routing_servers_with_route_cache),
            ],
        )
    )
