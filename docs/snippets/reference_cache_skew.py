"""Reference: how skewed popularity turns into cache hit rates (the "80/20 rule", computed).

Model: item number i (most popular first) is requested with probability proportional to i^-alpha,
a Zipf-like law. Breslau et al. (Web Caching and Zipf-like Distributions, INFOCOM 1999) found web
requests follow such a law with an exponent that varies from trace to trace, so several are shown.
A cache holding the most popular items serves their share of requests (a static, perfect cache:
real caches with LRU eviction do somewhat worse).
"""

import bisect

from sdw.estimation import count, fraction, markdown_table, zipf_served

ITEMS = 1_000_000
EXPONENTS = [0.6, 0.8, 1.0]
TOP_SHARES = [0.01, 0.10, 0.20]
TARGET_HIT_RATE = 0.80


def popularity_curve(alpha: float) -> tuple[list[float], float]:
    """Requests served by the top k items, for each cutoff in TOP_SHARES, and the items needed for the target."""

    def served_by_top(k: int) -> float:  # the sum of i^-alpha for i = 1..k
        return zipf_served(k, alpha)

    total = served_by_top(ITEMS)
    shares = [served_by_top(round(share * ITEMS)) / total for share in TOP_SHARES]
    # The fewest items whose requests reach the target: a bisection over 1..ITEMS.
    needed = bisect.bisect_left(range(1, ITEMS + 1), TARGET_HIT_RATE * total, key=served_by_top) + 1
    return shares, needed / ITEMS


rows, top_20_share, items_for_80 = [], {}, {}
for alpha in EXPONENTS:
    shares, needed = popularity_curve(alpha)
    top_20_share[alpha], items_for_80[alpha] = fraction(shares[-1]), fraction(needed)
    rows.append((count(alpha), *(fraction(s) for s in shares), fraction(needed)))

# Figures the page quotes.
top_20_at_08 = top_20_share[0.8]
top_20_at_06 = top_20_share[0.6]
items_for_80_at_08 = items_for_80[0.8]
items_for_80_at_06 = items_for_80[0.6]
catalog_items = count(ITEMS)

if __name__ != "reference_cache_skew":
    print(
        markdown_table(
            ("Zipf exponent", "Requests to the top 1%", "Top 10%", "Top 20%", "Items a cache needs for 80% hits"),
            rows,
        )
    )
