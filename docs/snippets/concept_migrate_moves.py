"""Concepts, schema changes and migrations: moving the Twitter example's tweets to a new table or
store, what application-side dual writes leave behind, and how many sampled rows find it.

Copy: every tweet kept (the Twitter example's figure) is read from the old table and written to the
new. The store carries its writes at the peak, and its average most of the day; a copy throttled on
the store's load fills the gap. Averaged over a day, that gap is the peak less the average (the
average of "peak minus the load" is the peak minus the average load), so the copy moves that many
rows a second within load the peak already pays for. Each copied row is one write on each zone's
copy, as each tweet is, and one cold read at LOCAL_QUORUM, so that a row one replica lacks is still
copied: a majority of the copies, one a zone, each read. The cold reads the store serves leave the
same kind of gap, each of them a quorum read too; both are counted in replica reads.

Disk: the new table holds every tweet again, with every copy, spread over each zone's servers; it is
added to what each server holds today, against the Twitter example's 10 TB budget a server, which
already leaves half of each SSD free for compaction and repairs.

Dual writes: the share of writes whose second half is lost, times the tweets written over the copy.

Sampling: if a share p of rows differ, n rows drawn at random all match with chance (1 - p)^n; to see
at least one mismatch with confidence c, n = ln(1 - c) / ln(1 - p). Drawn from the rows written since
dual writes began, p is the dual writes' failure share; drawn from the whole new table, p is the
drifted rows over every row it holds.
"""

import math

from concept_migrate_assumptions import (
    DUAL_WRITE_FAILURE_SHARE,
    SAMPLE_CONFIDENCE,
    twitter_bytes_per_server,
    twitter_cold_reads_peak,
    twitter_peak_to_average,
    twitter_storage_per_server,
    twitter_store_servers_per_zone,
    twitter_store_writes_peak,
    twitter_tweet_bytes,
    twitter_tweets_per_day,
    twitter_zones,
)
from twitter_ids import tweets_kept
from twitter_servers import quorum_copies

from sdw.estimation import SECONDS_PER_DAY, count, duration, fraction, markdown_table, per_second, size

store_writes_average = per_second(float(twitter_store_writes_peak) / float(twitter_peak_to_average))
copy_room = per_second(float(twitter_store_writes_peak) - float(store_writes_average))
copy_time = duration(float(tweets_kept) / float(copy_room))
copy_days = count(float(copy_time) / SECONDS_PER_DAY)
tweets_during_copy = count(float(twitter_tweets_per_day) * float(copy_days))

cold_reads_average = per_second(float(twitter_cold_reads_peak) / float(twitter_peak_to_average))
cold_read_room = per_second(float(twitter_cold_reads_peak) - float(cold_reads_average))
quorum_replicas = quorum_copies
copy_replica_reads = per_second(float(copy_room) * float(quorum_replicas))
cold_read_replica_room = per_second(float(cold_read_room) * float(quorum_replicas))

new_table_bytes_per_server = size(
    float(twitter_tweet_bytes) / float(twitter_zones) / float(twitter_store_servers_per_zone)
)
bytes_per_server_after = size(float(twitter_bytes_per_server) + float(new_table_bytes_per_server))
disk_full_after = fraction(float(bytes_per_server_after) / float(twitter_storage_per_server))

drifted_rows_per_day = count(float(twitter_tweets_per_day) * DUAL_WRITE_FAILURE_SHARE)
drifted_rows_during_copy = count(float(drifted_rows_per_day) * float(copy_days))

sample_rows = count(math.ceil(math.log(1 - SAMPLE_CONFIDENCE) / math.log(1 - DUAL_WRITE_FAILURE_SHARE)))
table_rows = count(float(tweets_kept) + float(tweets_during_copy))
table_drift_share = fraction(float(drifted_rows_during_copy) / float(table_rows))
sample_rows_table = count(math.ceil(math.log(1 - SAMPLE_CONFIDENCE) / math.log(1 - float(table_drift_share))))

if __name__ != "concept_migrate_moves":
    print(
        markdown_table(
            ("Moving every tweet kept", "Value"),
            [
                ("Tweets to copy", tweets_kept),
                ("Store writes a second on each zone's copy, on average", store_writes_average),
                ("Room left for the copy, averaged over the day", copy_room),
                ("Time to copy them all", copy_time),
                ("Cold reads the store serves, on average", cold_reads_average),
                ("Room left in cold reads, averaged over the day", cold_read_room),
                ("Cold reads the copy makes, one a tweet at LOCAL_QUORUM", copy_room),
                ("Replicas each quorum read touches", quorum_replicas),
                ("Replica reads the copy makes", copy_replica_reads),
                ("Room left in replica reads", cold_read_replica_room),
                ("New table's bytes on each server", new_table_bytes_per_server),
                ("Share of each server's 10 TB budget used, with the new table", disk_full_after),
                ("New tweets written meanwhile", tweets_during_copy),
                ("... of which a dual write loses one half", drifted_rows_during_copy),
                ("Sampled rows that find it, drawn from the rows written since dual writes began", sample_rows),
                ("... drawn from the whole new table", sample_rows_table),
            ],
        )
    )
