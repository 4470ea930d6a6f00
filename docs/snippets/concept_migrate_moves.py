"""Concepts, schema changes and migrations: moving the Twitter example's tweets to a new table or
store, what application-side dual writes leave behind, and how many sampled rows find it.

Copy: every tweet kept (tweets a day over the retention) is read from the old table and written to the
new. The store is already sized for its writes at the peak, and carries its average most of the day;
a copy throttled on the store's load fills the gap. Averaged over a day, that gap is the peak less the
average (the average of "peak minus the load" is the peak minus the average load), so the copy moves
that many rows a second without a server more. Each copied row is one write on each zone's copy, as
each tweet is.

Dual writes: the share of writes whose second half is lost, times the tweets written over the copy.

Sampling: if a share p of rows differ, n rows drawn at random all match with chance (1 - p)^n; to see
at least one mismatch with confidence c, n = ln(1 - c) / ln(1 - p).
"""

import math

from concept_migrate_assumptions import (
    DUAL_WRITE_FAILURE_SHARE,
    SAMPLE_CONFIDENCE,
    twitter_peak_to_average,
    twitter_retention_years,
    twitter_store_writes_peak,
    twitter_tweets_per_day,
)

from sdw.estimation import DAYS_PER_YEAR, SECONDS_PER_DAY, count, duration, markdown_table, per_second

tweets_kept = count(float(twitter_tweets_per_day) * DAYS_PER_YEAR * float(twitter_retention_years))
store_writes_average = per_second(float(twitter_store_writes_peak) / float(twitter_peak_to_average))
copy_room = per_second(float(twitter_store_writes_peak) - float(store_writes_average))
copy_time = duration(float(tweets_kept) / float(copy_room))
copy_days = count(float(copy_time) / SECONDS_PER_DAY)
tweets_during_copy = count(float(twitter_tweets_per_day) * float(copy_days))

drifted_rows_per_day = count(float(twitter_tweets_per_day) * DUAL_WRITE_FAILURE_SHARE)
drifted_rows_during_copy = count(float(drifted_rows_per_day) * float(copy_days))

sample_rows = count(math.ceil(math.log(1 - SAMPLE_CONFIDENCE) / math.log(1 - DUAL_WRITE_FAILURE_SHARE)))

if __name__ != "concept_migrate_moves":
    print(
        markdown_table(
            ("Moving every tweet kept", "Value"),
            [
                ("Tweets to copy", tweets_kept),
                ("Store writes a second on each zone's copy, on average", store_writes_average),
                ("Room left for the copy, averaged over the day", copy_room),
                ("Time to copy them all", copy_time),
                ("New tweets written meanwhile", tweets_during_copy),
                ("... of which a dual write loses one half", drifted_rows_during_copy),
                ("Sampled rows that find that drift", sample_rows),
            ],
        )
    )
