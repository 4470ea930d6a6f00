"""Ticket booking worked example: orders, tickets, holds and seats, a year and over retention, with
every copy (three zones of the home region and three of the standby region), and the shards they fill."""

from ticket_booking_assumptions import (
    backup_retention_days,
    buy_share,
    copies,
    order_retention_years,
    queue_accounts,
    seat_retention_years,
    seats_sold_share,
    shard_bytes,
    standby_copies,
    tickets_per_year,
)
from ticket_booking_data_model import (
    hold_row_bytes,
    order_record_bytes,
    order_row_bytes,
    queue_position_bytes,
    rows_per_buyer,
    seat_row_bytes,
)
from ticket_booking_traffic import pre_start_joiners, purchases_per_day

from sdw.estimation import DAYS_PER_YEAR, count, fraction, markdown_table, size, size_per_day, times, whole_up

record_copies = times(copies + standby_copies)

# Orders and their tickets: kept for years. The model counts purchases; a declined order's row is kept
# too, a twentieth more, and left out.
orders_per_year = count(purchases_per_day * DAYS_PER_YEAR)
order_bytes_per_day = size_per_day(purchases_per_day * order_record_bytes)
order_bytes_per_year = size(order_bytes_per_day * DAYS_PER_YEAR)
order_bytes_total = size(order_bytes_per_day * DAYS_PER_YEAR * order_retention_years * record_copies)

# Seats and holds: every seat put on sale in a year, and a hold for each order (lapsed holds add more
# rows; a hold row is small beside the seats). Kept until the show has played.
seats_per_year = count(tickets_per_year / seats_sold_share)
seat_bytes_per_year = size(seats_per_year * seat_row_bytes + orders_per_year * hold_row_bytes)
seat_bytes_total = size(seat_bytes_per_year * seat_retention_years * record_copies)

storage_total = size(order_bytes_total + seat_bytes_total)
one_copy_bytes = size(storage_total / record_copies)
shards = count(whole_up(one_copy_bytes / shard_bytes))

# Backups, against a bad change the replicas copy: each shard's base backup daily and its WAL archived
# continuously to object storage in the standby region, both kept backup_retention_days, so a shard can be
# restored to any moment in them. Each base backup is counted as a full copy (incremental ones would hold
# less). The WAL is the normal day's row changes, a released buyer's rows (step 4) for every buyer, each
# logged at the largest row's bytes, an order's with its index entries; the whole pages PostgreSQL logs after
# each checkpoint add to it, and even several times as much leaves the WAL a small part of the backups.
buyers_per_day = count(purchases_per_day / buy_share)
wal_bytes_per_day = size_per_day(buyers_per_day * rows_per_buyer * order_row_bytes)
backup_bytes = size(one_copy_bytes * backup_retention_days + wal_bytes_per_day * backup_retention_days)
wal_share_of_backups = fraction(wal_bytes_per_day * backup_retention_days / backup_bytes)

# A waiting room's positions, in the queue store, for one hot show.
queue_bytes_one_show = size(queue_accounts * queue_position_bytes)
# The draw at the start: each pre-start joiner's HMAC over (draw, show, draw number, account), cut to an 8-byte prefix,
# sorted; a position is a prefix's rank. Written once to the show's row on its shard, by a conditional
# statement, it reaches the standby region with the shard.
DRAW_PREFIX_BYTES = 8
draw_list_bytes = size(pre_start_joiners * DRAW_PREFIX_BYTES)


if __name__ != "ticket_booking_storage":
    print(
        markdown_table(
            ("Records", "A year, one copy", "Kept (years)", "All copies over retention"),
            [
                ("Orders with their tickets", order_bytes_per_year, order_retention_years, order_bytes_total),
                ("Seats and holds", seat_bytes_per_year, seat_retention_years, seat_bytes_total),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Orders a year", orders_per_year),
                ("Seats on sale a year", seats_per_year),
                ("Copies of each record (home and standby regions)", record_copies),
                ("Storage over retention, all copies", storage_total),
                ("One copy", one_copy_bytes),
                ("Relational shards by bytes", shards),
                ("WAL a day, the normal day's row changes", wal_bytes_per_day),
                (f"Backups: a base backup a day and the WAL, kept {backup_retention_days} days", backup_bytes),
                ("... of which WAL", wal_share_of_backups),
                ("One hot show's queue positions", queue_bytes_one_show),
                ("... its draw at the start, a sorted list of prefixes", draw_list_bytes),
            ],
        )
    )
