"""Reference: how long light takes in fiber, the floor under every long-distance round trip."""

import math

from sdw.estimation import count, duration, fraction, markdown_table, times

# --- Physical facts --------------------------------------------------------------------------------
SPEED_OF_LIGHT_M_PER_S = 299_792_458  # exact: it defines the meter (SI, BIPM)
FIBER_GROUP_INDEX = 1.4682  # single-mode fiber at 1550 nm (Corning SMF-28 Ultra product information)
EARTH_MEAN_RADIUS_KM = 6_371.0088  # IUGG mean radius of the Earth

fiber_km_per_s = SPEED_OF_LIGHT_M_PER_S / FIBER_GROUP_INDEX / 1000
fiber_speed_share = fraction(1 / FIBER_GROUP_INDEX)  # share of the speed of light in vacuum

# City centers (latitude, longitude in degrees).
CITIES = {
    "San Francisco": (37.7749, -122.4194),
    "Amsterdam": (52.3676, 4.9041),
    "New York": (40.7128, -74.0060),
    "London": (51.5074, -0.1278),
    "Tokyo": (35.6762, 139.6503),
    "Singapore": (1.3521, 103.8198),
}


def great_circle_km(a: str, b: str) -> float:
    """The shortest path over the Earth's surface (haversine formula, spherical Earth)."""
    (lat1, lon1), (lat2, lon2) = (map(math.radians, CITIES[a]), map(math.radians, CITIES[b]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_MEAN_RADIUS_KM * math.asin(math.sqrt(h))


def round_trip_floor(km: float) -> float:
    """Out and back along the straightest possible fiber, with no switching or queueing at all."""
    return 2 * km / fiber_km_per_s


# Distances that are not city pairs: a data-center hall, and two availability zones at the
# 100 km upper bound AWS gives for the zones of one region (AWS Fault Isolation Boundaries).
SHORT_PATHS_KM = [("Across a data-center hall (300 m of fiber)", 0.3), ("Between two zones 100 km apart", 100.0)]
ROUTES = [("San Francisco", "Amsterdam"), ("New York", "London"), ("San Francisco", "Tokyo"), ("London", "Singapore")]

rows = [(label, count(km), duration(round_trip_floor(km))) for label, km in SHORT_PATHS_KM]
for a, b in ROUTES:
    km = great_circle_km(a, b)
    rows.append((f"{a} to {b}", count(km), duration(round_trip_floor(km))))

sf_amsterdam_km = count(great_circle_km("San Francisco", "Amsterdam"))
sf_amsterdam_rtt_floor = duration(round_trip_floor(sf_amsterdam_km))
# Dean's 2009 figure for a California-Netherlands round trip, against the physical floor.
dean_california_netherlands = duration(150e-3)
dean_over_floor = times(dean_california_netherlands / sf_amsterdam_rtt_floor)
zone_pair_rtt_floor = duration(round_trip_floor(100.0))
fiber_microseconds_per_km = duration(1 / fiber_km_per_s)

if __name__ != "reference_fiber":
    print(markdown_table(("Path", "Distance (km)", "Round trip, physical floor"), rows))
    print()
    print(
        f"Light in fiber covers a kilometer in {fiber_microseconds_per_km}, about {fiber_speed_share} of its "
        f"speed in vacuum. Dean's {dean_california_netherlands} California-Netherlands round trip is "
        f"{dean_over_floor} the floor for San Francisco to Amsterdam."
    )
