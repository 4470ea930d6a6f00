"""Concepts, proximity search: the two workloads, static places and moving drivers.

Places: searches a day from daily users, their average a second and the peak at the Twitter example's
peak-to-average; the index's payload, a cell ID and a place ID an entry before any overhead; the
candidates a search reads (concept_geo_radius: a fixed 1 km radius, or a radius fitted to the K
nearest), and the distance checks a second that makes at the peak.

Drivers: each online driver sends a position every interval, so updates a second are drivers over
the interval; a durable row per update would add that many rows a second, and the day's rows at the
average (the peak over the same peak-to-average). Between two updates a driver moves speed x
interval; a position expires after TTL_INTERVALS missed updates. An update moves a driver into another
cell only if it crosses the cell's edge: for a step d in a random direction inside a square cell of
side s (d much less than s), the chance is 4d / (pi s) (the expected length of the step's projection
on each axis is 2d/pi, over s, for two axes). The cell is the S2 level of concept_geo_radius.
"""

import math

from concept_geo_assumptions import (
    CITY_SPEED_KM_H,
    DAILY_USERS,
    DRIVER_ENTRY_BYTES,
    DRIVERS_ONLINE_PEAK,
    INDEX_ENTRY_BYTES,
    PLACES,
    SEARCHES_PER_USER_PER_DAY,
    TTL_INTERVALS,
    UPDATE_INTERVAL_S,
    peak_factor,
)
from concept_geo_radius import bit_step_candidates, candidates_for_k, s2_average_km2, s2_level

from sdw.estimation import SECONDS_PER_DAY, count, duration, fraction, markdown_table, peak, per_day, per_second, size

# --- Workload 1: static places ---------------------------------------------------------------------
searches_average = per_second(DAILY_USERS * SEARCHES_PER_USER_PER_DAY / SECONDS_PER_DAY)
searches_peak = peak(searches_average * peak_factor)
index_payload_bytes = size(PLACES * INDEX_ENTRY_BYTES)
checks_peak_fixed_radius = peak(searches_peak * bit_step_candidates)
checks_peak_fitted_radius = peak(searches_peak * candidates_for_k)

# --- Workload 2: moving drivers --------------------------------------------------------------------
updates_peak = peak(DRIVERS_ONLINE_PEAK / UPDATE_INTERVAL_S)
updates_average = per_second(updates_peak / peak_factor)
durable_rows_per_day = per_day(updates_average * SECONDS_PER_DAY)
driver_index_bytes = size(DRIVERS_ONLINE_PEAK * DRIVER_ENTRY_BYTES)
step_m = CITY_SPEED_KM_H / 3.6 * UPDATE_INTERVAL_S
metres_per_interval = count(step_m)
ttl = duration(TTL_INTERVALS * UPDATE_INTERVAL_S)
metres_before_expiry = count(step_m * TTL_INTERVALS)
cell_side_m = math.sqrt(s2_average_km2(int(s2_level))) * 1000
cell_change_share = fraction(4 * step_m / (math.pi * cell_side_m))
cell_changes_peak = peak(updates_peak * cell_change_share)

if __name__ != "concept_geo_workloads":
    print(
        markdown_table(
            ("Workload", "Figure", "Value"),
            [
                ("Places", "Searches, average", searches_average),
                ("Places", "Searches, peak", searches_peak),
                ("Places", "Index payload", index_payload_bytes),
                ("Places", "Distance checks at the peak, 1 km radius", checks_peak_fixed_radius),
                ("Places", "Distance checks at the peak, radius fitted to the nearest", checks_peak_fitted_radius),
                ("Drivers", "Position updates, peak", updates_peak),
                ("Drivers", "Position updates, average", updates_average),
                ("Drivers", "Durable rows, one per update", durable_rows_per_day),
                ("Drivers", "Metres between updates", metres_per_interval),
                ("Drivers", f"Updates that change level-{s2_level} cell", cell_change_share),
            ],
        )
    )
