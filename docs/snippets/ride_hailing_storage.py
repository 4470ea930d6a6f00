"""Ride-hailing worked example: trips and their location trails, a year and over retention."""

from ride_hailing_assumptions import (
    copies,
    location_interval,
    location_retention_years,
    pickup_minutes,
    rides_per_day,
    trip_minutes,
    trip_retention_years,
    usable_bytes_per_node,
)
from ride_hailing_data_model import trail_bytes_per_point, trip_bytes_per_ride
from ride_hailing_traffic import driver_updates_average

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    SECONDS_PER_MINUTE,
    count,
    markdown_table,
    per_day,
    servers,
    size,
    size_per_day,
    times,
    whole_up,
)

# Trips: a ride's row, offers, payment operations and ratings (step 4's rows), kept for years as a
# payment record.
trips_per_year = count(rides_per_day * DAYS_PER_YEAR)
trips_over_retention = count(trips_per_year * trip_retention_years)
trip_bytes_per_day = size_per_day(rides_per_day * trip_bytes_per_ride)
trip_bytes_per_year = size(trip_bytes_per_day * DAYS_PER_YEAR)
trip_bytes_total = size(trip_bytes_per_year * trip_retention_years * copies)

# Trails: the driver's positions from the match to the drop-off, kept for receipts, disputes and
# safety. Positions sent while no ride is under way are not kept.
points_per_ride = count((pickup_minutes + trip_minutes) * SECONDS_PER_MINUTE / location_interval)
trail_bytes_per_ride = size(points_per_ride * trail_bytes_per_point)
trail_bytes_per_day = size_per_day(rides_per_day * trail_bytes_per_ride)
trail_bytes_per_year = size(trail_bytes_per_day * DAYS_PER_YEAR)
trail_bytes_total = size(trail_bytes_per_year * location_retention_years * copies)

# Every position kept, idle drivers' too, packed as the trails are.
all_positions_per_day = per_day(driver_updates_average * SECONDS_PER_DAY)
all_position_bytes_per_day = size_per_day(all_positions_per_day * trail_bytes_per_point)
all_positions_over_trails = times(all_position_bytes_per_day / trail_bytes_per_day)

storage_total = size(trip_bytes_total + trail_bytes_total)
# Nodes to hold it, every copy counted, at the usable bytes each (before any growth).
storage_nodes = servers(whole_up(storage_total / usable_bytes_per_node))

if __name__ != "ride_hailing_storage":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Trips a year", trips_per_year),
                ("Trips over their retention", trips_over_retention),
                ("Trip records a day", trip_bytes_per_day),
                ("Trip records over retention, every copy", trip_bytes_total),
                ("Trail points a ride (pickup leg and trip)", points_per_ride),
                ("Trail of one ride", trail_bytes_per_ride),
                ("Trails a day", trail_bytes_per_day),
                ("Trails a year, one copy", trail_bytes_per_year),
                ("Trails over retention, every copy", trail_bytes_total),
                ("Every position kept, idle drivers' too, a day", all_position_bytes_per_day),
                ("... over the trails alone", all_positions_over_trails),
                ("Trips and trails over retention, every copy", storage_total),
                ("Storage nodes for them", storage_nodes),
            ],
        )
    )
