"""Chat service worked example: restoring the store copy by copy after the region is lost, the window, and the
seq range each conversation skips.

The design acknowledges a message only on two zones, so sends resume once each range has two replicas in two
zones. In CockroachDB a range keeps its zone config's num_replicas, per-replica constraints may not name more
replicas than that, and a cluster restore puts the backed-up zone configs back. So the new cluster's default zone
says num_replicas = 2, without the one-replica-a-zone constraint, before the restore starts (the allocator still
spreads a range's replicas over the zones), and the backed-up configs, three replicas one a zone, come back as it
ends. They name the lost region's zones, so the runbook rewrites them to the new region's zone names at once,
which raises the third replica of every range by snapshot.

Until it is in, each range is a consensus group of two that needs both replicas: a store node's crash stops the
ranges with a replica on it, two over the node count of them, until it restarts, and a zone lost stops every
range with a replica there, two zones' of three. Each node takes in a third of its bytes for the raise, at the
snapshot rate, raised to twice its default once the reconnect wave has passed; the window is counted from the
RTO at the raised rate, so the wave's minutes at the default add half their length to it. Meanwhile the writes
use a share of each node's planned write rate, at the peak.

Three ways to restore are weighed: two replicas at once, then the third (chosen); all three at once, each node
writing its whole share before sends resume; one at once, serving reads, then the second and third by snapshot.
Two at once holds while the third copy, at the rate the drill holds under replayed peak writes and the horizon's
size, takes at most the window judged worth sends a copy's restore sooner.

Then each conversation's owner skips its seq past what the lost time could have taken: the send cap (one-to-one
chats' too) over the restored backup's age when the restore starts, with a margin. With backups on schedule the
newest one in the second region is at most an RPO old at the loss, half an interval and the copy on average.
"""

from chat_assumptions import hot_group_messages_per_second, message_copies, snapshot_rate_per_node, zones
from chat_backups import backup_full_copy_window
from chat_operations import (
    RTO_FIXED,
    backup_copy_time,
    backup_incremental_interval,
    lost_seq_margin,
    region_failover_decision,
    region_fleet_stand_up,
    region_loss_rpo,
    region_loss_rto,
    region_restore_one_copy_horizon,
    region_restore_one_copy_year_one,
    restore_copies_at_once,
    restore_one_copy_bytes_per_node_horizon,
    restore_one_copy_bytes_per_node_year_one,
    store_nodes_year_one,
)
from chat_storage import database_nodes_for_horizon, store_writes_per_node_planned, store_writes_per_second_peak

from sdw.estimation import SECONDS_PER_DAY, count, duration, fraction, markdown_table, throughput, times

# The snapshot rate raised for the third copy, over step 2's default, and set back once the copy is in.
third_copy_rate_over_default = times(2)
# The longest window on two copies judged worth sends a copy's restore sooner for every user.
third_copy_window_most = duration(SECONDS_PER_DAY)

third_copy_snapshot_rate = throughput(snapshot_rate_per_node * third_copy_rate_over_default, "B/s")
# The third copy, after the RTO: each node takes in its share of it by snapshot.
region_third_copy_horizon = duration(restore_one_copy_bytes_per_node_horizon / third_copy_snapshot_rate)
region_third_copy_year_one = duration(restore_one_copy_bytes_per_node_year_one / third_copy_snapshot_rate)
region_third_copy_horizon_default_rate = duration(restore_one_copy_bytes_per_node_horizon / snapshot_rate_per_node)
region_three_copies_horizon = duration(region_loss_rto + region_third_copy_horizon)
# After a failover, from when sends resume: no copy off the region until the first full to the third region, which
# waits for the third copy so as not to share its disks and links, is in there.
third_region_unprotected = duration(region_third_copy_horizon + backup_full_copy_window)
# The rate a node must hold for the window to stay within the most judged worth it, at the horizon's size.
third_copy_rate_needed = throughput(restore_one_copy_bytes_per_node_horizon / third_copy_window_most, "B/s")
third_copy_rate_needed_share = fraction(third_copy_rate_needed / third_copy_snapshot_rate)
# What the raise shares each node with: the peak's writes, all copies, over the rate a node is planned for.
raise_peak_write_share_horizon = fraction(
    store_writes_per_second_peak * message_copies / database_nodes_for_horizon / store_writes_per_node_planned
)
raise_peak_write_share_year_one = fraction(
    store_writes_per_second_peak * message_copies / store_nodes_year_one / store_writes_per_node_planned
)
# Meanwhile: ranges a store node's crash stops (each range has its two replicas on two of the nodes), and
# ranges a zone lost stops (each range has a replica in two zones of the three).
two_copies_node_crash_share_horizon = fraction(restore_copies_at_once / database_nodes_for_horizon)
two_copies_node_crash_share_year_one = fraction(restore_copies_at_once / store_nodes_year_one)
two_copies_zone_lost_share = fraction(restore_copies_at_once / zones)

# All three at once: each node writes its whole share before sends resume, with no window after.
region_loss_rto_three_at_once = duration(RTO_FIXED + region_restore_one_copy_horizon * message_copies)
region_loss_rto_three_at_once_year_one = duration(RTO_FIXED + region_restore_one_copy_year_one * message_copies)
three_copies_later_than_three_at_once = duration(region_three_copies_horizon - region_loss_rto_three_at_once)
# One at once, serving reads, then the second (sends resume) and the third, each by snapshot at the raised rate.
region_reads_one_copy = duration(RTO_FIXED + region_restore_one_copy_horizon)
region_loss_rto_one_then_raise = duration(region_reads_one_copy + region_third_copy_horizon)
region_three_copies_one_then_raise = duration(region_loss_rto_one_then_raise + region_third_copy_horizon)
one_then_raise_sends_later_than_three_at_once = duration(region_loss_rto_one_then_raise - region_loss_rto_three_at_once)

# The seq each conversation skips: the backup's age at the loss, plus the failover and the stand-up.
restore_backup_age_mean_at_loss = duration(backup_incremental_interval / 2 + backup_copy_time)
RESTORE_START_AFTER_LOSS = region_failover_decision + region_fleet_stand_up
lost_seq_skip = count(hot_group_messages_per_second * (region_loss_rpo + RESTORE_START_AFTER_LOSS) * lost_seq_margin)
lost_seq_skip_mean = count(
    hot_group_messages_per_second * (restore_backup_age_mean_at_loss + RESTORE_START_AFTER_LOSS) * lost_seq_margin
)

TABLE = [
    (
        "Snapshot rate while the third copy is raised, over its default",
        third_copy_rate_over_default,
        "Assumed: `kv.snapshot_rebalance.max_rate`, every snapshot's pace "
        "([cockroach#102596](https://github.com/cockroachdb/cockroach/pull/102596)), at the most CockroachDB advises "
        "without its approval: faster ingestion can invert a node's LSM and crash it "
        "([troubleshooting](https://www.cockroachlabs.com/docs/stable/cluster-setup-troubleshooting"
        "#excessive-snapshot-rebalance-and-recovery-rates)).",
    ),
    (
        "Longest window on two copies worth it",
        third_copy_window_most,
        "Judged: meanwhile a crash stops few ranges until it restarts, a lost disk its ranges until loss-of-quorum "
        f"recovery, and a lost zone is rare: worth sends {region_restore_one_copy_horizon} sooner for every user for "
        "up to a day, one daily peak. Past it, all three at once.",
    ),
]

FIGURES = [
    ("Snapshot rate a node while the third copy is raised", third_copy_snapshot_rate),
    ("The third copy after the RTO, at the raised rate: the horizon", region_third_copy_horizon),
    ("... year one", region_third_copy_year_one),
    (f"... the horizon, at step 2's {snapshot_rate_per_node}", region_third_copy_horizon_default_rate),
    ("Three copies in again, at the horizon: the RTO and the third copy", region_three_copies_horizon),
    (f"Rate a node must hold for a third copy within {third_copy_window_most}, the horizon", third_copy_rate_needed),
    ("... as a share of the raised rate", third_copy_rate_needed_share),
    ("Peak writes a node, over its planned write rate, during the raise: the horizon", raise_peak_write_share_horizon),
    ("... year one", raise_peak_write_share_year_one),
    ("Meanwhile, ranges one store node's crash stops: the horizon", two_copies_node_crash_share_horizon),
    ("... year one", two_copies_node_crash_share_year_one),
    ("... and ranges a zone lost stops", two_copies_zone_lost_share),
    ("All three copies at once: RTO at the horizon, three copies in", region_loss_rto_three_at_once),
    ("... year one", region_loss_rto_three_at_once_year_one),
    ("... three copies in that much sooner than with two at once", three_copies_later_than_three_at_once),
    ("One copy at once, then the others by snapshot: reads resume", region_reads_one_copy),
    ("... sends resume, with the second copy", region_loss_rto_one_then_raise),
    ("... that much later than with three at once", one_then_raise_sends_later_than_three_at_once),
    ("... three copies in", region_three_copies_one_then_raise),
    ("Restored backup's age at the loss, backups on schedule: on average", restore_backup_age_mean_at_loss),
    (
        "Seq a restore skips in each conversation, backups on schedule: the most (an RPO old at the loss, "
        "then the decision and stand-up), with the margin",
        lost_seq_skip,
    ),
    ("... on average", lost_seq_skip_mean),
]

if __name__ != "chat_restore":
    print(markdown_table(("Assumption", "Value", "Why"), TABLE))
    print()
    print(markdown_table(("Figure", "Value"), FIGURES))
