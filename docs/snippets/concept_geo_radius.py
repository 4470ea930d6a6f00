"""Concepts, proximity search: how many cells and candidates a radius query reads.

A point near its cell's edge is close to points in the next cell, so a query reads its own cell and
the ring around it. The ring covers the radius r from anywhere in the middle cell only if a cell is at
least r across: for squares (geohash, S2), each side at least r, and the 3 x 3 block is read; for
hexagons (H3), the edge, which is also a regular hexagon's circumradius, at least r, and the centre
with its 6 neighbours (a k = 1 ring) is read (from a corner of the middle hexagon the ring ends one
edge length away). Candidates are every point in the cells read; the answer is the points inside the
circle, pi r^2 at the same density. Cells are taken at their nominal size: geohash's at the query's
latitude; S2's and H3's at their level's average area, S2's as a square of that area, H3's as a
regular hexagon of that area (edge e with area 3 sqrt(3) / 2 e^2).

Geohash with whole characters steps 32 times in area, so the cell that is at least r on each side can
be far larger than r. Stepping by one bit on each axis instead (what Redis does: its 52-bit score is
26 steps of a bit each) moves 4 times at a step. Finer cells and more of them read less: cells of side
s need ceil(r / s) rings around the middle one.

In a dense place, the K nearest results lie far inside any fixed radius: at density D they fill a
circle of radius sqrt(K / (pi D)), so a search that starts from that radius, and widens only when it
finds too few, reads a few hundred candidates instead of thousands.
"""

import math

from concept_geo import EQUATOR_KM, geohash_cell_km
from concept_geo_assumptions import (
    CITY_PLACES_PER_KM2,
    H3_AVG_HEX_KM2,
    QUERY_LATITUDE,
    QUERY_RADIUS_KM,
    S2_FACE_KM2,
    S2_LEVEL9_KM2,
    TOP_K,
)

from sdw.estimation import count, fraction, markdown_table, times

R = QUERY_RADIUS_KM
D = CITY_PLACES_PER_KM2
CIRCLE_KM2 = math.pi * R**2


def bit_step_cell_km(step: int, latitude: float) -> tuple[float, float]:
    """A cell of `step` bits on each axis (Redis's scheme): width and height in km."""
    return EQUATOR_KM / 2**step * math.cos(math.radians(latitude)), EQUATOR_KM / 2 / 2**step


def finest_bit_step(radius: float, latitude: float) -> int:
    """The most bits a side whose cell is still at least `radius` on both sides."""
    step = 1
    while min(bit_step_cell_km(step + 1, latitude)) >= radius:
        step += 1
    return step


def finest_geohash(radius: float, latitude: float) -> int:
    p = 1
    while min(geohash_cell_km(p + 1, latitude)) >= radius:
        p += 1
    return p


def s2_average_km2(level: int) -> float:
    return S2_FACE_KM2 / 4**level


def finest_s2_level(radius: float) -> int:
    level = 0
    while math.sqrt(s2_average_km2(level + 1)) >= radius:
        level += 1
    return level


def hex_edge_km(area_km2: float) -> float:
    return math.sqrt(2 * area_km2 / (3 * math.sqrt(3)))


def finest_h3(radius: float) -> int:
    return max(res for res, area in H3_AVG_HEX_KM2.items() if hex_edge_km(area) >= radius)


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
bs_w, bs_h = bit_step_cell_km(STEP, QUERY_LATITUDE)
# One character finer than the block's: cells smaller than r, so more rings around the middle one.
fine_w, fine_h = geohash_cell_km(P + 1, QUERY_LATITUDE)
FINE_ACROSS = 2 * max(math.ceil(R / fine_w), math.ceil(R / fine_h)) + 1
LEVEL = finest_s2_level(R)
RES = finest_h3(R)

rows = [
    row(f"Geohash, {P} characters", f"{count(gh_w)} × {count(gh_h)} km", 9, 9 * gh_w * gh_h),
    row(
        f"Geohash, {P + 1} characters, more rings",
        f"{count(fine_w * 1000)} × {count(fine_h * 1000)} m",
        FINE_ACROSS**2,
        FINE_ACROSS**2 * fine_w * fine_h,
    ),
    row(f"Bit steps (Redis), {STEP} bits an axis", f"{count(bs_w)} × {count(bs_h)} km", 9, 9 * bs_w * bs_h),
    row(f"S2, level {LEVEL}", f"{count(s2_average_km2(LEVEL))} km² on average", 9, 9 * s2_average_km2(LEVEL)),
    row(f"H3, resolution {RES}", f"{count(H3_AVG_HEX_KM2[RES])} km² on average", 7, 7 * H3_AVG_HEX_KM2[RES]),
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
bit_step_over_circle = times(9 * bs_w * bs_h / CIRCLE_KM2)
bit_step_candidates = count(9 * bs_w * bs_h * D)
tightest_square_over_circle = times(9 / math.pi)  # squares exactly r on a side
tightest_hex_over_circle = times(7 * 3 * math.sqrt(3) / 2 / math.pi)  # hexagons of edge exactly r
s2_level = count(LEVEL)
s2_face_km2 = count(S2_FACE_KM2)
s2_level_km2 = count(s2_average_km2(LEVEL))
h3_area_km2 = count(H3_AVG_HEX_KM2[RES])
s2_side_km = count(math.sqrt(s2_average_km2(LEVEL)))
s2_over_circle = times(9 * s2_average_km2(LEVEL) / CIRCLE_KM2)
s2_smallest_share = fraction(S2_LEVEL9_KM2[0] / S2_LEVEL9_KM2[1])
s2_largest_share = fraction(S2_LEVEL9_KM2[2] / S2_LEVEL9_KM2[1])
s2_smallest_side_km = count(math.sqrt(s2_average_km2(LEVEL) * S2_LEVEL9_KM2[0] / S2_LEVEL9_KM2[1]))
h3_res = count(RES)
h3_edge_km = count(hex_edge_km(H3_AVG_HEX_KM2[RES]))
h3_finer_edge_m = count(hex_edge_km(H3_AVG_HEX_KM2[RES + 1]) * 1000)
h3_over_circle = times(7 * H3_AVG_HEX_KM2[RES] / CIRCLE_KM2)

# The K nearest at city density, and the bit step that fits their radius.
radius_for_k = math.sqrt(TOP_K / (math.pi * D))
top_k = count(TOP_K)
radius_for_k_m = count(radius_for_k * 1000)
STEP_K = finest_bit_step(radius_for_k, QUERY_LATITUDE)
k_w, k_h = bit_step_cell_km(STEP_K, QUERY_LATITUDE)
bit_step_for_k = count(STEP_K)
cell_for_k_m = count(k_h * 1000)
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
        f"The circle holds {inside_circle} points. Cells exactly r across would read {tightest_square_over_circle} "
        f"the circle (squares) or {tightest_hex_over_circle} (hexagons); real levels step by 4 (S2, bit steps), 7 (H3) "
        f"or 32 (geohash characters), so the cell that fits is usually larger. The {top_k} nearest fit in "
        f"{radius_for_k_m} m here: {bit_step_for_k} bits an axis read {candidates_for_k} candidates for them."
    )
