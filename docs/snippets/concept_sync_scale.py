"""Concepts, file sync: the service at the page's assumed scale. Commits and their rate; the bytes uploaded a day
sent whole and in the page's chunks with deltas, the bytes edits store in fixed blocks and in chunks of each size,
and what each scope of deduplication saves; what the indexes cost by tier against what old versions cost; the
requests that tell devices to pull; the journal, a full resync and a folder move; garbage; and a hot file.

Edits: an edit inserts a run of bytes at a random place in the file, shifting the rest (the formats the page
assumes; an overwrite in place, as a database's, would cost one fixed block). Sent whole, the file goes again. In fixed
blocks, every block from the one that holds the edit to the end is stored anew: on average half the file and
half a block. In content-defined chunks, the chunks covering the changed run are stored anew: the run plus the
chunk that held its start (concept_sync.chunk_holding_a_byte). On the wire the client sends the new chunk as an
rsync delta against the old one (concept_sync.delta_sizes). The store grows by the new files' bytes it keeps and
the edits' new chunks; old versions are kept for Dropbox's 30 days, so each day's superseded chunks are held
that long. A .gz edited at a random place changes everything after the edit: half the file on average.

Deduplication: a client skips a chunk that any namespace it can read already holds (its own share of
duplicates); the server stores once a chunk already held under another account, after receiving it, so the
cross-account share saves storage but not upload. Downloads: every change goes to the user's other devices and,
for the share in shared folders, to every device of each other member; computers fetch the new chunks, a phone
only for the share its user opens.

Indexes: the block index holds an entry a chunk stored, at least one a file; the reach index an entry a
(namespace, chunk), over every registered user's namespace, each holding the store's bytes over the namespaces,
at least one entry a file. Blocklists name every namespace's chunks (as many as its reach entries) and, for the
version history, every old version's chunks. Lookups: the reach index for every chunk new to its file (a new
file's all, an edit's stored chunks: the rest are in the parent's blocklist), the block index for every chunk
put, at the peak. A month's cost, on one basis, the service's own hardware (GB = 10^9 bytes, as disks are sold):
indexes and blocklists on SSD in 3 copies, old versions on HDD with the store's redundancy, both written off over
the months; and a month's edits' bytes moved at the transit price (a month of a twelfth of a year, as the
write-off's): deltas up and the stored chunks every downloader fetches. New files' bytes move and are stored the
same at every size and are left out. The deduplication shares are the same at every size: smaller chunks would
find more, each share of the store worth its HDD month.

Notifications: each online device holds one request or connection open, at the peak (the devices online are the
peak's), so their rates are set against the peak's commits. A held connection sends a heartbeat; the page's long
poll takes Dropbox's timeouts, but draws its jitter within the client's timeout (up to a share of it, uniform: the
page's assumption) where Dropbox adds its jitter after it, so it returns after (1 - half the jitter share) of the
timeout on average and is sent again. The jitter spreads polls begun together over its share of the timeout. A
change ends a held poll early at every online recipient, which then makes a list call and a new poll; the device
that made the change is one of its user's online devices, and the user's other online device is a computer when
the phone made it. Servers: held requests over the real-time page's connections a
server, with the chat example's headroom to lose a zone. Phones get a nudge for each change that reaches them
(their user's changes made on a computer, and shared ones), coalesced per device: on iOS a nudge goes at once if
the phone's last one was a window or more ago, else at that window's end, and with changes as a Poisson stream at
the busiest hour's rate the share that waits and their average wait are computed. At the peak their Android half
is set against FCM's quota by the push page's rule (quota_steps_for), the launch request for the quota those steps
reach is filed, and, should Google refuse it, the least gap between one Android device's nudges that keeps them
all inside the default quota is computed. A computer whose hold a proxy cut asks for shorter holds (the page's
assumption), with the jitter inside them, so its polls end before the cut, held the same share of that shorter
timeout on average; a stream behind the cut would heartbeat as often as that timeout.
Reconnections: a lost zone's computers over their jittered backoff; a deploy drains a share of the notifiers at
a time, each batch's clients re-polling elsewhere as their polls end (at most the longest timeout), or, answered at
once, over the backoff spread. Journal rows are kept as long as replay beats relisting a namespace one daily
user writes all day.

Journal: one row a commit. A device whose cursor is d days old replays d days of its namespace's rows; a full
resync lists the namespace's every file. The average namespace writes the day's commits over all namespaces,
those no daily user writes among them; a daily user's root namespace, taking every one of the user's changes,
writes more, and its crossover (the shorter) is how long rows are kept: a deliberate choice, since the average
namespace would gain by replay for longer. (A shared folder several daily users write is busier still, and
crosses over sooner: the list call answers a reset to a cursor whose rows outnumber the namespace's
files.) A folder move keyed by path writes a delete and an add per file;
keyed by the folder's ID, one row.

Garbage: abandoned uploads stay until the idle limit and the collector's grace have both passed. The mark walk
runs on every shard at once, each walking its own references, so its time is a shard's references over a
shard's rate whatever the store's size; the grace must exceed the idle limit plus the walk.

Erasure: an erased account's version history and journal rows are dropped within the purge, not aged out. Its
chunks then go at the first sweep past the grace: the purge, the grace counted from at latest its end, the walk
in progress then (its snapshot taken after the purge, since the grace outlasts a walk), and the hidden period
before the hidden chunk is deleted. Set against the erasure deadline's worst month. The deleted chunk's bytes
leave the disks when its volume is compacted, weekly. The metadata service's backups hold the dropped journal rows
and blocklists until the purge, the weekly collection of the files holding them and the snapshots' retention have
passed, the data lifecycle page's chain. A chunk's CDN copies get a lifetime a tier of half the margin the bytes leave
inside the deadline (a share for a CloudFront location, one for its regional edge cache); with Origin Shield on
too, three tiers may each keep a copy a full lifetime, so a copy filled when the chunk is deleted ends by then
plus a lifetime in each of the three.

Hot file: a million fetches of each chunk within the hour. The file's egress is set against one disk's
streaming rate; each chunk's fetches, reads of 128 KiB wherever the chunk lies, against the disk's random reads.
"""

import math

from chat_assumptions import fcm_default_quota_per_minute
from chat_push_quota import quota_reached_for, quota_steps_for, request_lead_for
from concept_cdn_tail import cdn_cache_tiers_with_shield
from concept_push_assumptions import APPLE_BACKGROUND_PER_HOUR
from concept_sync import chunk_holding_a_byte, delta_sizes
from concept_sync_assumptions import (
    ABANDONED_SHARE,
    ANDROID_SHARE,
    BACKOFF_SPREAD_SECONDS,
    BIG_FILE_BYTES,
    CHUNK_AVERAGE,
    CHUNK_MIN,
    CONNECTIONS_PER_SERVER,
    CROSS_ACCOUNT_DUPLICATE_SHARE,
    CUT_HOLD_SECONDS,
    DAILY_USERS,
    DESKTOP_HEARTBEAT_SECONDS,
    DEVICES_ONLINE_PER_USER,
    DEVICES_PER_USER,
    DISK_READ_BYTES,
    DRAIN_BATCH_SHARE,
    DROPBOX_BLOCK,
    EDIT_CHANGE_BYTES,
    EDITED_FILE_BYTES,
    EDITS_PER_USER,
    ERASURE_DEADLINE,
    FILES_PER_NAMESPACE,
    GC_GRACE_DAYS,
    HARDWARE_MONTHS,
    HASH_BYTES,
    HDD_PRICE_PER_GB,
    HEARTBEAT_SECONDS,
    HIDDEN_DAYS,
    HOT_DEVICES,
    HOT_FILE_BYTES,
    HOT_WINDOW_SECONDS,
    INDEX_ENTRY_BYTES,
    JOURNAL_ROW_BYTES,
    LARGE_CHUNK_AVERAGE,
    LARGE_CHUNK_MIN,
    LBFS_AVERAGE,
    LBFS_MIN,
    LENGTH_BYTES,
    LONGPOLL_JITTER_SHARE,
    LONGPOLL_MAX,
    LONGPOLL_TIMEOUT,
    METADATA_COPIES,
    METADATA_GC_DAYS,
    METADATA_SNAPSHOT_DAYS,
    MOVED_FOLDER_FILES,
    NEW_FILE_BYTES,
    NEW_FILES_PER_USER,
    OWN_DUPLICATE_SHARE,
    PEAK_TO_AVERAGE,
    PHONE_CHANGE_SHARE,
    PHONE_DOWNLOAD_SHARE,
    PHONE_UPLINK_BITS,
    PHONES_PER_USER,
    PROXY_IDLE_SECONDS,
    PURGE_DAYS,
    REACH_ENTRY_BYTES,
    REFS_PER_SHARD,
    REGISTERED_PER_DAILY,
    SHARD_WALK_PER_SECOND,
    SHARED_CHANGE_SHARE,
    SHARED_OTHER_MEMBERS,
    SSD_BYTES,
    SSD_PLANNED_READS_PER_SECOND,
    SSD_PRICE_PER_GB,
    STORE_BYTES,
    STORE_OVERHEAD,
    TRANSIT_PRICE_PER_GB,
    UNCOMMITTED_LIMIT_DAYS,
    VERSION_DAYS,
    VOLUME_COMPACTION_DAYS,
    ZONE_HEADROOM,
    ZONES,
)
from reference_latency import disk_random_reads_per_second

from sdw.estimation import (
    GB,
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_MONTH,
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
    whole_per_zone,
    whole_up,
)

# --- Commits ---------------------------------------------------------------------------------------------
COMMITS_PER_DAY = DAILY_USERS * (NEW_FILES_PER_USER + EDITS_PER_USER)
COMMITS_PER_SECOND = COMMITS_PER_DAY / SECONDS_PER_DAY
commits_per_day = per_day(COMMITS_PER_DAY)
commits_per_second = per_second(COMMITS_PER_SECOND)
commits_per_second_peak = peak(COMMITS_PER_SECOND * PEAK_TO_AVERAGE)

# --- Bytes uploaded and stored a day ---------------------------------------------------------------------
NEW_BYTES = DAILY_USERS * NEW_FILES_PER_USER * NEW_FILE_BYTES
EDITS = DAILY_USERS * EDITS_PER_USER
SPAN = {
    "small": chunk_holding_a_byte(LBFS_MIN, LBFS_AVERAGE),
    "page": chunk_holding_a_byte(CHUNK_MIN, CHUNK_AVERAGE),
    "large": chunk_holding_a_byte(LARGE_CHUNK_MIN, LARGE_CHUNK_AVERAGE),
}
AVERAGE = {"small": LBFS_AVERAGE, "page": CHUNK_AVERAGE, "large": LARGE_CHUNK_AVERAGE}
STORED = {name: EDIT_CHANGE_BYTES + span for name, span in SPAN.items()}  # new chunk bytes an edit stores
edit_fixed = EDITED_FILE_BYTES / 2 + DROPBOX_BLOCK / 2
edit_up, edit_down = delta_sizes(SPAN["page"], EDIT_CHANGE_BYTES)
large_edit_up, _ = delta_sizes(SPAN["large"], EDIT_CHANGE_BYTES)
edit_chunks_bytes = size(STORED["page"])
edit_large_bytes = size(STORED["large"])
edit_fixed_bytes = size(edit_fixed)
edit_delta_up = size(edit_up)
edit_delta_down = size(edit_down)
edits_whole_per_day = size_per_day(EDITS * EDITED_FILE_BYTES)
edits_delta_per_day = size_per_day(EDITS * edit_up)
new_bytes_per_day = size_per_day(NEW_BYTES)
naive_upload = NEW_BYTES + EDITS * EDITED_FILE_BYTES
NEW_SENT = NEW_BYTES * (1 - OWN_DUPLICATE_SHARE)
design_upload = NEW_SENT + EDITS * edit_up
naive_upload_per_day = size_per_day(naive_upload)
design_upload_per_day = size_per_day(design_upload)
upload_saved = fraction(1 - design_upload / naive_upload)
design_upload_average = bandwidth(design_upload / SECONDS_PER_DAY)
design_upload_peak = bandwidth(design_upload / SECONDS_PER_DAY * PEAK_TO_AVERAGE, peak=True)
new_sent_per_day = size_per_day(NEW_SENT)
large_upload_more_per_day = size_per_day(EDITS * (large_edit_up - edit_up))
large_upload_more_share = fraction(EDITS * (large_edit_up - edit_up) / design_upload)
gz_edit_bytes = size(EDITED_FILE_BYTES / 2)
# What edits store a day, and what old versions hold for the version history.
edits_fixed_stored_per_day = size_per_day(EDITS * edit_fixed)
edits_large_stored_per_day = size_per_day(EDITS * STORED["large"])
edits_stored_per_day = size_per_day(EDITS * STORED["page"])
OLD = {name: EDITS * stored * VERSION_DAYS for name, stored in STORED.items()}
old_versions = size(OLD["page"])
old_versions_large = size(OLD["large"])
old_versions_fixed = size(EDITS * edit_fixed * VERSION_DAYS)
large_stored_more = size(OLD["large"] - OLD["page"])
NEW_STORED = NEW_BYTES * (1 - OWN_DUPLICATE_SHARE - CROSS_ACCOUNT_DUPLICATE_SHARE)
new_stored_per_day = size_per_day(NEW_STORED)
store_growth_per_day = size_per_day(NEW_STORED + EDITS * STORED["page"])
# What closing the side channel costs: the cross-account duplicates are uploaded, then dropped.
side_channel_upload_per_day = size_per_day(NEW_BYTES * CROSS_ACCOUNT_DUPLICATE_SHARE)
side_channel_upload_average = bandwidth(NEW_BYTES * CROSS_ACCOUNT_DUPLICATE_SHARE / SECONDS_PER_DAY)
side_channel_share_of_upload = fraction(NEW_BYTES * CROSS_ACCOUNT_DUPLICATE_SHARE / design_upload)
# Every other device of the user, and in a shared folder every device of each other member, is told; computers
# fetch the new chunks at once or when next online, a phone only what its user opens.
RECIPIENTS = DEVICES_PER_USER - 1 + SHARED_CHANGE_SHARE * SHARED_OTHER_MEMBERS * DEVICES_PER_USER
PHONE_SHARE = PHONES_PER_USER / DEVICES_PER_USER
DOWNLOADERS = RECIPIENTS * (1 - PHONE_SHARE + PHONE_SHARE * PHONE_DOWNLOAD_SHARE)
FETCHED = NEW_SENT + EDITS * STORED["page"]
recipient_devices = count(RECIPIENTS)
download_per_day = size_per_day(FETCHED * DOWNLOADERS)
download_over_upload = times(FETCHED * DOWNLOADERS / design_upload)

# --- The indexes: size, lookups, tier and cost ---------------------------------------------------------------
NAMESPACES = DAILY_USERS * REGISTERED_PER_DAILY
NAMESPACE_BYTES = STORE_BYTES / NAMESPACES
namespaces = count(NAMESPACES)
namespace_bytes = size(NAMESPACE_BYTES)
namespace_file_average = size(NAMESPACE_BYTES / FILES_PER_NAMESPACE)
namespace_at_new_file_size = size(FILES_PER_NAMESPACE * NEW_FILE_BYTES)
COMMITTED_BYTES = DAILY_USERS * (NEW_FILES_PER_USER * NEW_FILE_BYTES + EDITS_PER_USER * EDITED_FILE_BYTES)
PUT_BYTES = NEW_SENT + EDITS * STORED["page"]


FILES = NAMESPACES * FILES_PER_NAMESPACE
NEW_COMMITTED = DAILY_USERS * NEW_FILES_PER_USER * NEW_FILE_BYTES
SSD_MONTH = SSD_PRICE_PER_GB / HARDWARE_MONTHS * METADATA_COPIES / GB  # dollars a byte-month, every copy
HDD_MONTH = HDD_PRICE_PER_GB * STORE_OVERHEAD / HARDWARE_MONTHS / GB
TRANSIT = TRANSIT_PRICE_PER_GB / GB
# A month of transit: a twelfth of a year (sdw.estimation's SECONDS_PER_MONTH), the month the write-off's
# HARDWARE_MONTHS count and the site's month for bills. Old versions are kept VERSION_DAYS, a retention in days.
BILL_DAYS = SECONDS_PER_MONTH / SECONDS_PER_DAY


def index_costs(name: str) -> dict[str, float]:
    """Block and reach index bytes, blocklists (current and old versions'), peak lookups, SSDs by bytes (every
    copy) and by reads (at the reads a second a drive is planned at), and a month's cost of the metadata on SSD,
    old versions on HDD and the edits' transit."""
    average = AVERAGE[name]
    block = max(STORE_BYTES / average, FILES) * INDEX_ENTRY_BYTES
    reach_entries = max(NAMESPACE_BYTES / average, FILES_PER_NAMESPACE)
    reach = NAMESPACES * reach_entries * REACH_ENTRY_BYTES
    current_lists = NAMESPACES * reach_entries * (HASH_BYTES + LENGTH_BYTES)
    old_lists = EDITS * VERSION_DAYS * EDITED_FILE_BYTES / average * (HASH_BYTES + LENGTH_BYTES)
    blocklists = current_lists + old_lists
    lookups = (NEW_COMMITTED + NEW_SENT + 2 * EDITS * STORED[name]) / average / SECONDS_PER_DAY * PEAK_TO_AVERAGE
    up, _ = delta_sizes(SPAN[name], EDIT_CHANGE_BYTES)
    moved = EDITS * (up + STORED[name] * DOWNLOADERS) * BILL_DAYS
    metadata = (block + reach + blocklists) * SSD_MONTH
    versions = OLD[name] * HDD_MONTH
    transit = moved * TRANSIT
    return {
        "block": block,
        "reach_entries": reach_entries,
        "reach": reach,
        "blocklists": blocklists,
        "lookups": lookups,
        "ssds_bytes": whole_up((block + reach + blocklists) * METADATA_COPIES / SSD_BYTES),
        "ssds_reads": whole_up(lookups / SSD_PLANNED_READS_PER_SECOND),
        "metadata": metadata,
        "versions": versions,
        "moved": moved,
        "transit": transit,
        "total": metadata + versions + transit,
    }


COST = {name: index_costs(name) for name in ("small", "page", "large")}
reach_entries_per_namespace = count(COST["page"]["reach_entries"])
reach_bytes_per_namespace = size(COST["page"]["reach_entries"] * REACH_ENTRY_BYTES)
reach_index = size(COST["page"]["reach"])
lookups_peak = per_second(COST["page"]["lookups"], peak=True)
ssds_by_bytes = count(COST["page"]["ssds_bytes"])
ssds_by_reads = count(COST["page"]["ssds_reads"])
page_metadata_monthly = count(COST["page"]["metadata"])
page_versions_monthly = count(COST["page"]["versions"])
page_transit_monthly = count(COST["page"]["transit"])
page_monthly = count(COST["page"]["total"])
large_metadata_monthly = count(COST["large"]["metadata"])
large_versions_monthly = count(COST["large"]["versions"])
large_transit_monthly = count(COST["large"]["transit"])
large_monthly = count(COST["large"]["total"])
small_metadata_monthly = count(COST["small"]["metadata"])
small_transit_monthly = count(COST["small"]["transit"])
small_monthly = count(COST["small"]["total"])
large_over_page = times(COST["large"]["total"] / COST["page"]["total"])
# Were the uploader's delta forwarded to the other devices, downloads would be deltas at every size:
# what 1 MiB still costs over 128 KiB without transit, its metadata and stored versions.
large_over_page_without_transit = times(
    (COST["large"]["metadata"] + COST["large"]["versions"]) / (COST["page"]["metadata"] + COST["page"]["versions"])
)
small_over_page = times(COST["small"]["total"] / COST["page"]["total"])
page_over_large_metadata = times(COST["page"]["metadata"] / COST["large"]["metadata"])
# The transit price at which 8 KiB would cost what 128 KiB does: its extra metadata over 128 KiB's extra bytes moved.
small_flip_transit = count(
    (COST["small"]["metadata"] + COST["small"]["versions"] - COST["page"]["metadata"] - COST["page"]["versions"])
    / ((COST["page"]["moved"] - COST["small"]["moved"]) / GB)
)
# The share of the store 8 KiB would have to deduplicate beyond 128 KiB to close the gap, at the HDD month.
small_flip_dedup_share = fraction((COST["small"]["total"] - COST["page"]["total"]) / (STORE_BYTES * HDD_MONTH))
store_share_monthly = count(STORE_BYTES * 0.01 * HDD_MONTH)

# --- Telling devices to pull -----------------------------------------------------------------------------
HELD = DAILY_USERS * DEVICES_ONLINE_PER_USER
# The jitter is drawn within the timeout: a hold ends uniformly in the timeout's last LONGPOLL_JITTER_SHARE.
HOLD_OVER_TIMEOUT = 1 - LONGPOLL_JITTER_SHARE / 2
POLL_HOLD = LONGPOLL_TIMEOUT * HOLD_OVER_TIMEOUT
LONG_HOLD = LONGPOLL_MAX * HOLD_OVER_TIMEOUT
CUT_HOLD = CUT_HOLD_SECONDS * HOLD_OVER_TIMEOUT
held_requests = count(HELD)
notify_servers = servers(whole_per_zone(HELD * ZONE_HEADROOM / CONNECTIONS_PER_SERVER, ZONES))
poll_hold = duration(POLL_HOLD)
long_hold = duration(LONG_HOLD)
# Polls begun together (a reconnect wave) end spread over the jitter: its share of the computers' longest timeout.
long_jitter_spread = duration(LONGPOLL_MAX * LONGPOLL_JITTER_SHARE)
# The devices held are the peak's, so their frames and re-polls are peak rates, set against the peak's commits.
COMMITS_PEAK = COMMITS_PER_SECOND * PEAK_TO_AVERAGE
heartbeats_per_second = peak(HELD / HEARTBEAT_SECONDS)
heartbeats_over_commits = times(HELD / HEARTBEAT_SECONDS / COMMITS_PEAK)
repolls_per_second = peak(HELD / POLL_HOLD)
repolls_over_commits = times(HELD / POLL_HOLD / COMMITS_PEAK)
long_repolls_per_second = peak(HELD / LONG_HOLD)
long_repolls_over_commits = times(HELD / LONG_HOLD / COMMITS_PEAK)
# A change ends a held poll (or sends a frame) at each online recipient, then a list call and a new poll: 2.
# The device that made the change is one of its user's online devices, so one other of the user's is online; each
# other member of a shared folder has all of theirs online at the peak's share. The user's online computer is a
# recipient when the phone made the change.
SHARED_RECIPIENT_USERS = SHARED_CHANGE_SHARE * SHARED_OTHER_MEMBERS
ONLINE_RECIPIENTS = DEVICES_ONLINE_PER_USER - 1 + SHARED_RECIPIENT_USERS * DEVICES_ONLINE_PER_USER
ONLINE_COMPUTER_RECIPIENTS = (PHONE_CHANGE_SHARE + SHARED_RECIPIENT_USERS) * (DEVICES_ONLINE_PER_USER - PHONES_PER_USER)
online_recipients = count(ONLINE_RECIPIENTS)
online_computer_recipients = count(ONLINE_COMPUTER_RECIPIENTS)
change_requests_per_second = per_second(COMMITS_PER_SECOND * PEAK_TO_AVERAGE * ONLINE_RECIPIENTS * 2, peak=True)
# The computers alone, on an equal footing: a held stream heartbeating inside their NAT, or a long poll.
DESKTOPS = DAILY_USERS * (DEVICES_ONLINE_PER_USER - PHONES_PER_USER)
DESKTOP_SERVERS = whole_per_zone(DESKTOPS * ZONE_HEADROOM / CONNECTIONS_PER_SERVER, ZONES)
desktops_held = count(DESKTOPS)
desktop_servers = servers(DESKTOP_SERVERS)
desktop_heartbeats_per_second = peak(DESKTOPS / DESKTOP_HEARTBEAT_SECONDS)
desktop_repolls_per_second = peak(DESKTOPS / LONG_HOLD)
# Behind a proxy that cuts an idle response at PROXY_IDLE_SECONDS, a client that saw the cut asks for holds of at
# most CUT_HOLD_SECONDS, the jitter drawn inside them, so every hold ends before the cut: every computer behind one
# re-polls this often.
cut_hold_average = duration(CUT_HOLD)
desktop_repolls_cut = peak(DESKTOPS / CUT_HOLD)
# A stream behind the same cut would send a frame at least as often as those holds' timeout.
desktop_heartbeats_cut = peak(DESKTOPS / CUT_HOLD_SECONDS)
desktop_change_requests_per_second = per_second(
    COMMITS_PER_SECOND * PEAK_TO_AVERAGE * ONLINE_COMPUTER_RECIPIENTS * 2, peak=True
)
# Phones: a nudge for each change that reaches them, at most one a device a window, under one collapse key.
# A phone is told of its user's changes made on a computer, and of its share of the shared folders' changes.
PHONE_TOLD_SHARE = 1 - PHONE_CHANGE_SHARE + SHARED_RECIPIENT_USERS
NUDGES_PER_PHONE_DAY = (NEW_FILES_PER_USER + EDITS_PER_USER) * PHONE_TOLD_SHARE
nudges_per_phone_day = per_day(NUDGES_PER_PHONE_DAY)
nudges_per_phone_peak_hour = count(NUDGES_PER_PHONE_DAY / 24 * PEAK_TO_AVERAGE)
NUDGE_WINDOW = SECONDS_PER_HOUR / APPLE_BACKGROUND_PER_HOUR
nudge_window = duration(NUDGE_WINDOW)
# On iOS a phone's busiest hour fits Apple's allowance on average (the page says so), but a change waits whenever the
# phone's last nudge went less than a window ago. Each nudge opens a window; the changes in it (x on average, a
# Poisson stream) wait for its end, and it is followed by a quiet spell, then a change sent at once, with probability
# e^-x. So x / (x + e^-x) of changes wait, each for half a window on average (they fall uniformly within it).
CHANGES_PER_WINDOW = NUDGES_PER_PHONE_DAY / 24 * PEAK_TO_AVERAGE * NUDGE_WINDOW / SECONDS_PER_HOUR
ios_waiting_share = fraction(CHANGES_PER_WINDOW / (CHANGES_PER_WINDOW + math.exp(-CHANGES_PER_WINDOW)))
ios_average_wait = duration(NUDGE_WINDOW / 2)
assert NUDGES_PER_PHONE_DAY / 24 * PEAK_TO_AVERAGE < APPLE_BACKGROUND_PER_HOUR, (
    "a phone's busiest hour outgrew iOS's allowance"
)
ios_nudges_peak_hour = count(APPLE_BACKGROUND_PER_HOUR)
NUDGES_PEAK = COMMITS_PER_SECOND * PHONE_TOLD_SHARE * PEAK_TO_AVERAGE
phone_nudges_peak = per_second(NUDGES_PEAK, peak=True)
ANDROID_NUDGES_MINUTE = NUDGES_PEAK * ANDROID_SHARE * 60
android_nudges_peak = per_second(NUDGES_PEAK * ANDROID_SHARE, peak=True)
android_nudges_over_quota = times(ANDROID_NUDGES_MINUTE / float(fcm_default_quota_per_minute))
nudge_quota_steps = count(quota_steps_for(ANDROID_NUDGES_MINUTE))
# The push page's other route: a launch request for the quota those steps reach, filed Firebase's lead ahead.
nudge_quota_requested = count(quota_reached_for(ANDROID_NUDGES_MINUTE))
nudge_quota_request_lead = request_lead_for(float(nudge_quota_requested))
# Coalesced per Android device, should Google refuse the request: the least gap between one device's nudges that
# keeps every Android phone inside FCM's default quota, whatever the changes.
ANDROID_PHONES = DAILY_USERS * PHONES_PER_USER * ANDROID_SHARE
ANDROID_GAP = ANDROID_PHONES / (float(fcm_default_quota_per_minute) / 60)
android_phones = count(ANDROID_PHONES)
android_nudge_gap = duration(ANDROID_GAP)
android_nudges_capped = per_second(ANDROID_PHONES / ANDROID_GAP, peak=True)
fcm_quota_per_second = per_second(float(fcm_default_quota_per_minute) / 60)
# Reconnections and deploys.
desktops_per_zone = count(DESKTOPS / ZONES)
zone_loss_reconnects_backoff = per_second(DESKTOPS / ZONES / BACKOFF_SPREAD_SECONDS)
drain_batches = whole_up(1 / DRAIN_BATCH_SHARE)
drain_batch_servers = count(whole_up(DESKTOP_SERVERS * DRAIN_BATCH_SHARE))
drain_repolls = count(DESKTOPS * DRAIN_BATCH_SHARE)
drain_repolls_per_second = per_second(DESKTOPS * DRAIN_BATCH_SHARE / BACKOFF_SPREAD_SECONDS)
deploy_time = duration(drain_batches * BACKOFF_SPREAD_SECONDS)
# The same batches, waiting their polls out: each server stops taking polls, and its held ones end within the
# longest timeout (the jitter is inside it), the clients re-polling elsewhere as theirs end.
deploy_waiting_out = duration(drain_batches * LONGPOLL_MAX)
drain_waiting_repolls_per_second = per_second(DESKTOPS * DRAIN_BATCH_SHARE / LONGPOLL_MAX)
drain_batch_count = count(drain_batches)

# --- Journal, resync, folder moves -----------------------------------------------------------------------
journal_per_day = size_per_day(COMMITS_PER_DAY * JOURNAL_ROW_BYTES)
# The average namespace: the day's commits over every namespace, those no daily user writes included.
NAMESPACE_ROWS_PER_DAY = COMMITS_PER_DAY / NAMESPACES
namespace_rows_per_day = count(NAMESPACE_ROWS_PER_DAY)
namespace_journal_per_day = size_per_day(NAMESPACE_ROWS_PER_DAY * JOURNAL_ROW_BYTES)
# A namespace one daily user writes all day: the user's root taking every one of the user's changes.
busy_namespace_journal_per_day = size_per_day((NEW_FILES_PER_USER + EDITS_PER_USER) * JOURNAL_ROW_BYTES)
full_listing = size(FILES_PER_NAMESPACE * JOURNAL_ROW_BYTES)
AVERAGE_CROSSOVER_DAYS = FILES_PER_NAMESPACE / NAMESPACE_ROWS_PER_DAY
replay_beats_listing = duration(AVERAGE_CROSSOVER_DAYS * SECONDS_PER_DAY)
# Rows are kept as long as replaying them beats a full relisting for that namespace: the shorter span.
JOURNAL_KEEP_DAYS = FILES_PER_NAMESPACE / (NEW_FILES_PER_USER + EDITS_PER_USER)
assert JOURNAL_KEEP_DAYS < AVERAGE_CROSSOVER_DAYS
journal_keep = duration(JOURNAL_KEEP_DAYS * SECONDS_PER_DAY)
journal_kept = size(COMMITS_PER_DAY * JOURNAL_ROW_BYTES * JOURNAL_KEEP_DAYS)
journal_kept_average_crossover = size(COMMITS_PER_DAY * JOURNAL_ROW_BYTES * AVERAGE_CROSSOVER_DAYS)
move_rows_by_path = count(2 * MOVED_FOLDER_FILES)
move_journal_by_path = size(2 * MOVED_FOLDER_FILES * JOURNAL_ROW_BYTES)
move_over_day = times(2 * MOVED_FOLDER_FILES / (NEW_FILES_PER_USER + EDITS_PER_USER))

# --- Garbage and large uploads ---------------------------------------------------------------------------
abandoned_per_day = size_per_day(NEW_SENT * ABANDONED_SHARE)
garbage_held = size(NEW_SENT * ABANDONED_SHARE * (UNCOMMITTED_LIMIT_DAYS + GC_GRACE_DAYS))
MARK_REFS = STORE_BYTES / CHUNK_AVERAGE
MARK_WALK = REFS_PER_SHARD / SHARD_WALK_PER_SECOND
mark_refs = count(MARK_REFS)
mark_shards = count(whole_up(MARK_REFS / REFS_PER_SHARD))
mark_walk = duration(MARK_WALK)
grace_needed = duration(UNCOMMITTED_LIMIT_DAYS * SECONDS_PER_DAY + MARK_WALK)
# An erased account's chunks: dropped references within the purge, the grace, the walk then running, the hidden
# period. The walk under way when the grace ends started after the purge (the grace outlasts a walk), so its
# snapshot no longer lists them.
assert GC_GRACE_DAYS * SECONDS_PER_DAY > MARK_WALK
ERASURE_DELAY = (PURGE_DAYS + GC_GRACE_DAYS + HIDDEN_DAYS) * SECONDS_PER_DAY + MARK_WALK
assert ERASURE_DELAY < ERASURE_DEADLINE, "an erased account's chunks outlast the deadline"
erasure_delay = duration(ERASURE_DELAY)
# Deleted is not erased: the chunk's bytes stay in their volume until it is compacted.
ERASURE_DELAY_BYTES = ERASURE_DELAY + VOLUME_COMPACTION_DAYS * SECONDS_PER_DAY
assert ERASURE_DELAY_BYTES < ERASURE_DEADLINE, "an erased account's chunk bytes outlast the deadline"
erasure_delay_bytes = duration(ERASURE_DELAY_BYTES)
erasure_margin_bytes = duration(ERASURE_DEADLINE - ERASURE_DELAY_BYTES)
# The metadata service's backups hold the dropped journal rows and blocklists: the purge, the weekly collection
# that rewrites the files still holding them, then the snapshots' retention (the data lifecycle page's chain).
METADATA_ERASURE_DELAY = (PURGE_DAYS + METADATA_GC_DAYS + METADATA_SNAPSHOT_DAYS) * SECONDS_PER_DAY
assert METADATA_ERASURE_DELAY < ERASURE_DEADLINE, "the metadata service's backups outlast the deadline"
metadata_erasure_delay = duration(METADATA_ERASURE_DELAY)
# A chunk's CDN lifetime in each tier: the margin the bytes leave, split in three shares, one for each tier that
# may keep a copy a full lifetime: a CloudFront location, its regional edge cache and Origin Shield, which file
# sync runs as the CDN page's Decision advises for a large catalog read by many. A copy is filled at the latest
# when the chunk is deleted, so the last one ends by the delete plus a lifetime in each of the three: the delete
# plus the margin.
CHUNK_CDN_CAP = (ERASURE_DEADLINE - ERASURE_DELAY_BYTES) / float(cdn_cache_tiers_with_shield)
CHUNK_CDN_COPY_END = ERASURE_DELAY + CHUNK_CDN_CAP * float(cdn_cache_tiers_with_shield)
assert CHUNK_CDN_COPY_END < ERASURE_DEADLINE, "a chunk's last CDN copy outlasts the deadline"
chunk_cdn_cap = duration(CHUNK_CDN_CAP)
chunk_cdn_copy_end = duration(CHUNK_CDN_COPY_END)
big_file_upload = duration(BIG_FILE_BYTES * 8 / PHONE_UPLINK_BITS)

# --- A hot file --------------------------------------------------------------------------------------------
hot_chunks = count(HOT_FILE_BYTES / CHUNK_AVERAGE)
hot_egress = bandwidth(HOT_DEVICES * HOT_FILE_BYTES / HOT_WINDOW_SECONDS, peak=True)
hot_egress_over_disk = times(HOT_DEVICES * HOT_FILE_BYTES / HOT_WINDOW_SECONDS / DISK_READ_BYTES)
hot_reads_per_chunk = throughput(HOT_DEVICES / HOT_WINDOW_SECONDS)
hot_bytes_per_chunk = bandwidth(HOT_DEVICES / HOT_WINDOW_SECONDS * CHUNK_AVERAGE)
# Each fetch of a chunk is a read wherever it lies on the disk: a seek and half a turn.
hot_reads_over_disk = times(HOT_DEVICES / HOT_WINDOW_SECONDS / float(disk_random_reads_per_second))

if __name__ != "concept_sync_scale":
    print(
        markdown_table(
            ("Bytes uploaded a day", "Sent whole", "The page's chunks, deltas and deduplication"),
            [
                ("New files", new_bytes_per_day, new_sent_per_day),
                (
                    f"Edits (each {size(EDIT_CHANGE_BYTES)} of a {size(EDITED_FILE_BYTES)} file)",
                    edits_whole_per_day,
                    edits_delta_per_day,
                ),
                ("All", naive_upload_per_day, design_upload_per_day),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Edits' new bytes stored", "An edit", "A day", f"Held by {VERSION_DAYS} days of old versions"),
            [
                ("Fixed 4 MiB blocks", edit_fixed_bytes, edits_fixed_stored_per_day, old_versions_fixed),
                ("Content-defined, 1 MiB", edit_large_bytes, edits_large_stored_per_day, old_versions_large),
                ("Content-defined, 128 KiB (the page's)", edit_chunks_bytes, edits_stored_per_day, old_versions),
            ],
        )
    )
    print()
    rows = []
    for name, label in (("small", "8 KiB"), ("page", "128 KiB (the page's)"), ("large", "1 MiB")):
        c = COST[name]
        rows.append(
            (
                label,
                f"{size(c['block'])}; {size(c['reach'])}; {size(c['blocklists'])}",
                per_second(c["lookups"], peak=True),
                f"{count(c['ssds_bytes'])}; {count(c['ssds_reads'])}",
                f"${count(c['metadata'])}; ${count(c['versions'])}; ${count(c['transit'])}",
                f"${count(c['total'])}",
            )
        )
    print(
        markdown_table(
            (
                "Chunks",
                "Block index; reach index; blocklists (one copy)",
                "Lookups at the peak",
                f"SSDs by bytes ({METADATA_COPIES} copies); by reads",
                "A month: metadata on SSD; old versions on HDD; edits' transit",
                "A month in all",
            ),
            rows,
        )
    )
    print()
    print(
        markdown_table(
            (
                f"Telling {held_requests} online devices to pull",
                "Frames or requests a second",
                "Over the peak's commits",
            ),
            [
                (
                    f"Held connections, heartbeat every {duration(HEARTBEAT_SECONDS)}",
                    heartbeats_per_second,
                    heartbeats_over_commits,
                ),
                (
                    f"Long poll at {duration(LONGPOLL_TIMEOUT)}, held {poll_hold}",
                    repolls_per_second,
                    repolls_over_commits,
                ),
                (
                    f"Long poll at {duration(LONGPOLL_MAX)}, held {long_hold}",
                    long_repolls_per_second,
                    long_repolls_over_commits,
                ),
                ("Either, on each change: the answer's list call and new poll", change_requests_per_second, ""),
                (
                    f"{desktops_held} computers: a stream, heartbeat every {duration(DESKTOP_HEARTBEAT_SECONDS)}",
                    desktop_heartbeats_per_second,
                    "",
                ),
                (f"{desktops_held} computers: long poll at {duration(LONGPOLL_MAX)}", desktop_repolls_per_second, ""),
                (
                    f"... every one behind a proxy that cuts it at {duration(PROXY_IDLE_SECONDS)}, "
                    f"asking for {duration(CUT_HOLD_SECONDS)}, held {cut_hold_average}",
                    desktop_repolls_cut,
                    "",
                ),
                (
                    f"... a stream behind that cut, heartbeat every {duration(CUT_HOLD_SECONDS)}",
                    desktop_heartbeats_cut,
                    "",
                ),
                ("Computers, either, on each change", desktop_change_requests_per_second, ""),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("The service", "Value"),
            [
                ("**Commits and bytes**", ""),
                ("Commits a day", commits_per_day),
                ("... a second on average", commits_per_second),
                ("... at the peak", commits_per_second_peak),
                ("An edit's delta, up", edit_delta_up),
                ("... its checksums, down", edit_delta_down),
                ("Upload on average", design_upload_average),
                ("... at the peak", design_upload_peak),
                ("New files' bytes stored a day, after deduplication across accounts", new_stored_per_day),
                ("... with the edits' chunks", store_growth_per_day),
                ("Uploaded only to be dropped, to close the side channel, a day", side_channel_upload_per_day),
                ("... its share of upload", side_channel_share_of_upload),
                ("Downloads a day", download_per_day),
                ("... over upload", download_over_upload),
                ("**Namespaces and the reach index**", ""),
                ("Namespaces", namespaces),
                ("... bytes each", namespace_bytes),
                ("... a file's average", namespace_file_average),
                ("Reach-index entries a namespace", reach_entries_per_namespace),
                ("... their bytes", reach_bytes_per_namespace),
                ("... all namespaces", reach_index),
                ("**Telling devices to pull**", ""),
                ("Servers holding every online device's request", notify_servers),
                ("... the computers' alone", desktop_servers),
                ("**Computers**", ""),
                (
                    f"Polls begun together, at the {duration(LONGPOLL_MAX)} timeout: their ends spread over",
                    long_jitter_spread,
                ),
                ("A lost zone's computers", desktops_per_zone),
                ("... reconnecting over the backoff, a second", zone_loss_reconnects_backoff),
                ("Deploy: batches", drain_batch_count),
                ("... servers a batch", drain_batch_servers),
                ("... re-polls a batch", drain_repolls),
                ("Waiting polls out: re-polls a second", drain_waiting_repolls_per_second),
                ("... the deploy's time", deploy_waiting_out),
                ("Answering early with the backoff: re-polls a second", drain_repolls_per_second),
                ("... the deploy's time", deploy_time),
                ("**Phones: a push that says pull**", ""),
                ("Changes for a phone a day", nudges_per_phone_day),
                ("... in its busiest hour", nudges_per_phone_peak_hour),
                ("... on iOS, the share that waits for the window's end", ios_waiting_share),
                ("... their average wait", ios_average_wait),
                ("Changes for phones at the peak", phone_nudges_peak),
                ("... Android's", android_nudges_peak),
                ("FCM: Android's nudges over the default quota", android_nudges_over_quota),
                ("... steps to earn", nudge_quota_steps),
                ("... the launch request, a minute", nudge_quota_requested),
                ("... filed ahead by", nudge_quota_request_lead),
                ("... if refused, the least gap a device that fits the default", android_nudge_gap),
                ("**How long the journal keeps rows**", ""),
                ("Journal rows' bytes a day", journal_per_day),
                ("Kept while replay beats relisting a namespace one daily user writes", journal_keep),
                ("... the rows' bytes then", journal_kept),
                ("A full listing of one namespace", full_listing),
                (f"A path-keyed move of {count(MOVED_FOLDER_FILES)} files: rows", move_rows_by_path),
                ("... their bytes", move_journal_by_path),
                ("**Reference counts and garbage collection**", ""),
                ("Abandoned uploads a day", abandoned_per_day),
                ("... held before collection", garbage_held),
                ("Mark walk: references", mark_refs),
                ("... shards", mark_shards),
                ("... time", mark_walk),
                ("... the grace it needs", grace_needed),
                ("**Erasing an account**", ""),
                ("An erased account's chunks deleted within", erasure_delay),
                ("... their bytes erased within", erasure_delay_bytes),
                ("... inside the deadline's worst month by", erasure_margin_bytes),
                ("Metadata backups gone within", metadata_erasure_delay),
                ("A chunk's CDN lifetime in each tier, under", chunk_cdn_cap),
                ("... its last CDN copy ends within", chunk_cdn_copy_end),
                ("**A hot file**", ""),
                ("Egress", hot_egress),
                ("... in disks streaming", hot_egress_over_disk),
                ("Each chunk's fetches a second", hot_reads_per_chunk),
                ("... their bytes a second", hot_bytes_per_chunk),
                ("... in disks' random reads", hot_reads_over_disk),
            ],
        )
    )
