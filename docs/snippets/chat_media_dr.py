"""Chat service worked example: the month of media when the region is lost, replicated or not (step 1).

Media is not in the backups: it lives a month in the region's object store. (a) Replicate each upload to
the second region, counted the DR page's way: each day's media crosses once, billed by the sending region
at the inter-region price a GB (2^30 bytes) over the site's month for bills, and the second region keeps
the month's media, billed on its data bytes at S3 Standard's bulk price (the data lifecycle page's; the
store's redundancy is in the price); request fees come on top. (b) Keep one copy: a region loss takes at
most the month of media, the originals of a month's media messages.
"""

from chat_assumptions import media_retention_days
from chat_storage import media_bytes_per_day
from chat_traffic import media_share, messages_per_day
from concept_dr_assumptions import INTER_REGION_PRICE_PER_GB
from concept_life_assumptions import STANDARD_PRICE_BULK

from sdw.estimation import SECONDS_PER_DAY, SECONDS_PER_MONTH, GiB, bandwidth, count, markdown_table, size

BILL_DAYS = SECONDS_PER_MONTH / SECONDS_PER_DAY
media_replication_rate = bandwidth(media_bytes_per_day / SECONDS_PER_DAY)
media_replica_bytes = size(media_bytes_per_day * media_retention_days)
media_replication_transfer_bill = count(media_bytes_per_day * BILL_DAYS / GiB * INTER_REGION_PRICE_PER_GB)
media_replica_storage_bill = count(media_replica_bytes / GiB * STANDARD_PRICE_BULK)
media_replication_bill = count(media_replication_transfer_bill + media_replica_storage_bill)
media_replication_bill_per_year = count(media_replication_bill * 12)
media_lost_objects_at_most = count(messages_per_day * media_share * media_retention_days)

if __name__ != "chat_media_dr":
    print(
        markdown_table(
            ("Media and the region's loss", "Value"),
            [
                ("(a) Replicated: every upload sent to the second region, on average", media_replication_rate),
                (f"... the copy kept there ({media_retention_days} days, its data bytes)", media_replica_bytes),
                (f"... transfer, dollars a month at {INTER_REGION_PRICE_PER_GB} a GB", media_replication_transfer_bill),
                (f"... storage, dollars a month at {STANDARD_PRICE_BULK} a GB-month", media_replica_storage_bill),
                ("... both, dollars a month (request fees on top)", media_replication_bill),
                ("... dollars a year", media_replication_bill_per_year),
                (
                    "(b) One copy: media objects (photos, videos, voice notes, files) a region loss takes, at most",
                    media_lost_objects_at_most,
                ),
            ],
        )
    )
