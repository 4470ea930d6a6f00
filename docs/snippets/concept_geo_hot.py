"""Concepts, proximity search: hot cells, how deep an adaptive tree goes, and what each sharding
costs a query.

Quadtree: a cell splits in four when it holds more than LEAF_CAPACITY points, so a leaf ends with
area at most capacity / density; from a root the size of one S2 cube face, that takes
ceil(log4(face / leaf area)) levels of splits.

A hot cell: HOT_DRIVERS drivers wait in a car park of CROWD_KM2 (a stadium after a game), inside one
cell of concept_geo_radius's S2 level. A 1 km query near it reads all of them: the whole crowd is
inside the circle, however the cell is split. What cuts the reads is asking for the K nearest with a
radius fitted to the crowd's density, sqrt(K / (pi density)): the S2 level whose narrowest cell is
at least that radius, and its 3 x 3 block at the level's average area, holds the candidates.

Splitting bounds the length of one cell's list and the writes that contend on it: split a cell above
SPLIT_ABOVE entries and merge its children back below MERGE_BELOW, far lower, so a crowd near the
threshold does not split and merge over and over. The crowd at its density needs cells of at most
SPLIT_ABOVE / density, the first S2 level whose average cell is that small. A driver moving at city
speed through cells split that fine crosses into another cell far more often than at level 12
(concept_geo_workloads's crossing share, with the split level's average cell as the square), and each
crossing is two writes more. While a cell is split, the
crowd keeps updating at drivers / interval a second; each update is written to the children, and
reads merge the parent's old list until one TTL has passed, by which time every live driver has
written itself into a child.

Load on a node: the crowd's index writes (one an update: waiting drivers do not cross cells) against
one node's writes at its target utilization.

Sharding by driver ID: every rider query asks every shard (scatter-gather), so shard calls are rider
queries x shards, and a query waits for the slowest of them (concept_search_shards's model: a shard
past its p99 1% of the time holds up 1 - 0.99^shards of queries).
"""

import math

from concept_geo_assumptions import (
    CITY_PLACES_PER_KM2,
    NODE_TARGET_UTILISATION,
    NODE_WRITES_PER_SECOND,
    RIDER_QUERIES_PEAK,
    S2_FACE_KM2,
    TOP_K,
    UPDATE_INTERVAL_S,
)
from concept_geo_radius import finest_s2_level, s2_average_km2, s2_level
from concept_geo_workloads import WRITES_PER_CROSSING, WRITES_PER_UPDATE, crossing_share, driver_shards, step_m
from concept_search_shards import SHARD_SLOW, slow_query

from sdw.estimation import count, fraction, markdown_table, peak, per_second, times

LEAF_CAPACITY = 100  # points a quadtree leaf holds before it splits
RURAL_PLACES_PER_KM2 = 1  # places a km^2 outside towns
HOT_DRIVERS = 2_000  # drivers waiting by a stadium after a game
CROWD_KM2 = 0.1  # the car park they wait in: about 300 m by 300 m
SPLIT_ABOVE = 200  # split a cell holding more entries than this
MERGE_BELOW = 50  # merge its children back when together they hold fewer than this


def quadtree_depth(density: float) -> int:
    return math.ceil(math.log(S2_FACE_KM2 / (LEAF_CAPACITY / density), 4))


leaf_capacity = count(LEAF_CAPACITY)
city_leaf_km2 = count(LEAF_CAPACITY / CITY_PLACES_PER_KM2)
city_depth = count(quadtree_depth(CITY_PLACES_PER_KM2))
rural_depth = count(quadtree_depth(RURAL_PLACES_PER_KM2))
rural_density = count(RURAL_PLACES_PER_KM2)
city_density = count(CITY_PLACES_PER_KM2)

# --- The crowd ------------------------------------------------------------------------------------
LEVEL = int(s2_level)
CROWD_DENSITY = HOT_DRIVERS / CROWD_KM2
hot_drivers = count(HOT_DRIVERS)
crowd_km2 = count(CROWD_KM2)
crowd_density = count(CROWD_DENSITY)
hot_block_candidates = count(HOT_DRIVERS)  # a 1 km circle near the car park holds the whole crowd
crowd_radius_for_k = math.sqrt(TOP_K / (math.pi * CROWD_DENSITY))
crowd_radius_for_k_m = count(crowd_radius_for_k * 1000)
K_LEVEL = finest_s2_level(crowd_radius_for_k)
crowd_k_level = count(K_LEVEL)
crowd_k_candidates = count(9 * s2_average_km2(K_LEVEL) * CROWD_DENSITY)
crowd_over_k_candidates = times(HOT_DRIVERS / crowd_k_candidates)

split_above = count(SPLIT_ABOVE)
merge_below = count(MERGE_BELOW)
hot_over_limit = times(HOT_DRIVERS / SPLIT_ABOVE)
SPLIT_LEVEL = next(lv for lv in range(LEVEL, 31) if s2_average_km2(lv) * CROWD_DENSITY <= SPLIT_ABOVE)
split_level = count(SPLIT_LEVEL)
split_cell_m2 = count(s2_average_km2(SPLIT_LEVEL) * 1e6)
drivers_per_split_cell = count(s2_average_km2(SPLIT_LEVEL) * CROWD_DENSITY)
split_cells = count(round(CROWD_KM2 / s2_average_km2(SPLIT_LEVEL)))
split_cell_change_share = fraction(crossing_share(step_m, math.sqrt(s2_average_km2(SPLIT_LEVEL)) * 1000))
split_writes_per_update = count(WRITES_PER_UPDATE + WRITES_PER_CROSSING * split_cell_change_share)
crowd_updates = per_second(HOT_DRIVERS / UPDATE_INTERVAL_S)
crowd_node_share = fraction(
    HOT_DRIVERS / UPDATE_INTERVAL_S * WRITES_PER_UPDATE / (NODE_WRITES_PER_SECOND * NODE_TARGET_UTILISATION)
)

# --- Sharding by driver ID --------------------------------------------------------------------------
scatter_calls_peak = peak(RIDER_QUERIES_PEAK * driver_shards)
slow_by_id = fraction(slow_query(int(driver_shards), SHARD_SLOW))

if __name__ != "concept_geo_hot":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                (f"Quadtree depth, {leaf_capacity}-point leaves, {city_density} places a km²", city_depth),
                (f"Quadtree depth, {rural_density} place a km²", rural_depth),
                (f"Candidates a 1 km query reads by the crowd of {hot_drivers}", hot_block_candidates),
                (f"Radius of the {count(TOP_K)} nearest in the crowd, meters", crowd_radius_for_k_m),
                (f"Candidates for them, S2 level {K_LEVEL} block", crowd_k_candidates),
                (f"Level that keeps a cell under {split_above} in the crowd", split_level),
                ("Drivers a cell there", drivers_per_split_cell),
                ("Updates that change cell there, moving at city speed", split_cell_change_share),
                ("Index writes an update there, moving", split_writes_per_update),
                ("The crowd's position updates", crowd_updates),
                ("The crowd's share of one index node", crowd_node_share),
                (f"Shard calls at the peak, by driver ID over {driver_shards} shards", scatter_calls_peak),
                ("Rider queries held up by a straggling shard", slow_by_id),
            ],
        )
    )
