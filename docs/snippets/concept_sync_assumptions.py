"""Concepts, file sync: the inputs every concept_sync snippet shares, each with its source or marked as the
page's own assumption.

Published:
- Dropbox splits every file into blocks of 4 MiB (4,194,304 bytes, the last one smaller) and names each by
  its SHA-256 hash, 32 bytes (https://www.dropbox.com/developers/reference/content-hash; the same blocks and
  "blocklist" in https://dropbox.tech/infrastructure/streaming-file-synchronization, 2014).
- LBFS's content-defined chunks: a Rabin fingerprint over a 48-byte window, cut points at least 2 KiB and at
  most 64 KiB apart, 8 KiB apart on average (Muthitacharoen, Chen and Mazieres, SOSP 2001). FastCDC (USENIX
  ATC 2016) keeps the same 8 KiB average and speeds the hash up with a gear table.
- restic's chunker cuts between 512 KiB and 8 MiB (github.com/restic/chunker, MinSize and MaxSize).
- rsync's block size for a file over 700 x 700 bytes is the largest multiple of 8 whose square is at most the
  file's length, capped at 128 KiB; each block sends a 4-byte rolling checksum and a strong checksum of
  s2length bytes, from 2 to 16, sized by the file's and the block's lengths (rsync's generator.c,
  sum_sizes_sqroot: BLOCK_SIZE 700, MAX_BLOCK_SIZE 1 << 17, BLOCKSUM_BIAS 10, SHORT_SUM_LENGTH 2, SUM_LENGTH 16).
- Dropbox's list_folder/longpoll holds a request 30 s by default, plus up to 90 s of random jitter
  (https://www.dropbox.com/developers/documentation/http/documentation#files-list_folder-longpoll).

From this site (one figure, one value): the video page's phone upload rate and how often its link drops, and
the real-time page's held connections a server (the chat example's figure).

The page's own assumptions, to be measured on the real system:
- The worked file is 1 GB (10^9 bytes), and an edit inserts 1,000 bytes near its start.
- The page's chunker: content-defined, at least 512 KiB (restic's minimum), then a cut with probability
  1 / 512 KiB at each byte, so chunks average 1 MiB; at most 8 MiB (restic's maximum).
- A block-index entry takes 100 bytes: a 32-byte hash, a location, a length and a reference count, with the
  store's per-row overhead. A file version's blocklist names each chunk by its 32-byte hash, plus a 4-byte
  length when chunks vary in size.
- The service: 100 million users active on a day, each with 3 devices (a phone and two computers), 2 of them
  online at a time; each user commits 20 changes a day: 15 new files averaging 2 MB (photos, downloads,
  documents) and 5 edits of files averaging 20 MB (documents, spreadsheets, archives, design files) that
  change 50 KB each. The busiest hour runs at twice the day's average. 20% of new files' bytes are already
  stored under another account (installers, attachments, shared media) and 5% under the user's own.
- A user's namespace holds 10,000 files, and a journal row (path, blocklist reference, revision) takes
  300 bytes.
- An upload may sit uncommitted for at most a day; the garbage collector's grace is 3 days; 1% of new bytes
  are uploaded and never committed (an app killed, a file deleted mid-upload).
- A folder of 100,000 files is moved in one go; a 100 MB file shared company-wide or by a public link is
  fetched by a million devices within an hour.
"""

from concept_realtime import CONNECTIONS_PER_SERVER
from concept_video_assumptions import DROP_EVERY_SECONDS, PHONE_UPLINK_BITS

from sdw.estimation import KiB, MiB, count, duration, fraction, markdown_table, size, times

# --- Published ------------------------------------------------------------------------------------------
DROPBOX_BLOCK = 4 * MiB
HASH_BYTES = 32  # SHA-256
LBFS_MIN, LBFS_AVERAGE, LBFS_MAX = 2 * KiB, 8 * KiB, 64 * KiB
RESTIC_MIN, RESTIC_MAX = 512 * KiB, 8 * MiB
RSYNC_BLOCK_SIZE = 700
RSYNC_MAX_BLOCK_SIZE = 1 << 17
RSYNC_BLOCKSUM_BIAS = 10
RSYNC_SHORT_SUM_LENGTH = 2
RSYNC_SUM_LENGTH = 16
RSYNC_ROLLING_BYTES = 4
LONGPOLL_TIMEOUT = 30  # seconds, Dropbox's default
LONGPOLL_JITTER = 90  # seconds at most, added by Dropbox

# --- The page's own -------------------------------------------------------------------------------------
FILE_BYTES = 1e9
INSERT_BYTES = 1_000
CHUNK_MIN = RESTIC_MIN
CHUNK_AVERAGE = 1 * MiB
CHUNK_MAX = RESTIC_MAX
INDEX_ENTRY_BYTES = 100
LENGTH_BYTES = 4  # a chunk's length in a blocklist, when chunks vary

DAILY_USERS = 100e6
DEVICES_PER_USER = 3
DEVICES_ONLINE_PER_USER = 2
NEW_FILES_PER_USER = 15
NEW_FILE_BYTES = 2e6
EDITS_PER_USER = 5
EDITED_FILE_BYTES = 20e6
EDIT_CHANGE_BYTES = 50e3
PEAK_TO_AVERAGE = 2
CROSS_ACCOUNT_DUPLICATE_SHARE = 0.20
OWN_DUPLICATE_SHARE = 0.05
FILES_PER_NAMESPACE = 10_000
JOURNAL_ROW_BYTES = 300
UNCOMMITTED_LIMIT_DAYS = 1
GC_GRACE_DAYS = 3
ABANDONED_SHARE = 0.01
MOVED_FOLDER_FILES = 100_000
HOT_FILE_BYTES = 100e6
HOT_DEVICES = 1e6
HOT_WINDOW_SECONDS = 3_600

# --- Figures the page cites -----------------------------------------------------------------------------
dropbox_block = size(DROPBOX_BLOCK)
hash_bytes = size(HASH_BYTES)
file_bytes = size(FILE_BYTES)
insert_bytes = size(INSERT_BYTES)
chunk_min = size(CHUNK_MIN)
chunk_average = size(CHUNK_AVERAGE)
chunk_max = size(CHUNK_MAX)
lbfs_average = size(LBFS_AVERAGE)
index_entry_bytes = size(INDEX_ENTRY_BYTES)
longpoll_timeout = duration(LONGPOLL_TIMEOUT)
longpoll_jitter = duration(LONGPOLL_JITTER)
daily_users = count(DAILY_USERS)
devices_per_user = count(DEVICES_PER_USER)
devices_online_per_user = count(DEVICES_ONLINE_PER_USER)
commits_per_user = count(NEW_FILES_PER_USER + EDITS_PER_USER)
new_files_per_user = count(NEW_FILES_PER_USER)
new_file_bytes = size(NEW_FILE_BYTES)
edits_per_user = count(EDITS_PER_USER)
edited_file_bytes = size(EDITED_FILE_BYTES)
edit_change_bytes = size(EDIT_CHANGE_BYTES)
peak_to_average = times(PEAK_TO_AVERAGE)
cross_account_duplicate_share = fraction(CROSS_ACCOUNT_DUPLICATE_SHARE)
own_duplicate_share = fraction(OWN_DUPLICATE_SHARE)
files_per_namespace = count(FILES_PER_NAMESPACE)
journal_row_bytes = size(JOURNAL_ROW_BYTES)
gc_grace = duration(GC_GRACE_DAYS * 86_400)
uncommitted_limit = duration(UNCOMMITTED_LIMIT_DAYS * 86_400)
abandoned_share = fraction(ABANDONED_SHARE)
connections_per_server = count(CONNECTIONS_PER_SERVER)
moved_folder_files = count(MOVED_FOLDER_FILES)
hot_file_bytes = size(HOT_FILE_BYTES)
hot_devices = count(HOT_DEVICES)
hot_window = duration(HOT_WINDOW_SECONDS)
phone_uplink_mbps = count(PHONE_UPLINK_BITS / 1e6)
drop_every = duration(DROP_EVERY_SECONDS)

if __name__ != "concept_sync_assumptions":
    print(
        markdown_table(
            ("Input", "Value", "Source"),
            [
                ("Dropbox's block; its hash", f"{DROPBOX_BLOCK:,} B (4 MiB); SHA-256, {hash_bytes}", "Dropbox API"),
                ("LBFS chunks: least, average, most", "2, 8 and 64 KiB", "LBFS, SOSP 2001"),
                ("restic's chunks: least, most", "512 KiB and 8 MiB", "restic/chunker"),
                (
                    "rsync's smallest block; largest",
                    f"{RSYNC_BLOCK_SIZE} B; {RSYNC_MAX_BLOCK_SIZE:,} B",
                    "rsync source",
                ),
                ("Long poll held; jitter added", f"{longpoll_timeout}; up to {longpoll_jitter}", "Dropbox API"),
                ("The worked file; the insert", f"{file_bytes}; {insert_bytes}", "the page's assumption"),
                ("The page's chunks: least, average, most", "512 KiB, 1 MiB and 8 MiB", "the page's choice"),
                ("A block-index entry", index_entry_bytes, "the page's assumption"),
                (
                    "Users active a day; devices each, online",
                    f"{daily_users}; {devices_per_user}, {devices_online_per_user}",
                    "the page's assumption",
                ),
                (
                    "New files a user a day, their size",
                    f"{new_files_per_user}, {new_file_bytes}",
                    "the page's assumption",
                ),
                (
                    "Edits a user a day; file size, bytes changed",
                    f"{edits_per_user}; {edited_file_bytes}, {edit_change_bytes}",
                    "the page's assumption",
                ),
                ("Busiest hour over the day's average", peak_to_average, "the page's assumption"),
                (
                    "New bytes already stored: other accounts, own",
                    f"{cross_account_duplicate_share}, {own_duplicate_share}",
                    "the page's assumption",
                ),
                (
                    "Files a namespace; bytes a journal row",
                    f"{files_per_namespace}; {journal_row_bytes}",
                    "the page's assumption",
                ),
                (
                    "Uncommitted upload kept; collector's grace; new bytes abandoned",
                    f"{uncommitted_limit}; {gc_grace}; {abandoned_share}",
                    "the page's assumption",
                ),
                ("Files in a folder moved at once", moved_folder_files, "the page's assumption"),
                (
                    "A hot file; devices fetching it; within",
                    f"{hot_file_bytes}; {hot_devices}; {hot_window}",
                    "the page's assumption",
                ),
                ("Phone upload rate, Mbit/s; a drop every", f"{phone_uplink_mbps}; {drop_every}", "video page"),
                ("Held connections a server", connections_per_server, "real-time page"),
            ],
        )
    )
