"""Concepts, file sync: what an insert of a few bytes near the start of a large file costs to send under each
way of cutting it, what each way costs in index entries and blocklist bytes, and how long a phone takes.

Whole file: every edit sends the file again.

Fixed blocks: an insert moves every later byte, so every block from the insert on changes and is sent; an
overwrite in place changes one block.

Content-defined chunks: a cut falls where a rolling hash of the last few dozen bytes matches a pattern, so cut
points depend on the content around them, not on offsets, and those after the edit come back in place. The
chunk that held the edit is sent again, with the inserted bytes. Model: after the minimum m, each byte is a
cut with probability 1 / mu, so a chunk's length is m plus an exponential of mean mu (the maximum, many times
mu away, almost never binds). The chunk holding a given byte is picked in proportion to its length (the
inspection paradox), so its expected length is E[L^2] / E[L] = (m^2 + 2 m mu + 2 mu^2) / (m + mu): more than
the average. Rare second-order effects (a cut destroyed or made inside the hash's window, a minimum that
suppresses the next cut) add at most a chunk more, now and then.

rsync: the side holding the old file sends a rolling and a strong checksum a block; the side holding the new
file rolls through every byte, sends matches as references and the rest as literal bytes. An insert inside
a block spoils that block, so the literal bytes are the insert and about one block. Block and checksum sizes
as rsync's generator.c computes them (sum_sizes_sqroot), for a current protocol and the short first-pass
checksum.

Index and blocklists: one block-index entry per distinct chunk stored; a file version's blocklist names each
chunk of the file.

On a phone: the video page's upload rate and drop rate; a send restarted from zero after each drop takes
(e^(t / d) - 1) d on average for a clean time t and a drop every d seconds on average.
"""

import math

from concept_sync_assumptions import (
    CHUNK_AVERAGE,
    CHUNK_MIN,
    DROPBOX_BLOCK,
    FILE_BYTES,
    HASH_BYTES,
    INDEX_ENTRY_BYTES,
    INSERT_BYTES,
    LBFS_AVERAGE,
    LBFS_MIN,
    LENGTH_BYTES,
    RSYNC_BLOCK_SIZE,
    RSYNC_BLOCKSUM_BIAS,
    RSYNC_MAX_BLOCK_SIZE,
    RSYNC_ROLLING_BYTES,
    RSYNC_SHORT_SUM_LENGTH,
    RSYNC_SUM_LENGTH,
)
from concept_video import expected_time
from concept_video_assumptions import PHONE_UPLINK_BITS

from sdw.estimation import TB, count, duration, fraction, markdown_table, size, times

EB = 1e18
INSERT_AT = 0  # the insert lands in the first block or chunk: "near the start"


def rsync_sizes(length: int) -> tuple[int, int]:
    """rsync's block length and strong-checksum bytes for a file of `length` bytes (generator.c)."""
    if length <= RSYNC_BLOCK_SIZE * RSYNC_BLOCK_SIZE:
        block = RSYNC_BLOCK_SIZE
    else:
        c, rest = 1, length
        while rest := rest >> 2:
            c <<= 1
        if c >= RSYNC_MAX_BLOCK_SIZE:
            block = RSYNC_MAX_BLOCK_SIZE
        else:
            block = 0
            while c >= 8:
                block |= c
                if length < block * block:
                    block &= ~c
                c >>= 1
            block = max(block, RSYNC_BLOCK_SIZE)
    bits, rest = RSYNC_BLOCKSUM_BIAS, length
    while rest := rest >> 1:
        bits += 2
    c = block
    while (c := c >> 1) and bits:
        bits -= 1
    strong = (bits + 1 - 32 + 7) // 8
    return block, min(max(strong, RSYNC_SHORT_SUM_LENGTH), RSYNC_SUM_LENGTH)


def chunk_holding_a_byte(least: float, average: float) -> float:
    """Expected length of the content-defined chunk that holds a given byte: E[L^2] / E[L]."""
    mean_tail = average - least
    return (least**2 + 2 * least * mean_tail + 2 * mean_tail**2) / average


# --- Bytes sent for the insert ----------------------------------------------------------------------------
whole_sent = FILE_BYTES + INSERT_BYTES
fixed_blocks = math.ceil(FILE_BYTES / DROPBOX_BLOCK)
fixed_sent = FILE_BYTES - INSERT_AT + INSERT_BYTES  # every block from the insert on
fixed_overwrite_sent = DROPBOX_BLOCK  # the same edit made in place, no bytes moved
small_chunk_span = chunk_holding_a_byte(LBFS_MIN, LBFS_AVERAGE)
small_cdc_sent = small_chunk_span + INSERT_BYTES
large_chunk_span = chunk_holding_a_byte(CHUNK_MIN, CHUNK_AVERAGE)
large_cdc_sent = large_chunk_span + INSERT_BYTES
rsync_block, rsync_strong = rsync_sizes(int(FILE_BYTES))
rsync_blocks = math.ceil(FILE_BYTES / rsync_block)
rsync_signature = rsync_blocks * (RSYNC_ROLLING_BYTES + rsync_strong)
rsync_literal = rsync_block + INSERT_BYTES
rsync_total = rsync_literal + rsync_signature

# --- Index entries and blocklists -------------------------------------------------------------------------
per_tb = {
    name: TB / chunk for name, chunk in (("fixed", DROPBOX_BLOCK), ("large", CHUNK_AVERAGE), ("small", LBFS_AVERAGE))
}
fixed_entries_per_tb = count(per_tb["fixed"])
large_entries_per_tb = count(per_tb["large"])
small_entries_per_tb = count(per_tb["small"])
fixed_index_per_tb = size(per_tb["fixed"] * INDEX_ENTRY_BYTES)
large_index_per_tb = size(per_tb["large"] * INDEX_ENTRY_BYTES)
small_index_per_tb = size(per_tb["small"] * INDEX_ENTRY_BYTES)
small_index_share = fraction(INDEX_ENTRY_BYTES / LBFS_AVERAGE)
fixed_index_exabyte = size(EB / DROPBOX_BLOCK * INDEX_ENTRY_BYTES)
large_index_exabyte = size(EB / CHUNK_AVERAGE * INDEX_ENTRY_BYTES)
small_index_exabyte = size(EB / LBFS_AVERAGE * INDEX_ENTRY_BYTES)
small_entries_exabyte = count(EB / LBFS_AVERAGE)
small_over_fixed_entries = times(DROPBOX_BLOCK / LBFS_AVERAGE)
large_over_fixed_entries = times(DROPBOX_BLOCK / CHUNK_AVERAGE)
fixed_blocklist = size(fixed_blocks * HASH_BYTES)
large_blocklist = size(math.ceil(FILE_BYTES / CHUNK_AVERAGE) * (HASH_BYTES + LENGTH_BYTES))
small_blocklist = size(math.ceil(FILE_BYTES / LBFS_AVERAGE) * (HASH_BYTES + LENGTH_BYTES))

# --- On a phone ------------------------------------------------------------------------------------------
whole_phone_clean = duration(whole_sent * 8 / PHONE_UPLINK_BITS)
whole_phone_expected = duration(expected_time(whole_sent * 8 / PHONE_UPLINK_BITS))
large_cdc_phone = duration(large_cdc_sent * 8 / PHONE_UPLINK_BITS)

whole_file_sent = size(whole_sent)
fixed_block_count = count(fixed_blocks)
fixed_insert_sent = size(fixed_sent)
fixed_overwrite = size(fixed_overwrite_sent)
small_cdc_span = size(small_chunk_span)
small_cdc_insert_sent = size(small_cdc_sent)
large_cdc_span = size(large_chunk_span)
large_cdc_insert_sent = size(large_cdc_sent)
large_cdc_share_of_file = fraction(large_cdc_sent / FILE_BYTES)
rsync_block_bytes = size(rsync_block)
rsync_strong_bytes = size(rsync_strong)
rsync_block_count = count(rsync_blocks)
rsync_signature_bytes = size(rsync_signature)
rsync_literal_bytes = size(rsync_literal)
rsync_total_bytes = size(rsync_total)
whole_over_large_cdc = times(whole_sent / large_cdc_sent)

if __name__ != "concept_sync":
    print(
        markdown_table(
            (
                f"An insert of {size(INSERT_BYTES)} at the start of a {size(FILE_BYTES)} file",
                "Bytes sent",
                "Server reads",
            ),
            [
                ("Whole file", whole_file_sent, "nothing"),
                (f"Fixed {DROPBOX_BLOCK // 2**20} MiB blocks", fixed_insert_sent, "its block index"),
                ("Fixed blocks, the same edit made in place", fixed_overwrite, "its block index"),
                ("Content-defined, 8 KiB average (LBFS)", small_cdc_insert_sent, "its block index"),
                ("Content-defined, 1 MiB average (the page's)", large_cdc_insert_sent, "its block index"),
                (
                    f"rsync ({rsync_block_bytes} blocks): literal bytes up, checksums down",
                    f"{rsync_literal_bytes} + {rsync_signature_bytes}",
                    f"the whole old file, {size(FILE_BYTES)}",
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Chunks", "Index entries a TB", "Index a TB", "Index for 1 EB stored", "Blocklist of the 1 GB file"),
            [
                ("Fixed 4 MiB", fixed_entries_per_tb, fixed_index_per_tb, fixed_index_exabyte, fixed_blocklist),
                (
                    "Content-defined, 1 MiB",
                    large_entries_per_tb,
                    large_index_per_tb,
                    large_index_exabyte,
                    large_blocklist,
                ),
                (
                    "Content-defined, 8 KiB",
                    small_entries_per_tb,
                    small_index_per_tb,
                    small_index_exabyte,
                    small_blocklist,
                ),
            ],
        )
    )
