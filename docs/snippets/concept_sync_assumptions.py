"""Concepts, file sync: the inputs every concept_sync snippet shares, each with its source or marked as the
page's own assumption.

Published:
- Dropbox splits every file into blocks of 4 MiB (4,194,304 bytes, the last one smaller) and names each by
  its SHA-256 hash, 32 bytes (https://www.dropbox.com/developers/reference/content-hash; the same blocks and
  "blocklist" in https://dropbox.tech/infrastructure/streaming-file-synchronization, 2014).
- LBFS's content-defined chunks: a Rabin fingerprint over a 48-byte window, cut points at least 2 KiB and at
  most 64 KiB apart, 8 KiB apart on average (Muthitacharoen, Chen and Mazieres, SOSP 2001). FastCDC (USENIX
  ATC 2016) keeps the same 8 KiB average; its gear hash comes from Ddelta (Xia et al., 2014), and it adds
  cut-point skipping and normalized chunking.
- restic's chunker cuts between 512 KiB and 8 MiB (github.com/restic/chunker, MinSize and MaxSize).
- rsync's block size for a file over 700 x 700 bytes is the largest multiple of 8 whose square is at most the
  file's length, capped at 128 KiB; each block sends a 4-byte rolling checksum and a strong checksum of
  s2length bytes, from 2 to 16, sized by the file's and the block's lengths (rsync's generator.c,
  sum_sizes_sqroot: BLOCK_SIZE 700, MAX_BLOCK_SIZE 1 << 17, BLOCKSUM_BIAS 10, SHORT_SUM_LENGTH 2, SUM_LENGTH 16).
  Uncompressed, the sender writes a 4-byte token for every matched block and a 4-byte length before each
  run of literal bytes of at most 32 KiB, then a 16-byte whole-file checksum (token.c, simple_send_token;
  CHUNK_SIZE 32 * 1024).
- Dropbox's list_folder/longpoll holds a request 30 s by default and at most 480 s, plus up to 90 s of random
  jitter, added to avoid a thundering herd
  (https://www.dropbox.com/developers/documentation/http/documentation#files-list_folder-longpoll).
- Dropbox Basic and Plus keep 30 days of version history (https://help.dropbox.com/delete-restore/version-history-overview).
- Apple asks for no more than two or three background pushes an hour; the push page plans on the low end, two
  (concept_push_assumptions, from Apple's background updates).

From this site (one figure, one value): the video page's phone upload rate, part size and how often its link
drops, the real-time page's held connections a server and heartbeat, with the chat
example's headroom to lose a zone, the push page's Android share and Apple's background pushes, and the
reference page's data-center NVMe drive; the data lifecycle page's purge of one user's rows (within a day), its
weekly garbage collection of every table holding personal data, and its erasure deadline (one month, at worst
28 days).

The page's own assumptions, to be measured on the real system:
- The worked file is 1 GB (10^9 bytes), and an edit inserts 1,000 bytes at a random place in it.
- The page's chunker, chosen on cost: content-defined, at least 64 KiB, then a cut with probability
  1 / 64 KiB at each byte, so chunks average 128 KiB; at most 1 MiB. Weighed against it: at least 512 KiB
  (restic's minimum), 1 MiB on average.
- A block-index entry takes 100 bytes: a 32-byte hash, a location, a length and a reference count, with the
  store's per-row overhead. A file version's blocklist names each chunk by its 32-byte hash, plus a 4-byte
  length when chunks vary in size. A reach-index entry (namespace ID, hash) takes 40 bytes.
- One price basis, the service's own hardware (Dropbox runs its own store), bought and written off over 36
  months: SSD 0.10 US dollars a GB, for the indexes and blocklists, kept in 3 copies, on the reference
  page's data-center NVMe drive (reference_capacity: Intel's D7-P5500, 3.84 TB, its rated random
  4 KiB reads (nvme_random_reads) planned at the utilization the reference page plans a CPU at). HDD 0.015 a GB for old versions in the block store, times 1.5 for its
  erasure coding's redundancy. Bytes moved in or out of the service's network, 0.005 a GB of transit.
- The service: 100 million users active on a day, 5 registered for each one active (each registered user a
  namespace holding a share of the store), each with 3 devices (a phone and two computers); the notifiers are
  sized as if every daily user's phone and one computer were online at once at the peak (conservative: the
  peak concurrency is to be measured); each user commits 20 changes a day: 15 new files averaging 2 MB (photos,
  downloads, documents) and 5 edits of files averaging 20 MB (text, source code, uncompressed design files:
  formats in which a small edit stays small and inserts, shifting the bytes after it) that change 50 KB each. The busiest hour runs at twice the day's average. 20% of new files' bytes are already
  stored under another account (installers, attachments, shared media) and 5% under the user's own.
  10% of changes land in a shared folder with 4 other members; a phone downloads 10% of what changes (the
  files its user opens), computers all of it. Each of a user's devices makes its share of the user's changes,
  the phone a third, all day and at the peak (the other two thirds come from the computer online then); the
  device that makes a change is not told of it.
- A user's namespace holds 10,000 files, and a journal row (path, blocklist reference, revision) takes
  300 bytes.
- An upload session that stops making progress keeps its uncommitted chunks at most a day, and an account
  at most 50 GB of such idle bytes; the garbage collector's grace is 3 days; 1% of new bytes are uploaded and
  never committed (an app killed, a file deleted mid-upload). A chunk the sweep hides stays restorable 7 days,
  then is deleted; its bytes leave the disks when their volume is compacted, which runs weekly on volumes
  holding deleted chunks. The metadata service's snapshots are kept 14 days, as the data lifecycle page's
  example keeps its own. Each metadata shard holds at most a billion
  chunk references and walks its own at 100,000 a second, shards being added as the store grows; the store
  holds 1 EB. A large file: 200 GB.
- NAT: a computer's home or office router keeps an idle TCP mapping at least 10 min (RFC 5382 asks for
  2 h 4 min; many keep less); a phone's carrier NAT may drop one within minutes, which is why the real-time
  page heartbeats every 30 s; a computer's held stream would heartbeat every 9 min, inside its NAT's 10.
  Clients reconnect with jittered exponential backoff over 10 min, far wider than the real-time page's 30 s:
  a change notice can wait minutes, a chat message cannot. A proxy or load balancer may cut a held response
  idle for 60 s, the default of nginx's proxy_read_timeout
  (https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_read_timeout) and of an AWS Application Load
  Balancer's idle timeout. The page's long poll takes Dropbox's timeouts (the client's timeout is the
  longest it will wait) but not its jitter on top: it draws the jitter within the timeout, up to a quarter of
  it, so a hold lasts between the timeout less its jitter share and the whole timeout, uniformly. A client
  that saw its hold cut at 60 s asks for holds of at most 50 s, the jitter inside them, which ends each before
  the cut with a margin under it for the request's trip and a proxy whose timer started earlier.
  A deploy drains 5% of the notifiers at a
  time, each batch letting its held polls end (or answering them at once with a backoff). A disk streams at the reference page's rate (reference_latency.hdd_bytes_per_s).
- A folder of 100,000 files is moved in one go; a 100 MB file shared company-wide or by a public link is
  fetched by a million devices within an hour.
"""

from chat_assumptions import zones
from chat_connections import zone_headroom
from concept_life_assumptions import gdpr_answer_within
from concept_life_delete import GC_DAYS, PURGE_DAYS
from concept_push_assumptions import ANDROID_SHARE, apple_background_per_hour
from concept_realtime import CONNECTIONS_PER_SERVER, HEARTBEAT_SECONDS
from concept_video_assumptions import DROP_EVERY_SECONDS, PART_BYTES, PHONE_UPLINK_BITS
from reference_capacity import nvme_drive_bytes, nvme_planned_reads, nvme_random_reads
from reference_latency import hdd_bytes_per_s
from reference_peaks import smooth_day_max, waking_16_hours

from sdw.estimation import KiB, MiB, count, duration, fraction, markdown_table, size, throughput, times

ZONE_HEADROOM = float(zone_headroom)
ZONES = float(zones)

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
RSYNC_TOKEN_BYTES = 4  # a matched block's token, or a literal run's length
RSYNC_LITERAL_RUN = 32 * KiB  # the longest literal run behind one length
RSYNC_FILE_SUM = 16  # the whole-file checksum
LONGPOLL_TIMEOUT = 30  # seconds, Dropbox's default
LONGPOLL_MAX = 480  # seconds, Dropbox's longest
LONGPOLL_JITTER = 90  # seconds at most, added by Dropbox
VERSION_DAYS = 30  # Dropbox Basic and Plus version history

# --- The page's own -------------------------------------------------------------------------------------
FILE_BYTES = 1e9
INSERT_BYTES = 1_000
CHUNK_MIN = 64 * KiB
CHUNK_AVERAGE = 128 * KiB
CHUNK_MAX = 1 * MiB
LARGE_CHUNK_MIN, LARGE_CHUNK_AVERAGE = RESTIC_MIN, 1 * MiB  # the size the page weighs against its own
INDEX_ENTRY_BYTES = 100
LENGTH_BYTES = 4  # a chunk's length in a blocklist, when chunks vary
REACH_ENTRY_BYTES = 40  # namespace ID and hash
SSD_PRICE_PER_GB = 0.10  # US dollars, data-center SSD bought
METADATA_COPIES = 3  # indexes and blocklists
HDD_PRICE_PER_GB = 0.015  # US dollars, data-center HDD bought
STORE_OVERHEAD = 1.5  # the block store's erasure coding: raw bytes over stored bytes
TRANSIT_PRICE_PER_GB = 0.005  # US dollars a GB moved, either way
HARDWARE_MONTHS = 36  # written off over
SSD_BYTES = float(nvme_drive_bytes)  # the reference page's data-center NVMe drive
SSD_READS_PER_SECOND = float(nvme_random_reads)  # the drive's rating
SSD_PLANNED_READS_PER_SECOND = float(nvme_planned_reads)  # at the reference page's CPU utilization
STORE_BYTES = 1e18

DAILY_USERS = 100e6
REGISTERED_PER_DAILY = 5
DEVICES_PER_USER = 3
DEVICES_ONLINE_PER_USER = 2
NEW_FILES_PER_USER = 15
NEW_FILE_BYTES = 2e6
EDITS_PER_USER = 5
EDITED_FILE_BYTES = 20e6
EDIT_CHANGE_BYTES = 50e3
# Users in many time zones spread the day into a smooth wave, which peaks at most at smooth_day_max (just
# under 2), even one that falls to nothing at night: any traffic at night lowers it. Work-hours syncing in
# one region would bunch it into waking hours (waking_16_hours). The assumption takes the smooth wave's
# ceiling, rounded up.
PEAK_TO_AVERAGE = 2
CROSS_ACCOUNT_DUPLICATE_SHARE = 0.20
OWN_DUPLICATE_SHARE = 0.05
SHARED_CHANGE_SHARE = 0.10
SHARED_OTHER_MEMBERS = 4
PHONES_PER_USER = 1
PHONE_DOWNLOAD_SHARE = 0.10
PHONE_CHANGE_SHARE = PHONES_PER_USER / DEVICES_PER_USER  # each device makes its share of its user's changes
FILES_PER_NAMESPACE = 10_000
JOURNAL_ROW_BYTES = 300
UNCOMMITTED_LIMIT_DAYS = 1
UNCOMMITTED_CAP_BYTES = 50e9
REFS_PER_SHARD = 1e9
SHARD_WALK_PER_SECOND = 100_000
BIG_FILE_BYTES = 200e9
DESKTOP_NAT_IDLE_SECONDS = 600
DESKTOP_HEARTBEAT_SECONDS = 540
BACKOFF_SPREAD_SECONDS = 600  # wider than a chat client's: a change notice can wait minutes
PROXY_IDLE_SECONDS = 60  # a held response cut by a proxy or load balancer idle this long (nginx's, AWS's default)
# Unlike Dropbox's, the page's long poll draws its jitter within the client's timeout: the hold ends uniformly
# in the timeout's last LONGPOLL_JITTER_SHARE, so no hold outlasts what the client asked for.
LONGPOLL_JITTER_SHARE = 0.25
CUT_HOLD_SECONDS = 50  # the longest hold a client asks for once it has seen a cut at PROXY_IDLE_SECONDS
DRAIN_BATCH_SHARE = 0.05
DISK_READ_BYTES = hdd_bytes_per_s  # the reference page's hard disk, streaming (reference_latency)
GC_GRACE_DAYS = 3
HIDDEN_DAYS = 7  # a hidden chunk stays restorable this long, then is deleted
VOLUME_COMPACTION_DAYS = 7  # a volume holding deleted chunks is compacted, its bytes rewritten, within a week
METADATA_SNAPSHOT_DAYS = 14  # the metadata service's snapshots kept, as the data lifecycle page's example
METADATA_GC_DAYS = GC_DAYS  # the data lifecycle page's weekly collection, on the metadata tables too
ERASURE_DEADLINE = float(gdpr_answer_within)  # seconds: the data lifecycle page's worst month
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
longpoll_max = duration(LONGPOLL_MAX)
heartbeat = duration(HEARTBEAT_SECONDS)
zone_headroom = times(ZONE_HEADROOM)
desktop_nat_idle = duration(DESKTOP_NAT_IDLE_SECONDS)
backoff_spread = duration(BACKOFF_SPREAD_SECONDS)
proxy_idle = duration(PROXY_IDLE_SECONDS)
longpoll_jitter_share = fraction(LONGPOLL_JITTER_SHARE)
cut_hold = duration(CUT_HOLD_SECONDS)
version_days = duration(VERSION_DAYS * 86_400)
ssd_price = count(SSD_PRICE_PER_GB)
ssd_planned_reads = throughput(SSD_PLANNED_READS_PER_SECOND)
metadata_copies = count(METADATA_COPIES)
hdd_price = count(HDD_PRICE_PER_GB)
store_overhead = times(STORE_OVERHEAD)
transit_price = count(TRANSIT_PRICE_PER_GB)
registered_per_daily = times(REGISTERED_PER_DAILY)
desktop_heartbeat = duration(DESKTOP_HEARTBEAT_SECONDS)
drain_batch_share = fraction(DRAIN_BATCH_SHARE)
refs_per_shard = count(REFS_PER_SHARD)
shard_walk_per_second = count(SHARD_WALK_PER_SECOND)
big_file_bytes = size(BIG_FILE_BYTES)
shared_change_share = fraction(SHARED_CHANGE_SHARE)
shared_other_members = count(SHARED_OTHER_MEMBERS)
phone_download_share = fraction(PHONE_DOWNLOAD_SHARE)
phone_change_share = fraction(PHONE_CHANGE_SHARE)
uncommitted_cap = size(UNCOMMITTED_CAP_BYTES)
store_bytes = size(STORE_BYTES)
disk_read = size(DISK_READ_BYTES)
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
assert smooth_day_max < peak_to_average < waking_16_hours, "the sync day's factor left the range its reason gives"
cross_account_duplicate_share = fraction(CROSS_ACCOUNT_DUPLICATE_SHARE)
own_duplicate_share = fraction(OWN_DUPLICATE_SHARE)
files_per_namespace = count(FILES_PER_NAMESPACE)
journal_row_bytes = size(JOURNAL_ROW_BYTES)
gc_grace = duration(GC_GRACE_DAYS * 86_400)
hidden_period = duration(HIDDEN_DAYS * 86_400)
volume_compaction = duration(VOLUME_COMPACTION_DAYS * 86_400)
metadata_snapshot_retention = duration(METADATA_SNAPSHOT_DAYS * 86_400)
metadata_gc_time = duration(METADATA_GC_DAYS * 86_400)
purge_time = duration(PURGE_DAYS * 86_400)
uncommitted_limit = duration(UNCOMMITTED_LIMIT_DAYS * 86_400)
abandoned_share = fraction(ABANDONED_SHARE)
connections_per_server = count(CONNECTIONS_PER_SERVER)
moved_folder_files = count(MOVED_FOLDER_FILES)
hot_file_bytes = size(HOT_FILE_BYTES)
hot_devices = count(HOT_DEVICES)
hot_window = duration(HOT_WINDOW_SECONDS)
phone_uplink_mbps = count(PHONE_UPLINK_BITS / 1e6)
drop_every = duration(DROP_EVERY_SECONDS)
android_share = fraction(ANDROID_SHARE)

PAGE = "the page's assumption"
REFERENCE_DRIVE = "the reference page's drive, Intel D7-P5500"

if __name__ != "concept_sync_assumptions":
    print(
        markdown_table(
            ("Input", "Value", "Source"),
            [
                ("Dropbox's block", f"{DROPBOX_BLOCK:,} B (4 MiB)", "Dropbox API"),
                ("Dropbox's block hash", f"SHA-256, {hash_bytes}", "Dropbox API"),
                ("LBFS chunks: least, average, most", "2, 8 and 64 KiB", "LBFS, SOSP 2001"),
                ("restic's chunks: least, most", "512 KiB and 8 MiB", "restic/chunker"),
                ("rsync's smallest block", f"{RSYNC_BLOCK_SIZE} B", "rsync source"),
                ("rsync's largest block", f"{RSYNC_MAX_BLOCK_SIZE:,} B", "rsync source"),
                ("Long-poll timeout, by default (ours too)", longpoll_timeout, "Dropbox API"),
                ("Long-poll timeout, at most (ours too)", longpoll_max, "Dropbox API"),
                ("Jitter Dropbox adds after the timeout, at most", longpoll_jitter, "Dropbox API"),
                ("Version history kept (Basic, Plus)", version_days, "Dropbox help"),
                (
                    "Background pushes an hour, at most",
                    apple_background_per_hour,
                    "Apple, the low end of two or three (the push page)",
                ),
                ("The worked file", file_bytes, PAGE),
                ("The insert into it", insert_bytes, PAGE),
                ("The page's chunks: least, average, most", "64 KiB, 128 KiB and 1 MiB", "the page's choice"),
                ("Larger chunks weighed against them: least, average", "512 KiB, 1 MiB", "the page's choice"),
                ("A block-index entry", index_entry_bytes, PAGE),
                ("A reach-index entry", size(REACH_ENTRY_BYTES), PAGE),
                ("SSD, dollars a GB", ssd_price, PAGE),
                ("Copies of the indexes and blocklists", metadata_copies, PAGE),
                ("HDD, dollars a GB", hdd_price, PAGE),
                ("The block store's raw bytes over stored (erasure coding)", store_overhead, PAGE),
                ("Hardware written off over", f"{HARDWARE_MONTHS} months", PAGE),
                ("Transit, dollars a GB moved", transit_price, PAGE),
                ("An SSD's bytes", size(SSD_BYTES), REFERENCE_DRIVE),
                ("An SSD's random reads, rated", throughput(SSD_READS_PER_SECOND), REFERENCE_DRIVE),
                (
                    "An SSD's random reads, planned",
                    throughput(SSD_PLANNED_READS_PER_SECOND),
                    "the reference page's planned utilization",
                ),
                ("Users active a day", daily_users, PAGE),
                ("Users registered for each active one", registered_per_daily, PAGE),
                ("Devices a user", devices_per_user, PAGE),
                ("A user's devices online at the peak", devices_online_per_user, PAGE),
                ("New files a user a day", new_files_per_user, PAGE),
                ("A new file's size", new_file_bytes, PAGE),
                ("Edits a user a day", edits_per_user, PAGE),
                ("An edited file's size", edited_file_bytes, PAGE),
                ("Bytes an edit changes", edit_change_bytes, PAGE),
                (
                    "Busiest hour over the day's average",
                    peak_to_average,
                    f"users worldwide: a smooth day peaks at most at {smooth_day_max} (even one that falls to nothing "
                    f"at night); one region's 16 waking hours would give {waking_16_hours} (rules of thumb, peaks and "
                    "spikes)",
                ),
                ("New bytes already stored under other accounts", cross_account_duplicate_share, PAGE),
                ("New bytes already stored under the user's own", own_duplicate_share, PAGE),
                ("Changes made in a shared folder", shared_change_share, PAGE),
                ("A shared folder's other members", shared_other_members, PAGE),
                ("Changes a phone downloads", phone_download_share, PAGE),
                ("A user's changes made on the phone", phone_change_share, PAGE),
                ("Files a namespace", files_per_namespace, PAGE),
                ("A journal row", journal_row_bytes, PAGE),
                ("An idle uncommitted upload kept", uncommitted_limit, PAGE),
                ("Idle uncommitted bytes an account may hold", uncommitted_cap, PAGE),
                ("The garbage collector's grace", gc_grace, PAGE),
                ("A hidden chunk kept, restorable, before it is deleted", hidden_period, PAGE),
                ("A volume holding deleted chunks compacted within", volume_compaction, PAGE),
                ("The metadata service's snapshots kept", metadata_snapshot_retention, PAGE),
                ("The metadata tables' garbage collection", metadata_gc_time, "data lifecycle page"),
                ("An erased user's rows purged within", purge_time, "data lifecycle page"),
                ("Erasure deadline, at worst", gdpr_answer_within, "data lifecycle page (GDPR)"),
                ("New bytes uploaded and never committed", abandoned_share, PAGE),
                ("Chunk references a metadata shard", refs_per_shard, PAGE),
                ("References a shard walks a second", shard_walk_per_second, PAGE),
                ("Bytes stored", store_bytes, PAGE),
                ("A large file", big_file_bytes, PAGE),
                ("A computer's NAT idle timeout", desktop_nat_idle, PAGE),
                ("A computer's heartbeat on a held stream", desktop_heartbeat, PAGE),
                ("A proxy's idle cut", proxy_idle, "nginx's and AWS's default"),
                ("Our long poll's jitter, a share of the timeout, at most (within it)", longpoll_jitter_share, PAGE),
                ("Longest hold a client asks for behind that cut", cut_hold, PAGE),
                ("Reconnect backoff spread", backoff_spread, PAGE),
                ("Notifiers drained at a time in a deploy", drain_batch_share, PAGE),
                ("A disk, streaming", f"{disk_read}/s", "the reference page"),
                ("Files in a folder moved at once", moved_folder_files, PAGE),
                ("A hot file", hot_file_bytes, PAGE),
                ("Devices fetching the hot file", hot_devices, PAGE),
                ("The time those devices fetch it within", hot_window, PAGE),
                ("Phone upload rate, Mbit/s", phone_uplink_mbps, "video page"),
                ("A phone's link drops every", drop_every, "video page"),
                ("An upload part", size(PART_BYTES), "video page"),
                ("Held connections a server", connections_per_server, "real-time page"),
                ("Heartbeat on a held connection", heartbeat, "real-time page"),
                ("Headroom to lose a zone", zone_headroom, "chat example"),
                ("Android's share of phones", android_share, "push page"),
            ],
        )
    )
