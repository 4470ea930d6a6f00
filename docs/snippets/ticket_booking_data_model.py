"""Ticket booking worked example: the rows, field by field, and the writes one hot show's partition
takes during its on-sale, transaction by transaction.

Bytes are PostgreSQL's: each field's stored size (alignment padding left out), the row overhead of
ticket_booking_assumptions, and a B-tree entry for each index, as the unique-IDs page counts one
(concept_ids_btree.entry_bytes: the index tuple's header and key rounded up to 8 bytes, and a line
pointer).
"""

import math

from concept_ids_btree import entry_bytes
from ticket_booking_assumptions import (
    action_share,
    buy_share,
    decline_share,
    hold_attempts_per_buyer,
    order_retention_years,
    partial_match_share,
    partition_row_writes,
    position_block,
    row_overhead,
    stadium_seats,
    tickets_per_order,
    tickets_per_year,
)
from ticket_booking_sellout import race_hold_attempts_peak, seat_map_reads_peak
from ticket_booking_traffic import (
    page_views_per_day,
    purchases_per_day,
    queue_polls_peak,
    queue_writes_peak,
    release_rate,
)

from sdw.estimation import count, fraction, markdown_table, peak, size, throughput, times

# (field, bytes stored). "char" is PostgreSQL's one-byte type, used for the states; text costs a
# length byte before its characters.
SEAT = [
    ("show_id bigint", 8),
    ("seat_id integer (section, row and number live in the venue's layout)", 4),
    ("price_tier smallint", 2),
    ('state "char": free, held, pending, sold', 1),
    ("hold_id bigint", 8),
    ("hold_expires timestamptz: while held, when the hold ends", 8),
    ("order_id bigint", 8),
]
SEAT_INDEXES = [("primary key (show_id, seat_id)", 12), ("(show_id, hold_id)", 16)]
# The show's prices, a row a tier, on the show's shard: the hold's total and the order's amount are
# summed from them in the shard's own transaction. A show has a handful of tiers.
SHOW_PRICE = [
    ("show_id bigint", 8),
    ("price_tier smallint", 2),
    ("amount bigint, minor units", 8),
    ("currency text, ISO 4217", 1 + 3),
]
SHOW_PRICE_INDEXES = [("primary key (show_id, price_tier)", 10)]
HOLD = [
    ("hold_id bigint", 8),
    ("show_id bigint", 8),
    ("account_id bigint", 8),
    ("seat_count smallint", 2),
    ('state "char": active, pending, sold, released, lapsed', 1),
    ("expires_at timestamptz", 8),
    ("created_at timestamptz", 8),
    ("request_key uuid, the request's Idempotency-Key", 16),
]
HOLD_INDEXES = [
    ("primary key (hold_id)", 8),
    ("unique (show_id, account_id) where state is active or pending", 16),
    ("(show_id, expires_at) where state is active, for the sweeper", 16),
]
ORDER = [
    ("order_id bigint (with the attempt, the processor's idempotency key)", 8),
    ("hold_id bigint", 8),
    ("show_id bigint", 8),
    ("account_id bigint", 8),
    ('state "char": pending, requires_action, cancelling, captured, declined, cancelled', 1),
    ("seat_count smallint", 2),
    ("amount bigint, minor units", 8),
    ("currency text, ISO 4217", 1 + 3),
    ("payment_method text, the processor's token for the card", 1 + 27),
    ("created_at timestamptz", 8),
    ("settled_at timestamptz", 8),
    ("attempt smallint, one past the hold's last order's (from 1), raised once only when a lookup finds no payment", 2),
    ("request_key uuid, the submit's Idempotency-Key", 16),
    ("processor_ref text, the processor's payment ID, written as soon as a call returns it", 1 + 27),
    ("action_asked_at timestamptz, when the processor asked for the action: null otherwise", 0),
    ("action_done_at timestamptz, when action-done or the webhook first handed it back: null otherwise", 0),
    ("lookup_since timestamptz, when a worker sent the order to a lookup: null otherwise", 0),
]
ORDER_INDEXES = [
    ("primary key (order_id)", 8),
    ("unique (hold_id, attempt), an order a payment attempt on its hold", 10),
    ("(account_id, created_at), the buyer's orders", 16),
    ("(show_id, account_id), the account's limit", 16),
]
# Left out of the bytes: a partial index on (action_asked_at) where the state is requires_action, for the
# sweeper; it holds an entry only while an order waits on its buyer, minutes at most.
# A ticket's ID and barcode are each 16 bytes of an HMAC of (order, seat), under different purpose tags: derived, so
# a ticket built again for the same order and seat is the same ticket, and wide enough never to repeat (below).
HMAC_BYTES = 16
TICKET = [
    ("ticket_id uuid, 16 bytes of an HMAC of (order, seat)", HMAC_BYTES),
    ("order_id bigint", 8),
    ("show_id bigint", 8),
    ("seat_id integer", 4),
    ("account_id bigint", 8),
    ("barcode bytea, 16 bytes of an HMAC of (order, seat)", 1 + HMAC_BYTES),
    ("issued_at timestamptz", 8),
]
TICKET_INDEXES = [("primary key (ticket_id)", HMAC_BYTES), ("(order_id)", 8), ("unique (show_id, seat_id)", 12)]
# A queue position lives in a key-value store, not in PostgreSQL: priced as a row here, an upper bound.
QUEUE_POSITION = [
    ("show_id bigint", 8),
    ("account_id bigint", 8),
    ("position bigint, none for a join before the start: its place is its rank in the draw", 8),
    ("joined_at timestamptz", 8),
]


def row_bytes(fields, indexes) -> float:
    return sum(b for _, b in fields) + row_overhead + sum(entry_bytes(key) for _, key in indexes)


seat_row_bytes = size(row_bytes(SEAT, SEAT_INDEXES))
price_row_bytes = size(row_bytes(SHOW_PRICE, SHOW_PRICE_INDEXES))
hold_row_bytes = size(row_bytes(HOLD, HOLD_INDEXES))
order_row_bytes = size(row_bytes(ORDER, ORDER_INDEXES))
ticket_row_bytes = size(row_bytes(TICKET, TICKET_INDEXES))
queue_position_bytes = size(row_bytes(QUEUE_POSITION, [("primary key (show_id, account_id)", 16)]))
# An order and its tickets, the records kept for years.
order_record_bytes = size(order_row_bytes + tickets_per_order * ticket_row_bytes)
# A derived ID that repeated would fail its order's captured transaction on the primary key at every retry, so
# the ID must not repeat among every ticket kept (a year's for the orders' retention), all shards together, as a
# gate or a link may look one up. The birthday bound, p = 1 - exp(-n(n - 1) / 2 / 2^128), as one in so many; a
# barcode, as long, has the same odds.
tickets_kept = count(tickets_per_year * order_retention_years)
ticket_id_repeat_one_in = count(1 / -math.expm1(-tickets_kept * (tickets_kept - 1) / 2 / 2 ** (8 * HMAC_BYTES)))
show_seat_bytes = size(stadium_seats * seat_row_bytes)

# --- Writes to one show's partition during its on-sale, per released buyer -----------------------------
# Each transaction and the rows it writes (k = seats a hold). A hold updates its seats first, where they
# are free, and writes the hold row only when all matched: an attempt that fails matches no seat and writes
# nothing, or, the partial_match_share of them, finds some still free and writes those seats (counted as
# k, the most) before it rolls back; a rolled-back row is still written and replayed on the replicas. An
# outbox row announces what others wait for: a submitted order (to the payment workers), one back from its
# bank check, and a settled one (to the buyer and the tickets); the relay deletes each once the log has it,
# counted here a transaction a row, though it deletes a batch at once. Every call's answer writes the
# payment's ID on its order. A decline returns the hold to active until its time ends (step 4's decision):
# its buyer may submit again with another card, a new order, and the hold lapses or is released if not. So
# every hold not bought ends by a lapse, the declined ones too (a release writes the same rows). Left out:
# the lookups after a processor's server errors, a few in a hundred calls, each a mark and an outbox row.
k = float(tickets_per_order)
submitted_share = buy_share / (1 - decline_share)  # orders a released buyer submits, a new one after each decline
declined_share = submitted_share * decline_share
action_orders_share = submitted_share * action_share
lapsed_share = 1 - buy_share
outbox_rows_share = submitted_share + action_orders_share + buy_share + declined_share
TRANSACTIONS = [
    # (what, transactions per released buyer, rows each writes)
    ("Hold: the seats and the hold row", 1.0, k + 1),
    ("Hold attempts that fail", hold_attempts_per_buyer - 1, partial_match_share * k),
    ("Submit: seats, hold, order, outbox", submitted_share, k + 3),
    ("The payment's ID on the order, from the call's answer", submitted_share, 1.0),
    ("Bank check asked: the order waits on the buyer", action_orders_share, 1.0),
    ("Bank check done: the order marked, outbox", action_orders_share, 2.0),
    ("Confirm: seats, hold, order, tickets, outbox", float(buy_share), 2 * k + 3),
    ("Decline: seats and hold back to held, order, outbox", declined_share, k + 3),
    ("Lapse (sweeper): seats and hold", lapsed_share, k + 1),
    ("Outbox rows deleted by the relay", outbox_rows_share, 1.0),
]
transactions_per_buyer = count(sum(t for _, t, _ in TRANSACTIONS))
rows_per_buyer = count(sum(t * r for _, t, r in TRANSACTIONS))
# Once every seat is claimed, the race for returned seats adds its attempts, nearly all failing, each a
# transaction that writes as a failed attempt does; counted on top, the conservative case.
race_rows_peak = peak(race_hold_attempts_peak * partial_match_share * k)
release_rows_peak = peak(release_rate * rows_per_buyer)
partition_transactions_peak = peak(release_rate * transactions_per_buyer + race_hold_attempts_peak)
partition_rows_peak = peak(release_rows_peak + race_rows_peak)
partition_capacity = throughput(partition_row_writes)
partition_share_used = fraction(partition_rows_peak / partition_capacity)
partition_headroom = times(partition_capacity / partition_rows_peak)
# The waiting room's position counter lives on the show's row: one increment a block of positions, at the
# join peak with the draw's joins taking theirs. Left out of the sums above, as the threshold's advance is.
position_claims_peak = peak(queue_writes_peak / position_block)

# Reads against writes in the on-sale: the waiting room's polls and the maps' requests, against the
# waiting room's joins and positions (each a conditional write in the queue store) and the transactions on the show's
# partition. The joins end before the race for returned seats starts (step 7), so the writes are the
# busier of the two phases: the start's minute, or the race's. Holds start a minute and more after the start
# on average, but the draw may be in place before draw_delay, and a buyer who polls just after it and knows
# its seats holds within seconds, so some holds fall in the start's minute. The releases bound them: a
# released buyer makes one hold, so at most the release rate's holds a second however fast buyers pick,
# and every transaction of the buyers released in the minute at most the first pass's rate (each of those
# buyers' transactions, as if all came at once), counted in the minute's writes on top of the queue store's.
onsale_reads_peak = peak(queue_polls_peak + seat_map_reads_peak)
start_minute_holds_max = peak(release_rate)
first_pass_transactions_peak = peak(release_rate * transactions_per_buyer)
start_minute_writes_peak = peak(queue_writes_peak + first_pass_transactions_peak)
onsale_writes_peak = peak(max(start_minute_writes_peak, partition_transactions_peak))
assert start_minute_writes_peak > partition_transactions_peak, (
    "the race is the busier phase, not the joins' minute that data/examples.yml names"
)
onsale_reads_per_write = times(onsale_reads_peak / onsale_writes_peak)
# A normal day on the same terms: its page views against every transaction its buyers make, the same
# per buyer as in an on-sale (a hold, the failed attempts, a submit and its answers, a confirm, decline or
# lapse, and the relay's deletes).
normal_day_writes = count(purchases_per_day / buy_share * transactions_per_buyer)
normal_day_reads_per_write = times(page_views_per_day / normal_day_writes)

transaction_rows = [(what, count(t), count(r), peak(release_rate * t)) for what, t, r in TRANSACTIONS]

if __name__ != "ticket_booking_data_model":
    for name, fields, indexes, total in [
        ("seats", SEAT, SEAT_INDEXES, seat_row_bytes),
        ("show_prices", SHOW_PRICE, SHOW_PRICE_INDEXES, price_row_bytes),
        ("holds", HOLD, HOLD_INDEXES, hold_row_bytes),
        ("orders", ORDER, ORDER_INDEXES, order_row_bytes),
        ("tickets", TICKET, TICKET_INDEXES, ticket_row_bytes),
    ]:
        rows = [(field, size(b)) for field, b in fields]
        rows.append(("row overhead", row_overhead))
        rows += [(f"index {index}", size(entry_bytes(key))) for index, key in indexes]
        rows.append((f"**a row of {name}, with its index entries**", total))
        print(markdown_table((f"Table {name}", "Bytes"), rows))
        print()
    print(
        markdown_table(
            ("Per released buyer, on the show's partition", "Transactions", "Rows each", "Transactions at the peak"),
            transaction_rows,
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("An order with its tickets", order_record_bytes),
                ("Tickets kept, all shards (the orders' retention)", tickets_kept),
                ("... two sharing a ticket ID among them: one chance in", ticket_id_repeat_one_in),
                ("A stadium show's seat rows", show_seat_bytes),
                ("A queue position (queue store)", queue_position_bytes),
                ("Transactions a released buyer causes", transactions_per_buyer),
                ("Rows a released buyer causes", rows_per_buyer),
                ("Rows a second at the release rate", release_rows_peak),
                ("Rows a second the race's failed attempts write", race_rows_peak),
                ("Rows a second on the show's partition, at the peak", partition_rows_peak),
                ("One shard's row changes a second", partition_capacity),
                ("Share of the shard the on-sale uses", partition_share_used),
                ("Blocks of positions claimed a second on the show's row, join peak", position_claims_peak),
                ("On-sale reads (waiting-room polls, seat maps) at the peak", onsale_reads_peak),
                ("Holds a second in the start's minute, at most: one a released buyer", start_minute_holds_max),
                ("Writes in the start's minute: the queue store's, the first pass's at most", start_minute_writes_peak),
                ("On-sale writes at the peak, the busier phase (the start's minute, or the race)", onsale_writes_peak),
                ("Reads per write", onsale_reads_per_write),
                ("A normal day's reads per write (page views, its buyers' transactions)", normal_day_reads_per_write),
            ],
        )
    )
