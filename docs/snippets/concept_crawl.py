"""Concepts, web crawling: the crawl's rates, bytes and nodes; what politeness does to a frontier's
queues and connections; DNS and robots.txt fetches; freshness against revisit intervals; and the
failure cases' numbers.

Scale: fetches a second are the pages kept fresh over the mean revisit interval; the peak is the
page's chosen factor over that. Bytes a page are Common Crawl's December 2024 content over its
pages (uncompressed; a server that compresses sends less).

Politeness: a host gives one fetch per (fetch time + gap), the gap being a multiple of the fetch
time. A large host that must give more than that gets several connections: by Little's law, its
rate x fetch time of them. By Little's law a node making R fetches a second keeps R x fetch time connections open, and
needs R x (fetch time + gap) hosts ready to fetch from, one back queue each; with fewer, its
threads wait on the gap and its rate falls to (back queues) / (fetch time + gap).

DNS and robots.txt: one lookup and one robots.txt fetch per visit to a host, when each page's next
fetch is rounded to its host's next visit slot, slots a mean revisit interval apart (at the peak,
visits scale with fetches); one a day each if its pages were spread over the days (a robots.txt should
not be cached for more than a day). The rounding's cost: a page waits up to one slot past its ideal
time, half a slot on average if its ideal times fall evenly between slots. A pool of T threads
making blocking lookups of t seconds resolves at most T / t a second.

Freshness (Cho and Garcia-Molina, ACM TODS 2003): a page that changes as a Poisson process at rate
L and is fetched every I is fresh, on average, for (1 - exp(-L I)) / (L I) of the time, and its
copy's mean age is I / 2 - 1 / L + (1 - exp(-L I)) / (L^2 I). With two kinds of page and a fixed
budget of fetches, the split that keeps the most pages fresh is found by trying every split to a
thousandth.

Storage: every fetch written compressed is an upper bound (a 304 has no body, a near-duplicate is a
pointer); keeping every copy for a year is that times 365, keeping a fixed number of versions of
each page is that number times the latest snapshot, and the raw bytes that times the object store's
6 + 3 coding overhead. Compacting an archive once its live share falls to s copies s / (1 - s) bytes
for each byte it frees, and in steady state the bytes freed a day are the bytes written.

Nodes: the peak over a node's rate, rounded up, plus a spare, so that with one node lost the rest
still meet the peak. Per-node figures divide by the peak's count, what each node carries with one
lost. A shared address's fleet-wide rate cap is split evenly over those nodes, none asking the
others, and recomputed when the count changes; an address of many sites covers their pages at the
cap.
"""

import math

from concept_crawl_assumptions import (
    ADDRESS_FETCHES_PER_SECOND,
    BACK_QUEUES_PER_THREAD,
    BIG_HOST_PAGES,
    CLOCK_MARGIN_SECONDS,
    COMPACT_LIVE_SHARE,
    COMPRESSION,
    DNS_MISS_SECONDS,
    DNS_SLOW_SECONDS,
    FETCH_DEADLINE_SECONDS,
    FETCH_SECONDS,
    NODE_FETCHES_PER_SECOND,
    PAGE_BYTES,
    PAGE_CAP_BYTES,
    PAGES_PER_HOST,
    PEAK_TO_AVERAGE,
    POLITENESS_MULTIPLE,
    RESOLVER_THREADS,
    RETAINED_VERSIONS,
    REVISIT_DAYS,
    SHARED_HOST_SITES,
    SLOW_DRIP_HOLD_SECONDS,
    SLOW_DRIP_SHARE,
    SPARE_NODES,
    TARGET_PAGES,
    common_crawl_rate,
)
from reference_replication import rs_6_3_overhead

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    bandwidth,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_day,
    per_second,
    servers,
    size,
    size_per_day,
    throughput,
    times,
)

# --- Scale ------------------------------------------------------------------------------------------------
FETCHES_PER_SECOND = TARGET_PAGES / REVISIT_DAYS / SECONDS_PER_DAY
fetches_per_second = per_second(FETCHES_PER_SECOND)
fetches_peak = peak(FETCHES_PER_SECOND * PEAK_TO_AVERAGE)
over_common_crawl = times(FETCHES_PER_SECOND / common_crawl_rate)
download_average = bandwidth(FETCHES_PER_SECOND * PAGE_BYTES)
download_peak = bandwidth(FETCHES_PER_SECOND * PEAK_TO_AVERAGE * PAGE_BYTES, peak=True)
download_compressed_peak = bandwidth(FETCHES_PER_SECOND * PEAK_TO_AVERAGE * PAGE_BYTES / COMPRESSION, peak=True)
stored_page = size(PAGE_BYTES / COMPRESSION)
snapshot_bytes = size(TARGET_PAGES * PAGE_BYTES / COMPRESSION)
written_per_day = size_per_day(FETCHES_PER_SECOND * SECONDS_PER_DAY * PAGE_BYTES / COMPRESSION)
written_per_year = size(DAYS_PER_YEAR * FETCHES_PER_SECOND * SECONDS_PER_DAY * PAGE_BYTES / COMPRESSION)
retained_bytes = size(RETAINED_VERSIONS * TARGET_PAGES * PAGE_BYTES / COMPRESSION)
CRAWLER_NODES = math.ceil(FETCHES_PER_SECOND * PEAK_TO_AVERAGE / NODE_FETCHES_PER_SECOND)
crawler_nodes = servers(CRAWLER_NODES)
FLEET_NODES = CRAWLER_NODES + SPARE_NODES
fleet_nodes = servers(FLEET_NODES)
fleet_rate_one_lost = throughput((FLEET_NODES - 1) * NODE_FETCHES_PER_SECOND)
# A shared address's fleet-wide rate cap split evenly over the nodes, none of them asking the others.
address_rate_per_node = throughput(ADDRESS_FETCHES_PER_SECOND / CRAWLER_NODES)
address_node_gap = duration(CRAWLER_NODES / ADDRESS_FETCHES_PER_SECOND)
shared_host_cover_time = duration(SHARED_HOST_SITES * PAGES_PER_HOST / ADDRESS_FETCHES_PER_SECOND)
# Raw bytes of the retained versions at the object store's coding, and compaction's copying.
retained_raw_bytes = size(RETAINED_VERSIONS * TARGET_PAGES * PAGE_BYTES / COMPRESSION * rs_6_3_overhead)
compaction_copy_per_day = size_per_day(
    FETCHES_PER_SECOND * SECONDS_PER_DAY * PAGE_BYTES / COMPRESSION * COMPACT_LIVE_SHARE / (1 - COMPACT_LIVE_SHARE)
)

# --- Politeness and the frontier ---------------------------------------------------------------------------
GAP_SECONDS = POLITENESS_MULTIPLE * FETCH_SECONDS
HOST_CYCLE_SECONDS = FETCH_SECONDS + GAP_SECONDS
gap = duration(GAP_SECONDS)
host_cycle = duration(HOST_CYCLE_SECONDS)
host_rate = throughput(1 / HOST_CYCLE_SECONDS)
# A FIFO hands out a site's URLs as they were found: a hundred found together go out back to back.
SITE_BURST = 100
site_burst = count(SITE_BURST)
fifo_burst_time = duration(SITE_BURST / NODE_FETCHES_PER_SECOND)
polite_burst_time = duration(SITE_BURST * HOST_CYCLE_SECONDS)
node_connections = count(NODE_FETCHES_PER_SECOND * FETCH_SECONDS)
node_back_queues = count(NODE_FETCHES_PER_SECOND * HOST_CYCLE_SECONDS)
back_queues_over_connections = times(HOST_CYCLE_SECONDS / FETCH_SECONDS)
mercator_rule_queues = count(BACK_QUEUES_PER_THREAD * NODE_FETCHES_PER_SECOND * FETCH_SECONDS)
mercator_rule_rate = throughput(mercator_rule_queues / HOST_CYCLE_SECONDS)
mercator_rule_share = fraction(mercator_rule_queues / HOST_CYCLE_SECONDS / NODE_FETCHES_PER_SECOND)
hosts_busy_peak = count(FETCHES_PER_SECOND * PEAK_TO_AVERAGE * HOST_CYCLE_SECONDS)
HOSTS = TARGET_PAGES / PAGES_PER_HOST
hosts = count(HOSTS)
host_visit_time = duration(PAGES_PER_HOST * HOST_CYCLE_SECONDS)
# A large site at one fetch per host cycle, against what its revisit interval asks.
big_host_polite_time = duration(BIG_HOST_PAGES * HOST_CYCLE_SECONDS)
big_host_needed_rate = throughput(BIG_HOST_PAGES / (REVISIT_DAYS * SECONDS_PER_DAY))
# Little's law for one host: the rate it must give times the time each fetch holds a connection.
big_host_connections = count(math.ceil(BIG_HOST_PAGES / (REVISIT_DAYS * SECONDS_PER_DAY) * FETCH_SECONDS))

# --- DNS and robots.txt -------------------------------------------------------------------------------------
VISITS_PER_SECOND = HOSTS / (REVISIT_DAYS * SECONDS_PER_DAY)  # each host visited once a revisit cycle
lookups_uncached_peak = peak(FETCHES_PER_SECOND * PEAK_TO_AVERAGE)
lookups_per_visit = per_second(VISITS_PER_SECOND)
lookups_per_visit_peak = peak(VISITS_PER_SECOND * PEAK_TO_AVERAGE)
lookups_per_visit_node_peak = peak(VISITS_PER_SECOND * PEAK_TO_AVERAGE / CRAWLER_NODES)
lookups_saved = times(PAGES_PER_HOST)
resolver_capacity = throughput(RESOLVER_THREADS / DNS_MISS_SECONDS)
resolver_capacity_slow = throughput(RESOLVER_THREADS / DNS_SLOW_SECONDS)
node_lookups_in_flight = count(NODE_FETCHES_PER_SECOND * DNS_MISS_SECONDS)
robots_per_visit = per_second(VISITS_PER_SECOND)
robots_share_per_visit = fraction(VISITS_PER_SECOND / FETCHES_PER_SECOND)
robots_daily = per_second(HOSTS / SECONDS_PER_DAY)
robots_share_daily = fraction(HOSTS / SECONDS_PER_DAY / FETCHES_PER_SECOND)


# --- Freshness ---------------------------------------------------------------------------------------------
def freshness(change_rate: float, interval: float) -> float:
    """Share of time a page changing at `change_rate` (Poisson) and fetched every `interval` is fresh."""
    x = change_rate * interval
    return (1 - math.exp(-x)) / x


def mean_age(change_rate: float, interval: float) -> float:
    """Mean time since the live page first differed from the stored copy (0 while fresh)."""
    x = change_rate * interval
    return interval / 2 - 1 / change_rate + (1 - math.exp(-x)) / (change_rate * x)


CHANGE_DAYS = [1, 7, 30, 365]
freshness_rows = [
    (
        duration(days * SECONDS_PER_DAY),
        fraction(freshness(1 / days, REVISIT_DAYS)),
        duration(mean_age(1 / days, REVISIT_DAYS) * SECONDS_PER_DAY),
    )
    for days in CHANGE_DAYS
]
daily_fresh = fraction(freshness(1, REVISIT_DAYS))
monthly_fresh = fraction(freshness(1 / 30, REVISIT_DAYS))
daily_age = duration(mean_age(1, REVISIT_DAYS) * SECONDS_PER_DAY)

# Half the pages change daily, half monthly; the budget is one fetch per page per revisit interval.
FAST, SLOW = 1.0, 1 / 30  # changes a day
BUDGET = 2 / REVISIT_DAYS  # fetches a day for one page of each kind


def mixed_freshness(fast_share: float) -> float:
    fast_interval, slow_interval = 1 / (BUDGET * fast_share), 1 / (BUDGET * (1 - fast_share))
    return (freshness(FAST, fast_interval) + freshness(SLOW, slow_interval)) / 2


uniform_fresh = fraction(mixed_freshness(0.5))
PROPORTIONAL_SHARE = FAST / (FAST + SLOW)  # fetches in proportion to changes
proportional_fresh = fraction(mixed_freshness(PROPORTIONAL_SHARE))
proportional_fast_interval = duration(SECONDS_PER_DAY / (BUDGET * PROPORTIONAL_SHARE))
proportional_slow_interval = duration(SECONDS_PER_DAY / (BUDGET * (1 - PROPORTIONAL_SHARE)))
BEST_SHARE = max((share / 1000 for share in range(1, 1000)), key=mixed_freshness)
best_fresh = fraction(mixed_freshness(BEST_SHARE))
best_fast_share = fraction(BEST_SHARE)
best_fast_interval = duration(SECONDS_PER_DAY / (BUDGET * BEST_SHARE))
best_slow_interval = duration(SECONDS_PER_DAY / (BUDGET * (1 - BEST_SHARE)))
best_gain = fraction(mixed_freshness(BEST_SHARE) - mixed_freshness(0.5))
FLAT_SHARE = 0.3  # a split far from the best, to show how flat the curve is
flat_share = fraction(FLAT_SHARE)
flat_fresh = fraction(mixed_freshness(FLAT_SHARE))

# --- Failures ----------------------------------------------------------------------------------------------
# The new holder waits a fetch's deadline and the drift margin after the old lease ends.
LOCK_DELAY_SECONDS = FETCH_DEADLINE_SECONDS + CLOCK_MARGIN_SECONDS
lock_delay = duration(LOCK_DELAY_SECONDS)
trap_host_fetches = per_day(SECONDS_PER_DAY / HOST_CYCLE_SECONDS)
TRAP_SUBDOMAINS = 1_000  # host names a wildcard DNS record mints for one trap
trap_subdomains = count(TRAP_SUBDOMAINS)
trap_domain_fetches = per_day(TRAP_SUBDOMAINS * SECONDS_PER_DAY / HOST_CYCLE_SECONDS)
TRAP_FETCHES_PER_DAY = TRAP_SUBDOMAINS * SECONDS_PER_DAY / HOST_CYCLE_SECONDS
trap_domain_share = fraction(TRAP_FETCHES_PER_DAY / (FETCHES_PER_SECOND * SECONDS_PER_DAY))
slow_drip_connections = count(NODE_FETCHES_PER_SECOND * SLOW_DRIP_SHARE * SLOW_DRIP_HOLD_SECONDS)
slow_drip_connections_deadline = count(NODE_FETCHES_PER_SECOND * SLOW_DRIP_SHARE * FETCH_DEADLINE_SECONDS)
capped_buffers = size(NODE_FETCHES_PER_SECOND * FETCH_SECONDS * PAGE_CAP_BYTES)

if __name__ != "concept_crawl":
    print(
        markdown_table(
            ("The crawl", "Value"),
            [
                ("Fetches a second, average", fetches_per_second),
                ("Fetches a second, peak", fetches_peak),
                ("Times Common Crawl's December 2024 rate", over_common_crawl),
                ("Download, average (uncompressed)", download_average),
                ("Download, peak (uncompressed)", download_peak),
                ("Download, peak (all compressed)", download_compressed_peak),
                ("A page stored, compressed", stored_page),
                ("Latest copy of every page, compressed", snapshot_bytes),
                ("Written a day, compressed, at most", written_per_day),
                ("... a year, if every copy were kept", written_per_year),
                (f"Kept: {RETAINED_VERSIONS} versions of every page", retained_bytes),
                ("Crawler nodes at the peak", crawler_nodes),
                ("... with a spare, to meet the peak with one lost", fleet_nodes),
                ("... their rate with one lost", fleet_rate_one_lost),
                ("Kept versions, raw at the store's 6 + 3 coding", retained_raw_bytes),
                ("Compaction's copying a day, at most", compaction_copy_per_day),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Politeness, one node", "Value"),
            [
                ("Gap after each fetch from a host", gap),
                ("One fetch from a host every", host_cycle),
                ("Connections open (rate x fetch time)", node_connections),
                ("Back queues with a host ready (rate x host cycle)", node_back_queues),
                ("Back queues by the three-per-thread rule", mercator_rule_queues),
                ("... and the rate they sustain", mercator_rule_rate),
                (f"{site_burst} URLs of one site, from a FIFO", fifo_burst_time),
                ("... and at one per host cycle", polite_burst_time),
                ("Hosts", hosts),
                ("A host's pages, fetched politely, take", host_visit_time),
                ("A large site at one fetch per host cycle takes", big_host_polite_time),
                ("... fetches a second it needs for the revisit interval", big_host_needed_rate),
                ("... connections that takes (rate x fetch time)", big_host_connections),
                ("A node's share of an address's rate cap", address_rate_per_node),
                ("... one fetch to the address every", address_node_gap),
                (f"{SHARED_HOST_SITES:,} sites on one address, covered at the cap in", shared_host_cover_time),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("DNS and robots.txt", "Value"),
            [
                ("Lookups with no cache, peak", lookups_uncached_peak),
                ("Lookups, one per host visit, average", lookups_per_visit),
                ("... peak", lookups_per_visit_peak),
                ("... peak, one node", lookups_per_visit_node_peak),
                ("Blocking lookups a second, 64 threads", resolver_capacity),
                ("... while lookups take a second", resolver_capacity_slow),
                ("robots.txt fetches, one per visit, average", robots_per_visit),
                ("... share of fetches", robots_share_per_visit),
                ("robots.txt fetches, daily per host, average", robots_daily),
                ("... share of fetches", robots_share_daily),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (f"Changes every (fetched every {REVISIT_DAYS} days)", "Fresh", "Mean age of the copy"),
            freshness_rows,
        )
    )
    print()
    print(
        markdown_table(
            ("Half daily, half monthly changers", "Fresh"),
            [
                ("Uniform: every page every revisit interval", uniform_fresh),
                ("Proportional to change rate", proportional_fresh),
                (f"Best split: {best_fast_share} of fetches to the daily changers", best_fresh),
                (f"{flat_share} of fetches to the daily changers", flat_fresh),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Failures, one node", "Value"),
            [
                ("New holder's wait after the old lease ends", lock_delay),
                ("A trap on one host, fetches a day", trap_host_fetches),
                (f"... on {trap_subdomains} host names of one domain", trap_domain_fetches),
                ("Connections held by slow drips, no total deadline", slow_drip_connections),
                ("... with the total deadline", slow_drip_connections_deadline),
                ("Buffers for open fetches at the size cap", capped_buffers),
            ],
        )
    )
