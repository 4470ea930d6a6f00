"""Concepts, multi-region and disaster recovery: the five recovery options side by side, each with
the capacity it buys, what a region loss can lose (RPO) and how long it takes to serve again (RTO).

Capacity is counted in "the servers the peak alone needs". A region of Z zones that must survive a
zone loss already buys Z / (Z - 1) of that (workflow step 7). Active-active over N regions must carry
a lost region's share on the N - 1 left, so each region runs at N / (N - 1) of its share; taking one
failure at a time (a zone or a region, not both at once), each region needs the larger of the two
headrooms, and the fleet the larger of Z / (Z - 1) and N / (N - 1). A standby region is a second
region of its own size: whole (hot), a quarter scaled up on failover (warm), or only the databases'
replicas (pilot light).

RPO: the snapshot interval for backups alone, the replication lag for every option that replicates.
RTO: detection + decision + cut-over + warm-up (concept_dr), where the warm-up is what the option
must start: a restore and every tier (backups), every tier but the data (pilot light), the rest of
the capacity (warm standby), only caches (hot). Active-active needs no decision: the health checks
withdraw the lost region. Every option but active-active waits for a person to decide.
"""

from concept_dr import cut_over, decide_human, detect_default, detect_fast, warm_up
from concept_dr_assumptions import (
    LAG_NORMAL_S,
    PILOT_SHARE,
    PILOT_START_S,
    SNAPSHOT_INTERVAL_S,
    WARM_SCALE_S,
    WARM_STANDBY_SHARE,
    ZONES,
)
from concept_dr_costs import restore_time

from sdw.estimation import duration, markdown_table, times

ZONE_HEADROOM = ZONES / (ZONES - 1)


def region_headroom(regions: int) -> float:
    """Each of N active regions carries its share, and a lost region's share split over the rest."""
    return regions / (regions - 1)


def active_active_fleet(regions: int) -> float:
    """One failure at a time: each region needs the larger headroom, the fleet that times the peak."""
    return max(ZONE_HEADROOM, region_headroom(regions))


headroom_two_regions = times(region_headroom(2))
headroom_three_regions = times(region_headroom(3))
zone_headroom = times(ZONE_HEADROOM)
fleet_single_region = times(ZONE_HEADROOM)
fleet_backup = times(ZONE_HEADROOM)
fleet_pilot = times(ZONE_HEADROOM * (1 + PILOT_SHARE))
fleet_warm = times(ZONE_HEADROOM * (1 + WARM_STANDBY_SHARE))
fleet_hot = times(2 * ZONE_HEADROOM)
fleet_active_two = times(active_active_fleet(2))
fleet_active_three = times(active_active_fleet(3))
# Two regions cost this much more than the zone headroom already bought; three, nothing more.
active_two_over_single = times(active_active_fleet(2) / ZONE_HEADROOM)
active_three_over_single = times(active_active_fleet(3) / ZONE_HEADROOM)
hot_over_active_three = times(2 * ZONE_HEADROOM / active_active_fleet(3))

rpo_backup = duration(SNAPSHOT_INTERVAL_S)
rpo_replicated = duration(LAG_NORMAL_S)
person = detect_default + decide_human + cut_over
rto_backup = duration(person + restore_time + PILOT_START_S)
rto_pilot = duration(person + PILOT_START_S + warm_up)
rto_warm = duration(person + WARM_SCALE_S + warm_up)
rto_hot = duration(person + warm_up)
rto_active = duration(detect_fast + cut_over)

rows = [
    ("Backup and restore", fleet_backup, rpo_backup, rto_backup),
    ("Pilot light", fleet_pilot, rpo_replicated, rto_pilot),
    ("Warm standby", fleet_warm, rpo_replicated, rto_warm),
    ("Active-passive, hot standby", fleet_hot, rpo_replicated, rto_hot),
    ("Active-active, two regions", fleet_active_two, rpo_replicated, rto_active),
    ("Active-active, three regions", fleet_active_three, rpo_replicated, rto_active),
]

if __name__ != "concept_dr_options":
    print(
        markdown_table(
            ("Regions", "Each region's headroom for a lost region", "Fleet, with three zones a region"),
            [
                (1, "none", fleet_single_region),
                (2, headroom_two_regions, fleet_active_two),
                (3, headroom_three_regions, fleet_active_three),
            ],
        )
    )
    print()
    print(markdown_table(("Option", "Capacity, of the servers the peak needs", "RPO", "RTO"), rows))
