"""Ticket booking worked example: servers tier by tier, for a hot on-sale on top of the normal day's
busy hour. One rule for every tier: with a zone lost, the two zones left carry the whole peak, so each
load is multiplied by Z / (Z - 1); the same whole count in each zone, and a floor a zone. Per-server
capacities are the capacity reference's, as step 5 says."""

from reference_capacity import api_read_per_server, api_write_per_server
from reference_powers import ten_gbit_tcp_payload
from ticket_booking_assumptions import (
    calls_in_flight_per_worker,
    copies,
    draw_build_time,
    draw_check_interval,
    draw_delay,
    hold_attempts_per_buyer,
    owner_check_interval,
    owner_lease,
    payment_endpoint_limit,
    position_block,
    processor_call_time,
    queue_accounts,
    queue_store_reads_per_node,
    queue_store_write_share,
    queue_store_writes_per_node,
    seat_snapshot_interval,
    shard_failover,
    standby_copies,
    stateless_floor_per_zone,
    store_floor_per_zone,
    zones,
)
from ticket_booking_data_model import partition_capacity, race_rows_peak, release_rows_peak
from ticket_booking_sellout import access_window_positions, race_hold_attempts_peak, seat_map_reads_peak
from ticket_booking_storage import draw_list_bytes, shards
from ticket_booking_traffic import (
    draw_late_claims_per_second,
    onsale_orders_peak,
    order_polls_peak,
    page_views_peak,
    pre_start_joiners,
    queue_polls_peak,
    queue_writes_peak,
    release_rate,
    room_trigger_attempts,
    waiting_room_requests_peak,
)

from sdw.estimation import (
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    servers,
    size,
    throughput,
    whole_per_zone,
    zone_loss_headroom,
)

zone_headroom = zone_loss_headroom(zones)
FLOOR = int(stateless_floor_per_zone) * int(zones)
STORE_FLOOR = int(store_floor_per_zone) * int(zones)


def stateless(load: float, per_server: float) -> int:
    """Servers for a load with a zone lost, whole in each zone, at least the floor."""
    return max(whole_per_zone(load * zone_headroom / per_server, zones), FLOOR)


# Waiting room: polls, each a signature check against the threshold in memory, count as cached reads; a
# join makes a conditional insert in the queue store, so it counts as a write, and so does the poll that
# gives a position to a join made before the draw. In servers' worth of each kind of work, added, as for
# the booking API below; the two zones left after a zone's loss carry it all.
waiting_room_work = queue_polls_peak / api_read_per_server + queue_writes_peak / api_write_per_server
waiting_room_servers = servers(stateless(waiting_room_work, 1))
assert waiting_room_servers * (zones - 1) / zones >= waiting_room_work, "a zone lost leaves too few"

# Positions are claimed a block at a time by each server: a block lasts this long on one server while
# the joins and the draw's claims are spread evenly, the spread of arrival order across servers.
position_block_span = duration(position_block / (queue_writes_peak / waiting_room_servers))
# A server drops the rest of its block only once its next position is more than half an access window
# behind the threshold: a join behind it is released at once with at least half its window left. A fresh
# block starts past the counter; the threshold crosses a block of positions in this long at the rate.
block_drop_behind = count(access_window_positions / 2)
block_release_span = duration(position_block / release_rate)

# Booking API: seat maps from the in-memory snapshot and the normal day's pages are reads from a cache, and
# an order's poll a read of one row by its key on the primary, no transaction: all three count as reads;
# hold attempts and submits are writes with a database transaction: the larger of the first pass's
# attempts and the race for returned seats once every seat is claimed, with the submits at their peak.
# Each load is taken at its own peak and they are added, though they peak at different moments of the
# sale (the maps and the race once the access window is full, the submits and their polls in the first
# wave): a bound for sizing, not the load of any one moment.
booking_reads_peak = peak(seat_map_reads_peak + page_views_peak + order_polls_peak)
first_pass_attempts = peak(release_rate * hold_attempts_per_buyer)
booking_writes_peak = peak(max(first_pass_attempts, race_hold_attempts_peak) + onsale_orders_peak)
# In servers' worth of each kind of work, added.
booking_servers = servers(
    stateless(booking_reads_peak / api_read_per_server + booking_writes_peak / api_write_per_server, 1)
)

# A counter store that does not answer fails a hold open (step 5): each booking server then holds an account
# to one attempt a show per repick time in its own memory, so a script spread over every server tries that
# many times as often. The share of the race's watchers that may be such scripts, the rest repicking as
# step 2 assumes, before the show's partition is full:
store_down_script_share = fraction(
    ((partition_capacity - release_rows_peak) / race_rows_peak - 1) / (booking_servers - 1)
)
assert store_down_script_share > 0.5, "a few scripts fill the partition while the counter store is down"
# Nor can the store sum a show's attempts then: each booking server counts its own, the load spread evenly
# over them, and opens a room on a show without one when its count stays above its share of the trigger.
store_down_room_trigger = peak(room_trigger_attempts / booking_servers)

# Each booking server keeps each hot show's seat map in memory, rebuilt from a replica every snapshot
# interval (in its own zone, or for the servers in the primary's zone, another): the replicas' reads,
# against the map reads they serve.
snapshot_scans_peak = peak(booking_servers / seat_snapshot_interval)
map_reads_per_scan = count(seat_map_reads_peak / snapshot_scans_peak)

# Payment workers: the processor's whole limit in flight, each call for its time (Little's law).
calls_in_flight = count(payment_endpoint_limit * processor_call_time)
payment_workers = servers(stateless(calls_in_flight, calls_in_flight_per_worker))
# The workers' room for calls in flight: a processor slowed by latency fills it before the log's backlog grows.
worker_calls_ceiling = count(payment_workers * calls_in_flight_per_worker)

# Queue store: a join's conditional insert, or a position written on a join's row, on every copy. Its peak
# is the draw's: the joins with the claims of those made before the draw, about a poll interval long. So the
# planned share of a node's rate is not kept for a sustained load but for a draw later than planned, each
# second late adding claims (step 6). At its floor, a node a zone, a node would run near its whole rate and
# reach it with a draw a few seconds late; sized to the planned share, the nodes are rounded up to a whole
# count in each zone: the seconds late a node then takes before passing the planned share, and before its
# whole rate (bounds, since the joins' peak lasts only the start's minute).
queue_store_floor_share = fraction(queue_writes_peak * copies / STORE_FLOOR / queue_store_writes_per_node)
draw_late_to_capacity_at_floor = duration(
    (STORE_FLOOR * queue_store_writes_per_node / copies - queue_writes_peak) / draw_late_claims_per_second
)
queue_store_nodes_at_share = count(queue_writes_peak * copies / (queue_store_writes_per_node * queue_store_write_share))
queue_store_nodes = servers(max(whole_per_zone(queue_store_nodes_at_share, zones), STORE_FLOOR))
queue_store_node_share = fraction(queue_writes_peak * copies / queue_store_nodes / queue_store_writes_per_node)
assert queue_store_node_share <= queue_store_write_share, "a node's writes at the draw leave no margin"
draw_late_to_planned_share = duration(
    (queue_store_nodes * queue_store_writes_per_node * queue_store_write_share / copies - queue_writes_peak)
    / draw_late_claims_per_second
)
draw_late_to_node_capacity = duration(
    (queue_store_nodes * queue_store_writes_per_node / copies - queue_writes_peak) / draw_late_claims_per_second
)
# The waiting-room servers' leases (step 6): each renews its own and reads the whole lease table once a
# second. The renewals' share of a node's writes, too small to count beside the joins, and the lease rows
# read, counted as point reads spread over the nodes and taken from the draw's scan below.
lease_writes_node_share = fraction(
    waiting_room_servers / owner_check_interval * copies / queue_store_nodes / queue_store_writes_per_node
)
lease_reads = throughput(waiting_room_servers * waiting_room_servers / owner_check_interval)
# The draw's scan reads every pre-start row once, in the join peak. Each row counted as a point read (a scan
# reads rows in order, for less), spread over the nodes, less a read for each write's condition check at the
# peak and the lease reads: the longest the scan takes, what it leaves of the build's budget for the HMACs,
# the sort, the write and the loads, and the share of the accounts joining before the start that the scan
# alone fits in the budget.
queue_store_scan_rate = throughput(queue_store_nodes * queue_store_reads_per_node - queue_writes_peak - lease_reads)
draw_scan_time = duration(pre_start_joiners / queue_store_scan_rate)
assert draw_scan_time < draw_build_time, "the draw's scan alone takes the build's budget"
draw_build_rest = duration(draw_build_time - draw_scan_time)
draw_scan_share_at_budget = fraction(queue_store_scan_rate * draw_build_time / queue_accounts)
# With a zone lost at the start, the nodes of the two zones left scan, at the same peak of writes (and every
# lease read, a bound): the scan then takes the whole budget, and the draw is in place that much later than
# with every zone up.
queue_store_scan_rate_zone_lost = throughput(
    queue_store_nodes * (zones - 1) / zones * queue_store_reads_per_node - queue_writes_peak - lease_reads
)
draw_scan_time_zone_lost = duration(pre_start_joiners / queue_store_scan_rate_zone_lost)
draw_late_zone_lost = duration(draw_scan_time_zone_lost - draw_scan_time)
# The margin is the same with a zone lost: the store keeps a copy a zone, so each write loses the lost zone's
# copy as the store loses its nodes (no hinted handoff at the draw's peak), and a node's writes do not grow.
# A store that kept every copy on the nodes left would have a far smaller margin.
draw_late_to_planned_share_zone_lost = duration(
    (
        queue_store_nodes
        * (zones - 1)
        / zones
        * queue_store_writes_per_node
        * queue_store_write_share
        / (copies * (zones - 1) / zones)
        - queue_writes_peak
    )
    / draw_late_claims_per_second
)
assert abs(draw_late_to_planned_share_zone_lost - draw_late_to_planned_share) < 1e-6, "a zone lost moves the margin"
assert draw_late_zone_lost < draw_late_to_planned_share, "a zone lost at the start takes the queue store's margin"
# Every waiting-room server reads the show's drawn flag on its shard's primary every check interval from the
# scan's start, and loads the list from the primary once it is set (a replica may lag the write by more than
# the build's rest): the flag's reads, the bytes, and the time from the write to the last load, a check
# interval and the bytes over the primary's 10 Gbit/s link (in the build's rest, next to the HMACs, the sort
# and the write).
draw_check_reads = throughput(waiting_room_servers / draw_check_interval)
draw_load_bytes = size(draw_list_bytes * waiting_room_servers)
draw_load_time = duration(draw_check_interval + draw_load_bytes / ten_gbit_tcp_payload)
assert draw_load_time < draw_build_rest / 2, "the servers' loads take most of the build's rest"
# A dead owner's shows move to the next server by rendezvous hashing once its lease lapses, timed on each
# reader's own clock, and the next read of the lease table sees it. The worst with the show's shard primary
# alive: the owner dies just before its write, at the moment the draw is due, with its zone, and the next
# owner builds again, its scan the zone-lost one. How late the draw then is, against the queue store's margin;
# and the moment the draw-missing alert pages, past it.
draw_owner_takeover = duration(owner_lease + owner_check_interval)
draw_late_after_takeover = duration(draw_owner_takeover + draw_build_time + draw_late_zone_lost)
assert draw_late_after_takeover < draw_late_to_planned_share, "a takeover's draw takes the queue store's margin"
draw_missing_page = duration(draw_delay + draw_late_after_takeover)
assert draw_missing_page < draw_delay + draw_late_to_planned_share, "the draw-missing alert pages past the margin"
# A larger pre-start crowd makes the draw late with nothing broken: the alert waits longer by the scan of the
# rows over the planned count, twice (the first build's, every zone up, and a takeover's, a zone lost), for
# each million more. And its shard's primary must have been up that long too, so a write that waited on a
# failover, with its owner taken over, has landed.
draw_missing_page_per_million = duration(1e6 / queue_store_scan_rate + 1e6 / queue_store_scan_rate_zone_lost)
# A lost zone that held the show's shard primary: the draw's write (and the block claims) wait for the shard's
# failover, from the loss. Lost between the scan's start and the write, the draw is this much late, at the
# least and at the most, past the queue store's margin: the late claims are then paced as in step 7's zone loss.
draw_late_primary_lost_least = duration(shard_failover - draw_build_time)
draw_late_primary_lost_most = duration(shard_failover)
assert draw_late_primary_lost_least > draw_late_to_planned_share, "a failover's draw fits the store's margin"

# Seat inventory: each shard a primary and a replica in each other zone; the standby region the same.
inventory_nodes = servers(shards * copies)
standby_inventory_nodes = servers(shards * standby_copies)

# The event log between the outbox relay and the payment workers: small, a broker a zone.
log_brokers = servers(STORE_FLOOR)
# The small parts, each at its floor: the outbox relay (stateless), the token bucket's counter store
# (a node a zone), and the catalog's database (one shard, a primary and a replica in each other zone).
relay_servers = servers(FLOOR)
counter_store_nodes = servers(STORE_FLOOR)
catalog_nodes = servers(copies)
small_parts = servers(relay_servers + counter_store_nodes + catalog_nodes)

home_region_servers = servers(
    waiting_room_servers
    + booking_servers
    + payment_workers
    + queue_store_nodes
    + inventory_nodes
    + log_brokers
    + small_parts
)
# The standby region keeps its database copies and the floors of the stateless tiers and stores, and
# grows them at a failover (step 7).
STATELESS_TIERS = ("waiting room", "booking API", "payment workers", "outbox relay")
STORES_AT_FLOOR = ("queue store", "event log", "counter store")
# The standby's queue store: its empty nodes at the floor, grown at a failover (step 7).
standby_queue_store_nodes = servers(STORE_FLOOR)
standby_region_servers = servers(
    standby_inventory_nodes + len(STATELESS_TIERS) * FLOOR + len(STORES_AT_FLOOR) * STORE_FLOOR + standby_copies
)
fleet_servers = servers(home_region_servers + standby_region_servers)

if __name__ != "ticket_booking_servers":
    print(
        markdown_table(
            ("Tier", "Load at the peak", "Servers, home region"),
            [
                ("Waiting room (joins and polls)", waiting_room_requests_peak, waiting_room_servers),
                ("Booking API (seat maps, pages, order polls)", booking_reads_peak, booking_servers),
                ("... and its writes (holds, submits)", booking_writes_peak, ""),
                ("... seat-map snapshots read from replicas a second", snapshot_scans_peak, ""),
                ("... race watchers that may be scripts, the counter store down", store_down_script_share, ""),
                ("... a server's share of the room trigger then", store_down_room_trigger, ""),
                ("Payment workers (calls in flight)", calls_in_flight, payment_workers),
                ("... the most calls they can keep in flight", worker_calls_ceiling, ""),
                ("Queue store (joins, positions written later)", queue_writes_peak, queue_store_nodes),
                ("... a node's share of its rate at that peak", queue_store_node_share, ""),
                ("... a node's share at the store's floor, a node a zone", queue_store_floor_share, ""),
                ("... there, saturated with a draw late by", draw_late_to_capacity_at_floor, ""),
                ("... nodes at the planned share, before whole counts a zone", queue_store_nodes_at_share, ""),
                ("... as sized, past the planned share with a draw late by", draw_late_to_planned_share, ""),
                ("... saturated with a draw late by", draw_late_to_node_capacity, ""),
                ("... the servers' lease renewals, share of a node's writes", lease_writes_node_share, ""),
                ("... their reads of the lease table, rows", lease_reads, ""),
                ("... the draw's scan at the most, rows as point reads, every zone up", draw_scan_time, ""),
                ("... with a zone lost at the start", draw_scan_time_zone_lost, ""),
                ("... so the draw is in place late by", draw_late_zone_lost, ""),
                ("... a dead draw owner's shows taken over within", draw_owner_takeover, ""),
                ("... a draw rebuilt then, a zone lost too, late by at most", draw_late_after_takeover, ""),
                ("... the alert's wait, more for each million more joiners", draw_missing_page_per_million, ""),
                ("... the shard's primary lost too: late by, from", draw_late_primary_lost_least, ""),
                ("... to", draw_late_primary_lost_most, ""),
                ("... the draw's list, loaded by every waiting-room server", draw_load_bytes, ""),
                ("... from the primary, a check interval and its 10 Gbit/s link", draw_load_time, ""),
                ("Seat inventory (shards, three copies each)", shards, inventory_nodes),
                ("Event log", "", log_brokers),
                ("Outbox relay", "", relay_servers),
                ("Token bucket's counter store", "", counter_store_nodes),
                ("Catalog database", "", catalog_nodes),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Fleet", "Servers"),
            [
                ("Home region", home_region_servers),
                ("Standby region (database copies and the floors)", standby_region_servers),
                ("In all", fleet_servers),
            ],
        )
    )
