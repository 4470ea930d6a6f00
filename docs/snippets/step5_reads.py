"""Step 5: how long after a post misses on the author's list are filled from their shard's primary.

A replica that lags may not hold the newest TweetID in the author's list yet. So after a post the
write service, and the fan-out worker after its insert, set a marker beside the author's cached list
(same hash tag, same cache node) that expires after this window, and delete the list (cache-aside:
a write deletes the key). While the marker lives, every miss on the author's list is filled from
the primary, whoever reads: all readers share one cached copy of the list. The
window is an assumption. It must outlast the most lag a replica still serving reads can have: step 7's
database proxy takes a replica out of reads once its lag passes the followers' freshness target, and
checks every second, so while its checks answer, a fill from a replica after the window holds any
tweet older than that sum. It outlasts that sum many times over, so a check late by less than the
difference changes nothing (a check that times out is step 7's gap: the proxy keeps that replica
serving), and it is short enough that in normal running the primaries serve only these few reads. The
marker routes only the misses that start while it lives: a fill that read a replica just before it was
set and lands just after the delete is refused by the cache instead, since the delete revoked the
per-key lease the fill took on its miss (step 6's cache policy). A deletion sets the same marker,
for the same window, on the deleted tweet's key, so that misses on it read the primary while a
lagging replica may still hold the tweet: the lease cannot refuse a fill that began after the delete.
"""

from step7_alerts import replica_read_lag_max

from sdw.estimation import duration, markdown_table

author_primary_window = duration(60)

if __name__ != "step5_reads":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Misses on the author's list go to the primary after a post for", author_primary_window),
                ("Most lag a replica serving reads can have while its checks answer (step 7)", replica_read_lag_max),
            ],
        )
    )
