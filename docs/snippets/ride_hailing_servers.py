"""Ride-hailing worked example: servers tier by tier at the busy hour, each tier with room to lose
a zone. Every per-server capacity is an assumption in ride_hailing_assumptions.py, to be measured."""

from concept_geo_assumptions import NODE_TARGET_UTILISATION, NODE_WRITES_PER_SECOND
from concept_geo_workloads import index_writes_peak
from reference_capacity import api_write_per_server
from ride_hailing_assumptions import (
    connections_per_gateway,
    copies,
    eta_calls_per_routing_server,
    frames_per_gateway,
    index_queries_per_node,
    log_events_per_broker,
    positions_per_location_server,
    publishes_per_pubsub_node,
    searches_per_matching_server,
    store_writes_per_node,
    usable_bytes_per_node,
    zones,
)
from ride_hailing_data_model import ledger_rows_peak, trip_rows_peak, trip_transactions_peak
from ride_hailing_storage import ledger_bytes_total, trail_bytes_total, trip_bytes_total
from ride_hailing_traffic import (
    connections_peak,
    eta_calls_peak,
    heartbeats_peak,
    index_queries_peak,
    location_writes_peak,
    matching_queries_peak,
    notifications_peak,
    payment_ops_peak,
    relay_pushes_peak,
    rider_tracking_peak,
)

from sdw.estimation import count, fraction, markdown_table, peak, servers, times, whole_per_zone, whole_up

# With a zone lost, the two zones left carry the whole peak: every tier is sized for peak x Z / (Z - 1),
# the same whole count in each zone, and at least two a zone so one crash leaves a server in it.
zone_headroom = times(zones / (zones - 1))


def stateless(load: float, per_server: float) -> int:
    return max(whole_per_zone(load * zone_headroom / per_server, zones), 2 * int(zones))


# Connection gateways: by connections held, or by frames relayed (positions in, pushes out,
# heartbeats), whichever needs more.
gateway_frames_peak = peak(location_writes_peak + relay_pushes_peak + heartbeats_peak)
gateways_for_connections = count(stateless(connections_peak, connections_per_gateway))
gateways_for_frames = count(stateless(gateway_frames_peak, frames_per_gateway))
gateways = servers(max(gateways_for_connections, gateways_for_frames))
connections_per_gateway_zone_lost = count(connections_peak / (gateways * (zones - 1) / zones))

# Location service: every position, drivers' and waiting riders'.
location_servers = servers(stateless(location_writes_peak, positions_per_location_server))

# The live index: shards cut by S2 cell ranges, sized by the drivers' index writes at the proximity
# page's node capacity; every shard has a copy in each zone, each copy taking all of its shard's
# writes, and queries spread over the copies (over two with a zone lost): shards for whichever needs more.
index_shards_for_writes = count(whole_up(index_writes_peak / (NODE_WRITES_PER_SECOND * NODE_TARGET_UTILISATION)))
index_shards_for_queries = count(whole_up(index_queries_peak / ((zones - 1) * index_queries_per_node)))
index_shards = count(max(index_shards_for_writes, index_shards_for_queries))
index_nodes = servers(index_shards * zones)
index_query_load_zone_lost = fraction(index_queries_peak / (index_shards * (zones - 1) * index_queries_per_node))
index_write_load = fraction(index_writes_peak / index_shards / NODE_WRITES_PER_SECOND)

# Matching, routing and the REST tiers.
matching_servers = servers(stateless(matching_queries_peak, searches_per_matching_server))
routing_servers = servers(stateless(eta_calls_peak, eta_calls_per_routing_server))
# Trip service: every trip-store transaction is a call that commits it.
trip_servers = servers(stateless(trip_transactions_peak, api_write_per_server))
payment_servers = servers(stateless(payment_ops_peak, api_write_per_server))
notification_servers = servers(stateless(notifications_peak, api_write_per_server))

# Pub/sub keyed by ride: every relay push is one publish.
pubsub_nodes = servers(stateless(relay_pushes_peak, publishes_per_pubsub_node))

# Event log: positions on a ride for the trail writer, every copy stored; outbox events are few
# beside them. Brokers lose their lost zone's copies, not their own load.
trail_positions_peak = peak(rider_tracking_peak)
log_brokers = servers(max(whole_per_zone(trail_positions_peak * copies / log_events_per_broker, zones), 2 * int(zones)))

# Stores: the trip store and the ledger by their bytes over retention (both regions' copies) or their
# replicated row writes; the trail store by bytes.
trip_store_nodes_for_bytes = count(whole_per_zone(trip_bytes_total / usable_bytes_per_node, zones))
trip_store_nodes_for_writes = count(whole_per_zone(trip_rows_peak * copies / store_writes_per_node, zones))
trip_store_nodes = servers(max(trip_store_nodes_for_bytes, trip_store_nodes_for_writes))
ledger_nodes_for_bytes = count(whole_per_zone(ledger_bytes_total / usable_bytes_per_node, zones))
ledger_nodes_for_writes = count(whole_per_zone(ledger_rows_peak * copies / store_writes_per_node, zones))
ledger_nodes = servers(max(ledger_nodes_for_bytes, ledger_nodes_for_writes))
trail_store_nodes = servers(whole_per_zone(trail_bytes_total / usable_bytes_per_node, zones))

total_servers = servers(
    gateways
    + location_servers
    + index_nodes
    + matching_servers
    + routing_servers
    + trip_servers
    + payment_servers
    + notification_servers
    + pubsub_nodes
    + log_brokers
    + trip_store_nodes
    + ledger_nodes
    + trail_store_nodes
)

if __name__ != "ride_hailing_servers":
    print(
        markdown_table(
            ("Tier", "Sized by", "Servers"),
            [
                (
                    "Connection gateways",
                    f"{connections_peak} connections at {connections_per_gateway} each ({gateways_for_connections}), "
                    f"or {gateway_frames_peak} frames at {frames_per_gateway} each ({gateways_for_frames}), "
                    f"× {zone_headroom}",
                    gateways,
                ),
                (
                    "Location service",
                    f"{location_writes_peak} positions at {positions_per_location_server} each × {zone_headroom}",
                    location_servers,
                ),
                (
                    "Live index",
                    f"{index_writes_peak} index writes ({index_shards_for_writes} shards) "
                    f"or {index_queries_peak} queries with a zone lost ({index_shards_for_queries}); "
                    f"a copy of each shard in each of {zones} zones",
                    index_nodes,
                ),
                (
                    "Matching service",
                    f"{matching_queries_peak} searches at {searches_per_matching_server} each × {zone_headroom}",
                    matching_servers,
                ),
                (
                    "Routing and ETA",
                    f"{eta_calls_peak} ETA calls at {eta_calls_per_routing_server} each × {zone_headroom}",
                    routing_servers,
                ),
                (
                    "Trip service",
                    f"{trip_transactions_peak} transactions at {api_write_per_server} each × {zone_headroom}",
                    trip_servers,
                ),
                ("Payments service", f"{payment_ops_peak} operations, at least two a zone", payment_servers),
                ("Notification service", f"{notifications_peak} pushes, at least two a zone", notification_servers),
                (
                    "Pub/sub by ride",
                    f"{relay_pushes_peak} publishes at {publishes_per_pubsub_node} each × {zone_headroom}",
                    pubsub_nodes,
                ),
                (
                    "Event log",
                    f"{trail_positions_peak} trail positions × {copies} copies at {log_events_per_broker} each",
                    log_brokers,
                ),
                (
                    "Trip store",
                    f"bytes over retention ({trip_store_nodes_for_bytes}) or replicated writes "
                    f"({trip_store_nodes_for_writes})",
                    trip_store_nodes,
                ),
                (
                    "Payments ledger",
                    f"bytes over retention ({ledger_nodes_for_bytes}) or replicated writes ({ledger_nodes_for_writes})",
                    ledger_nodes,
                ),
                ("Trail store", "bytes over retention", trail_store_nodes),
                ("Total", "", total_servers),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Check", "Value"),
            [
                ("Connections a gateway holds with a zone lost", connections_per_gateway_zone_lost),
                ("Index: each copy's share of its node's write capacity", index_write_load),
                ("Index: query load on the copies left with a zone lost", index_query_load_zone_lost),
            ],
        )
    )
