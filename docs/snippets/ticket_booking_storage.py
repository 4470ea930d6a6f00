"""Ticket booking worked example: orders, tickets, holds and seats, a year and over retention, with
every copy (three zones of the home region and three of the standby region), and the shards they fill."""

import math

from ticket_booking_assumptions import (
    backup_retention_days,
    buy_share,
    checkpoint_completion_target,
    checkpoint_timeout,
    copies,
    decline_share,
    full_backup_interval_days,
    order_retention_years,
    peak_to_average,
    queue_accounts,
    seat_retention_years,
    seats_sold_share,
    shard_bytes,
    standby_copies,
    tickets_per_order,
    tickets_per_year,
)
from ticket_booking_data_model import (
    ORDER_INDEXES,
    hold_row_bytes,
    order_record_bytes,
    order_row_bytes,
    queue_position_bytes,
    rows_per_buyer,
    seat_row_bytes,
    tickets_kept,
)
from ticket_booking_traffic import pre_start_joiners, purchases_per_day

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    count,
    duration,
    fraction,
    markdown_table,
    size,
    size_per_day,
    times,
    whole_up,
)

record_copies = times(copies + standby_copies)

# Orders and their tickets: kept for years. The model counts purchases; a declined order's row is kept
# too, a twentieth more, and left out.
orders_per_year = count(purchases_per_day * DAYS_PER_YEAR)
order_bytes_per_day = size_per_day(purchases_per_day * order_record_bytes)
order_bytes_per_year = size(order_bytes_per_day * DAYS_PER_YEAR)
order_bytes_total = size(order_bytes_per_day * DAYS_PER_YEAR * order_retention_years * record_copies)

# Seats and holds: every seat put on sale in a year, and a hold for every buyer who holds, bought or lapsed
# (step 4's released buyer holds once, and buys with the chance buy_share). Kept until the show has played.
buyers_per_day = count(purchases_per_day / buy_share)
seats_per_year = count(tickets_per_year / seats_sold_share)
seat_bytes_per_year = size(seats_per_year * seat_row_bytes + buyers_per_day * DAYS_PER_YEAR * hold_row_bytes)
seat_bytes_total = size(seat_bytes_per_year * seat_retention_years * record_copies)

storage_total = size(order_bytes_total + seat_bytes_total)
one_copy_bytes = size(storage_total / record_copies)
shards = count(whole_up(one_copy_bytes / shard_bytes))
# Why the ticket ID is 16 bytes (step 4): with 8, the chance that two tickets kept on one shard share an ID,
# the birthday bound 1 - exp(-n(n - 1) / 2 / 2^64) over n = tickets_kept / shards.
tickets_kept_per_shard = count(tickets_kept / shards)
short_ticket_id_repeat_chance = fraction(
    -math.expm1(-tickets_kept_per_shard * (tickets_kept_per_shard - 1) / 2 / 2**64)
)

# Backups, against a bad change the replicas copy (step 5's decision): each shard's WAL archived a segment at
# a time (within about archive_timeout) and a full backup every full_backup_interval_days, to object storage in the
# standby region, with pgBackRest's time-based retention of backup_retention_days, which keeps the one full
# before them, so a shard can be restored to any moment in them. Daily fulls, the option not taken, for
# comparison.
fulls_kept = count(whole_up(backup_retention_days / full_backup_interval_days) + 1)
# pgBackRest keeps the archived WAL of every backup not expired, so the WAL from that oldest full on: it is up
# to a full interval older than the window just before the next full, so the WAL kept spans that much more.
wal_days_kept = count(backup_retention_days + full_backup_interval_days)
# The WAL: the normal day's row changes, a released buyer's rows (step 4) for every buyer, each logged at the
# largest row's bytes, an order's with its index entries.
row_changes_per_day = count(buyers_per_day * rows_per_buyer)
row_wal_bytes_per_day = size_per_day(row_changes_per_day * order_row_bytes)
# With full_page_writes on, the first change to a page after a checkpoint logs the whole 8 KB page. The
# estimate, one image for each page a row change touches: every row change on pages of its own, its heap page
# and one for each index entry of the most indexed row (an order's), each logged whole. Vacuum's pruning and
# freezing, hint bits (with checksums on) and index page splits log images too, which that spread far
# outweighs. wal_compression = lz4 makes the images smaller and checkpoint_timeout lets a page changed again
# before the next checkpoint log none; the estimate counts neither.
PG_PAGE_BYTES = 8192
pages_per_row_change = count(1 + len(ORDER_INDEXES))
page_images_per_day = count(row_changes_per_day * pages_per_row_change)
page_image_bytes_per_day = size_per_day(page_images_per_day * PG_PAGE_BYTES)
wal_bytes_per_day = size_per_day(row_wal_bytes_per_day + page_image_bytes_per_day)
# A floor under the images, with no spread assumed: holds, orders and tickets have random IDs (step 4), and a
# day's buyers are spread over millions of accounts, so an insert into an index whose key starts with one of
# these lands on a leaf of a large index that nothing else changed in the checkpoint's span, and logs it
# whole. An order (declined ones too) in its primary key, its (hold_id, attempt) and its (account_id,
# created_at); a ticket in its primary key; an order's tickets once in their (order_id); a hold in its
# primary key. The indexes that start with the show (a hot show's entries share its leaves) are left out.
ORDER_RANDOM_KEY_INDEXES = ("primary key (order_id)", "unique (hold_id, attempt)", "(account_id, created_at)")
random_key_images_per_day = count(
    purchases_per_day / (1 - decline_share) * len(ORDER_RANDOM_KEY_INDEXES)
    + purchases_per_day * tickets_per_order
    + purchases_per_day
    + buyers_per_day
)
random_key_image_bytes_per_day = size_per_day(random_key_images_per_day * PG_PAGE_BYTES)
# The WAL the backups are sized from: the rows and those images, uncompressed (lz4 and the page's hole left
# out make them smaller).
backup_wal_bytes_per_day = size_per_day(row_wal_bytes_per_day + random_key_image_bytes_per_day)
# What one shard writes in a checkpoint_timeout at that estimate, at the day's average and in the busy hour.
# PostgreSQL starts a checkpoint once max_wal_size / (1 + checkpoint_completion_target) of WAL is written, so
# max_wal_size is raised above the busy hour's span times (1 + the target), and the timeout, not the WAL's
# size, starts checkpoints even then (the default max_wal_size is 1 GB). A hot show's on-sale is left out:
# its row changes fall mostly on the show's seat pages, each logged whole once a checkpoint.
checkpoint_span_wal_bytes = size(wal_bytes_per_day / shards / SECONDS_PER_DAY * checkpoint_timeout)
checkpoint_span_wal_bytes_busy = size(checkpoint_span_wal_bytes * peak_to_average)
max_wal_size_floor = size(checkpoint_span_wal_bytes_busy * (1 + checkpoint_completion_target))
backup_bytes = size(one_copy_bytes * fulls_kept + backup_wal_bytes_per_day * wal_days_kept)
backup_bytes_bound = size(one_copy_bytes * fulls_kept + wal_bytes_per_day * wal_days_kept)
# Daily fulls under the same retention keep a full a day and the one before them, and the WAL from it on: as
# many days of WAL as fulls.
daily_fulls_kept = count(backup_retention_days + 1)
daily_full_backup_bytes = size(one_copy_bytes * daily_fulls_kept + backup_wal_bytes_per_day * daily_fulls_kept)
# PostgreSQL archives a segment once full: the rows alone fill one a shard this seldom, so archive_timeout
# switches one sooner and WAL written is archived within about that timeout.
wal_segment_bytes = size(16 * 2**20)  # PostgreSQL's default, 16 MiB
segment_fill_rows = duration(wal_segment_bytes / (row_wal_bytes_per_day / shards / SECONDS_PER_DAY))

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
                ("Tickets kept on one shard", tickets_kept_per_shard),
                ("... two sharing an 8-byte ID among them: the chance", short_ticket_id_repeat_chance),
                ("Row changes a day, the normal day", row_changes_per_day),
                ("WAL a day, the rows", row_wal_bytes_per_day),
                ("Full-page images a day, one a page touched", page_images_per_day),
                ("... their bytes, uncompressed", page_image_bytes_per_day),
                ("WAL a day, with those images", wal_bytes_per_day),
                ("... a shard's in a checkpoint_timeout", checkpoint_span_wal_bytes),
                ("... a shard's in a checkpoint_timeout of the busy hour", checkpoint_span_wal_bytes_busy),
                ("... times (1 + checkpoint_completion_target): max_wal_size above this", max_wal_size_floor),
                ("Full-page images a day, one an insert into an index on a random key", random_key_images_per_day),
                ("... their bytes, uncompressed", random_key_image_bytes_per_day),
                ("WAL a day, the rows and those images", backup_wal_bytes_per_day),
                ("A WAL segment", wal_segment_bytes),
                ("A shard's rows fill a WAL segment every", segment_fill_rows),
                ("Days of WAL kept, from the oldest full on", wal_days_kept),
                (f"Backups: weekly fulls ({fulls_kept} kept) and the WAL, rows and random-key images", backup_bytes),
                ("... with an image for every page a row change touches", backup_bytes_bound),
                (f"Daily fulls ({daily_fulls_kept} kept) and that WAL (not chosen)", daily_full_backup_bytes),
                ("One hot show's queue positions", queue_bytes_one_show),
                ("... its draw at the start, a sorted list of prefixes", draw_list_bytes),
            ],
        )
    )
