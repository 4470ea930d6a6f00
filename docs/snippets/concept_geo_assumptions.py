"""Concepts, proximity search: the inputs every concept_geo snippet shares, each with its source or
marked as the page's own assumption.

Published figures:
- WGS84's semi-major (equatorial) radius, 6,378,137 m, is part of the datum's definition (EPSG:7030,
  https://epsg.org/ellipsoid_7030/WGS-84.html): the equator is 2 pi times it long.
- S2 cells (https://s2geometry.io/resources/s2cell_statistics): level 0 is one of the cube's six faces,
  85,011,012.19 km^2; every level splits a cell in four, so the page's average at level L is that over
  4^L (level 9's row gives 324.29 km^2 = 85,011,012.19 / 4^9). Cells of one level are not equal: level
  9 runs from 195.59 to 408.12 km^2.
- H3 cells (https://h3geo.org/docs/core-library/restable): average hexagon areas, resolution 7
  5.1612932 km^2, 8 0.7373276 km^2, 9 0.1053325 km^2.
- IUGG's mean Earth radius, 6,371.0088 km, for haversine (reference_fiber uses the same).

The page's own assumptions (no public source gives them for a generic service):
- 200M places worldwide; a dense city centre holds 1,000 of them a km^2, and is 30 km across.
- 100M daily users of the place search, 5 searches a day each, the Twitter example's peak-to-average.
- 1M drivers online at the peak, each sending its position every 4 s, at 30 km/h in city traffic.
"""

from reference_fiber import EARTH_MEAN_RADIUS_KM
from twitter_assumptions import peak_to_average

from sdw.estimation import count, duration, markdown_table, per_day

# --- The Earth and the cell systems' published figures ----------------------------------------------
WGS84_EQUATORIAL_RADIUS_M = 6_378_137  # EPSG:7030, by definition
S2_FACE_KM2 = 85_011_012.19  # S2 level 0: one cube face
S2_LEVEL9_KM2 = (195.59, 324.29, 408.12)  # smallest, average, largest cell at level 9
H3_AVG_HEX_KM2 = {7: 5.1612932, 8: 0.7373276, 9: 0.1053325}
EARTH_RADIUS_KM = EARTH_MEAN_RADIUS_KM

# --- The query -------------------------------------------------------------------------------------
QUERY_RADIUS_KM = 1.0  # "within 1 km of me"
QUERY_LATITUDE = 60.0  # degrees: Oslo, Helsinki and St Petersburg sit near it
TOP_K = 20  # results a nearby search shows

# --- Workload 1: static places ---------------------------------------------------------------------
PLACES = 200e6
CITY_PLACES_PER_KM2 = 1_000  # a dense city centre
CITY_WIDTH_KM = 30  # east to west
DAILY_USERS = 100e6
SEARCHES_PER_USER_PER_DAY = 5
INDEX_ENTRY_BYTES = 8 + 8  # a 64-bit cell ID and a 64-bit place ID, before any index overhead

# --- Workload 2: moving drivers --------------------------------------------------------------------
DRIVERS_ONLINE_PEAK = 1e6
UPDATE_INTERVAL_S = 4.0
CITY_SPEED_KM_H = 30.0
TTL_INTERVALS = 3  # a position expires after three missed updates
DRIVER_ENTRY_BYTES = 100  # driver ID, position, time, status and the index's pointers: a round allowance

places = count(PLACES)
city_density = count(CITY_PLACES_PER_KM2)
city_width_km = count(CITY_WIDTH_KM)
daily_users = count(DAILY_USERS)
searches_per_user = count(SEARCHES_PER_USER_PER_DAY)
searches_per_day = per_day(DAILY_USERS * SEARCHES_PER_USER_PER_DAY)
peak_factor = peak_to_average
drivers_online = count(DRIVERS_ONLINE_PEAK)
update_interval = duration(UPDATE_INTERVAL_S)
city_speed_km_h = count(CITY_SPEED_KM_H)
query_radius_km = count(QUERY_RADIUS_KM)
query_latitude = count(QUERY_LATITUDE)
top_k = count(TOP_K)

if __name__ != "concept_geo_assumptions":
    print(
        markdown_table(
            ("Input", "Value", "Source"),
            [
                (
                    "WGS84 equatorial radius",
                    f"{WGS84_EQUATORIAL_RADIUS_M:,} m",
                    "[EPSG:7030](https://epsg.org/ellipsoid_7030/WGS-84.html)",
                ),
                (
                    "S2 level-0 cell (a cube face)",
                    f"{count(S2_FACE_KM2)} km²",
                    "[S2 cell statistics](https://s2geometry.io/resources/s2cell_statistics)",
                ),
                (
                    "H3 resolution 7 average hexagon",
                    f"{count(H3_AVG_HEX_KM2[7])} km²",
                    "[H3 cell areas](https://h3geo.org/docs/core-library/restable)",
                ),
                ("Places worldwide", places, "Assumed on this page"),
                ("Places a km² in a dense city centre", city_density, "Assumed on this page"),
                ("Searches a day", searches_per_day, "Assumed on this page"),
                ("Drivers online at the peak", drivers_online, "Assumed on this page"),
                ("Position update interval", update_interval, "Assumed on this page"),
            ],
        )
    )
