"""Ride-hailing worked example: trips, payments and location trails, store by store, a year and over
retention, with every copy: the trip store and the ledger keep a second region's copies, the trails
do not."""

from ride_hailing_assumptions import (
    copies,
    location_interval,
    location_retention_years,
    rides_per_day,
    second_region_copies,
    trip_retention_years,
    usable_bytes_per_node,
)
from ride_hailing_data_model import (
    ledger_bytes_per_ride,
    rides_over_retention,
    trail_bytes_per_point,
    trip_store_bytes_per_ride,
)
from ride_hailing_traffic import driver_updates_average, ride_seconds

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    count,
    markdown_table,
    per_day,
    servers,
    size,
    size_per_day,
    times,
    whole_up,
)

# Trips and payments are records kept for years: the trip store keeps a ride's row, history entry,
# offers and ratings, the payments ledger its operations (step 4's rows). Each keeps a copy in each of
# its region's zones and a standby's copies in a second region.
record_copies = times(copies + second_region_copies)
trips_per_year = count(rides_per_day * DAYS_PER_YEAR)
trip_bytes_per_day = size_per_day(rides_per_day * trip_store_bytes_per_ride)
trip_bytes_per_year = size(trip_bytes_per_day * DAYS_PER_YEAR)
trip_bytes_total = size(trip_bytes_per_year * trip_retention_years * record_copies)
ledger_bytes_per_day = size_per_day(rides_per_day * ledger_bytes_per_ride)
ledger_bytes_total = size(ledger_bytes_per_day * DAYS_PER_YEAR * trip_retention_years * record_copies)

# Trails: the driver's positions from the match to the drop-off, kept for receipts, disputes and
# safety. Positions sent while no ride is under way are not kept. The trail store stays in its region
# with a copy a zone; a disputed ride's trail is copied out to the held store (step 4).
points_per_ride = count(ride_seconds / location_interval)
trail_bytes_per_ride = size(points_per_ride * trail_bytes_per_point)
trail_bytes_per_day = size_per_day(rides_per_day * trail_bytes_per_ride)
trail_bytes_per_year = size(trail_bytes_per_day * DAYS_PER_YEAR)
trail_bytes_total = size(trail_bytes_per_year * location_retention_years * copies)

# Every position kept, idle drivers' too, packed as the trails are.
all_positions_per_day = per_day(driver_updates_average * SECONDS_PER_DAY)
all_position_bytes_per_day = size_per_day(all_positions_per_day * trail_bytes_per_point)
all_positions_over_trails = times(all_position_bytes_per_day / trail_bytes_per_day)

storage_total = size(trip_bytes_total + ledger_bytes_total + trail_bytes_total)
# Nodes to hold each store, every copy counted, at the usable bytes each (before any growth).
trip_store_nodes_bytes_only = servers(whole_up(trip_bytes_total / usable_bytes_per_node))
ledger_nodes_bytes_only = servers(whole_up(ledger_bytes_total / usable_bytes_per_node))
trail_nodes_bytes_only = servers(whole_up(trail_bytes_total / usable_bytes_per_node))
storage_nodes = servers(trip_store_nodes_bytes_only + ledger_nodes_bytes_only + trail_nodes_bytes_only)

if __name__ != "ride_hailing_storage":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Trips a year", trips_per_year),
                ("Trips over their retention", rides_over_retention),
                ("Trip-store records a day", trip_bytes_per_day),
                ("Copies of trips and payments: their region's and a second region's", record_copies),
                ("Trip-store records over retention, every copy", trip_bytes_total),
                ("Payments ledger a day", ledger_bytes_per_day),
                ("Payments ledger over retention, every copy", ledger_bytes_total),
                ("Trail points a ride (pickup leg and trip)", points_per_ride),
                ("Trail of one ride", trail_bytes_per_ride),
                ("Trails a day", trail_bytes_per_day),
                ("Trails a year, one copy", trail_bytes_per_year),
                ("Trails over retention, every copy", trail_bytes_total),
                ("Every position kept, idle drivers' too, a day", all_position_bytes_per_day),
                ("... over the trails alone", all_positions_over_trails),
                ("Trips, payments and trails over retention, every copy", storage_total),
                ("Nodes: trip store", trip_store_nodes_bytes_only),
                ("Nodes: payments ledger", ledger_nodes_bytes_only),
                ("Nodes: trail store", trail_nodes_bytes_only),
                ("Storage nodes, all three stores", storage_nodes),
            ],
        )
    )
