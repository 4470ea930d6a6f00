"""Chat service worked example: the backups, how long a deletion's copies outlive it, and what the second
region's copies cost (step 1's disaster recovery, step 4's erasure).

A full backup a week and an incremental every hour (chat_operations), each copied to the second region: an
incremental as it is taken, a full paced over a day, while the incrementals still extend the previous full's
chain there, so the second region always holds a complete chain. The store's own backup job writes each to
the region's bucket, every node exporting its share (the per-node rate below), and the bucket replicates
each file to the second region as it lands. While a full runs it holds a protected timestamp, so garbage
collection waits up to its day: the store's erasure delay counts it. An incremental is kept backup_retention_days;
a full until the last incremental built on it expires.

Erasure: a deleted row outlives its deletion by the account job's deadline, then in the store until garbage
collection and the weekly compaction rewrite its file, and in the last backup taken before it until that backup
expires. The longer of the two must fit in the shortest month the law allows.

The bill: backups in the region are needed anyway, for mistakes and corruption; disaster recovery adds their
copies in the second region. Each full and incremental crosses once, at the DR page's inter-region price a GB
(2^30 bytes) over the site's month for bills, and the second region keeps, on average, a full's keeping time
over its interval in fulls and the incrementals' days, at S3 Standard's bulk price (the data lifecycle
page's). A full is one copy of the store; an incremental an hour's message rows, taken on two chains on the
day a full crosses.
"""

from chat_assumptions import (
    account_deletion_job_deadline,
    backup_retention_days,
    message_copies,
    store_compaction_days,
    store_gc_ttl,
)
from chat_operations import region_loss_rpo, store_bytes_horizon, store_bytes_year_one
from chat_storage import database_nodes_for_horizon, message_bytes_per_day, message_bytes_year_one
from concept_dr_assumptions import INTER_REGION_PRICE_PER_GB
from concept_dr_costs import monthly_bill
from concept_life_assumptions import STANDARD_PRICE_BULK, gdpr_answer_within

from sdw.estimation import SECONDS_PER_DAY, GiB, bandwidth, count, duration, markdown_table, size

backup_full_interval = duration(7 * SECONDS_PER_DAY)
backup_full_copy_window = duration(SECONDS_PER_DAY)

# A full's chain runs until the next full has crossed; its last incremental is then kept the retention.
backup_full_kept = duration(backup_full_interval + backup_full_copy_window + backup_retention_days * SECONDS_PER_DAY)
erasure_store_delay = duration(
    account_deletion_job_deadline + store_gc_ttl + backup_full_copy_window + store_compaction_days * SECONDS_PER_DAY
)
erasure_backup_delay = duration(account_deletion_job_deadline + backup_full_kept)
erasure_delay = duration(max(erasure_store_delay, erasure_backup_delay))
erasure_margin = duration(gdpr_answer_within - erasure_delay)
assert erasure_margin > 0
# The copy region's newest copies (the second region; the third after a failover), each aged from the time
# its rows are as of. The schedule alone takes an incremental to the RPO (the interval and the copy) and a
# full to a week and its copy, so each alert waits a margin past that: a copy a little slow raises nothing.
# A full late or failed keeps the old chain, and the erasure bound, a day longer for each day late.
backup_incremental_alert_margin = duration(5 * 60)
backup_incremental_alert_age = duration(region_loss_rpo + backup_incremental_alert_margin)
backup_full_alert_margin = duration(6 * 3600)
backup_full_alert_age = duration(backup_full_interval + backup_full_copy_window + backup_full_alert_margin)

INCREMENTAL_BYTES_PER_SECOND = (
    message_bytes_per_day / SECONDS_PER_DAY * (1 + backup_full_copy_window / backup_full_interval)
)


def backup_bills(store_bytes):
    """Dollars a month to send, and to keep, the fulls and incrementals in the second region."""
    full = store_bytes / message_copies
    sent = monthly_bill(full / backup_full_interval + INCREMENTAL_BYTES_PER_SECOND)
    kept = (
        full * backup_full_kept / backup_full_interval
        + INCREMENTAL_BYTES_PER_SECOND * backup_retention_days * SECONDS_PER_DAY
    )
    return count(sent), count(kept / GiB * STANDARD_PRICE_BULK)


backup_full_bytes_horizon = size(store_bytes_horizon / message_copies)
backup_full_copy_rate_horizon = bandwidth(backup_full_bytes_horizon / backup_full_copy_window)
backup_full_copy_rate_per_node_horizon = bandwidth(backup_full_copy_rate_horizon / database_nodes_for_horizon)
backup_transfer_bill_horizon, backup_storage_bill_horizon = backup_bills(store_bytes_horizon)
backup_dr_bill_horizon = count(backup_transfer_bill_horizon + backup_storage_bill_horizon)
backup_dr_bill_year_one = count(sum(map(float, backup_bills(store_bytes_year_one))))
# History is kept past the horizon: each year adds a year's message rows, every copy, to the store.
backup_dr_bill_added_per_year = count(
    sum(map(float, backup_bills(store_bytes_horizon + message_bytes_year_one))) - backup_dr_bill_horizon
)
# A full every day instead: its transfer alone.
backup_daily_full_transfer_bill_horizon = count(monthly_bill(backup_full_bytes_horizon / SECONDS_PER_DAY))

if __name__ != "chat_backups":
    print(
        markdown_table(
            ("Assumption", "Value", "Why"),
            [
                (
                    "Time between full backups",
                    backup_full_interval,
                    "A full copies the whole store, too much to send every day (below); a week, as in "
                    "CockroachDB's own example of full and incremental backups "
                    "([backups](https://www.cockroachlabs.com/docs/stable/take-full-and-incremental-backups)).",
                ),
                (
                    "Time a full's copy to the second region is paced over",
                    backup_full_copy_window,
                    "Assumed: slow enough to take little of each node's disk and of the link between regions; garbage "
                    "collection waits for it (its protected timestamp).",
                ),
                (
                    "Margin past the RPO before a missing incremental pages",
                    backup_incremental_alert_margin,
                    "Assumed: room for a copy a few minutes past its allowance, or a late scrape; the RPO is then "
                    "missed by at most this before anyone is paged (step 7).",
                ),
                (
                    "Margin past a week and its copy before a missing full opens a ticket",
                    backup_full_alert_margin,
                    "Assumed: a quarter of the copy's day, for a copy that crosses a little slowly; each hour late "
                    "is an hour off the erasure margin (step 7).",
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("A full backup is kept (its chain's last incremental expires)", backup_full_kept),
                ("A deleted row leaves the store's files", erasure_store_delay),
                ("... the last backup", erasure_backup_delay),
                ("Erasure delay", erasure_delay),
                ("... under a month by", erasure_margin),
                ("Newest incremental in the copy region older than this pages", backup_incremental_alert_age),
                ("Newest full in the copy region older than this opens a ticket", backup_full_alert_age),
                ("A full backup at the horizon, one copy of the store", backup_full_bytes_horizon),
                (f"... sent to the second region over {backup_full_copy_window}", backup_full_copy_rate_horizon),
                ("... each store node's export meanwhile", backup_full_copy_rate_per_node_horizon),
                (
                    f"The second region's copies at the horizon: transfer at {INTER_REGION_PRICE_PER_GB} a GB, "
                    "dollars a month",
                    backup_transfer_bill_horizon,
                ),
                (f"... storage at {STANDARD_PRICE_BULK} a GB-month", backup_storage_bill_horizon),
                ("... both", backup_dr_bill_horizon),
                ("... both, at the end of year one", backup_dr_bill_year_one),
                ("... added by each year past the horizon", backup_dr_bill_added_per_year),
                (
                    "A full every day instead: its transfer alone at the horizon",
                    backup_daily_full_transfer_bill_horizon,
                ),
            ],
        )
    )
