"""Chat service worked example: restoring the store copy by copy after the region is lost, and the window.

The design acknowledges a message only on two zones, so sends resume once each range has two replicas in two
zones. In CockroachDB a range keeps its zone config's num_replicas, and per-replica constraints may not name
more replicas than that: so the restore runs with num_replicas = 2 and the one-replica-a-zone constraint
lifted (the allocator still spreads a range's replicas over the zones), and the configs go back to three, one
a zone, when it ends, which raises the third replica of every range by snapshot.

Until it is in, each range is a consensus group of two that needs both replicas: a store node's crash stops the
ranges with a replica on it, two over the node count of them, until it restarts, and a zone lost stops every
range with a replica there, two zones' of three. Each node takes in a third of its bytes for the raise, at the
snapshot rate, raised for it.

Three ways to restore are weighed: two replicas at once, then the third (chosen); all three at once, each node
writing its whole share before sends resume; one at once, serving reads, then the second and third by snapshot.
"""

from chat_assumptions import message_copies, snapshot_rate_per_node, zones
from chat_operations import (
    RTO_FIXED,
    region_loss_rto,
    region_restore_one_copy_horizon,
    region_restore_one_copy_year_one,
    restore_copies_at_once,
    restore_one_copy_bytes_per_node_horizon,
    restore_one_copy_bytes_per_node_year_one,
    store_nodes_year_one,
)
from chat_storage import database_nodes_for_horizon

from sdw.estimation import MiB, duration, fraction, markdown_table, throughput, times

# The snapshot rate a node, raised for the third copy and set back to step 2's once it is in.
third_copy_snapshot_rate = throughput(128 * MiB, "B/s")
third_copy_rate_over_default = times(third_copy_snapshot_rate / snapshot_rate_per_node)

# The third copy, after the RTO: each node takes in its share of it by snapshot.
region_third_copy_horizon = duration(restore_one_copy_bytes_per_node_horizon / third_copy_snapshot_rate)
region_third_copy_year_one = duration(restore_one_copy_bytes_per_node_year_one / third_copy_snapshot_rate)
region_third_copy_horizon_default_rate = duration(restore_one_copy_bytes_per_node_horizon / snapshot_rate_per_node)
region_three_copies_horizon = duration(region_loss_rto + region_third_copy_horizon)
# Meanwhile: ranges a store node's crash stops (each range has its two replicas on two of the nodes), and
# ranges a zone lost stops (each range has a replica in two zones of the three).
two_copies_node_crash_share_horizon = fraction(restore_copies_at_once / database_nodes_for_horizon)
two_copies_node_crash_share_year_one = fraction(restore_copies_at_once / store_nodes_year_one)
two_copies_zone_lost_share = fraction(restore_copies_at_once / zones)

# All three at once: each node writes its whole share before sends resume, with no window after.
region_loss_rto_three_at_once = duration(RTO_FIXED + region_restore_one_copy_horizon * message_copies)
region_loss_rto_three_at_once_year_one = duration(RTO_FIXED + region_restore_one_copy_year_one * message_copies)
# One at once, serving reads, then the second (sends resume) and the third, each by snapshot at the raised rate.
region_reads_one_copy = duration(RTO_FIXED + region_restore_one_copy_horizon)
region_loss_rto_one_then_raise = duration(region_reads_one_copy + region_third_copy_horizon)
region_three_copies_one_then_raise = duration(region_loss_rto_one_then_raise + region_third_copy_horizon)

TABLE = [
    (
        "Snapshot rate a node while the third copy is raised",
        third_copy_snapshot_rate,
        f"Assumed: `kv.snapshot_rebalance.max_rate`, every snapshot's rate "
        "([cockroach#102596](https://github.com/cockroachdb/cockroach/pull/102596)), at 128 MiB/s, "
        f"{third_copy_rate_over_default} its default, as some production clusters run "
        "([cockroach#71814](https://github.com/cockroachdb/cockroach/pull/71814)); it takes disk and network "
        "from the traffic.",
    ),
]

FIGURES = [
    ("The third copy after the RTO, at the raised rate: the horizon", region_third_copy_horizon),
    ("... year one", region_third_copy_year_one),
    (f"... the horizon, at step 2's {snapshot_rate_per_node}", region_third_copy_horizon_default_rate),
    ("Three copies in again, at the horizon: the RTO and the third copy", region_three_copies_horizon),
    ("Meanwhile, ranges one store node's crash stops: the horizon", two_copies_node_crash_share_horizon),
    ("... year one", two_copies_node_crash_share_year_one),
    ("... and ranges a zone lost stops", two_copies_zone_lost_share),
    ("All three copies at once: RTO at the horizon, three copies in", region_loss_rto_three_at_once),
    ("... year one", region_loss_rto_three_at_once_year_one),
    ("One copy at once, then the others by snapshot: reads resume", region_reads_one_copy),
    ("... sends resume, with the second copy", region_loss_rto_one_then_raise),
    ("... three copies in", region_three_copies_one_then_raise),
]

if __name__ != "chat_restore":
    print(markdown_table(("Assumption", "Value", "Why"), TABLE))
    print()
    print(markdown_table(("Figure", "Value"), FIGURES))
