"""Concepts, storage engines: write amplification of a B-tree and of LSM trees, and a Bloom filter's help.

Write amplification is bytes written to the device per byte written by the application (the
definition the RocksDB tuning guide uses). The models count the bytes the host sends to the
device; a flash drive's own write amplification (its garbage collection, which scattered small
overwrites raise) comes on top. Simple models with stated inputs:

- B-tree, random updates to a table far larger than memory: each row write dirties a whole page,
  and the page is written twice. Once in place, and once as a copy that guards against a torn
  (half-written) page: PostgreSQL's full_page_writes (on by default) puts the whole page in the
  write-ahead log on its first change after a checkpoint, which for a random update in a large
  table is almost every change; InnoDB's doublewrite buffer (on by default) writes every flushed
  page to a doublewrite file before its place. The row's own log record is left out: small beside
  the two pages, and PostgreSQL usually leaves the row out of a record that carries the page
  (it also skips the page's free space in the copy, so a part-full page costs a little less).
  With that protection off (storage that cannot tear a page), the page is written once, plus the
  row in the log. Sequential inserts fill a page before it is written, so each byte is written about
  twice (page and log); a new page needs no copy in PostgreSQL's log, while InnoDB's doublewrite
  buffer adds a third write. MySQL's binary log (on wherever replicas or point-in-time recovery
  read it, as in the Twitter example) writes an inserted row once more, a fourth write; beside a
  random write's two pages that one row is negligible.
- LSM tree, leveled compaction (RocksDB's default), with level_compaction_dynamic_level_bytes=false
  (the default before RocksDB 8.4): the log, the memtable flush, then level 0 merges
  into level 1: all of level 0's files together with the level-1 files they overlap (RocksDB wiki,
  "Leveled Compaction"), up to level 1's target, which with those defaults equals what level 0 holds
  when it triggers (4 × 64 MB = 256 MB), so up to 2 bytes a byte. Then each time data moves down a
  level it is merged with up to SIZE_RATIO times as much data already there, and the merge writes
  the byte and that data: up to SIZE_RATIO + 1 bytes a move (an upper bound; levels not yet full
  cost less). Since 8.4 the option defaults to true (facebook/rocksdb pull request 11525): level
  targets are set from the last level's actual size, down by SIZE_RATIO, and level 0 merges into the
  first level whose target is at most 256 MB, so no step costs more than here and the figure stays an
  upper bound.
  Space: the levels above the last, at most their targets with those static options, over a last
  level holding the data; with dynamic levels they are a tenth, a hundredth ... of the last.
- LSM tree, size-tiered compaction (Cassandra's default): the log, the flush, then one rewrite
  per tier, each tier SIZE_RATIO_TIERED times larger than the last.
"""

import math

from reference_capacity import BLOOM_BITS_PER_KEY, bloom_false_positive, wasted_file_reads

from sdw.estimation import count, fraction, markdown_table, size, times

ROW_BYTES = 100  # a small row: a key, a few columns and row overhead
PAGE_BYTES = 8_192  # PostgreSQL's default page
INNODB_PAGE_BYTES = 16_384  # InnoDB's default page (innodb_page_size), the examples' MySQL tables
DATA_BYTES = 1e12  # one terabyte in the store
FIRST_LEVEL_BYTES = 256e6  # RocksDB's default target size for level 1 (max_bytes_for_level_base)
SIZE_RATIO = 10  # RocksDB's default multiplier between levels
MEMTABLE_BYTES = 64e6  # a flushed memtable: RocksDB's default write buffer
SIZE_RATIO_TIERED = 4  # Cassandra's default: four similar-sized files are merged into one
L0_FILES = 4  # files waiting in level 0, each checked on a read (RocksDB's compaction trigger)
B_TREE_ENTRY_BYTES = 16  # a key and a child pointer in an inner page

# --- Write amplification -------------------------------------------------------------------------
TORN_PAGE_COPIES = 1  # full-page image in PostgreSQL's log, or InnoDB's doublewrite buffer
btree_random_wa = times((1 + TORN_PAGE_COPIES) * PAGE_BYTES / ROW_BYTES)
btree_random_wa_unprotected = times(PAGE_BYTES / ROW_BYTES + 1)  # protection off: page, and row in the log
btree_sequential_wa = times(2)
btree_random_wa_innodb = times((1 + TORN_PAGE_COPIES) * INNODB_PAGE_BYTES / ROW_BYTES)
SEQUENTIAL_WRITES_INNODB = 3  # page, log and doublewrite buffer
BINLOG_WRITES = 1  # MySQL's binary log: the inserted row, once (a row-based event)
btree_sequential_wa_innodb = times(SEQUENTIAL_WRITES_INNODB)
btree_sequential_wa_mysql_binlog = times(SEQUENTIAL_WRITES_INNODB + BINLOG_WRITES)
LEVELED_LEVELS = math.ceil(math.log(DATA_BYTES / FIRST_LEVEL_BYTES, SIZE_RATIO)) + 1
leveled_levels = count(LEVELED_LEVELS)
# Level 0 to level 1: the byte and up to level 1's target per level 0's worth at its trigger.
leveled_l0_bytes_per_byte = count(1 + FIRST_LEVEL_BYTES / (L0_FILES * MEMTABLE_BYTES))
# Log, flush, L0 to L1, then each move down: the byte itself and up to SIZE_RATIO bytes merged with it.
leveled_bytes_per_move = count(SIZE_RATIO + 1)
leveled_wa = times(1 + 1 + leveled_l0_bytes_per_byte + leveled_bytes_per_move * (leveled_levels - 1))
tiered_tiers = count(math.ceil(math.log(DATA_BYTES / MEMTABLE_BYTES, SIZE_RATIO_TIERED)))
tiered_wa = times(1 + 1 + tiered_tiers)

# --- Space amplification: bytes on disk per byte of live data --------------------------------------
# Random inserts leave B-tree pages about ln 2 (69%) full on average (Yao, "On random 2-3 trees",
# Acta Informatica 1978); sequential inserts fill them.
btree_page_fill = fraction(math.log(2))
btree_random_space = times(1 / btree_page_fill)
# Leveled, at worst: every level above the last full of newer versions of keys the last level holds.
# With the static targets of the write model (level_compaction_dynamic_level_bytes=false) those levels
# hold up to their targets whatever the last level's size; with dynamic levels (the default since RocksDB 8.4)
# each is a tenth of the one below it, so together about a ninth of the last.
UPPER_LEVELS_BYTES = sum(FIRST_LEVEL_BYTES * SIZE_RATIO**level for level in range(LEVELED_LEVELS - 1))
upper_levels_bytes = size(UPPER_LEVELS_BYTES)
leveled_space = times((UPPER_LEVELS_BYTES + DATA_BYTES) / DATA_BYTES)
leveled_space_dynamic = times(1 + sum(SIZE_RATIO**-level for level in range(1, LEVELED_LEVELS)))
tiered_space = times(2)  # merging the largest tier briefly needs its size again

rows = [
    (
        "B-tree, random inserts and updates",
        f"{btree_random_wa} (PostgreSQL, 8 KiB pages); {btree_random_wa_innodb} (InnoDB, 16 KiB)",
        "Pages written in place, scattered (on flash, more garbage collection)",
        btree_random_space,
    ),
    (
        "B-tree, sequential inserts",
        f"{btree_sequential_wa} (PostgreSQL); {btree_sequential_wa_innodb} (InnoDB, with its doublewrite copy; "
        f"{btree_sequential_wa_mysql_binlog} with MySQL's binary log)",
        "Pages filled in order",
        times(1),
    ),
    (
        f"LSM tree, leveled ({leveled_levels} levels, static level targets)",
        leveled_wa,
        "Large sequential files",
        f"{leveled_space} ({leveled_space_dynamic} with dynamic levels, the default since RocksDB 8.4)",
    ),
    (f"LSM tree, size-tiered ({tiered_tiers} tiers)", tiered_wa, "Large sequential files", tiered_space),
]

# --- Reads: a B-tree's height, and what Bloom filters save an LSM tree ----------------------------
rows_stored = DATA_BYTES / ROW_BYTES
btree_fanout = PAGE_BYTES // B_TREE_ENTRY_BYTES
btree_height = count(math.ceil(math.log(rows_stored, btree_fanout)))
# bloom_false_positive comes from reference_capacity (10 bits per key, RocksDB's usual setting; the
# examples' Cassandra tables use Cassandra's own default instead).
lsm_places_to_check = count(L0_FILES + leveled_levels)
lsm_wasted_reads = wasted_file_reads(lsm_places_to_check, bloom_false_positive)  # per lookup of a missing key

# Figures the pages quote.
row_bytes = size(ROW_BYTES)
page_bytes = size(PAGE_BYTES)
page_kib = count(PAGE_BYTES / 1024)  # pages are sized in binary units: 8 KiB, not 8.19 KB
data_bytes = size(DATA_BYTES)
size_ratio = count(SIZE_RATIO)
bloom_bits_per_key = count(BLOOM_BITS_PER_KEY)
btree_over_leveled = times(btree_random_wa / leveled_wa)

if __name__ != "concept_storage_engines":
    print(markdown_table(("Engine and workload", "Write amplification", "How it writes", "Space on disk"), rows))
    print()
    print(
        f"For {data_bytes} of {row_bytes} rows: a B-tree with {PAGE_BYTES // 1024} KiB pages is "
        f"{btree_height} levels deep. "
        f"A lookup of a missing key in the LSM tree checks {lsm_places_to_check} files; with "
        f"{bloom_bits_per_key} Bloom filter bits per key ({bloom_false_positive} false positives) it "
        f"reads {lsm_wasted_reads} of them from disk on average, instead of all of them."
    )
