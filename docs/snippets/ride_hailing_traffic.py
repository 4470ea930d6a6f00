"""Ride-hailing worked example: location updates, ride requests, matching and tracking a second."""

from concept_geo_workloads import updates_average, updates_peak
from ride_hailing_assumptions import (
    browse_queries_peak,
    drivers_online_peak,
    location_interval,
    offers_per_request,
    peak_to_average,
    pickup_minutes,
    rides_per_day,
    trip_minutes,
    uber_monthly_earners,
)

from sdw.estimation import SECONDS_PER_DAY, SECONDS_PER_MINUTE, count, fraction, markdown_table, peak, per_second, times

# Ride requests: the rate that every other figure but the drivers' positions follows.
rides_per_second = per_second(rides_per_day / SECONDS_PER_DAY)
rides_per_second_peak = peak(rides_per_second * peak_to_average)

# Drivers' positions: every driver online sends one an interval, on a trip or not. The proximity
# page computes the same rates from the same drivers; they are its figures, under this example's names.
driver_updates_peak = peak(updates_peak)
driver_updates_average = per_second(updates_average)
drivers_online_share = fraction(drivers_online_peak / uber_monthly_earners)

# Trips under way at the busy hour: each ride lasts its pickup leg and its trip (Little's law).
pickup_seconds = pickup_minutes * SECONDS_PER_MINUTE
ride_seconds = (pickup_minutes + trip_minutes) * SECONDS_PER_MINUTE
rides_in_progress_peak = count(rides_per_second_peak * ride_seconds)
pickups_in_progress_peak = count(rides_per_second_peak * pickup_seconds)
drivers_busy_share_peak = fraction(rides_in_progress_peak / drivers_online_peak)

# A waiting rider's phone sends its position too, so the driver sees where to stop.
rider_updates_peak = peak(pickups_in_progress_peak / location_interval)
location_writes_peak = peak(driver_updates_peak + rider_updates_peak)
location_writes_average = per_second(location_writes_peak / peak_to_average)

# Matching: each offer follows a fresh nearby search around the pickup.
matching_queries_per_second = per_second(rides_per_second * offers_per_request)
matching_queries_peak = peak(rides_per_second_peak * offers_per_request)

# Tracking: the rider watches the driver for the whole ride, the driver watches the rider until
# pickup; each sees every position the other sends.
rider_tracking_peak = peak(rides_in_progress_peak / location_interval)
driver_tracking_peak = peak(pickups_in_progress_peak / location_interval)
tracking_pushes_peak = peak(rider_tracking_peak + driver_tracking_peak)

# Reads against writes, at the busy hour: every read (tracking, matching, the map) against every
# position written.
reads_peak = peak(tracking_pushes_peak + matching_queries_peak + browse_queries_peak)
read_to_write = times(reads_peak / location_writes_peak)
location_writes_per_ride_request = times(location_writes_peak / rides_per_second_peak)

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
                ("Drivers online, as a share of those who earn in a month", drivers_online_share),
                ("Rides under way (pickup leg and trip)", rides_in_progress_peak),
                ("... of which on the way to a pickup", pickups_in_progress_peak),
                ("Share of online drivers on a ride", drivers_busy_share_peak),
                ("Waiting riders' position updates", rider_updates_peak),
                ("All position writes", location_writes_peak),
                ("Tracking pushes to riders", rider_tracking_peak),
                ("Tracking pushes to drivers on a pickup", driver_tracking_peak),
                ("All tracking pushes", tracking_pushes_peak),
                ('"Cars near me" queries', browse_queries_peak),
                ("All reads: tracking, matching and the map", reads_peak),
                ("Reads per position written", read_to_write),
                ("Position writes per ride request", location_writes_per_ride_request),
            ],
        )
    )
