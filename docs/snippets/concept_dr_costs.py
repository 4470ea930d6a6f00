"""Concepts, multi-region and disaster recovery: what the second region costs in transfer and in
latency, and how long a restore takes.

Transfer: every byte written is sent to each other region once (N - 1 copies out), billed by the
sending region at the inter-region price, over a 30-day month. The Twitter example's text rows, and
its media originals, which the example does not replicate.

Latency: a write acknowledged only once another region has it waits one round trip there, Dean's
California-Netherlands figure across an ocean, against the example's post target; and writes that
must follow each other on one key (each waits for the last) get at most 1 / round trip a second.

Restore: each server writes its own share of the data from the snapshot, all in parallel, so the
restore takes the bytes a server holds / what one server can write (the URL shortener's link store).
"""

from concept_dr_assumptions import (
    INTER_REGION_PRICE_PER_GB,
    media_original_bytes,
    ocean_round_trip,
    post_target,
    restore_bytes_per_server,
    restore_rate_per_server,
    restore_servers,
    text_write_bytes,
)
from reference_availability import SLO_WINDOW

from sdw.estimation import GB, count, duration, fraction, markdown_table, per_second, size, throughput


def monthly_bill(bytes_per_second: float, regions: int = 2) -> float:
    """US dollars a 30-day month to send each byte written to the other regions."""
    return bytes_per_second * SLO_WINDOW * (regions - 1) / GB * INTER_REGION_PRICE_PER_GB


text_bytes_per_month = size(text_write_bytes * SLO_WINDOW)
text_bill = count(monthly_bill(text_write_bytes))
text_bill_three = count(monthly_bill(text_write_bytes, 3))
media_bytes_per_month = size(media_original_bytes * SLO_WINDOW)
media_bill = count(monthly_bill(media_original_bytes))
media_over_text = count(media_original_bytes / text_write_bytes)

sync_write_added = duration(ocean_round_trip)
sync_share_of_post_target = fraction(ocean_round_trip / post_target)
serial_writes_per_key = per_second(1 / ocean_round_trip)

restore_time = duration(restore_bytes_per_server / restore_rate_per_server)
restore_total_bytes = size(restore_bytes_per_server * restore_servers)
restore_aggregate_rate = throughput(restore_rate_per_server * restore_servers, "B/s")

if __name__ != "concept_dr_costs":
    print(
        markdown_table(
            ("Replicated to another region", "Written a month", "Two regions, dollars a month", "Three regions"),
            [
                ("Text rows", text_bytes_per_month, text_bill, text_bill_three),
                ("Media originals", media_bytes_per_month, media_bill, count(monthly_bill(media_original_bytes, 3))),
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
                ("Restore time", restore_time),
            ],
        )
    )
