"""Ride-hailing worked example: the bytes in each row, field by field, what a ride keeps in each store,
the rows and transactions a ride writes, ride IDs with region bits, and what a write outage costs.
Step 2's storage and durable-write figures take their per-ride figures from here."""

from chat_data_model import ROW_OVERHEAD
from concept_geo_workloads import driver_index_bytes
from ride_hailing_assumptions import (
    accept_timeout,
    cancel_share,
    deadline_timer_tick,
    decline_share,
    driver_decision_time,
    drivers_online_peak,
    largest_region_share,
    location_interval,
    location_retention_years,
    mobile_round_trip_p99,
    offers_per_request,
    outbox_gc_ttl,
    payment_ops_per_ride,
    primary_failover,
    push_through_pubsub,
    range_lease_expiry,
    ratings_per_ride,
    rides_per_day,
    store_commit_time,
    sweeper_margin,
    trail_row_seconds,
    trip_retention_years,
    twcs_window_days,
    zones,
)
from ride_hailing_traffic import failed_requests_budget, ride_seconds, rides_per_second_peak

from sdw.estimation import (
    DAYS_PER_YEAR,
    count,
    duration,
    exact,
    fraction,
    markdown_table,
    peak,
    size,
)

# Every stored row also pays for its key, a timestamp and lengths in the on-disk format: the chat
# example's allowance beyond the fields (ROW_OVERHEAD, imported), before compression.


def row_bytes(fields: list[tuple[str, float, str]]) -> float:
    """A row's size: the sum of its fields' bytes, each field a (name, bytes, why) triple."""
    return size(sum(b for _, b, _ in fields))


# The ride, keyed by ride_id: one row a ride, updated at each state change (a conditional update on
# its version), kept for years as a payment record.
RIDE_FIELDS = [
    ("ride_id", 8, "64-bit: 8 region bits and 56 random, drawn by the trip service; the key"),
    ("rider_id", 8, "account ID"),
    ("driver_id", 8, "0 until the accept"),
    ("vehicle_id", 8, "the car the driver was online with"),
    ("city_id", 2, "the city, which sets the region the row lives in"),
    ("product", 1, "economy, comfort, XL"),
    ("state", 1, "requested, matched, arriving, arrived, on trip, completed, cancelled"),
    (
        "version",
        4,
        "raised by one in every transaction that writes an outbox row (a rating and a debt payment too) but "
        "a secret asked, and never by a hold's result that sets or clears no payment mark; a phone's "
        "transition is conditional on it",
    ),
    ("offer_attempt", 1, "the current offer's number: the offer's key is (ride_id, attempt)"),
    (
        "epoch_base_version",
        4,
        "the failover epoch of the commit that wrote its version (2, as the outbox's) and the version the "
        "ride held before its first commit in that epoch (2: versions stay in the tens); written by the "
        "create (no version before it) and by a ride's first commit in a new epoch that raises its version",
    ),
    (
        "failover_hold_until",
        0,
        "null but on requested rides a region's promotion restored: a null is a bit in the row's overhead",
    ),
    (
        "failover_seen_matched",
        0,
        "set on a marked ride a hello showed matched or later on the trip's path (not cancelled); "
        "null otherwise, a bit in the overhead",
    ),
    ("pickup, drop-off", 16, "two latitude and longitude pairs, 32-bit integers of 1e-7 degree"),
    ("actual drop-off", 8, "where the ride ended, which may differ from the drop-off requested"),
    ("pickup, drop-off addresses", 120, "text shown on the receipt, about 60 bytes each"),
    (
        "quoted fare, upper end",
        11,
        "the signed quote's range's upper end, the hold's amount: minor units (8) and currency (3)",
    ),
    ("fare breakdown", 64, "base, distance, time, surge, fees, tolls, tip, total: 8 each"),
    ("distance, duration", 8, "meters and seconds driven, from the trail"),
    (
        "state times",
        48,
        "requested (the answer deadline's start: rewritten by a send-back to requested or a passed challenge), "
        "matched, arriving, arrived, on trip, ended: 8 each",
    ),
    (
        "first_requested_at",
        0,
        "null but on the rare ride whose requested time was rewritten: the request's time, copied by the first "
        "such commit, so the ride's created time survives (the rider's history is keyed on it); a null is a "
        "bit in the row's overhead",
    ),
    ("cancelled by, reason", 2, "rider, driver or service; a reason code"),
    ("payment_method_id", 8, "the rider's stored method, a reference into the payments service"),
    (
        "payment state",
        1,
        "hold pending, payment_action (the bank asks the rider to authenticate), hold_awaited (an accept "
        "withdrawn waiting for the hold: out of matching until it answers), held, captured, released, failed",
    ),
    ("row overhead", ROW_OVERHEAD, "key, timestamp and lengths on disk"),
]
ride_row_bytes = row_bytes(RIDE_FIELDS)

# The rider's history reads a secondary index on (rider_id, the ride's created time): an entry a ride holds
# the index's columns and the ride's key.
RIDER_INDEX_FIELDS = [
    ("rider_id", 8, "first part of the index key"),
    (
        "created time",
        8,
        "second part, newest first: coalesce(first_requested_at, requested_at), an expression index, so a "
        "send-back, which rewrites requested, leaves the entry where it is",
    ),
    ("ride_id", 8, "the ride's key, to read its row"),
    ("row overhead", ROW_OVERHEAD, ""),
]
rider_index_bytes = row_bytes(RIDER_INDEX_FIELDS)

# The driver's history reads the same kind of index on (driver_id, matched_at), its entry written in
# the accept's transaction.
DRIVER_INDEX_FIELDS = [
    ("driver_id", 8, "first part of the index key"),
    ("matched_at", 8, "second part: newest first"),
    ("ride_id", 8, "the ride's key, to read its row"),
    ("row overhead", ROW_OVERHEAD, ""),
]
driver_history_bytes = row_bytes(DRIVER_INDEX_FIELDS)

# An offer, keyed by (ride_id, attempt): who was offered the ride, and what they answered.
OFFER_FIELDS = [
    ("ride_id", 8, "first half of the key"),
    (
        "attempt",
        1,
        "second half: the ride's offer number, 1, 2, ... (4 if all time out, more after declines "
        "or a re-queue); each a new offer to another driver, not a retry",
    ),
    ("driver_id", 8, "the driver offered"),
    ("state", 1, "sent, accepted, declined, expired, withdrawn"),
    ("sent_at, expires_at, answered_at", 24, "three times, 8 each"),
    ("eta_to_pickup", 2, "seconds, the routing engine's estimate when offered"),
    ("row overhead", ROW_OVERHEAD, ""),
]
offer_row_bytes = row_bytes(OFFER_FIELDS)

# A payment operation, in the payments service's ledger, keyed by (ride_id, kind, client_key, attempt).
PAYMENT_FIELDS = [
    ("ride_id", 8, "first part of the key"),
    ("kind", 1, "hold, capture, extra charge, release, cancellation fee, refund, debt payment; second part"),
    (
        "client_key",
        0,
        "third part: a debt payment's client key (16 B on those rows, which are rare); empty for the other "
        "kinds, within the row overhead's allowance for the key",
    ),
    ("attempt", 1, "fourth part: a new attempt after a decline or a 500"),
    ("amount, currency", 11, "minor units (8) and currency (3)"),
    ("status", 1, "pending, succeeded, declined, failed"),
    ("payment_method_id", 8, ""),
    ("processor_reference", 32, "the processor's ID for the operation, for reconciliation"),
    ("event_epoch, event_version", 8, "the ride event that made it: payments' floor for the ride"),
    ("created_at, updated_at", 16, ""),
    ("row overhead", ROW_OVERHEAD, ""),
]
payment_row_bytes = row_bytes(PAYMENT_FIELDS)

# A rating, keyed by (ride_id, rater's role): one a side at most.
RATING_FIELDS = [
    ("ride_id", 8, "first half of the key"),
    ("rater_role", 1, "rider or driver; second half"),
    ("ratee_id", 8, "the account rated"),
    ("stars", 1, "1 to 5"),
    ("tags", 4, "a bit set of fixed compliments and complaints"),
    ("comment", 40, "free text, average over ratings (most have none)"),
    ("created_at", 8, ""),
    ("row overhead", ROW_OVERHEAD, ""),
]
rating_row_bytes = row_bytes(RATING_FIELDS)

# A ride cancelled after its match (cancel_share of rides) is not rated; the ratings a ride, averaged
# over completed and cancelled rides.
ratings_per_ride_average = count(ratings_per_ride * (1 - cancel_share))

# What a ride keeps for the retention, store by store: in the trip store its row, its history index
# entries (rider's and driver's), its offers and its ratings; in the payments ledger its payment
# operations (a cancelled ride's hold is released, or a fee charged, in place of the capture: the same
# two). Step 2's storage figures use these.
trip_store_bytes_per_ride = size(
    ride_row_bytes
    + rider_index_bytes
    + driver_history_bytes
    + offers_per_request * offer_row_bytes
    + ratings_per_ride_average * rating_row_bytes
)
ledger_bytes_per_ride = size(payment_ops_per_ride * payment_row_bytes)
trip_bytes_per_ride = size(trip_store_bytes_per_ride + ledger_bytes_per_ride)

# The driver's state, keyed by driver_id: the row the accept's compare-and-set reads and writes.
DRIVER_STATE_FIELDS = [
    ("driver_id", 8, "the key"),
    (
        "status",
        1,
        "offline, available, offered, on ride, paused, suspended, held_review (a ride the phones saw "
        "matched that the store holds older, its ID in ride_id)",
    ),
    (
        "offline_after_ride, last_offer_unacked, missed_offers",
        1,
        "two flags and a 2-bit count in a byte. The first: the driver went offline during a ride (cleared "
        "by going online before the drop-off). The second: set by a withdrawal for no ack, cleared by the next "
        "acked offer's end. The count: offers missed in a row, cleared by an answer or going online unpaused",
    ),
    (
        "offer",
        9,
        "the ride and attempt last offered (8 + 1): set by a reservation and kept after the offer ends, until "
        "the next one (a late accept's grace reads it)",
    ),
    (
        "offer_expires_at",
        8,
        "the accept's deadline while offered; the pause's start while paused (kept by an expiry, set by a "
        "second unacked withdrawal); the pause runs the base pause × 2^(missed_offers − 1)",
    ),
    ("ride_id", 8, "the ride held, while on a ride or held_review"),
    ("vehicle_id", 8, "the car the driver is online with"),
    ("version", 8, "raised by every update"),
    ("updated_at", 8, ""),
    ("row overhead", ROW_OVERHEAD, ""),
]
driver_state_row_bytes = row_bytes(DRIVER_STATE_FIELDS)
driver_state_bytes_online = size(drivers_online_peak * driver_state_row_bytes)

# An idempotency record, keyed by (rider_id, key), written in the create's transaction, or in a debt
# payment's 202 commit.
IDEMPOTENCY_FIELDS = [
    ("rider_id", 8, "first half of the key: keys are per caller"),
    ("idempotency_key", 16, "the UUID the client made for this request"),
    ("request_hash", 8, "the same key with a different body is an error"),
    ("ride_id", 8, "the answer the first attempt gave: the new ride, or the debt's ride"),
    ("expires_at", 8, "a day after it is written; the row's time to live"),
    ("row overhead", ROW_OVERHEAD, ""),
]
idempotency_row_bytes = row_bytes(IDEMPOTENCY_FIELDS)

# A rider's unpaid ride, keyed by (rider_id, ride_id): set and cleared from the payments service's events (a
# declined payment, then its settlement), which reach every region, so any region's create reads the rider's
# rows in its own transaction. Rare: no storage figure.
RIDER_DEBT_FIELDS = [
    ("rider_id", 8, "first half of the key"),
    ("ride_id", 8, "second half: the ride whose payment was declined"),
    ("amount, currency", 11, "minor units (8) and currency (3)"),
    ("settled_at", 8, "empty until the settlement; rows are marked, never deleted"),
    (
        "open_attempt",
        16,
        "the open attempt's client key: set by the 202's commit, cleared by an outcome event carrying that key",
    ),
    ("row overhead", ROW_OVERHEAD, ""),
]
rider_debt_row_bytes = row_bytes(RIDER_DEBT_FIELDS)

# The outbox, keyed by (bucket, subject_id, version, event_id): written in the same transaction as the change
# it announces, which raises the subject's version by one, so no two of a ride's rows share a version (but a
# secret asked, which changes nothing of the ride: it keeps the current version, with a random event ID). The
# bucket is a hash of the subject, and each relay worker holds a group of buckets, so one ride's rows are one
# worker's, read in the key's order: the ride's versions, the order of its commits. Once
# published, a row moves to outbox_sent, the same fields keyed by (a hash shard, sent_at, event_id), kept a
# day: the live outbox holds only unsent rows, and a region's promotion reads its re-send window by sent time.
OUTBOX_FIELDS = [
    ("bucket", 2, "first part of the key: a hash of subject_id over the relay's buckets"),
    ("subject_id", 8, "second part: the ride, or the driver for a driver-state event of its own"),
    (
        "version",
        8,
        "third part: the version the transaction writes, the ride's or driver_state's. Every transaction "
        "with an outbox row but a secret asked raises its subject's version, so each other row has its own",
    ),
    ("epoch", 2, "the store's failover epoch, raised by each region's promotion: consumers order by (epoch, version)"),
    (
        "event_id",
        16,
        "last part, and the event's ID: name-based UUID of the row the transaction announces, the epoch and the "
        "version it writes; a debt payment's, of the ride, the type and the client's Idempotency-Key alone, so "
        "an attempt replayed after a failover keeps its ID; a secret asked's, random",
    ),
    (
        "type",
        1,
        "requested, offered, offer ended, matched, arriving to completed, priced, cancelled, rated, driver "
        "state, debt payment, secret asked",
    ),
    (
        "payload",
        120,
        "what consumers need: amounts, IDs, times, and, when a driver's state changes, the driver's ID and "
        "driver_state.version",
    ),
    ("created_at", 8, ""),
    ("sent_at", 8, "set as the relay moves the row to outbox_sent; a promotion's re-marking moves it back, empty"),
    (
        "marked_at",
        8,
        "empty unless a region's promotion marked the row unsent; the outbox-age page measures from it, "
        "else from created_at",
    ),
    ("row overhead", ROW_OVERHEAD, ""),
]
outbox_row_bytes = row_bytes(OUTBOX_FIELDS)

# Trails, keyed by (ride_id, row start, epoch, first_seq): each row packs the points of trail_row_seconds. A late
# point never rewrites a written row (a second write to a key replaces the blob): it goes into a row of
# its own, and the reader merges a minute's rows by time.
TRAIL_POINT_FIELDS = [
    ("time offset", 2, "milliseconds since the row's start, under 65.5 s"),
    ("latitude, longitude", 8, "32-bit integers of 1e-7 degree, about a centimeter"),
    ("speed", 2, "centimeters a second"),
    ("heading", 2, "tenths of a degree"),
    ("accuracy", 2, "decimeters, as the phone reports it"),
]
trail_point_fields_bytes = row_bytes(TRAIL_POINT_FIELDS)
# The 2-byte time offset holds a row's milliseconds.
assert trail_row_seconds * 1000 < 2**16
points_per_trail_row = count(trail_row_seconds / location_interval)
TRAIL_ROW_FIELDS = [
    ("ride_id", 8, "partition key: a ride's rows sit together"),
    ("row_start", 8, "clustering key: the ride's start plus whole minutes, in milliseconds"),
    ("epoch", 8, "clustering key's second part: the first point's stream epoch, as positions are ordered"),
    (
        "first_seq",
        4,
        "clustering key's third part: the first point's sequence number, so a late batch's row "
        "sits beside the minute's row and never replaces it",
    ),
    ("point_count", 1, "points in the row"),
    ("points", points_per_trail_row * trail_point_fields_bytes, "the minute's points, packed"),
    ("row overhead", ROW_OVERHEAD, ""),
]
trail_row_bytes = row_bytes(TRAIL_ROW_FIELDS)
trail_bytes_per_point = size(trail_row_bytes / points_per_trail_row)

# Ride IDs: 8 bits name the region that drew the ID, 56 are random, so two regions never draw the same
# ID and the processor's keys made from it stay unique worldwide. Within a region the insert is
# conditional, so a clash only draws again: over the retention, how many draws land on an ID already
# used (the birthday bound, n^2 / 2N), even if one region drew every ride.
RIDE_ID_REGION_BITS = 8
RIDE_ID_RANDOM_BITS = 64 - RIDE_ID_REGION_BITS
ride_id_random_bits = count(RIDE_ID_RANDOM_BITS)
rides_over_retention = count(rides_per_day * DAYS_PER_YEAR * trip_retention_years)
ride_id_clashes_over_retention = count(rides_over_retention**2 / (2 * 2**RIDE_ID_RANDOM_BITS))
ride_id_clashes_per_day = count(ride_id_clashes_over_retention / (DAYS_PER_YEAR * trip_retention_years))
# That is the average while the table fills. Once it holds a whole retention's rides, rows expire as fast as
# new ones come, and each day's draws each meet that many IDs: twice the filling average, every day.
ride_id_clashes_per_day_full = count(rides_over_retention * rides_per_day / 2**RIDE_ID_RANDOM_BITS)

# Rows and transactions a ride writes, store by store, from the transactions step 4 describes. Each
# trip-store transaction is (how many a ride, rows it writes), averaged over completed rides and the
# cancel_share of rides cancelled after the match. A cancel is taken to land on the way to the pickup,
# after the arriving transition: it writes the cancel (which frees the driver) in place of arrived, on
# trip, the completion and the ratings. Every change the rest of the system must hear of writes an
# outbox row in its own transaction. Left out: a driver's cancel that sends the ride back to matching
# (no share is assumed for it; it adds a cancel, a reservation and an accept). A rating writes the ride too,
# since every outbox row but a secret's ask raises the ride's version. The sweeper, the backstop of the
# deadlines' timers (which write nothing of their own), finds the offers past their deadline, which it
# withdraws without blame, through a partial index on the offer rows, offer (expires_at) WHERE state = 'sent':
# the reservation writes an offer's entry and every end of the offer removes it, two index writes an offer,
# whatever the driver's row does meanwhile. A second partial index, driver_state (offer_expires_at) WHERE
# status = 'paused', finds the pauses: an expiry writes a driver's entry and the pause's end removes it, two
# more for each expired offer (a second unacked withdrawal's pause is left out with the withdrawals).
TRIP_TRANSACTIONS = [
    ("create: ride, idempotency record, history index entry, outbox", 1, 4),
    ("the hold's result on the ride (no outbox row but the rare one setting or clearing a payment mark)", 1, 1),
    ("reserve a driver: driver_state, offer and its sweeper index entry, ride, outbox", offers_per_request, 5),
    (
        "an offer declined or expired: offer and its sweeper index entry, driver_state (an expiry's pause index "
        "entry too), ride, outbox",
        offers_per_request - 1,
        5 + (1 - decline_share),
    ),
    (
        "a pause ended, by its timer: driver_state and its pause index entry, outbox",
        (offers_per_request - 1) * (1 - decline_share),
        3,
    ),
    ("accept: driver_state, ride, offer and its sweeper index entry, driver history index entry, outbox", 1, 6),
    ("arriving: ride, outbox", 1, 2),
    ("arrived, on trip (rides not cancelled): ride, outbox", 2 * (1 - cancel_share), 2),
    ("completed (rides not cancelled): ride, driver_state released, outbox", 1 - cancel_share, 3),
    ("the fare, by the trip service's fare worker (rides not cancelled): ride, outbox", 1 - cancel_share, 2),
    ("cancelled after the match: ride, driver_state released, outbox", cancel_share, 3),
    ("a rating (rides not cancelled): rating, ride (its version), outbox", ratings_per_ride_average, 3),
]
trip_transactions_per_ride = count(sum(n for _, n, _ in TRIP_TRANSACTIONS))
# The relay moves each outbox row, once published, to outbox_sent (a delete and an insert), so the live
# outbox holds only unsent rows and the relay's read of them needs no index: two row writes for every outbox
# row, counted in the rows a ride. The moves are batched, many rows a transaction, so they add no
# transactions worth counting. The day's expiry of outbox_sent is not counted, as the idempotency records'
# is not.
RELAY_MOVE_ROWS = 2
trip_outbox_rows_per_ride = count(sum(n for what, n, _ in TRIP_TRANSACTIONS if what.endswith("outbox")))
trip_rows_per_ride = count(
    sum(n * rows for _, n, rows in TRIP_TRANSACTIONS) + RELAY_MOVE_ROWS * trip_outbox_rows_per_ride
)
# The payments ledger: each operation is a pending row written with the event's inbox record before
# the processor's call, then its result with an outbox row that reports it: two transactions, four rows.
# The hold takes one more: the PaymentIntent is created unconfirmed and its ID stored in the pending
# row before it is confirmed (step 6), one transaction of one row. The ledger's relay moves each result's
# outbox row to its outbox_sent once sent, as the trip store's does: two rows more an operation, batched, so
# no transaction.
LEDGER_TRANSACTIONS_PER_OPERATION = 2
LEDGER_ROWS_PER_OPERATION = 4
LEDGER_OUTBOX_ROWS_PER_OPERATION = 1
HOLD_INTENT_ID_TRANSACTIONS = 1
ledger_transactions_per_ride = count(
    payment_ops_per_ride * LEDGER_TRANSACTIONS_PER_OPERATION + HOLD_INTENT_ID_TRANSACTIONS
)
ledger_outbox_rows_per_ride = count(payment_ops_per_ride * LEDGER_OUTBOX_ROWS_PER_OPERATION)
ledger_rows_per_ride = count(
    payment_ops_per_ride * LEDGER_ROWS_PER_OPERATION
    + HOLD_INTENT_ID_TRANSACTIONS
    + RELAY_MOVE_ROWS * ledger_outbox_rows_per_ride
)
# The trail store: a row a minute of the ride's positions, each a quorum write with no transaction. Rows
# start at the ride's start (the match), not on the clock's minutes: a ride of whole minutes fills whole rows.
trail_rows_per_ride = count(ride_seconds / trail_row_seconds)

trip_transactions_peak = peak(rides_per_second_peak * trip_transactions_per_ride)
trip_rows_peak = peak(rides_per_second_peak * trip_rows_per_ride)
ledger_rows_peak = peak(rides_per_second_peak * ledger_rows_per_ride)
ledger_transactions_peak = peak(rides_per_second_peak * ledger_transactions_per_ride)
trail_rows_peak = peak(rides_per_second_peak * trail_rows_per_ride)
# The rows the relay's move deleted and garbage collection has not yet removed: the largest region's outbox
# rows a second at the busy hour, kept the outbox's gc.ttlseconds. The relay's reads of unsent rows step over
# them, spread over its workers' buckets.
outbox_tombstones_region = count(
    rides_per_second_peak * largest_region_share * trip_outbox_rows_per_ride * outbox_gc_ttl
)
# The sweeper's offer index holds an entry for each offer still `sent`, which a worker taking a bucket's lease
# reads to arm its timers again (step 4). By Little's law, its size is the largest region's offers a second
# at the busy hour times the mean time an offer stays open from its reservation: the push and the phone's
# round trip (the p99's, an upper estimate), then the driver's decision for an offer accepted
# (1 / offers_per_request) or declined; one that times out stays open to its deadline and the timer's tick.
# Withdrawals, which end at the ack's timeout, are left out: rare, and shorter.
offers_per_second_region_peak = peak(rides_per_second_peak * largest_region_share * offers_per_request)
_answered_share = 1 / offers_per_request + (1 - 1 / offers_per_request) * decline_share
offer_open_time_mean = duration(
    _answered_share * (push_through_pubsub + mobile_round_trip_p99 + driver_decision_time)
    + (1 - _answered_share) * (accept_timeout + deadline_timer_tick)
)
offers_open_region_peak = count(offers_per_second_region_peak * offer_open_time_mean)
# The sweeper takes a row only once it is due more than its margin ago. A live timer fires on its first tick
# past the deadline and normally commits well within the margin, so the sweeper almost never withdraws,
# blameless, an offer a live timer is about to expire (with the pause and the miss that only the expiry
# sets): only a commit stalled past it (a range's lease moving after a zone's loss, a worker paused) lets
# the sweeper end first, which costs at most a miss not counted.
sweeper_margin_ticks = count(sweeper_margin / deadline_timer_tick)
assert sweeper_margin > deadline_timer_tick + store_commit_time

# What a zone's loss costs the availability budget: the rides requested while a third of the writes
# stall. A relational primary per city group stalls its cities until a failover; a range's writes stall
# until its lease expires and a new leader takes it. A zone belongs to one region and each region has
# its own store, so the zone is one of the largest region's, at its share of the busy hour's requests.
# A city group's create writes its one primary, so a third of creates stall. With consensus per range,
# the create writes rows in several ranges (the ride under a random ID, the idempotency record, the
# history index entry, the outbox row), each's leaseholder in the lost zone a third of the time: a create
# stalls if any of them does. It also reads, in its own transaction, ranges it does not write: the rider's
# unsettled rider_debt rows, and the row of the ride the rider's newest history entry names (the
# `409 ride_in_progress` check; the history entry itself is in a range the create writes). A read waits for
# a lost leaseholder as a write does.
CREATE_READ_RANGES = 2  # the rider's rider_debt rows; the rider's newest ride's row
create_write_ranges = count(TRIP_TRANSACTIONS[0][2])
create_ranges = count(create_write_ranges + CREATE_READ_RANGES)
create_stall_share = fraction(1 - (1 - 1 / zones) ** create_ranges)
failed_in_primary_failover = count(rides_per_second_peak * largest_region_share * primary_failover / zones)
failed_in_lease_expiry = count(rides_per_second_peak * largest_region_share * range_lease_expiry * create_stall_share)
primary_failover_budget_share = fraction(failed_in_primary_failover / failed_requests_budget)
lease_expiry_budget_share = fraction(failed_in_lease_expiry / failed_requests_budget)
# The figure above is an average that takes the ranges as independent. The rider_debt table is small (rare
# rows), likely one range a region, which every create reads: in the third of zone losses whose zone held that
# range's lease, every create of the region stalls. The worst case:
failed_in_lease_expiry_worst = count(rides_per_second_peak * largest_region_share * range_lease_expiry)
lease_expiry_worst_budget_share = fraction(failed_in_lease_expiry_worst / failed_requests_budget)
assert failed_in_lease_expiry < failed_in_lease_expiry_worst

# Trails expire after their retention; compaction windows of twcs_window_days keep the table under
# the fifty windows TWCS asks for.
trail_windows = count(location_retention_years * DAYS_PER_YEAR / twcs_window_days)
assert trail_windows < 50  # TWCS's limit

# The live index is the proximity page's, imported: an allowance a driver online.
live_index_bytes = driver_index_bytes


def table(fields: list[tuple[str, float, str]]) -> str:
    return markdown_table(("Field", "Bytes", "Note"), [(n, size(b), note) for n, b, note in fields])


if __name__ != "ride_hailing_data_model":
    ROWS = [
        ("Ride", RIDE_FIELDS, ride_row_bytes),
        ("Rider history index entry", RIDER_INDEX_FIELDS, rider_index_bytes),
        ("Driver history index entry", DRIVER_INDEX_FIELDS, driver_history_bytes),
        ("Offer", OFFER_FIELDS, offer_row_bytes),
        ("PaymentOperation", PAYMENT_FIELDS, payment_row_bytes),
        ("Rating", RATING_FIELDS, rating_row_bytes),
        ("DriverState", DRIVER_STATE_FIELDS, driver_state_row_bytes),
        ("IdempotencyRecord", IDEMPOTENCY_FIELDS, idempotency_row_bytes),
        ("RiderDebt", RIDER_DEBT_FIELDS, rider_debt_row_bytes),
        ("OutboxEvent", OUTBOX_FIELDS, outbox_row_bytes),
        ("TrailRow", TRAIL_ROW_FIELDS, trail_row_bytes),
    ]
    print(markdown_table(("Row", "Bytes"), [(title, total) for title, _, total in ROWS]))
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Kept a ride in the trip store: row, history entries, offers, ratings", trip_store_bytes_per_ride),
                ("Kept a ride in the payments ledger: its operations", ledger_bytes_per_ride),
                ("Kept a ride, both stores", trip_bytes_per_ride),
                ("Trail points a row", points_per_trail_row),
                ("Stored bytes a trail point", trail_bytes_per_point),
                ("Driver-state rows for every driver online", driver_state_bytes_online),
                ("Live index (the proximity page's allowance)", live_index_bytes),
                (f"Ride IDs drawn over the retention ({ride_id_random_bits} random bits)", rides_over_retention),
                ("... expected clashes, were they all one region's, each redrawn", ride_id_clashes_over_retention),
                ("... a day, on average while the table fills", ride_id_clashes_per_day),
                ("... a day, once it holds the whole retention", ride_id_clashes_per_day_full),
                ("Trail compaction windows over the retention", trail_windows),
                (f"Deleted outbox rows not yet collected, largest region ({outbox_gc_ttl})", outbox_tombstones_region),
                ("Offers a second, largest region, busy hour", offers_per_second_region_peak),
                ("... the mean time one stays open, from its reservation", offer_open_time_mean),
                ("... open at once: the sweeper's offer index", offers_open_region_peak),
            ],
        )
    )
    print()
    rows = [(what, count(n), count(written)) for what, n, written in TRIP_TRANSACTIONS]
    rows.append(
        (
            "the relay moves each outbox row, once sent, to outbox_sent (batched: rows, no transactions counted)",
            trip_outbox_rows_per_ride,
            count(RELAY_MOVE_ROWS),
        )
    )
    print(markdown_table(("Trip-store transaction", "A ride", "Rows each"), rows))
    print()
    print(
        markdown_table(
            ("Writes a ride, by store", "Transactions", "Rows", "Rows at the peak"),
            [
                ("Trip store", trip_transactions_per_ride, trip_rows_per_ride, trip_rows_peak),
                ("Payments ledger", ledger_transactions_per_ride, ledger_rows_per_ride, ledger_rows_peak),
                ("Trail store (quorum writes)", count(0), trail_rows_per_ride, trail_rows_peak),
            ],
        )
    )
    print()
    # The count a ride prints rounded; the peak multiplies the unrounded one, shown here.
    print(
        f"Trip-store transactions at the peak: {exact(rides_per_second_peak)} rides a second × "
        f"{exact(trip_transactions_per_ride)} a ride, unrounded = {trip_transactions_peak}"
    )
    print()
    print(
        markdown_table(
            (
                "A zone lost: ride requests stalled",
                "Requests delayed (at most failed)",
                f"Share of the {failed_requests_budget} budget",
            ),
            [
                (
                    f"Relational primary, {primary_failover} failover",
                    failed_in_primary_failover,
                    primary_failover_budget_share,
                ),
                (
                    f"Consensus per range, {range_lease_expiry} lease, {create_stall_share} of creates "
                    f"touching a stalled range ({create_ranges} ranges)",
                    failed_in_lease_expiry,
                    lease_expiry_budget_share,
                ),
                (
                    "... the debt table's one range leased in the lost zone (every create)",
                    failed_in_lease_expiry_worst,
                    lease_expiry_worst_budget_share,
                ),
            ],
        )
    )
    print()
    for title, fields, total in ROWS:
        print(f"**{title}**: {total} per row\n")
        print(table(fields))
        print()
    print(f"**A trail point** (packed in a TrailRow): {trail_point_fields_bytes}\n")
    print(table(TRAIL_POINT_FIELDS))
