"""URL shortener worked example: what each link-store server and each log partition carries."""

import math

from url_shortener_assumptions import (
    account_links_per_day,
    anonymous_link_share,
    api_key_links_per_second,
    link_copies,
    owner_index_entry_bytes,
    partition_rows_guideline,
    reads_per_database_server,
)
from url_shortener_cache import database_reads_peak
from url_shortener_servers import link_db_servers
from url_shortener_storage import link_bytes_total, quorum_replicas
from url_shortener_traffic import creations_per_second_peak, redirects_per_second_peak, viral_hits_per_second

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    count,
    fraction,
    markdown_table,
    peak,
    per_second,
    size,
    times,
)

# Hashed by short key, every server holds an equal share and takes an equal share of the load.
# A create writes the link and the idempotency record, and the owner's list entry unless the link is
# anonymous, each row to every replica; a quorum read touches two of the three replicas.
rows_written_per_create = count(2 + (1 - anonymous_link_share))
bytes_per_server = size(link_bytes_total / link_db_servers)
writes_per_server_peak = peak(creations_per_second_peak * rows_written_per_create * link_copies / link_db_servers)
reads_per_server_peak = peak(database_reads_peak * quorum_replicas / link_db_servers)
read_load_per_server = fraction(reads_per_server_peak / reads_per_database_server)

# A viral link that reached the store uncached would land on the three replicas of one key.
viral_reads_per_replica = per_second(viral_hits_per_second * quorum_replicas / link_copies)
viral_over_one_server = times(viral_reads_per_replica / reads_per_database_server)

# The owner's list (OwnerLink). By owner and month, an account at its daily limit fills a small
# partition, but an API key at its limit would fill one far past the guideline. API keys' lists are
# therefore split by hour and a hash bucket, as many buckets as keep an hour's rows under it.
account_entries_per_month = count(account_links_per_day * 30)
account_partition_bytes = size(account_entries_per_month * owner_index_entry_bytes)
api_key_entries_per_month = count(api_key_links_per_second * 30 * SECONDS_PER_DAY)
api_key_month_partition_bytes = size(api_key_entries_per_month * owner_index_entry_bytes)
api_key_month_over_guideline = times(api_key_entries_per_month / partition_rows_guideline)
api_key_entries_per_hour = count(api_key_links_per_second * SECONDS_PER_HOUR)
api_key_buckets = count(math.ceil(api_key_entries_per_hour / partition_rows_guideline))
api_key_entries_per_bucket = count(api_key_entries_per_hour / api_key_buckets)
api_key_bucket_bytes = size(api_key_entries_per_bucket * owner_index_entry_bytes)

# The click log: partitioned by key, a viral link's clicks all land on one partition.
log_partitions = count(64)  # a design choice: enough for a few dozen consumers in parallel
clicks_per_partition_peak = peak(redirects_per_second_peak / log_partitions)
viral_over_partition = times(viral_hits_per_second / clicks_per_partition_peak)

if __name__ != "url_shortener_partitioning":
    print(
        markdown_table(
            ("Link store, per server, hashed by key", "Value"),
            [
                ("Data held (all copies spread evenly)", bytes_per_server),
                (f"Replica writes a second at peak ({rows_written_per_create} rows a create)", writes_per_server_peak),
                ("Replica reads a second at peak (cache misses)", reads_per_server_peak),
                ("... as a share of what one server reads", read_load_per_server),
                ("A viral link uncached: reads per replica", viral_reads_per_replica),
                ("... over one server's capacity", viral_over_one_server),
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
                    "An API key at its limit, by owner and month",
                    api_key_entries_per_month,
                    api_key_month_partition_bytes,
                ),
                (
                    f"An API key at its limit, by owner, hour and one of {api_key_buckets} buckets",
                    api_key_entries_per_bucket,
                    api_key_bucket_bytes,
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
