"""Concepts, proximity search: the inputs every concept_geo snippet shares, each with its source or
marked as the page's own assumption.

Published figures:
- WGS84's semi-major (equatorial) radius, 6,378,137 m, is part of the datum's definition (EPSG:7030,
  https://epsg.org/ellipsoid_7030/WGS-84.html): the equator is 2 pi times it long.
- S2 cells (https://s2geometry.io/resources/s2cell_statistics): level 0 is one of the cube's six faces,
  85,011,012.19 km^2; every level splits a cell in four, so the page's average at level L is that over
  4^L (level 12's row gives 5.07 km^2 = 85,011,012.19 / 4^12). Cells of one level are not equal: level
  12 runs from 3.04 to 6.38 km^2. The narrowest cell of a level is the library's kMinWidth metric
  (s2geometry's s2metrics.cc): 2 sqrt(2) / 3 x 2^-level radians on the unit sphere, times the Earth's
  radius.
- H3 cells (https://h3geo.org/docs/core-library/restable, the version 4 tables): average hexagon area
  and average edge length, resolution 7 5.161293360 km^2 and 1.406475763 km, 8 0.737327598 km^2 and
  0.531414010 km, 9 0.105332513 km^2 and 0.200786148 km. The tables give averages for hexagons, and the
  area of a pentagon (all twelve of a resolution are equal): resolution 7 2.604669397 km^2, 8 0.372048038
  km^2, about half the average hexagon (the table's P/H ratio, 0.5047 and 0.5046).
- Redis GEO accepts latitudes within +/-85.05112878 degrees (https://redis.io/docs/latest/commands/geoadd/)
  and interleaves 26 bits of each axis over that span and over 360 degrees of longitude.
- IUGG's mean Earth radius, 6,371.0088 km, for haversine (reference_fiber uses the same).

The page's own assumptions (no public source gives them for a generic service):
- 200M places worldwide; a dense city center holds 1,000 of them a km^2, and is 30 km across.
- 100M daily users of the place search, 5 searches a day each.
- The busy hour at 3x the day's average, for searches and drivers alike: headroom above a city's own busy
  hour, and more so for the worldwide total the copies serve. A city's rides run from the morning commute
  to past midnight (Uber's NYC data, https://www.uber.com/blog/data-visualization-city-movement/, quiet
  only from 1 to 5 am on weekdays), and the other twenty hours as a half-sine (reference_peaks.py's
  waking-day shape) give city_day_peak_to_average, which the table prints; a total spread over many time
  zones peaks lower still.
- 1M drivers online at the peak, each sending its position every 4 s (Uber pushes a trip's driver
  position to partners every 4 s by default, https://developer.uber.com/docs/guest-rides/references/api/webhooks/driver-location,
  so its app uploads at least that often on a trip; for idle drivers it is assumed), at 30 km/h in city traffic; a TTL of 3 intervals plus
  a 2 s margin; 100K "cars near me" rider queries a second at the peak.
- H3's smallest hexagon away from the pentagons: no smaller, against its resolution's average, than
  S2's smallest level-12 cell against its average (3.04 / 5.07 of the area), because both project a
  polyhedron's faces onto the sphere and cells shrink towards its vertices. It does not hold within a
  few cells of H3's twelve pentagons (all at sea), where cells are smaller still; check it with the
  library's cell area function for the region served.
- A phone's GPS error: about 5 m in the open, more among tall buildings.
- Costs, all to be measured: 10M distance checks a core-second; 20 us of one core a GEOSEARCH command
  besides its distance checks (parsing, up to 9 score-range lookups in a skiplist, sorting, the reply);
  100 B of Redis memory a sorted-set member with its skiplist node; a rebuild loading 200K members a
  second with pipelined GEOADD; 300K simple writes a second (overwrite a map entry, add to or remove
  from a set) on one in-memory index node, run at half of it.
"""

import math

from reference_fiber import EARTH_MEAN_RADIUS_KM
from reference_peaks import waking_day_peak_to_average

from sdw.estimation import count, duration, fraction, markdown_table, peak, per_day, per_second, size, times

# --- The Earth and the cell systems' published figures ----------------------------------------------
WGS84_EQUATORIAL_RADIUS_M = 6_378_137  # EPSG:7030, by definition
S2_FACE_KM2 = 85_011_012.19  # S2 level 0: one cube face
S2_LEVEL12_KM2 = (3.04, 5.07, 6.38)  # smallest, average, largest cell at level 12 (the statistics page's row)
S2_MIN_WIDTH_DERIV = 2 * math.sqrt(2) / 3  # kMinWidth in s2metrics.cc: radians at level 0 on the unit sphere
H3_AVG_HEX_KM2 = {7: 5.161293360, 8: 0.737327598, 9: 0.105332513}  # version 4 table
H3_AVG_EDGE_KM = {7: 1.406475763, 8: 0.531414010, 9: 0.200786148}  # version 4 table
H3_PENTAGON_KM2 = {7: 2.604669397, 8: 0.372048038}  # version 4 table: every pentagon of a resolution
# Assumed: H3's smallest hexagon away from the pentagons is, against its average, no smaller than S2's
# smallest level-12 cell. Near the pentagons it does not hold.
H3_SMALLEST_AREA_SHARE = S2_LEVEL12_KM2[0] / S2_LEVEL12_KM2[1]
EARTH_RADIUS_KM = EARTH_MEAN_RADIUS_KM
REDIS_LAT_MAX = 85.05112878  # Redis GEO encodes latitudes within +/- this (GEOADD's documentation)
# Uber's "pulse of a city" post on New York's trips by hour and weekday: a "1-5 am trip dead zone on weekdays".
UBER_CITY_MOVEMENT = "https://www.uber.com/blog/data-visualization-city-movement/"

# --- The query -------------------------------------------------------------------------------------
QUERY_RADIUS_KM = 1.0  # "within 1 km of me"
QUERY_LATITUDE = 60.0  # degrees: Oslo, Helsinki and St Petersburg sit near it
TOP_K = 20  # results a nearby search shows
GPS_ERROR_M = 5.0  # a phone's position error in the open, assumed; worse among tall buildings

# --- Workload 1: static places ---------------------------------------------------------------------
PLACES = 200e6
CITY_PLACES_PER_KM2 = 1_000  # a dense city center
CITY_WIDTH_KM = 30  # east to west
DAILY_USERS = 100e6
SEARCHES_PER_USER_PER_DAY = 5
INDEX_ENTRY_BYTES = 8 + 8  # a 64-bit cell ID and a 64-bit place ID, before any index overhead

# --- Workload 2: moving drivers --------------------------------------------------------------------
DRIVERS_ONLINE_PEAK = 1e6
UPDATE_INTERVAL_S = 4.0
CITY_SPEED_KM_H = 30.0
TTL_INTERVALS = 3  # a position expires three intervals after it was sent...
TTL_MARGIN_S = 2.0  # ...plus a margin for network delay and clock skew
RIDER_QUERIES_PEAK = 100e3  # "cars near me" queries a second at the peak, from riders with the app open
DRIVER_ENTRY_BYTES = 100  # driver ID, position, time, status and the index's pointers: a round allowance

# --- Costs: assumptions to be measured on the real hardware ---------------------------------------
CHECKS_PER_CORE_SECOND = 10e6  # exact distance checks one core runs a second, reading the candidates
GEOSEARCH_COMMAND_S = 20e-6  # one core's time a GEOSEARCH besides its checks: parsing, 9 range lookups, sort, reply
REDIS_MEMBER_BYTES = 100  # a sorted-set member with its skiplist node, hash entry and score
GEOADD_MEMBERS_PER_SECOND = 200e3  # members a rebuild loads a second with pipelined GEOADD
NODE_WRITES_PER_SECOND = 300e3  # simple writes (a map entry, a set member) one in-memory index node takes a second
NODE_TARGET_UTILISATION = 0.5  # run nodes at half of it, for peaks within the peak and a failed node

places = count(PLACES)
city_density = count(CITY_PLACES_PER_KM2)
city_width_km = count(CITY_WIDTH_KM)
daily_users = count(DAILY_USERS)
searches_per_user = count(SEARCHES_PER_USER_PER_DAY)
searches_per_day = per_day(DAILY_USERS * SEARCHES_PER_USER_PER_DAY)
# A city's own day: rides are quiet only from 1 to 5 am on weekdays (UBER_CITY_MOVEMENT), and the other
# hours, as a half-sine, give the city's busy hour over its day's average.
CITY_QUIET_HOURS = 4
city_busy_hours = count(24 - CITY_QUIET_HOURS)
city_day_peak_to_average = times(waking_day_peak_to_average(city_busy_hours))
# The page's own, with headroom: above a city's own day, and more so above a worldwide total spread over
# many time zones, which peaks lower still.
peak_factor = times(3)
assert peak_factor > city_day_peak_to_average, "the busy-hour factor is headroom above a city's own day"
drivers_online = count(DRIVERS_ONLINE_PEAK)
rider_queries_peak = peak(RIDER_QUERIES_PEAK)
checks_per_core_second = per_second(CHECKS_PER_CORE_SECOND)
geosearch_command = duration(GEOSEARCH_COMMAND_S)
gps_error_m = count(GPS_ERROR_M)
redis_member_bytes = size(REDIS_MEMBER_BYTES)
geoadd_rate = per_second(GEOADD_MEMBERS_PER_SECOND)
node_writes = per_second(NODE_WRITES_PER_SECOND)
node_utilisation = fraction(NODE_TARGET_UTILISATION)
ttl_margin = duration(TTL_MARGIN_S)
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
                    "S2 level-12 cells, smallest to largest",
                    f"{S2_LEVEL12_KM2[0]} to {S2_LEVEL12_KM2[2]} km²",
                    "[S2 cell statistics](https://s2geometry.io/resources/s2cell_statistics)",
                ),
                (
                    "H3 resolution 7 average hexagon, area and edge",
                    f"{H3_AVG_HEX_KM2[7]} km², {H3_AVG_EDGE_KM[7]} km",
                    "[H3 cell statistics](https://h3geo.org/docs/core-library/restable)",
                ),
                ("Places worldwide", places, "Assumed on this page"),
                ("Places a km² in a dense city center", city_density, "Assumed on this page"),
                ("Searches a day", searches_per_day, "Assumed on this page"),
                (
                    "Busy hour over the day's average",
                    peak_factor,
                    f"Assumed on this page: headroom above a city's own busy hour ({city_day_peak_to_average}: rides "
                    f"are quiet only from 1 to 5 am on weekdays in [Uber's New York data]({UBER_CITY_MOVEMENT}), "
                    f"{city_busy_hours} busy hours)",
                ),
                ("Drivers online at the peak", drivers_online, "Assumed on this page"),
                ("Position update interval", update_interval, "Assumed on this page"),
                ("Rider queries at the peak", rider_queries_peak, "Assumed on this page"),
                ("Distance checks a core-second", checks_per_core_second, "Assumed: to be measured"),
                ("One core's time a GEOSEARCH, besides its checks", geosearch_command, "Assumed: to be measured"),
                ("A phone's GPS error in the open, meters", gps_error_m, "Assumed on this page"),
                ("Redis memory a GEO member", redis_member_bytes, "Assumed: to be measured"),
                ("Rebuild rate with GEOADD", geoadd_rate, "Assumed: to be measured"),
                ("Simple writes one index node takes", node_writes, "Assumed: to be measured"),
            ],
        )
    )
