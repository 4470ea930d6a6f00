"""Concepts, CDNs and object storage: why a CDN's edges miss the long tail, and what a shared tier in
front of the origin (an origin shield, or tiered cache) recovers.

Model. Requests arrive at EDGES edge locations, each request at one of them at random. A cache that
has fetched an object keeps it for the rest of the day (enough disk for everything it fetched: an
upper bound on hits; a full cache evicts and does worse), so each location that sees an object at
least once fetches it once. An object requested k times a day is then fetched by E (1 - (1 - 1/E)^k)
edges, about min(k, E): an object requested fewer times than there are edges misses almost every
time. With a shield in front of the origin, every edge miss goes to the shield, which fetches the
object from the origin once.

Popularity: CATALOG objects requested in a day, object number i drawing requests in proportion to
i^-ALPHA (a Zipf-like law; Breslau et al., INFOCOM 1999, measured exponents of about 0.6 to 0.8 in
web traces), REQUESTS_PER_DAY in all. Object i expects k_i = Q p_i requests, Poisson: it is fetched
by E (1 - e^(-k_i / E)) edges, and from the origin through a shield 1 - e^(-k_i) times. The head is
summed object by object, the rest in bins of nearby ranks.
"""

import math

from sdw.estimation import SECONDS_PER_DAY, count, fraction, markdown_table, per_day, per_second, times, zipf_served

EDGES = 50  # edge locations that serve the audience
CATALOG = 100_000_000  # objects requested at least once in a day, in expectation
REQUESTS_PER_DAY = 8.64e9  # 100,000 a second on average
ALPHA = 0.8
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
total_weight = zipf_served(CATALOG, ALPHA)


def groups():
    """(objects, expected requests a day for each) over the catalog: one by one, then in bins."""
    for rank in range(1, EXACT_RANKS + 1):
        yield 1, REQUESTS_PER_DAY * rank**-ALPHA / total_weight
    low = EXACT_RANKS
    while low < CATALOG:
        high = min(CATALOG, max(low + 1, int(low * BIN_RATIO)))
        weight = zipf_served(high, ALPHA) - zipf_served(low, ALPHA)
        yield high - low, REQUESTS_PER_DAY * weight / total_weight / (high - low)
        low = high


edge_fetches = 0.0  # origin fetches a day with edges alone
shield_fetches = 0.0  # origin fetches a day through a shield
for objects, k in groups():
    edge_fetches += objects * EDGES * -math.expm1(-k / EDGES)
    shield_fetches += objects * -math.expm1(-k)

edge_only_hit = fraction(1 - edge_fetches / REQUESTS_PER_DAY)
shield_hit = fraction(1 - shield_fetches / REQUESTS_PER_DAY)
edge_origin_requests = per_second(edge_fetches / SECONDS_PER_DAY)
shield_origin_requests = per_second(shield_fetches / SECONDS_PER_DAY)
shield_cut = times(edge_fetches / shield_fetches)
# The tail: objects requested fewer times a day than there are edges. Object i draws k_i >= E while
# i <= (Q / (E x total weight))^(1 / ALPHA).
head_objects = count(math.floor((REQUESTS_PER_DAY / (EDGES * total_weight)) ** (1 / ALPHA)))
head_share_of_catalog = fraction(head_objects / CATALOG)
tail_request_share = fraction(1 - zipf_served(head_objects, ALPHA) / total_weight)

catalog = count(CATALOG)
requests_per_day = per_day(REQUESTS_PER_DAY)
requests_per_second = per_second(REQUESTS_PER_DAY / SECONDS_PER_DAY)
alpha = count(ALPHA)

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
            (f"{catalog} objects, {requests_per_day}, Zipf exponent {alpha}", "Edges alone", "With a shield"),
            [
                ("Hit ratio", edge_only_hit, shield_hit),
                ("Origin requests", edge_origin_requests, shield_origin_requests),
            ],
        )
    )
    print()
    print(
        f"Objects requested fewer than {edges} times a day: all but the top {head_objects} "
        f"({head_share_of_catalog} of the catalog); they draw {tail_request_share} of the requests."
    )
