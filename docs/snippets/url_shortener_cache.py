"""URL shortener worked example: how big the redirect cache must be, from the skew of link popularity.

The site's Zipf model (reference_cache_skew.py): the i-th most clicked link of the day draws
clicks in proportion to i**-alpha; sdw.estimation.zipf_served sums it (Euler-Maclaurin past the
first 10,000 terms, checked against exact sums in the tests).

A cache that always holds the k most clicked links serves their share, less its first misses. A
plain LRU cache of the same size does worse; Che's approximation (Fricker, Robert and Roberts,
arXiv:1202.3974, explain why it is accurate) gives its hit rate.
"""

import math

from url_shortener_assumptions import (
    cache_entry_overhead_bytes,
    cache_failover_time,
    cache_hit_target,
    cache_memory_per_server,
    cache_ops_per_server,
    distinct_links_clicked_per_day,
    in_process_cache_bytes,
    links_created_per_day,
    long_url_bytes,
    status_bytes,
    timestamp_bytes,
    unknown_key_share,
    zipf_exponent,
    zones,
)
from url_shortener_keys import key_length
from url_shortener_misses import redirect_miss_share, store_read_share, zipf_total
from url_shortener_traffic import (
    creations_per_second_peak,
    redirect_servers,
    redirects_per_day,
    redirects_per_second_peak,
)

from sdw.estimation import count, fraction, markdown_table, peak, size, times, zipf_served

EXPONENTS = [0.6, 0.8, 1.0]


def hit_rate(entries: float, alpha: float, catalog: float = distinct_links_clicked_per_day) -> float:
    return zipf_served(min(entries, catalog), alpha) / zipf_served(catalog, alpha)


def entries_for(target: float, alpha: float, catalog: float = distinct_links_clicked_per_day) -> float:
    low, high = 1.0, float(catalog)
    for _ in range(100):  # bisection on a smooth, increasing function
        middle = (low + high) / 2
        low, high = (middle, high) if hit_rate(middle, alpha, catalog) < target else (low, middle)
    return high


def lru_hit_rate(entries: float, alpha: float, catalog: float = distinct_links_clicked_per_day) -> float:
    """Che's approximation: an LRU cache of `entries` keeps a link about as long as `t` requests take
    to arrive, where sum_i (1 - exp(-p_i t)) = entries; its hit rate is sum_i p_i (1 - exp(-p_i t)).
    The first thousand terms are summed exactly, the rest integrated (Simpson's rule in log i)."""
    norm = zipf_served(catalog, alpha)
    head = [i**-alpha / norm for i in range(1, 1001)]
    low_u, high_u, steps = math.log(1000.5), math.log(catalog + 0.5), 400
    step = (high_u - low_u) / steps
    tail = []
    for k in range(steps + 1):
        x = math.exp(low_u + k * step)
        weight = (1 if k in (0, steps) else 4 if k % 2 else 2) * step / 3 * x
        tail.append((x**-alpha / norm, weight))

    def held_and_hit(t: float) -> tuple[float, float]:
        held = math.fsum(-math.expm1(-p * t) for p in head) + math.fsum(w * -math.expm1(-p * t) for p, w in tail)
        hit = math.fsum(p * -math.expm1(-p * t) for p in head) + math.fsum(w * p * -math.expm1(-p * t) for p, w in tail)
        return held, hit

    low, high = 1.0, 1e15
    for _ in range(60):  # bisection on a log scale: t spans many orders of magnitude
        middle = math.sqrt(low * high)
        low, high = (middle, high) if held_and_hit(middle)[0] < entries else (low, middle)
    return held_and_hit(high)[1]


# One cached link: key, destination, two timestamps (its expiry and `read_at`, when its content was read
# from the store, which the one-day age limit of step 6 tests), the status (one byte, step 4), and the
# cache's own overhead.
cache_entry_bytes = size(key_length + long_url_bytes + 2 * timestamp_bytes + status_bytes + cache_entry_overhead_bytes)

rows = []
for alpha in EXPONENTS:
    entries = entries_for(cache_hit_target, alpha)
    rows.append(
        (
            count(alpha),
            fraction(hit_rate(0.01 * distinct_links_clicked_per_day, alpha)),
            fraction(hit_rate(0.20 * distinct_links_clicked_per_day, alpha)),
            count(entries),
            fraction(entries / distinct_links_clicked_per_day),
            size(entries * cache_entry_bytes),
        )
    )

# How far the exponent's plausible range moves the answer.
share_of_links_for_target_flattest = fraction(
    entries_for(cache_hit_target, EXPONENTS[0]) / distinct_links_clicked_per_day
)
share_of_links_for_target_steepest = fraction(
    entries_for(cache_hit_target, EXPONENTS[-1]) / distinct_links_clicked_per_day
)
cache_bytes_swing = times(share_of_links_for_target_flattest / share_of_links_for_target_steepest)

# The exponent we assume.
entries_for_target = count(entries_for(cache_hit_target, zipf_exponent))
share_of_links_for_target = fraction(entries_for_target / distinct_links_clicked_per_day)
cache_bytes_for_target = size(entries_for_target * cache_entry_bytes)
top_20_share = fraction(hit_rate(0.20 * distinct_links_clicked_per_day, zipf_exponent))

# The whole day's clicked set, plus a day of new links written in at creation.
whole_day_bytes = size(distinct_links_clicked_per_day * cache_entry_bytes)
shared_cache_bytes_per_zone = size((distinct_links_clicked_per_day + links_created_per_day) * cache_entry_bytes)
# Each zone's cluster is a primary and a replica that each hold the whole set (step 5): two copies.
cache_copies_per_zone = count(2)
shared_cache_bytes_all_zones = size(shared_cache_bytes_per_zone * cache_copies_per_zone * zones)

# The in-process cache in each redirect server keeps the most clicked links, but a copy lives a day at
# most (step 6) and any of the S servers gets any click: a link of n clicks a day misses once on each
# of the S (1 - e^(-n/S)) it reaches.
in_process_entries = count(in_process_cache_bytes / cache_entry_bytes)
in_process_share_of_day = fraction(in_process_entries / distinct_links_clicked_per_day)
in_process_hit_rate = fraction(
    zipf_total(lambda n: n + redirect_servers * math.expm1(-n / redirect_servers), zipf_exponent, in_process_entries)
    / redirects_per_day
)
in_process_hit_rate_lru = fraction(lru_hit_rate(in_process_entries, zipf_exponent))  # plain LRU, for contrast

# Load on the shared tier at peak, and on the database behind it. Reads: what the in-process caches
# pass on. Writes: each miss filled back in its zone (cache-aside), and the creations' (below).
shared_cache_reads_peak = peak(redirects_per_second_peak * (1 - in_process_hit_rate))
shared_cache_misses_peak = peak(redirects_per_second_peak * redirect_miss_share)


def cache_ops_per_creation_with(zones_up: int) -> int:
    """A set in the creation's own zone, and a delete and the filler's set in every other zone up."""
    return 1 + 2 * (zones_up - 1)


cache_ops_per_creation = count(cache_ops_per_creation_with(zones))
# A GET does not return the key's remaining time, so each lookup pipelines a GET and a PTTL in one
# round trip: two operations a lookup, hit or miss. A hit renews the entry's idle day (EXPIRE, a write
# the replica copies too) only when less than 23 hours of it are left, at most once an hour per key; a
# hit that refreshes the entry (step 6) writes it instead. Bounded here by one write per hit.
cache_ops_per_lookup = count(2)
shared_cache_renewals_peak_max = peak(shared_cache_reads_peak - shared_cache_misses_peak)


def shared_cache_ops(zones_up: int) -> float:
    """Every zone's shared-cache operations at peak, with this many zones up."""
    return (
        shared_cache_reads_peak * cache_ops_per_lookup
        + shared_cache_misses_peak
        + shared_cache_renewals_peak_max
        + creations_per_second_peak * cache_ops_per_creation_with(zones_up)
    )


shared_cache_ops_peak = peak(shared_cache_ops(zones))
# With a zone lost, its redirects move to the others, and a creation touches one zone fewer.
shared_cache_ops_per_zone_after_loss = peak(shared_cache_ops(zones - 1) / (zones - 1))
shared_cache_load_after_loss = fraction(shared_cache_ops_per_zone_after_loss / cache_ops_per_server)
cache_servers_per_zone = count(
    max(
        # never one: a single server per zone is a planned outage every time it restarts
        cache_copies_per_zone,
        cache_copies_per_zone * math.ceil(shared_cache_bytes_per_zone / cache_memory_per_server),
        math.ceil(shared_cache_ops_per_zone_after_loss / cache_ops_per_server),
    )
)
# The misses and the age limit's re-reads, a pair's 23 h apart at least, and the unknown keys (url_shortener_misses).
database_reads_peak = peak(redirects_per_second_peak * (store_read_share + unknown_key_share))
# The cache filler re-reads a new link's status (a quorum read) before writing it into the other
# zones' caches: once per "link created" event, both zones written from that one read; a cache that is
# down costs no reads (step 6). After a failover, each creation whose write into that zone waited is
# read once more: those made in the other zones, since the filler never writes into its own zone.
filler_reads_peak = peak(creations_per_second_peak)
filler_rereads_after_failover = count(creations_per_second_peak * cache_failover_time * (zones - 1) / zones)
store_reads_peak = peak(database_reads_peak + filler_reads_peak)
# A creation's delete in each other zone leaves a "created at T" marker (T: when the link service sends
# it, after the insert's acknowledgment), kept a minute. Unlike a purge's, it refuses only an "absent"
# read before T (plus the clock margin), so a miss that read the store before the insert cannot write
# it after the delete; the filler's passes. Each zone holds a minute's markers of the other zones'
# creations at peak.
creation_markers_per_zone = count(creations_per_second_peak * 60 * (zones - 1) / zones)
creation_marker_bytes_per_zone = size(
    creation_markers_per_zone * (key_length + timestamp_bytes + cache_entry_overhead_bytes)
)

if __name__ != "url_shortener_cache":
    print(
        markdown_table(
            (
                "Zipf exponent",
                "Clicks to the top 1% of links",
                "Top 20%",
                f"Links cached for {cache_hit_target} hits",
                "Share of the day's links",
                "Memory, one copy",
            ),
            rows,
        )
    )
    print()
    print(
        markdown_table(
            ("Cache figure", "Value"),
            [
                ("Bytes per cached link", cache_entry_bytes),
                ("Every link clicked in a day", whole_day_bytes),
                ("Shared cache per zone (a day clicked + a day created)", shared_cache_bytes_per_zone),
                (f"In-process cache: links in {in_process_cache_bytes}", in_process_entries),
                ("... its hit rate, keeping the most clicked links", in_process_hit_rate),
                ("... with plain LRU eviction instead (Che)", in_process_hit_rate_lru),
                (
                    f"Shared cache operations at peak: reads, fills after misses, renewals (at most one a hit), "
                    f"{cache_ops_per_creation} a creation",
                    shared_cache_ops_peak,
                ),
                ("... per zone with a zone lost", shared_cache_ops_per_zone_after_loss),
                ("Cache servers per zone", cache_servers_per_zone),
                (
                    f"Database reads at peak: misses, re-reads ({store_read_share} of redirects, about), unknown keys",
                    database_reads_peak,
                ),
                ("... plus the cache filler's reads, one per creation", filler_reads_peak),
                ("Link store reads at peak for redirects (with the filler's)", store_reads_peak),
                (
                    f"Filler's extra reads after a {cache_failover_time} cache failover, once",
                    filler_rereads_after_failover,
                ),
                ("Creation markers per zone, a minute's at peak", creation_markers_per_zone),
                ("... their memory", creation_marker_bytes_per_zone),
            ],
        )
    )
