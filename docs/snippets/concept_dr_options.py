"""Concepts, multi-region and disaster recovery: the recovery options side by side, each with the
capacity it buys, the copies it stores, what a region loss can lose (RPO), how long it takes to
serve again (RTO) and how much of a month's error budget that spends.

Capacity splits in two. Request-bound tiers (API servers, caches, a store sized by its reads) are
counted in "the servers the peak alone needs". A region of Z zones that must survive a zone loss
already buys Z / (Z - 1) of that (workflow step 7). Active-active over N regions must carry a lost
region's share on the N - 1 left, so each region runs at N / (N - 1) of its share; taking one failure
at a time (a zone or a region, not both at once), the fleet needs the larger of Z / (Z - 1) and
N / (N - 1). That assumes the lost region's users spread evenly over the rest (weighted failover);
sent to the nearest region instead, one neighbor takes them all and needs two shares. A hot standby
under the same assumption needs Z / (Z - 1) in the primary and one share in the standby; if the
survivors must stay safe from a zone loss too, every option multiplies instead.

Byte-bound tiers (the stores, sized by what they hold) do not shrink with more regions: every active
region holds all the data, Z copies of it, so N regions store N x Z copies. The Twitter example's
wide-column store shows both: sized by its reads, it has about twice the servers its bytes would need.

RPO: the snapshot interval for backups alone, the replication lag for every option that replicates.
RTO: detection + decision + cut-over (concept_dr), then what the option must start: a restore and
every tier (backups; with the event log shipped, its replay from the snapshot on too), every tier
and the store's other copies (pilot light), the other three quarters of the stateless tiers (warm
standby), nothing more (hot standby, active-active); then the caches' warm-up (concept_dr), which
every option counts: caches a miss fills from a store. A cache kept only in memory (the Twitter
example's home timelines) is loaded from a snapshot of its own during the restore (twitter_restore),
or else rebuilt after it by a job (twitter_reliability), which these times leave out. A warm standby
keeps its store at the size the peak's reads need, as a hot standby does: a store server must
receive its data before it serves, hours, so the store cannot be scaled up in the minutes the
stateless tiers take. Both restores are the Twitter store's: backups
write each server's bytes from object storage, all servers at once, every copy, since every zone's
servers are snapshotted (one zone's snapshot could lack writes acknowledged on the other two, and
those zones would be streamed from it, each of its servers sending two copies; one copy first saves
nothing either: each server holds its own zone's copy of its ranges, so one copy is one zone's
servers, each writing all of its bytes; and reads would need consistency ONE); the pilot light
restores the same snapshots (the example ships them to its second region) and then catches up the
rows written since the last one, at least a day's text rows, which its 50 live servers send for
every copy: its best case. The day after its own weekly garbage collection every file of its copy is
newer than the snapshot, so it replays the log instead, and is then no sooner than backups with the
log. Without snapshots its 50 servers would have to send the two copies they lack, and the slower of
the destination's writes and the sources' sends would set the rebuild. Writes to the lost region's
records move only once its write lease has run out, and with two regions there is no majority to
decide that: a person decides (fast detection, the decision, the TTL; caches are warm from serving),
or a witness in a third site. The error budget spent is the share of the traffic the lost region
served times the recovery time, as availability counts requests: a lower bound, since the stale
tail's share of the traffic is not yet measured. That is at the average rate; the busy hour carries
the Twitter example's peak-to-average times as many requests, so a region lost at its start spends
that many times as much for the recovery's first hour; the busy hour lasts an hour, so any time past
it is counted at the average.
"""

import math

from concept_dr import cut_over, decide_human, detect_fast, rto_human, warm_up
from concept_dr_assumptions import (
    LAG_NORMAL_S,
    PILOT_SHARE,
    PILOT_START_S,
    POST_SHARE,
    REPLAY_EVENTS_PER_DAY,
    REPLAY_ROWS_PER_EVENT,
    REPLAY_ROWS_PER_S,
    SNAPSHOT_INTERVAL_S,
    STALE_TAIL_S,
    STORE_PER_ZONE_FOR_BYTES,
    STORE_PER_ZONE_FOR_READS,
    TEXT_BYTES_PER_DAY,
    WARM_SCALE_S,
    WARM_STANDBY_SHARE,
    ZONES,
    budget_downtime,
    fleet_servers,
    restore_rate_per_server,
    store_bytes_all_copies,
    store_bytes_per_server,
    store_servers_one_region,
    write_lease,
)
from twitter_assumptions import peak_to_average
from url_shortener_assumptions import store_stream_rate_per_node

from sdw.estimation import (
    SECONDS_PER_HOUR,
    count,
    duration,
    fraction,
    markdown_table,
    size,
    throughput,
    times,
    zone_loss_headroom,
)

ZONE_HEADROOM = float(zone_loss_headroom(ZONES))


def region_headroom(regions: int) -> float:
    """Each of N active regions carries its share, and a lost region's share split over the rest."""
    return regions / (regions - 1)


def active_active_fleet(regions: int) -> float:
    """One failure at a time: each region needs the larger headroom, the fleet that times the peak."""
    return max(ZONE_HEADROOM, region_headroom(regions))


def store_servers(regions: int) -> int:
    """The Twitter store over N active regions: each zone of each region holds a full copy (its bytes)
    and serves its share of the reads, scaled from the one-region sizing (which already carries a lost
    zone) by the larger headroom, over N regions."""
    headroom = active_active_fleet(regions) if regions > 1 else ZONE_HEADROOM
    reads = STORE_PER_ZONE_FOR_READS / ZONE_HEADROOM * headroom / regions
    return regions * ZONES * max(STORE_PER_ZONE_FOR_BYTES, math.ceil(reads))


def standby_store_servers(headroom: float) -> int:
    """A standby region's store that serves no reads until failover, then carries the peak's reads at
    `headroom` (1 when one failure at a time is enough, the zone headroom to stay zone-safe)."""
    reads = STORE_PER_ZONE_FOR_READS / ZONE_HEADROOM * headroom
    return ZONES * max(STORE_PER_ZONE_FOR_BYTES, math.ceil(reads))


headroom_two_regions = times(region_headroom(2))
headroom_three_regions = times(region_headroom(3))
zone_headroom = times(ZONE_HEADROOM)
fleet_single_region = times(ZONE_HEADROOM)
fleet_backup = times(ZONE_HEADROOM)
fleet_pilot = times(ZONE_HEADROOM * (1 + PILOT_SHARE))
# Warm standby: the store sized for the peak's reads (one failure at a time, as the hot standby's), and
# a quarter of the region's other tiers, which scale up on failover. As a share of one region's fleet.
WARM_SHARE = (
    standby_store_servers(1) + WARM_STANDBY_SHARE * (float(fleet_servers) - float(store_servers_one_region))
) / float(fleet_servers)
warm_share = fraction(WARM_SHARE)
fleet_warm = times(ZONE_HEADROOM * (1 + WARM_SHARE))
fleet_active_two = times(active_active_fleet(2))
fleet_active_three = times(active_active_fleet(3))
# One failure at a time: the primary survives a zone (Z / (Z - 1)), the standby only has to carry the
# peak once the primary is gone (1). Survivors that must also stay zone-safe: Z / (Z - 1) everywhere.
fleet_hot = times(ZONE_HEADROOM + 1)
fleet_hot_zone_safe = times(2 * ZONE_HEADROOM)
fleet_active_two_zone_safe = times(ZONE_HEADROOM * region_headroom(2))
fleet_active_three_zone_safe = times(ZONE_HEADROOM * region_headroom(3))
# Latency routing without weights: the nearest region takes the whole lost share, two shares in all.
fleet_active_three_nearest = times(max(ZONE_HEADROOM, 2.0))
# Two regions cost this much more than the zone headroom already bought; three, nothing more.
active_two_over_single = times(active_active_fleet(2) / ZONE_HEADROOM)
hot_over_active_three = times((ZONE_HEADROOM + 1) / active_active_fleet(3))

# Byte-bound: copies of the data stored, Z in each region that holds it whole.
copies_single = count(ZONES)
copies_pilot = count(ZONES + 1)
copies_hot = count(2 * ZONES)
copies_warm = copies_hot  # the warm standby's store holds a copy in each of its zones, as the hot standby's
copies_active_three = count(3 * ZONES)
store_one_region = count(store_servers(1))
store_two_regions = count(store_servers(2))
store_three_regions = count(store_servers(3))
store_bytes_two_regions = size(2 * store_bytes_all_copies)
store_bytes_three_regions = size(3 * store_bytes_all_copies)
store_three_over_two = times(store_servers(3) / store_servers(2))
# The store's servers the second region adds, per option: one copy sized by bytes (pilot light); the
# warm and hot standbys' region, sized for the peak's reads with no zone headroom (one failure at a
# time) or with it (zone-safe); the read-serving standby reads as two active regions do.
store_extra_pilot = count(STORE_PER_ZONE_FOR_BYTES)
store_extra_warm = count(standby_store_servers(1))
store_extra_hot = count(standby_store_servers(1))
store_hot = count(store_servers(1) + standby_store_servers(1))
store_extra_hot_zone_safe = count(standby_store_servers(ZONE_HEADROOM))
store_hot_zone_safe = count(store_servers(1) + standby_store_servers(ZONE_HEADROOM))
store_extra_read_standby = count(store_servers(2) - store_servers(1))
store_extra_active_two = count(store_servers(2) - store_servers(1))
store_extra_active_three = count(store_servers(3) - store_servers(1))

rpo_backup = duration(SNAPSHOT_INTERVAL_S)
rpo_replicated = duration(LAG_NORMAL_S)
# Every failover a person decides: the fast checks page them (concept_dr), the decision, the TTL.
person = detect_fast + decide_human + cut_over
# Backup and restore: every server of the Twitter store writes its own bytes from object storage, every
# copy at once. Its snapshots hold each zone's copy on that zone's servers, so one copy first would be
# one zone's servers each writing all of its bytes: no sooner.
restore_store = duration(store_bytes_per_server / restore_rate_per_server)
# Were one zone snapshotted, the other two zones' copies would be streamed from it: each of its servers
# sends two copies of its bytes, at the restore's rate.
one_zone_stream = duration((ZONES - 1) * store_bytes_per_server / restore_rate_per_server)
# With the event log shipped, the restore is followed by its replay from the snapshot's start: up to a
# day's events, their rows written at the store's peak write rate (concept_dr_assumptions). Without the
# log there is nothing to replay, and the RPO is the day.
replay = duration(REPLAY_EVENTS_PER_DAY * REPLAY_ROWS_PER_EVENT / REPLAY_ROWS_PER_S)
# Pilot light: the full store's servers restore the snapshots the region already receives, as a backup
# does, then catch up the rows written since the last snapshot (at least a day's text rows, as for the
# increments, since compaction rewrites files; the MySQL media rows in the snapshot's increment are not
# in the wide-column store's live copy) from the live copy: its 50 servers send every copy of them, the
# slower side (the full store's servers, six times as many, each write a sixth as much). A best case.
PILOT_CATCH_UP_BYTES_PER_SERVER = TEXT_BYTES_PER_DAY * ZONES / STORE_PER_ZONE_FOR_BYTES
pilot_catch_up_bytes_one_copy = size(TEXT_BYTES_PER_DAY)
pilot_catch_up_bytes = size(TEXT_BYTES_PER_DAY * ZONES)
pilot_catch_up_bytes_per_server = size(PILOT_CATCH_UP_BYTES_PER_SERVER)
pilot_catch_up = duration(PILOT_CATCH_UP_BYTES_PER_SERVER / restore_rate_per_server)
pilot_rebuild = duration(restore_store + pilot_catch_up)
# Its worst case: the live copy holds personal data, so it runs the weekly garbage collection too, which
# rewrites every file. The day after, the files written since the snapshot are the whole copy, sent for
# every copy; the mirrored log's replay is faster, and the pilot light falls back to it.
pilot_catch_up_whole = duration(float(store_bytes_all_copies) / STORE_PER_ZONE_FOR_BYTES / restore_rate_per_server)
pilot_catch_up_worst = duration(min(pilot_catch_up_whole, replay))
# Without snapshots: the store arrives at one copy on its 50 servers, which must send the two copies it
# lacks to the full store's servers; the destination writes as fast as a restore, the sources are
# taken to send at the same rate, and the slower side sets the rebuild.
PILOT_SOURCE_BYTES_PER_SERVER = float(store_bytes_all_copies) * (ZONES - 1) / ZONES / STORE_PER_ZONE_FOR_BYTES
pilot_source_bytes = size(float(store_bytes_all_copies) * (ZONES - 1) / ZONES)
pilot_source_bytes_per_server = size(PILOT_SOURCE_BYTES_PER_SERVER)
pilot_source_rate = restore_rate_per_server
pilot_rebuild_destination = duration(store_bytes_per_server / restore_rate_per_server)
pilot_rebuild_source = duration(PILOT_SOURCE_BYTES_PER_SERVER / pilot_source_rate)
pilot_rebuild_without_snapshots = duration(max(pilot_rebuild_destination, pilot_rebuild_source))
# The send rate a source server needs for the destination's writes to set the rebuild again.
pilot_source_rate_to_match = throughput(PILOT_SOURCE_BYTES_PER_SERVER / pilot_rebuild_destination, "B/s")
# The same sends at the URL shortener's per-node stream cap, which keeps a store's reads fast: why the
# rebuild must lift the cap.
stream_cap = store_stream_rate_per_node
pilot_rebuild_source_capped = duration(PILOT_SOURCE_BYTES_PER_SERVER / store_stream_rate_per_node)
# Backups alone (RPO a day); with the log shipped (RPO the lag), its replay too.
rto_backup = duration(person + restore_store + PILOT_START_S + warm_up)
rto_backup_log = duration(rto_backup + replay)
rto_pilot = duration(person + PILOT_START_S + pilot_rebuild + warm_up)
rto_pilot_worst = duration(person + PILOT_START_S + restore_store + pilot_catch_up_worst + warm_up)
# The pilot light's catch-up from its live copy, against the backup's replay of the log: its best case.
# At worst it replays the log as well, and is no sooner.
pilot_sooner = duration(rto_backup_log - rto_pilot)
assert abs(rto_pilot_worst - rto_backup_log) < 1e-6
rto_warm = duration(person + WARM_SCALE_S + warm_up)
rto_hot = duration(person + warm_up)
rto_active = duration(detect_fast + cut_over + warm_up)
rto_active_tail = duration(rto_active + STALE_TAIL_S)
# Writes to the lost region's records: the lease runs from the last renewal, alongside detection.
rto_active_writes = duration(max(detect_fast + cut_over, write_lease) + warm_up)
# Two regions that both serve (a read-serving standby, or active-active): the fast checks detect, a
# person decides who takes the writes, the TTL moves them, as for a standby; caches are already warm
# from serving.
rto_two_region_writes = duration(person)


def losses(share: float, rto: float, rto_writes: float | None = None) -> list[tuple[float, float]]:
    """What losing `share` of the requests costs, as (share of the requests, seconds) parts: reads
    (and writes, unless they recover on their own clock) for `rto`, the posts' share for `rto_writes`."""
    if rto_writes is None:
        return [(share, rto)]
    return [(share * (1 - POST_SHARE), rto), (share * POST_SHARE, rto_writes)]


def budget_spent(parts: list[tuple[float, float]]) -> float:
    """Full-outage time the parts are worth at the average rate."""
    return sum(share * seconds for share, seconds in parts)


# The busy hour carries peak_to_average times the average's requests, so a region lost at its start
# fails that many times as many while the hour lasts: each part's first hour counts BUSY times, the
# rest of it (past the busy hour) at the average.
BUSY = float(peak_to_average)
busy_over_average = peak_to_average
BUSY_HOUR_S = SECONDS_PER_HOUR


def budget_spent_busy(parts: list[tuple[float, float]]) -> float:
    """Full-outage time the parts are worth when lost at the start of the busy hour."""
    return sum(share * (seconds + (BUSY - 1) * min(seconds, BUSY_HOUR_S)) for share, seconds in parts)


losses_backup = losses(1, rto_backup)
losses_backup_log = losses(1, rto_backup_log)
losses_pilot = losses(1, rto_pilot)
losses_warm = losses(1, rto_warm)
losses_hot = losses(1, rto_hot)
# Read-serving standby: the lost primary's readers (half) move automatically; every post, in either
# region, waits for the promotion.
losses_read_standby = [(1 / 2 * (1 - POST_SHARE), rto_active), (POST_SHARE, rto_two_region_writes)]
losses_active_two = losses(1 / 2, rto_active, rto_two_region_writes)
losses_active_three = losses(1 / 3, rto_active, rto_active_writes)
losses_single = losses(1, rto_human)
budget_hot = duration(budget_spent(losses_hot))
budget_read_standby = duration(budget_spent(losses_read_standby))
budget_active_two = duration(budget_spent(losses_active_two))
budget_active_three = duration(budget_spent(losses_active_three))
budget_active_three_share = fraction(budget_active_three / budget_downtime)
# A single serving region failed over by a person spends the whole recovery time: months of budget.
budget_months_single = count(budget_spent(losses_single) / budget_downtime)
# The same losses at the start of the busy hour (all of these recoveries end within it).
budget_single_peak = duration(budget_spent_busy(losses_single))
budget_months_single_peak = count(budget_single_peak / budget_downtime)
budget_active_two_peak = duration(budget_spent_busy(losses_active_two))
budget_active_two_peak_over = times(budget_active_two_peak / budget_downtime)
budget_active_three_peak = duration(budget_spent_busy(losses_active_three))
budget_active_three_peak_over = times(budget_active_three_peak / budget_downtime)
# The two restores outlast the busy hour: only its first hour counts three times.
budget_backup_peak = duration(budget_spent_busy(losses_backup))
budget_backup_peak_over = times(budget_backup_peak / budget_downtime)
budget_backup_log_peak = duration(budget_spent_busy(losses_backup_log))
budget_backup_log_peak_over = times(budget_backup_log_peak / budget_downtime)
budget_pilot_peak = duration(budget_spent_busy(losses_pilot))
budget_pilot_peak_over = times(budget_pilot_peak / budget_downtime)


def of_budget(spent: float) -> str:
    """Full-outage time spent, with its share of the month's budget, or its multiple past the whole."""
    share = spent / budget_downtime
    return f"{duration(spent)} ({fraction(share) if share < 1 else times(share)})"


rows = [
    ("Backup and restore", fleet_backup, copies_single, rpo_backup, rto_backup, losses_backup),
    (
        "... the log shipped and replayed",
        fleet_backup,
        copies_single,
        rpo_replicated,
        rto_backup_log,
        losses_backup_log,
    ),
    (
        "Pilot light, at best (at worst, as the row above)",
        fleet_pilot,
        copies_pilot,
        rpo_replicated,
        rto_pilot,
        losses_pilot,
    ),
    ("Warm standby", fleet_warm, copies_warm, rpo_replicated, rto_warm, losses_warm),
    ("Hot standby", fleet_hot, copies_hot, rpo_replicated, rto_hot, losses_hot),
    (
        "Read-serving standby",
        fleet_active_two,
        copies_hot,
        rpo_replicated,
        f"reads {rto_active}, writes {rto_two_region_writes} (decided)",
        losses_read_standby,
    ),
    (
        "Active-active, two regions",
        fleet_active_two,
        copies_hot,
        rpo_replicated,
        f"reads {rto_active}, writes {rto_two_region_writes} (decided)",
        losses_active_two,
    ),
    (
        "Active-active, three regions",
        fleet_active_three,
        copies_active_three,
        rpo_replicated,
        f"reads and writes {rto_active_writes}",
        losses_active_three,
    ),
]

if __name__ != "concept_dr_options":
    print(
        markdown_table(
            (
                "Regions",
                "Each region's headroom for a lost region",
                "Request-bound fleet: one failure at a time",
                "Survivors zone-safe",
                "Copies stored",
            ),
            [
                (1, "none", fleet_single_region, fleet_single_region, copies_single),
                (2, headroom_two_regions, fleet_active_two, fleet_active_two_zone_safe, copies_hot),
                (3, headroom_three_regions, fleet_active_three, fleet_active_three_zone_safe, copies_active_three),
                ("Hot standby", "", fleet_hot, fleet_hot_zone_safe, copies_hot),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Twitter's wide-column store", "Servers", "Bytes stored", "Servers over one region"),
            [
                ("One region", store_one_region, store_bytes_all_copies, count(0)),
                (
                    "Backup and restore (snapshots in object storage)",
                    store_one_region,
                    store_bytes_all_copies,
                    count(0),
                ),
                (
                    "Pilot light: one copy",
                    count(store_servers(1) + STORE_PER_ZONE_FOR_BYTES),
                    size(store_bytes_all_copies * (ZONES + 1) / ZONES),
                    store_extra_pilot,
                ),
                (
                    "Warm standby: the store at the peak's size, one failure at a time",
                    count(store_servers(1) + standby_store_servers(1)),
                    store_bytes_two_regions,
                    store_extra_warm,
                ),
                ("Hot standby, one failure at a time", store_hot, store_bytes_two_regions, store_extra_hot),
                (
                    "Hot standby, survivors zone-safe",
                    store_hot_zone_safe,
                    store_bytes_two_regions,
                    store_extra_hot_zone_safe,
                ),
                (
                    "Read-serving standby (reads as two active regions)",
                    store_two_regions,
                    store_bytes_two_regions,
                    store_extra_read_standby,
                ),
                ("Two regions, active-active", store_two_regions, store_bytes_two_regions, store_extra_active_two),
                (
                    "Three regions, active-active",
                    store_three_regions,
                    store_bytes_three_regions,
                    store_extra_active_three,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (
                "Option",
                "Fleet, in peak needs",
                "Copies stored",
                "RPO",
                "RTO",
                f"Budget spent, of {budget_downtime} a month, average hour",
                f"... if lost at the start of the busy hour ({busy_over_average} for its first hour, "
                "the average after)",
            ),
            [(*row[:5], of_budget(budget_spent(row[5])), of_budget(budget_spent_busy(row[5]))) for row in rows],
        )
    )
