"""Concepts, web crawling: the URL-seen test (a Bloom filter against an exact set of fingerprints)
and near-duplicate content by SimHash.

Bloom filter (Bloom, CACM 1970): for n keys at a false-positive rate p, the fewest bits are
m = -n ln p / (ln 2)^2, with k = (m / n) ln 2 hash functions, rounded to a whole number. With i keys
in, a new key is wrongly taken as seen with probability (1 - exp(-k i / m))^k; summed over the filling
(an integral, by the midpoint rule over a thousand steps), that is the URLs never crawled because
the filter said "seen". The storage engines page's filters use the same formula.

Exact set: 64-bit fingerprints of normalized URLs. Among n fingerprints, the expected pairs that
share one are n(n - 1) / 2 / 2^64: each such pair loses one URL. Every extracted link is tested; the
set is split by registered domain across the crawler nodes. Three ways to hold a node's share: a
table in memory (its fingerprints times the table's overhead, against its share of the node's
usable memory, the reference machine's; the URL count at which the fleet's tables outgrow that
RAM); one random SSD read a test (tests a second over the reads a second the drive is planned at); or merges against
sorted batches of links (IRLbot's DRUM), each pass reading the share and writing it back, the read
and the write sharing the drive, so a pass takes the sum of their times. Run back to back, the
drive streams the share once per pass in each direction, all day; run once per merge interval, the
links of that interval wait in a buffer on the SSD, each with its URL (a new one is queued after the
merge, so DRUM keeps the URL beside its key), and the share is rewritten once an interval; the
buffer is written to the drive once an interval too. Drive writes a day are the bytes written a day
over the drive's capacity, set against its rating. A node's frontier holds at most every URL seen,
on its SSD; its checkpoint is its share of the set, its frontier, and its shards of the SimHash
tables and of their index (below). On a first loss, the lost node held its share of the full fleet,
and its ranges and shards spread over the survivors (the fleet less one): each reads its part of
the checkpoint at the object store's rate and inserts its part of the fingerprints into its table;
the SimHash shards' sorted runs are loaded as they are (the batches appended since are sorted and
merged in). The fetches delayed are the node's rate times the wait: the lease running out, then the
new holder's delay or the restore and the rebuild, whichever is longer, since reading the checkpoint
and re-inserting fingerprints fetch nothing and so run while the survivors wait out the old holder's
last fetch.

SimHash tables (Manku, Jain and Das Sarma, WWW 2007): two f-bit fingerprints within Hamming distance
k, split into b blocks, agree exactly on at least b - k blocks. So b-choose-k tables (one per choice of
b - k blocks, copied with those blocks moved to the front and sorted) find every such pair by exact
match on the leading blocks. With N fingerprints spread evenly, a probe meets N / 2^(leading bits)
candidates in each table; summed over the tables, the candidates per probe. Manku et al. count per
table: at most 2^(d - shortest key) for 2^d fingerprints (their 8B pages taken as 2^34; six blocks'
shortest key is 31 bits). Manku's 2^34 bound covers this crawl's pages, fewer than 2^34, and the
tables with the shortest key meet the most candidates here. Every page fetched probes one shard of
each table, the shards spread over the nodes; the tables sit in usable RAM beside the URL table's
budget. A near-duplicate is stored as a pointer to its original, so a second index maps each SimHash
fingerprint to its page's URL fingerprint, on SSD, read only when a probe finds a match.
"""

import itertools
import math

from concept_crawl import CRAWLER_NODES, FETCHES_PEAK, FLEET_NODES, LOCK_DELAY_SECONDS
from concept_crawl_assumptions import (
    BLOOM_FALSE_POSITIVE,
    FINGERPRINT_BYTES,
    FRONTIER_ENTRY_BYTES,
    LEASE_SECONDS,
    LINKS_PER_PAGE,
    MANKU_LOG2_FINGERPRINTS,
    MERGE_INTERVAL_SECONDS,
    NODE_FETCHES_PER_SECOND,
    RESTORE_BYTES_PER_SECOND,
    SEQUENTIAL_READ_BYTES_PER_SECOND,
    SEQUENTIAL_WRITE_BYTES_PER_SECOND,
    SIMHASH_BITS,
    SIMHASH_DISTANCE,
    SSD_BYTES,
    SSD_PLANNED_READS_PER_SECOND,
    SSD_RATED_DRIVE_WRITES_PER_DAY,
    TABLE_INSERTS_PER_SECOND,
    TABLE_OVERHEAD,
    TABLE_RAM_SHARE,
    TARGET_PAGES,
    URL_BYTES,
    URLS_SEEN,
)
from reference_capacity import memory_bytes, usable_memory_share

from sdw.estimation import (
    SECONDS_PER_DAY,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_day,
    servers,
    size,
    size_per_day,
    times,
)

LN2 = math.log(2)


def bloom_bits_per_key(false_positive: float) -> float:
    return -math.log(false_positive) / LN2**2


def bloom_hashes(false_positive: float) -> int:
    return round(bloom_bits_per_key(false_positive) * LN2)


def urls_lost_filling(false_positive: float, keys: float = URLS_SEEN, steps: int = 1_000) -> float:
    """Expected new URLs wrongly taken as seen while the filter fills from empty to `keys`."""
    bits_per_key, hashes = bloom_bits_per_key(false_positive), bloom_hashes(false_positive)
    mean = sum((1 - math.exp(-hashes * (step + 0.5) / steps / bits_per_key)) ** hashes for step in range(steps)) / steps
    return keys * mean


FALSE_POSITIVES = [0.1, 0.01, 0.001, 0.0001]  # illustration: rates to compare, not inputs
bloom_rows = [
    (
        fraction(p),
        count(bloom_bits_per_key(p)),
        count(bloom_hashes(p)),
        size(URLS_SEEN * bloom_bits_per_key(p) / 8),
        count(urls_lost_filling(p)),
    )
    for p in FALSE_POSITIVES
]
bloom_bits = count(bloom_bits_per_key(BLOOM_FALSE_POSITIVE))
bloom_k = count(bloom_hashes(BLOOM_FALSE_POSITIVE))
BLOOM_BYTES = URLS_SEEN * bloom_bits_per_key(BLOOM_FALSE_POSITIVE) / 8
bloom_bytes = size(BLOOM_BYTES)
bloom_bytes_per_node = size(BLOOM_BYTES / CRAWLER_NODES)
bloom_urls_lost = count(urls_lost_filling(BLOOM_FALSE_POSITIVE))

exact_bytes = size(URLS_SEEN * FINGERPRINT_BYTES)
NODE_SET_BYTES = URLS_SEEN * FINGERPRINT_BYTES / CRAWLER_NODES
exact_bytes_per_node = size(NODE_SET_BYTES)
fingerprint_collisions = count(URLS_SEEN * (URLS_SEEN - 1) / 2 / 2 ** (8 * FINGERPRINT_BYTES))
LINK_TESTS_PEAK = FETCHES_PEAK * LINKS_PER_PAGE
link_tests_peak = peak(LINK_TESTS_PEAK)
LINK_TESTS_PER_NODE_PEAK = LINK_TESTS_PEAK / CRAWLER_NODES
link_tests_per_node_peak = peak(LINK_TESTS_PER_NODE_PEAK)
# A merge pass reads the node's share and writes it back; the two share the drive, so their times add.
MERGE_PASS_SECONDS = (
    NODE_SET_BYTES / SEQUENTIAL_READ_BYTES_PER_SECOND + NODE_SET_BYTES / SEQUENTIAL_WRITE_BYTES_PER_SECOND
)
merge_pass_time = duration(MERGE_PASS_SECONDS)
links_per_pass = count(LINK_TESTS_PER_NODE_PEAK * MERGE_PASS_SECONDS)
# The same passes all day long: the share read and written back once a pass, each direction.
MERGE_BYTES_PER_DAY = NODE_SET_BYTES / MERGE_PASS_SECONDS * SECONDS_PER_DAY
merge_bytes_per_day = size_per_day(MERGE_BYTES_PER_DAY)
MERGE_DRIVE_WRITES = MERGE_BYTES_PER_DAY / SSD_BYTES
merge_drive_writes = per_day(MERGE_DRIVE_WRITES)
merge_over_rating = times(MERGE_DRIVE_WRITES / SSD_RATED_DRIVE_WRITES_PER_DAY)
# Merged once per interval instead: the interval's links (fingerprint and URL, since the new ones are
# queued after the merge) wait in a buffer on the node's SSD; the share is rewritten once an interval.
MERGE_BUFFER_LINKS = LINK_TESTS_PER_NODE_PEAK * MERGE_INTERVAL_SECONDS
merge_buffer_links = count(MERGE_BUFFER_LINKS)
MERGE_BUFFER_BYTES = MERGE_BUFFER_LINKS * (FINGERPRINT_BYTES + URL_BYTES)
merge_buffer_bytes = size(MERGE_BUFFER_BYTES)
# Each interval the set is rewritten and the interval's buffer written, both to the node's SSD.
HOURLY_MERGE_BYTES_PER_DAY = (NODE_SET_BYTES + MERGE_BUFFER_BYTES) * SECONDS_PER_DAY / MERGE_INTERVAL_SECONDS
hourly_merge_bytes_per_day = size_per_day(HOURLY_MERGE_BYTES_PER_DAY)
HOURLY_MERGE_DRIVE_WRITES = HOURLY_MERGE_BYTES_PER_DAY / SSD_BYTES
hourly_merge_drive_writes = per_day(HOURLY_MERGE_DRIVE_WRITES)
hourly_merge_of_rating = fraction(HOURLY_MERGE_DRIVE_WRITES / SSD_RATED_DRIVE_WRITES_PER_DAY)
# One random SSD read a test, against the reads one drive is planned at.
ssd_read_share = fraction(LINK_TESTS_PER_NODE_PEAK / SSD_PLANNED_READS_PER_SECOND)
# An open-addressed table in memory, against the share of the node's usable memory it may take.
table_bytes_per_node = size(NODE_SET_BYTES * TABLE_OVERHEAD)
USABLE_RAM_BYTES = memory_bytes * usable_memory_share
TABLE_RAM_BYTES = USABLE_RAM_BYTES * TABLE_RAM_SHARE
table_ram = size(TABLE_RAM_BYTES)
urls_fit_in_ram = count(CRAWLER_NODES * TABLE_RAM_BYTES / (FINGERPRINT_BYTES * TABLE_OVERHEAD))


# --- SimHash --------------------------------------------------------------------------------------------------
def block_sizes(bits: int, blocks: int) -> list[int]:
    """`bits` split into `blocks` blocks as evenly as whole bits allow, larger blocks first."""
    base, extra = divmod(bits, blocks)
    return [base + 1] * extra + [base] * (blocks - extra)


def leading_bits(blocks: int) -> list[int]:
    """The key length of each table: the bits of every choice of blocks - distance blocks."""
    return [
        sum(chosen) for chosen in itertools.combinations(block_sizes(SIMHASH_BITS, blocks), blocks - SIMHASH_DISTANCE)
    ]


def simhash_design(blocks: int, pages: float = TARGET_PAGES) -> tuple[int, float, float]:
    """Tables, candidates a probe meets over all of them, and bytes for all the tables."""
    leading = leading_bits(blocks)
    candidates = sum(pages / 2**bits for bits in leading)
    return len(leading), candidates, len(leading) * pages * SIMHASH_BITS / 8


SIMHASH_BLOCKS = 6  # the design chosen: 20 tables, a few candidates a probe (see the table printed below)
SIMHASH_TABLES, SIMHASH_CANDIDATES, SIMHASH_BYTES = simhash_design(SIMHASH_BLOCKS)
simhash_rows = []
for blocks in (4, 5, SIMHASH_BLOCKS):
    tables, candidates, table_bytes = simhash_design(blocks)
    simhash_rows.append((count(blocks), count(tables), count(candidates), size(table_bytes)))
simhash_one_table = size(TARGET_PAGES * SIMHASH_BITS / 8)
simhash_4_tables = count(simhash_design(4)[0])
simhash_4_candidates = count(simhash_design(4)[1])
simhash_6_tables = count(SIMHASH_TABLES)
simhash_6_candidates = count(SIMHASH_CANDIDATES)
simhash_6_bytes = size(SIMHASH_BYTES)
SIMHASH_BYTES_PER_NODE = SIMHASH_BYTES / CRAWLER_NODES
simhash_6_bytes_per_node = size(SIMHASH_BYTES_PER_NODE)
simhash_6_candidates_per_table = count(SIMHASH_CANDIDATES / SIMHASH_TABLES)
# Manku et al.: 2^34 fingerprints and the shortest key of their 6-block design (Manku's d and 31 bits).
MANKU_LEADING_BITS = min(leading_bits(SIMHASH_BLOCKS))
manku_leading_bits = count(MANKU_LEADING_BITS)
manku_candidates_per_table = count(2 ** (MANKU_LOG2_FINGERPRINTS - MANKU_LEADING_BITS))
# Here, fewer pages than 2^34: the tables keyed on the shortest key meet the most candidates.
assert TARGET_PAGES < 2**MANKU_LOG2_FINGERPRINTS
simhash_6_candidates_shortest_key = count(TARGET_PAGES / 2**MANKU_LEADING_BITS)
# A near-duplicate is stored as a pointer to its original: a second index from SimHash fingerprint to
# the original's URL fingerprint, one entry a page, on the node's SSD, read only when a probe matches.
SIMHASH_ORIGINAL_INDEX_BYTES = TARGET_PAGES * (SIMHASH_BITS / 8 + FINGERPRINT_BYTES)
simhash_original_index_bytes = size(SIMHASH_ORIGINAL_INDEX_BYTES)
simhash_original_index_per_node = size(SIMHASH_ORIGINAL_INDEX_BYTES / CRAWLER_NODES)
# Probes: every page fetched at the peak probes each table once, spread over the nodes.
SIMHASH_PROBES_PEAK = FETCHES_PEAK * SIMHASH_TABLES
simhash_probes_peak = peak(SIMHASH_PROBES_PEAK)
simhash_probes_per_node_peak = peak(SIMHASH_PROBES_PEAK / CRAWLER_NODES)
# A node's checkpoint: its share of the set, its frontier (one entry for every URL seen, an upper bound on
# those queued), and its shards of the SimHash tables and of their index, which live only in its RAM and on
# its SSD. Per node with one lost, as the other per-node figures.
FRONTIER_BYTES = URLS_SEEN * FRONTIER_ENTRY_BYTES
FRONTIER_BYTES_PER_NODE = FRONTIER_BYTES / CRAWLER_NODES
frontier_bytes_per_node = size(FRONTIER_BYTES_PER_NODE)
frontier_ssd_share = fraction(FRONTIER_BYTES_PER_NODE / SSD_BYTES)
SIMHASH_CHECKPOINT_BYTES = SIMHASH_BYTES + SIMHASH_ORIGINAL_INDEX_BYTES
simhash_checkpoint_bytes_per_node = size(SIMHASH_CHECKPOINT_BYTES / CRAWLER_NODES)
checkpoint_bytes_per_node = size(NODE_SET_BYTES + FRONTIER_BYTES_PER_NODE + SIMHASH_CHECKPOINT_BYTES / CRAWLER_NODES)
# A first loss: the lost node held its share of the full fleet, spread over the fleet less one.
SURVIVORS = FLEET_NODES - 1
survivors = servers(SURVIVORS)
LOST_CHECKPOINT_BYTES = (
    URLS_SEEN * (FINGERPRINT_BYTES + FRONTIER_ENTRY_BYTES) + SIMHASH_CHECKPOINT_BYTES
) / FLEET_NODES
lost_checkpoint_bytes = size(LOST_CHECKPOINT_BYTES)
restore_bytes_per_survivor = size(LOST_CHECKPOINT_BYTES / SURVIVORS)
RESTORE_SECONDS = LOST_CHECKPOINT_BYTES / SURVIVORS / RESTORE_BYTES_PER_SECOND
restore_time = duration(RESTORE_SECONDS)
REBUILD_SECONDS = URLS_SEEN / FLEET_NODES / SURVIVORS / TABLE_INSERTS_PER_SECOND
rebuild_time = duration(REBUILD_SECONDS)
# The SimHash shards' sorted runs are loaded as read, the batches appended since sorted and merged in: only the URL
# fingerprints are re-inserted.
# The restore and the rebuild fetch nothing, so they run during the new holder's delay.
restore_and_rebuild = duration(RESTORE_SECONDS + REBUILD_SECONDS)
CRASH_WAIT_SECONDS = LEASE_SECONDS + max(LOCK_DELAY_SECONDS, RESTORE_SECONDS + REBUILD_SECONDS)
crash_wait = duration(CRASH_WAIT_SECONDS)
fetches_paused_by_crash = count(NODE_FETCHES_PER_SECOND * CRASH_WAIT_SECONDS)
# A node's usable RAM: the URL table's budget, and beside it the SimHash tables; the rest for queue heads,
# buffers, DNS.
RAM_BESIDE_TABLE_BYTES = USABLE_RAM_BYTES - TABLE_RAM_BYTES
ram_beside_table = size(RAM_BESIDE_TABLE_BYTES)
RAM_LEFT_BYTES = RAM_BESIDE_TABLE_BYTES - SIMHASH_BYTES_PER_NODE
assert RAM_LEFT_BYTES > 0, "the SimHash tables no longer fit in RAM beside the URL table's budget"
ram_left = size(RAM_LEFT_BYTES)

if __name__ != "concept_crawl_dedup":
    print(
        markdown_table(
            (
                "False positives",
                "Bits a URL",
                "Hash functions",
                f"Filter for {count(URLS_SEEN)} URLs",
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
                (f"{8 * FINGERPRINT_BYTES}-bit fingerprints, all URLs", exact_bytes),
                (f"... on each of {CRAWLER_NODES} nodes", exact_bytes_per_node),
                ("URLs lost to fingerprint collisions", fingerprint_collisions),
                ("Links tested a second, peak", link_tests_peak),
                ("... on each node, peak", link_tests_per_node_peak),
                ("One merge pass over a node's share", merge_pass_time),
                ("Links batched into each pass, peak", links_per_pass),
                ("... bytes each pass reads and writes back, a day", merge_bytes_per_day),
                ("... drive writes, back to back", merge_drive_writes),
                ("... over the drive's rating", merge_over_rating),
                ("Merged hourly instead: links buffered", merge_buffer_links),
                ("... buffer's bytes, fingerprints and URLs, on SSD", merge_buffer_bytes),
                ("... bytes written a day, set and buffer", hourly_merge_bytes_per_day),
                ("... drive writes", hourly_merge_drive_writes),
                ("... share of the drive's rating", hourly_merge_of_rating),
                ("One random SSD read a test: share of one drive's planned reads", ssd_read_share),
                ("A node's share as an in-memory table", table_bytes_per_node),
                ("... against the usable RAM it may take", table_ram),
                ("URLs at which the fleet's tables outgrow that", urls_fit_in_ram),
                ("A node's frontier, every URL seen (an upper bound)", frontier_bytes_per_node),
                ("... share of its SSD", frontier_ssd_share),
                ("... its SimHash shards and their index", simhash_checkpoint_bytes_per_node),
                ("A node's checkpoint (URL set, frontier, SimHash)", checkpoint_bytes_per_node),
                (
                    f"A first loss: part of its checkpoint each of {survivors} survivors restores",
                    restore_bytes_per_survivor,
                ),
                ("... read in", restore_time),
                ("... its fingerprints re-inserted in", rebuild_time),
                ("Lease, then the holder's delay or the restore and rebuild, the longer", crash_wait),
                ("Fetches delayed, at most", fetches_paused_by_crash),
                ("SimHash probes a second, peak", simhash_probes_peak),
                ("... on each node", simhash_probes_per_node_peak),
                ("SimHash to original index, on SSD, each node", simhash_original_index_per_node),
                ("Usable RAM beside the URL table's budget", ram_beside_table),
                ("Usable RAM left for queue heads, buffers, DNS cache", ram_left),
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
