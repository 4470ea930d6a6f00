"""Concepts, proximity search: how many cells and candidates a radius query reads.

A point near its cell's edge is close to points in the next cell, so a query reads its own cell and
rings of cells around it. The same test applies to every scheme: from anywhere in the middle cell the
rings must reach at least the radius r, for the smallest cell the level can hand the query.

- Geohash and Redis's bit steps: cells are rectangles in degrees, so their size at a latitude is
  exact; k rings reach k cell widths (and k heights), and the cell at the query's latitude is the one
  to test. Redis spans latitude over +/-85.05112878 degrees, not 90, so a step's cell is
  170.10225756 / 2^step degrees tall.
- S2: the narrowest cell of a level is the library's kMinWidth metric (s2metrics.cc),
  2 sqrt(2) / 3 x 2^-level radians on the unit sphere, times the Earth's mean radius; k rings reach
  k minimum widths. Area read is taken at the level's average cell.
- H3: the version 4 table's average edge, shrunk to the assumed smallest hexagon away from the
  pentagons (edge scales with the square root of area). Near the twelve pentagons (all at sea) it does
  not hold: a pentagon is about half the average hexagon's area (the table's pentagon area over the
  average hexagon's), and the cells round it are distorted, so a query there needs one ring more. A
  k-ring of regular hexagons reaches, from the worst point of the center cell, a distance computed
  below in edge lengths (1 for k = 1, sqrt(7) = 2.646 for k = 2: from a corner of
  the center hexagon to the ring's outer boundary).

Candidates are every point in the cells read; the answer is the points inside the circle, pi r^2 at
the same density. A single ring of squares exactly r across reads 9 / pi of the circle; finer cells
with more rings approach the smallest square around the circle, 4 / pi.

In a dense place, the K nearest results lie far inside any fixed radius: at density D they fill a
circle of radius sqrt(K / (pi D)), so a search that starts from that radius, and widens only when it
finds too few, reads a few hundred candidates instead of thousands.

Redis picks its step from the radius alone (geohashEstimateStepsByRadius in geohash_helper.c): double
the radius until it reaches 20,037,726.37 m, counting, less 2; one step coarser only above 66 degrees
and another above 80. It then steps down once more if a neighbor does not reach the radius's
bounding box.
"""

import math
from itertools import product

from concept_geo import EQUATOR_KM, geohash_cell_km
from concept_geo_assumptions import (
    CITY_PLACES_PER_KM2,
    EARTH_RADIUS_KM,
    H3_AVG_EDGE_KM,
    H3_AVG_HEX_KM2,
    H3_PENTAGON_KM2,
    H3_SMALLEST_AREA_SHARE,
    QUERY_LATITUDE,
    QUERY_RADIUS_KM,
    REDIS_LAT_MAX,
    S2_FACE_KM2,
    S2_LEVEL12_KM2,
    S2_MIN_WIDTH_DERIV,
    TOP_K,
)

from sdw.estimation import count, fraction, markdown_table, times

R = QUERY_RADIUS_KM
D = CITY_PLACES_PER_KM2
CIRCLE_KM2 = math.pi * R**2
KM_PER_DEGREE = EQUATOR_KM / 360
REDIS_MERCATOR_MAX_M = 20_037_726.37  # geohash_helper.c


# --- Geohash and Redis's bit steps ------------------------------------------------------------------
def bit_step_cell_km(step: int, latitude: float) -> tuple[float, float]:
    """A Redis cell of `step` bits on each axis: width and height in km."""
    width = EQUATOR_KM / 2**step * math.cos(math.radians(latitude))
    height = 2 * REDIS_LAT_MAX / 2**step * KM_PER_DEGREE
    return width, height


def finest_bit_step(radius: float, latitude: float) -> int:
    """The most bits an axis whose cell is still at least `radius` on both sides."""
    step = 1
    while min(bit_step_cell_km(step + 1, latitude)) >= radius:
        step += 1
    return step


def redis_estimate_step(radius_m: float, latitude: float) -> int:
    """Redis's own choice, before its neighbor check."""
    step = 1
    while radius_m < REDIS_MERCATOR_MAX_M:
        radius_m *= 2
        step += 1
    step -= 2
    if abs(latitude) > 66:
        step -= 1
        if abs(latitude) > 80:
            step -= 1
    return max(1, min(26, step))


def finest_geohash(radius: float, latitude: float) -> int:
    p = 1
    while min(geohash_cell_km(p + 1, latitude)) >= radius:
        p += 1
    return p


# --- S2 -------------------------------------------------------------------------------------------
def s2_average_km2(level: int) -> float:
    return S2_FACE_KM2 / 4**level


def s2_min_width_km(level: int) -> float:
    return S2_MIN_WIDTH_DERIV * 2.0**-level * EARTH_RADIUS_KM


def finest_s2_level(radius: float) -> int:
    level = 0
    while s2_min_width_km(level + 1) >= radius:
        level += 1
    return level


def rings_needed(radius: float, reach_of_one: float) -> int:
    return math.ceil(radius / reach_of_one)


# --- H3: how far a k-ring reaches from the worst point of its center hexagon -------------------------
def hexagon(cx: float, cy: float) -> list[tuple[float, float]]:
    """Corners of a pointy-top regular hexagon of edge 1 centered at (cx, cy)."""
    return [(cx + math.cos(math.radians(30 + 60 * i)), cy + math.sin(math.radians(30 + 60 * i))) for i in range(6)]


def center(q: int, r: int) -> tuple[float, float]:
    return math.sqrt(3) * (q + r / 2), 1.5 * r


def point_to_segment(p, a, b) -> float:
    ax, ay = a
    bx, by = b
    px, py = p
    t = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)
    t = max(0.0, min(1.0, t))
    return math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)))


def ring_reach_edges(k: int) -> float:
    """The least distance, in edges, from the center hexagon to the outer boundary of its k-ring."""
    cells = {(q, r) for q, r in product(range(-k, k + 1), repeat=2) if max(abs(q), abs(r), abs(q + r)) <= k}
    centers = {(round(x, 6), round(y, 6)) for x, y in (center(q, r) for q, r in cells)}
    boundary = []
    for q, r in cells:
        cx, cy = center(q, r)
        corners = hexagon(cx, cy)
        for i in range(6):
            a, b = corners[i], corners[(i + 1) % 6]
            mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
            across = (round(2 * mx - cx, 6), round(2 * my - cy, 6))
            if across not in centers:
                boundary.append((a, b))
    middle = hexagon(0.0, 0.0)
    sides = [(middle[i], middle[(i + 1) % 6]) for i in range(6)]
    return min(
        min(
            point_to_segment(side[0], *edge),
            point_to_segment(side[1], *edge),
            point_to_segment(edge[0], *side),
            point_to_segment(edge[1], *side),
        )
        for side in sides
        for edge in boundary
    )


def ring_cells(k: int) -> int:
    return 3 * k * (k + 1) + 1


def h3_smallest_edge_km(res: int) -> float:
    return H3_AVG_EDGE_KM[res] * math.sqrt(H3_SMALLEST_AREA_SHARE)


def h3_rings(res: int, radius: float) -> int:
    k = 1
    while ring_reach_edges(k) * h3_smallest_edge_km(res) < radius:
        k += 1
    return k


def finest_h3_single_ring(radius: float) -> int:
    return max(res for res in H3_AVG_EDGE_KM if h3_smallest_edge_km(res) >= radius)


def row(scheme: str, cell: str, cells: int, area_km2: float) -> tuple:
    return (
        scheme,
        cell,
        cells,
        f"{count(area_km2)} km²",
        times(area_km2 / CIRCLE_KM2),
        count(area_km2 * D),
    )


P = finest_geohash(R, QUERY_LATITUDE)
gh_w, gh_h = geohash_cell_km(P, QUERY_LATITUDE)
STEP = finest_bit_step(R, QUERY_LATITUDE)
assert redis_estimate_step(R * 1000, QUERY_LATITUDE) == STEP  # Redis picks the same step here
bs_w, bs_h = bit_step_cell_km(STEP, QUERY_LATITUDE)
# One character finer than the block's: cells smaller than r, so more rings around the middle one.
fine_w, fine_h = geohash_cell_km(P + 1, QUERY_LATITUDE)
FINE_ACROSS = 2 * max(rings_needed(R, fine_w), rings_needed(R, fine_h)) + 1
LEVEL = finest_s2_level(R)
FINE_LEVEL = LEVEL + 2
FINE_LEVEL_RINGS = rings_needed(R, s2_min_width_km(FINE_LEVEL))
FINE_LEVEL_CELLS = (2 * FINE_LEVEL_RINGS + 1) ** 2
RES = finest_h3_single_ring(R)
K2 = h3_rings(RES + 1, R)
REACH_K2 = ring_reach_edges(K2)

rows = [
    row(f"Geohash, {P} characters", f"{count(gh_w)} × {count(gh_h)} km", 9, 9 * gh_w * gh_h),
    row(
        f"Geohash, {P + 1} characters, more rings",
        f"{count(fine_w * 1000)} × {count(fine_h * 1000)} m",
        FINE_ACROSS**2,
        FINE_ACROSS**2 * fine_w * fine_h,
    ),
    row(f"Bit steps (Redis), {STEP} bits an axis", f"{count(bs_w)} × {count(bs_h)} km", 9, 9 * bs_w * bs_h),
    row(
        f"S2, level {LEVEL}",
        f"{count(s2_average_km2(LEVEL))} km² on average, at least {count(s2_min_width_km(LEVEL))} km wide",
        9,
        9 * s2_average_km2(LEVEL),
    ),
    row(
        f"S2, level {FINE_LEVEL}, {FINE_LEVEL_RINGS} rings",
        f"{count(s2_average_km2(FINE_LEVEL))} km² on average, "
        f"at least {count(s2_min_width_km(FINE_LEVEL) * 1000)} m wide",
        FINE_LEVEL_CELLS,
        FINE_LEVEL_CELLS * s2_average_km2(FINE_LEVEL),
    ),
    row(
        f"H3, resolution {RES}, k = 1",
        f"{count(H3_AVG_HEX_KM2[RES])} km² on average, edge {count(H3_AVG_EDGE_KM[RES])} km",
        ring_cells(1),
        ring_cells(1) * H3_AVG_HEX_KM2[RES],
    ),
    row(
        f"H3, resolution {RES + 1}, k = {K2}",
        f"{count(H3_AVG_HEX_KM2[RES + 1])} km² on average, edge {count(H3_AVG_EDGE_KM[RES + 1] * 1000)} m",
        ring_cells(K2),
        ring_cells(K2) * H3_AVG_HEX_KM2[RES + 1],
    ),
]

# Figures the page quotes.
query_radius = count(R)
query_latitude = count(QUERY_LATITUDE)
inside_circle = count(CIRCLE_KM2 * D)
geohash_chars = count(P)
geohash_block_over_circle = times(9 * gh_w * gh_h / CIRCLE_KM2)
geohash_block_candidates = count(9 * gh_w * gh_h * D)
fine_cells = count(FINE_ACROSS**2)
fine_over_circle = times(FINE_ACROSS**2 * fine_w * fine_h / CIRCLE_KM2)
bit_step = count(STEP)
bit_step_height_deg = count(2 * REDIS_LAT_MAX / 2**STEP)
bit_step_height_km = count(bs_h)
bit_step_over_circle = times(9 * bs_w * bs_h / CIRCLE_KM2)
bit_step_candidates = count(9 * bs_w * bs_h * D)
redis_lat_span_deg = count(2 * REDIS_LAT_MAX)
tightest_square_over_circle = times(9 / math.pi)  # one ring of squares exactly r on a side
square_limit_over_circle = times(4 / math.pi)  # the smallest square that holds the circle
tightest_hex_over_circle = times(7 * 3 * math.sqrt(3) / 2 / math.pi)  # one ring of hexagons of edge exactly r
s2_level = count(LEVEL)
s2_face_km2 = count(S2_FACE_KM2)
s2_level_km2 = count(s2_average_km2(LEVEL))
s2_min_width_km_at_level = count(s2_min_width_km(LEVEL))
s2_finer_min_width_m = count(s2_min_width_km(LEVEL + 1) * 1000)
s2_finer_level = count(LEVEL + 1)
s2_finer_side_km = count(math.sqrt(s2_average_km2(LEVEL + 1)))
s2_min_width_factor = count(S2_MIN_WIDTH_DERIV)
s2_over_circle = times(9 * s2_average_km2(LEVEL) / CIRCLE_KM2)
s2_block_candidates = count(9 * s2_average_km2(LEVEL) * D)
s2_smallest_share = fraction(S2_LEVEL12_KM2[0] / S2_LEVEL12_KM2[1])
s2_largest_share = fraction(S2_LEVEL12_KM2[2] / S2_LEVEL12_KM2[1])
s2_fine_level = count(FINE_LEVEL)
s2_fine_rings = count(FINE_LEVEL_RINGS)
s2_fine_cells = count(FINE_LEVEL_CELLS)
s2_fine_over_circle = times(FINE_LEVEL_CELLS * s2_average_km2(FINE_LEVEL) / CIRCLE_KM2)
h3_res = count(RES)
h3_area_km2 = count(H3_AVG_HEX_KM2[RES])
h3_edge_km = count(H3_AVG_EDGE_KM[RES])
h3_smallest_edge_share = fraction(math.sqrt(H3_SMALLEST_AREA_SHARE))
h3_pentagon_share = fraction(H3_PENTAGON_KM2[RES] / H3_AVG_HEX_KM2[RES])
h3_smallest_edge = count(h3_smallest_edge_km(RES))
h3_finer_edge_m = count(H3_AVG_EDGE_KM[RES + 1] * 1000)
h3_over_circle = times(7 * H3_AVG_HEX_KM2[RES] / CIRCLE_KM2)
h3_ring_k = count(K2)
h3_ring_cells = count(ring_cells(K2))
h3_ring_reach_edges = count(REACH_K2)
h3_ring_reach_km = count(REACH_K2 * h3_smallest_edge_km(RES + 1))
h3_ring_over_circle = times(ring_cells(K2) * H3_AVG_HEX_KM2[RES + 1] / CIRCLE_KM2)
h3_ring_candidates = count(ring_cells(K2) * H3_AVG_HEX_KM2[RES + 1] * D)

# The K nearest at city density, and the bit step that fits their radius.
radius_for_k = math.sqrt(TOP_K / (math.pi * D))
top_k = count(TOP_K)
radius_for_k_m = count(radius_for_k * 1000)
STEP_K = finest_bit_step(radius_for_k, QUERY_LATITUDE)
assert redis_estimate_step(radius_for_k * 1000, QUERY_LATITUDE) == STEP_K
k_w, k_h = bit_step_cell_km(STEP_K, QUERY_LATITUDE)
bit_step_for_k = count(STEP_K)
candidates_for_k = count(9 * k_w * k_h * D)
fixed_radius_over_k = times(CIRCLE_KM2 * D / TOP_K)

if __name__ != "concept_geo_radius":
    print(
        markdown_table(
            (
                f"A {query_radius} km radius at {query_latitude}°",
                "Cell",
                "Cells read",
                "Area read",
                "Over the circle",
                f"Candidates at {count(D)} a km²",
            ),
            rows,
        )
    )
    print()
    print(
        f"The circle holds {inside_circle} points. The geohash, bit-step and S2 rows pass the same test: from "
        f"anywhere in the middle cell, the rings reach {query_radius} km even where the level's cells are smallest. "
        f"The H3 rows pass it away from the pentagons (the smallest hexagon there assumed {h3_smallest_edge_share} "
        f"of the average edge); a pentagon is {h3_pentagon_share} of the average hexagon's area, so within a few "
        f"cells of one a query needs one ring more. A k-ring of hexagons reaches at least "
        f"{count(ring_reach_edges(1))} edge for k = 1 and {h3_ring_reach_edges} edges for k = {K2}. "
        f"The {top_k} nearest fit in {radius_for_k_m} m here: {bit_step_for_k} bits an axis read "
        f"{candidates_for_k} candidates for them."
    )
