"""Concepts, web crawling: the URL-seen test (a Bloom filter against an exact set of fingerprints)
and near-duplicate content by SimHash.

Bloom filter (Bloom, CACM 1970): for n keys at a false-positive rate p, the fewest bits are
m = -n ln p / (ln 2)^2, with k = (m / n) ln 2 hash functions, rounded to a whole number. With i keys
in, a new key is wrongly taken as seen with probability (1 - exp(-k i / m))^k; summed over the filling
(an integral, by the midpoint rule over a thousand steps), that is the URLs never crawled because
the filter said "seen". The storage engines page's filters use the same formula.

Exact set: 64-bit fingerprints of normalised URLs. Among n fingerprints, the expected pairs that
share one are n(n - 1) / 2 / 2^64: each such pair loses one URL. Every extracted link is tested; the
set is split by registered domain across the crawler nodes. Three ways to hold a node's share: a
table in memory (its fingerprints times the table's overhead, against the RAM it may take; the URL
count at which the fleet's tables outgrow that RAM); one random SSD read a test (tests a second over
the drive's reads a second); or merges against sorted batches of links (IRLbot's DRUM), each pass
reading the share and writing it back. Run back to back, the drive streams the share once per pass
in each direction, all day; run once per merge interval, the links of that interval wait in a
buffer, and the share is rewritten once an interval. Drive writes a day are the bytes written a day
over the drive's capacity. A node's frontier holds every queued URL, on its SSD; its checkpoint is
its share of the set plus its frontier. A lost node's ranges spread over the survivors (the fleet
less one): each reads its part of the checkpoint at the object store's rate and inserts its part of
the fingerprints into its table. The fetches delayed are the node's rate times every wait end to end
(the lease running out, the new holder's delay, the restore and the rebuild): an upper bound, as
the restore and rebuild may overlap the delay.

SimHash tables (Manku, Jain and Das Sarma, WWW 2007): two f-bit fingerprints within Hamming distance
k, split into b blocks, agree exactly on at least b - k blocks. So b-choose-k tables (one per choice of
b - k blocks, copied with those blocks moved to the front and sorted) find every such pair by exact
match on the leading blocks. With N fingerprints spread evenly, a probe meets N / 2^(leading bits)
candidates in each table; summed over the tables, the candidates per probe. Manku et al. count per
table, at most 2^(34 - 31) = 8 for their 8B pages (taken as 2^34) and 31 leading bits; 10B also
rounds up to 2^34, so the same bound holds here. Every page fetched probes one shard of each table,
the shards spread over the nodes; the tables sit in RAM beside the URL table.
"""

import itertools
import math

from concept_crawl import FETCHES_PER_SECOND, FLEET_NODES, LOCK_DELAY_SECONDS, crawler_nodes
from concept_crawl_assumptions import (
    BLOOM_FALSE_POSITIVE,
    FINGERPRINT_BYTES,
    FRONTIER_ENTRY_BYTES,
    LEASE_SECONDS,
    LINKS_PER_PAGE,
    MERGE_INTERVAL_SECONDS,
    NODE_FETCHES_PER_SECOND,
    NODE_RAM_BYTES,
    PEAK_TO_AVERAGE,
    RESTORE_BYTES_PER_SECOND,
    SEQUENTIAL_READ_BYTES_PER_SECOND,
    SIMHASH_BITS,
    SIMHASH_DISTANCE,
    SSD_BYTES,
    SSD_RANDOM_READS_PER_SECOND,
    TABLE_INSERTS_PER_SECOND,
    TABLE_OVERHEAD,
    TABLE_RAM_SHARE,
    TARGET_PAGES,
    URLS_PER_PAGE_KEPT,
)

from sdw.estimation import SECONDS_PER_DAY, count, duration, fraction, markdown_table, peak, size, size_per_day

URLS = TARGET_PAGES * URLS_PER_PAGE_KEPT
LN2 = math.log(2)


def bloom_bits_per_key(false_positive: float) -> float:
    return -math.log(false_positive) / LN2**2


def bloom_hashes(false_positive: float) -> int:
    return round(bloom_bits_per_key(false_positive) * LN2)


def urls_lost_filling(false_positive: float, keys: float = URLS, steps: int = 1_000) -> float:
    """Expected new URLs wrongly taken as seen while the filter fills from empty to `keys`."""
    bits_per_key, hashes = bloom_bits_per_key(false_positive), bloom_hashes(false_positive)
    mean = sum((1 - math.exp(-hashes * (step + 0.5) / steps / bits_per_key)) ** hashes for step in range(steps)) / steps
    return keys * mean


FALSE_POSITIVES = [0.1, 0.01, 0.001, 0.0001]
bloom_rows = [
    (
        fraction(p),
        count(bloom_bits_per_key(p)),
        count(bloom_hashes(p)),
        size(URLS * bloom_bits_per_key(p) / 8),
        count(urls_lost_filling(p)),
    )
    for p in FALSE_POSITIVES
]
bloom_bits = count(bloom_bits_per_key(BLOOM_FALSE_POSITIVE))
bloom_k = count(bloom_hashes(BLOOM_FALSE_POSITIVE))
bloom_bytes = size(URLS * bloom_bits_per_key(BLOOM_FALSE_POSITIVE) / 8)
bloom_bytes_per_node = size(URLS * bloom_bits_per_key(BLOOM_FALSE_POSITIVE) / 8 / crawler_nodes)
bloom_urls_lost = count(urls_lost_filling(BLOOM_FALSE_POSITIVE))
bloom_urls_lost_share = fraction(urls_lost_filling(BLOOM_FALSE_POSITIVE) / URLS)

exact_bytes = size(URLS * FINGERPRINT_BYTES)
exact_bytes_per_node = size(URLS * FINGERPRINT_BYTES / crawler_nodes)
fingerprint_collisions = count(URLS * (URLS - 1) / 2 / 2**64)
LINK_TESTS_PEAK = FETCHES_PER_SECOND * PEAK_TO_AVERAGE * LINKS_PER_PAGE
link_tests_peak = peak(LINK_TESTS_PEAK)
link_tests_per_node_peak = peak(LINK_TESTS_PEAK / crawler_nodes)
MERGE_PASS_SECONDS = URLS * FINGERPRINT_BYTES / crawler_nodes / SEQUENTIAL_READ_BYTES_PER_SECOND
merge_pass_time = duration(MERGE_PASS_SECONDS)
links_per_pass = count(LINK_TESTS_PEAK / crawler_nodes * MERGE_PASS_SECONDS)
NODE_SET_BYTES = URLS * FINGERPRINT_BYTES / crawler_nodes
# The same passes all day long: read and written back, each direction.
MERGE_BYTES_PER_DAY = NODE_SET_BYTES / MERGE_PASS_SECONDS * SECONDS_PER_DAY
merge_bytes_per_day = size_per_day(MERGE_BYTES_PER_DAY)
merge_drive_writes = count(MERGE_BYTES_PER_DAY / SSD_BYTES)
# Merged once per interval instead: the interval's links wait in a buffer; one rewrite an interval.
LINK_TESTS_PER_NODE_PEAK = LINK_TESTS_PEAK / crawler_nodes
merge_buffer_links = count(LINK_TESTS_PER_NODE_PEAK * MERGE_INTERVAL_SECONDS)
merge_buffer_bytes = size(LINK_TESTS_PER_NODE_PEAK * MERGE_INTERVAL_SECONDS * FINGERPRINT_BYTES)
HOURLY_MERGE_BYTES_PER_DAY = NODE_SET_BYTES * SECONDS_PER_DAY / MERGE_INTERVAL_SECONDS
hourly_merge_bytes_per_day = size_per_day(HOURLY_MERGE_BYTES_PER_DAY)
hourly_merge_drive_writes = count(HOURLY_MERGE_BYTES_PER_DAY / SSD_BYTES)
# One random SSD read a test, against one drive.
ssd_read_share = fraction(LINK_TESTS_PEAK / crawler_nodes / SSD_RANDOM_READS_PER_SECOND)
# An open-addressed table in memory, against the RAM it may take.
table_bytes_per_node = size(NODE_SET_BYTES * TABLE_OVERHEAD)
TABLE_RAM_BYTES = NODE_RAM_BYTES * TABLE_RAM_SHARE
table_ram = size(TABLE_RAM_BYTES)
urls_fit_in_ram = count(crawler_nodes * TABLE_RAM_BYTES / (FINGERPRINT_BYTES * TABLE_OVERHEAD))
# A node's checkpoint: its share of the set and its frontier, one entry for every queued URL.
FRONTIER_BYTES_PER_NODE = URLS * FRONTIER_ENTRY_BYTES / crawler_nodes
frontier_bytes_per_node = size(FRONTIER_BYTES_PER_NODE)
frontier_ssd_share = fraction(FRONTIER_BYTES_PER_NODE / SSD_BYTES)
CHECKPOINT_BYTES = NODE_SET_BYTES + FRONTIER_BYTES_PER_NODE
checkpoint_bytes_per_node = size(CHECKPOINT_BYTES)
# A lost node's ranges spread over the survivors: each restores and re-inserts its part.
SURVIVORS = FLEET_NODES - 1
survivors = count(SURVIVORS)
restore_bytes_per_survivor = size(CHECKPOINT_BYTES / SURVIVORS)
RESTORE_SECONDS = CHECKPOINT_BYTES / SURVIVORS / RESTORE_BYTES_PER_SECOND
restore_time = duration(RESTORE_SECONDS)
REBUILD_SECONDS = URLS / crawler_nodes / SURVIVORS / TABLE_INSERTS_PER_SECOND
rebuild_time = duration(REBUILD_SECONDS)
CRASH_WAIT_SECONDS = LEASE_SECONDS + LOCK_DELAY_SECONDS + RESTORE_SECONDS + REBUILD_SECONDS
crash_wait = duration(CRASH_WAIT_SECONDS)
fetches_paused_by_crash = count(NODE_FETCHES_PER_SECOND * CRASH_WAIT_SECONDS)


# --- SimHash --------------------------------------------------------------------------------------------------
def block_sizes(bits: int, blocks: int) -> list[int]:
    """`bits` split into `blocks` blocks as evenly as whole bits allow, larger blocks first."""
    base, extra = divmod(bits, blocks)
    return [base + 1] * extra + [base] * (blocks - extra)


def simhash_design(blocks: int, pages: float = TARGET_PAGES) -> tuple[int, float, float]:
    """Tables, candidates a probe meets over all of them, and bytes for all the tables."""
    sizes = block_sizes(SIMHASH_BITS, blocks)
    leading = [sum(chosen) for chosen in itertools.combinations(sizes, blocks - SIMHASH_DISTANCE)]
    candidates = sum(pages / 2**bits for bits in leading)
    return len(leading), candidates, len(leading) * pages * SIMHASH_BITS / 8


simhash_rows = []
for blocks in (4, 5, 6):
    tables, candidates, table_bytes = simhash_design(blocks)
    simhash_rows.append((count(blocks), count(tables), count(candidates), size(table_bytes)))
simhash_one_table = size(TARGET_PAGES * SIMHASH_BITS / 8)
simhash_4_candidates = count(simhash_design(4)[1])
simhash_6_tables = count(simhash_design(6)[0])
simhash_6_candidates = count(simhash_design(6)[1])
simhash_6_bytes = size(simhash_design(6)[2])
simhash_6_bytes_per_node = size(simhash_design(6)[2] / crawler_nodes)
simhash_6_candidates_per_table = count(simhash_design(6)[1] / simhash_design(6)[0])
MANKU_FINGERPRINT_BITS, MANKU_LEADING_BITS = 34, 31  # 8B taken as 2^34; the shortest key of 3 blocks
manku_candidates_per_table = count(2 ** (MANKU_FINGERPRINT_BITS - MANKU_LEADING_BITS))
manku_bound_here = count(2 ** (math.ceil(math.log2(TARGET_PAGES)) - MANKU_LEADING_BITS))
# Probes: every page fetched at the peak probes each table once, spread over the nodes.
SIMHASH_PROBES_PEAK = FETCHES_PER_SECOND * PEAK_TO_AVERAGE * simhash_design(6)[0]
simhash_probes_peak = peak(SIMHASH_PROBES_PEAK)
simhash_probes_per_node_peak = peak(SIMHASH_PROBES_PEAK / crawler_nodes)
# A node's RAM: the URL table's budget and the SimHash tables; the rest for queue heads, buffers, DNS.
ram_left = size(NODE_RAM_BYTES - TABLE_RAM_BYTES - simhash_design(6)[2] / crawler_nodes)

if __name__ != "concept_crawl_dedup":
    print(
        markdown_table(
            (
                "False positives",
                "Bits a URL",
                "Hash functions",
                f"Filter for {count(URLS)} URLs",
                "New URLs never crawled, filling it",
            ),
            bloom_rows,
        )
    )
    print()
    print(
        markdown_table(
            ("Exact URL set", "Value"),
            [
                ("64-bit fingerprints, all URLs", exact_bytes),
                (f"... on each of {crawler_nodes} nodes", exact_bytes_per_node),
                ("URLs lost to fingerprint collisions", fingerprint_collisions),
                ("Links tested a second, peak", link_tests_peak),
                ("... on each node, peak", link_tests_per_node_peak),
                ("One merge pass over a node's share", merge_pass_time),
                ("Links batched into each pass, peak", links_per_pass),
                ("... bytes each pass reads and writes back, a day", merge_bytes_per_day),
                ("... drive writes a day, back to back", merge_drive_writes),
                ("Merged hourly instead: links buffered", merge_buffer_links),
                ("... buffer's bytes", merge_buffer_bytes),
                ("... bytes read and written back, a day", hourly_merge_bytes_per_day),
                ("... drive writes a day", hourly_merge_drive_writes),
                ("One random SSD read a test: share of one drive", ssd_read_share),
                ("A node's share as an in-memory table", table_bytes_per_node),
                ("... against the RAM it may take", table_ram),
                ("URLs at which the fleet's tables outgrow that", urls_fit_in_ram),
                ("A node's frontier, one entry a queued URL", frontier_bytes_per_node),
                ("... share of its SSD", frontier_ssd_share),
                ("A node's checkpoint (URL set and frontier)", checkpoint_bytes_per_node),
                (f"... part each of {survivors} survivors restores", restore_bytes_per_survivor),
                ("... read in", restore_time),
                ("... its fingerprints re-inserted in", rebuild_time),
                ("Lease, holder's delay, restore and rebuild", crash_wait),
                ("Fetches delayed, at most", fetches_paused_by_crash),
                ("SimHash probes a second, peak", simhash_probes_peak),
                ("... on each node", simhash_probes_per_node_peak),
                ("RAM left for queue heads, buffers, DNS cache", ram_left),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (
                f"SimHash, {SIMHASH_BITS} bits, distance {SIMHASH_DISTANCE}: blocks",
                "Tables",
                f"Candidates a probe meets, {count(TARGET_PAGES)} pages",
                "Bytes for the tables",
            ),
            simhash_rows,
        )
    )
