"""Concepts, proximity search: the exact filter, haversine on a sphere, against the flat
(equirectangular) approximation.

Haversine gives the great-circle distance on a sphere of the IUGG mean radius. The equirectangular
approximation treats a small patch as flat: x = dlon cos(phi), y = dlat, distance = R sqrt(x^2 + y^2),
with dlon wrapped into [-180, 180) degrees first (two points either side of the 180th meridian are
nearly 360 degrees apart unwrapped, and near, wrapped). phi is either the pair's mean latitude (a
cosine a candidate) or the query point's latitude (one cosine a query, then only multiplications a
candidate). The model puts points exactly RADIUS_KM (and SHORT_RADIUS_KM) from a center at LATITUDE
degrees, every degree of bearing round it (destination-point formula on the same sphere), and takes
the worst difference for each choice of phi.

With the query's latitude, x is off by a factor cos(phi0) / cos(phi_mean), about 1 + tan(phi0) dlat / 2,
so for a point at distance d and bearing b the error is about d^2 tan(phi0) sin^2(b) cos(b) / (2R),
largest where cos(b) = 1/sqrt(3) (b = 54.7 degrees; sin^2 cos = 2 / (3 sqrt 3) = 0.3849): it grows
with the square of the distance. With the mean latitude the first-order term cancels and what is
left is third order in d/R. Dropping the
cosine (treating a degree of longitude as a degree of latitude) overstates east-west distances by
1 / cos(latitude). The sphere itself is an approximation of WGS84's ellipsoid: Redis's GEO commands
use haversine and state an error of up to 0.5% (https://redis.io/docs/latest/commands/geoadd/).
"""

import math

from concept_geo_assumptions import EARTH_RADIUS_KM, GPS_ERROR_M

from sdw.estimation import count, fraction, markdown_table, times

RADIUS_KM = 5.0
SHORT_RADIUS_KM = 1.0  # the page's city query radius
LATITUDE = 60.0
R = EARTH_RADIUS_KM


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * R * math.asin(math.sqrt(h))


def wrapped_dlon(lon1: float, lon2: float) -> float:
    """lon2 - lon1 in [-180, 180) degrees: the short way round."""
    return (lon2 - lon1 + 180) % 360 - 180


def flat_km(lat1, lon1, lat2, lon2, with_cosine: bool = True, wrap: bool = True, cos_at: float | None = None) -> float:
    """cos_at None: the pair's mean latitude; a latitude: that one (the query point's, once a query)."""
    dlon = wrapped_dlon(lon1, lon2) if wrap else lon2 - lon1
    phi = (lat1 + lat2) / 2 if cos_at is None else cos_at
    x = math.radians(dlon) * (math.cos(math.radians(phi)) if with_cosine else 1)
    y = math.radians(lat2 - lat1)
    return R * math.hypot(x, y)


def destination(lat, lon, bearing_deg, km):
    p1, l1, b, d = math.radians(lat), math.radians(lon), math.radians(bearing_deg), km / R
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), math.degrees(l2)


def errors(radius: float, cos_at: float | None) -> list[float]:
    """|flat - haversine| in km for points `radius` from the center, one a degree of bearing."""
    ring = [destination(LATITUDE, 0.0, bearing, radius) for bearing in range(360)]
    return [abs(flat_km(LATITUDE, 0.0, la, lo, cos_at=cos_at) - haversine_km(LATITUDE, 0.0, la, lo)) for la, lo in ring]


points = [destination(LATITUDE, 0.0, bearing, RADIUS_KM) for bearing in range(360)]
errors_km = errors(RADIUS_KM, None)  # cosine of each pair's mean latitude
query_errors_km = errors(RADIUS_KM, LATITUDE)  # cosine of the query point's latitude, once a query
short_errors_km = errors(SHORT_RADIUS_KM, None)
short_query_errors_km = errors(SHORT_RADIUS_KM, LATITUDE)

radius_km = count(RADIUS_KM)
short_radius_km = count(SHORT_RADIUS_KM)
latitude = count(LATITUDE)
worst_error_mm = count(max(errors_km) * 1e6)  # per pair, at RADIUS_KM
short_worst_error_um = count(max(short_errors_km) * 1e9)  # per pair, at SHORT_RADIUS_KM
query_worst_error_m = count(max(query_errors_km) * 1e3)  # once a query, at RADIUS_KM
short_query_worst_error_cm = count(max(short_query_errors_km) * 1e5)  # once a query, at SHORT_RADIUS_KM
query_worst_bearing = count(max(range(360), key=lambda b: query_errors_km[b]))
gps_error_m = count(GPS_ERROR_M)
query_error_over_gps = fraction(max(query_errors_km) * 1e3 / GPS_ERROR_M)
short_query_error_over_gps = fraction(max(short_query_errors_km) * 1e3 / GPS_ERROR_M)
no_cosine_overstates = times(1 / math.cos(math.radians(LATITUDE)))
sphere_error_m_at_radius = count(0.005 * RADIUS_KM * 1000)  # Redis's stated worst case, at this radius

# Across the 180th meridian: due east from 179.99 degrees at the same latitude.
east_lat, east_lon = destination(LATITUDE, 179.99, 90, RADIUS_KM)
east_lon = (east_lon + 180) % 360 - 180  # written as a longitude: negative, past the meridian
antimeridian_wrapped_km = count(flat_km(LATITUDE, 179.99, east_lat, east_lon))
antimeridian_unwrapped_km = count(flat_km(LATITUDE, 179.99, east_lat, east_lon, wrap=False))

SHOWN_BEARINGS = (0, 45, 55, 58, 90)
NOISE_KM = 1e-9  # 1 micrometer: below it, a difference is floating-point noise, not the formula's error


def error_text(error_km: float, per_km: float, unit: str) -> str:
    """An error in the table's unit, or 0 where it is only rounding (due north both formulas are exact)."""
    return f"0 {unit}" if error_km < NOISE_KM else f"{count(error_km * per_km)} {unit}"


def metres_text(error_km: float) -> str:
    """An error in meters, or in millimeters below 1 cm, so the column never shows 0.00192 m."""
    if error_km >= NOISE_KM and error_km * 1e3 < 0.01:
        return error_text(error_km, 1e6, "mm")
    return error_text(error_km, 1e3, "m")


rows = [
    (
        f"{b}°",
        f"{haversine_km(LATITUDE, 0.0, *points[b]):.7f} km",
        error_text(errors_km[b], 1e6, "mm"),
        metres_text(query_errors_km[b]),
        f"{flat_km(LATITUDE, 0.0, *points[b], with_cosine=False):.3f} km",
    )
    for b in SHOWN_BEARINGS
]

if __name__ != "concept_geo_distance":
    print(
        markdown_table(
            (
                f"Bearing from a point at {latitude}°",
                "Haversine",
                "Flat, cosine a pair: off by",
                "Flat, cosine once a query: off by",
                "Flat, without the cosine",
            ),
            rows,
        )
    )
    print()
    print(
        f"The worst of 360 bearings at {radius_km} km: {worst_error_mm} mm with the cosine a pair, "
        f"{query_worst_error_m} m with it once a query (at {query_worst_bearing}°). At {short_radius_km} km: "
        f"{short_worst_error_um} µm and {short_query_worst_error_cm} cm. A sphere instead of the ellipsoid "
        f"costs up to {sphere_error_m_at_radius} m at {radius_km} km."
    )
