"""URL shortener worked example: what each link-store server and each log partition carries."""

import math

from reference_capacity import expired_row_life, paxos_state_writes_per_replica, twcs_window
from reference_capacity import paxos_state_kept as paxos_state_kept_for
from url_shortener_api import (
    alias_claim_reads_per_second_peak,
    alias_claim_store_bytes,
    expiry_index_store_bytes,
    idempotency_store_bytes,
    outbox_store_bytes,
)
from url_shortener_assumptions import (
    account_links_per_day,
    anonymous_link_share,
    cold_reads_per_database_server,
    compaction_window,
    expiring_share,
    gc_grace,
    idempotency_record_bytes,
    idempotency_window,
    link_copies,
    links_created_per_day,
    owner_index_entry_bytes,
    paid_plan_links_per_day,
    partition_rows_guideline,
    reads_per_database_server,
    storage_per_database_server,
    store_stream_rate_per_node,
    zones,
)
from url_shortener_cache import database_reads_peak, store_reads_peak
from url_shortener_servers import (
    condition_reads_peak,
    conditional_writes_per_create,
    link_db_servers,
    list_link_reads_peak,
    paxos_state_reads_peak,
    paxos_state_reads_per_create,
)
from url_shortener_storage import link_bytes_total, link_record_bytes, quorum_replicas
from url_shortener_traffic import creations_per_second_peak, redirects_per_second_peak, viral_hits_per_second

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    servers,
    size,
    throughput,
    times,
    whole_per_zone,
)

# Hashed by short key, every server holds an equal share and takes an equal share of the load.
# A create writes the link, the idempotency record twice (the reservation, then the result), the
# owner's list entry unless the link is anonymous, an expiry index entry if it has an expiry, and
# the outbox row for "link created" and then its "sent" mark (step 4), each row to every replica; a
# quorum read touches two of the three replicas. The period index (OwnerPeriod) is written once per
# owner, period and process, not per create, so it is left out; so are status and expiry changes,
# far fewer than creations, and an account deletion's paced ends (step 7).
outbox_writes_per_create = 2
rows_written_per_create = count(3 + (1 - anonymous_link_share) + expiring_share + outbox_writes_per_create)
# Three of those writes are conditional, each a consensus round (Paxos) among the row's replicas:
# the record's insert if absent, the link's insert and the record's result (IF holder = ?). Each
# replica writes and reads its Paxos state as reference_capacity counts (the rule the Twitter
# example uses), besides the commit's write of the row itself (counted above); the coordinator
# reads the row at a quorum to test the condition. The condition reads and the state reads are
# counted where the servers are sized (url_shortener_servers) and below; the takeovers and
# releases, which only retries make, are left out.
# Paxos keeps its state (reference_capacity.paxos_state_kept): a create leaves that of two partitions,
# the link's and the record's (whose result overwrites its insert's), each counted as one copy of its
# row, the row's overhead standing for the Paxos row's; promises and proposals not yet compacted add to it.
paxos_state_kept = paxos_state_kept_for(gc_grace)
paxos_state_bytes = size(
    links_created_per_day
    * (link_record_bytes + idempotency_record_bytes)
    * paxos_state_kept
    / SECONDS_PER_DAY
    * link_copies
)
# The creation's logged batch is first stored in the batchlog of two other nodes, then removed
# from both once applied: four more writes (Cassandra's StorageProxy.mutateAtomically,
# https://github.com/apache/cassandra/blob/trunk/src/java/org/apache/cassandra/service/StorageProxy.java).
batchlog_writes_per_batch = 4
replica_writes_per_create = count(
    rows_written_per_create * link_copies
    + conditional_writes_per_create * paxos_state_writes_per_replica * link_copies
    + batchlog_writes_per_batch
)
# What the servers' disks hold beyond the link table: room for the idempotency records, the outbox, the
# alias claims, the expiry index and the Paxos state, which the server count (sized by the link table
# and its owner lists alone) leaves out.
link_disk_spare = size(link_db_servers * storage_per_database_server - link_bytes_total)
small_stores_bytes = size(
    idempotency_store_bytes
    + outbox_store_bytes
    + alias_claim_store_bytes
    + expiry_index_store_bytes
    + paxos_state_bytes
)
link_disk_left = size(link_disk_spare - small_stores_bytes)
# Step 6 weighs the compaction window of the two tables that expire after a day, the idempotency
# records and the outbox: their bytes on disk scale with how long a row stays (the day, the grace and
# one window, reference_capacity.expired_row_life), so each option's bytes are the chosen window's
# scaled by that time.


def expiring_tables_bytes(window):
    """The idempotency records and the outbox together, all copies, compacted in windows of `window`."""
    return size(
        (idempotency_store_bytes + outbox_store_bytes)
        * expired_row_life(idempotency_window, gc_grace, window)
        / expired_row_life(idempotency_window, gc_grace, compaction_window)
    )


compaction_disk = expiring_tables_bytes(compaction_window)
compaction_disk_six_hours = expiring_tables_bytes(twcs_window)
compaction_disk_hourly = expiring_tables_bytes(SECONDS_PER_HOUR)
# What the day costs in disk over six-hour windows, against what the link table leaves free.
compaction_disk_day_over_six_hours = size(compaction_disk - compaction_disk_six_hours)
compaction_disk_day_share_of_left = fraction(compaction_disk_day_over_six_hours / link_disk_left)
# Step 6's Decision: 'shorter windows save almost no disk'. Rewrite it if this fails.
assert compaction_disk_day_share_of_left < 0.01
# Everything each server holds: the link table (with its owner lists) and the small
# stores, the way the Twitter example counts its own (twitter_servers.database_bytes_per_server).
bytes_per_server = size((link_bytes_total + small_stores_bytes) / link_db_servers)
writes_per_server_peak = peak(creations_per_second_peak * replica_writes_per_create / link_db_servers)
# Reads: the caches' misses and age-limit re-reads, the unknown keys and the filler's reads (store_reads_peak), the
# condition read of each conditional write (condition_reads_peak) and the list pages' links
# (list_link_reads_peak), each at a quorum; and the consensus rounds' Paxos-state reads, already
# counted replica by replica (paxos_state_reads_peak).
reads_per_server_peak = peak(
    ((store_reads_peak + condition_reads_peak + list_link_reads_peak) * quorum_replicas + paxos_state_reads_peak)
    / link_db_servers
)
# An alias create claims its alias against the account's quota with one more conditional write, a
# Paxos round on the owner's AliasClaim partition (step 4): a round per alias create at peak, beside
# the creates' own rounds (one condition read each).
alias_claim_rounds_peak = peak(alias_claim_reads_per_second_peak * 1)
alias_claim_round_share = fraction(alias_claim_rounds_peak / condition_reads_peak)
# Step 4 calls it small next to the rounds the store already makes.
assert alias_claim_round_share < 0.01
# Step 6 says the state reads are the larger share of them.
assert paxos_state_reads_peak > (store_reads_peak + condition_reads_peak) * quorum_replicas
# The misses are mostly old links beyond the block cache; all reads are priced as cold reads, the
# state reads too, which overstates them (conservative).
read_load_per_server = fraction(reads_per_server_peak / cold_reads_per_database_server)

# A redirect server past its lag limit on the "link changed" events answers every redirect from the
# store, bypassing its in-process cache and its zone's cache (step 6). The worst case is the event
# log out of reach, when every server passes the limit: every redirect at peak is then a quorum read,
# in place of the redirects' store reads already counted, each priced cold.
lag_fallback_reads_per_server_peak = peak(
    reads_per_server_peak + (redirects_per_second_peak - database_reads_peak) * quorum_replicas / link_db_servers
)
lag_fallback_load_per_server = fraction(lag_fallback_reads_per_server_peak / cold_reads_per_database_server)
assert lag_fallback_load_per_server < 1

# Replacing a dead server (step 7): with one replica of each range per zone, its ranges stream from
# the servers of the other two zones, each capped at the store's outbound streaming rate.
replace_sources = servers(link_db_servers * (zones - 1) / zones)
replace_stream_rate = throughput(replace_sources * store_stream_rate_per_node, "B/s")
replace_time = duration(bytes_per_server / replace_stream_rate)
# The other way out: nodes a third as full, so three times the servers and a third of the data each,
# streamed from three times the sources.
low_density_servers = servers(whole_per_zone(link_bytes_total / (storage_per_database_server / 3), zones))
low_density_replace_time = duration(
    (link_bytes_total + small_stores_bytes)
    / low_density_servers
    / (low_density_servers * (zones - 1) / zones * store_stream_rate_per_node)
)

# A viral link that reached the store uncached would land on the three replicas of one key, a hot
# row that stays in their block caches.
viral_reads_per_replica = per_second(viral_hits_per_second * quorum_replicas / link_copies)
viral_over_one_server = times(viral_reads_per_replica / reads_per_database_server)

# The owner's list (OwnerLink). Every link an account makes, through the apps or its API keys, is
# drawn from its daily allowance (its plan), so the list's partitioning follows the allowance alone:
# by owner and month up to the month's limit (a free account fills a small partition), and past it
# by hour and as many hash buckets as keep an hour under the guideline. A month holds at most 32
# days' allowance (31, and a full bucket spent on the first); the limit is floored to tens, so the
# value printed keeps a month under the guideline.
month_allowance_days = 31 + 1
account_entries_per_month = count(account_links_per_day * month_allowance_days)
month_period_daily_limit_max = count(math.floor(partition_rows_guideline / month_allowance_days / 10) * 10)
account_partition_bytes = size(account_entries_per_month * owner_index_entry_bytes)
paid_plan_entries_per_month = count(paid_plan_links_per_day * month_allowance_days)
paid_plan_month_partition_bytes = size(paid_plan_entries_per_month * owner_index_entry_bytes)


def hour_entries_max(plan_links_per_day: float) -> float:
    """The most rows one hour of an account's list can get. The daily allowance is a token bucket
    (step 3): nothing stops a full bucket from being spent in one hour, and it refills by an hour's
    share of the day meanwhile. Keys draw on the same bucket, so they add nothing to it."""
    return plan_links_per_day * (1 + SECONDS_PER_HOUR / SECONDS_PER_DAY)


def hour_buckets(entries_per_hour: float) -> int:
    """Buckets that keep an hour of `entries_per_hour` rows under the guideline."""
    return math.ceil(entries_per_hour / partition_rows_guideline)


# A large paid plan: its whole daily allowance may land in one hour, plus the hour's refill.
paid_plan_entries_per_hour = count(hour_entries_max(paid_plan_links_per_day))
paid_plan_buckets = count(hour_buckets(paid_plan_entries_per_hour))
paid_plan_entries_per_bucket = count(paid_plan_entries_per_hour / paid_plan_buckets)
# The mistake this avoids: the daily limit spread as a rate (limit / 86,400 a second) gives one
# bucket an hour, which the plan could fill with its whole day.
paid_plan_spread_buckets = count(hour_buckets(paid_plan_links_per_day / SECONDS_PER_DAY * SECONDS_PER_HOUR))
paid_plan_spread_over_guideline = times(
    paid_plan_entries_per_hour / paid_plan_spread_buckets / partition_rows_guideline
)

# The period index (OwnerPeriod): a row for each month or hour in which an owner created links,
# with that period's bucket count, partitioned by owner and year, so the list finds its next
# non-empty period in one read instead of walking back over empty hours. Its cost: a row per
# hour at most, a year of hours per partition.
owner_periods_per_year_max = count(DAYS_PER_YEAR * SECONDS_PER_DAY / SECONDS_PER_HOUR)
owner_period_index_bytes_per_year_max = size(owner_periods_per_year_max * owner_index_entry_bytes)

# The click log is partitioned by request ID, so load spreads evenly; keyed by link, a viral link's
# clicks would all land on one partition, which is what the last figure shows.
# A design choice: 48 divides evenly by the consumer counts the pipeline runs with (6 normally, 4 with
# a zone lost, 16 when catching up, step 7), so no consumer holds a partition more than the rest.
log_partitions = count(48)
clicks_per_partition_peak = peak(redirects_per_second_peak / log_partitions)
viral_over_partition = times(viral_hits_per_second / clicks_per_partition_peak)

if __name__ != "url_shortener_partitioning":
    print(
        markdown_table(
            ("Link store, per server, hashed by key", "Value"),
            [
                ("Data held, every table (all copies spread evenly)", bytes_per_server),
                (
                    f"Replica writes a second at peak ({replica_writes_per_create} a create: "
                    f"{rows_written_per_create} rows to every replica, {conditional_writes_per_create} "
                    "consensus rounds' state, the batchlog)",
                    writes_per_server_peak,
                ),
                (
                    "Replica reads a second at peak (cache misses and re-reads, the filler's reads, "
                    "the conditions' reads, list pages' links, "
                    f"{paxos_state_reads_per_create} Paxos-state reads a create: 2 a round, every replica)",
                    reads_per_server_peak,
                ),
                ("... as a share of what one server reads, each priced as a cold read", read_load_per_server),
                (f"Paxos state kept {paxos_state_kept}, all copies, whole cluster", paxos_state_bytes),
                ("Disk left beyond the link table, whole cluster", link_disk_spare),
                (
                    "... taken by the idempotency records, the outbox, the alias claims, the expiry index "
                    "and the Paxos state",
                    small_stores_bytes,
                ),
                ("... left after them", link_disk_left),
                ("A viral link uncached: reads per replica", viral_reads_per_replica),
                ("... over one server's capacity", viral_over_one_server),
                (
                    f"Replacing a dead server: sources, one a range, in the other {int(zones) - 1} zones",
                    replace_sources,
                ),
                ("... streaming together", replace_stream_rate),
                ("... time to stream its data", replace_time),
                (
                    "Replica reads a second at peak, every redirect server past its lag limit (log out of reach)",
                    lag_fallback_reads_per_server_peak,
                ),
                ("... as a share of one server's cold reads", lag_fallback_load_per_server),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Owner's list (OwnerLink), one partition", "Entries", "Bytes"),
            [
                (
                    "An account at its daily limit, by owner and month",
                    account_entries_per_month,
                    account_partition_bytes,
                ),
                (
                    f"A paid plan of {paid_plan_links_per_day} links a day, by owner and month",
                    paid_plan_entries_per_month,
                    paid_plan_month_partition_bytes,
                ),
                (
                    f"The same plan, apps and keys together, by owner, hour and one of {paid_plan_buckets} buckets",
                    paid_plan_entries_per_bucket,
                    size(paid_plan_entries_per_bucket * owner_index_entry_bytes),
                ),
                (
                    "Its period index (OwnerPeriod), a year of hours at most, by owner and year",
                    owner_periods_per_year_max,
                    owner_period_index_bytes_per_year_max,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (f"Click log, {log_partitions} partitions", "Value"),
            [
                ("Clicks per partition at peak", clicks_per_partition_peak),
                ("One viral link over a partition's normal peak, if keyed by link", viral_over_partition),
            ],
        )
    )
