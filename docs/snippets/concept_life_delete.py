"""Concepts, data lifecycle: what deleting costs, by rows or by whole partitions, and what each way
of getting a deletion out of the backups costs, at the Twitter example's scale.

Rows or partitions. A table that keeps the Twitter example's tweet-created events for a window and
deletes them row by row writes one tombstone per row, tweets a day every day, and each tombstone
stays on disk for gc_grace_seconds; kept in a table partitioned by day, the same retention is one
partition dropped a day, and nothing is left to compact.

Backups. Waiting for backups to age out: a purged cell stays in the primary's files until compaction
rewrites them, and every incremental snapshot taken until then copies those files again. So the
erasure reaches the last copy after the purge (PURGE_DAYS), then the time until the primary's files
no longer hold the data (GC_DAYS: the weekly cell-level garbage collection the Twitter example runs
on its tweet table, made a rule for every table that holds personal data), then the snapshots'
retention (BACKUP_RETENTION_DAYS, daily snapshots). It must fit inside the GDPR's month at its
shortest, 28 days. Rewriting the backups instead means reading and writing every retained snapshot
again, once a day for the day's requests; the deletion then leaves the backups once it has left the
primary's files, after the purge and the collection, whatever the retention. Each snapshot is
logically complete and shares the files that did not change with the one before
(concept_dr_assumptions); the weekly collection rewrites every file of each table it runs on, so the
snapshot after it holds those tables anew. The retained set is one full snapshot, an increment for
each further day kept, and the collected tables again (the wide-column store, every zone's copy, as
the snapshots take) for each week kept. The longest retention the deadline allows is the month less
the purge and the collection; the Twitter example keeps 14 days, inside it.

Crypto-shredding. Each user's data is encrypted under a key of the user's own; destroying the key
makes every copy unreadable, backups included. As KMS keys, one per registered user, the bill is a
dollar a key-month and the count passes KMS's default quota many times. As data keys in a table of
their own (each wrapped by one KMS key), the table holds a row a user in three copies, and a service
unwraps a user's key through KMS once a day for each daily active user, the keys it reads held in
memory for the day. That count fits the case the Twitter example builds, only the Email encrypted:
the system unwraps a user's own key when it mails them or they open their settings. Were every
tweet encrypted, each read would need its author's key: distinct authors read a day times the
instances caching keys independently, or a shared key cache; no figure is given for that here. At
the busy hour the rate is the example's peak-to-average factor times the average, against KMS's
shared request quota for the region. The key table is small, so it is collected daily and
snapshotted hourly (incrementally), its snapshots kept three days: a destroyed key leaves every copy
within the purge, a day's collection and those three days. A KMS key per user would instead wait out
ScheduleKeyDeletion's 7 to 30 days after the purge. The retained set's storage is priced at S3
Standard's bulk price (the Twitter example's scale), the object store the snapshots go to. The unwrap
calls' bill is for a month of a twelfth of a year (SECONDS_PER_MONTH), the site's month for bills.

The key table's size, and the Twitter example's 14 days of snapshots, come from the example
(twitter_stores, twitter_assumptions), which counts the key table in its wide-column store.
"""

from concept_dr_assumptions import COLLECTED_BYTES, SNAPSHOT_FULL_BYTES, SNAPSHOT_INCREMENT_BYTES
from concept_life_assumptions import (
    DEADLINE_MONTH_DAYS,
    KMS_CRYPTO_QUOTA,
    KMS_CRYPTO_QUOTA_SMALL,
    KMS_KEY_MONTH,
    KMS_KEY_QUOTA,
    KMS_REQUEST,
    STANDARD_PRICE_BULK,
    gc_grace,
    gdpr_answer_within,
    kms_deletion_max,
    kms_deletion_min,
)
from twitter_assumptions import (
    backup_retention_days,
    collection_period_days,
    daily_active_users,
    peak_to_average,
    registered_users,
    text_copies,
    tweets_per_day,
)
from twitter_stores import user_key_bytes_total

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_MONTH,
    GiB,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    size,
    size_per_day,
    times,
)

BACKUP_RETENTION_DAYS = float(backup_retention_days)  # daily snapshots kept two weeks (the Twitter example)
PURGE_DAYS = 1  # the purge of one user's rows finishes within a day
GC_DAYS = float(
    collection_period_days
)  # weekly cell-level garbage collection rewrites every file holding a purged cell
KEY_GC_DAYS = 1  # the per-user key table, small, is collected daily
KEY_SNAPSHOT_DAYS = 3  # and its own snapshots, hourly, are kept three days
KEY_SNAPSHOT_HOURS = 1

# --- Rows or partitions -------------------------------------------------------------------------------------
row_deletes_per_second = per_second(tweets_per_day / SECONDS_PER_DAY)
tombstones_held = count(tweets_per_day * gc_grace / SECONDS_PER_DAY)
partition_drops_per_day = count(1)

# --- Backups ---------------------------------------------------------------------------------------------------
backup_retention = duration(BACKUP_RETENTION_DAYS * SECONDS_PER_DAY)
purge_time = duration(PURGE_DAYS * SECONDS_PER_DAY)
gc_time = duration(GC_DAYS * SECONDS_PER_DAY)
erasure_delay = duration((PURGE_DAYS + GC_DAYS + BACKUP_RETENTION_DAYS) * SECONDS_PER_DAY)
erasure_margin = duration(gdpr_answer_within - erasure_delay)
max_backup_retention = duration((DEADLINE_MONTH_DAYS - PURGE_DAYS - GC_DAYS) * SECONDS_PER_DAY)
key_snapshot_retention = duration(KEY_SNAPSHOT_DAYS * SECONDS_PER_DAY)
key_gc_time = duration(KEY_GC_DAYS * SECONDS_PER_DAY)
key_snapshot_interval = duration(KEY_SNAPSHOT_HOURS * SECONDS_PER_HOUR)
# A table whose last successful collection is older than the period and a day of slack opens a ticket:
# it does not lose anything yet, only lengthens the erasure delay.
collection_ticket_age = duration((GC_DAYS + 1) * SECONDS_PER_DAY)
key_erasure_delay = duration((PURGE_DAYS + KEY_GC_DAYS + KEY_SNAPSHOT_DAYS) * SECONDS_PER_DAY)
snapshot_full = size(SNAPSHOT_FULL_BYTES)
snapshot_increment = size(SNAPSHOT_INCREMENT_BYTES)
RETAINED_BYTES = (
    SNAPSHOT_FULL_BYTES
    + BACKUP_RETENTION_DAYS * SNAPSHOT_INCREMENT_BYTES
    + BACKUP_RETENTION_DAYS / GC_DAYS * COLLECTED_BYTES
)
retained_set = size(RETAINED_BYTES)
retained_set_bill = count(RETAINED_BYTES / GiB * STANDARD_PRICE_BULK)  # dollars a month in S3 Standard
collected_bytes = size(COLLECTED_BYTES)
weeks_kept = count(BACKUP_RETENTION_DAYS / GC_DAYS)
rewrite_bytes_per_day = size_per_day(RETAINED_BYTES * 2)  # read and write each
snapshots_kept = count(BACKUP_RETENTION_DAYS)
# Rewriting the retained snapshots daily: the deletion is out of them by the next rewrite after the purge,
# but the primary's files, a copy too, hold it until the weekly collection, and every snapshot taken until
# then copies it again: the purge and the collection.
rewrite_erasure_delay = duration((PURGE_DAYS + GC_DAYS) * SECONDS_PER_DAY)

# --- Crypto-shredding ------------------------------------------------------------------------------------------
users = registered_users
kms_keys_bill = count(registered_users * KMS_KEY_MONTH)
kms_keys_over_quota = times(registered_users / KMS_KEY_QUOTA)
key_table_bytes = user_key_bytes_total  # all copies: the wide-column store keeps text_copies of each row
key_table_copies = count(float(text_copies))
key_table_bytes_per_copy = size(user_key_bytes_total / text_copies)
unwraps_per_second = per_second(daily_active_users / SECONDS_PER_DAY)
unwraps_peak = peak(daily_active_users / SECONDS_PER_DAY * peak_to_average)
unwraps_peak_share_of_quota = fraction(unwraps_peak / KMS_CRYPTO_QUOTA)
unwraps_peak_share_of_small_quota = fraction(unwraps_peak / KMS_CRYPTO_QUOTA_SMALL)
unwrap_bill = count(daily_active_users * SECONDS_PER_MONTH / SECONDS_PER_DAY * KMS_REQUEST)

if __name__ != "concept_life_delete":
    print(
        markdown_table(
            ("Getting a deletion out of the backups", "Erasure delay", "What it costs"),
            [
                (
                    "Wait for the snapshots to age out",
                    erasure_delay,
                    f"nothing more; purge {purge_time}, files rewritten within {gc_time}, "
                    f"{snapshots_kept} daily snapshots kept",
                ),
                (
                    "Rewrite every retained snapshot daily",
                    rewrite_erasure_delay,
                    f"{rewrite_bytes_per_day} read and written (a full snapshot, {snapshots_kept} increments and "
                    f"{weeks_kept} weekly copies of the collected tables, {retained_set}, ${retained_set_bill} a "
                    "month to store)",
                ),
                (
                    "Crypto-shred: a KMS key per user",
                    f"the purge, then {kms_deletion_min} to {kms_deletion_max} (ScheduleKeyDeletion's wait)",
                    f"${kms_keys_bill} a month; {kms_keys_over_quota} the default key quota",
                ),
                (
                    "Crypto-shred: per-user data keys in a table",
                    f"{key_erasure_delay}: the purge, the key table collected daily, its hourly snapshots kept "
                    f"{key_snapshot_retention}",
                    f"{key_table_bytes} of keys in {key_table_copies} copies; {unwraps_per_second} unwraps "
                    f"({unwraps_peak} at the peak), "
                    f"${unwrap_bill} a month",
                ),
            ],
        )
    )
