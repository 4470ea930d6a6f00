"""Concepts, CDNs and object storage: why a CDN's edges miss the long tail, and what a shared tier in
front of the origin (an origin shield, or tiered cache) recovers.

Model. Requests arrive at EDGES edge locations, each request at one of them at random. A cache that
has fetched an object keeps it for the rest of the day (enough disk for everything it fetched: an
upper bound on hits; a full cache evicts and does worse), so each location that sees an object at
least once fetches it once. An object requested k times a day is then fetched by E (1 - (1 - 1/E)^k)
edges, about min(k, E): an object requested fewer times than there are edges misses almost every
time. With a shield in front of the origin, every edge miss goes to the shield, which fetches the
object from the origin once.

Popularity: CATALOG objects that may be requested in a day, object number i drawing requests in
proportion to i^-ALPHA (a Zipf-like law; Breslau et al., INFOCOM 1999, measured exponents of about
0.6 to 0.8 in web traces), REQUESTS_PER_DAY in all. Object i expects k_i = Q p_i requests, Poisson:
it is fetched by E (1 - e^(-k_i / E)) edges, and from the origin through a shield 1 - e^(-k_i) times,
once if it is read at all. So with a shield the hit ratio is at most 1 - (objects read that day) /
(requests): one compulsory miss per object for caches whose copies live a day at most (a copy kept
from an earlier day avoids it), which the catalog sets more than anything else. The
catalog is large enough for a real tail: its least-read objects expect a request or two a day. Two
other rows show what a smaller catalog, every object of it read many times, and a steeper law
change. The head is summed object by object, the rest in bins of nearby ranks.
"""

import math

from url_shortener_reliability import cdn_cache_tiers

from sdw.estimation import SECONDS_PER_DAY, count, fraction, markdown_table, per_day, per_second, times, zipf_served

EDGES = 50  # edge locations that serve the audience
CATALOG = 1_000_000_000  # objects that may be requested in a day
REQUESTS_PER_DAY = 8.64e9  # 100,000 a second on average
ALPHA = 0.8
SMALL_CATALOG = 100_000_000  # the same traffic over a tenth of the objects
STEEP_ALPHA = 1.0  # a steeper popularity law over the same catalog
EXACT_RANKS = 10_000
BIN_RATIO = 1.01

# --- One object at a time --------------------------------------------------------------------------------
REQUESTS_PER_OBJECT = [1, 10, 50, 100, 1_000, 10_000]


def edges_fetching(requests: float) -> float:
    return EDGES * (1 - (1 - 1 / EDGES) ** requests)


object_rows = [
    (
        count(k),
        count(edges_fetching(k)),
        fraction(max(0.0, 1 - edges_fetching(k) / k)),  # k = 1: exactly one edge fetches it
        count(1),
        fraction(1 - 1 / k),
    )
    for k in REQUESTS_PER_OBJECT
]
edges = count(EDGES)
fetches_at_edges = count(edges_fetching(EDGES))
edge_hit_at_edges = fraction(1 - edges_fetching(EDGES) / EDGES)
fetches_at_100 = count(edges_fetching(100))
edge_hit_at_100 = fraction(1 - edges_fetching(100) / 100)
shield_hit_at_100 = fraction(1 - 1 / 100)

# --- The whole catalog -----------------------------------------------------------------------------------


def groups(catalog: int, alpha: float, total_weight: float):
    """(objects, expected requests a day for each) over the catalog: one by one, then in bins."""
    for rank in range(1, EXACT_RANKS + 1):
        yield 1, REQUESTS_PER_DAY * rank**-alpha / total_weight
    low = EXACT_RANKS
    while low < catalog:
        high = min(catalog, max(low + 1, int(low * BIN_RATIO)))
        weight = zipf_served(high, alpha) - zipf_served(low, alpha)
        yield high - low, REQUESTS_PER_DAY * weight / total_weight / (high - low)
        low = high


def origin_fetches(catalog: int, alpha: float) -> tuple[float, float]:
    """Origin fetches a day over the catalog: with edges alone, and through a shield."""
    total_weight = zipf_served(catalog, alpha)
    edge_fetches = shield_fetches = 0.0
    for objects, k in groups(catalog, alpha, total_weight):
        edge_fetches += objects * EDGES * -math.expm1(-k / EDGES)
        shield_fetches += objects * -math.expm1(-k)
    return edge_fetches, shield_fetches


def least_read(catalog: int, alpha: float) -> float:
    """Requests a day the least popular object expects."""
    return REQUESTS_PER_DAY * catalog**-alpha / zipf_served(catalog, alpha)


edge_fetches, shield_fetches = origin_fetches(CATALOG, ALPHA)
edge_only_hit = fraction(1 - edge_fetches / REQUESTS_PER_DAY)
shield_hit = fraction(1 - shield_fetches / REQUESTS_PER_DAY)
edge_origin_requests = per_second(edge_fetches / SECONDS_PER_DAY)
shield_origin_requests = per_second(shield_fetches / SECONDS_PER_DAY)
shield_cut = times(edge_fetches / shield_fetches)
# With a shield, each object read that day is one origin fetch: the shield's ceiling is set by these.
objects_read = count(shield_fetches)
least_read_requests = count(least_read(CATALOG, ALPHA))
# The tail: objects requested fewer times a day than there are edges. Object i draws k_i >= E while
# i <= (Q / (E x total weight))^(1 / ALPHA).
total_weight = zipf_served(CATALOG, ALPHA)
head_objects = count(math.floor((REQUESTS_PER_DAY / (EDGES * total_weight)) ** (1 / ALPHA)))
head_share_of_catalog = fraction(head_objects / CATALOG)
tail_request_share = fraction(1 - zipf_served(head_objects, ALPHA) / total_weight)

# The same traffic over a smaller catalog, and over the same catalog with a steeper law.
small_edge_fetches, small_shield_fetches = origin_fetches(SMALL_CATALOG, ALPHA)
small_catalog = count(SMALL_CATALOG)
small_least_read_requests = count(least_read(SMALL_CATALOG, ALPHA))
small_edge_only_hit = fraction(1 - small_edge_fetches / REQUESTS_PER_DAY)
small_shield_hit = fraction(1 - small_shield_fetches / REQUESTS_PER_DAY)
steep_edge_fetches, steep_shield_fetches = origin_fetches(CATALOG, STEEP_ALPHA)
steep_alpha = count(STEEP_ALPHA)
steep_least_read_requests = count(least_read(CATALOG, STEEP_ALPHA))
steep_edge_only_hit = fraction(1 - steep_edge_fetches / REQUESTS_PER_DAY)
steep_shield_hit = fraction(1 - steep_shield_fetches / REQUESTS_PER_DAY)

catalog = count(CATALOG)
requests_per_day = per_day(REQUESTS_PER_DAY)
requests_per_second = per_second(REQUESTS_PER_DAY / SECONDS_PER_DAY)
alpha = count(ALPHA)

# Layers that may each keep a copy a full lifetime on CloudFront: a location and its regional edge cache (the URL
# shortener's two), and Origin Shield above them, a third.
cdn_cache_tiers_with_shield = count(cdn_cache_tiers + 1)

if __name__ != "concept_cdn_tail":
    print(
        markdown_table(
            (
                "Requests for one object a day",
                f"Edges that fetch it (of {edges})",
                "Hit ratio, edges alone",
                "Origin fetches with a shield",
                "Hit ratio with a shield",
            ),
            object_rows,
        )
    )
    print()
    print(
        markdown_table(
            (
                f"{requests_per_day} over",
                "Zipf exponent",
                "Least-read object's requests a day",
                "Hit ratio, edges alone",
                "Hit ratio with a shield",
                "Origin requests, edges alone",
                "Origin requests with a shield",
            ),
            [
                (
                    f"{catalog} objects",
                    alpha,
                    least_read_requests,
                    edge_only_hit,
                    shield_hit,
                    edge_origin_requests,
                    shield_origin_requests,
                ),
                (
                    f"{small_catalog} objects",
                    alpha,
                    small_least_read_requests,
                    small_edge_only_hit,
                    small_shield_hit,
                    per_second(small_edge_fetches / SECONDS_PER_DAY),
                    per_second(small_shield_fetches / SECONDS_PER_DAY),
                ),
                (
                    f"{catalog} objects",
                    steep_alpha,
                    steep_least_read_requests,
                    steep_edge_only_hit,
                    steep_shield_hit,
                    per_second(steep_edge_fetches / SECONDS_PER_DAY),
                    per_second(steep_shield_fetches / SECONDS_PER_DAY),
                ),
            ],
        )
    )
    print()
    print(
        f"Of {catalog} objects, those requested fewer than {edges} times a day are all but the top {head_objects} "
        f"({head_share_of_catalog} of the catalog); they draw {tail_request_share} of the requests. With a shield, "
        f"each of the {objects_read} objects read that day is one origin fetch."
    )
