"""Step 7: the thresholds of the failure table's signals, and whether each pages or opens a ticket.

The page on burn follows the SRE workbook's fastest alert (2% of a 30-day budget spent in one hour),
as the observability page computes it. A replica further behind than the freshness followers were
promised (step 1) serves reads staler than that promise; held for a few minutes, it opens a ticket
rather than a page, since the reads stay up and only their age suffers. A queue's backlog is watched
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
# Ticket: replica lag past the followers' freshness target, held this long so a blip does not open one.
replica_lag_ticket = duration(fanout_freshness_target)
replica_lag_hold = duration(5 * 60)
# Page: new events' own lag past the freshness target, held this long, as the Twitter example pages.
queue_lag_page_hold = duration(5 * 60)

if __name__ != "step7_alerts":
    print(
        markdown_table(
            ("Signal", "Threshold", "Sustained over", "Action"),
            [
                ("Error budget burn", page_burn_rate, page_burn_window, "Page"),
                ("Replica lag", replica_lag_ticket, replica_lag_hold, "Ticket"),
                ("Queue: oldest event's age", head_consumer_start_lag, head_consumer_hold, "Ticket"),
                ("Queue: new events' lag", fanout_freshness_target, queue_lag_page_hold, "Page"),
            ],
        )
    )
