"""Ride-hailing worked example: every assumption the estimates start from, and why.

Scope: one operator of Uber's order, rides only, worldwide. Uber's published trips include food and
grocery deliveries, which this example leaves out, so the rides a day are the page's own figure,
set against Uber's. The moving-driver inputs (drivers online at the peak, the update interval, the
"cars near me" queries, the busy-hour factor) are imported from the proximity-search concept page,
so this example and that page print the same figures for the same drivers.

Change a value here and rebuild: every figure that depends on it changes, on every page.
Run `python docs/snippets/ride_hailing_assumptions.py` to print the table.
"""

from concept_geo_assumptions import drivers_online, peak_factor, rider_queries_peak, update_interval

from sdw.estimation import KB, count, duration, fraction, markdown_table, per_day, size, times

# Uber's results for the fourth quarter and full year 2024 (its press release of 5 February 2025).
# Its 10-K for 2024 is linked as the annual report; its text was not read for this page, so every
# figure below is the press release's.
UBER_Q4_2024 = "https://www.advfn.com/stock-market/NYSE/UBER/stock-news/95374216/uber-announces-results-for-fourth-quarter-and-full"
UBER_10K_2024 = "https://capedge.com/filing/1543151/0001543151-25-000008/UBER-10K-2024FY"
# Uber's results for the first quarter of 2024: "more than 7 million people" earn on Uber every month.
UBER_Q1_2024 = "https://www.01net.it/uber-announces-results-for-first-quarter-2024/"
# Uber's developer docs: a trip's driver location notification, every 4 s by default.
UBER_DRIVER_LOCATION = "https://developer.uber.com/docs/guest-rides/references/api/webhooks/driver-location"
FLEET_ENGINE_UPDATES = "https://developers.google.com/maps/documentation/mobility/fleet-engine/essentials/vehicles/on-demand-update-vehicle"

# --- Uber's published scale (context, not inputs) -------------------------------------------
uber_trips_per_day = per_day(33e6)  # Q4 2024, rides and deliveries together
uber_monthly_consumers = count(171e6)  # MAPCs, Q4 2024
uber_monthly_earners = count(7e6)  # drivers and couriers who earn in a month, Q1 2024
uber_mobility_bookings = count(22.8e9)  # dollars, Q4 2024
uber_delivery_bookings = count(20.1e9)  # dollars, Q4 2024

# --- What riders and drivers do ---------------------------------------------------------------
rides_per_day = per_day(15e6)
# Imported from the proximity-search page: 1M drivers online at the busiest hour, a position every
# 4 s from each, 100K "cars near me" map queries a second then, and the busy hour at 3x the average.
drivers_online_peak = drivers_online
location_interval = update_interval
browse_queries_peak = rider_queries_peak
peak_to_average = times(peak_factor)
pickup_minutes = count(5)
trip_minutes = count(15)
offers_per_request = count(1.5)
accept_timeout = duration(15)

# --- Bytes ---------------------------------------------------------------------------------------
location_update_wire_bytes = size(200)
tracking_push_bytes = size(150)
browse_response_bytes = size(500)
ride_request_bytes = size(1 * KB)
location_point_bytes = size(40)
trip_record_bytes = size(1 * KB)

# --- How long and how safely we keep it ---------------------------------------------------------
trip_retention_years = count(7)
location_retention_years = count(2)
copies = times(3)

# --- Targets (step 1) ---------------------------------------------------------------------------
match_latency_target = duration(2)
location_freshness_target = duration(2)
request_availability_target = fraction(0.9999)
slo_window_days = count(30)

TABLE = [
    (
        "Uber's trips a day, rides and deliveries",
        uber_trips_per_day,
        f"Uber, fourth quarter 2024: 3.1 billion trips, about 33 million a day "
        f"([results]({UBER_Q4_2024}); the year's [10-K]({UBER_10K_2024}) is the annual report). "
        "Context for the next row, not an input.",
    ),
    (
        "Uber's monthly active platform consumers",
        uber_monthly_consumers,
        f"The same [results]({UBER_Q4_2024}): 171 million in the fourth quarter of 2024. Context only: "
        "the page sizes from rides, not riders.",
    ),
    (
        "People who earn on Uber each month",
        uber_monthly_earners,
        f'"More than 7 million" drivers and couriers, first quarter 2024 ([results]({UBER_Q1_2024})).',
    ),
    (
        "Rides a day",
        rides_per_day,
        "The page's own assumption: rides only, a little under half of Uber's trips. Uber does not "
        "split its trips between rides and deliveries; its ride (Mobility) gross bookings were "
        f"${uber_mobility_bookings} of its quarter against ${uber_delivery_bookings} for delivery "
        f"([results]({UBER_Q4_2024})), and a ride costs more than most delivery orders, so rides are "
        "fewer than half the trips.",
    ),
    (
        "Drivers online at the busiest hour",
        drivers_online_peak,
        "The proximity-search concept page's assumption, imported so both pages size the same drivers: "
        "about one in seven of the people who earn in a month, online at once.",
    ),
    (
        "Interval between a phone's position updates",
        location_interval,
        "The proximity-search page's assumption, which Uber's own figure for a trip supports: its "
        f"[driver location webhook]({UBER_DRIVER_LOCATION}) reports the driver's position "
        "every 4 s by default until the trip ends. Uber does not publish its driver app's upload "
        "interval, so that stays an assumption; Google's ride-hailing backend, for comparison, "
        f"[takes one position every 5 s to 1 min]({FLEET_ENGINE_UPDATES}). A rider's phone sends "
        "at the same interval while it waits for its pickup.",
    ),
    (
        '"Cars near me" map queries at the busiest hour',
        browse_queries_peak,
        "The proximity-search page's assumption: riders with the app open, before they request.",
    ),
    (
        "Busy hour over the day's average",
        peak_to_average,
        "The factor the proximity-search page uses, so its location figures and these agree. Evening "
        "rush hours and Friday and Saturday nights set it; New Year's Eve is a spike above it (step 7).",
    ),
    (
        "Minutes from a match to the pickup",
        pickup_minutes,
        "The page's assumption: the driver's drive to the rider, as in a city with enough drivers.",
    ),
    (
        "Minutes from pickup to drop-off",
        trip_minutes,
        "The page's assumption: a city trip.",
    ),
    (
        "Offers sent per ride request",
        offers_per_request,
        "The page's assumption: most first offers are accepted; a decline or a timeout sends the "
        "next offer, each after a fresh nearby search.",
    ),
    (
        "Time a driver has to accept an offer",
        accept_timeout,
        "The page's choice: long enough to read the pickup on a mounted phone, short enough that a "
        "second offer still makes a quick match.",
    ),
    (
        "A position update on the wire",
        location_update_wire_bytes,
        "The page's assumption: driver, time, position, speed, heading, accuracy, status and sequence "
        "number, with framing and TLS records, on a connection that stays open.",
    ),
    (
        "A tracking push to a phone",
        tracking_push_bytes,
        "The page's assumption: the other party's position, heading and ETA, framed.",
    ),
    (
        '"Cars near me" response',
        browse_response_bytes,
        "The page's assumption: a few nearby cars' positions and headings for the map.",
    ),
    ("A ride request", ride_request_bytes, "The page's assumption: pickup, drop-off, product, payment method."),
    (
        "A stored trail point",
        location_point_bytes,
        "The page's assumption: time, latitude and longitude, speed, heading and accuracy, before compression.",
    ),
    (
        "A trip record",
        trip_record_bytes,
        "The page's assumption: IDs, places, times of each state, fare breakdown, payment reference.",
    ),
    (
        "Years trip records are kept",
        trip_retention_years,
        "The page's assumption: trips are payment records, kept as long as tax and accounting rules "
        "usually ask; check each country's law.",
    ),
    (
        "Years trip trails are kept",
        location_retention_years,
        "The page's assumption: long enough for fare disputes, safety reports and insurance claims.",
    ),
    ("Copies of stored data", copies, "One a zone, three zones."),
    (
        "Match latency target",
        match_latency_target,
        "The page's choice: p99 from a request reaching the service to the first offer reaching a driver's phone.",
    ),
    (
        "Location freshness target",
        location_freshness_target,
        "The page's choice: p99 from a position reaching the service to the rider's phone showing it. "
        "The interval adds its own age on top.",
    ),
    (
        "Availability target, ride requests",
        request_availability_target,
        f"The page's choice, over {slo_window_days} days: a failed request is a lost ride and a rider "
        "who opens a competitor's app.",
    ),
]

# Other snippets import this module for its values; run on its own (or by the docs build),
# it prints the table.
if __name__ != "ride_hailing_assumptions":
    print(markdown_table(("Assumption", "Value", "Why"), TABLE))
