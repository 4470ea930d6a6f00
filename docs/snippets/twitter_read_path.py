"""Twitter worked example: the home timeline built on write, on read, or both, and its caches."""

import math

from twitter_api import post_limit_per_day
from twitter_assumptions import (
    cache_ops_per_server,
    celebrities_followed_per_user,
    celebrity_threshold_followers,
    follows_per_user,
    timeline_cache_copies,
)
from twitter_fanout import merge_reads_per_second_peak
from twitter_traffic import (
    deliveries_per_day,
    deliveries_per_second_peak,
    timeline_loads_per_second_peak,
)

from sdw.estimation import count, duration, fraction, markdown_table, peak, times

# Fan-out on write: every delivery is written to each copy of the follower's timeline,
# in the background, and a timeline load is one read.
push_writes_per_second_peak = peak(deliveries_per_second_peak * timeline_cache_copies)

# Fan-out on read: every load reads the recent tweets of each account followed, while the
# user waits, and waits for the slowest of them. If each read is slower than its own p99
# one time in a hundred, this is the share of loads that wait on at least one such read.
pull_reads_per_second_peak = peak(timeline_loads_per_second_peak * follows_per_user)
pull_slow_load_share = fraction(1 - 0.99**follows_per_user)

# Hybrid: push for accounts below the threshold, merge the few huge ones at read time. The
# design keeps the huge accounts' recent IDs in each timeline server's memory (step 6), so a
# load makes one remote read, the cached timeline, as under push.
celebrity_edge_share = fraction(celebrities_followed_per_user / follows_per_user)
hybrid_reads_per_load = count(1)
hybrid_slow_load_share = fraction(1 - 0.99**hybrid_reads_per_load)
# The alternative step 6 rejects: the huge accounts' lists in a shared cache, one remote read
# each, on top of the timeline.
shared_merge_reads_per_load = count(1 + celebrities_followed_per_user)
shared_merge_slow_load_share = fraction(1 - 0.99**shared_merge_reads_per_load)
threshold_fanout_time = duration(celebrity_threshold_followers / deliveries_per_second_peak)
merge_cache_servers = count(math.ceil(merge_reads_per_second_peak / cache_ops_per_server))

# The threshold counts followers, but cost is followers times tweets: an account just below
# it, posting at the daily cap, adds this share of all deliveries on its own.
busy_account_deliveries_per_day = count(celebrity_threshold_followers * post_limit_per_day)
busy_account_delivery_share = fraction(busy_account_deliveries_per_day / deliveries_per_day)

pull_over_push = times(pull_reads_per_second_peak / push_writes_per_second_peak)

if __name__ != "twitter_read_path":
    print(
        markdown_table(
            ("At peak", "Push (on write)", "Pull (on read)", "Hybrid, merge in memory", "Hybrid, merge from a cache"),
            [
                (
                    "Timeline cache writes",
                    push_writes_per_second_peak,
                    "none",
                    "push, minus huge accounts",
                    "push, minus huge accounts",
                ),
                (
                    "Remote reads per timeline load",
                    1,
                    follows_per_user,
                    hybrid_reads_per_load,
                    shared_merge_reads_per_load,
                ),
                (
                    "Remote reads a second, all loads",
                    timeline_loads_per_second_peak,
                    pull_reads_per_second_peak,
                    timeline_loads_per_second_peak,
                    peak(timeline_loads_per_second_peak + merge_reads_per_second_peak),
                ),
                (
                    "Loads waiting on a read slower than its p99",
                    fraction(0.01),
                    pull_slow_load_share,
                    hybrid_slow_load_share,
                    shared_merge_slow_load_share,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Follow edges that point at huge accounts", celebrity_edge_share),
                ("Fleet time for one tweet at the threshold", threshold_fanout_time),
                ("Cache servers for the read-time merge (operations)", merge_cache_servers),
                ("Deliveries a day from one busy account below the threshold", busy_account_deliveries_per_day),
                ("... as a share of all deliveries", busy_account_delivery_share),
            ],
        )
    )
