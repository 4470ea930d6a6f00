"""Ride-hailing worked example, step 7: what gives first as load grows (each stateless tier's room in
its tightest region, with a zone lost or carrying its failover partner), a zone's loss, a region's
loss, a hot spot's matching window, the payment processor's outage and its per-city cap, the routing
engine's outage, what shedding the map frees, and the burn-rate alerts on step 1's targets."""

import math

from concept_consensus_leases import takeover
from concept_dr_assumptions import check_interval, dns_ttl, failure_threshold, human_decision
from concept_geo_workloads import WRITES_PER_UPDATE, index_writes_peak, ttl
from concept_slo_alerts import (
    fast_burn,
    fast_short_window,
    slow_burn,
    slow_short_window,
    ticket_burn,
    ticket_short_window,
)
from concept_slo_assumptions import SHORT_WINDOW_SHARE, fast_window, slow_window, ticket_window
from ride_hailing_api import hold_timeout
from ride_hailing_assumptions import (
    FAILOVER_REGION,
    REGION_SHARES,
    area_lease,
    batch_window,
    browse_queries_peak,
    busiest_city_share,
    cancel_share,
    city_average_speed_kmh,
    city_detour_factor,
    consumer_heartbeat_interval,
    consumer_lag_page,
    consumer_lag_sample,
    consumer_session_timeout,
    controller_election_at_most,
    controller_election_split_vote,
    eta_calls_per_routing_server,
    eta_refresh_interval,
    frames_per_gateway,
    hellos_per_gateway,
    hold_decline_share,
    index_write_alert_window,
    index_write_ratio_band,
    largest_region,
    largest_region_share,
    log_leader_failover,
    map_match_call_cost,
    percentile_budget_share,
    positions_per_trail_writer,
    probe_interval,
    probe_misses_to_page,
    probe_timeout,
    processor_created_margin,
    processor_default_endpoint_limit,
    processor_list_call_time,
    processor_list_page,
    processor_outage_ridden,
    publishes_per_pubsub_node,
    quiet_hour_to_average,
    reconnect_backoff_cap,
    reconnect_spread,
    request_availability_target,
    rides_per_day,
    routing_outage,
    solver_share_of_window,
    solver_steps_per_second,
    stadium_drivers_nearby,
    stadium_halo_drivers,
    standby_promotion,
    store_writes_per_node,
    thinned_location_interval,
    trail_row_grace,
    trail_row_seconds,
    trip_rpo,
    unmatched_share,
    zone_loss_reroute_refreshes,
    zone_lost_load_ceiling,
    zones,
)
from ride_hailing_data_model import trip_outbox_rows_per_ride
from ride_hailing_latency import (
    P99,
    P_FAIL,
    accept_times,
    added_wait_limit,
    match_budget_margin,
    mean_to_accepted_offer,
    quantile,
)
from ride_hailing_matching import (
    capture_limit_needed,
    captures_peak,
    endpoint_limit_needed,
    processor_account_limit_needed,
    processor_calls_peak,
    processor_paced_endpoints,
    reconnects_per_second_zone_loss,
    release_limit_needed,
    releases_peak,
    resubscribed_share,
    solver_steps,
)
from ride_hailing_servers import (
    STATELESS_LOADS,
    absorbed_share,
    gateway_counts,
    gateway_frames_peak,
    gateways,
    index_copy_loads,
    index_shards_by_region,
    location_ops_peak,
    location_servers,
    publishes_peak,
    region_counts,
    routing_load_peak,
    subscriptions_peak,
    total_servers,
    trail_positions_peak,
    trip_store_own_nodes_by_region,
    trip_store_standby_nodes_by_region,
    zone_headroom,
)
from ride_hailing_traffic import (
    bookings_per_ride,
    connections_peak,
    driver_updates_peak,
    failed_requests_budget,
    index_queries_peak,
    rides_in_progress_peak,
    rides_per_second,
    rides_per_second_peak,
)

from sdw.estimation import (
    SECONDS_PER_HOUR,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    servers,
    throughput,
    times,
)

# (a) What gives first as load grows. For each stateless tier and region: the servers step 5 placed there
# (the gateways by the larger of connections and frames), their assumed capacity, and two cases: a zone
# of the region lost (its own share on two zones' servers), and the region carrying its failover
# partner after that partner's loss (both shares on all its servers; no zone is planned lost with it).
# A tier's room is the least growth over the regions and both cases; the tier with the least gives first.
ZONE_LOST, PARTNER = "a zone lost", "carrying a failover partner"


def loads(counts: dict, load: float, per_server: float, region: str) -> dict:
    """A region's load as a share of its servers' capacity, in each case."""
    share = REGION_SHARES[region]
    return {
        ZONE_LOST: load * share / (counts[region] / zone_headroom * per_server),
        PARTNER: load * (share + absorbed_share[region]) / (counts[region] * per_server),
    }


def tightest(counts: dict, load: float, per_server: float) -> tuple[float, list]:
    """The least growth before a tier passes its capacity, and the (region, case) pairs at it."""
    room = {
        (region, case): 1 / x for region in REGION_SHARES for case, x in loads(counts, load, per_server, region).items()
    }
    least = min(room.values())
    return least, [key for key, r in room.items() if math.isclose(r, least)]


def where(pairs: list) -> str:
    """The tightest pairs, grouped by case."""
    by_case = {case: [r for r, c in pairs if c == case] for case in (ZONE_LOST, PARTNER)}
    return "; ".join(f"{', '.join(regions)}: {case}" for case, regions in by_case.items() if regions)


# Step 5's counts: the gateways' by the larger of connections and frames, checked here by connections.
TIER_COUNTS = [
    (name, dict(gateway_counts) if name == "Connection gateways" else region_counts(load, each), load, each)
    for name, load, each in STATELESS_LOADS
]
GROWTH = sorted(
    ((name, *tightest(counts, load, each)) for name, counts, load, each in TIER_COUNTS),
    key=lambda row: row[1],
)
first_tier, _first_growth, _first_pairs = GROWTH[0]
first_growth = times(_first_growth)
first_load_tightest = fraction(1 / _first_growth)
second_tier, _second_growth, _second_pairs = GROWTH[1]
second_growth = times(_second_growth)
second_load_tightest = fraction(1 / _second_growth)
third_tier, _third_growth, _third_pairs = GROWTH[2]
third_growth = times(_third_growth)
third_load_tightest = fraction(1 / _third_growth)
# The prose names them: the gateways, then the location service, each tightest in every region at
# once (step 5 sized each region for the larger case, and both round to the same load): Asia-Pacific,
# the largest share with no partner, with a zone lost; the four failover targets carrying a partner.
# The third tier, the routing engine in the failover targets, is under the ceiling.
assert (first_tier, second_tier, third_tier) == ("Connection gateways", "Location service", "Routing and ETA")
for _pairs in (_first_pairs, _second_pairs):
    assert {r for r, _ in _pairs} == set(REGION_SHARES)
    assert {r for r, c in _pairs if c == ZONE_LOST} == {r for r, a in absorbed_share.items() if a == 0}
tight_regions = count(len({r for r, _ in _first_pairs}))
assert third_load_tightest < zone_lost_load_ceiling

# The fix: any tier and region whose load in either case is past the ceiling gets a server a zone
# more, until both are under; the growth each of the first two tiers then takes, and where.
ADDED = {}
COUNTS_AFTER = {name: dict(counts) for name, counts, _, _ in TIER_COUNTS}
for name, _, load, each in TIER_COUNTS:
    counts = COUNTS_AFTER[name]
    for region in REGION_SHARES:
        old = int(counts[region])
        while max(loads(counts, load, each, region).values()) > zone_lost_load_ceiling:
            counts[region] = int(counts[region]) + int(zones)
        if counts[region] > old:
            ADDED[(name, region)] = (old, counts[region])
servers_added_now = count(sum(new - old for old, new in ADDED.values()))
GROWTH_AFTER = sorted(
    ((name, *tightest(COUNTS_AFTER[name], load, each)) for name, _, load, each in TIER_COUNTS),
    key=lambda row: row[1],
)
gateway_counts_after = COUNTS_AFTER["Connection gateways"]
gateways_after = servers(sum(gateway_counts_after.values()))
location_servers_after = servers(sum(COUNTS_AFTER["Location service"].values()))
# The 45-minute page says the gateways and the location servers grow "from 45 to 60 each".
assert (location_servers, location_servers_after) == (gateways, gateways_after)
# Every region of the first two tiers gets a server a zone; after it, the routing engine gives first,
# then those two tiers, all in North America and Latin America carrying each other (the prose names them).
routing_growth_after = times(GROWTH_AFTER[0][1])
first_growth_after = times(GROWTH_AFTER[1][1])
second_growth_after = times(GROWTH_AFTER[2][1])
assert {name for name, _ in ADDED} == {first_tier, second_tier}
assert {r for _, r in ADDED} == set(REGION_SHARES)
assert [row[0] for row in GROWTH_AFTER[:3]] == [third_tier, first_tier, second_tier]
for _row in GROWTH_AFTER[:3]:
    assert set(_row[2]) == {("North America", PARTNER), ("Latin America", PARTNER)}
# The gateways' frames stay under the ceiling in both cases with the counts after the fix.
assert all(
    max(loads(gateway_counts_after, gateway_frames_peak, frames_per_gateway, r).values()) < zone_lost_load_ceiling
    for r in REGION_SHARES
)
# The live index under the same ceiling. A copy takes all of its shard's writes and its share of the queries
# on one node, so its load is the two shares added (step 5's index_copy_loads): with a zone lost its writes do
# not move and the region's queries are on two copies of each shard; carrying the partner, both shares' writes
# and queries are on all three. A region past the ceiling gets a shard more, a copy in each zone, until both
# cases are under it.


def index_loads(shards: int, region: str) -> dict:
    """A region's index copy load, writes and queries together, as a share of a node, in each case."""
    return dict(zip((ZONE_LOST, PARTNER), index_copy_loads(shards, region), strict=True))


_index_tightest = max(
    (
        (region, case, load)
        for region in REGION_SHARES
        for case, load in index_loads(index_shards_by_region[region], region).items()
    ),
    key=lambda row: row[2],
)
index_load_tightest = fraction(_index_tightest[2])
# Its growth before its copies pass a whole node: a hair before the gateways', so the index gives first
# (the prose says so).
index_growth = times(1 / _index_tightest[2])
assert index_growth < _first_growth < _second_growth
index_tight_regions = [
    region
    for region in REGION_SHARES
    if max(index_loads(index_shards_by_region[region], region).values()) > zone_lost_load_ceiling
]
index_shards_after = dict(index_shards_by_region)
for _region in REGION_SHARES:
    while max(index_loads(index_shards_after[_region], _region).values()) > zone_lost_load_ceiling:
        index_shards_after[_region] += 1
index_shards_after_total = count(sum(index_shards_after.values()))
index_nodes_added = count((index_shards_after_total - sum(index_shards_by_region.values())) * zones)
index_load_after = fraction(max(max(index_loads(index_shards_after[r], r).values()) for r in REGION_SHARES))
# With a zone lost, after the fix: the most loaded copies, and their region (the zone-loss prose quotes it).
_zone_lost_after = {r: index_loads(index_shards_after[r], r)[ZONE_LOST] for r in REGION_SHARES}
index_zone_lost_region_after = max(_zone_lost_after, key=_zone_lost_after.get)
index_zone_lost_after = fraction(_zone_lost_after[index_zone_lost_region_after])
# Asia-Pacific, with its one shard and a zone lost, is the one region past it, and the tightest (the prose
# names it); after its second shard, the most loaded copies are those carrying a partner, and with a zone
# lost Europe's, on its one shard.
assert index_tight_regions == ["Asia-Pacific"] and _index_tightest[:2] == ("Asia-Pacific", ZONE_LOST)
assert index_load_after > index_zone_lost_after and index_zone_lost_region_after == "Europe"
stateless_servers_added = count(servers_added_now)
servers_added_now = count(servers_added_now + index_nodes_added)

# The fleet: step 5's count and the servers the ceiling adds now. Every page that quotes a fleet total
# quotes this one.
fleet_servers = servers(total_servers + servers_added_now)

# (b) A zone lost. The reconnect wave of step 6 spread over the surviving gateways; each hello reads the
# account's open ride and offer from the trip store. A lost matching server's areas wait for its lease to
# expire, then the next window: the requests arriving meanwhile in a third of the areas miss the match
# latency target.
# Worldwide and region by region, both with the gateways after the fix above: a zone of the region
# reconnects onto the region's two zones left. The most a gateway takes, and against what it can finish.
hellos_per_gateway_zone_lost = per_second(reconnects_per_second_zone_loss / (gateways_after / zone_headroom))
_hellos_by_region = {
    region: connections_peak * share / zones / reconnect_spread / (gateway_counts_after[region] / zone_headroom)
    for region, share in REGION_SHARES.items()
}
hellos_per_gateway_zone_lost_max = per_second(max(_hellos_by_region.values()))
trip_store_reads_zone_lost = per_second(reconnects_per_second_zone_loss)
# Each region's hellos read its own region's trip store. Against that store's nodes left with a zone
# lost, each taken to read at least what it writes (a single-key read is cheaper than a replicated
# write): the share of a node's assumed capacity, region by region, and the most.
_store_reads_by_region = {
    region: connections_peak
    * share
    / zones
    / reconnect_spread
    / (trip_store_own_nodes_by_region[region] / zone_headroom)
    / store_writes_per_node
    for region, share in REGION_SHARES.items()
}
trip_store_read_region = max(_store_reads_by_region, key=_store_reads_by_region.get)
trip_store_read_share_zone_lost = fraction(_store_reads_by_region[trip_store_read_region])
# The pub/sub nodes left take the region's publishes and the resubscribes over the reconnect window: the
# channels on the lost third of the nodes, and those the phones of the lost third of the gateways subscribe
# again at their hello, the two thirds overlapping in a ninth, so 1 - (2/3)^2 of the subscriptions. A
# subscribe is taken to cost a node what a publish does (one command, one entry in a channel's table): the
# share of the survivors' capacity, region by region, and the most.
_pubsub_counts = region_counts(publishes_peak, publishes_per_pubsub_node)
_pubsub_use_by_region = {
    region: (publishes_peak * share + subscriptions_peak * share * resubscribed_share / reconnect_spread)
    / (_pubsub_counts[region] * (zones - 1) / zones * publishes_per_pubsub_node)
    for region, share in REGION_SHARES.items()
}
pubsub_region_zone_lost = max(_pubsub_use_by_region, key=_pubsub_use_by_region.get)
pubsub_use_zone_lost = fraction(_pubsub_use_by_region[pubsub_region_zone_lost])
# At worst the coordination service's leader was in the lost zone too: its new leader's Promote extends
# every lease, so the dead owner's lease ends an election, an extension and a full lease after the death
# (the consensus page's takeover), then the next window closes. Counted, like the trip store's figure, for
# a zone of the largest region: a third of its requests.
matching_takeover = duration(takeover(area_lease, True, from_last_renewal=False) + batch_window)
rides_delayed_by_takeover = count(rides_per_second_peak * largest_region_share / zones * matching_takeover)
# Every partition has one copy a zone (three replicas, three zones), so every partition has a copy in the
# lost zone. Those the zone's brokers led have no live leader, and the others hold each append, since acks=all
# waits for every in-sync copy, until the controller fences the lost brokers: the fence moves their leadership
# to in-sync copies and drops the lost copies from every in-sync set. Then the next window closes. The whole region's
# requests wait, counted like the leases' figure, every arrival meanwhile.
log_failover_wait = duration(log_leader_failover + batch_window)
requests_delayed_by_log_failover = count(rides_per_second_peak * largest_region_share * log_failover_wait)
# The counts above overlap, since all start when the zone goes. The log's stall holds every request of the
# region until the fence and the next window; after that, a request still waits if its area's owner or its
# outbox relay was in the lost zone (a third each, taken as independent: 1 - (2/3)^2 of them), until the
# leases have moved. Every arrival meanwhile is counted, as above. As a share of the region's requests over
# the fast page's short window, the match latency burn a zone's loss causes at most.
requests_delayed_by_zone_loss = count(
    rides_per_second_peak
    * largest_region_share
    * (log_failover_wait + (matching_takeover - log_failover_wait) * (1 - (1 - 1 / zones) ** 2))
)
zone_loss_match_burn_share = fraction(
    requests_delayed_by_zone_loss / (rides_per_second_peak * largest_region_share * fast_short_window)
)
# The worst case: the controller quorum's leader was in the zone too (a third of the time). Its election comes
# first, then the new controller fences the lost brokers a broker session after it took over, then the
# window: the log's stall then outlasts the leases' move, and every request of the region waits it out.
log_failover_wait_controller_lost = duration(controller_election_at_most + log_leader_failover + batch_window)
requests_delayed_by_zone_loss_worst = count(
    rides_per_second_peak
    * largest_region_share
    * (
        log_failover_wait_controller_lost
        + max(0.0, matching_takeover - log_failover_wait_controller_lost) * (1 - (1 - 1 / zones) ** 2)
    )
)
zone_loss_match_burn_share_worst = fraction(
    requests_delayed_by_zone_loss_worst / (rides_per_second_peak * largest_region_share * fast_short_window)
)
# The same with one split vote in the controllers' election: the stall is longer still, and every request of
# the region waits it out.
log_failover_wait_split_vote = duration(controller_election_split_vote + log_leader_failover + batch_window)
assert log_failover_wait_split_vote > matching_takeover
requests_delayed_by_zone_loss_split_vote = count(
    rides_per_second_peak * largest_region_share * log_failover_wait_split_vote
)
zone_loss_match_burn_share_split_vote = fraction(
    requests_delayed_by_zone_loss_split_vote / (rides_per_second_peak * largest_region_share * fast_short_window)
)
# The consumer groups' members in the zone: a dead member's partitions move once its session expires, at worst
# a full session after its last heartbeat, and the others rejoin at their next heartbeat. When the group's
# coordinator (the broker leading its offsets partition) was in the zone too, a third of the time, the group
# moves only at the fence, and the new coordinator's load starts every member's session afresh: the fence,
# then a full session, then the next heartbeat. A request on those partitions that came more than the hold's
# timeout before the move has its hold time out: the ride goes on under the city's cap. Counted at that worst.
consumer_failover = duration(consumer_session_timeout + consumer_heartbeat_interval)
consumer_failover_coordinator_lost = duration(
    log_leader_failover + consumer_session_timeout + consumer_heartbeat_interval
)
holds_timed_out_by_consumer_failover = count(
    rides_per_second_peak * largest_region_share / zones * (consumer_failover_coordinator_lost - hold_timeout)
)
# The trail writers commit a partition's offset only up to the oldest position not yet in a written row
# (step 5), and write a row once the partition's newest position (or the clock, when it is idle) is the
# grace past the row's minute, so the new owners of the lost zone's partitions, a third of the region's,
# read again up to a row's minute and the grace of positions, and the positions that arrived while the
# partitions waited to move (at worst the group's coordinator lost too), on the writers left beside the
# region's load.
trail_reread_positions_zone_loss = count(
    trail_positions_peak
    * largest_region_share
    / zones
    * (trail_row_seconds + trail_row_grace + consumer_failover_coordinator_lost)
)
_trail_writers_left = region_counts(trail_positions_peak, positions_per_trail_writer)[largest_region] / zone_headroom
trail_writers_left_zone_lost = servers(_trail_writers_left)
trail_reread_time_zone_loss = duration(
    trail_reread_positions_zone_loss
    / (_trail_writers_left * positions_per_trail_writer - trail_positions_peak * largest_region_share)
)
# The ETA workers of the lost zone held a third of the region's rides' cached routes. Their partitions
# move; the new owner routes each ride again at its first or second ETA refresh (by the ride's ID),
# spread over two refresh intervals, on top of the region's routing load with the zone lost, against the
# routing servers left. Over one interval the wave would come within a per cent or two of their capacity,
# past the ceiling.
routes_lost_zone = count(rides_in_progress_peak * largest_region_share / zones)
reroute_wave_length = duration(eta_refresh_interval * zone_loss_reroute_refreshes)
reroutes_after_zone_loss = per_second(routes_lost_zone / reroute_wave_length)
_routing_left = region_counts(routing_load_peak, eta_calls_per_routing_server)[largest_region] / zone_headroom
routing_capacity_zone_lost = throughput(_routing_left * eta_calls_per_routing_server)
routing_load_zone_lost = per_second(routing_load_peak * largest_region_share)
routing_share_after_zone_loss = fraction(
    (routing_load_zone_lost + reroutes_after_zone_loss) / routing_capacity_zone_lost
)
assert routing_share_after_zone_loss < zone_lost_load_ceiling

# (c) A region lost. The largest region's share of what is under way, what its standby copy may lack, the
# time to steer its phones elsewhere, and what the outage costs step 1's budget.
region_rides_in_progress = count(rides_in_progress_peak * largest_region_share)
region_connections = count(connections_peak * largest_region_share)
region_rides_in_rpo = count(rides_per_second_peak * largest_region_share * trip_rpo)
# The rides with a committed change in that window. Step 4's transactions fall in three clusters a ride: the
# request (create, reservations, accept and arriving, within seconds), the arrival and pickup a few minutes
# later (or a cancel on the way, for cancel_share of rides), and the drop-off with the driver's rating. At a
# steady busy hour each cluster lands in the window for as many rides as are requested in it; the riders'
# later ratings are left out.
RIDE_CHANGE_CLUSTERS = 1 + 1 + (1 - cancel_share)
region_rides_changed_in_rpo = count(rides_per_second_peak * largest_region_share * trip_rpo * RIDE_CHANGE_CLUSTERS)
# Before the relays restart on the promoted trip store and ledger, the promotion moves back to each one's
# outbox, unsent, every row sent after the earlier of the two clusters' replicated times, less a margin for
# the events published but not yet applied by a consumer when the region went: twice the consumer-lag page's
# threshold (a page at once, no hold; the lag measured from the publish), so a lag the page has not fired on
# is under half the margin, the other half for its growth since the last sample (the runbook widens it to
# twice the largest lag the monitoring last received from the region, if the page had fired). Re-marking the
# whole retained day instead would put a day's rows of the region ahead of its fresh events.
outbox_remark_margin = duration(2 * consumer_lag_page)
# A lag grows at most a second a second, so the sample interval must fit in the margin's other half.
assert consumer_lag_sample <= outbox_remark_margin - consumer_lag_page
# A zone's loss or a deploy alone does not page it: a lost member's partitions move within the page's threshold,
# and the new owner holds none of their events back (it starts a ride it has not read at its first event).
assert consumer_failover_coordinator_lost < consumer_lag_page
outbox_rows_day_region = count(rides_per_day * largest_region_share * trip_outbox_rows_per_ride)
region_detection = duration(check_interval * failure_threshold)
# The person is paged by the outside prober (the edge's logs go quiet with the region): the misses in a
# row, the last one known at its timeout.
probe_page_after = duration(probe_interval * (probe_misses_to_page - 1) + probe_timeout)
# Until the phones are served elsewhere: the last of them, having failed for minutes, waits out its
# longest backoff after the TTL and the spread.
region_rto = duration(
    probe_page_after + human_decision + standby_promotion + dns_ttl + reconnect_spread + reconnect_backoff_cap
)
# With one cluster across regions (step 4's other option) the database stays up, but the lost region's
# phones must still move: the same, less the person's decision and the standby's promotion.
region_rto_without_decision = duration(region_rto - human_decision - standby_promotion)
region_failed_requests = count(rides_per_second_peak * largest_region_share * region_rto)
region_outage_over_budget = times(region_failed_requests / failed_requests_budget)
region_hellos_per_second = per_second(region_connections / reconnect_spread)
# The failover region takes them on all its gateways (no zone lost with it). Its own rides and drivers
# are matched meanwhile; the lost region's are held back until their phones can resend what was lost.
region_hellos_per_gateway = per_second(region_hellos_per_second / gateway_counts_after[FAILOVER_REGION[largest_region]])
hello_load_region_loss = fraction(region_hellos_per_gateway / hellos_per_gateway)
# Each of those hellos reads the account's open ride and offer from the lost region's promoted standby
# cluster in the failover region, taken, as for a zone's loss, to read at least what a node writes.
region_standby_store_nodes = count(trip_store_standby_nodes_by_region[largest_region])
region_hello_read_share = fraction(region_hellos_per_second / (region_standby_store_nodes * store_writes_per_node))
hello_load_zone_loss = fraction(hellos_per_gateway_zone_lost_max / hellos_per_gateway)
failover_matching_hold = duration(dns_ttl + reconnect_spread + reconnect_backoff_cap)
# The rides a region's loss flags (the phones saw them matched, the restored store has them requested):
# those whose create survived the cut and whose accepted offer did not, the region's requests over the
# mean time from a request to the offer its driver accepted (step 6's model). Signed offers let the
# drivers' resent accepts take most of them back; the rest wait at most review_driver_wait past the hold.
region_rides_flagged = count(rides_per_second_peak * largest_region_share * mean_to_accepted_offer)
# The other way to copy a region (step 4's options): one cluster across regions surviving a region's loss.
# Its commit waits at least a round trip to the nearest other database region. For a Latin America home,
# whose nearest other region is North America, Azure's median (P50) round trip between Brazil South and
# East US (its inter-region latency table of 30 July 2026) is the figure. The match target's path holds
# two commits, the create's and the reservation's, set against the match budget's margin; the accept's
# path holds a commit more for every offer, and its service p99 comes near its target.
region_neighbour_rtt = duration(118e-3)
MATCH_PATH_COMMITS = 2
region_sync_match_path_added = duration(MATCH_PATH_COMMITS * region_neighbour_rtt)
region_sync_margin_share = fraction(region_sync_match_path_added / match_budget_margin)
assert region_sync_margin_share < 1  # the match target has room
region_sync_accept_p99 = duration(quantile(accept_times(P_FAIL, service=True, added_wait=region_neighbour_rtt), P99))
# The break-even: the largest added round trip that keeps the accept pages' burn under 1 (a home farther
# from its nearest other region than this breaks the accept target).
region_sync_rtt_limit = duration(added_wait_limit())
assert region_neighbour_rtt < region_sync_rtt_limit / 2  # step 4: "under half the break-even"
# A planned drill: no detection and no decision; promotion, the TTL, the spread and the backoff cap, run
# at the drilled region's quietest hour (about 4 a.m. in its main time zones), at that hour's rate: the region's share
# of the day's average, times the quiet hour's share of it. Against the month's budget. A drill is two
# cutovers: the failover, then the failback once the drilled region's cluster has caught up, each the
# same stop of writes, TTL, spread and backoff cap.
DRILL_CUTOVERS = 2
drill_cutover = duration(standby_promotion + dns_ttl + reconnect_spread + reconnect_backoff_cap)
drill_outage = duration(DRILL_CUTOVERS * drill_cutover)
drill_hour_rides_per_second = per_second(rides_per_second * largest_region_share * quiet_hour_to_average)
drill_failed_requests = count(drill_hour_rides_per_second * drill_outage)
drill_budget_share = fraction(drill_failed_requests / failed_requests_budget)

# (d) A hot spot. The Hungarian method takes about min(n, m)^2 max(n, m) steps for n rides and m
# candidate drivers, m at most K n and at most the drivers in the area's halo. The most rides a window may
# assign in an area with the solver inside a quarter of the window, where drivers are plentiful and no
# queue assigns them (a stadium's exit once drivers have come in); and the solver's time at that cap
# where they are few (the same exit at the final whistle). An airport lot's first-in, first-out queue
# assigns its head driver and never runs the solver.
_n = 1
while solver_steps(_n + 1, stadium_halo_drivers) <= solver_share_of_window * batch_window * solver_steps_per_second:
    _n += 1
area_window_ride_cap = count(_n)
area_cap_solver_time = duration(solver_steps(_n, stadium_halo_drivers) / solver_steps_per_second)
stadium_cap_solver_time = duration(solver_steps(_n, stadium_drivers_nearby) / solver_steps_per_second)
area_cap_rides_per_second = per_second(_n / batch_window)
# Step 5's budget takes the busiest area at the usual load; an area at the cap adds its solver time,
# which stays inside the budget's margin under the match target (step 5 says so).
assert area_cap_solver_time < match_budget_margin

# (e) The payment processor down: the busiest city's unheld fares over the outage it rides through, at
# the average fare (step 2's bookings per ride), and what is lost if the usual share of the later holds
# is declined.
city_rides_per_second_peak = peak(rides_per_second_peak * busiest_city_share)
city_exposure_cap = count(city_rides_per_second_peak * processor_outage_ridden * bookings_per_ride)
city_expected_loss = count(city_exposure_cap * hold_decline_share)
# When the processor returns, every ride that went on unheld meanwhile has a hold to place again (a request
# that ended unmatched is released instead, on the cancel endpoint), and every capture and release attempted
# during the outage waits too: at most one capture a matched ride, and one release a request that ended
# before a match or a ride cancelled after it (step 6's counts; a ride that went on unheld is captured once
# its retried hold is placed, within the holds' drain). The client-side limiter serves new rides' calls
# first, so the retries get only what is left over the busy hour's calls (the worst case, since the quiet
# hours leave more): on each endpoint its limit less its new calls, on the account its limit less every new
# call and the two paced endpoints' defaults. The endpoints' spares add up to a little more than the
# account's, since the capture and the cancel limits both count the rides cancelled after a match, which
# make one call or the other; so the limiter paces every retried queue to the same share of its endpoint's
# spare, and their total stays within the account's limit.
processor_backlog_holds = count(rides_per_second_peak * (1 - unmatched_share) * processor_outage_ridden)
processor_capture_backlog = count(captures_peak * processor_outage_ridden)
processor_release_backlog = count(releases_peak * processor_outage_ridden)
_hold_endpoint_spare = endpoint_limit_needed - rides_per_second_peak  # the create's, and the confirm's
_capture_endpoint_spare = capture_limit_needed - captures_peak
_release_endpoint_spare = release_limit_needed - releases_peak
processor_endpoints_retry_spare = peak(2 * _hold_endpoint_spare + _capture_endpoint_spare + _release_endpoint_spare)
processor_account_retry_spare = peak(
    processor_account_limit_needed - processor_calls_peak - processor_paced_endpoints * processor_default_endpoint_limit
)
processor_retry_pace = fraction(min(1, processor_account_retry_spare / processor_endpoints_retry_spare))
processor_retry_spare = peak(_hold_endpoint_spare * processor_retry_pace)
processor_capture_spare = peak(_capture_endpoint_spare * processor_retry_pace)
processor_release_spare = peak(_release_endpoint_spare * processor_retry_pace)
# The new calls, the paced retries and the paced endpoints at their defaults fit the account's limit.
_account_use = (
    processor_calls_peak
    + 2 * processor_retry_spare
    + processor_capture_spare
    + processor_release_spare
    + processor_paced_endpoints * processor_default_endpoint_limit
)
assert _account_use <= processor_account_limit_needed * (1 + 1e-9), _account_use
processor_backlog_drain_time = duration(processor_backlog_holds / processor_retry_spare)
processor_capture_drain_time = duration(processor_capture_backlog / processor_capture_spare)
processor_release_drain_time = duration(processor_release_backlog / processor_release_spare)
# Step 7 says "about twice the outage": each limit's headroom is half its busy-hour calls, and the pacing
# takes a little off it.
assert 1.8 < processor_backlog_drain_time / processor_outage_ridden <= 2
assert 2 < processor_capture_drain_time / processor_outage_ridden < 2.1
assert math.isclose(processor_release_drain_time, processor_capture_drain_time)
# A fare made t into the outage is captured once the outage's rest and the captures ahead of it in the drain
# have passed: it waits T - t + t x captures / spare, longest for the outage's last fare, which waits the
# whole drain (step 7's "No capture" note).
_capture_waits = [
    processor_outage_ridden - t + t * captures_peak / processor_capture_spare for t in (0, processor_outage_ridden)
]
assert math.isclose(max(_capture_waits), processor_capture_drain_time)
# Each of those holds may have run at the processor, so its failed create or confirm is looked up before it
# is sent again (step 6): a new key would make a second intent, or try a declined card again and restart a
# pending challenge; a resend with the same key settles the calls Stripe never began and those whose answer
# was lost, but none it answered with a 500, since it replays the saved 500. One retrieve a hold, at the
# retrieve endpoint's default, would take hours, and a create has no ID to retrieve. So payments lists the
# intents by their created time, from the hold's timeout before the outage (a hold's confirm follows its
# create within it, so the range holds the intent of every create and confirm the outage left unanswered) to
# the outage's end, a second wider each side (`created` is Stripe's clock, in whole seconds): at most one
# intent a request, a full page a call but each slice's last. A list is paged by cursor, its calls one after
# another, so the range is cut into as many slices of `created` as keep the list endpoint's default busy at
# a list call's time, paged at once, a cursor each; each cursor's calls then take as long as the whole. The
# lists read intents far faster than the spare places holds, so they run ahead of the drain and do not
# lengthen it. The captures and releases are sent again under new keys with no look-up (step 6), but for a
# release whose ride's create never returned an ID (most rides requested during the outage): it has no intent
# to cancel until the lists find the create, and is sent only if they do. The count above stays an upper
# bound (a create that never ran needs no release), and since the lists find intents far faster than the
# releases' spare sends them, the wait does not lengthen the releases' drain.
processor_lookups_by_retrieve_time = duration(processor_backlog_holds / processor_default_endpoint_limit)
_lookup_range = processor_outage_ridden + hold_timeout + 2 * processor_created_margin
processor_lookup_intents = count(rides_per_second_peak * _lookup_range)
processor_lookup_slices = count(math.ceil(processor_default_endpoint_limit * processor_list_call_time))
processor_lookup_slice_length = duration(_lookup_range / processor_lookup_slices)
_calls_per_slice = math.ceil(processor_lookup_intents / processor_lookup_slices / processor_list_page)
processor_lookup_calls = count(processor_lookup_slices * _calls_per_slice)
processor_lookup_time = duration(processor_lookup_calls / processor_default_endpoint_limit)
processor_lookup_rate = throughput(processor_list_page * processor_default_endpoint_limit)
assert _calls_per_slice * processor_list_call_time <= processor_lookup_time
assert processor_lookup_rate > processor_retry_spare and processor_lookup_time < processor_backlog_drain_time
assert processor_lookup_rate > processor_release_spare and processor_lookup_time < processor_release_drain_time

# (f) The routing engine down: a fallback ETA from the straight-line distance, and the fares' backlog.
# A km at v km/h takes an hour over v.
fallback_eta_per_km = duration(city_detour_factor * SECONDS_PER_HOUR / city_average_speed_kmh)
# Only a completed ride is priced: a request that ends before a match, or a ride cancelled after one, has
# no fare to compute (a cancel's fee is the city's, not a fare).
COMPLETED_SHARE = 1 - unmatched_share - cancel_share
fares_waiting_after_outage = count(rides_per_second_peak * COMPLETED_SHARE * routing_outage)
# Each region drains its own fares at its own engine's spare capacity at the busy hour (its servers, less
# its load), each fare a map-matching at map_match_call_cost routes: the worst case, since the quiet
# hours have more spare (and the load counts a map-matching a request, more than the completed rides
# need). The longest region's.
_routing_counts = region_counts(routing_load_peak, eta_calls_per_routing_server)
_drain = {
    region: (
        rides_per_second_peak * COMPLETED_SHARE * share * routing_outage,
        _routing_counts[region] * eta_calls_per_routing_server - routing_load_peak * share,
    )
    for region, share in REGION_SHARES.items()
}
fares_drain_region = max(_drain, key=lambda r: _drain[r][0] * map_match_call_cost / _drain[r][1])
fares_waiting_in_region = count(_drain[fares_drain_region][0])
region_routing_spare_calls = throughput(_drain[fares_drain_region][1])
fares_drain_time = duration(fares_waiting_in_region * map_match_call_cost / region_routing_spare_calls)
# The prose names it: North America, the largest region (tied with Latin America).
assert fares_drain_region == largest_region

# (g) Shedding: what the "cars near me" map is of the location service's work and of the index's queries.
map_share_of_location_ops = fraction(browse_queries_peak / location_ops_peak)
map_share_of_index_queries = fraction(browse_queries_peak / index_queries_peak)

# Thinning available drivers away from demand: a driver whose one position is lost is next heard two
# thinned intervals after the last, still inside the index's time to live.
assert 2 * thinned_location_interval < ttl

# (h) Alerts. The availability budget, and a p99 target's 1% of requests over the threshold, each burned
# at the SRE workbook's rates (the SLO page's figures): two pages and a ticket, each with a short window.
error_budget_share = fraction(1 - request_availability_target)
latency_budget_share = fraction(percentile_budget_share)
fast_error_share = fraction(fast_burn * error_budget_share)
slow_error_share = fraction(slow_burn * error_budget_share)
ticket_error_share = fraction(ticket_burn * error_budget_share)
fast_slow_share = fraction(fast_burn * latency_budget_share)
slow_slow_share = fraction(slow_burn * latency_budget_share)
ticket_slow_share = fraction(ticket_burn * latency_budget_share)
# A zone's loss leaves the match latency burn under the fast page, as the game day checks.
assert zone_loss_match_burn_share_worst < zone_loss_match_burn_share_split_vote < fast_slow_share

# Positions dropped before the index, seen directly: a shard's index writes per driver position the
# location service accepted for it, against step 5's ratio (a write a position, two more a cell change;
# a waiting rider's position is never indexed, so it is not counted). Below the band positions are
# lost; above it writes are repeated or cells change more often than step 5 sized. No shard goes below
# one write a position however slowly its drivers move, so only a loss crosses the lower edge.
index_writes_per_driver_position = times(index_writes_peak / driver_updates_peak)
index_write_ratio_low = times(index_writes_per_driver_position * (1 - index_write_ratio_band))
index_write_ratio_high = times(index_writes_per_driver_position * (1 + index_write_ratio_band))
index_write_alert_short_window = duration(index_write_alert_window * SHORT_WINDOW_SHARE)
# The lower edge sits under one write a position, so only lost positions cross it.
assert index_write_ratio_low < WRITES_PER_UPDATE
# A gateway that hears of an accept late stamps its drivers' positions with the status the accept replaced;
# the tombstone the accept leaves on the cell's shard stops them for one TTL only (step 6). So a gateway whose
# lag on the driver-state events passes half the TTL stamps no status until it catches up, and that lag pages.
gateway_status_lag_limit = duration(ttl / 2)

if __name__ != "ride_hailing_reliability":
    print(
        markdown_table(
            ("Tier", "Growth before it passes its capacity", "Tightest: region, case"),
            [(name, times(growth), where(pairs)) for name, growth, pairs in GROWTH],
        )
    )
    print()
    print(
        markdown_table(
            (
                f"The fix: past {zone_lost_load_ceiling} in either case",
                "Region",
                "Servers",
                "Tier's growth after",
                "Then tightest",
            ),
            [
                (name, region, f"{old} to {new}", *next((times(g), where(p)) for t, g, p in GROWTH_AFTER if t == name))
                for (name, region), (old, new) in ADDED.items()
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                (f"Servers: step 5's {total_servers} and the {servers_added_now} the ceiling adds", fleet_servers),
                (f"... of them stateless, and index nodes ({index_nodes_added})", stateless_servers_added),
                (
                    f"Live index: a copy's writes and queries, most, {', '.join(index_tight_regions)} with a zone lost",
                    index_load_tightest,
                ),
                ("... its growth before its capacity", index_growth),
                (
                    f"... after a shard more there ({index_shards_after_total} shards), the most in either case",
                    index_load_after,
                ),
                (f"... the most with a zone lost then ({index_zone_lost_region_after})", index_zone_lost_after),
                (f"Connection gateways: step 5's {gateways}, after the fix", gateways_after),
                (f"Location servers: step 5's {location_servers}, after the fix", location_servers_after),
                (f"Third stateless tier, {third_tier}: growth before its capacity", third_growth),
                ("... its load then", third_load_tightest),
                ("After the fix, the first to give: it, growth", routing_growth_after),
                ("... then the gateways, the location service", f"{first_growth_after}, {second_growth_after}"),
                (
                    "A zone lost: hellos a second on each gateway left, worldwide (after the fix)",
                    hellos_per_gateway_zone_lost,
                ),
                ("... at most, region by region", hellos_per_gateway_zone_lost_max),
                (f"... of the {hellos_per_gateway} a gateway finishes", hello_load_zone_loss),
                ("... trip-store reads for the hellos", trip_store_reads_zone_lost),
                (
                    f"... a share of the store's nodes left, at most ({trip_store_read_region})",
                    trip_store_read_share_zone_lost,
                ),
                (
                    f"... pub/sub nodes left, publishes and resubscribes, at most ({pubsub_region_zone_lost})",
                    pubsub_use_zone_lost,
                ),
                ("... a lost matching owner's areas wait", matching_takeover),
                (
                    "... requests delayed past the match target meanwhile, a zone of the largest region",
                    rides_delayed_by_takeover,
                ),
                ("... the log's appends wait for the fence, to the next window", log_failover_wait),
                ("... requests delayed past the match target, the whole region", requests_delayed_by_log_failover),
                ("... requests delayed past the match target by both, counted once", requests_delayed_by_zone_loss),
                (f"... a share of the region's requests in the last {fast_short_window}", zone_loss_match_burn_share),
                ("... the log's stall, the controller's leader lost too", log_failover_wait_controller_lost),
                ("... requests delayed past the match target then", requests_delayed_by_zone_loss_worst),
                (f"... a share of its last {fast_short_window} then", zone_loss_match_burn_share_worst),
                ("... the log's stall if the controllers split a vote once", log_failover_wait_split_vote),
                ("... requests delayed past the match target then", requests_delayed_by_zone_loss_split_vote),
                (f"... a share of its last {fast_short_window} then", zone_loss_match_burn_share_split_vote),
                ("... a lost consumer's partitions move, its coordinator kept", consumer_failover),
                ("... with the group's coordinator lost too", consumer_failover_coordinator_lost),
                (
                    f"... holds past their {hold_timeout} timeout meanwhile, on to the cap, at most",
                    holds_timed_out_by_consumer_failover,
                ),
                (
                    "... trail positions read again by the moved partitions' new owners, largest region",
                    trail_reread_positions_zone_loss,
                ),
                (
                    f"... their time on the {trail_writers_left_zone_lost} trail writers left, beside its load",
                    trail_reread_time_zone_loss,
                ),
                ("... ETA routes lost with the zone's workers, largest region", routes_lost_zone),
                (f"... routed again over {reroute_wave_length} of refreshes", reroutes_after_zone_loss),
                (
                    "... on the region's routing servers left, beside its load",
                    f"{routing_load_zone_lost} of {routing_capacity_zone_lost}",
                ),
                ("... their load then", routing_share_after_zone_loss),
                ("A region lost (the largest): rides under way", region_rides_in_progress),
                ("... phones to steer", region_connections),
                (f"... rides requested in the last {trip_rpo}", region_rides_in_rpo),
                (f"... rides with a committed change in the last {trip_rpo}", region_rides_changed_in_rpo),
                ("... outbox rows sent again: sent after the earlier cut less", outbox_remark_margin),
                ("... the outbox rows of a whole day of the region, for comparison", outbox_rows_day_region),
                ("... detection by health checks", region_detection),
                ("... the prober's page", probe_page_after),
                ("... until its phones are served elsewhere", region_rto),
                (f"... requests failed over those {region_rto}", region_failed_requests),
                ("... over the month's budget", region_outage_over_budget),
                ("... hellos a second at the failover region", region_hellos_per_second),
                ("... on each of its gateways", region_hellos_per_gateway),
                (f"... of the {hellos_per_gateway} a gateway finishes", hello_load_region_loss),
                (
                    f"... their trip-store reads on the promoted standby's {region_standby_store_nodes} nodes",
                    region_hello_read_share,
                ),
                ("... the lost region's rides held from matching after promotion", failover_matching_hold),
                (
                    f"... rides flagged: the phones saw them matched, the offer lost ({mean_to_accepted_offer} a ride)",
                    region_rides_flagged,
                ),
                (
                    "One cluster across regions instead: phones served again, with no decision and no promotion",
                    region_rto_without_decision,
                ),
                ("... Latin America's nearest region, round trip, P50", region_neighbour_rtt),
                (f"... added to the match path's {MATCH_PATH_COMMITS} commits", region_sync_match_path_added),
                (f"... a share of the match budget's {match_budget_margin} margin", region_sync_margin_share),
                ("... the accept's service p99 then", region_sync_accept_p99),
                ("... the largest round trip keeping the accept pages' burn under 1", region_sync_rtt_limit),
                ("A planned failover drill: a cutover", drill_cutover),
                ("... outage, the failover and the failback", drill_outage),
                ("... ride requests a second in the largest region's quietest hour", drill_hour_rides_per_second),
                ("... requests failed, at that hour's rate", drill_failed_requests),
                ("... share of the month's budget", drill_budget_share),
                ("Hot spot: rides a window an area assigns at most", area_window_ride_cap),
                (f"... its solver time, {stadium_halo_drivers} drivers in the halo", area_cap_solver_time),
                (f"... the same rides with {stadium_drivers_nearby} drivers at the whistle", stadium_cap_solver_time),
                ("... rides a second an area then assigns", area_cap_rides_per_second),
                ("Busiest city's ride requests at the peak", city_rides_per_second_peak),
                (f"... unheld fares over {processor_outage_ridden}, dollars (the cap)", city_exposure_cap),
                (f"... lost if {hold_decline_share} of later holds are declined, dollars", city_expected_loss),
                (f"Holds to place again after a {processor_outage_ridden} outage, worldwide", processor_backlog_holds),
                (f"Captures attempted during a {processor_outage_ridden} outage, at most", processor_capture_backlog),
                (f"Releases attempted during a {processor_outage_ridden} outage, at most", processor_release_backlog),
                ("The endpoints' limits' spare over the busy hour's calls, added up", processor_endpoints_retry_spare),
                (
                    "The account's limit's spare over the busy hour's calls and the paced endpoints' defaults",
                    processor_account_retry_spare,
                ),
                ("... so each retried queue is paced to this share of its endpoint's spare", processor_retry_pace),
                ("Holds: the create and confirm limits' spare, paced", processor_retry_spare),
                ("... time to place them all at that spare", processor_backlog_drain_time),
                ("Captures: the capture limit's spare, paced", processor_capture_spare),
                ("... time to make them all at that spare", processor_capture_drain_time),
                ("Releases: the cancel limit's spare, paced", processor_release_spare),
                ("... time to make them all at that spare", processor_release_drain_time),
                (
                    f"Holds looked up first, one retrieve each at the endpoint's {processor_default_endpoint_limit}",
                    processor_lookups_by_retrieve_time,
                ),
                (
                    f"... or listed: intents created from the hold's timeout before the outage to its end, "
                    f"{processor_created_margin} wider each side, at most",
                    processor_lookup_intents,
                ),
                (
                    f"... in slices of created time paged at once, at a call's {processor_list_call_time}",
                    processor_lookup_slices,
                ),
                ("... each slice's length", processor_lookup_slice_length),
                (f"... list calls, {processor_list_page} intents each but a slice's last", processor_lookup_calls),
                (f"... their time at the list endpoint's {processor_default_endpoint_limit}", processor_lookup_time),
                ("... intents read a second", processor_lookup_rate),
                ("Fallback ETA a straight-line km", fallback_eta_per_km),
                (f"Fares waiting after a {routing_outage} routing outage, worldwide", fares_waiting_after_outage),
                (f"... in {fares_drain_region}, the longest to drain", fares_waiting_in_region),
                ("... its routing engine's spare calls at the busy hour", region_routing_spare_calls),
                ("... time to drain them at that spare", fares_drain_time),
                ("Index writes per driver position, step 5's ratio", index_writes_per_driver_position),
                (f"... the alert's band, {index_write_ratio_band} either way", index_write_ratio_low),
                ("... its upper edge", index_write_ratio_high),
                (f"... its short window, beside {index_write_alert_window}", index_write_alert_short_window),
                ("A gateway's lag on driver-state events past which it stamps no status", gateway_status_lag_limit),
                ("Map queries: share of the location service's work", map_share_of_location_ops),
                ("... share of the index's queries", map_share_of_index_queries),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Alert", "Long window", "Short window", "Burn rate", "Requests failing", "Over a p99 target"),
            [
                ("Page", fast_window, fast_short_window, fast_burn, fast_error_share, fast_slow_share),
                ("Page", slow_window, slow_short_window, slow_burn, slow_error_share, slow_slow_share),
                ("Ticket", ticket_window, ticket_short_window, ticket_burn, ticket_error_share, ticket_slow_share),
            ],
        )
    )
