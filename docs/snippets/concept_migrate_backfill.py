"""Concepts, schema changes and migrations: how long a throttled backfill of the Twitter example's
users table takes, and what an unthrottled one does to its replicas.

Backfill: a new column filled for every row of the users table, shard by shard in parallel, in
batches keyed by primary key. The replica must apply the shard's own writes and the backfill's; the
backfill is given a share of what the replica has spare. Lag, in seconds, is how far the replica's
applied position trails the primary's clock: while the primary makes changes at P a second and the
replica applies C, the replica's position moves C / P primary-seconds each second, so the lag grows by
1 - C / P seconds each second. The rows still to apply when the backfill stops drain at C minus the
shard's own writes. The lag keeps growing after the backfill stops, until the replica reaches the
backfill's last row: its position moves C / P primary-seconds each second, so it gets there at
T × P / C, and the lag is then T × (P / C - 1), the peak.
"""

from concept_migrate_assumptions import (
    OWN_WRITE_SHARE,
    REPLICA_APPLY_ROWS,
    THROTTLE_SHARE,
    UNTHROTTLED_ROWS,
    ghost_chunk_rows,
    ghost_max_lag,
    twitter_user_shards,
    twitter_users,
)

from sdw.estimation import count, duration, fraction, markdown_table, throughput

# --- A throttled backfill of the users table --------------------------------------------------------
rows_per_shard = count(float(twitter_users) / float(twitter_user_shards))
own_writes = throughput(REPLICA_APPLY_ROWS * OWN_WRITE_SHARE)
spare_apply = throughput(REPLICA_APPLY_ROWS - float(own_writes))
backfill_rate = throughput(float(spare_apply) * THROTTLE_SHARE)
backfill_time = duration(float(rows_per_shard) / float(backfill_rate))
batches_per_second = throughput(float(backfill_rate) / float(ghost_chunk_rows))
batch_apply_time = duration(float(ghost_chunk_rows) / REPLICA_APPLY_ROWS)

# --- The same backfill, unthrottled -----------------------------------------------------------------
primary_changes = UNTHROTTLED_ROWS + float(own_writes)
lag_growth = fraction(1 - REPLICA_APPLY_ROWS / primary_changes)  # seconds of lag gained each second
time_to_lag_bound = duration(float(ghost_max_lag) / float(lag_growth))
unthrottled_time = duration(float(rows_per_shard) / UNTHROTTLED_ROWS)
lag_at_end = duration(float(unthrottled_time) * float(lag_growth))
peak_lag = duration(float(unthrottled_time) * (primary_changes / REPLICA_APPLY_ROWS - 1))
peak_lag_at = duration(float(unthrottled_time) * primary_changes / REPLICA_APPLY_ROWS)
rows_behind_at_end = count(float(unthrottled_time) * (primary_changes - REPLICA_APPLY_ROWS))
catch_up_time = duration(float(rows_behind_at_end) / float(spare_apply))
unthrottled_until_caught_up = duration(float(unthrottled_time) + float(catch_up_time))

if __name__ != "concept_migrate_backfill":
    print(
        markdown_table(
            ("Users table backfill, one shard", "Throttled", "Unthrottled"),
            [
                ("Rows to fill", rows_per_shard, rows_per_shard),
                ("Backfill rate", backfill_rate, throughput(UNTHROTTLED_ROWS)),
                ("Time to write every row", backfill_time, unthrottled_time),
                ("Replica lag when the last row is written", f"under {batch_apply_time}", lag_at_end),
                ("Replica lag at its worst", f"under {batch_apply_time}", f"{peak_lag}, at {peak_lag_at}"),
                ("Until the replica has caught up", backfill_time, unthrottled_until_caught_up),
            ],
        )
    )
