"""Concepts, file sync: what an insert of a few bytes at a random place in a large file costs to send under each
way of cutting it, what each way costs in index entries and blocklist bytes, and how long a phone takes.

Whole file: every edit sends the file again, in one PUT or in the video page's resumable parts.

Fixed blocks: an insert moves every later byte, so every block from the one holding the insert on changes and
is stored anew: half the file and half a block on average. An overwrite in place changes one block. Sent as
a delta inside each block (Dropbox's client), each of those blocks carries the shift once: the insert's bytes
that spill into it and one spoiled sub-block as literal bytes, a token a matched sub-block, and its checksums
down (delta_sizes).

Content-defined chunks: a cut falls where a rolling hash of the last few dozen bytes matches a pattern, so cut
points depend on the content around them, not on offsets, and those after the edit come back in place. The
chunk that held the edit is stored again, with the inserted bytes; the page's client sends it as an rsync delta
against the old chunk (delta_sizes). Model: after the minimum m, each byte is a
cut with probability 1 / mu, so a chunk's length is m plus an exponential of mean mu (the maximum, many times
mu away, almost never binds). The chunk holding a given byte is picked in proportion to its length (the
inspection paradox), so its expected length is E[L^2] / E[L] = (m^2 + 2 m mu + 2 mu^2) / (m + mu): more than
the average. The first chunk of a file is not picked by length: an insert at offset 0 costs E[L] = m + mu.
Rare second-order effects (a cut destroyed or made inside the hash's window, a minimum that suppresses the next
cut) add at most a chunk more, now and then.

rsync: the side holding the old file sends a rolling and a strong checksum a block; the side holding the new
file rolls through every byte, sends matches as references and the rest as literal bytes. A change of c bytes
spoils the blocks it touches, so the literal bytes are the change and about one block. Uncompressed, every
matched block also costs a 4-byte token, every literal run of up to 32 KiB a 4-byte length, and the file a
16-byte checksum (token.c). Block and checksum sizes as rsync's generator.c computes them (sum_sizes_sqroot),
for a current protocol and the short first-pass checksum. Stored at commit, the signature spares the server
the checksum pass; rebuilding the new version still reads the old file and writes the new one.

Index and blocklists: one block-index entry per distinct chunk stored (at least: a file under the minimum is
a chunk of its own, so many small files raise the count and narrow the gap between sizes); a file version's
blocklist names each chunk of the file. The page's chunks average 128 KiB; 1 MiB is the size weighed against.

On a phone: the video page's upload rate and drop rate; a send restarted from zero after each drop takes
(e^(t / d) - 1) d on average for a clean time t and a drop every d seconds on average; in the video page's
parts, each part restarts alone, the last one a partial part at its own size.
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
    LARGE_CHUNK_AVERAGE,
    LARGE_CHUNK_MIN,
    LBFS_AVERAGE,
    LBFS_MIN,
    LENGTH_BYTES,
    RSYNC_BLOCK_SIZE,
    RSYNC_BLOCKSUM_BIAS,
    RSYNC_FILE_SUM,
    RSYNC_LITERAL_RUN,
    RSYNC_MAX_BLOCK_SIZE,
    RSYNC_ROLLING_BYTES,
    RSYNC_SHORT_SUM_LENGTH,
    RSYNC_SUM_LENGTH,
    RSYNC_TOKEN_BYTES,
    STORE_BYTES,
)
from concept_video import expected_time, split_parts
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


def delta_sizes(old_length: float, changed: float) -> tuple[float, float]:
    """Bytes up and down for an rsync delta that changes `changed` bytes of an `old_length`-byte original:
    the change and one spoiled block as literal bytes with a length a 32 KiB run, a token a matched block and
    the whole-file checksum up; a rolling and a strong checksum a block down."""
    block, strong = rsync_sizes(int(old_length))
    blocks = math.ceil(old_length / block)
    literal = changed + block
    matched = max(blocks - 1 - int(changed // block), 0)  # none when the change outgrows the original
    up = literal + math.ceil(literal / RSYNC_LITERAL_RUN) * RSYNC_TOKEN_BYTES + matched * RSYNC_TOKEN_BYTES
    return up + RSYNC_FILE_SUM, blocks * (RSYNC_ROLLING_BYTES + strong)


# --- Bytes sent for the insert ----------------------------------------------------------------------------
whole_sent = FILE_BYTES + INSERT_BYTES
fixed_blocks = math.ceil(FILE_BYTES / DROPBOX_BLOCK)
fixed_sent = FILE_BYTES / 2 + DROPBOX_BLOCK / 2 + INSERT_BYTES  # every block from the insert's on, on average
fixed_overwrite_sent = DROPBOX_BLOCK  # the same edit made in place, no bytes moved
small_chunk_span = chunk_holding_a_byte(LBFS_MIN, LBFS_AVERAGE)
small_cdc_sent = small_chunk_span + INSERT_BYTES
large_chunk_span = chunk_holding_a_byte(LARGE_CHUNK_MIN, LARGE_CHUNK_AVERAGE)
large_cdc_sent = large_chunk_span + INSERT_BYTES
first_chunk_sent = CHUNK_AVERAGE + INSERT_BYTES  # an insert in the first chunk: not picked by length
mid_chunk_span = chunk_holding_a_byte(CHUNK_MIN, CHUNK_AVERAGE)
mid_cdc_sent = mid_chunk_span + INSERT_BYTES
mid_delta_up, mid_delta_down = delta_sizes(mid_chunk_span, INSERT_BYTES)  # the page's: a delta inside the chunk
rsync_block, rsync_strong = rsync_sizes(int(FILE_BYTES))
rsync_blocks = math.ceil(FILE_BYTES / rsync_block)
rsync_literal = rsync_block + INSERT_BYTES
rsync_tokens = (rsync_blocks - 1) * RSYNC_TOKEN_BYTES  # one a matched block
rsync_up, rsync_signature = delta_sizes(FILE_BYTES, INSERT_BYTES)
rsync_total = rsync_up + rsync_signature
# Fixed blocks with a delta inside each: every block from the insert's on, each carrying the shift once.
fixed_later = (FILE_BYTES / 2 + DROPBOX_BLOCK / 2) / DROPBOX_BLOCK
fixed_sub_block, _ = rsync_sizes(DROPBOX_BLOCK)
fixed_block_up, fixed_block_down = delta_sizes(DROPBOX_BLOCK, INSERT_BYTES)
fixed_delta_literal = size(fixed_later * (INSERT_BYTES + fixed_sub_block))
fixed_delta_up = size(fixed_later * fixed_block_up)
fixed_delta_down = size(fixed_later * fixed_block_down)
fixed_delta_blocks = count(fixed_later)
fixed_sub_block_bytes = size(fixed_sub_block)

# --- Index entries and blocklists -------------------------------------------------------------------------
per_tb = {
    name: TB / chunk
    for name, chunk in (
        ("fixed", DROPBOX_BLOCK),
        ("large", LARGE_CHUNK_AVERAGE),
        ("mid", CHUNK_AVERAGE),
        ("small", LBFS_AVERAGE),
    )
}
fixed_entries_per_tb = count(per_tb["fixed"])
large_entries_per_tb = count(per_tb["large"])
small_entries_per_tb = count(per_tb["small"])
mid_entries_per_tb = count(per_tb["mid"])
mid_index_per_tb = size(per_tb["mid"] * INDEX_ENTRY_BYTES)
mid_index_exabyte = size(EB / CHUNK_AVERAGE * INDEX_ENTRY_BYTES)
mid_index_share = fraction(INDEX_ENTRY_BYTES / CHUNK_AVERAGE)
mid_blocklist = size(math.ceil(FILE_BYTES / CHUNK_AVERAGE) * (HASH_BYTES + LENGTH_BYTES))
fixed_index_per_tb = size(per_tb["fixed"] * INDEX_ENTRY_BYTES)
large_index_per_tb = size(per_tb["large"] * INDEX_ENTRY_BYTES)
small_index_per_tb = size(per_tb["small"] * INDEX_ENTRY_BYTES)
small_index_share = fraction(INDEX_ENTRY_BYTES / LBFS_AVERAGE)
fixed_index_exabyte = size(EB / DROPBOX_BLOCK * INDEX_ENTRY_BYTES)
large_index_exabyte = size(EB / LARGE_CHUNK_AVERAGE * INDEX_ENTRY_BYTES)
small_index_exabyte = size(EB / LBFS_AVERAGE * INDEX_ENTRY_BYTES)
small_entries_exabyte = count(EB / LBFS_AVERAGE)
small_over_fixed_entries = times(DROPBOX_BLOCK / LBFS_AVERAGE)
large_over_fixed_entries = times(DROPBOX_BLOCK / LARGE_CHUNK_AVERAGE)
fixed_blocklist = size(fixed_blocks * HASH_BYTES)
large_blocklist = size(math.ceil(FILE_BYTES / LARGE_CHUNK_AVERAGE) * (HASH_BYTES + LENGTH_BYTES))
small_blocklist = size(math.ceil(FILE_BYTES / LBFS_AVERAGE) * (HASH_BYTES + LENGTH_BYTES))

# --- On a phone ------------------------------------------------------------------------------------------
whole_phone_clean = duration(whole_sent * 8 / PHONE_UPLINK_BITS)
whole_phone_expected = duration(expected_time(whole_sent * 8 / PHONE_UPLINK_BITS))
whole_part_sizes = split_parts(whole_sent)  # the video page's parts: the last one holds what is left
whole_part_count = count(len(whole_part_sizes))
whole_phone_parts = duration(sum(expected_time(part * 8 / PHONE_UPLINK_BITS) for part in whole_part_sizes))
mid_cdc_phone = duration(mid_delta_up * 8 / PHONE_UPLINK_BITS)
mid_cdc_delta_up = size(mid_delta_up)
mid_cdc_delta_down = size(mid_delta_down)

whole_file_sent = size(whole_sent)
fixed_block_count = count(fixed_blocks)
fixed_insert_sent = size(fixed_sent)
fixed_overwrite = size(fixed_overwrite_sent)
small_cdc_span = size(small_chunk_span)
small_cdc_insert_sent = size(small_cdc_sent)
large_cdc_span = size(large_chunk_span)
large_cdc_insert_sent = size(large_cdc_sent)
mid_cdc_share_of_file = fraction(mid_cdc_sent / FILE_BYTES)
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
mid_cdc_span = size(mid_chunk_span)

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
                (
                    "Fixed blocks, a delta inside each (Dropbox's client): up + down",
                    f"{fixed_delta_up} + {fixed_delta_down}",
                    "the old blocks, to rebuild",
                ),
                ("Fixed blocks, the same edit made in place", fixed_overwrite, "its block index"),
                ("Content-defined, 8 KiB average (LBFS)", small_cdc_insert_sent, "its block index"),
                (
                    "Content-defined, 128 KiB average, sent whole (what the store keeps)",
                    mid_cdc_insert_sent,
                    "its block index",
                ),
                (
                    "Content-defined 128 KiB, a delta inside the chunk (the page's): up + down",
                    f"{mid_cdc_delta_up} + {mid_cdc_delta_down}",
                    "the old chunk, to rebuild",
                ),
                ("Content-defined, 1 MiB average", large_cdc_insert_sent, "its block index"),
                (
                    f"rsync ({rsync_block_bytes} blocks): literal bytes and tokens up, checksums down",
                    f"{rsync_up_bytes} + {rsync_signature_bytes}",
                    f"{size(FILE_BYTES)} read and {size(FILE_BYTES)} written to rebuild; a stored signature "
                    "spares the checksum pass",
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
