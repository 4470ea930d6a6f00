"""Concepts, file sync: what an insert of a few bytes at a random place in a large file costs to send under each
way of cutting it, what each way costs in index entries and blocklist bytes, and how long a phone takes.

Whole file: every edit sends the file again, in one PUT or in the video page's resumable parts.

Fixed blocks: an insert moves every later byte, so every block from the one holding the insert on changes and
is stored anew: half the file and half a block on average. An overwrite in place changes one block.

Content-defined chunks: a cut falls where a rolling hash of the last few dozen bytes matches a pattern, so cut
points depend on the content around them, not on offsets, and those after the edit come back in place. The
chunk that held the edit is sent again, with the inserted bytes. Model: after the minimum m, each byte is a
cut with probability 1 / mu, so a chunk's length is m plus an exponential of mean mu (the maximum, many times
mu away, almost never binds). The chunk holding a given byte is picked in proportion to its length (the
inspection paradox), so its expected length is E[L^2] / E[L] = (m^2 + 2 m mu + 2 mu^2) / (m + mu): more than
the average. The first chunk of a file is not picked by length: an insert at offset 0 costs E[L] = m + mu.
Rare second-order effects (a cut destroyed or made inside the hash's window, a minimum that suppresses the next
cut) add at most a chunk more, now and then.

rsync: the side holding the old file sends a rolling and a strong checksum a block; the side holding the new
file rolls through every byte, sends matches as references and the rest as literal bytes. An insert inside
a block spoils that block, so the literal bytes are the insert and about one block. Uncompressed, every
matched block also costs a 4-byte token, every literal run of up to 32 KiB a 4-byte length, and the file a
16-byte checksum (token.c). Block and checksum sizes as rsync's generator.c computes them (sum_sizes_sqroot),
for a current protocol and the short first-pass checksum. Stored at commit, the signature spares the server
reading the old file.

Index and blocklists: one block-index entry per distinct chunk stored; a file version's blocklist names each
chunk of the file. The same for chunks of 128 KiB on average (64 KiB least), the size weighed against the
page's, and the memory budget the index must fit.

On a phone: the video page's upload rate and drop rate; a send restarted from zero after each drop takes
(e^(t / d) - 1) d on average for a clean time t and a drop every d seconds on average; in the video page's
parts, each part restarts alone.
"""

import math

from concept_sync_assumptions import (
    CHUNK_AVERAGE,
    CHUNK_MIN,
    DROPBOX_BLOCK,
    FILE_BYTES,
    HASH_BYTES,
    INDEX_BUDGET_SHARE,
    INDEX_ENTRY_BYTES,
    INSERT_BYTES,
    LBFS_AVERAGE,
    LBFS_MIN,
    LENGTH_BYTES,
    PART_BYTES,
    RSYNC_BLOCK_SIZE,
    RSYNC_BLOCKSUM_BIAS,
    RSYNC_FILE_SUM,
    RSYNC_LITERAL_RUN,
    RSYNC_MAX_BLOCK_SIZE,
    RSYNC_ROLLING_BYTES,
    RSYNC_SHORT_SUM_LENGTH,
    RSYNC_SUM_LENGTH,
    RSYNC_TOKEN_BYTES,
    SMALL_CHUNK_AVERAGE,
    SMALL_CHUNK_MIN,
    STORE_BYTES,
)
from concept_video import expected_time
from concept_video_assumptions import PHONE_UPLINK_BITS

from sdw.estimation import TB, count, duration, fraction, markdown_table, size, times

EB = STORE_BYTES


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
fixed_sent = FILE_BYTES / 2 + DROPBOX_BLOCK / 2 + INSERT_BYTES  # every block from the insert's on, on average
fixed_overwrite_sent = DROPBOX_BLOCK  # the same edit made in place, no bytes moved
small_chunk_span = chunk_holding_a_byte(LBFS_MIN, LBFS_AVERAGE)
small_cdc_sent = small_chunk_span + INSERT_BYTES
large_chunk_span = chunk_holding_a_byte(CHUNK_MIN, CHUNK_AVERAGE)
large_cdc_sent = large_chunk_span + INSERT_BYTES
first_chunk_sent = CHUNK_AVERAGE + INSERT_BYTES  # an insert in the first chunk: not picked by length
mid_chunk_span = chunk_holding_a_byte(SMALL_CHUNK_MIN, SMALL_CHUNK_AVERAGE)
mid_cdc_sent = mid_chunk_span + INSERT_BYTES
rsync_block, rsync_strong = rsync_sizes(int(FILE_BYTES))
rsync_blocks = math.ceil(FILE_BYTES / rsync_block)
rsync_signature = rsync_blocks * (RSYNC_ROLLING_BYTES + rsync_strong)
rsync_literal = rsync_block + INSERT_BYTES
rsync_tokens = (rsync_blocks - 1) * RSYNC_TOKEN_BYTES  # one a matched block
rsync_up = rsync_literal + math.ceil(rsync_literal / RSYNC_LITERAL_RUN) * RSYNC_TOKEN_BYTES + rsync_tokens
rsync_up += RSYNC_FILE_SUM
rsync_total = rsync_up + rsync_signature

# --- Index entries and blocklists -------------------------------------------------------------------------
per_tb = {
    name: TB / chunk
    for name, chunk in (
        ("fixed", DROPBOX_BLOCK),
        ("large", CHUNK_AVERAGE),
        ("mid", SMALL_CHUNK_AVERAGE),
        ("small", LBFS_AVERAGE),
    )
}
fixed_entries_per_tb = count(per_tb["fixed"])
large_entries_per_tb = count(per_tb["large"])
small_entries_per_tb = count(per_tb["small"])
mid_entries_per_tb = count(per_tb["mid"])
mid_index_per_tb = size(per_tb["mid"] * INDEX_ENTRY_BYTES)
mid_index_exabyte = size(EB / SMALL_CHUNK_AVERAGE * INDEX_ENTRY_BYTES)
mid_index_share = fraction(INDEX_ENTRY_BYTES / SMALL_CHUNK_AVERAGE)
mid_blocklist = size(math.ceil(FILE_BYTES / SMALL_CHUNK_AVERAGE) * (HASH_BYTES + LENGTH_BYTES))
index_budget_exabyte = size(EB * INDEX_BUDGET_SHARE)
mid_over_budget = times(EB / SMALL_CHUNK_AVERAGE * INDEX_ENTRY_BYTES / (EB * INDEX_BUDGET_SHARE))
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
whole_parts = math.ceil(whole_sent / PART_BYTES)
whole_part_count = count(whole_parts)
whole_phone_parts = duration(whole_parts * expected_time(PART_BYTES * 8 / PHONE_UPLINK_BITS))
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
first_chunk_insert_sent = size(first_chunk_sent)
mid_cdc_insert_sent = size(mid_cdc_sent)
rsync_block_bytes = size(rsync_block)
rsync_strong_bytes = size(rsync_strong)
rsync_block_count = count(rsync_blocks)
rsync_signature_bytes = size(rsync_signature)
rsync_literal_bytes = size(rsync_literal)
rsync_tokens_bytes = size(rsync_tokens)
rsync_up_bytes = size(rsync_up)
rsync_total_bytes = size(rsync_total)
rsync_signature_share = fraction(rsync_signature / FILE_BYTES)
whole_over_large_cdc = times(whole_sent / large_cdc_sent)

if __name__ != "concept_sync":
    print(
        markdown_table(
            (
                f"An insert of {size(INSERT_BYTES)} at a random place in a {size(FILE_BYTES)} file",
                "Bytes sent",
                "Server reads",
            ),
            [
                ("Whole file", whole_file_sent, "nothing"),
                (f"Fixed {DROPBOX_BLOCK // 2**20} MiB blocks, on average", fixed_insert_sent, "its block index"),
                ("Fixed blocks, the same edit made in place", fixed_overwrite, "its block index"),
                ("Content-defined, 8 KiB average (LBFS)", small_cdc_insert_sent, "its block index"),
                ("Content-defined, 128 KiB average", mid_cdc_insert_sent, "its block index"),
                ("Content-defined, 1 MiB average (the page's)", large_cdc_insert_sent, "its block index"),
                (
                    f"rsync ({rsync_block_bytes} blocks): literal bytes and tokens up, checksums down",
                    f"{rsync_up_bytes} + {rsync_signature_bytes}",
                    f"the old file, {size(FILE_BYTES)}, or its stored signature",
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
                    "Content-defined, 128 KiB",
                    mid_entries_per_tb,
                    mid_index_per_tb,
                    mid_index_exabyte,
                    mid_blocklist,
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
