"""Concepts, transactions across services: what the transactional outbox and the inbox cost.

Outbox. The relay polls the outbox table every POLL_INTERVAL, publishes what it finds and then
deletes each row: an event waits half an interval on average and a whole one at worst, plus the
publish. Each event costs the database an insert and a delete beside the business write. CDC on the
outbox table lets the service delete the row in the same transaction, but that is still a delete (a
WAL record and a dead tuple for vacuum), so the row writes stay the same; CDC saves the relay's
polling reads and the relay's separate delete transaction with its commit flush. A row published
but not yet deleted is published again: at the next poll if the delete failed, or when a
replacement relay starts if the relay died (RELAY_RESTART, assumed). That is the relay's republish
period, seconds to minutes.

Inbox. A consumer drops a repeat by inserting the event's ID into a dedupe table in the same local
transaction as the event's effect (INSERT ... ON CONFLICT DO NOTHING). Sized in PostgreSQL (the
"Database Page Layout" chapter of its manual): a heap row is a 23-byte header, padded to 24, then
the columns, a 16-byte uuid and an 8-byte timestamptz (when it was processed), plus a 4-byte line
pointer in the page. Its primary-key entry and the leaves' fill come from the unique IDs page's
B-tree model: 28 bytes an entry, leaves ln 2 (69%) full under random keys (UUIDv4) and 90% full under
time-ordered ones (UUIDv7), which insert at the right edge only if they arrive nearly sorted: the
spread of arrival delays must stay within about the time one leaf's entries span at the inbox's rate.
Here the relays' polls alone spread them wider: each producer's relay polls every POLL_INTERVAL, out
of phase with the others, so an event waits anywhere from the publish time to a whole interval more
before it reaches the log. Inserts then land on the last few leaves, which split in the middle, so
the inbox is sized at the random fill; leaves the window has left behind keep whatever fill they
had, which may be less (to be measured). The heap, appended to and dropped a partition at a time,
stays full. The inbox's rate is the messaging page's, 10,000 messages a second: one consumer group's
share of a busy topic that many producers feed, against the single producer's 1,000 events a second
above.

What random keys cost besides space comes from the unique IDs page's B-tree model (an index of
1e9 keys at 10,000 inserts a second, a little over a day of this inbox), imported, not recomputed:
the leaves written at each checkpoint whatever the memory, the page images logged, and the leaves
read once the index outgrows the memory for it.

How long to keep the IDs. A repeat arrives at most the outbox's backlog (how long an event may wait
unpublished; OUTBOX_BACKLOG_BOUND, assumed, held by an alert on the age of the oldest unpublished
row), plus the relay's republish period, plus however far behind the consumer is when it reads the
repeat, after the event was made. The log's retention plus one segment's span bounds that lag: Kafka
deletes whole segments, and a segment rolls by time only after log.roll.hours (168)
(log.retention.hours also defaults to 168, 7 days), or by size once it holds log.segment.bytes (1
GiB). A partition fed at the inbox's rate rolls by size: over TOPIC_PARTITIONS partitions of
EVENT_BYTES events (both assumed), each fills a segment in hours. A slow partition's span is the
whole roll time. So the topic sets segment.ms, the per-topic override of log.roll.hours, to
SEGMENT_MS (the page's choice): every partition then rolls within it whatever its rate, and the
inbox is sized on that span; the slow partition under Kafka's defaults is the row it avoids.
Storing the consumer's offsets in the same transaction as its effects keeps the log's own
redeliveries from repeating an effect, so only the relay's repeats need IDs. The table is
range-partitioned on the UUIDv7 ID itself, one partition a day, and keeps one partition beyond the
window: W days need ceil(W) + 1 partitions. A derived (name-based) ID has no time in it: its row adds the
event's created_at (8 bytes) and is keyed (created_at, event_id), 8 bytes more an index entry. Either
the consumer refuses (parks for a person) events whose ID is older than a bound, here a day, or the
window covers the full retention, one segment's span, the backlog bound and the republish period.
"""

import math

from concept_ids_btree import (
    INSERTS_PER_SECOND,
    LEAF_SPAN_UUID,
    ORDERED_FILL,
    PAGE_BYTES,
    RANDOM_FILL,
    ROWS,
    UUID,
    entries_per_leaf,
    entry_bytes,
    memory_for_leaves,
    random_checkpoint_interval,
    random_leaf_writes,
    random_page_image_bytes,
    random_page_image_wal_bytes,
    random_reads,
)
from concept_messaging import MESSAGES_PER_SECOND, dedupe_entry_bytes
from concept_tx import PUBLISH_SECONDS, WRITE_RATE

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    TB,
    bandwidth,
    count,
    duration,
    markdown_table,
    per_second,
    size,
    times,
)

# --- The relay ----------------------------------------------------------------------------------------
POLL_INTERVAL = 0.1  # seconds between a relay's polls of the outbox (assumed)
OUTBOX_BACKLOG_BOUND = 3_600  # seconds the oldest unpublished outbox row may reach, alerted on (assumed)
RELAY_RESTART = 300  # seconds for a replacement relay to start polling after one dies (assumed)
EVENT_RATE = WRITE_RATE  # events a second written to the outbox (the dual-write example's rate)

poll_interval = duration(POLL_INTERVAL)
relay_lag_mean = duration(POLL_INTERVAL / 2 + PUBLISH_SECONDS)
relay_lag_worst = duration(POLL_INTERVAL + PUBLISH_SECONDS)
event_rate = per_second(EVENT_RATE)
outbox_extra_writes = per_second(2 * EVENT_RATE)
poll_rate = per_second(1 / POLL_INTERVAL)
outbox_backlog_bound = duration(OUTBOX_BACKLOG_BOUND)
events_per_poll = count(EVENT_RATE * POLL_INTERVAL)
republish_period = duration(RELAY_RESTART)

# --- The inbox: one row ---------------------------------------------------------------------------------
HEAP_HEADER = 24  # 23 bytes, padded to 8-byte alignment
TIMESTAMPTZ, LINE_POINTER = 8, 4

heap_row_bytes = HEAP_HEADER + UUID + TIMESTAMPTZ + LINE_POINTER
index_random = entry_bytes(UUID) / RANDOM_FILL
index_ordered = entry_bytes(UUID) / ORDERED_FILL
row_bytes_random = size(heap_row_bytes + index_random)
row_bytes = size(heap_row_bytes + index_ordered)
kv_entry_bytes = dedupe_entry_bytes  # the messaging page's key-value entry, for comparison

# --- The inbox: a day of IDs, random or time-ordered keys ------------------------------------------------
DAY_ROWS = MESSAGES_PER_SECOND * SECONDS_PER_DAY
# The page prices random keys with the unique-IDs page's model: it holds for this inbox only while
# that model inserts at this inbox's rate.
assert INSERTS_PER_SECOND == MESSAGES_PER_SECOND, "the unique-IDs model no longer inserts at the inbox's rate"
model_index_days = count(ROWS / DAY_ROWS)  # the model's index, in days of this inbox
message_rate = per_second(MESSAGES_PER_SECOND)
inbox_day_rows = count(DAY_ROWS)
inbox_day_bytes = size(DAY_ROWS * row_bytes)
inbox_day_bytes_random = size(DAY_ROWS * row_bytes_random)
index_day_bytes_random = size(DAY_ROWS * index_random)
index_day_bytes = size(DAY_ROWS * index_ordered)
# The right-edge fill holds while arrivals are nearly sorted: within about one leaf's span of time.
# The relays' polls spread arrivals over a whole poll interval, wider than that span, so the inbox's
# UUIDv7 leaves split in the middle like random ones and are sized at the random fill.
LEAF_SPAN = LEAF_SPAN_UUID  # the unique IDs page's, at its insert rate, which is the inbox's (asserted above)
leaf_span = duration(LEAF_SPAN)
poll_spread_over_leaf_span = times(POLL_INTERVAL / LEAF_SPAN)
INBOX_FILL = RANDOM_FILL if POLL_INTERVAL > LEAF_SPAN else ORDERED_FILL
inbox_row_bytes = heap_row_bytes + entry_bytes(UUID) / INBOX_FILL
# UUIDv7 inserts touch only the last few leaves, each written once it has filled: one leaf write per
# (entries per leaf x fill) inserts, and no reads.
ordered_leaf_writes = per_second(MESSAGES_PER_SECOND / (entries_per_leaf(UUID) * INBOX_FILL))
page_kib = count(PAGE_BYTES / 1024)

# --- The inbox: how long to keep the IDs ----------------------------------------------------------------
AGE_BOUND_DAYS = 1.0  # refuse events whose ID is older than this (assumed)
LOG_RETENTION_DAYS = 7  # Kafka's log.retention.hours default, 168
SEGMENT_ROLL_DAYS = 7  # Kafka's log.roll.hours default, 168: a segment is deleted whole, once its newest event expires
SEGMENT_BYTES = 2**30  # Kafka's log.segment.bytes default, 1 GiB: a busy partition rolls by size first
TOPIC_PARTITIONS = 12  # the inbox's topic's partitions (assumed)
EVENT_BYTES = 200  # an event on the log, key and headers included (assumed)
SEGMENT_MS = SECONDS_PER_HOUR  # the topic's segment.ms: every partition rolls within an hour (the page's choice)


def partitions_kept(window_days: float) -> int:
    return math.ceil(window_days) + 1


BOUNDED_WINDOW = AGE_BOUND_DAYS
RETENTION_WINDOW = LOG_RETENTION_DAYS + SEGMENT_ROLL_DAYS + (OUTBOX_BACKLOG_BOUND + RELAY_RESTART) / SECONDS_PER_DAY
# A partition fed at the inbox's rate fills a segment long before log.roll.hours: its span is the
# segment's bytes over the partition's share of the topic's bytes.
PARTITION_BYTES_PER_SECOND = MESSAGES_PER_SECOND * EVENT_BYTES / TOPIC_PARTITIONS
SIZE_ROLL_SECONDS = min(SEGMENT_BYTES / PARTITION_BYTES_PER_SECOND, SEGMENT_ROLL_DAYS * SECONDS_PER_DAY)
# With segment.ms set, a partition's segment spans at most the sooner of that and its size roll.
ROLLED_SPAN_SECONDS = min(SEGMENT_MS, SIZE_ROLL_SECONDS)
ROLLED_WINDOW = LOG_RETENTION_DAYS + (ROLLED_SPAN_SECONDS + OUTBOX_BACKLOG_BOUND + RELAY_RESTART) / SECONDS_PER_DAY
topic_partitions = count(TOPIC_PARTITIONS)
event_bytes = size(EVENT_BYTES)
segment_bytes = size(SEGMENT_BYTES)
partition_bytes_per_second = bandwidth(PARTITION_BYTES_PER_SECOND)
size_roll = duration(SIZE_ROLL_SECONDS)
segment_ms = duration(SEGMENT_MS)
rolled_span = duration(ROLLED_SPAN_SECONDS)
rolled_partitions = count(partitions_kept(ROLLED_WINDOW))
rolled_rows = count(partitions_kept(ROLLED_WINDOW) * DAY_ROWS)
rolled_bytes = size(partitions_kept(ROLLED_WINDOW) * DAY_ROWS * inbox_row_bytes)
assert partitions_kept(ROLLED_WINDOW) * DAY_ROWS * inbox_row_bytes < TB  # the decision: under a terabyte
# A derived (name-based) ID carries no time: the row adds the event's created_at beside the processed-at
# time, and the key is (created_at, event_id), 8 bytes more an entry. Its leaves hold fewer entries, so a
# leaf's span is shorter still than the polls' spread: the same random fill.
DERIVED_KEY = TIMESTAMPTZ + UUID
derived_leaf_span = entries_per_leaf(DERIVED_KEY) * ORDERED_FILL / MESSAGES_PER_SECOND
assert derived_leaf_span < POLL_INTERVAL or INBOX_FILL == ORDERED_FILL
derived_row_bytes = heap_row_bytes + TIMESTAMPTZ + entry_bytes(DERIVED_KEY) / INBOX_FILL
derived_rolled_bytes = partitions_kept(ROLLED_WINDOW) * DAY_ROWS * derived_row_bytes
assert derived_rolled_bytes < TB  # the decision holds for derived IDs too
row_bytes_derived = size(derived_row_bytes)
rolled_bytes_derived = size(derived_rolled_bytes)
log_retention = duration(LOG_RETENTION_DAYS * SECONDS_PER_DAY)
segment_roll = duration(SEGMENT_ROLL_DAYS * SECONDS_PER_DAY)
age_bound = duration(AGE_BOUND_DAYS * SECONDS_PER_DAY)
bounded_partitions = count(partitions_kept(BOUNDED_WINDOW))
retention_partitions = count(partitions_kept(RETENTION_WINDOW))
bounded_rows = count(partitions_kept(BOUNDED_WINDOW) * DAY_ROWS)
bounded_bytes = size(partitions_kept(BOUNDED_WINDOW) * DAY_ROWS * inbox_row_bytes)
retention_rows = count(partitions_kept(RETENTION_WINDOW) * DAY_ROWS)
retention_bytes = size(partitions_kept(RETENTION_WINDOW) * DAY_ROWS * inbox_row_bytes)
inbox_rows = [
    ("Refuse events whose ID is older than a bound", age_bound, bounded_partitions, bounded_rows, bounded_bytes),
    (
        f"Accept any event the log still holds, the topic's segment.ms at {segment_ms} (every partition)",
        f"{log_retention} + {rolled_span} + {outbox_backlog_bound} + {republish_period}",
        rolled_partitions,
        rolled_rows,
        rolled_bytes,
    ),
    (
        "The same under Kafka's defaults, a partition that fills slowly (rolled after log.roll.hours)",
        f"{log_retention} + {segment_roll} + {outbox_backlog_bound} + {republish_period}",
        retention_partitions,
        retention_rows,
        retention_bytes,
    ),
]

if __name__ != "concept_tx_outbox":
    print(
        markdown_table(
            ("Key", "Index entry a row, with the leaves' free space", "A row", "A day of IDs", "Its index"),
            [
                (
                    "UUIDv4 (random)",
                    size(index_random),
                    row_bytes_random,
                    inbox_day_bytes_random,
                    index_day_bytes_random,
                ),
                ("UUIDv7, arriving in order", size(index_ordered), row_bytes, inbox_day_bytes, index_day_bytes),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (
                f"Inbox at {message_rate}, UUIDv7 keys, one partition a day",
                "Window",
                "Partitions kept",
                "Rows, at most",
                f"Bytes, at {size(inbox_row_bytes)} a row",
            ),
            inbox_rows,
        )
    )
    print()
    print(
        f"Relay polling every {poll_interval}: an event waits {relay_lag_mean} on average, {relay_lag_worst} at worst; "
        f"at {event_rate} the outbox adds {outbox_extra_writes} row writes (with CDC too), "
        f"{events_per_poll} events a poll; a row published but not deleted goes out again within {republish_period}."
    )
    print()
    print(
        f"The polls spread arrivals over {poll_interval}, {poll_spread_over_leaf_span} one leaf's span of "
        f"{leaf_span}, so the inbox is sized at the {'random' if INBOX_FILL == RANDOM_FILL else 'right-edge'} fill. "
        f"Random keys, from the unique IDs page's model: "
        f"a checkpoint every {random_checkpoint_interval}, {random_leaf_writes} leaves written whatever the memory, "
        f"each logging an image of about {random_page_image_bytes}, {random_page_image_wal_bytes} of WAL; "
        f"{random_reads} leaves read with {memory_for_leaves} of memory for them. UUIDv7 keys: "
        f"{ordered_leaf_writes} leaves written, none read."
    )
