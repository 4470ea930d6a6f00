"""Step 5: how long after posting an author's own profile reads go to their shard's primary.

A replica that lags may not hold the newest TweetID in the author's list yet, so for a while after
a post the author's own getUserTimeline reads the list from the primary. The window is an
assumption: it outlasts a healthy replica's lag (well under a second) and the lag that opens step
7's replica ticket (the followers' freshness target) many times over, and it is short enough that
the primaries serve only these few reads.
"""

from step7_alerts import replica_lag_ticket

from sdw.estimation import duration, markdown_table

author_primary_window = duration(60)

if __name__ != "step5_reads":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("The author's own list is read from the primary after a post for", author_primary_window),
                ("Replica lag that opens step 7's ticket", replica_lag_ticket),
            ],
        )
    )
