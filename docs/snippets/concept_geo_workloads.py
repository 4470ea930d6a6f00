"""Concepts, proximity search: the two workloads, static places and moving drivers.

Places: searches a day from daily users, their average a second and the peak at the Twitter example's
peak-to-average; the index's payload, a cell ID and a place ID an entry before any overhead; the
candidates a search reads (concept_geo_radius: a fixed 1 km radius, or a radius fitted to the K
nearest), and the distance checks a second that makes at the peak. Redis runs a command on one core,
so a copy of the set gives about one core of checks: copies = checks a second / checks a core-second,
rounded up. In Redis each of the places is a sorted-set member at the assumed bytes each, in every
copy; rebuilding a copy from the database loads them at the assumed GEOADD rate.

Drivers: each online driver sends a position every interval, so updates a second are drivers over
the interval; a durable row per update would add that many rows a second, and the day's rows at the
average (the peak over the same peak-to-average). Each update is two writes to the index: the
position, and the update time in a second sorted set that trims expired drivers (Redis GEO members
cannot expire one by one). Shards by write load: writes over one node's assumed capacity at the
target utilisation, rounded up.

Staleness: a position is up to one interval old before the next arrives, so one missed update leaves
it up to two intervals of travel out. The TTL is TTL_INTERVALS intervals plus a margin; a position
read just before it expires is up to speed x TTL out, and queries pad their radius by that much.

An update moves a driver into another cell only if it crosses the cell's edge: for a step d in a
random direction inside a square cell of side s (d much less than s), the chance is 4d / (pi s) (the
expected length of the step's projection on each axis is 2d/pi, over s, for two axes). The cell is the
S2 level of concept_geo_radius, taken as a square of its average area.
"""

import math

from concept_geo_assumptions import (
    CHECKS_PER_CORE_SECOND,
    CITY_SPEED_KM_H,
    DAILY_USERS,
    DRIVER_ENTRY_BYTES,
    DRIVERS_ONLINE_PEAK,
    GEOADD_MEMBERS_PER_SECOND,
    INDEX_ENTRY_BYTES,
    NODE_TARGET_UTILISATION,
    NODE_WRITES_PER_SECOND,
    PLACES,
    REDIS_MEMBER_BYTES,
    SEARCHES_PER_USER_PER_DAY,
    TTL_INTERVALS,
    TTL_MARGIN_S,
    UPDATE_INTERVAL_S,
    peak_factor,
)
from concept_geo_radius import bit_step_candidates, candidates_for_k, s2_average_km2, s2_level

from sdw.estimation import (
    SECONDS_PER_DAY,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_day,
    per_second,
    size,
    whole_up,
)

# --- Workload 1: static places ---------------------------------------------------------------------
searches_average = per_second(DAILY_USERS * SEARCHES_PER_USER_PER_DAY / SECONDS_PER_DAY)
searches_peak = peak(searches_average * peak_factor)
index_payload_bytes = size(PLACES * INDEX_ENTRY_BYTES)
checks_peak_fixed_radius = peak(searches_peak * bit_step_candidates)
checks_peak_fitted_radius = peak(searches_peak * candidates_for_k)
copies_fixed_radius = count(whole_up(checks_peak_fixed_radius / CHECKS_PER_CORE_SECOND))
copies_fitted_radius = count(whole_up(checks_peak_fitted_radius / CHECKS_PER_CORE_SECOND))
redis_places_bytes = size(PLACES * REDIS_MEMBER_BYTES)
redis_fixed_radius_fleet_bytes = size(PLACES * REDIS_MEMBER_BYTES * copies_fixed_radius)
rebuild_time = duration(PLACES / GEOADD_MEMBERS_PER_SECOND)

# --- Workload 2: moving drivers --------------------------------------------------------------------
WRITES_PER_UPDATE = 2  # the position, and the update time in the expiry set
updates_peak = peak(DRIVERS_ONLINE_PEAK / UPDATE_INTERVAL_S)
updates_average = per_second(updates_peak / peak_factor)
durable_rows_per_day = per_day(updates_average * SECONDS_PER_DAY)
driver_index_bytes = size(DRIVERS_ONLINE_PEAK * DRIVER_ENTRY_BYTES)
index_writes_peak = peak(updates_peak * WRITES_PER_UPDATE)
driver_shards = count(whole_up(index_writes_peak / (NODE_WRITES_PER_SECOND * NODE_TARGET_UTILISATION)))
speed_m_s = CITY_SPEED_KM_H / 3.6
step_m = speed_m_s * UPDATE_INTERVAL_S
metres_per_interval = count(step_m)
metres_one_missed = count(2 * step_m)
TTL_S = TTL_INTERVALS * UPDATE_INTERVAL_S + TTL_MARGIN_S
ttl = duration(TTL_S)
ttl_intervals = count(TTL_INTERVALS)
radius_padding_m = count(speed_m_s * TTL_S)
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
                ("Places", "Redis copies for the checks, 1 km radius", copies_fixed_radius),
                ("Places", "Redis copies for the checks, fitted radius", copies_fitted_radius),
                ("Places", "Redis memory a copy", redis_places_bytes),
                ("Places", "Rebuilding a copy", rebuild_time),
                ("Drivers", "Position updates, peak", updates_peak),
                ("Drivers", "Position updates, average", updates_average),
                ("Drivers", "Durable rows, one per update", durable_rows_per_day),
                ("Drivers", "Index writes, peak", index_writes_peak),
                ("Drivers", "Shards for the writes", driver_shards),
                ("Drivers", "Metres between updates", metres_per_interval),
                ("Drivers", "TTL", ttl),
                ("Drivers", "Radius padding, metres", radius_padding_m),
                ("Drivers", f"Updates that change level-{s2_level} cell", cell_change_share),
            ],
        )
    )
