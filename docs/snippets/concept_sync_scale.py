"""Concepts, file sync: the service at the page's assumed scale. Commits and their rate; the bytes uploaded a day
sent whole, in fixed blocks and in the page's chunks, and what each scope of deduplication saves; the held
connections that tell devices to pull; the journal, a full resync and a folder move; the garbage of abandoned
uploads; and a hot file.

Edits: an edit changes a run of bytes at a random place in the file. Sent whole, the file goes again. In fixed
blocks, an insert sends every block from the one that holds the edit to the end: on average half the file and
half a block. In the page's chunks, the chunks covering the changed run go again: the run plus the chunk that
held its start (concept_sync.chunk_holding_a_byte); the same at 128 KiB chunks, the size weighed against them.
The store grows by the new files' bytes it keeps and the edits' new chunks, before old versions expire.

Deduplication: a client skips a chunk that any namespace it can read already holds (its own share of
duplicates); the server stores once a chunk already held under another account, after receiving it, so the
cross-account share saves storage but not upload. The reach index holds one entry a (namespace, chunk): a
namespace's files times the chunks of an average new file. Downloads: every change goes to the user's other
devices and, for the share in shared folders, to every device of each other member; computers download it
all, a phone only the share its user opens.

Notifications: each online device holds one request or connection open. A held connection sends the real-time
page's heartbeat; Dropbox's long poll returns after the timeout plus half the jitter on average (uniform
jitter) and is sent again, at the default and at the longest timeout. Servers: held connections over the
real-time page's connections a server, with the chat example's headroom to lose a zone. The design: only the
online computer holds a long poll at the longest timeout; the phone holds nothing and gets a pushed nudge, at
most one a change for each user the change reaches (before coalescing). A lost server's devices reconnect
over the real-time page's spread; a lost zone's over a server-sent backoff.

Journal: one row a commit. A device whose cursor is d days old replays d days of its namespace's rows; a full
resync lists the namespace's every file. A folder move keyed by path writes a delete and an add per file;
keyed by the folder's ID, one row.

Garbage: abandoned uploads stay until the uncommitted limit and the collector's grace have both passed. The mark
walk reads one reference a chunk stored (at least) at the assumed rate; the grace must exceed the uncommitted
limit plus the walk.

Hot file: a million fetches of each chunk within the hour, against one disk's read rate.
"""

import math

from concept_sync import chunk_holding_a_byte
from concept_sync_assumptions import (
    ABANDONED_SHARE,
    BACKOFF_SPREAD_SECONDS,
    CHUNK_AVERAGE,
    CHUNK_MIN,
    CONNECTIONS_PER_SERVER,
    CROSS_ACCOUNT_DUPLICATE_SHARE,
    DAILY_USERS,
    DEVICES_ONLINE_PER_USER,
    DEVICES_PER_USER,
    DISK_READ_BYTES,
    DROPBOX_BLOCK,
    EDIT_CHANGE_BYTES,
    EDITED_FILE_BYTES,
    EDITS_PER_USER,
    FILES_PER_NAMESPACE,
    GC_GRACE_DAYS,
    HEARTBEAT_SECONDS,
    HOT_DEVICES,
    HOT_FILE_BYTES,
    HOT_WINDOW_SECONDS,
    JOURNAL_KEEP_DAYS,
    JOURNAL_ROW_BYTES,
    LONGPOLL_JITTER,
    LONGPOLL_MAX,
    LONGPOLL_TIMEOUT,
    MARK_REFS_PER_SECOND,
    MOVED_FOLDER_FILES,
    NEW_FILE_BYTES,
    NEW_FILES_PER_USER,
    OWN_DUPLICATE_SHARE,
    PEAK_TO_AVERAGE,
    PHONE_DOWNLOAD_SHARE,
    PHONES_PER_USER,
    REACH_ENTRY_BYTES,
    RECONNECT_SPREAD_SECONDS,
    SHARED_CHANGE_SHARE,
    SHARED_OTHER_MEMBERS,
    SMALL_CHUNK_AVERAGE,
    SMALL_CHUNK_MIN,
    STORE_BYTES,
    UNCOMMITTED_LIMIT_DAYS,
    ZONE_HEADROOM,
    ZONES,
)

from sdw.estimation import (
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
edit_mid = EDIT_CHANGE_BYTES + chunk_holding_a_byte(SMALL_CHUNK_MIN, SMALL_CHUNK_AVERAGE)
new_bytes_per_day = size_per_day(NEW_BYTES)
edits_whole_per_day = size_per_day(EDITS * edit_whole)
edits_fixed_per_day = size_per_day(EDITS * edit_fixed)
edits_chunks_per_day = size_per_day(EDITS * edit_chunks)
edit_chunks_bytes = size(edit_chunks)
edit_fixed_bytes = size(edit_fixed)
edit_mid_bytes = size(edit_mid)
edits_mid_per_day = size_per_day(EDITS * edit_mid)
naive_upload = NEW_BYTES + EDITS * edit_whole
NEW_SENT = NEW_BYTES * (1 - OWN_DUPLICATE_SHARE)
design_upload = NEW_SENT + EDITS * edit_chunks
naive_upload_per_day = size_per_day(naive_upload)
design_upload_per_day = size_per_day(design_upload)
upload_saved = fraction(1 - design_upload / naive_upload)
design_upload_average = bandwidth(design_upload / SECONDS_PER_DAY)
design_upload_peak = bandwidth(design_upload / SECONDS_PER_DAY * PEAK_TO_AVERAGE, peak=True)
mid_upload_per_day = size_per_day(NEW_SENT + EDITS * edit_mid)
mid_upload_saved_per_day = size_per_day(EDITS * (edit_chunks - edit_mid))
mid_upload_saved_share = fraction(EDITS * (edit_chunks - edit_mid) / design_upload)
new_sent_per_day = size_per_day(NEW_SENT)
NEW_STORED = NEW_BYTES * (1 - OWN_DUPLICATE_SHARE - CROSS_ACCOUNT_DUPLICATE_SHARE)
new_stored_per_day = size_per_day(NEW_STORED)
store_growth_per_day = size_per_day(NEW_STORED + EDITS * edit_chunks)
# What closing the side channel costs: the cross-account duplicates are uploaded, then dropped.
side_channel_upload_per_day = size_per_day(NEW_BYTES * CROSS_ACCOUNT_DUPLICATE_SHARE)
side_channel_upload_average = bandwidth(NEW_BYTES * CROSS_ACCOUNT_DUPLICATE_SHARE / SECONDS_PER_DAY)
side_channel_share_of_upload = fraction(NEW_BYTES * CROSS_ACCOUNT_DUPLICATE_SHARE / design_upload)
# Every other device of the user, and in a shared folder every device of each other member, is told; computers
# pull what changed at once or when next online, a phone only what its user opens.
RECIPIENTS = DEVICES_PER_USER - 1 + SHARED_CHANGE_SHARE * SHARED_OTHER_MEMBERS * DEVICES_PER_USER
PHONE_SHARE = PHONES_PER_USER / DEVICES_PER_USER
DOWNLOADERS = RECIPIENTS * (1 - PHONE_SHARE + PHONE_SHARE * PHONE_DOWNLOAD_SHARE)
recipient_devices = count(RECIPIENTS)
download_per_day = size_per_day(design_upload * DOWNLOADERS)
download_over_upload = times(DOWNLOADERS)
# The reach index: one entry a (namespace, chunk).
REACH_PER_NAMESPACE = FILES_PER_NAMESPACE * math.ceil(NEW_FILE_BYTES / CHUNK_AVERAGE)
reach_entries_per_namespace = count(REACH_PER_NAMESPACE)
reach_bytes_per_namespace = size(REACH_PER_NAMESPACE * REACH_ENTRY_BYTES)
reach_index = size(DAILY_USERS * REACH_PER_NAMESPACE * REACH_ENTRY_BYTES)

# --- Telling devices to pull -----------------------------------------------------------------------------
HELD = DAILY_USERS * DEVICES_ONLINE_PER_USER
COMMITS_PER_SECOND = COMMITS_PER_DAY / SECONDS_PER_DAY
POLL_HOLD = LONGPOLL_TIMEOUT + LONGPOLL_JITTER / 2
LONG_HOLD = LONGPOLL_MAX + LONGPOLL_JITTER / 2
held_requests = count(HELD)
notify_servers = servers(math.ceil(HELD * ZONE_HEADROOM / CONNECTIONS_PER_SERVER))
poll_hold = duration(POLL_HOLD)
long_hold = duration(LONG_HOLD)
heartbeats_per_second = per_second(HELD / HEARTBEAT_SECONDS)
heartbeats_over_commits = times(HELD / HEARTBEAT_SECONDS / COMMITS_PER_SECOND)
repolls_per_second = per_second(HELD / POLL_HOLD)
repolls_over_commits = times(HELD / POLL_HOLD / COMMITS_PER_SECOND)
long_repolls_per_second = per_second(HELD / LONG_HOLD)
long_repolls_over_commits = times(HELD / LONG_HOLD / COMMITS_PER_SECOND)
heartbeats_over_long_repolls = times(LONG_HOLD / HEARTBEAT_SECONDS)
# The design: the online computer holds a long poll at the longest timeout; the phone holds nothing.
DESKTOPS = DAILY_USERS * (DEVICES_ONLINE_PER_USER - PHONES_PER_USER)
DESKTOP_SERVERS = math.ceil(DESKTOPS * ZONE_HEADROOM / CONNECTIONS_PER_SERVER)
desktops_held = count(DESKTOPS)
desktop_servers = servers(DESKTOP_SERVERS)
desktop_repolls_per_second = per_second(DESKTOPS / LONG_HOLD)
phone_nudges_per_second = per_second(COMMITS_PER_SECOND * (1 + SHARED_CHANGE_SHARE * SHARED_OTHER_MEMBERS))
# Losing a notifier: its devices reconnect, each with a list call.
desktops_per_server = count(DESKTOPS / DESKTOP_SERVERS)
reconnects_after_server_loss = per_second(DESKTOPS / DESKTOP_SERVERS / RECONNECT_SPREAD_SECONDS)
desktops_per_zone = count(DESKTOPS / ZONES)
zone_loss_reconnects = per_second(DESKTOPS / ZONES / RECONNECT_SPREAD_SECONDS)
zone_loss_reconnects_backoff = per_second(DESKTOPS / ZONES / BACKOFF_SPREAD_SECONDS)

# --- Journal, resync, folder moves -----------------------------------------------------------------------
journal_per_day = size_per_day(COMMITS_PER_DAY * JOURNAL_ROW_BYTES)
namespace_rows_per_day = per_day(NEW_FILES_PER_USER + EDITS_PER_USER)
namespace_journal_per_day = size_per_day((NEW_FILES_PER_USER + EDITS_PER_USER) * JOURNAL_ROW_BYTES)
full_listing = size(FILES_PER_NAMESPACE * JOURNAL_ROW_BYTES)
replay_beats_listing_days = count(FILES_PER_NAMESPACE / (NEW_FILES_PER_USER + EDITS_PER_USER))
journal_kept = size(COMMITS_PER_DAY * JOURNAL_ROW_BYTES * JOURNAL_KEEP_DAYS)
move_rows_by_path = count(2 * MOVED_FOLDER_FILES)
move_journal_by_path = size(2 * MOVED_FOLDER_FILES * JOURNAL_ROW_BYTES)
move_pulled_by_devices = size(2 * MOVED_FOLDER_FILES * JOURNAL_ROW_BYTES * (DEVICES_PER_USER - 1))
move_over_day = times(2 * MOVED_FOLDER_FILES / (NEW_FILES_PER_USER + EDITS_PER_USER))

# --- Garbage from abandoned uploads ----------------------------------------------------------------------
abandoned_per_day = size_per_day(NEW_SENT * ABANDONED_SHARE)
garbage_held = size(NEW_SENT * ABANDONED_SHARE * (UNCOMMITTED_LIMIT_DAYS + GC_GRACE_DAYS))
garbage_held_days = count(UNCOMMITTED_LIMIT_DAYS + GC_GRACE_DAYS)
MARK_REFS = STORE_BYTES / CHUNK_AVERAGE
MARK_WALK = MARK_REFS / MARK_REFS_PER_SECOND
mark_refs = count(MARK_REFS)
mark_walk = duration(MARK_WALK)
grace_needed = duration(UNCOMMITTED_LIMIT_DAYS * SECONDS_PER_DAY + MARK_WALK)

# --- A hot file --------------------------------------------------------------------------------------------
hot_chunks = count(HOT_FILE_BYTES / CHUNK_AVERAGE)
hot_egress = bandwidth(HOT_DEVICES * HOT_FILE_BYTES / HOT_WINDOW_SECONDS, peak=True)
hot_reads_per_chunk = throughput(HOT_DEVICES / HOT_WINDOW_SECONDS)
hot_bytes_per_chunk = bandwidth(HOT_DEVICES / HOT_WINDOW_SECONDS * CHUNK_AVERAGE)
hot_chunk_over_disk = times(HOT_DEVICES / HOT_WINDOW_SECONDS * CHUNK_AVERAGE / DISK_READ_BYTES)

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
        f"At 128 KiB chunks an edit sends {edit_mid_bytes}, edits {edits_mid_per_day} and all uploads "
        f"{mid_upload_per_day}: {mid_upload_saved_per_day} less, {mid_upload_saved_share} of upload."
    )
    print()
    print(
        markdown_table(
            (f"Telling {held_requests} online devices to pull", "Frames or requests a second", "Over commits"),
            [
                (
                    f"Held connections, heartbeat every {duration(HEARTBEAT_SECONDS)}",
                    heartbeats_per_second,
                    heartbeats_over_commits,
                ),
                (
                    f"Long poll at {duration(LONGPOLL_TIMEOUT)}, held {poll_hold} on average",
                    repolls_per_second,
                    repolls_over_commits,
                ),
                (
                    f"Long poll at {duration(LONGPOLL_MAX)}, held {long_hold} on average",
                    long_repolls_per_second,
                    long_repolls_over_commits,
                ),
                (
                    f"The design: {desktops_held} computers long-poll at {duration(LONGPOLL_MAX)}, phones nudged",
                    f"{desktop_repolls_per_second} and {phone_nudges_per_second} nudges",
                    "",
                ),
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
                (
                    "New files' bytes stored a day, after deduplication across accounts; with edits' chunks",
                    f"{new_stored_per_day}; {store_growth_per_day}",
                ),
                (
                    "Uploaded only to be dropped, to close the side channel",
                    f"{side_channel_upload_per_day} ({side_channel_share_of_upload} of upload)",
                ),
                ("Downloads; over upload", f"{download_per_day}; {download_over_upload}"),
                (
                    "Reach-index entries a namespace; their bytes; all namespaces",
                    f"{reach_entries_per_namespace}; {reach_bytes_per_namespace}; {reach_index}",
                ),
                ("Servers for every online device; for the computers alone", f"{notify_servers}; {desktop_servers}"),
                (
                    "Reconnections: a lost server; a lost zone; with backoff",
                    f"{reconnects_after_server_loss}; {zone_loss_reconnects}; {zone_loss_reconnects_backoff}",
                ),
                ("Journal rows' bytes a day; kept", f"{journal_per_day}; {journal_kept}"),
                ("A full listing of one namespace", full_listing),
                (
                    f"A path-keyed move of {count(MOVED_FOLDER_FILES)} files: rows, bytes",
                    f"{move_rows_by_path}, {move_journal_by_path}",
                ),
                ("Abandoned uploads a day; held before collection", f"{abandoned_per_day}; {garbage_held}"),
                ("Mark walk: references; time; the grace it needs", f"{mark_refs}; {mark_walk}; {grace_needed}"),
                (
                    "A hot file: egress; each chunk's fetches, bytes a second",
                    f"{hot_egress}; {hot_reads_per_chunk}, {hot_bytes_per_chunk}",
                ),
            ],
        )
    )
