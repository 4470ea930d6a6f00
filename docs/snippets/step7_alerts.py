"""Step 7: the thresholds of the failure table's signals, and whether each pages or opens a ticket.

The page on burn follows the SRE workbook's fastest alert (2% of a 30-day budget spent in one hour),
as the observability page computes it. A replica further behind than the freshness followers were
promised (step 1) would serve reads staler than that promise, so the database proxy stops sending
reads to it until it has caught up (ProxySQL's per-server max_replication_lag, checked every
mysql-monitor_replication_lag_interval, 10 s by default and set to 1 s here:
https://www.proxysql.com/documentation/backend-monitoring), and sends them to the other replica, or
to the primary when neither is within the bound. Lag grows by at most a second a second, so while its
checks answer, a replica still serving reads is behind by at most the bound plus one check interval:
the most that a post's marker on the author's list (step5_reads) must outlast. (ProxySQL rounds the
lag to whole seconds, which can add half a second; the marker's margin covers it.) A check that times
out does not count: ProxySQL keeps that replica serving reads until a check answers, and no setting
makes it count a timeout as lag (https://github.com/sysown/proxysql/issues/1469, open), so failing
checks open the same ticket as a replica out of reads. The lag is read from a heartbeat, not from
Seconds_Behind_Source, which reads zero while the replica's receiver, rather than its applier, is
behind. A heartbeat writer runs beside every database node (pt-heartbeat --update --check-read-only,
one beat a second by default: https://docs.percona.com/percona-toolkit/pt-heartbeat.html, under a user
without SUPER, which it would treat as writable) and writes only while its node's read_only flag is
off, so a promotion starts it on the new primary with no failover step. It writes one shared row
(pt-heartbeat's one-row table, id and ts): ProxySQL takes the oldest row's age
(https://github.com/sysown/proxysql/pull/3514), so a row per server would leave a demoted primary's
row ageing. A writer that stops makes every replica look lagged, and the proxy takes them all out of
reads while they are current: so the heartbeat's age read on the primary itself pages once it passes
two beats for a minute (the minute rides out the beats a promotion skips before the new writer's
first). The primary stays among the readers with no lag bound of its own, so the shard's reads then
land on it, up to its reader cap. A replica held out of reads for minutes opens a ticket rather
than a page: the reads stay up, and only the other copies' load grows. A queue's backlog is watched
as the Twitter example watches its fan-out: the oldest event's age past the freshness target, held
briefly, opens a ticket (the target is a share, so some late events are allowed); new events' own
lag past the target, held for minutes, pages, since then every new event misses it. But lag cannot see
a stalled queue: when the brokers stop taking writes nothing new arrives and the lag reads zero;
heartbeats can (a heartbeat written to every partition, paged on when the newest is older than the
longest stall the design rides out), and so can a canary whose posts stop reaching timelines for minutes.
"""

from concept_slo_alerts import fast_burn, fast_window
from twitter_assumptions import fanout_freshness_target
from twitter_reliability import head_consumer_hold, head_consumer_start_lag

from sdw.estimation import duration, markdown_table

# Page: the error budget burning at the fast rate over the fast window.
page_burn_rate = fast_burn
page_burn_window = duration(fast_window)
# The DB proxy takes a replica out of reads past this lag, the followers' freshness target; it checks
# each replica's lag this often; so a replica serving reads is at most their sum behind (lag grows by at
# most a second a second between checks).
replica_read_lag_bound = duration(fanout_freshness_target)
replica_lag_check_interval = duration(1)
replica_read_lag_max = duration(replica_read_lag_bound + replica_lag_check_interval)
# Ticket: a replica held out of reads (lag past the bound), or failing its lag checks, this long, so a
# blip does not open one.
replica_lag_hold = duration(5 * 60)
# The heartbeat writer beats this often (pt-heartbeat's --interval default, 1.0 s). The primary's own
# row older than two beats means its writer has missed a beat; held a minute, it pages: the writer has
# stopped, and every replica of the shard is out of reads though current.
heartbeat_interval = duration(1)
heartbeat_page_age = duration(2 * heartbeat_interval)
heartbeat_page_hold = duration(60)
# Page: new events' own lag past the freshness target, held this long, as the Twitter example pages.
queue_lag_page_hold = duration(5 * 60)

if __name__ != "step7_alerts":
    print(
        markdown_table(
            ("Signal", "Threshold", "Sustained over", "Action"),
            [
                ("Error budget burn", page_burn_rate, page_burn_window, "Page"),
                ("Replica lag (the proxy takes it out of reads)", replica_read_lag_bound, replica_lag_hold, "Ticket"),
                ("Replica's lag checks failing", "every check", replica_lag_hold, "Ticket"),
                ("Heartbeat's age on the primary (writer stopped)", heartbeat_page_age, heartbeat_page_hold, "Page"),
                ("Queue: oldest event's age", head_consumer_start_lag, head_consumer_hold, "Ticket"),
                ("Queue: new events' lag", fanout_freshness_target, queue_lag_page_hold, "Page"),
            ],
        )
    )
