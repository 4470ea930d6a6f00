"""Concepts, proximity search: the two workloads, static places and moving drivers.

Places: searches a day from daily users, their average a second and the peak at the page's
peak-to-average (a city's waking-hours day); the index's payload, a cell ID and a place ID an entry
before any overhead; the candidates a search reads (concept_geo_radius: a fixed 1 km radius, or a
radius fitted to the K nearest), and the distance checks a second that makes at the peak. Redis runs
a command on one core, so a copy of the set gives about one core: copies = (searches a second x one
command's own time + checks a second / checks a core-second), rounded up. In Redis each of the
places is a sorted-set member at the assumed bytes each, in every copy; rebuilding a copy from the
database loads them at the assumed GEOADD rate.

Drivers: each online driver sends a position every interval, so updates a second are drivers over
the interval; a durable row per update would add that many rows a second, and the day's rows at the
average (the peak over the same peak-to-average). The index is a map from cell (S2 level 12, split
by count into finer cells) to the set of available drivers in it, and a map from driver to its cell,
position, update time, stream epoch and sequence number, and status. An update overwrites the
driver's entry (one write); only when it crosses into another cell does it also add the driver to
the new cell's set and remove it from the old one (two writes more). Index writes a second = updates x
(1 + 2 x crossing share). Shards by write load: writes over one node's assumed capacity at the target
utilization, rounded up, shown for three capacities since the capacity is an assumption to measure.

Staleness: a position is up to one interval old before the next arrives, so one missed update leaves
it up to two intervals of travel out. The TTL is TTL_INTERVALS intervals plus a margin; a position
read just before it expires is up to speed x TTL out. A fixed-radius filter pads its radius by that
much, reading (r + pad)^2 / r^2 of the candidates; a nearest-K query does not pad.

An update moves a driver into another cell only if it crosses the cell's edge: for a step d in a
uniformly random direction from a uniformly random point of a square cell of side s (d no more than
s), it stays inside with chance E[(1 - |dx|/s)(1 - |dy|/s)], and with E|cos| = 2/pi and
E|cos sin| = 1/pi the chance of crossing is 4d / (pi s) - d^2 / (pi s^2). The cell is the S2 level of
concept_geo_radius, taken as a square of its average area.
"""

import math

from concept_geo_assumptions import (
    CHECKS_PER_CORE_SECOND,
    CITY_SPEED_KM_H,
    DAILY_USERS,
    DRIVER_ENTRY_BYTES,
    DRIVERS_ONLINE_PEAK,
    GEOADD_MEMBERS_PER_SECOND,
    GEOSEARCH_COMMAND_S,
    INDEX_ENTRY_BYTES,
    NODE_TARGET_UTILISATION,
    NODE_WRITES_PER_SECOND,
    PLACES,
    QUERY_RADIUS_KM,
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
    times,
    whole_up,
)

# --- Workload 1: static places ---------------------------------------------------------------------
searches_average = per_second(DAILY_USERS * SEARCHES_PER_USER_PER_DAY / SECONDS_PER_DAY)
searches_peak = peak(searches_average * peak_factor)
index_payload_bytes = size(PLACES * INDEX_ENTRY_BYTES)
checks_peak_fixed_radius = peak(searches_peak * bit_step_candidates)
checks_peak_fitted_radius = peak(searches_peak * candidates_for_k)
command_cores_peak = count(searches_peak * GEOSEARCH_COMMAND_S)  # cores spent on the commands themselves
check_cores_fixed_radius = count(checks_peak_fixed_radius / CHECKS_PER_CORE_SECOND)
check_cores_fitted_radius = count(checks_peak_fitted_radius / CHECKS_PER_CORE_SECOND)
copies_fixed_radius = count(whole_up(command_cores_peak + check_cores_fixed_radius))
copies_fitted_radius = count(whole_up(command_cores_peak + check_cores_fitted_radius))
redis_places_bytes = size(PLACES * REDIS_MEMBER_BYTES)
redis_fixed_radius_fleet_bytes = size(PLACES * REDIS_MEMBER_BYTES * copies_fixed_radius)
rebuild_time = duration(PLACES / GEOADD_MEMBERS_PER_SECOND)

# --- Workload 2: moving drivers --------------------------------------------------------------------
WRITES_PER_UPDATE = 1  # overwrite the driver's entry: cell, position, time, sequence, status
WRITES_PER_CROSSING = 2  # add to the new cell's set, remove from the old one


def crossing_share(step: float, side: float) -> float:
    """Chance that a step in a random direction from a random point of a square of this side leaves it."""
    return 4 * step / (math.pi * side) - step**2 / (math.pi * side**2)


updates_peak = peak(DRIVERS_ONLINE_PEAK / UPDATE_INTERVAL_S)
updates_average = per_second(updates_peak / peak_factor)
durable_rows_per_day = per_day(updates_average * SECONDS_PER_DAY)
driver_index_bytes = size(DRIVERS_ONLINE_PEAK * DRIVER_ENTRY_BYTES)
speed_m_s = CITY_SPEED_KM_H / 3.6
step_m = speed_m_s * UPDATE_INTERVAL_S
metres_per_interval = count(step_m)
metres_one_missed = count(2 * step_m)
TTL_S = TTL_INTERVALS * UPDATE_INTERVAL_S + TTL_MARGIN_S
ttl = duration(TTL_S)
ttl_intervals = count(TTL_INTERVALS)
radius_padding_m = count(speed_m_s * TTL_S)
padded_radius_km = count(QUERY_RADIUS_KM + speed_m_s * TTL_S / 1000)
padded_over_fixed = times((padded_radius_km / QUERY_RADIUS_KM) ** 2)
cell_side_m = math.sqrt(s2_average_km2(int(s2_level))) * 1000
cell_change_share = fraction(crossing_share(step_m, cell_side_m))
cell_changes_peak = peak(updates_peak * cell_change_share)
index_writes_peak = peak(updates_peak * WRITES_PER_UPDATE + cell_changes_peak * WRITES_PER_CROSSING)


def shards_for(node_writes: float) -> int:
    return whole_up(index_writes_peak / (node_writes * NODE_TARGET_UTILISATION))


driver_shards = count(shards_for(NODE_WRITES_PER_SECOND))
driver_shards_at_100k = count(shards_for(100e3))
driver_shards_at_1m = count(shards_for(1e6))

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
                ("Places", "Redis copies for the commands and checks, 1 km radius", copies_fixed_radius),
                ("Places", "Redis copies for the commands and checks, fitted radius", copies_fitted_radius),
                ("Places", "Redis memory a copy", redis_places_bytes),
                ("Places", "Rebuilding a copy", rebuild_time),
                ("Drivers", "Position updates, peak", updates_peak),
                ("Drivers", "Position updates, average", updates_average),
                ("Drivers", "Durable rows, one per update", durable_rows_per_day),
                ("Drivers", "Index writes, peak", index_writes_peak),
                ("Drivers", "Shards for the writes, assumed node capacity", driver_shards),
                ("Drivers", "Shards for the writes, a third of that capacity", driver_shards_at_100k),
                ("Drivers", "Shards for the writes, 1M writes a second a node", driver_shards_at_1m),
                ("Drivers", "Meters between updates", metres_per_interval),
                ("Drivers", "TTL", ttl),
                ("Drivers", "Radius padding of a fixed-radius filter, meters", radius_padding_m),
                ("Drivers", "Candidates of the padded 1 km filter, over unpadded", padded_over_fixed),
                ("Drivers", f"Updates that change level-{s2_level} cell", cell_change_share),
            ],
        )
    )
