"""Concepts, unique IDs: what random keys cost a B-tree index, against keys that grow with time.

A simple model of a PostgreSQL B-tree index on the ID, with stated inputs; no benchmark.

- A leaf page of 8,192 bytes keeps 24 for its header and 16 for the B-tree's own data. Each entry
  is an 8-byte tuple header and the key, padded to a multiple of 8 bytes, plus a 4-byte line pointer
  (the page's high key and free-space rounding are left out).
- Keys that grow with time (a bigint sequence, a Snowflake ID, UUIDv7) always land on the rightmost
  leaf. It stays in memory; when it fills, it splits and leaves the old page 90% full (B-tree
  leaves' default fillfactor, applied when the index grows at the right). So one leaf is written
  for every (entries per page x 0.9) inserts, and no insert reads from disk.
- Random keys (UUIDv4, a hash) land on any leaf. Leaves split in the middle and end up ln 2, about
  69%, full on average (Yao, Acta Informatica 1978). An insert whose leaf is not cached reads it
  from disk first. Every leaf an insert dirties is written at least once per checkpoint.
  k inserts spread over L leaves dirty L (1 - e^(-k/L)) distinct leaves.
- How often checkpoints come, at PostgreSQL's defaults. With full_page_writes (on by default), a
  page's first change after a checkpoint puts an image of the page in the write-ahead log, less
  the free space in its middle (B-tree pages are logged in the standard layout, and wal_compression
  is off by default). A checkpoint starts every checkpoint_timeout (300 s), or sooner, once enough
  WAL has been written since the last one's redo point (xlog.c). CalculateCheckpointSegments sets
  CheckPointSegments to max_wal_size / (1 + checkpoint_completion_target) in 16 MiB segments,
  rounded down: 64 / 1.9 = 33.7, so 33 at the defaults. XLogCheckpointNeeded, called as each
  segment fills, requests a checkpoint once the segment just filled is CheckPointSegments - 1 past
  the redo point's segment: at the end of the 33rd segment counted from the start of the redo's
  own. A checkpoint so requested starts at once (the last one finished at 0.9 of the interval), so
  its redo point lies just past the segment boundary where the request came, and the WAL between
  checkpoints is 33 whole segments, 528 MiB. Random inserts write so many page images that the
  WAL, not the timeout, sets the interval. The model counts only those images, not the insert
  records or the table's own WAL, so its interval is the longest the defaults allow and its page
  writes the fewest.
"""

import math

from sdw.estimation import (
    bandwidth,
    count,
    duration,
    fraction,
    markdown_table,
    per_second,
    size,
    times,
)

PAGE_BYTES = 8_192
PAGE_OVERHEAD = 24 + 16  # page header, B-tree special space
TUPLE_HEADER = 8
LINE_POINTER = 4
ALIGN = 8
ORDERED_FILL = 0.9  # B-tree leaves' default fillfactor, kept on splits at the right edge
RANDOM_FILL = math.log(2)  # random inserts: pages about 69% full on average
ROWS = 1e9  # keys in the index
INSERTS_PER_SECOND = 10_000
CHECKPOINT_TIMEOUT = 300  # seconds: PostgreSQL's default checkpoint_timeout
MAX_WAL_BYTES = 1_024 * 2**20  # PostgreSQL's default max_wal_size, 1 GB (1,024 MiB)
WAL_SEGMENT_BYTES = 16 * 2**20  # PostgreSQL's default wal_segment_size, 16 MiB
CHECKPOINT_COMPLETION_TARGET = 0.9  # PostgreSQL's default since version 14
CHECKPOINT_SEGMENTS = int(MAX_WAL_BYTES / WAL_SEGMENT_BYTES / (1 + CHECKPOINT_COMPLETION_TARGET))  # rounded down
WAL_BETWEEN_CHECKPOINTS = CHECKPOINT_SEGMENTS * WAL_SEGMENT_BYTES  # from a redo point at a segment's start
MEMORY_FOR_LEAVES = 16e9  # bytes of the buffer cache this index's leaves may use


def entry_bytes(key_bytes: int) -> int:
    return math.ceil((TUPLE_HEADER + key_bytes) / ALIGN) * ALIGN + LINE_POINTER


def entries_per_leaf(key_bytes: int) -> int:
    return (PAGE_BYTES - PAGE_OVERHEAD) // entry_bytes(key_bytes)


def leaves(key_bytes: int, fill: float) -> float:
    return ROWS / (entries_per_leaf(key_bytes) * fill)


def ordered_writes_per_second(key_bytes: int) -> float:
    return INSERTS_PER_SECOND / (entries_per_leaf(key_bytes) * ORDERED_FILL)


def page_image_bytes(key_bytes: int, fill: float) -> float:
    """A leaf's image in the WAL: the page less its free space (header, entries, special space)."""
    return PAGE_OVERHEAD + entries_per_leaf(key_bytes) * fill * entry_bytes(key_bytes)


def dirtied(pages: float, inserts: float) -> float:
    """Distinct leaves that `inserts` random inserts dirty among `pages` leaves."""
    return pages * -math.expm1(-inserts / pages)


def random_checkpoint_seconds(key_bytes: int) -> float:
    """The checkpoint interval under random inserts: the timeout, or sooner, once the page images
    of the distinct leaves dirtied since the last checkpoint fill the WAL allowed between them."""
    pages = leaves(key_bytes, RANDOM_FILL)
    distinct = WAL_BETWEEN_CHECKPOINTS / page_image_bytes(key_bytes, RANDOM_FILL)
    inserts = -pages * math.log1p(-distinct / pages)  # inverts dirtied(): inserts that dirty that many
    return min(CHECKPOINT_TIMEOUT, inserts / INSERTS_PER_SECOND)


def random_writes_per_second(key_bytes: int) -> float:
    interval = random_checkpoint_seconds(key_bytes)
    return dirtied(leaves(key_bytes, RANDOM_FILL), INSERTS_PER_SECOND * interval) / interval


def random_reads_per_second(key_bytes: int) -> float:
    cached = min(1.0, MEMORY_FOR_LEAVES / (leaves(key_bytes, RANDOM_FILL) * PAGE_BYTES))
    return INSERTS_PER_SECOND * (1 - cached)


UUID, BIGINT = 16, 8


def row(label: str, key_bytes: int, ordered: bool) -> tuple:
    """One key's row: entries a leaf, how full, the leaves' size, leaves read and written a second."""
    fill = ORDERED_FILL if ordered else RANDOM_FILL
    return (
        label,
        count(entries_per_leaf(key_bytes)),
        fraction(fill),
        size(leaves(key_bytes, fill) * PAGE_BYTES),
        "none" if ordered else per_second(random_reads_per_second(key_bytes)),
        per_second(ordered_writes_per_second(key_bytes) if ordered else random_writes_per_second(key_bytes)),
    )


rows = [
    row("bigint from a sequence, or a Snowflake ID", BIGINT, ordered=True),
    row("UUIDv7 (time-ordered)", UUID, ordered=True),
    row("UUIDv4 (random)", UUID, ordered=False),
]

# Figures the page quotes.
rows_indexed = count(ROWS)
inserts_per_second = per_second(INSERTS_PER_SECOND)
memory_for_leaves = size(MEMORY_FOR_LEAVES)
checkpoint_timeout = duration(CHECKPOINT_TIMEOUT)
wal_between_checkpoints = size(WAL_BETWEEN_CHECKPOINTS)
random_page_image_bytes = size(page_image_bytes(UUID, RANDOM_FILL))
random_checkpoint_interval = duration(random_checkpoint_seconds(UUID))
page_kib = count(PAGE_BYTES / 1024)
uuid_entries_per_leaf = count(entries_per_leaf(UUID))
bigint_entries_per_leaf = count(entries_per_leaf(BIGINT))
inserts_per_leaf_write_ordered = count(entries_per_leaf(UUID) * ORDERED_FILL)
random_fill = fraction(RANDOM_FILL)
ordered_fill = fraction(ORDERED_FILL)
leaf_bytes_random = size(leaves(UUID, RANDOM_FILL) * PAGE_BYTES)
leaf_bytes_uuidv7 = size(leaves(UUID, ORDERED_FILL) * PAGE_BYTES)
leaf_bytes_bigint = size(leaves(BIGINT, ORDERED_FILL) * PAGE_BYTES)
random_over_ordered_space = times(ORDERED_FILL / RANDOM_FILL)
uuid_over_bigint_space = times(entries_per_leaf(BIGINT) / entries_per_leaf(UUID))
random_reads = per_second(random_reads_per_second(UUID))
random_leaf_writes = per_second(random_writes_per_second(UUID))
ordered_leaf_writes = per_second(ordered_writes_per_second(UUID))
# The right-edge fill holds only while keys arrive nearly in order: within about the time one leaf's
# entries span at the insert rate. Keys that arrive spread wider land on the last few leaves, which
# split in the middle like random ones.
LEAF_SPAN_UUID = entries_per_leaf(UUID) * ORDERED_FILL / INSERTS_PER_SECOND
leaf_span_uuid = duration(LEAF_SPAN_UUID)
leaf_span_bigint = duration(entries_per_leaf(BIGINT) * ORDERED_FILL / INSERTS_PER_SECOND)
random_over_ordered_writes = times(random_writes_per_second(UUID) / ordered_writes_per_second(UUID))
random_page_write_bytes = bandwidth(random_writes_per_second(UUID) * PAGE_BYTES)
random_page_image_wal_bytes = bandwidth(WAL_BETWEEN_CHECKPOINTS / random_checkpoint_seconds(UUID))
# The leaves dirtied between two checkpoints must stay in memory until the checkpoint writes them.
random_dirty_leaf_bytes = size(
    dirtied(leaves(UUID, RANDOM_FILL), INSERTS_PER_SECOND * random_checkpoint_seconds(UUID)) * PAGE_BYTES
)
# Were max_wal_size raised until the timeout set the interval: fewer writes, if that many dirty
# leaves fitted in memory.
random_leaf_writes_at_timeout = per_second(
    dirtied(leaves(UUID, RANDOM_FILL), INSERTS_PER_SECOND * CHECKPOINT_TIMEOUT) / CHECKPOINT_TIMEOUT
)
random_dirty_leaf_bytes_at_timeout = size(
    dirtied(leaves(UUID, RANDOM_FILL), INSERTS_PER_SECOND * CHECKPOINT_TIMEOUT) * PAGE_BYTES
)

if __name__ != "concept_ids_btree":
    print(
        markdown_table(
            (
                f"Key, {inserts_per_second} inserts into an index of {rows_indexed}",
                f"Entries per {int(page_kib)} KiB leaf",
                "Leaves filled to",
                "Leaves take",
                f"Leaves read from disk ({memory_for_leaves} of memory for them)",
                f"Leaves written, at least (random keys: a checkpoint every {random_checkpoint_interval})",
            ),
            rows,
        )
    )
    print()
    print(
        f"Random keys: each leaf's first change after a checkpoint logs an image of about "
        f"{random_page_image_bytes}, so PostgreSQL's default max_wal_size starts a checkpoint after "
        f"{wal_between_checkpoints} of WAL, every {random_checkpoint_interval} here, not every "
        f"{checkpoint_timeout} (checkpoint_timeout). The leaves dirtied in between take "
        f"{random_dirty_leaf_bytes} of memory."
    )
