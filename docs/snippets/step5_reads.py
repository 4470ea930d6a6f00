"""Step 5: how long after a post misses on the author's list are filled from their shard's primary.

A replica that lags may not hold the newest TweetID in the author's list yet. So after a post the
write service, and the fan-out worker after its insert, set a marker beside the author's cached list
(same hash tag, same cache node) that expires after this window, and delete the list (cache-aside:
a write deletes the key). While the marker lives, every miss on the author's list is filled from
the primary, whoever reads: all readers share one cached copy of the list. The
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
