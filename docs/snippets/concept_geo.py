"""Concepts, proximity search: why a B-tree on (lat, lng) reads a whole band, and how big geohash
cells are.

A B-tree on (lat, lng) can bound its scan only by the leading column: "lat within r of mine" is one
range, and every entry in it is read, whatever its longitude, before the lng condition drops most of
them. The range is a band 2r tall that runs across everything the table holds at that latitude; the
model takes one city, CITY_WIDTH_KM across at one density, as the least the band crosses (a table of
the whole world adds every other place on that parallel). The circle holds pi r^2 of the same density.

Geohash interleaves longitude and latitude bits, longitude first, and writes 5 bits a base-32
character: p characters carry 5p bits, ceil(5p/2) of longitude and floor(5p/2) of latitude. A cell
is 360 / 2^lon_bits degrees wide and 180 / 2^lat_bits degrees tall. A degree of latitude is a
constant length (the model takes the equator's, 1/360 of 2 pi R with R WGS84's equatorial radius; a
meridian is 0.17% shorter); a degree of longitude shrinks with cos(latitude).
"""

import math

from concept_geo_assumptions import (
    CITY_PLACES_PER_KM2,
    CITY_WIDTH_KM,
    QUERY_LATITUDE,
    QUERY_RADIUS_KM,
    WGS84_EQUATORIAL_RADIUS_M,
)

from sdw.estimation import count, markdown_table, times

EQUATOR_KM = 2 * math.pi * WGS84_EQUATORIAL_RADIUS_M / 1000
PRECISIONS = range(4, 9)


def geohash_bits(p: int) -> tuple[int, int]:
    """Longitude and latitude bits of a p-character geohash."""
    return math.ceil(5 * p / 2), (5 * p) // 2


def geohash_cell_km(p: int, latitude: float) -> tuple[float, float]:
    """Width and height of a p-character geohash cell at a latitude, in km."""
    lon_bits, lat_bits = geohash_bits(p)
    width = EQUATOR_KM / 2**lon_bits * math.cos(math.radians(latitude))
    height = EQUATOR_KM / 2 / 2**lat_bits
    return width, height


def km(value: float) -> str:
    return f"{count(value * 1000)} m" if value < 1 else f"{count(value)} km"


equator_km = count(EQUATOR_KM)
km_per_degree_equator = count(EQUATOR_KM / 360)
km_per_degree_at_60 = count(EQUATOR_KM / 360 * math.cos(math.radians(60)))
geohash_rows = []
for p in PRECISIONS:
    lon_bits, lat_bits = geohash_bits(p)
    w0, h = geohash_cell_km(p, 0)
    w60, _ = geohash_cell_km(p, 60)
    geohash_rows.append((p, f"{5 * p} = {lon_bits} + {lat_bits}", km(w0), km(w60), km(h)))

# Figures the page quotes.
width_p4_equator = count(geohash_cell_km(4, 0)[0])
height_p4 = count(geohash_cell_km(4, 0)[1])
width_p6_equator = count(geohash_cell_km(6, 0)[0])
width_p6_at_60 = count(geohash_cell_km(6, 60)[0] * 1000)  # meters
height_p6 = count(geohash_cell_km(6, 0)[1] * 1000)  # meters
width_p8_equator = count(geohash_cell_km(8, 0)[0] * 1000)  # meters
height_p8 = count(geohash_cell_km(8, 0)[1] * 1000)  # meters
area_step_per_character = count(2**5)

# --- The B-tree band -------------------------------------------------------------------------------
band_entries = count(2 * QUERY_RADIUS_KM * CITY_WIDTH_KM * CITY_PLACES_PER_KM2)
circle_entries = count(math.pi * QUERY_RADIUS_KM**2 * CITY_PLACES_PER_KM2)
band_over_circle = times(band_entries / circle_entries)
band_latitude = count(QUERY_LATITUDE)

if __name__ != "concept_geo":
    print(
        markdown_table(
            ("Characters", "Bits = longitude + latitude", "Width at the equator", "Width at 60°", "Height"),
            geohash_rows,
        )
    )
    print()
    print(
        f"The equator is {equator_km} km long (WGS84). Each character adds 5 bits: a cell has "
        f"{area_step_per_character} children. Even lengths are twice as wide as tall at the equator and square "
        "at 60°; odd lengths are square at the equator and twice as tall as wide at 60°."
    )
