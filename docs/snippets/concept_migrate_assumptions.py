"""Concepts, schema changes and migrations: the inputs every concept_migrate snippet shares, each with
its source or marked as the page's own assumption.

Published defaults and limits:
- gh-ost copies rows in chunks of 1,000 by default (--chunk-size) and throttles while the replica it
  watches is more than 1,500 ms behind (--max-lag-millis), measured with its own heartbeat
  (https://github.com/github/gh-ost/blob/master/doc/command-line-flags.md and doc/subsecond-lag.md).
- pt-online-schema-change sizes each chunk to take 0.5 s (--chunk-time) and pauses while any replica
  is more than 1 s behind (--max-lag)
  (https://docs.percona.com/percona-toolkit/pt-online-schema-change.html).
- MySQL's lock_wait_timeout, how long a statement waits for a metadata lock, defaults to 31,536,000 s,
  a year (https://dev.mysql.com/doc/refman/8.4/en/server-system-variables.html#sysvar_lock_wait_timeout).
- MySQL 8.0.29 to 8.4 allow 64 row versions per table: that many instant ADD or DROP COLUMN
  operations, after which the next one must rebuild the table
  (https://dev.mysql.com/doc/refman/8.4/en/innodb-online-ddl-operations.html#online-ddl-column-operations).
  MySQL 9.1.0 raised the limit to 255 (its release notes).
- PostgreSQL's connection slots for clients: max_connections less the superuser reserve, as the
  transactions page counts them (concept_tx.client_connections).

From this site (one figure, one value): the Twitter example's registered users and its users table's
shards, its tweets a day, retention, peak-to-average factor, the wide-column store's replica writes
on each zone's copy and its cold reads at the peak, its servers a zone, the bytes each holds and can
hold, and the tweets' bytes with every copy; the ride-hailing example's trip transactions and rows at
the peak, its peak-to-average factor, its zones and its largest region's share.

The page's own assumptions, to be measured on the real system:
- A shard's replica applies 10,000 row changes a second, and the shard's own writes take a fifth of
  that at their busiest. The replica's applier is the bottleneck: single-threaded, or parallel (MySQL's
  replica_parallel_workers defaults to 4 from 8.0.27) but held to that rate by the dependencies
  between batches. Measure it under a trial batch before planning.
- A throttled backfill takes half of what is left, so a burst of the shard's own writes still fits.
- A backfill script that runs its batches back to back, from several threads, changes 30,000 rows a
  second on the primary, which applies them in parallel.
- A long transaction (a report, a backup's snapshot, a session left open) holds a lock on the table for
  60 s.
- A schema change waits 50 ms for its lock (lock_timeout) before it gives up and retries: the page's
  choice, under half the time the primary's connection slots last while the change waits
  (concept_migrate.connections_full_after), so the queue stays well short of the slots, a group carrying
  twice the even share included. A concurrent
  index build gets no such timeout: its lock lets reads and writes through, so nothing queues behind it.
- The ride-hailing example's city groups carry even shares of a region's trips, and a region has the
  fewest groups its failover figure allows, one a zone. The example re-cuts groups by hand as cities
  grow unevenly, so a large city's group carries more than this share; more groups carry less each.
- A long-running transaction stays open for 4 hours while the trip tables take their average writes.
- The tweets table's leveled compaction (the Twitter example's step 6) keeps its room inside the half of
  each SSD the Twitter example leaves free: its 10 TB a server is the budget after that half
  (https://cassandra.apache.org/doc/latest/cassandra/operating/compaction/).
- One application-side dual write in 100,000 commits its first write and not its second (the process
  dies between them, or the second times out and is not retried).
- A comparison of sampled rows should find drift of that share with 99% confidence.
"""

from concept_tx import client_connections
from ride_hailing_assumptions import largest_region_share
from ride_hailing_assumptions import peak_to_average as ride_hailing_peak_to_average
from ride_hailing_assumptions import zones as ride_hailing_zones
from ride_hailing_data_model import trip_rows_peak, trip_transactions_peak
from twitter_assumptions import (
    peak_to_average,
    registered_users,
    storage_per_database_server,
    tweets_per_day,
    zones,
)
from twitter_servers import (
    cold_store_reads_per_second_peak,
    database_bytes_per_server,
    database_servers_per_zone,
    store_writes_per_zone_peak,
)
from twitter_storage import tweet_bytes_total
from twitter_stores import user_relational_shards

from sdw.estimation import (
    SECONDS_PER_HOUR,
    SECONDS_PER_YEAR,
    count,
    duration,
    fraction,
    markdown_table,
    throughput,
    times,
)

# --- Published defaults and limits -----------------------------------------------------------------
ghost_chunk_rows = count(1_000)
ghost_max_lag = duration(1.5)
ptosc_chunk_time = duration(0.5)
ptosc_max_lag = duration(1)
mysql_lock_wait_timeout = duration(SECONDS_PER_YEAR)
instant_row_versions = count(64)
instant_row_versions_9_1 = count(255)
pg_client_connections = client_connections

# --- The worked examples' figures ------------------------------------------------------------------
twitter_users = count(float(registered_users))
twitter_user_shards = count(float(user_relational_shards))
twitter_tweets_per_day = tweets_per_day
twitter_peak_to_average = times(float(peak_to_average))
twitter_store_writes_peak = store_writes_per_zone_peak
twitter_cold_reads_peak = cold_store_reads_per_second_peak
twitter_zones = zones
twitter_store_servers_per_zone = database_servers_per_zone
twitter_bytes_per_server = database_bytes_per_server
twitter_storage_per_server = storage_per_database_server
twitter_tweet_bytes = tweet_bytes_total
ride_trip_transactions_peak = trip_transactions_peak
ride_trip_rows_peak = trip_rows_peak
ride_largest_region_share = largest_region_share
ride_peak_to_average = ride_hailing_peak_to_average
ride_zones = ride_hailing_zones

# --- Assumptions, to be measured -------------------------------------------------------------------
REPLICA_APPLY_ROWS = 10_000  # row changes a second one shard's replica applies
OWN_WRITE_SHARE = 0.2  # of that, the shard's own writes at their busiest
THROTTLE_SHARE = 0.5  # of the replica's spare apply rate, given to the backfill
UNTHROTTLED_ROWS = 30_000  # row changes a second an unthrottled backfill makes on the primary
LONG_TRANSACTION_SECONDS = 60
LOCK_TIMEOUT_SECONDS = 0.05  # the page's choice, under half the time the connection slots last
CITY_GROUPS_PER_ZONE = 1  # even groups, one a zone: the fewest the failover figure allows
OPEN_TRANSACTION_SECONDS = 4 * SECONDS_PER_HOUR
DUAL_WRITE_FAILURE_SHARE = 1e-5
SAMPLE_CONFIDENCE = 0.99

replica_apply_rate = throughput(REPLICA_APPLY_ROWS)
own_write_share = fraction(OWN_WRITE_SHARE)
throttle_share = fraction(THROTTLE_SHARE)
unthrottled_rate = throughput(UNTHROTTLED_ROWS)
long_transaction = duration(LONG_TRANSACTION_SECONDS)
lock_timeout = duration(LOCK_TIMEOUT_SECONDS)
city_groups_per_zone = count(CITY_GROUPS_PER_ZONE)
open_transaction = duration(OPEN_TRANSACTION_SECONDS)
dual_write_failure_share = fraction(DUAL_WRITE_FAILURE_SHARE)
sample_confidence = fraction(SAMPLE_CONFIDENCE)

if __name__ != "concept_migrate_assumptions":
    print(
        markdown_table(
            ("Input", "Value", "Source"),
            [
                ("gh-ost rows a chunk", ghost_chunk_rows, "gh-ost, --chunk-size default"),
                ("gh-ost throttles above a replica lag of", ghost_max_lag, "gh-ost, --max-lag-millis default"),
                ("pt-online-schema-change target time a chunk", ptosc_chunk_time, "Percona, --chunk-time default"),
                ("pt-online-schema-change pauses above a lag of", ptosc_max_lag, "Percona, --max-lag default"),
                ("MySQL metadata lock wait", mysql_lock_wait_timeout, "MySQL, lock_wait_timeout default"),
                ("Instant column changes before a rebuild", instant_row_versions, "MySQL 8.0.29 to 8.4 (255 from 9.1)"),
                (
                    "PostgreSQL connection slots for clients",
                    pg_client_connections,
                    "Transactions page: the default less the superuser reserve",
                ),
                ("Registered users", twitter_users, "Twitter example"),
                ("Users table shards", twitter_user_shards, "Twitter example, step 4"),
                ("Tweets a day", twitter_tweets_per_day, "Twitter example"),
                ("Peak to average", twitter_peak_to_average, "Twitter example, step 2"),
                ("Store writes on each zone's copy, at the peak", twitter_store_writes_peak, "Twitter example"),
                ("Store cold reads, at the peak", twitter_cold_reads_peak, "Twitter example"),
                ("Zones", twitter_zones, "Twitter example"),
                ("Store servers a zone", twitter_store_servers_per_zone, "Twitter example"),
                ("Bytes each store server holds", twitter_bytes_per_server, "Twitter example"),
                (
                    "Usable disk a store server, SSDs filled to about half",
                    twitter_storage_per_server,
                    "Twitter example",
                ),
                ("Tweets' bytes, every copy", twitter_tweet_bytes, "Twitter example"),
                ("Trip transactions, at the peak", ride_trip_transactions_peak, "Ride-hailing example, step 4"),
                ("Trip rows written, at the peak", ride_trip_rows_peak, "Ride-hailing example, step 4"),
                ("Largest region's share", ride_largest_region_share, "Ride-hailing example"),
                ("Ride-hailing peak to average", ride_peak_to_average, "Ride-hailing example"),
                ("Ride-hailing zones a region", ride_zones, "Ride-hailing example"),
                ("Replica apply rate, one shard", replica_apply_rate, "Assumed; to be measured"),
                ("... taken by the shard's own writes", own_write_share, "Assumed; to be measured"),
                ("Share of the spare given to a backfill", throttle_share, "Assumed"),
                ("Unthrottled backfill on the primary", unthrottled_rate, "Assumed; to be measured"),
                ("Long transaction holding the table", long_transaction, "Assumed"),
                ("lock_timeout for schema changes", lock_timeout, "The page's choice, under half the slots' time"),
                ("Ride-hailing city groups a zone, even shares", city_groups_per_zone, "Assumed"),
                ("Transaction left open", open_transaction, "Assumed"),
                ("Dual writes that land only once", dual_write_failure_share, "Assumed"),
                ("Confidence wanted from a sampled comparison", sample_confidence, "Assumed"),
            ],
        )
    )
