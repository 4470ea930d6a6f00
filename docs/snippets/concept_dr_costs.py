"""Concepts, multi-region and disaster recovery: what the second region costs in transfer and in
latency, and how long a restore takes.

Transfer: every byte written is sent to each other region once (N - 1 copies out), billed by the
sending region at the inter-region price (a GB billed as 2^30 bytes), over an average month, a twelfth
of a year (sdw.estimation's SECONDS_PER_MONTH, the site's month for bills). What the
Twitter example ships (its step 7): the event log's mirror and the media rows' binary logs,
continuously, and a daily snapshot of every zone's servers of the wide-column store and one copy of the
databases, incremental (the files written since the last, and each week the tables the weekly garbage
collection rewrote, every copy) or in full; a daily snapshot of one timeline-cache copy, sent whole, two
kept there at S3 Standard's bulk price (twitter_restore bills the example's with these figures); and, as
an extra
it does not pay, its media originals, whose second copy would also be stored there, on the data
lifecycle page's plan (30 days in S3 Standard, then Glacier Instant Retrieval, with a transition fee
an object), or, as a bound, all at S3 Standard's bulk price. A managed store that replicates for you
bills the same bytes and more: DynamoDB global tables charge each replica region for the replicated
writes.

Latency: a write acknowledged only once another region has it waits one round trip there, Dean's
California-Netherlands figure across an ocean, against the example's post target; and writes that
must follow each other on one key (each waits for the last) get at most 1 / round trip a second.

Restore: each server writes its own share of the data from the snapshot, all in parallel, so the
restore takes the bytes a server holds / what one server can write (the URL shortener's link store).
One copy first is sooner only when that copy is spread over every server, as a bulk load at
replication factor 1 spreads it (a third of each server's bytes, at the same rate if the load keeps
it); copying each server's own files back cannot, since each holds its zone's copy of its ranges.
"""

from concept_dr_assumptions import (
    COLLECTED_BYTES,
    INTER_REGION_PRICE_PER_GB,
    SNAPSHOT_FULL_BYTES,
    SNAPSHOT_INCREMENT_BYTES,
    log_mirror_bytes,
    media_original_bytes,
    ocean_round_trip,
    post_target,
    restore_bytes_per_server,
    restore_rate_per_server,
    restore_servers,
    text_write_bytes,
    timeline_snapshot_bytes,
)
from concept_life_assumptions import IR_TRANSITION, STANDARD_PRICE_BULK
from concept_life_tiers import direct_storage, photo_original_day, photos_per_day, video_source_day, videos_per_day
from twitter_assumptions import collection_period_days
from twitter_storage import days_kept
from url_shortener_assumptions import link_copies

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_MONTH,
    GiB,
    count,
    duration,
    fraction,
    markdown_table,
    per_second,
    size,
    size_per_day,
    throughput,
    times,
)


def monthly_bill(bytes_per_second: float, regions: int = 2) -> float:
    """US dollars an average month to send each byte written to the other regions, billed per GB of 2^30
    bytes: the powers-of-two page's rule for cloud bills (AWS's S3 FAQs count a GB so)."""
    return bytes_per_second * SECONDS_PER_MONTH * (regions - 1) / GiB * INTER_REGION_PRICE_PER_GB


BILL_DAYS = SECONDS_PER_MONTH / SECONDS_PER_DAY  # an average month's days, 30.4: the site's month for bills
shipped_bytes_per_month = size(log_mirror_bytes * SECONDS_PER_MONTH)
shipped_bill = count(monthly_bill(log_mirror_bytes))
snapshot_increment_per_month = size(SNAPSHOT_INCREMENT_BYTES * BILL_DAYS)
snapshot_increment_bill = count(monthly_bill(SNAPSHOT_INCREMENT_BYTES / SECONDS_PER_DAY))
snapshot_full_per_month = size(SNAPSHOT_FULL_BYTES * BILL_DAYS)
snapshot_full_bill = count(monthly_bill(SNAPSHOT_FULL_BYTES / SECONDS_PER_DAY))
GC_PERIOD_DAYS = float(collection_period_days)  # the weekly garbage collection rewrites the collected tables' files
snapshot_reship_per_month = size(COLLECTED_BYTES * BILL_DAYS / GC_PERIOD_DAYS)
snapshot_reship_bill = count(monthly_bill(COLLECTED_BYTES / GC_PERIOD_DAYS / SECONDS_PER_DAY))
# The home timelines' daily snapshot: one timeline-cache copy sent whole each day, and the last two kept.
TIMELINE_SNAPSHOT_BYTES = float(timeline_snapshot_bytes)
timeline_snapshot_per_month = size(TIMELINE_SNAPSHOT_BYTES * BILL_DAYS)
timeline_snapshot_transfer_bill = count(monthly_bill(TIMELINE_SNAPSHOT_BYTES / SECONDS_PER_DAY))
timeline_snapshot_storage_bill = count(2 * TIMELINE_SNAPSHOT_BYTES / GiB * STANDARD_PRICE_BULK)
# What the example pays the second region for its copies: what it sends, and the timeline snapshots kept there.
ships_bill = count(
    shipped_bill
    + snapshot_increment_bill
    + snapshot_reship_bill
    + timeline_snapshot_transfer_bill
    + timeline_snapshot_storage_bill
)
# What the incremental snapshots ship a day on average: the day's increment and the weekly re-ship of
# the collected tables spread over its week; a full copy a day is compared with that.
SHIPPED_SNAPSHOT_BYTES_PER_DAY = SNAPSHOT_INCREMENT_BYTES + COLLECTED_BYTES / GC_PERIOD_DAYS
snapshot_shipped_per_day = size_per_day(SHIPPED_SNAPSHOT_BYTES_PER_DAY)
full_over_increment = times(SNAPSHOT_FULL_BYTES / SHIPPED_SNAPSHOT_BYTES_PER_DAY)
text_bytes_per_month = size(text_write_bytes * SECONDS_PER_MONTH)
text_bill = count(monthly_bill(text_write_bytes))
text_bill_three = count(monthly_bill(text_write_bytes, 3))
media_bytes_per_month = size(media_original_bytes * SECONDS_PER_MONTH)
media_bill = count(monthly_bill(media_original_bytes))
media_over_text = count(media_original_bytes / text_write_bytes)
# Storing a second copy of the originals kept over the horizon, on the data lifecycle page's one-move
# plan (30 days in Standard, then Glacier Instant Retrieval, a transition fee per object each month's
# uploads), and, as a bound, all at S3 Standard's bulk price: why media stays in one region.
MEDIA_ORIGINALS_STORED = float(media_original_bytes) * float(days_kept) * SECONDS_PER_DAY
assert abs((photo_original_day + video_source_day) * float(days_kept) - MEDIA_ORIGINALS_STORED) < 1e6
media_originals_stored = size(MEDIA_ORIGINALS_STORED)
media_copy_storage_bill = count(MEDIA_ORIGINALS_STORED / GiB * STANDARD_PRICE_BULK)
media_copy_tiered_transitions = count((photos_per_day + videos_per_day) * BILL_DAYS * IR_TRANSITION)
media_copy_tiered_bill = count(direct_storage(photo_original_day + video_source_day) + media_copy_tiered_transitions)

sync_write_added = duration(ocean_round_trip)
sync_share_of_post_target = fraction(ocean_round_trip / post_target)
serial_writes_per_key = per_second(1 / ocean_round_trip)

restore_time = duration(restore_bytes_per_server / restore_rate_per_server)
restore_bytes_one_copy_per_server = size(restore_bytes_per_server / link_copies)
restore_time_one_copy = duration(restore_bytes_one_copy_per_server / restore_rate_per_server)
restore_total_bytes = size(restore_bytes_per_server * restore_servers)
restore_aggregate_rate = throughput(restore_rate_per_server * restore_servers, "B/s")

if __name__ != "concept_dr_costs":
    print(
        markdown_table(
            ("Sent to another region", "Sent a month", "Two regions, dollars a month", "Three regions"),
            [
                ("Events mirrored, media rows' binary logs", shipped_bytes_per_month, shipped_bill, ""),
                ("Daily snapshots, incremental", snapshot_increment_per_month, snapshot_increment_bill, ""),
                (
                    "Snapshots after the weekly garbage collection: the collected tables again",
                    snapshot_reship_per_month,
                    snapshot_reship_bill,
                    "",
                ),
                (
                    "A timeline-cache copy, whole each day",
                    timeline_snapshot_per_month,
                    timeline_snapshot_transfer_bill,
                    "",
                ),
                ("... the last two kept there (stored, not sent)", "", timeline_snapshot_storage_bill, ""),
                ("Daily snapshots, in full each day", snapshot_full_per_month, snapshot_full_bill, ""),
                ("Text rows, if replicated row by row instead", text_bytes_per_month, text_bill, text_bill_three),
                (
                    "Media originals (not shipped)",
                    media_bytes_per_month,
                    media_bill,
                    count(monthly_bill(media_original_bytes, 3)),
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("A write that waits for a region across an ocean", "Value"),
            [
                ("Added to every write", sync_write_added),
                ("... as a share of the post target", sync_share_of_post_target),
                ("Writes a second one after another on one key, at most", serial_writes_per_key),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Restoring the link store", "Value"),
            [
                ("Servers, each writing its share", restore_servers),
                ("Bytes in all", restore_total_bytes),
                ("Written together", restore_aggregate_rate),
                ("Restore time by file copy, every copy", restore_time),
                (
                    "One copy spread over every server (a load at replication factor 1): bytes a server",
                    restore_bytes_one_copy_per_server,
                ),
                ("... time, if the load keeps the same rate", restore_time_one_copy),
            ],
        )
    )
