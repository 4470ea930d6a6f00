"""URL shortener worked example: how many redirects miss the zone's cache and read the store (step 6).

After a miss, a zone's redirect cache answers every click on that link for a day: its idle TTL and
its age limit both run a day from the store read (step 6). So a link misses at most once a day in
each zone it is clicked in, purges and failures aside. The site's popularity model gives the i-th of
the day's clicked links n_i clicks (Zipf over the distinct links clicked a day), each landing in a
zone at random: the link is seen in a zone with probability 1 - (1 - 1/zones)**n_i, and in one zone
at least, since it was clicked (n_i under one counts as one). Counting each (link, zone) pair as a
miss gives the most the redirects can miss. Fewer do: a link made within the day is written into
every zone at creation, and one clicked steadily is re-read ahead of its age limit and never misses.

A hit in an entry's last hour re-reads the store in the background instead, so the next store read
of that pair comes 23 hours after the last at the soonest, a miss or a re-read: the store's reads
for redirects are about the pairs' share times 24/23 (a pair clicked day after day; one whose clicks
stop may spend one last re-read no click uses).

The edge (step 6's hot links) keeps a link's answer a minute at each regional cache: with clicks
arriving at random and spread evenly over the regional caches, a link clicked r times a second
reaches the origin r / (1 + r * TTL / caches) times. What it takes are the hot links' repeats, which
the in-process caches would have answered; the misses stay, so they are a larger share of the
redirects that reach the origin, the most at the peak. So do the unknown keys, whose 404 the edge
keeps only seconds (step 3), too short to take many: each reads the store unless its zone's cache
holds the key's minute-long "absent" entry, and every one is counted as a read, at most.
"""

import math

from url_shortener_assumptions import (
    cache_entry_max_age,
    distinct_links_clicked_per_day,
    edge_ttl,
    peak_to_average,
    percentile_budget_share,
    regional_edge_caches,
    unknown_key_share,
    zipf_exponent,
    zones,
)
from url_shortener_traffic import redirects_per_day

from sdw.estimation import SECONDS_PER_DAY, count, duration, fraction, markdown_table, per_day, zipf_served

EXPONENTS = [0.6, 0.8, 1.0]
# A hit in an entry's last hour before its age limit re-reads the store (step 6), so a (link, zone)
# pair's store reads, misses or re-reads, come this far apart at the least.
refresh_window = duration(3600)
store_read_gap_min = duration(cache_entry_max_age - refresh_window)


def zipf_total(per_link, alpha: float, top: float = distinct_links_clicked_per_day) -> float:
    """per_link(n_i) summed over the `top` most clicked of the day's links (all of them unless given;
    over a thousand), n_i = clicks * i**-alpha / H: the first thousand exactly, the rest integrated
    (Simpson's rule in log i)."""
    clicks_of_first = redirects_per_day / zipf_served(distinct_links_clicked_per_day, alpha)

    def term(i: float) -> float:
        return per_link(clicks_of_first * i**-alpha)

    head = math.fsum(term(i) for i in range(1, 1001))
    low, high, steps = math.log(1000.5), math.log(top + 0.5), 400
    step = (high - low) / steps
    points = [math.exp(low + k * step) for k in range(steps + 1)]
    weights = [(1 if k in (0, steps) else 4 if k % 2 else 2) * step / 3 for k in range(steps + 1)]
    return head + math.fsum(w * x * term(x) for w, x in zip(weights, points, strict=True))


def pairs_clicked(alpha: float) -> float:
    """(link, zone) pairs clicked in a day."""
    return zones * zipf_total(lambda n: 1 - (1 - 1 / zones) ** max(n, 1), alpha)


def edge_pass_share_at(alpha: float) -> float:
    """Share of the peak's clicks the edge passes to the origin."""
    repeats_per_click = peak_to_average / SECONDS_PER_DAY * edge_ttl / regional_edge_caches
    return zipf_total(lambda n: n / (1 + n * repeats_per_click), alpha) / redirects_per_day


def store_percentile_for_p99(miss_share: float) -> float:
    """The slowest share a p99 leaves out all come from the store reads, so the p99 is this percentile of them."""
    return 1 - percentile_budget_share / miss_share


pairs_clicked_per_day = per_day(pairs_clicked(zipf_exponent))
# The most the redirects miss, counted as if the edge answered none, as the fleet is sized.
redirect_miss_share = fraction(pairs_clicked_per_day / redirects_per_day)
# With the age limit's background re-reads: the store's reads for redirects, at most.
store_read_share = fraction(redirect_miss_share * cache_entry_max_age / store_read_gap_min)
# The redirects that reach the origin at peak, and the share of them that miss, at most.
edge_pass_share_peak = fraction(edge_pass_share_at(zipf_exponent))
origin_miss_share = fraction(redirect_miss_share / edge_pass_share_peak)
# The origin's store reads at peak: its misses and its unknown keys, every one of those at most.
origin_unknown_share = fraction(unknown_key_share / edge_pass_share_peak)
origin_store_share = fraction(origin_miss_share + origin_unknown_share)
rows = []
for alpha in EXPONENTS:
    miss_share, passed = pairs_clicked(alpha) / redirects_per_day, edge_pass_share_at(alpha)
    rows.append(
        (
            count(alpha),
            per_day(pairs_clicked(alpha)),
            fraction(miss_share),
            fraction(passed),
            fraction(miss_share / passed),
            fraction(store_percentile_for_p99((miss_share + unknown_key_share) / passed)),
        )
    )
# With a tenth of redirects missing, the old assumption, the p99 would need only the store's p90.
store_percentile_at_a_tenth = fraction(store_percentile_for_p99(0.1))

if __name__ != "url_shortener_misses":
    print(
        markdown_table(
            (
                "Zipf exponent",
                "(link, zone) pairs clicked a day",
                "Redirects that miss, at most",
                "Share the edge passes on at peak",
                "Origin's redirects that miss at peak",
                "Store reads (unknown keys' too) the p99 needs within budget",
            ),
            rows,
        )
    )
