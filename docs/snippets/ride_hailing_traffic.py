"""Ride-hailing worked example: location updates, ride requests, matching, tracking, the routing
engine's calls, the records a ride writes and the connections held open, a second."""

from concept_geo_workloads import updates_average, updates_peak
from ride_hailing_assumptions import (
    DAYS_IN_Q4,
    app_opens_per_request,
    browse_queries_peak,
    cancel_share,
    candidates_ranked,
    drivers_online_peak,
    eta_refresh_interval,
    fare_quotes_per_request,
    heartbeat_interval,
    location_interval,
    map_matches_per_ride,
    map_refresh_interval,
    notifications_per_ride,
    offers_per_request,
    payment_ops_per_ride,
    peak_to_average,
    pickup_minutes,
    ratings_per_ride,
    request_availability_target,
    rides_per_day,
    slo_window_days,
    trip_minutes,
    uber_mobility_bookings,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_MINUTE,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    times,
)

# Ride requests: the rate that every other figure but the drivers' positions follows.
rides_per_second = per_second(rides_per_day / SECONDS_PER_DAY)
rides_per_second_peak = peak(rides_per_second * peak_to_average)

# A check on the rides a day against Uber's bookings: what a ride would be worth in the fourth quarter
# of 2024 if this page's rides were Uber's. (Its deliveries are left out: their bookings include the
# basket, and no per-order value is sourced here.)
bookings_per_ride = count(uber_mobility_bookings / (rides_per_day * DAYS_IN_Q4))

# Drivers' positions: every driver online sends one an interval, on a trip or not. The proximity
# page computes the same rates from the same drivers; they are its figures, under this example's names.
driver_updates_peak = peak(updates_peak)
driver_updates_average = per_second(updates_average)
drivers_online_average = count(drivers_online_peak / peak_to_average)

# Trips under way at the busy hour: each ride lasts its pickup leg and its trip (Little's law).
pickup_seconds = pickup_minutes * SECONDS_PER_MINUTE
ride_seconds = (pickup_minutes + trip_minutes) * SECONDS_PER_MINUTE
rides_in_progress_peak = count(rides_per_second_peak * ride_seconds)
pickups_in_progress_peak = count(rides_per_second_peak * pickup_seconds)
drivers_busy_share_peak = fraction(rides_in_progress_peak / drivers_online_peak)
# The drivers online and not on a ride: the index's cell sets hold these (its driver map holds every
# driver online).
available_drivers_peak = count(drivers_online_peak - rides_in_progress_peak)

# A waiting rider's phone sends its position too, so the driver sees where to stop.
rider_updates_peak = peak(pickups_in_progress_peak / location_interval)
location_writes_peak = peak(driver_updates_peak + rider_updates_peak)
location_writes_average = per_second(location_writes_peak / peak_to_average)
location_writes_per_ride_request = times(location_writes_peak / rides_per_second_peak)

# Matching: each offer follows a fresh nearby search around the pickup.
matching_queries_per_second = per_second(rides_per_second * offers_per_request)
matching_queries_peak = peak(rides_per_second_peak * offers_per_request)

# The map of nearby cars: the imported rate, checked against the ride requests. Riders with the map
# open = map queries x refresh interval; over the requests, the seconds of open map per request.
map_queries_per_request = times(browse_queries_peak / rides_per_second_peak)
browsing_riders_peak = count(browse_queries_peak * map_refresh_interval)
browse_seconds_per_request = duration(browsing_riders_peak / rides_per_second_peak)
browse_seconds_per_open = duration(browse_seconds_per_request / app_opens_per_request)

# Positions sent from rides under way: the driver's, from the match to the drop-off. The trail writer,
# the ETA workers and the rider's tracking each take every one.
ride_positions_peak = peak(rides_in_progress_peak / location_interval)

# Tracking: the rider watches the driver for the whole ride, the driver watches the rider until
# pickup; each sees every position the other sends, relayed from the position just written.
rider_tracking_peak = peak(ride_positions_peak)
driver_tracking_peak = peak(pickups_in_progress_peak / location_interval)
tracking_pushes_peak = peak(rider_tracking_peak + driver_tracking_peak)

# Reads against writes, kept apart because they load different things. The index answers queries
# (matching searches and the map); the relay forwards positions to the other phone and reads no index.
index_queries_peak = peak(matching_queries_peak + browse_queries_peak)
index_queries_average = per_second(index_queries_peak / peak_to_average)  # as location_writes_average
# The index takes only the drivers' positions (a waiting rider's is relayed, never indexed).
index_reads_per_write = times(index_queries_peak / driver_updates_peak)
relay_pushes_peak = tracking_pushes_peak
relay_pushes_per_position = times(relay_pushes_peak / location_writes_peak)

# The routing engine: ranking the candidates of each matching search (one many-to-one call, a backward
# search from the pickup giving each candidate's time to it), refreshing the ETA of each ride under way,
# quoting fares, and matching each ride's trail to the roads at the drop-off.
eta_candidates_peak = peak(matching_queries_peak * candidates_ranked)
eta_matching_peak = peak(matching_queries_peak)
eta_tracking_peak = peak(rides_in_progress_peak / eta_refresh_interval)
eta_quotes_peak = peak(rides_per_second_peak * fare_quotes_per_request)
# A quote's approximate pickup ETA also makes one nearest-cars query of its own (the trip service never
# sees the map's, which the rider's gateway makes): a share of the map's rate, within the room it leaves.
quote_index_queries_share = fraction(eta_quotes_peak / browse_queries_peak)
eta_map_match_peak = peak(rides_per_second_peak * map_matches_per_ride)
eta_calls_peak = peak(eta_matching_peak + eta_tracking_peak + eta_quotes_peak + eta_map_match_peak)

# The payment operations, ratings, cancellations and notifications follow the rides. The rows and
# transactions a ride writes in each store are step 4's (ride_hailing_data_model.py), counted from its
# transactions.
payment_ops_peak = peak(rides_per_second_peak * payment_ops_per_ride)
# A ride cancelled after its match is not rated.
ratings_peak = peak(rides_per_second_peak * (1 - cancel_share) * ratings_per_ride)
cancellations_peak = peak(rides_per_second_peak * cancel_share)
notifications_peak = peak(rides_per_second_peak * notifications_per_ride)

# Connections held open at the busy hour: every online driver, every rider on a ride, every rider
# with the map open; each sends a heartbeat an interval.
connections_peak = count(drivers_online_peak + rides_in_progress_peak + browsing_riders_peak)
heartbeats_peak = peak(connections_peak / heartbeat_interval)

# The availability target's error budget, in ride requests a window.
requests_per_window = count(rides_per_day * slo_window_days)
failed_requests_budget = count(requests_per_window * (1 - request_availability_target))

if __name__ != "ride_hailing_traffic":
    print(
        markdown_table(
            ("Figure", "Average", "Peak (busy hour)"),
            [
                ("Ride requests", rides_per_second, rides_per_second_peak),
                ("Drivers' position updates", driver_updates_average, driver_updates_peak),
                ("Matching queries (a nearby search per offer)", matching_queries_per_second, matching_queries_peak),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("At the busy hour", "Value"),
            [
                ("Drivers online (average over the day)", drivers_online_average),
                ("Rides under way (pickup leg and trip)", rides_in_progress_peak),
                ("... of which on the way to a pickup", pickups_in_progress_peak),
                ("Share of online drivers on a ride", drivers_busy_share_peak),
                ("Available drivers in the index", available_drivers_peak),
                ("Waiting riders' position updates", rider_updates_peak),
                ("All position writes, riders' included", location_writes_peak),
                ("Position writes per ride request", location_writes_per_ride_request),
                ('"Cars near me" queries per ride request', map_queries_per_request),
                ("Riders with the map open", browsing_riders_peak),
                ("Open map per ride request", browse_seconds_per_request),
                ("... per app open", browse_seconds_per_open),
                ("Fare quotes' nearest-cars queries, a share of the map's", quote_index_queries_share),
                ("Index queries: matching and the map", index_queries_peak),
                ("Index queries per driver position written to it", index_reads_per_write),
                ("Relay pushes to riders and drivers", relay_pushes_peak),
                ("Relay pushes per position written", relay_pushes_per_position),
                ("Candidates ranked by ETA", eta_candidates_peak),
                ("ETA calls: ranking candidates, one many-to-one call a search", eta_matching_peak),
                ("ETA calls: refreshing rides under way", eta_tracking_peak),
                ("ETA calls: fare quotes", eta_quotes_peak),
                ("Routing calls: map-matching trails at the drop-off", eta_map_match_peak),
                ("ETA calls, all", eta_calls_peak),
                ("Payment operations", payment_ops_peak),
                ("Ratings", ratings_peak),
                ("Cancellations after a match", cancellations_peak),
                ("Push notifications to backgrounded phones", notifications_peak),
                ("Connections held open", connections_peak),
                ("Heartbeats", heartbeats_peak),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Check", "Value"),
            [
                ("Mobility bookings per ride, if these rides were Uber's (Q4 2024, dollars)", bookings_per_ride),
                (f"Failed ride requests the target allows in {slo_window_days} days", failed_requests_budget),
            ],
        )
    )
