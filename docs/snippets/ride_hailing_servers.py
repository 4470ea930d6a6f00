"""Ride-hailing worked example: servers tier by tier at the busy hour, region by region. Every tier is
sized by one rule: with a zone lost, what is left carries the region's peak at no more than its
assumed capacity; and a failover region can also take the largest region that fails over to it. Every
per-server capacity is an assumption in ride_hailing_assumptions.py, to be measured."""

import math

from concept_auth_assumptions import access_token_lifetime
from concept_consensus_leases import etcd_leader_gone_at_most, takeover
from concept_geo_assumptions import NODE_TARGET_UTILISATION, NODE_WRITES_PER_SECOND
from concept_geo_workloads import index_writes_peak
from reference_capacity import api_write_per_server
from ride_hailing_assumptions import (
    FAILOVER_REGION,
    REGION_SHARES,
    app_opens_per_request,
    cancel_share,
    connections_per_gateway,
    coordination_nodes_per_region,
    copies,
    eta_calls_per_routing_server,
    eta_matrix_call_cost,
    frames_per_gateway,
    index_queries_per_node,
    initial_routes_per_ride,
    largest_region,
    log_events_per_broker,
    map_match_call_cost,
    nearby_frames_per_open,
    notifications_per_ride,
    offer_ack_timeout,
    positions_per_eta_worker,
    positions_per_location_server,
    positions_per_trail_writer,
    publishes_per_pubsub_node,
    pubsub_self_fence_after,
    pubsub_session,
    pubsub_session_renewal,
    reconnect_spread,
    reroute_interval,
    route_deviations_per_ride,
    searches_per_matching_server,
    second_region_copies,
    state_changes_per_ride,
    stateless_floor_per_zone,
    store_floor_per_zone,
    store_writes_per_node,
    usable_bytes_per_node,
    zones,
)
from ride_hailing_data_model import ledger_rows_peak, ledger_transactions_peak, trip_rows_peak, trip_transactions_peak
from ride_hailing_storage import ledger_bytes_total, record_copies, trail_bytes_total, trip_bytes_total
from ride_hailing_traffic import (
    browse_queries_peak,
    connections_peak,
    eta_map_match_peak,
    eta_matching_peak,
    eta_quotes_peak,
    eta_tracking_peak,
    heartbeats_peak,
    index_queries_peak,
    location_writes_peak,
    matching_queries_peak,
    notifications_peak,
    relay_pushes_peak,
    ride_positions_peak,
    rides_in_progress_peak,
    rides_per_second_peak,
)

from sdw.estimation import (
    count,
    duration,
    estimate,
    fraction,
    markdown_table,
    peak,
    servers,
    size_per_day,
    whole_per_zone,
    zone_loss_headroom,
)
from sdw.presets import ride_hailing as ride_hailing_preset

# One rule for every tier: with a zone lost, the two zones left carry the region's whole peak, so each
# load is multiplied by Z / (Z - 1); the same whole count in each zone, and a floor a zone.
zone_headroom = zone_loss_headroom(zones)
FLOOR_PER_ZONE = int(stateless_floor_per_zone)
STORE_FLOOR_PER_ZONE = int(store_floor_per_zone)

# Region loss: a failover region takes the lost region's phones and load on top of its own; it is not
# planned to lose a zone at the same time. So a region's capacity, in shares of the worldwide peak, is
# the larger of its own share x the zone headroom and its share plus the largest share failing over to it.
absorbed_share = {
    region: max((REGION_SHARES[other] for other, to in FAILOVER_REGION.items() if to == region), default=0.0)
    for region in REGION_SHARES
}
capacity_share = {
    region: max(share * zone_headroom, share + absorbed_share[region]) for region, share in REGION_SHARES.items()
}


def region_counts(load: float, per_server: float, floor: int = FLOOR_PER_ZONE, failover: bool = True) -> dict:
    """Servers in each region for a worldwide peak `load` at `per_server` each."""
    counts = {}
    for region, share in REGION_SHARES.items():
        need = load * (capacity_share[region] if failover else share * zone_headroom) / per_server
        counts[region] = max(whole_per_zone(need, zones), floor * int(zones))
    return counts


def tier(load: float, per_server: float, floor: int = FLOOR_PER_ZONE) -> int:
    return sum(region_counts(load, per_server, floor).values())


def stateless(load: float, per_server: float) -> int:
    """One pool with a zone's headroom and the floor, for a figure counted worldwide (step 6's what-ifs)."""
    return max(whole_per_zone(load * zone_headroom / per_server, zones), FLOOR_PER_ZONE * int(zones))


# Connection gateways: by connections held, or by the frames and messages they handle, whichever needs
# more. Frames: positions in; deliveries from the ride channels (positions and ETA updates); heartbeats,
# each a ping and its pong; offers and ride frames from the account channels, each with its ack; "nearby"
# up and "cars" down; token renewals (auth and auth_ok). Ride frames: each state change to both phones, and
# the fare's commit after a completed ride to the rider, with the fare.
offer_frames_peak = peak(matching_queries_peak)
ride_frames_peak = peak(rides_per_second_peak * (state_changes_per_ride * 2 + (1 - cancel_share)))
nearby_frames_peak = peak(rides_per_second_peak * app_opens_per_request * nearby_frames_per_open)
auth_frames_peak = peak(connections_peak / access_token_lifetime * 2)
gateway_frames_peak = peak(
    location_writes_peak
    + relay_pushes_peak
    + eta_tracking_peak
    + 2 * heartbeats_peak
    + 2 * offer_frames_peak
    + 2 * ride_frames_peak
    + nearby_frames_peak
    + browse_queries_peak
    + auth_frames_peak
)
gateways_for_connections = count(tier(connections_peak, connections_per_gateway))
gateways_for_frames = count(tier(gateway_frames_peak, frames_per_gateway))
_gateways_by_connections = region_counts(connections_peak, connections_per_gateway)
_gateways_by_frames = region_counts(gateway_frames_peak, frames_per_gateway)
gateway_counts = {
    region: max(_gateways_by_connections[region], _gateways_by_frames[region]) for region in REGION_SHARES
}
gateways = servers(sum(gateway_counts.values()))

# Location service: every position, drivers' and waiting riders', and every "cars near me" query the
# gateways send it for an open map, each at the same assumed cost.
location_ops_peak = peak(location_writes_peak + browse_queries_peak)
location_servers = servers(tier(location_ops_peak, positions_per_location_server))


# The live index, shards per region. A copy takes all of its shard's writes and its share of the shard's
# queries on the same in-memory node, so its load is the two shares of a node added: its writes against the
# proximity page's node write capacity, its queries against the assumed query capacity. Step 5's rule: both
# taken with the region's capacity share, at most a whole node, and the writes alone under the proximity
# page's target utilization. One copy a zone.
def index_copy_loads(shards: int, region: str) -> tuple[float, float]:
    """A copy's load as a share of one node, writes and queries added: with a zone lost (its shard's writes
    do not move; the region's queries on two copies of each shard), and carrying its failover partner (both
    shares' writes and queries, on all three copies)."""
    share = REGION_SHARES[region]
    both = share + absorbed_share[region]
    writes = index_writes_peak / (shards * NODE_WRITES_PER_SECOND)
    return (
        writes * share + index_queries_peak * share / (shards * (zones - 1) * index_queries_per_node),
        writes * both + index_queries_peak * both / (shards * zones * index_queries_per_node),
    )


_INDEX_NODE_LOAD = index_writes_peak / NODE_WRITES_PER_SECOND + index_queries_peak / (zones * index_queries_per_node)
index_shards_by_region = {
    region: max(
        math.ceil(index_writes_peak * capacity_share[region] / (NODE_WRITES_PER_SECOND * NODE_TARGET_UTILISATION)),
        math.ceil(_INDEX_NODE_LOAD * capacity_share[region]),
        1,
    )
    for region in REGION_SHARES
}
index_shards = count(sum(index_shards_by_region.values()))
index_nodes = servers(index_shards * zones)
_largest_shards = index_shards_by_region[largest_region]
index_write_load = fraction(
    index_writes_peak * REGION_SHARES[largest_region] / _largest_shards / NODE_WRITES_PER_SECOND
)
# With one shard, the largest region's copies, carrying its failover partner, would pass a whole node.
index_copy_load_one_shard = fraction(index_copy_loads(1, largest_region)[1])
assert index_copy_load_one_shard > 1 and _largest_shards == 2


def index_query_loads(shards: int, region: str) -> tuple[float, float]:
    """A region's index queries alone as a share of its copies' assumed query capacity, in the same two cases."""
    share = REGION_SHARES[region]
    return (
        index_queries_peak * share / (shards * (zones - 1) * index_queries_per_node),
        index_queries_peak * (share + absorbed_share[region]) / (shards * zones * index_queries_per_node),
    )


# Both cases for the largest region at this count (step 7 checks every region against its ceiling).
_largest_loads = index_query_loads(_largest_shards, largest_region)
index_query_load_zone_lost = fraction(_largest_loads[0])
index_query_load_partner = fraction(_largest_loads[1])
_largest_copy_loads = index_copy_loads(_largest_shards, largest_region)
index_copy_load_zone_lost = fraction(_largest_copy_loads[0])
index_copy_load_partner = fraction(_largest_copy_loads[1])

# Matching, the ETA workers, routing (after step 6's route cache) and the REST tiers.
matching_servers = servers(tier(matching_queries_peak, searches_per_matching_server))
eta_worker_positions_peak = peak(ride_positions_peak)
eta_workers = servers(tier(eta_worker_positions_peak, positions_per_eta_worker))
# The trail writer: its own consumer group, reading the same positions on a ride and packing each ride's
# positions of a minute into one row of the trail store (the same positions the event log carries, below).
trail_positions_peak = peak(ride_positions_peak)
trail_writers = servers(tier(trail_positions_peak, positions_per_trail_writer))
# Routing load in point-to-point routes: a many-to-one call per search, a route per quote, a ride's first
# two routes (at the match and at the pickup), the re-routes of rides under way (periodic and after a
# deviation) and a map-matching per ride.
reroutes_peak = peak(rides_in_progress_peak / reroute_interval + rides_per_second_peak * route_deviations_per_ride)
routing_load_peak = peak(
    eta_matching_peak * eta_matrix_call_cost
    + eta_quotes_peak
    + rides_per_second_peak * initial_routes_per_ride
    + reroutes_peak
    + eta_map_match_peak * map_match_call_cost
)
routing_servers = servers(tier(routing_load_peak, eta_calls_per_routing_server))
# The trip service: a call that commits a trip-store transaction, and the fare quotes it answers (each a
# route, a price and a signature), each at the reference's API server rate.
trip_calls_peak = peak(trip_transactions_peak + eta_quotes_peak)
trip_servers = servers(tier(trip_calls_peak, api_write_per_server))
payment_servers = servers(tier(ledger_transactions_peak, api_write_per_server))
notification_servers = servers(tier(notifications_peak, api_write_per_server))

# Pub/sub: an account channel for every connected phone, subscribed at `hello`, carrying its offers and
# ride frames; two channels a ride (to the rider, to the driver), carrying positions and ETA updates.
# Every publish is delivered at most once, to the one gateway subscribed.
account_subscriptions = count(connections_peak)
ride_subscriptions = count(rides_in_progress_peak * 2)
subscriptions_peak = count(account_subscriptions + ride_subscriptions)
deliveries_peak = peak(relay_pushes_peak + eta_tracking_peak + offer_frames_peak + ride_frames_peak)
# A `ride` frame is published again every ack timeout until acknowledged, for the retry window step 6 sets
# (a lost node's detection, the resubscribe spread, one more ack timeout). A phone whose app is in the
# background has its stream closed, so nothing acknowledges its frames and each takes every retry, delivered
# to no gateway: taken as step 2's pushes a ride, the frames that go to backgrounded phones.
# A lost node's loss is noticed when the coordination service revokes its session: a session after its last
# answer and the service's next expiry check, or, when the service's leader is lost with it (a zone's loss,
# a third of the time), an election, the new leader's extension of every lease and a full session after
# the node's death (the consensus page's takeover, as step 7 counts matching's leases). The window must
# outlast the worse.
pubsub_failure_detection_leader_alive = duration(takeover(pubsub_session, False))
pubsub_failure_detection = duration(takeover(pubsub_session, True, from_last_renewal=False))
# A node that is still up goes without an answer for at most a renewal interval and the election, whose
# new leader answers its next renewal: under the fence, so the survivors keep serving.
pubsub_silence_at_worst = duration(pubsub_session_renewal + etcd_leader_gone_at_most)
assert pubsub_silence_at_worst < pubsub_self_fence_after
ride_frame_retry_window = duration(pubsub_failure_detection + reconnect_spread + offer_ack_timeout)
ride_frame_republishes = count(math.floor(ride_frame_retry_window / offer_ack_timeout))
unacked_republishes_peak = peak(rides_per_second_peak * notifications_per_ride * ride_frame_republishes)
publishes_peak = peak(deliveries_peak + unacked_republishes_peak)
pubsub_nodes = servers(tier(publishes_peak, publishes_per_pubsub_node))

# Event log: positions on a ride for the trail writer and the ETA workers, every copy stored; outbox
# events are few beside them (trail_positions_peak, above).
log_brokers = servers(tier(trail_positions_peak * copies, log_events_per_broker))

# Coordination service: one consensus group a region.
coordination_nodes = servers(coordination_nodes_per_region * len(REGION_SHARES))

# Stores, per region: the trip store and the ledger are a cluster for the region's own rows (3 copies)
# and, beside it, a standby cluster of its own (3 copies) for each region that fails over to it: a
# physical-cluster-replication standby is a separate cluster, started empty, so each has its own floor.
# After a promotion the standby cluster takes its region's writes on its own copies. The trail store
# holds its region's trails.
standby_share = {
    region: sum(REGION_SHARES[other] for other, to in FAILOVER_REGION.items() if to == region)
    for region in REGION_SHARES
}


def store_nodes(bytes_total: float, rows_peak: float, standby: bool) -> tuple[dict, dict, dict, dict, dict]:
    """Nodes in each region: for the bytes it holds, for the writes it takes, and the larger of the two,
    each cluster rounded to whole nodes a zone with its own floor; the region's own cluster alone; and
    each region's standby cluster, in the region it fails over to.

    A cluster's writes are its region's rows on every copy, carried with a zone lost: the primary's
    commits, or the standby's replication stream, then its commits after the promotion."""
    by_bytes, by_writes, placed, own_cluster, standby_cluster = {}, {}, {}, {}, {}
    own = copies / record_copies if standby else 1.0
    floor = STORE_FLOOR_PER_ZONE * int(zones)

    def cluster(share: float, held: float, cluster_copies: float) -> tuple[int, int]:
        nodes_for_bytes = max(whole_per_zone(bytes_total * share * held / usable_bytes_per_node, zones), floor)
        writes = rows_peak * share * cluster_copies * zone_headroom
        return nodes_for_bytes, max(whole_per_zone(writes / store_writes_per_node, zones), floor)

    for region, share in REGION_SHARES.items():
        sizes = [cluster(share, own, copies)]
        if standby:
            for other, to in FAILOVER_REGION.items():
                if to == region:
                    sizes.append(cluster(REGION_SHARES[other], 1 - own, second_region_copies))
                    standby_cluster[other] = max(sizes[-1])
        by_bytes[region] = sum(b for b, _ in sizes)
        by_writes[region] = sum(w for _, w in sizes)
        placed[region] = sum(max(b, w) for b, w in sizes)
        own_cluster[region] = max(sizes[0])
    return by_bytes, by_writes, placed, own_cluster, standby_cluster


(
    _trip_bytes,
    _trip_writes,
    trip_store_nodes_by_region,
    trip_store_own_nodes_by_region,
    trip_store_standby_nodes_by_region,
) = store_nodes(trip_bytes_total, trip_rows_peak, True)
trip_store_nodes_for_bytes = count(sum(_trip_bytes.values()))
trip_store_nodes_for_writes = count(sum(_trip_writes.values()))
trip_store_nodes = servers(sum(trip_store_nodes_by_region.values()))
_ledger_bytes, _ledger_writes, _ledger_placed, _, _ = store_nodes(ledger_bytes_total, ledger_rows_peak, True)
ledger_nodes_for_bytes = count(sum(_ledger_bytes.values()))
ledger_nodes_for_writes = count(sum(_ledger_writes.values()))
ledger_nodes = servers(sum(_ledger_placed.values()))
trail_store_nodes = servers(sum(store_nodes(trail_bytes_total, 0.0, False)[2].values()))

TIERS = {
    "Connection gateways": gateways,
    "Location service": location_servers,
    "Live index": index_nodes,
    "Matching service": matching_servers,
    "ETA workers": eta_workers,
    "Trail writer": trail_writers,
    "Routing and ETA": routing_servers,
    "Trip service": trip_servers,
    "Payments service": payment_servers,
    "Notification service": notification_servers,
    "Pub/sub": pubsub_nodes,
    "Event log": log_brokers,
    "Coordination service": coordination_nodes,
    "Trip store": trip_store_nodes,
    "Payments ledger": ledger_nodes,
    "Trail store": trail_store_nodes,
}
total_servers = servers(sum(TIERS.values()))

# What the failover regions' spare costs: the stateless tiers counted again without it.
# Each stateless tier as (name, worldwide load, per server); the gateways by their connections here.
STATELESS_LOADS = [
    ("Connection gateways", connections_peak, connections_per_gateway),
    ("Location service", location_ops_peak, positions_per_location_server),
    ("Matching service", matching_queries_peak, searches_per_matching_server),
    ("ETA workers", eta_worker_positions_peak, positions_per_eta_worker),
    ("Trail writer", trail_positions_peak, positions_per_trail_writer),
    ("Routing and ETA", routing_load_peak, eta_calls_per_routing_server),
    ("Trip service", trip_calls_peak, api_write_per_server),
    ("Payments service", ledger_transactions_peak, api_write_per_server),
    ("Notification service", notifications_peak, api_write_per_server),
    ("Pub/sub", publishes_peak, publishes_per_pubsub_node),
    ("Event log", trail_positions_peak * copies, log_events_per_broker),
]
assert {name for name, _, _ in STATELESS_LOADS} <= set(TIERS)
failover_spare_servers = servers(
    sum(
        sum(region_counts(load, each).values()) - sum(region_counts(load, each, failover=False).values())
        for _, load, each in STATELESS_LOADS
    )
)

# The estimator's ten-input model: every position a write and every index query a read, at one
# location server's rate, with no zones, regions or floors; and its bytes a day: every position
# written, riders' included, at its wire size (not what keeping them would take: see step 2's).
_model = estimate(ride_hailing_preset()["inputs"])
estimator_servers = servers(_model["servers"])
estimator_position_bytes_per_day = size_per_day(_model["storage_per_day_bytes"])

if __name__ != "ride_hailing_servers":
    print(
        markdown_table(
            ("Region", "Share of the busy hour", "Takes over from", "Capacity, share of the worldwide peak"),
            [
                (
                    region,
                    fraction(share),
                    ", ".join(o for o, to in FAILOVER_REGION.items() if to == region) or "none",
                    fraction(capacity_share[region]),
                )
                for region, share in REGION_SHARES.items()
            ],
        )
    )
    print()
    rows = [
        (
            "Connection gateways",
            f"{connections_peak} connections at {connections_per_gateway} ({gateways_for_connections}), "
            f"or {gateway_frames_peak} frames at {frames_per_gateway} ({gateways_for_frames})",
            gateways,
        ),
        (
            "Location service",
            f"{location_writes_peak} positions + {browse_queries_peak} map queries at {positions_per_location_server}",
            location_servers,
        ),
        (
            "Live index",
            f"{index_writes_peak} index writes at {count(NODE_WRITES_PER_SECOND)} a copy (the writes alone under "
            f"{fraction(NODE_TARGET_UTILISATION)}), plus {index_queries_peak} queries at {index_queries_per_node} "
            f"a copy, on one node: {index_shards} shards, a copy a zone",
            index_nodes,
        ),
        ("Matching service", f"{matching_queries_peak} searches at {searches_per_matching_server}", matching_servers),
        ("ETA workers", f"{eta_worker_positions_peak} positions on a ride at {positions_per_eta_worker}", eta_workers),
        (
            "Trail writer",
            f"{trail_positions_peak} positions on a ride at {positions_per_trail_writer}",
            trail_writers,
        ),
        ("Routing and ETA", f"{routing_load_peak} routes (cached) at {eta_calls_per_routing_server}", routing_servers),
        (
            "Trip service",
            f"{trip_transactions_peak} transactions + {eta_quotes_peak} fare quotes at {api_write_per_server}",
            trip_servers,
        ),
        (
            "Payments service",
            f"{ledger_transactions_peak} ledger transactions at {api_write_per_server}",
            payment_servers,
        ),
        ("Notification service", f"{notifications_peak} pushes at {api_write_per_server}", notification_servers),
        ("Pub/sub", f"{publishes_peak} publishes at {publishes_per_pubsub_node}", pubsub_nodes),
        (
            "Event log",
            f"{trail_positions_peak} trail positions × {copies} copies at {log_events_per_broker}",
            log_brokers,
        ),
        ("Coordination service", f"{coordination_nodes_per_region} a region", coordination_nodes),
        (
            "Trip store",
            f"bytes with standby copies ({trip_store_nodes_for_bytes}) "
            f"or replicated writes ({trip_store_nodes_for_writes})",
            trip_store_nodes,
        ),
        (
            "Payments ledger",
            f"bytes with standby copies ({ledger_nodes_for_bytes}) or replicated writes ({ledger_nodes_for_writes})",
            ledger_nodes,
        ),
        ("Trail store", "bytes over retention, in their own region", trail_store_nodes),
        ("Total", "", total_servers),
    ]
    print(
        markdown_table(
            ("Tier", "Sized by (worldwide peak; every load × the region's capacity share)", "Servers, all regions"),
            rows,
        )
    )
    print()
    print(
        markdown_table(
            ("Tier", *REGION_SHARES),
            [
                (
                    "Connection gateways",
                    *gateway_counts.values(),
                ),
                ("Live index shards", *index_shards_by_region.values()),
                ("Routing and ETA", *region_counts(routing_load_peak, eta_calls_per_routing_server).values()),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Check", "Value"),
            [
                ("Gateway frames: positions, ride-channel deliveries, ETA updates, heartbeats", ""),
                ("... offers and ride frames, each with its ack", f"{offer_frames_peak}, {ride_frames_peak}"),
                (
                    '... "nearby" up, "cars" down, token renewals',
                    f"{nearby_frames_peak}, {browse_queries_peak}, {auth_frames_peak}",
                ),
                ("... in all", gateway_frames_peak),
                (
                    f"Index, {largest_region}, one shard: a copy carrying its partner, of a node",
                    index_copy_load_one_shard,
                ),
                (f"... with {_largest_shards} shards: each copy's writes, of its write capacity", index_write_load),
                ("... queries on the copies left with a zone lost, of their capacity", index_query_load_zone_lost),
                ("... on all its copies, carrying its failover partner", index_query_load_partner),
                ("... writes and queries together, of a node: a zone lost", index_copy_load_zone_lost),
                ("... carrying its failover partner", index_copy_load_partner),
                ("Pub/sub subscriptions: accounts", account_subscriptions),
                ("... rides (two channels each)", ride_subscriptions),
                ("... in all", subscriptions_peak),
                ("Pub/sub deliveries (each publish delivered at most once)", deliveries_peak),
                (
                    f"... `ride` frames to closed streams, each published {ride_frame_republishes} more times",
                    unacked_republishes_peak,
                ),
                ("... publishes in all", publishes_peak),
                ("Re-routes a second (periodic and deviations)", reroutes_peak),
                ("Stateless servers kept as failover spare", failover_spare_servers),
                ("The estimator's servers (no zones, regions or floors)", estimator_servers),
                ("The estimator's bytes a day, every position at wire size", estimator_position_bytes_per_day),
            ],
        )
    )
