"""Concepts, proximity search: hot cells, how deep an adaptive tree goes, and what each sharding
costs a query.

Quadtree: a cell splits in four when it holds more than LEAF_CAPACITY points, so a leaf ends with
area at most capacity / density; from a root the size of one S2 cube face, that takes
ceil(log4(face / leaf area)) levels of splits.

A hot cell: HOT_DRIVERS drivers gather in one cell of concept_geo_radius's S2 level (a stadium's
car park after a game), against a limit of CELL_LIMIT points a cell, what one cell may hand a query
before it gets slow. Splitting it to finer levels, each a quarter of the area, spreads them only if
they are spread over the cell: ceil(log4(hot / limit)) levels at best. If they stand in a corner,
splitting goes on down to the corner's size.

Sharding: by driver or place ID, every query asks every shard (scatter-gather), so shard calls are
queries x shards, and a query waits for the slowest of them (concept_search_shards: a shard that
straggles 1% of the time holds up 18.2% of queries over 20 shards). By cell, a query asks the shard
that holds its cells, or two where its ring crosses a shard's border.
"""

import math

from concept_geo_assumptions import CITY_PLACES_PER_KM2, S2_FACE_KM2
from concept_geo_radius import s2_average_km2, s2_level
from concept_geo_workloads import searches_peak

from sdw.estimation import count, markdown_table, peak, times

LEAF_CAPACITY = 100  # points a quadtree leaf holds before it splits
RURAL_PLACES_PER_KM2 = 1  # places a km^2 outside towns
HOT_DRIVERS = 2_000  # drivers in one cell by a stadium after a game
CELL_LIMIT = 200  # points one cell may hand a query
SHARDS = 20


def quadtree_depth(density: float) -> int:
    return math.ceil(math.log(S2_FACE_KM2 / (LEAF_CAPACITY / density), 4))


leaf_capacity = count(LEAF_CAPACITY)
city_leaf_km2 = count(LEAF_CAPACITY / CITY_PLACES_PER_KM2)
city_depth = count(quadtree_depth(CITY_PLACES_PER_KM2))
rural_depth = count(quadtree_depth(RURAL_PLACES_PER_KM2))
rural_density = count(RURAL_PLACES_PER_KM2)
city_density = count(CITY_PLACES_PER_KM2)

LEVEL = int(s2_level)
hot_drivers = count(HOT_DRIVERS)
cell_limit = count(CELL_LIMIT)
hot_over_limit = times(HOT_DRIVERS / CELL_LIMIT)
EXTRA_LEVELS = math.ceil(math.log(HOT_DRIVERS / CELL_LIMIT, 4))
split_level = count(LEVEL + EXTRA_LEVELS)
split_cells = count(4**EXTRA_LEVELS)
split_cell_km2 = count(s2_average_km2(LEVEL + EXTRA_LEVELS))
drivers_per_split_cell = count(HOT_DRIVERS / 4**EXTRA_LEVELS)
hot_block_candidates = count(HOT_DRIVERS)  # the ring around the hot cell reads at least the hot cell

shards = count(SHARDS)
scatter_calls_peak = peak(searches_peak * SHARDS)

if __name__ != "concept_geo_hot":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                (f"Quadtree depth, {leaf_capacity}-point leaves, {city_density} places a km²", city_depth),
                (f"Quadtree depth, {rural_density} place a km²", rural_depth),
                (f"Drivers in one level-{LEVEL} cell over the limit of {cell_limit}", hot_over_limit),
                (f"Level that holds them, spread evenly ({split_cells} cells)", split_level),
                ("Drivers a cell there", drivers_per_split_cell),
                (f"Shard calls at the peak, by ID over {shards} shards", scatter_calls_peak),
            ],
        )
    )
