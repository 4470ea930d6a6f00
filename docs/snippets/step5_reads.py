"""Step 5: how long after a post misses on the author's list are filled from their shard's primary.

A replica that lags may not hold the newest TweetID in the author's list yet. So after a post the
write service sets a marker for the author in the cache that expires after this window and deletes
the author's cached list (cache-aside: a write deletes the key); while the marker lives, a miss on
the author's list, such as the author's own getUserTimeline, is filled from the primary. The
window is an assumption: it outlasts a healthy replica's lag (well under a second) and the lag that
opens step 7's replica ticket (the followers' freshness target) many times over, and it is short
enough that the primaries serve only these few reads.
"""

from step7_alerts import replica_lag_ticket

from sdw.estimation import duration, markdown_table

author_primary_window = duration(60)

if __name__ != "step5_reads":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Misses on the author's list go to the primary after a post for", author_primary_window),
                ("Replica lag that opens step 7's ticket", replica_lag_ticket),
            ],
        )
    )
