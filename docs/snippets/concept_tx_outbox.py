"""Concepts, transactions across services: what the transactional outbox and the inbox cost.

Outbox. The relay polls the outbox table every POLL_INTERVAL, publishes what it finds and deletes
(or marks) each row: an event waits half an interval on average and a whole one at worst, plus the
publish. Each event costs the database an insert and a delete beside the business write.

Inbox. A consumer drops a repeat by inserting the event's ID into a dedupe table in the same local
transaction as the event's effect: the insert fails on a repeat, and the transaction does nothing.
Sized in PostgreSQL (the "Database Page Layout" chapter of its manual): a heap row is a 23-byte
header, padded to 24, then the columns, here a 16-byte uuid and an 8-byte timestamptz, plus a 4-byte
line pointer in the page; its primary-key entry is an 8-byte index tuple header (IndexTupleData in
src/include/access/itup.h) and the 16-byte key, plus a 4-byte line pointer. Event IDs are random, so
the index's leaf pages run about two thirds full (as on the unique IDs page); the heap, appended to
and dropped a day at a time, stays full. The rate is the messaging page's, 10,000 messages a second.

How long to keep the IDs. A repeat can come from two places. The producer's relay republishes an
event it is not sure it sent, for as long as it retries (the Twitter example's retry rows live a
day). And a consumer whose offsets are rewound reads the log again from as far back as the log
keeps it: Kafka's log.retention.hours defaults to 168 (7 days). Storing the consumer's offsets in
the same transaction as its effects removes the second case, since a rewind then starts from the
offsets the database holds; only the relay's repeats, which arrive at new offsets, need IDs.
"""

from concept_messaging import MESSAGES_PER_SECOND

from sdw.estimation import SECONDS_PER_DAY, count, duration, markdown_table, per_second, size

# --- The relay ----------------------------------------------------------------------------------------
POLL_INTERVAL = 0.1  # seconds between a relay's polls of the outbox (assumed)
PUBLISH = 0.005  # seconds to publish a batch and have the log acknowledge it (assumed)
EVENT_RATE = 1_000  # events a second written to the outbox (the dual-write example's rate)

poll_interval = duration(POLL_INTERVAL)
relay_lag_mean = duration(POLL_INTERVAL / 2 + PUBLISH)
relay_lag_worst = duration(POLL_INTERVAL + PUBLISH)
event_rate = per_second(EVENT_RATE)
outbox_extra_writes = per_second(2 * EVENT_RATE)
events_per_poll = count(EVENT_RATE * POLL_INTERVAL)

# --- The inbox ------------------------------------------------------------------------------------------
HEAP_HEADER = 24  # 23 bytes, padded to 8-byte alignment
UUID, TIMESTAMPTZ, LINE_POINTER = 16, 8, 4
INDEX_TUPLE_HEADER = 8
RANDOM_KEY_LEAF_FILL = 2 / 3

heap_row_bytes = HEAP_HEADER + UUID + TIMESTAMPTZ + LINE_POINTER
index_entry_bytes = (INDEX_TUPLE_HEADER + UUID + LINE_POINTER) / RANDOM_KEY_LEAF_FILL
row_bytes = size(heap_row_bytes + index_entry_bytes)

RELAY_HORIZON_DAYS = 1  # the Twitter example's retry rows live a day
LOG_RETENTION_DAYS = 7  # Kafka's log.retention.hours default, 168

message_rate = per_second(MESSAGES_PER_SECOND)
inbox_day_rows = count(MESSAGES_PER_SECOND * SECONDS_PER_DAY * RELAY_HORIZON_DAYS)
inbox_day_bytes = size(inbox_day_rows * row_bytes)
inbox_week_rows = count(MESSAGES_PER_SECOND * SECONDS_PER_DAY * LOG_RETENTION_DAYS)
inbox_week_bytes = size(inbox_week_rows * row_bytes)
relay_horizon = duration(RELAY_HORIZON_DAYS * SECONDS_PER_DAY)
log_retention = duration(LOG_RETENTION_DAYS * SECONDS_PER_DAY)
inbox_rows = [
    ("The relay's retry horizon (offsets stored with the effects)", relay_horizon, inbox_day_rows, inbox_day_bytes),
    ("Kafka's default retention (a rewind to the start)", log_retention, inbox_week_rows, inbox_week_bytes),
]

if __name__ != "concept_tx_outbox":
    print(
        markdown_table(
            (f"Inbox at {message_rate}, {row_bytes} a row: IDs kept for", "Window", "Rows", "Bytes"),
            inbox_rows,
        )
    )
    print()
    print(
        f"Relay polling every {poll_interval}: an event waits {relay_lag_mean} on average, {relay_lag_worst} at worst; "
        f"at {event_rate} the outbox adds {outbox_extra_writes} row writes, {events_per_poll} events a poll."
    )
