"""Concepts, web crawling: the crawl's rates, bytes and nodes; what politeness does to a frontier's
queues and connections; DNS and robots.txt fetches; freshness against revisit intervals; and the
failure cases' numbers.

Scale: fetches a second are the pages kept fresh over the mean revisit interval; the peak is the
page's chosen factor over that. Bytes a page are Common Crawl's December 2024 content over its
pages (uncompressed; a server that compresses sends less).

Politeness: a host gives one fetch per (fetch time + gap), the gap being a multiple of the fetch
time. A large host that must give more than that gets several connections: with c of them, it goes
back on the heap a gap / c after each fetch ends, so each connection fetches once per (fetch time +
gap / c) and the host gives c / (fetch time + gap / c); it gets the fewest c that meet its rate. By
Little's law a node making R fetches a second keeps R x fetch time connections open, and
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
lost. An address's fleet-wide rate cap is split evenly over the nodes that hold hosts on it, each
registered for the address in the coordination service, none asking the others on the fetch path:
one node gets the whole cap for an address of its own host, and every node a share for a
shared-hosting address whose sites hash to every node; an address of many sites covers their pages
at the cap. The whole cap keeps (cap x host cycle) hosts at one fetch per host cycle; past that the
address, not the gap, sets their pace. A large site needs as many addresses as its rate takes caps.
"""

import itertools
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
    FAST_CHANGES_PER_DAY,
    FAST_PAGE_SHARE,
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
    SITE_BURST,
    SLOW_CHANGES_PER_DAY,
    SLOW_DRIP_HOLD_SECONDS,
    SLOW_DRIP_SHARE,
    SPARE_NODES,
    TARGET_PAGES,
    TRAP_SUBDOMAINS,
    common_crawl_rate,
    fast_page_share,
    resolver_threads,
    site_burst,
    trap_subdomains,
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
    whole_up,
)

# --- Scale ------------------------------------------------------------------------------------------------
FETCHES_PER_SECOND = TARGET_PAGES / REVISIT_DAYS / SECONDS_PER_DAY
fetches_per_second = per_second(FETCHES_PER_SECOND)
FETCHES_PEAK = FETCHES_PER_SECOND * PEAK_TO_AVERAGE
fetches_peak = peak(FETCHES_PEAK)
over_common_crawl = times(FETCHES_PER_SECOND / common_crawl_rate)
download_average = bandwidth(FETCHES_PER_SECOND * PAGE_BYTES)
download_peak = bandwidth(FETCHES_PEAK * PAGE_BYTES, peak=True)
download_compressed_peak = bandwidth(FETCHES_PEAK * PAGE_BYTES / COMPRESSION, peak=True)
STORED_PAGE_BYTES = PAGE_BYTES / COMPRESSION
stored_page = size(STORED_PAGE_BYTES)
SNAPSHOT_BYTES = TARGET_PAGES * STORED_PAGE_BYTES
snapshot_bytes = size(SNAPSHOT_BYTES)
FETCHES_PER_DAY = FETCHES_PER_SECOND * SECONDS_PER_DAY
WRITTEN_PER_DAY_BYTES = FETCHES_PER_DAY * STORED_PAGE_BYTES
written_per_day = size_per_day(WRITTEN_PER_DAY_BYTES)
written_per_year = size(DAYS_PER_YEAR * WRITTEN_PER_DAY_BYTES)
RETAINED_BYTES = RETAINED_VERSIONS * SNAPSHOT_BYTES
retained_bytes = size(RETAINED_BYTES)
CRAWLER_NODES = whole_up(FETCHES_PEAK / NODE_FETCHES_PER_SECOND)
crawler_nodes = servers(CRAWLER_NODES)
FLEET_NODES = CRAWLER_NODES + SPARE_NODES
fleet_nodes = servers(FLEET_NODES)
fleet_rate_one_lost = throughput((FLEET_NODES - 1) * NODE_FETCHES_PER_SECOND)
# An address's fleet-wide rate cap split evenly over the nodes that hold hosts on it, none of them
# asking the others on the fetch path, so the fleet never sends the address more than its cap. A
# shared-hosting address's sites hash to every node: each running node takes a share.
address_rate_per_node = throughput(ADDRESS_FETCHES_PER_SECOND / FLEET_NODES)
address_node_gap = duration(FLEET_NODES / ADDRESS_FETCHES_PER_SECOND)
shared_host_cover_time = duration(SHARED_HOST_SITES * PAGES_PER_HOST / ADDRESS_FETCHES_PER_SECOND)
# Raw bytes of the retained versions at the object store's coding, and compaction's copying.
retained_raw_bytes = size(RETAINED_BYTES * rs_6_3_overhead)
compaction_copy_per_day = size_per_day(WRITTEN_PER_DAY_BYTES * COMPACT_LIVE_SHARE / (1 - COMPACT_LIVE_SHARE))

# --- Politeness and the frontier ---------------------------------------------------------------------------
GAP_SECONDS = POLITENESS_MULTIPLE * FETCH_SECONDS
HOST_CYCLE_SECONDS = FETCH_SECONDS + GAP_SECONDS
gap = duration(GAP_SECONDS)
host_cycle = duration(HOST_CYCLE_SECONDS)
# A FIFO hands out a site's URLs as they were found: a burst found together goes out back to back.
fifo_burst_time = duration(SITE_BURST / NODE_FETCHES_PER_SECOND)
polite_burst_time = duration(SITE_BURST * HOST_CYCLE_SECONDS)
node_connections = count(NODE_FETCHES_PER_SECOND * FETCH_SECONDS)
node_back_queues = count(NODE_FETCHES_PER_SECOND * HOST_CYCLE_SECONDS)
back_queues_over_connections = times(HOST_CYCLE_SECONDS / FETCH_SECONDS)
mercator_rule_queues = count(BACK_QUEUES_PER_THREAD * NODE_FETCHES_PER_SECOND * FETCH_SECONDS)
mercator_rule_rate = throughput(mercator_rule_queues / HOST_CYCLE_SECONDS)
mercator_rule_share = fraction(mercator_rule_queues / HOST_CYCLE_SECONDS / NODE_FETCHES_PER_SECOND)
hosts_busy_peak = count(FETCHES_PEAK * HOST_CYCLE_SECONDS)
HOSTS = TARGET_PAGES / PAGES_PER_HOST
hosts = count(HOSTS)
host_visit_time = duration(PAGES_PER_HOST * HOST_CYCLE_SECONDS)
# A large site at one fetch per host cycle, against what its revisit interval asks.
big_host_polite_time = duration(BIG_HOST_PAGES * HOST_CYCLE_SECONDS)
BIG_HOST_NEEDED_RATE = BIG_HOST_PAGES / (REVISIT_DAYS * SECONDS_PER_DAY)
big_host_needed_rate = per_second(BIG_HOST_NEEDED_RATE)


def host_rate(connections: int) -> float:
    """Fetches a second from one host with `connections`, each back on the heap gap / c after a fetch."""
    return connections / (FETCH_SECONDS + GAP_SECONDS / connections)


# The fewest connections that meet the rate under the heap's gap / c rule.
BIG_HOST_CONNECTIONS = next(c for c in itertools.count(1) if host_rate(c) >= BIG_HOST_NEEDED_RATE)
big_host_connections = count(BIG_HOST_CONNECTIONS)
# An address of its own host is held by one node, which takes the whole cap: the cap must give at
# least one fetch per host cycle, or every figure built on the cycle above is too fast.
assert ADDRESS_FETCHES_PER_SECOND >= 1 / HOST_CYCLE_SECONDS, "an address of its own would bind the host"
# Hosts that the whole cap keeps at one fetch per host cycle; more on one address and the address sets the pace.
address_hosts_at_cycle = count(ADDRESS_FETCHES_PER_SECOND * HOST_CYCLE_SECONDS)
# The large site's rate, at one address's cap each, spread over the addresses its DNS returns.
BIG_HOST_ADDRESSES = whole_up(BIG_HOST_NEEDED_RATE / ADDRESS_FETCHES_PER_SECOND)
big_host_addresses = count(BIG_HOST_ADDRESSES)

# --- DNS and robots.txt -------------------------------------------------------------------------------------
VISITS_PER_SECOND = HOSTS / (REVISIT_DAYS * SECONDS_PER_DAY)  # each host visited once a revisit cycle
VISITS_PEAK = VISITS_PER_SECOND * PEAK_TO_AVERAGE
lookups_uncached_peak = peak(FETCHES_PEAK)  # one lookup a fetch
lookups_per_visit = per_second(VISITS_PER_SECOND)
lookups_per_visit_peak = peak(VISITS_PEAK)
lookups_per_visit_node_peak = peak(VISITS_PEAK / CRAWLER_NODES)
lookups_saved = times(lookups_uncached_peak / lookups_per_visit_peak)
resolver_capacity = throughput(RESOLVER_THREADS / DNS_MISS_SECONDS)
resolver_capacity_slow = throughput(RESOLVER_THREADS / DNS_SLOW_SECONDS)
robots_per_visit = lookups_per_visit  # one robots.txt fetch a visit, as one lookup
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


CHANGE_DAYS = [1, 7, 30, 365]  # illustration: a spread of change intervals, not an input
freshness_rows = [
    (
        duration(days * SECONDS_PER_DAY),
        fraction(freshness(1 / days, REVISIT_DAYS)),
        duration(mean_age(1 / days, REVISIT_DAYS) * SECONDS_PER_DAY),
    )
    for days in CHANGE_DAYS
]
daily_fresh = fraction(freshness(FAST_CHANGES_PER_DAY, REVISIT_DAYS))
monthly_fresh = fraction(freshness(SLOW_CHANGES_PER_DAY, REVISIT_DAYS))
daily_age = duration(mean_age(FAST_CHANGES_PER_DAY, REVISIT_DAYS) * SECONDS_PER_DAY)

# Fast and slow changers; the budget is one fetch per page per revisit interval, on average.
BUDGET = 1 / REVISIT_DAYS  # fetches a day, per page


def fast_interval_days(fast_share: float) -> float:
    """Days between fetches of a fast page when `fast_share` of the fetches go to the fast pages."""
    return FAST_PAGE_SHARE / (BUDGET * fast_share)


def slow_interval_days(fast_share: float) -> float:
    return (1 - FAST_PAGE_SHARE) / (BUDGET * (1 - fast_share))


def mixed_freshness(fast_share: float) -> float:
    """Share of all pages fresh when `fast_share` of the fetches go to the fast pages."""
    return FAST_PAGE_SHARE * freshness(FAST_CHANGES_PER_DAY, fast_interval_days(fast_share)) + (
        1 - FAST_PAGE_SHARE
    ) * freshness(SLOW_CHANGES_PER_DAY, slow_interval_days(fast_share))


UNIFORM_SHARE = FAST_PAGE_SHARE  # every page fetched alike
uniform_fresh = fraction(mixed_freshness(UNIFORM_SHARE))
FAST_CHANGES, SLOW_CHANGES = FAST_PAGE_SHARE * FAST_CHANGES_PER_DAY, (1 - FAST_PAGE_SHARE) * SLOW_CHANGES_PER_DAY
PROPORTIONAL_SHARE = FAST_CHANGES / (FAST_CHANGES + SLOW_CHANGES)  # fetches in proportion to changes
proportional_fresh = fraction(mixed_freshness(PROPORTIONAL_SHARE))
proportional_fast_interval = duration(fast_interval_days(PROPORTIONAL_SHARE) * SECONDS_PER_DAY)
proportional_slow_interval = duration(slow_interval_days(PROPORTIONAL_SHARE) * SECONDS_PER_DAY)
BEST_SHARE = max((share / 1000 for share in range(1, 1000)), key=mixed_freshness)
best_fresh = fraction(mixed_freshness(BEST_SHARE))
best_fast_share = fraction(BEST_SHARE)
best_fast_interval = duration(fast_interval_days(BEST_SHARE) * SECONDS_PER_DAY)
best_slow_interval = duration(slow_interval_days(BEST_SHARE) * SECONDS_PER_DAY)
best_gain = fraction(mixed_freshness(BEST_SHARE) - mixed_freshness(UNIFORM_SHARE))
FLAT_SHARE = 0.3  # illustration, not an input: a split far from the best, to show how flat the curve is
flat_share = fraction(FLAT_SHARE)
flat_fresh = fraction(mixed_freshness(FLAT_SHARE))

# --- Failures ----------------------------------------------------------------------------------------------
# The new holder waits a fetch's deadline and the drift margin after the old lease ends.
LOCK_DELAY_SECONDS = FETCH_DEADLINE_SECONDS + CLOCK_MARGIN_SECONDS
lock_delay = duration(LOCK_DELAY_SECONDS)
trap_host_fetches = per_day(SECONDS_PER_DAY / HOST_CYCLE_SECONDS)
TRAP_FETCHES_PER_DAY = TRAP_SUBDOMAINS * SECONDS_PER_DAY / HOST_CYCLE_SECONDS
trap_domain_fetches = per_day(TRAP_FETCHES_PER_DAY)
trap_domain_share = fraction(TRAP_FETCHES_PER_DAY / FETCHES_PER_DAY)
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
                ("... connections that give it, a gap / c after each fetch", big_host_connections),
                ("Hosts an address's whole cap keeps at one fetch per host cycle", address_hosts_at_cycle),
                ("... addresses the large site needs, at the cap each", big_host_addresses),
                ("A node's share of a shared-hosting address's cap, whole fleet up", address_rate_per_node),
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
                (f"Blocking lookups a second, {resolver_threads} threads", resolver_capacity),
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
            (f"{fast_page_share} of pages daily changers, the rest monthly", "Fresh"),
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
