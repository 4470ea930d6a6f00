"""Concepts, transactions across services: how often a write and a publish part ways, and what
two-phase commit costs in latency, in locks held, and in availability.

Dual write. A service commits to its database and then publishes to a log. The publish fails or
times out after the commit on a small share of requests (PUBLISH_FAILURE, assumed); a retry held in
memory covers it only while the process lives, so every such failure followed by a crash or a
deploy is an event lost, and every timed-out publish that did land and is retried is a duplicate.

Two-phase commit (Gray and Lamport, "Consensus on Transaction Commit", 2006). The coordinator sends
prepare; each participant forces a prepare record to its log, keeps its locks and votes; the
coordinator forces its decision and sends commit; each participant forces a commit record, releases
its locks and acknowledges. End to end that is two round trips and three forced writes in sequence
(the participants' writes of one phase run in parallel). A participant holds its locks from the
prepare's arrival to the commit record: one round trip and three forced writes. A local commit holds
them for one forced write. Round trips: the budget between zones of one region (the rate limiter's
cross-zone assumption, 2 ms) and the fiber floor between New York and San Francisco; forced writes:
an SSD's flush, 1 ms (etcd's performance guide, as on the consensus page).

Blocking. A participant that has voted yes may neither commit nor abort on its own: it waits for
the coordinator. If the coordinator dies, every transaction prepared at that moment keeps its rows
locked until the coordinator is back and reads its log (the in-doubt window is the participant's
commit-time lock hold, above). Any other transaction that needs one of those rows waits behind it.
"""

from concept_consensus import SSD_FSYNC
from rate_limiter_assumptions import cross_zone_round_trip
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
write_rate = per_second(WRITE_RATE)
publish_failure = fraction(PUBLISH_FAILURE)
publish_success = fraction(1 - PUBLISH_FAILURE)
split_writes_per_day = count(WRITE_RATE * PUBLISH_FAILURE * SECONDS_PER_DAY)

# --- Two-phase commit: latency and lock hold -----------------------------------------------------------
REGION_RTT = float(cross_zone_round_trip)
CROSS_REGION_RTT = round_trip_floor(great_circle_km("New York", "San Francisco"))
FSYNC = SSD_FSYNC


def local_commit() -> float:
    return FSYNC


def two_pc_end_to_end(rtt: float) -> float:
    return 2 * rtt + 3 * FSYNC


def two_pc_lock_hold(rtt: float) -> float:
    return rtt + 3 * FSYNC


PLACEMENTS = [
    ("participants in zones of one region (2 ms round trip budget)", REGION_RTT),
    ("participants in New York and San Francisco (fiber floor)", CROSS_REGION_RTT),
]
latency_rows = [("One database, local commit", duration(local_commit()), duration(FSYNC), throughput(1 / FSYNC))] + [
    (
        f"Two-phase commit: {place}",
        duration(two_pc_end_to_end(rtt)),
        duration(two_pc_lock_hold(rtt)),
        throughput(1 / two_pc_lock_hold(rtt)),
    )
    for place, rtt in PLACEMENTS
]

fsync = duration(FSYNC)
region_rtt = duration(REGION_RTT)
cross_region_rtt = duration(CROSS_REGION_RTT)
region_2pc = duration(two_pc_end_to_end(REGION_RTT))
region_2pc_over_local = times(two_pc_end_to_end(REGION_RTT) / local_commit())
region_lock_hold = duration(two_pc_lock_hold(REGION_RTT))
cross_region_2pc = duration(two_pc_end_to_end(CROSS_REGION_RTT))
hot_row_local = throughput(1 / FSYNC)
hot_row_region_2pc = throughput(1 / two_pc_lock_hold(REGION_RTT))
hot_row_cross_region_2pc = throughput(1 / two_pc_lock_hold(CROSS_REGION_RTT))

# --- Blocking: the coordinator dies after prepare ------------------------------------------------------
TX_RATE = 500  # distributed transactions a second through one coordinator (assumed)
ROWS_PER_TX = 4  # rows each transaction locks, over its participants (assumed)
RESTART = 30  # seconds for the coordinator's process to restart and read its log (assumed)
REPLACE = 600  # seconds to bring its log up on another machine when the host is lost (assumed)
HOT_ROW_RATE = 50  # writes a second to one popular row, a best seller's stock count (assumed)
POOL = 100  # connections in one application server's pool to that database (assumed)

tx_rate = per_second(TX_RATE)
rows_per_tx = count(ROWS_PER_TX)
in_doubt_tx = count(TX_RATE * two_pc_lock_hold(REGION_RTT))
rows_locked = count(TX_RATE * two_pc_lock_hold(REGION_RTT) * ROWS_PER_TX)
restart = duration(RESTART)
replace = duration(REPLACE)
row_seconds_restart = count(rows_locked * RESTART)
row_seconds_replace = count(rows_locked * REPLACE)
hot_row_rate = per_second(HOT_ROW_RATE)
hot_row_waiters_restart = count(HOT_ROW_RATE * RESTART)
pool = count(POOL)
pool_exhausted_after = duration(POOL / HOT_ROW_RATE)

# --- Availability: every participant must be up --------------------------------------------------------
PARTICIPANT_AVAILABILITY = 0.9995  # each participant's availability (assumed)
PARTICIPANTS = 3
participant_availability = fraction(PARTICIPANT_AVAILABILITY)
participants = count(PARTICIPANTS)
one_down_per_year = duration((1 - PARTICIPANT_AVAILABILITY) * SECONDS_PER_YEAR)
all_down_per_year = duration((1 - PARTICIPANT_AVAILABILITY**PARTICIPANTS) * SECONDS_PER_YEAR)

if __name__ != "concept_tx":
    print(
        markdown_table(
            ("Commit", "Latency, end to end", "Locks held at commit", "Most commits a second on one row"),
            latency_rows,
        )
    )
    print()
    print(
        f"Dual write at {write_rate} with {publish_success} of publishes succeeding: "
        f"{split_writes_per_day} commits a day whose event fails or times out."
    )
    print()
    print(
        f"Coordinator lost at {tx_rate}, {rows_per_tx} rows each: {in_doubt_tx} transactions in doubt, "
        f"{rows_locked} rows locked for {restart} ({row_seconds_restart} row-seconds) or {replace} "
        f"({row_seconds_replace}). A row written {hot_row_rate} gathers {hot_row_waiters_restart} waiters in "
        f"{restart}, and a pool of {pool} connections is gone after {pool_exhausted_after}."
    )
    print()
    print(
        f"{participants} participants each up {participant_availability}: down "
        f"{all_down_per_year} a year against {one_down_per_year} for one."
    )
