"""Concepts, file sync: the service at the page's assumed scale. Commits and their rate; the bytes uploaded a day
sent whole, in fixed blocks and in the page's chunks, and what each scope of deduplication saves; the held
connections that tell devices to pull; the journal, a full resync and a folder move; the garbage of abandoned
uploads; and a hot file.

Edits: an edit changes a run of bytes at a random place in the file. Sent whole, the file goes again. In fixed
blocks, an insert sends every block from the one that holds the edit to the end: on average half the file and
half a block. In the page's chunks, the chunks covering the changed run go again: the run plus the chunk that
held its start (concept_sync.chunk_holding_a_byte).

Deduplication: a client skips a chunk that any namespace it can read already holds (its own share of
duplicates); the server stores once a chunk already held under another account, after receiving it, so the
cross-account share saves storage but not upload.

Notifications: each online device holds one request open; with Dropbox's long poll it returns after the
timeout plus half the jitter on average and is sent again. Servers: held connections over the real-time
page's connections a server, before headroom.

Journal: one row a commit. A device whose cursor is d days old replays d days of its namespace's rows; a full
resync lists the namespace's every file. A folder move keyed by path writes a delete and an add per file;
keyed by the folder's ID, one row.

Garbage: abandoned uploads stay until the uncommitted limit and the collector's grace have both passed.

Hot file: a million fetches of each chunk within the hour.
"""

from concept_sync import chunk_holding_a_byte
from concept_sync_assumptions import (
    ABANDONED_SHARE,
    CHUNK_AVERAGE,
    CHUNK_MIN,
    CONNECTIONS_PER_SERVER,
    CROSS_ACCOUNT_DUPLICATE_SHARE,
    DAILY_USERS,
    DEVICES_ONLINE_PER_USER,
    DEVICES_PER_USER,
    DROPBOX_BLOCK,
    EDIT_CHANGE_BYTES,
    EDITED_FILE_BYTES,
    EDITS_PER_USER,
    FILES_PER_NAMESPACE,
    GC_GRACE_DAYS,
    HOT_DEVICES,
    HOT_FILE_BYTES,
    HOT_WINDOW_SECONDS,
    JOURNAL_ROW_BYTES,
    LONGPOLL_JITTER,
    LONGPOLL_TIMEOUT,
    MOVED_FOLDER_FILES,
    NEW_FILE_BYTES,
    NEW_FILES_PER_USER,
    OWN_DUPLICATE_SHARE,
    PEAK_TO_AVERAGE,
    UNCOMMITTED_LIMIT_DAYS,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    bandwidth,
    count,
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

# --- Commits ---------------------------------------------------------------------------------------------
COMMITS_PER_DAY = DAILY_USERS * (NEW_FILES_PER_USER + EDITS_PER_USER)
commits_per_day = per_day(COMMITS_PER_DAY)
commits_per_second = per_second(COMMITS_PER_DAY / SECONDS_PER_DAY)
commits_per_second_peak = peak(COMMITS_PER_DAY / SECONDS_PER_DAY * PEAK_TO_AVERAGE)

# --- Bytes uploaded a day --------------------------------------------------------------------------------
NEW_BYTES = DAILY_USERS * NEW_FILES_PER_USER * NEW_FILE_BYTES
EDITS = DAILY_USERS * EDITS_PER_USER
edit_whole = EDITED_FILE_BYTES
edit_fixed = EDITED_FILE_BYTES / 2 + DROPBOX_BLOCK / 2
edit_chunks = EDIT_CHANGE_BYTES + chunk_holding_a_byte(CHUNK_MIN, CHUNK_AVERAGE)
new_bytes_per_day = size_per_day(NEW_BYTES)
edits_whole_per_day = size_per_day(EDITS * edit_whole)
edits_fixed_per_day = size_per_day(EDITS * edit_fixed)
edits_chunks_per_day = size_per_day(EDITS * edit_chunks)
edit_chunks_bytes = size(edit_chunks)
edit_fixed_bytes = size(edit_fixed)
naive_upload = NEW_BYTES + EDITS * edit_whole
NEW_SENT = NEW_BYTES * (1 - OWN_DUPLICATE_SHARE)
design_upload = NEW_SENT + EDITS * edit_chunks
naive_upload_per_day = size_per_day(naive_upload)
design_upload_per_day = size_per_day(design_upload)
upload_saved = fraction(1 - design_upload / naive_upload)
design_upload_average = bandwidth(design_upload / SECONDS_PER_DAY)
design_upload_peak = bandwidth(design_upload / SECONDS_PER_DAY * PEAK_TO_AVERAGE, peak=True)
new_sent_per_day = size_per_day(NEW_SENT)
new_stored_per_day = size_per_day(NEW_BYTES * (1 - OWN_DUPLICATE_SHARE - CROSS_ACCOUNT_DUPLICATE_SHARE))
# What closing the side channel costs: the cross-account duplicates are uploaded, then dropped.
side_channel_upload_per_day = size_per_day(NEW_BYTES * CROSS_ACCOUNT_DUPLICATE_SHARE)
side_channel_upload_average = bandwidth(NEW_BYTES * CROSS_ACCOUNT_DUPLICATE_SHARE / SECONDS_PER_DAY)
side_channel_share_of_upload = fraction(NEW_BYTES * CROSS_ACCOUNT_DUPLICATE_SHARE / design_upload)
# Every other device of the user pulls what changed, at once or when it next comes online.
download_per_day = size_per_day(design_upload * (DEVICES_PER_USER - 1))

# --- Telling devices to pull -----------------------------------------------------------------------------
HELD = DAILY_USERS * DEVICES_ONLINE_PER_USER
POLL_HOLD = LONGPOLL_TIMEOUT + LONGPOLL_JITTER / 2
held_requests = count(HELD)
notify_servers = servers(HELD / CONNECTIONS_PER_SERVER)
poll_hold = POLL_HOLD
repolls_per_second = per_second(HELD / POLL_HOLD)
repolls_over_commits = times(HELD / POLL_HOLD / (COMMITS_PER_DAY / SECONDS_PER_DAY))

# --- Journal, resync, folder moves -----------------------------------------------------------------------
journal_per_day = size_per_day(COMMITS_PER_DAY * JOURNAL_ROW_BYTES)
namespace_rows_per_day = per_day(NEW_FILES_PER_USER + EDITS_PER_USER)
namespace_journal_per_day = size_per_day((NEW_FILES_PER_USER + EDITS_PER_USER) * JOURNAL_ROW_BYTES)
full_listing = size(FILES_PER_NAMESPACE * JOURNAL_ROW_BYTES)
replay_beats_listing_days = count(FILES_PER_NAMESPACE / (NEW_FILES_PER_USER + EDITS_PER_USER))
move_rows_by_path = count(2 * MOVED_FOLDER_FILES)
move_journal_by_path = size(2 * MOVED_FOLDER_FILES * JOURNAL_ROW_BYTES)
move_pulled_by_devices = size(2 * MOVED_FOLDER_FILES * JOURNAL_ROW_BYTES * (DEVICES_PER_USER - 1))
move_over_day = times(2 * MOVED_FOLDER_FILES / (NEW_FILES_PER_USER + EDITS_PER_USER))

# --- Garbage from abandoned uploads ----------------------------------------------------------------------
abandoned_per_day = size_per_day(NEW_SENT * ABANDONED_SHARE)
garbage_held = size(NEW_SENT * ABANDONED_SHARE * (UNCOMMITTED_LIMIT_DAYS + GC_GRACE_DAYS))
garbage_held_days = count(UNCOMMITTED_LIMIT_DAYS + GC_GRACE_DAYS)

# --- A hot file --------------------------------------------------------------------------------------------
hot_chunks = count(HOT_FILE_BYTES / CHUNK_AVERAGE)
hot_egress = bandwidth(HOT_DEVICES * HOT_FILE_BYTES / HOT_WINDOW_SECONDS, peak=True)
hot_reads_per_chunk = throughput(HOT_DEVICES / HOT_WINDOW_SECONDS)
hot_bytes_per_chunk = throughput(HOT_DEVICES / HOT_WINDOW_SECONDS * CHUNK_AVERAGE, "B/s")

if __name__ != "concept_sync_scale":
    print(
        markdown_table(
            ("Bytes uploaded a day", "Sent whole", "Fixed 4 MiB blocks", "The page's chunks and deduplication"),
            [
                ("New files", new_bytes_per_day, new_bytes_per_day, new_sent_per_day),
                (
                    f"Edits (each {size(EDIT_CHANGE_BYTES)} of a {size(EDITED_FILE_BYTES)} file)",
                    edits_whole_per_day,
                    edits_fixed_per_day,
                    edits_chunks_per_day,
                ),
                ("All", naive_upload_per_day, size_per_day(NEW_BYTES + EDITS * edit_fixed), design_upload_per_day),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("The service", "Value"),
            [
                (
                    "Commits a day; a second on average; at the peak",
                    f"{commits_per_day}; {commits_per_second}; {commits_per_second_peak}",
                ),
                ("Upload on average; at the peak", f"{design_upload_average}; {design_upload_peak}"),
                ("New bytes stored a day, after deduplication across accounts", new_stored_per_day),
                (
                    "Uploaded only to be dropped, to close the side channel",
                    f"{side_channel_upload_per_day} ({side_channel_share_of_upload} of upload)",
                ),
                ("Downloads to the users' other devices", download_per_day),
                ("Requests held open; servers holding them", f"{held_requests}; {notify_servers}"),
                ("Long polls sent again a second", repolls_per_second),
                ("Journal rows' bytes a day", journal_per_day),
                ("A full listing of one namespace", full_listing),
                (
                    f"A path-keyed move of {count(MOVED_FOLDER_FILES)} files: rows, bytes",
                    f"{move_rows_by_path}, {move_journal_by_path}",
                ),
                ("Abandoned uploads a day; held before collection", f"{abandoned_per_day}; {garbage_held}"),
                ("A hot file: egress; fetches of each chunk a second", f"{hot_egress}; {hot_reads_per_chunk}"),
            ],
        )
    )
