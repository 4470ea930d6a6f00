"""Concepts, schema changes and migrations: what a schema change's lock queue holds up, and the row
versions a transaction left open keeps from vacuum. The backfill is concept_migrate_backfill.

Lock queue: an ALTER that needs an exclusive lock waits behind the transaction holding the table, and
every statement that arrives meanwhile waits behind the ALTER. The queue is the table's arrival rate
times the wait. The table here is the ride-hailing example's trips on the alternative its step 4
weighs, a relational primary per city group, a zone's loss stopping a third of a region's groups: so
at least as many groups a region as zones. With even groups, one a zone (the page's assumption), one
primary carries the largest region's share divided by the zones and the groups a zone; a large city's
group carries more. Counted in trip transactions (each several statements; the riders' status reads
are left out, so the real queue is longer). The primary's connection slots, PostgreSQL's default,
fill at that rate: the time they last is the most a lock timeout can allow before the queue refuses
connections, and the page's timeout is chosen well under it: under half, so a group carrying twice the even
share, a large city's, still gives up before its slots are full.

Vacuum: only updated or deleted rows leave dead versions; inserts do not. The dead versions are read
from the ride-hailing example's own list of trip transactions (which rows each one writes): the ride,
the driver's state and the offer are updated; history entries and ratings are inserted and kept. The
idempotency record and the outbox rows are inserted too, and deleted: the idempotency record after about a
day, the outbox row when the relay, having published it, moves it to a table of sent rows (a delete and an
insert), where it is kept about a day and deleted again. The example says nothing of partitioning them by time
to drop whole, and at a steady rate the deletes match the inserts, so each such row counts one dead version,
and each outbox row one more for its sent copy's delete (the example counts the relay's two writes in the rows
a ride writes). The sweeper's index entries count as rows written and leave no dead row version. Counted per
row written: the updates and deletes a ride makes over the rows it writes.
"""

from concept_migrate_assumptions import (
    LOCK_TIMEOUT_SECONDS,
    LONG_TRANSACTION_SECONDS,
    OPEN_TRANSACTION_SECONDS,
    city_groups_per_zone,
    pg_client_connections,
    ride_largest_region_share,
    ride_peak_to_average,
    ride_trip_rows_peak,
    ride_trip_transactions_peak,
    ride_zones,
)
from ride_hailing_data_model import TRIP_TRANSACTIONS, trip_outbox_rows_per_ride, trip_rows_per_ride

from sdw.estimation import count, duration, fraction, markdown_table, peak, per_second

# --- The lock queue ---------------------------------------------------------------------------------
primary_share = fraction(float(ride_largest_region_share) / float(ride_zones) / float(city_groups_per_zone))
table_transactions_peak = peak(float(ride_trip_transactions_peak) * float(primary_share))
queued_behind_alter = count(float(table_transactions_peak) * LONG_TRANSACTION_SECONDS)
connections_full_after = duration(float(pg_client_connections) / float(table_transactions_peak))
lock_timeout_share_of_limit = fraction(LOCK_TIMEOUT_SECONDS / float(connections_full_after))
# "Well under" the limit: a group with twice the even share (a large city's) still gives up in time.
assert lock_timeout_share_of_limit < 0.5
queued_with_lock_timeout = count(float(table_transactions_peak) * LOCK_TIMEOUT_SECONDS)

# --- A transaction left open: row versions vacuum may not remove ------------------------------------
# Rows each trip transaction updates, in the order of TRIP_TRANSACTIONS: the create inserts all four;
# the hold's result updates the ride; a reservation updates the driver's state and the ride (the offer
# and outbox rows are new); a decline or expiry updates the offer, the driver's state and the ride; a
# pause's end the driver's state; the accept the same three as a decline; arriving, arrived and on
# trip the ride; a completion the ride and the driver's state; the fare the ride; a cancel the ride and the
# driver's state; a rating inserts its row and updates the ride (its version).
UPDATED_ROWS = (0, 1, 2, 3, 1, 3, 1, 1, 2, 1, 2, 1)
# Rows each one inserts that are later deleted: the create's idempotency record and outbox row, and the
# outbox row of every transaction but the hold's result (deleted by the relay's move).
DELETED_LATER_ROWS = (2, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
# Each outbox row's sent copy, which the relay inserts, is deleted a day later: one more dead version an
# outbox row. (Rows a ride count the relay's delete and insert.)
dead_version_share = fraction(
    (
        sum(
            n * (updated + deleted)
            for (_, n, _), updated, deleted in zip(TRIP_TRANSACTIONS, UPDATED_ROWS, DELETED_LATER_ROWS, strict=True)
        )
        + float(trip_outbox_rows_per_ride)
    )
    / float(trip_rows_per_ride)
)
primary_rows_average = per_second(float(ride_trip_rows_peak) / float(ride_peak_to_average) * float(primary_share))
primary_dead_versions_average = per_second(float(primary_rows_average) * float(dead_version_share))
held_row_versions = count(float(primary_dead_versions_average) * OPEN_TRANSACTION_SECONDS)

if __name__ != "concept_migrate":
    print(
        markdown_table(
            (f"One trip primary ({primary_share} of the trips)", "Value"),
            [
                ("Trip transactions at the peak", table_transactions_peak),
                (
                    f"Held up by an ALTER queued behind a {duration(LONG_TRANSACTION_SECONDS)} transaction",
                    queued_behind_alter,
                ),
                (
                    f"Its {pg_client_connections} connection slots full after, the most a lock timeout can allow",
                    connections_full_after,
                ),
                (
                    f"Waiting with a lock_timeout of {duration(LOCK_TIMEOUT_SECONDS)} "
                    f"({lock_timeout_share_of_limit} of that)",
                    queued_with_lock_timeout,
                ),
                ("Trip rows written, on average", primary_rows_average),
                ("... of them updates and later deletes", dead_version_share),
                (
                    f"Dead row versions vacuum may not remove, a transaction open {duration(OPEN_TRANSACTION_SECONDS)}",
                    held_row_versions,
                ),
            ],
        )
    )
