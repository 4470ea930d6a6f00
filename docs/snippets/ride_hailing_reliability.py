"""Ride-hailing worked example, step 7: what gives first as load grows (each stateless tier's room in
its tightest region, with a zone lost), a zone's loss, a region's loss, a hot spot's matching window,
the payment processor's outage and its per-city cap, the routing engine's outage, what shedding the
map frees, and the burn-rate alerts on step 1's targets."""

from concept_dr_assumptions import check_interval, dns_ttl, failure_threshold, human_decision
from concept_slo_alerts import (
    fast_burn,
    fast_short_window,
    slow_burn,
    slow_short_window,
    ticket_burn,
    ticket_short_window,
)
from concept_slo_assumptions import fast_window, slow_window, ticket_window
from ride_hailing_assumptions import (
    REGION_SHARES,
    area_lease,
    batch_window,
    browse_queries_peak,
    busiest_city_share,
    candidates_ranked,
    city_average_speed_kmh,
    city_detour_factor,
    connections_per_gateway,
    frames_per_gateway,
    hold_decline_share,
    largest_region_share,
    probe_interval,
    probe_misses_to_page,
    processor_outage_ridden,
    reconnect_spread,
    request_availability_target,
    routing_outage,
    solver_steps_per_second,
    standby_promotion,
    trip_rpo,
    zones,
)
from ride_hailing_matching import processor_limit_needed, reconnects_per_second_zone_loss
from ride_hailing_servers import (
    STATELESS_LOADS,
    gateway_frames_peak,
    gateways,
    location_ops_peak,
    region_counts,
)
from ride_hailing_traffic import (
    bookings_per_ride,
    connections_peak,
    failed_requests_budget,
    index_queries_peak,
    location_writes_peak,
    payment_ops_peak,
    rides_in_progress_peak,
    rides_per_second_peak,
)

from sdw.estimation import count, duration, fraction, markdown_table, peak, per_second, times

# (a) What gives first as load grows. For each stateless tier and region: the servers step 5 placed there
# (the gateways by the larger of connections and frames), their assumed capacity with a zone lost, and
# the region's share of the peak. The growth a tier takes before it passes that capacity is the smallest
# over the regions; the tier with the least growth gives first.
TIER_NAMES = (
    "Location service",
    "Matching service",
    "ETA workers",
    "Routing engine",
    "Trip service",
    "Payments service",
    "Notification service",
    "Pub/sub",
    "Event log",
)


def growth_with_zone_lost(counts: dict, load: float, per_server: float) -> tuple[float, str]:
    """The least growth over the regions before a tier, with a zone lost, passes its capacity."""
    room = {
        region: counts[region] * (zones - 1) / zones * per_server / (load * share)
        for region, share in REGION_SHARES.items()
    }
    region = min(room, key=room.get)
    return room[region], region


_gateway_counts = {
    region: max(a, b)
    for (region, a), b in zip(  # noqa: B905 (both dicts have the same regions)
        region_counts(connections_peak, connections_per_gateway).items(),
        region_counts(gateway_frames_peak, frames_per_gateway).values(),
    )
}
GROWTH = [("Connection gateways", *growth_with_zone_lost(_gateway_counts, connections_peak, connections_per_gateway))]
for name, (load, each) in zip(TIER_NAMES, STATELESS_LOADS[1:]):  # noqa: B905 (same tiers, same order)
    GROWTH.append((name, *growth_with_zone_lost(region_counts(load, each), load, each)))
GROWTH.sort(key=lambda row: row[1])
first_tier, _first_growth, first_region = GROWTH[0]
first_growth = times(_first_growth)
first_load_zone_lost = fraction(1 / _first_growth)
second_tier, _second_growth, _ = GROWTH[1]
second_growth = times(_second_growth)
processor_growth = times(processor_limit_needed / payment_ops_peak)

# (b) A zone lost. The reconnect wave of step 6 spread over the surviving gateways; each hello reads the
# account's open ride and offer from the trip store. A lost matching server's areas wait for its lease to
# expire, then the next window: the requests arriving meanwhile in a third of the areas miss the match
# latency target.
hellos_per_gateway_zone_lost = per_second(reconnects_per_second_zone_loss / (gateways * (zones - 1) / zones))
trip_store_reads_zone_lost = per_second(reconnects_per_second_zone_loss)
matching_takeover = duration(area_lease + batch_window)
rides_delayed_by_takeover = count(rides_per_second_peak / zones * matching_takeover)

# (c) A region lost. The largest region's share of what is under way, what its standby copy may lack, the
# time to steer its phones elsewhere, and what the outage costs step 1's budget.
region_rides_in_progress = count(rides_in_progress_peak * largest_region_share)
region_connections = count(connections_peak * largest_region_share)
region_rides_in_rpo = count(rides_per_second_peak * largest_region_share * trip_rpo)
region_detection = duration(check_interval * failure_threshold)
region_rto = duration(region_detection + human_decision + standby_promotion + dns_ttl + reconnect_spread)
region_failed_requests = count(rides_per_second_peak * largest_region_share * region_rto)
region_outage_over_budget = times(region_failed_requests / failed_requests_budget)
region_hellos_per_second = per_second(region_connections / reconnect_spread)

# (d) A hot spot. The Hungarian method takes about n^2 m steps for n rides and m = K n candidates; the
# most rides a window may assign in an area with the solver inside a quarter of the window.
SOLVER_SHARE_OF_WINDOW = 0.25
_n = 1
while (_n + 1) ** 2 * (_n + 1) * candidates_ranked <= SOLVER_SHARE_OF_WINDOW * batch_window * solver_steps_per_second:
    _n += 1
area_window_ride_cap = count(_n)
area_cap_solver_time = duration(_n**2 * _n * candidates_ranked / solver_steps_per_second)
area_cap_rides_per_second = per_second(_n / batch_window)

# (e) The payment processor down: the busiest city's unheld fares over the outage it rides through, at
# the average fare (step 2's bookings per ride), and what is lost if the usual share of the later holds
# is declined.
city_rides_per_second_peak = peak(rides_per_second_peak * busiest_city_share)
city_exposure_cap = count(city_rides_per_second_peak * processor_outage_ridden * bookings_per_ride)
city_expected_loss = count(city_exposure_cap * hold_decline_share)

# (f) The routing engine down: a fallback ETA from the straight-line distance, and the fares' backlog.
fallback_eta_per_km = duration(1000 * city_detour_factor / (city_average_speed_kmh / 3.6))
fares_waiting_after_outage = count(rides_per_second_peak * routing_outage)

# (g) Shedding: what the "cars near me" map is of the location service's work and of the index's queries.
map_share_of_location_ops = fraction(browse_queries_peak / location_ops_peak)
map_share_of_index_queries = fraction(browse_queries_peak / index_queries_peak)
location_ops_without_map = peak(location_writes_peak)

# (h) Alerts. The availability budget, and a p99 target's 1% of requests over the threshold, each burned
# at the SRE workbook's rates (the SLO page's figures): two pages and a ticket, each with a short window.
error_budget_share = fraction(1 - request_availability_target)
latency_budget_share = fraction(0.01)
fast_error_share = fraction(fast_burn * error_budget_share)
slow_error_share = fraction(slow_burn * error_budget_share)
ticket_error_share = fraction(ticket_burn * error_budget_share)
fast_slow_share = fraction(fast_burn * latency_budget_share)
slow_slow_share = fraction(slow_burn * latency_budget_share)
ticket_slow_share = fraction(ticket_burn * latency_budget_share)
probe_page_after = duration(probe_interval * probe_misses_to_page)

if __name__ != "ride_hailing_reliability":
    print(
        markdown_table(
            ("Tier", "Growth before it passes its capacity with a zone lost", "Tightest region"),
            [(name, times(growth), region) for name, growth, region in GROWTH],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Payment processor: the negotiated limit over the peak", processor_growth),
                ("A zone lost: hellos a second on each gateway left", hellos_per_gateway_zone_lost),
                ("... trip-store reads for the hellos", trip_store_reads_zone_lost),
                ("... a lost matching owner's areas wait", matching_takeover),
                ("... requests delayed past the match target meanwhile", rides_delayed_by_takeover),
                ("A region lost (the largest): rides under way", region_rides_in_progress),
                ("... phones to steer", region_connections),
                (f"... rides requested in the last {trip_rpo}", region_rides_in_rpo),
                ("... detection by health checks", region_detection),
                ("... until its phones are served elsewhere", region_rto),
                ("... requests failed meanwhile", region_failed_requests),
                ("... over the month's budget", region_outage_over_budget),
                ("... hellos a second at the failover region", region_hellos_per_second),
                ("Hot spot: rides a window an area assigns at most", area_window_ride_cap),
                ("... its solver time", area_cap_solver_time),
                ("... requests a second an area then takes", area_cap_rides_per_second),
                ("Busiest city's ride requests at the peak", city_rides_per_second_peak),
                (f"... unheld fares over {processor_outage_ridden}, dollars (the cap)", city_exposure_cap),
                (f"... lost if {hold_decline_share} of later holds are declined, dollars", city_expected_loss),
                ("Fallback ETA a straight-line km", fallback_eta_per_km),
                (f"Fares waiting after a {routing_outage} routing outage", fares_waiting_after_outage),
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
