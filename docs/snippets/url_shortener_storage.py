"""URL shortener worked example: bytes per link, field by field, and storage over the retention period."""

from url_shortener_assumptions import (
    anonymous_link_share,
    click_copies,
    click_event_bytes,
    daily_rollup_row_bytes,
    distinct_links_clicked_per_day,
    edge_log_line_bytes,
    expiring_share,
    expiry_days_mean,
    length_prefix_bytes,
    link_copies,
    links_created_per_day,
    long_url_bytes,
    minute_row_days,
    owner_id_bytes,
    owner_index_entry_bytes,
    partition_overhead_bytes,
    raw_click_days,
    retention_years,
    standard_log_days,
    status_bytes,
    timestamp_bytes,
)
from url_shortener_keys import key_length
from url_shortener_traffic import redirects_per_day

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    count,
    fraction,
    markdown_table,
    per_day,
    per_second,
    size,
    size_per_day,
)

# The status is three one-byte cells: the owner's flag, the review state (abuse or legal) and the end
# state (deleted or expired). Counted at full size on every link, though a link no one has disabled or
# ended has none of them written.
STATUS_CELLS = 3

# The links table, one row per link. A wide-column store keeps no bytes for a null column, so
# expires_at costs its 8 bytes only on the links that have one, and owner_id only on links with an
# owner. The short key is the partition key, which Cassandra writes with
# a 2-byte length; in the rows that hold it as a clustering column or a cell (an owner's list entry,
# an outbox row) its length is a varint, one byte for a key this short, so it weighs 9 B there.
FIELDS = [
    ("short_key", "key, partition key (2-byte length)", size(key_length + length_prefix_bytes)),
    ("long_url", "the destination", size(long_url_bytes + length_prefix_bytes)),
    (
        "owner_id",
        f"who made it; null for anonymous links ({anonymous_link_share} of links)",
        size(owner_id_bytes * (1 - anonymous_link_share)),
    ),
    ("created_at", "when", timestamp_bytes),
    ("expires_at", f"null unless set ({expiring_share} of links)", size(timestamp_bytes * expiring_share)),
    (
        "owner_state, review_state, end_state",
        "three status cells (step 4), counted at full size",
        size(STATUS_CELLS * status_bytes),
    ),
    ("(partition overhead)", "the store's own metadata: a link is a partition", partition_overhead_bytes),
]
link_record_bytes = size(sum(field[2] for field in FIELDS))
link_field_bytes = size(link_record_bytes - partition_overhead_bytes)
# Anonymous links have no owner, so no entry in an owner's list: the entry, averaged over all links.
owner_index_bytes_per_link = size(owner_index_entry_bytes * (1 - anonymous_link_share))
bytes_per_link = size(link_record_bytes + owner_index_bytes_per_link)
# Replicas a quorum read or write waits for: a majority of the copies.
quorum_replicas = count(int(link_copies) // 2 + 1)
# An ended link keeps its row as a tombstone: key, owner, times and status stay, the destination goes.
# An expiry needs an account (step 3), so an expired link always has an owner and an expires_at:
# both at full size, not the averages over all links.
destination_bytes = FIELDS[1][2]
# The destination's share of the record: what compressing it could save most on.
destination_share = fraction(destination_bytes / link_record_bytes)
tombstone_bytes = size(
    link_record_bytes - destination_bytes - FIELDS[2][2] + owner_id_bytes - FIELDS[4][2] + timestamp_bytes
)

link_bytes_per_day = size_per_day(links_created_per_day * bytes_per_link)
links_over_retention_days = DAYS_PER_YEAR * retention_years
# Expired links shrink to a tombstone once clean-up has run; the owner's index keeps its entry. Those
# created in the mean time to expiry before the horizon have not expired yet (as the expiry index
# counts them, step 4).
expired_savings_per_day = size_per_day(links_created_per_day * expiring_share * destination_bytes)
link_bytes_total_one_copy = size(
    link_bytes_per_day * links_over_retention_days
    - expired_savings_per_day * (links_over_retention_days - expiry_days_mean)
)
link_bytes_total = size(link_bytes_total_one_copy * link_copies)
# What the estimator's simpler model counts: the record only, no index, no clean-up.
record_bytes_total = size(links_created_per_day * link_record_bytes * links_over_retention_days * link_copies)

# Clean-up: in steady state as many links expire each day as are created with an expiry.
expirations_per_day = per_day(links_created_per_day * expiring_share)
expirations_per_second = per_second(expirations_per_day / SECONDS_PER_DAY)
# The same work done in one hour a night instead of paced through the day.
expirations_per_second_in_one_hour = per_second(expirations_per_day / SECONDS_PER_HOUR)

# Clicks: raw events for a few months, then daily counts per link kept as long as the link. Raw
# events live in managed object storage, counted once: it keeps its own copies across zones, inside
# its price. The daily counts live in the analytics store, one copy per zone, and in nightly exports
# of each closed day to object storage (step 4), counted once too.
click_bytes_per_day = size_per_day(redirects_per_day * click_event_bytes)
raw_click_bytes = size(click_bytes_per_day * raw_click_days)
rollup_bytes_per_day = size_per_day(distinct_links_clicked_per_day * daily_rollup_row_bytes)
rollup_bytes_total_one_copy = size(rollup_bytes_per_day * links_over_retention_days)
rollup_bytes_total = size(rollup_bytes_total_one_copy * click_copies)
# The analytics store's minute rows (step 6): at most one a click, each priced as a daily row.
minute_rows_per_day_max = per_day(redirects_per_day)
minute_row_bytes_total = size(minute_rows_per_day_max * daily_rollup_row_bytes * minute_row_days * click_copies)
# What the analytics store's disks hold, every copy.
analytics_bytes_total = size(rollup_bytes_total + minute_row_bytes_total)
daily_count_export_bytes = size(rollup_bytes_per_day * links_over_retention_days)
# The CDN's standard logs, one line a request like its real-time stream, kept a few days for the
# recount's backfill, in object storage (counted once, as the raw events are).
standard_log_bytes_per_day = size_per_day(redirects_per_day * edge_log_line_bytes)
standard_log_bytes = size(standard_log_bytes_per_day * standard_log_days)

# Links and clicks. The small stores on the link store's disks sit in the room the links leave free
# (url_shortener_partitioning).
storage_total = size(
    link_bytes_total + raw_click_bytes + analytics_bytes_total + daily_count_export_bytes + standard_log_bytes
)

if __name__ != "url_shortener_storage":
    print(
        markdown_table(
            ("Field", "What", "Bytes"),
            [
                *FIELDS,
                ("**Link record**", "", link_record_bytes),
                ("Tombstone of an expired link", "", tombstone_bytes),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Store", "Per day, one copy", f"Over {retention_years} years, all copies we keep"),
            [
                ("Links and 'my links' index", link_bytes_per_day, link_bytes_total),
                (f"Raw click events ({raw_click_days} days, object storage)", click_bytes_per_day, raw_click_bytes),
                (
                    "Daily click counts per link, and nightly exports",
                    rollup_bytes_per_day,
                    size(rollup_bytes_total + daily_count_export_bytes),
                ),
                (
                    f"Minute counts, at most one a click ({minute_row_days} days)",
                    size_per_day(minute_rows_per_day_max * daily_rollup_row_bytes),
                    minute_row_bytes_total,
                ),
                (
                    f"CDN standard logs ({standard_log_days} days, object storage)",
                    standard_log_bytes_per_day,
                    standard_log_bytes,
                ),
                ("**Total, links and clicks**", "", storage_total),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Clean-up", "Value"),
            [
                ("Links expiring a day", expirations_per_day),
                ("... a second, paced through the day", expirations_per_second),
                ("... a second, if done in one hour", expirations_per_second_in_one_hour),
            ],
        )
    )
