"""Concepts, transactions across services: how often a write and a publish part ways, and what
two-phase commit costs in latency, in locks held, and in availability.

Dual write. A service commits to its database and then publishes to a log. The publish fails or
times out after the commit on a small share of requests (PUBLISH_FAILURE, assumed): each needs a
retry, held in memory. A crash, or a deploy that does not drain, loses every publish in flight at
that instant (the rate times the publish's time) and every one waiting for its retry.

Two-phase commit with presumed abort (Mohan, Lindsay and Obermarck, "Transaction Management in the
R* Distributed Database Management System", TODS 1986). The coordinator sends prepare; each
participant forces a prepare record to its log, keeps its locks and votes; the coordinator forces
its commit decision; from then the transaction is decided. It sends commit; each participant forces
a commit record, releases its locks and acknowledges. An abort forces nothing at the coordinator.
A commit forces 2N + 1 records for N participants; the participants' writes of one phase run in
parallel, so in sequence:
- decided, and the client may be answered: one round trip and two forced writes;
- phase two finished at every participant: two round trips and three forced writes.
A participant holds its locks, at best, from the prepare's arrival to its commit record: one round
trip and three forced writes. Under XA the lock is taken when the statement runs, and held while the
application runs its statement on the other participant and ends the branches (XA END) before XA
PREPARE: from the lock, half a round trip for the answer, one round trip for the other statement,
one for XA END, half for the prepare to arrive, three more in all. PostgreSQL releases a
transaction's locks only after its commit record is flushed (xact.c, CommitTransaction). InnoDB with
the binary log off (skip-log-bin) releases them before its redo log flush (trx0trx.cc). With it on,
the default since MySQL 8.0, a commit is binlog group commit: InnoDB's prepare is flushed to the
redo log, the binary log is fsynced, and only then does InnoDB commit and release the locks, so a
hot row is held through two flushes, one more than PostgreSQL.

A participant is in doubt (may neither commit nor abort alone) from its prepare flush to the
decision's arrival: half a round trip for the vote, the coordinator's flush, half for the decision.
Round trips: the budget between zones of one region (the rate limiter's cross-zone assumption,
2 ms) and the fiber floor between New York and San Francisco; forced writes: an SSD's flush, 1 ms
(etcd's performance guide, as on the consensus page).

A client answered once the transaction is decided gives up reading its own write: a read at a
participant that has not yet received COMMIT PREPARED still sees the old row (or waits on its lock),
for up to half a round trip and the participant's flush.

Blocking. If the coordinator dies, every transaction in doubt at that instant keeps its rows locked
until the coordinator is back and answers. Every request that needs one of those rows waits, holding
a database connection, unless a lock timeout is set (PostgreSQL's lock_timeout defaults to 0, no
limit; InnoDB's innodb_lock_wait_timeout to 50 s). PostgreSQL's max_connections defaults to 100, of
which superuser_reserved_connections (default 3) are kept for superusers. The waiters are other
application instances' transactions (their transaction managers' branches) and local writers of
the same row.

Availability. 2PC needs every participant and the coordinator's log. A saga accepts an order while
its first service is up when no later step has a deadline (shipping, an email); with the card
authorized first under a checkout deadline, an order needs the order service and the card provider
both up, or it is refused once the deadline passes.
"""

from concept_consensus import SSD_FSYNC
from rate_limiter_assumptions import cross_zone_round_trip
from reference_availability_chains import in_series
from reference_fiber import great_circle_km, round_trip_floor

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_YEAR,
    count,
    duration,
    fraction,
    markdown_table,
    per_second,
    throughput,
    times,
)

# --- The dual write: commit, then publish -------------------------------------------------------------
WRITE_RATE = 1_000  # business writes a second that must each publish an event (assumed)
PUBLISH_FAILURE = 1e-4  # share of publishes that fail or time out after the commit (assumed: 99.99% succeed)
PUBLISH_SECONDS = 0.005  # to publish and have the log acknowledge it (assumed)
write_rate = per_second(WRITE_RATE)
publish_failure = fraction(PUBLISH_FAILURE)
publish_success = fraction(1 - PUBLISH_FAILURE)
publish_time = duration(PUBLISH_SECONDS)
split_writes_per_day = count(WRITE_RATE * PUBLISH_FAILURE * SECONDS_PER_DAY)
in_flight_lost_per_crash = count(WRITE_RATE * PUBLISH_SECONDS)

# --- Two-phase commit: latency and lock hold -----------------------------------------------------------
REGION_RTT = float(cross_zone_round_trip)
CROSS_REGION_RTT = round_trip_floor(great_circle_km("New York", "San Francisco"))
FSYNC = SSD_FSYNC
XA_STATEMENT_RTTS = 3  # from the lock to the prepare's arrival: 1/2 + 1 (other statement) + 1 (XA END) + 1/2


MYSQL_BINLOG_FLUSHES = 2  # binlog group commit: InnoDB prepare flushed to redo, then the binary log fsynced


def local_commit() -> float:
    return FSYNC


def two_pc_decided(rtt: float) -> float:
    return rtt + 2 * FSYNC


def two_pc_end_to_end(rtt: float) -> float:
    return 2 * rtt + 3 * FSYNC


def two_pc_lock_hold(rtt: float) -> float:
    """At best: from the prepare's arrival to the participant's commit record."""
    return rtt + 3 * FSYNC


def xa_lock_hold(rtt: float) -> float:
    """From the statement that takes the lock, through the XA statements, to the commit record."""
    return XA_STATEMENT_RTTS * rtt + two_pc_lock_hold(rtt)


def in_doubt_window(rtt: float) -> float:
    return rtt + FSYNC


PLACEMENTS = [
    ("participants in zones of one region (2 ms round trip budget)", REGION_RTT),
    ("participants in New York and San Francisco (fiber floor)", CROSS_REGION_RTT),
]
latency_rows = [
    (
        "One database, one-statement local commit",
        duration(local_commit()),
        duration(local_commit()),
        duration(FSYNC),
        duration(FSYNC),
        throughput(1 / FSYNC),
    ),
    (
        "One database, MySQL with the binary log on (its default)",
        duration(MYSQL_BINLOG_FLUSHES * FSYNC),
        duration(MYSQL_BINLOG_FLUSHES * FSYNC),
        duration(MYSQL_BINLOG_FLUSHES * FSYNC),
        duration(MYSQL_BINLOG_FLUSHES * FSYNC),
        throughput(1 / (MYSQL_BINLOG_FLUSHES * FSYNC)),
    ),
] + [
    (
        f"Two-phase commit: {place}",
        duration(two_pc_decided(rtt)),
        duration(two_pc_end_to_end(rtt)),
        duration(two_pc_lock_hold(rtt)),
        duration(xa_lock_hold(rtt)),
        throughput(1 / two_pc_lock_hold(rtt)),
    )
    for place, rtt in PLACEMENTS
]

fsync = duration(FSYNC)
region_rtt = duration(REGION_RTT)
cross_region_rtt = duration(CROSS_REGION_RTT)
region_2pc_decided = duration(two_pc_decided(REGION_RTT))
region_2pc_decided_over_local = times(two_pc_decided(REGION_RTT) / local_commit())
region_2pc = duration(two_pc_end_to_end(REGION_RTT))
region_2pc_over_local = times(two_pc_end_to_end(REGION_RTT) / local_commit())
region_lock_hold = duration(two_pc_lock_hold(REGION_RTT))
region_xa_lock_hold = duration(xa_lock_hold(REGION_RTT))
cross_region_2pc = duration(two_pc_end_to_end(CROSS_REGION_RTT))
cross_region_2pc_decided = duration(two_pc_decided(CROSS_REGION_RTT))
# Answered once decided: a participant still waiting for COMMIT PREPARED shows the old row for up to
# half a round trip (the decision's way there) and its commit flush.
region_read_your_writes_gap = duration(REGION_RTT / 2 + FSYNC)
hot_row_local = throughput(1 / FSYNC)
hot_row_mysql_binlog = throughput(1 / (MYSQL_BINLOG_FLUSHES * FSYNC))
hot_row_region_2pc = throughput(1 / two_pc_lock_hold(REGION_RTT))
hot_row_region_xa = throughput(1 / xa_lock_hold(REGION_RTT))
hot_row_cross_region_2pc = throughput(1 / two_pc_lock_hold(CROSS_REGION_RTT))

# --- Blocking: the coordinator dies with transactions in doubt -----------------------------------------
TX_RATE = 500  # distributed transactions a second through one coordinator (assumed)
ROWS_PER_TX = 4  # rows each transaction locks, over its participants (assumed)
RESTART = 30  # seconds for the coordinator's process to restart and read its log (assumed)
REPLACE = 600  # seconds to bring its log up on another machine when the host is lost (assumed)
HOT_ROW_RATE = 50  # writes a second to one popular row, a best seller's stock count (assumed)
MAX_CONNECTIONS = 100  # PostgreSQL's default max_connections, for every service on the database
SUPERUSER_RESERVED = 3  # PostgreSQL's default superuser_reserved_connections, out of max_connections
LOCK_TIMEOUT = 0.2  # seconds, a lock_timeout set on the hot row's writers (assumed)
SPANNER_LEADER_LEASE = 10  # seconds: Spanner's Paxos leader leases, 10 s by default (OSDI 2012, 4.1.1)

IN_DOUBT = in_doubt_window(REGION_RTT)
tx_rate = per_second(TX_RATE)
rows_per_tx = count(ROWS_PER_TX)
in_doubt = duration(IN_DOUBT)
in_doubt_tx = count(TX_RATE * IN_DOUBT)
rows_locked = count(TX_RATE * IN_DOUBT * ROWS_PER_TX)
restart = duration(RESTART)
replace = duration(REPLACE)
row_seconds_restart = count(rows_locked * RESTART)
row_seconds_replace = count(rows_locked * REPLACE)
hot_row_rate = per_second(HOT_ROW_RATE)
hot_row_caught = fraction(HOT_ROW_RATE * IN_DOUBT)
hot_row_waiters_restart = count(HOT_ROW_RATE * RESTART)
max_connections = count(MAX_CONNECTIONS)
superuser_reserved = count(SUPERUSER_RESERVED)
client_connections = count(MAX_CONNECTIONS - SUPERUSER_RESERVED)
pool_exhausted_after = duration((MAX_CONNECTIONS - SUPERUSER_RESERVED) / HOT_ROW_RATE)
lock_timeout = duration(LOCK_TIMEOUT)
waiters_with_lock_timeout = count(HOT_ROW_RATE * LOCK_TIMEOUT)
spanner_leader_lease = duration(SPANNER_LEADER_LEASE)

# --- Availability: every participant, and the coordinator's log, must be up ----------------------------
PARTICIPANT_AVAILABILITY = 0.9995  # each participant's availability, and the coordinator log's (assumed)
PARTICIPANTS = 3
participant_availability = fraction(PARTICIPANT_AVAILABILITY)
participants = count(PARTICIPANTS)
one_down_per_year = duration((1 - PARTICIPANT_AVAILABILITY) * SECONDS_PER_YEAR)
# A saga whose first step is the card under a checkout deadline: the order service and the card
# provider must both be up for an order to be accepted before the deadline.
two_down_per_year = duration((1 - in_series(PARTICIPANT_AVAILABILITY, 2)) * SECONDS_PER_YEAR)
all_down_per_year = duration((1 - in_series(PARTICIPANT_AVAILABILITY, PARTICIPANTS + 1)) * SECONDS_PER_YEAR)
availability_rows = [
    (
        f"Two-phase commit: {PARTICIPANTS} participants and the coordinator's log",
        all_down_per_year,
        "refused",
    ),
    (
        "Saga, no later step under a deadline: its first service",
        one_down_per_year,
        "accepted; completion delayed while a later service is down",
    ),
    (
        "Saga, card first under a checkout deadline: the order service and the card provider",
        two_down_per_year,
        "refused once the deadline passes",
    ),
]

if __name__ != "concept_tx":
    print(
        markdown_table(
            (
                "Commit",
                "Answer once decided",
                "Answer once phase two is done",
                "Locks held from the prepare, at best",
                "Locks held from the statement (XA)",
                "Most commits a second on one row, at best",
            ),
            latency_rows,
        )
    )
    print()
    print(
        f"Dual write at {write_rate} with {publish_success} of publishes succeeding: "
        f"{split_writes_per_day} publishes a day need a retry; a crash loses the {in_flight_lost_per_crash} "
        f"in flight ({publish_time} each) and any waiting for a retry."
    )
    print()
    print(
        f"Coordinator lost at {tx_rate}, {rows_per_tx} rows each, in doubt for {in_doubt}: {in_doubt_tx} "
        f"transactions, {rows_locked} rows locked for {restart} ({row_seconds_restart} row-seconds) or {replace} "
        f"({row_seconds_replace}). A row written {hot_row_rate} is among them in {hot_row_caught} of crashes; "
        f"it then gathers {hot_row_waiters_restart} waiters in {restart}, and the {client_connections} "
        f"connections of {max_connections} not reserved for superusers are gone after {pool_exhausted_after}."
    )
    print()
    print(
        markdown_table(
            (f"Each component up {participant_availability}", "Down a year", "New orders while down"),
            availability_rows,
        )
    )
