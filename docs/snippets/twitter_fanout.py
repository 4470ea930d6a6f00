"""Twitter worked example: what one tweet from a huge account costs, and what the hybrid costs."""

from twitter_assumptions import (
    celebrities_followed_per_user,
    celebrity_followers,
    celebrity_tweet_readers_first_hour,
    registered_users,
    timeline_cache_copies,
    timeline_entry_bytes,
    zone_headroom,
)
from twitter_traffic import (
    deliveries_per_second_peak,
    live_timeline_share,
    timeline_loads_per_second_peak,
    written_deliveries_per_second_peak,
)

from sdw.estimation import SECONDS_PER_HOUR, count, duration, markdown_table, peak, per_second, size, throughput

# Fan-out on write for one celebrity tweet: one append-if-present attempt per follower, each an
# operation on every copy of that follower's timeline, whether or not the timeline is cached there.
celebrity_deliveries = celebrity_followers
celebrity_cache_ops = count(celebrity_deliveries * timeline_cache_copies)
# Of those attempts, only the followers with a cached timeline get an entry written, in every copy.
celebrity_written_deliveries = count(celebrity_followers * live_timeline_share)
# The fan-out fleet is built like every stateless tier, for the peak with a zone lost: its capacity
# is the peak times zone_headroom. The time is that whole capacity doing nothing else, every other
# tweet waiting behind this one.
fanout_fleet_capacity = throughput(deliveries_per_second_peak * zone_headroom)
celebrity_fanout_time = duration(celebrity_deliveries / fanout_fleet_capacity)
celebrity_bytes_written = size(celebrity_written_deliveries * timeline_entry_bytes * timeline_cache_copies)

# A live-timeline filter (step 6 weighs it): one bit per registered account, set while its timeline
# is cached, held by every fan-out worker, so a worker attempts only the followers whose bit is set.
# It would skip the attempts that find no timeline, each one an operation on every copy.
live_timeline_bitmap_bytes = size(registered_users / 8)
filter_skipped_attempts_peak = peak(deliveries_per_second_peak - written_deliveries_per_second_peak)
filter_skipped_cache_ops_peak = peak(filter_skipped_attempts_peak * timeline_cache_copies)

# Hybrid: skip fan-out for huge accounts and merge their recent tweets in at read time.
# Every timeline load then also reads the recent tweets of each huge account followed.
merge_reads_per_second_peak = peak(timeline_loads_per_second_peak * celebrities_followed_per_user)

# A hot key: one celebrity tweet read by a share of their followers within an hour.
hot_tweet_reads_per_second = per_second(celebrity_followers * celebrity_tweet_readers_first_hour / SECONDS_PER_HOUR)

if __name__ != "twitter_fanout":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Delivery attempts for one celebrity tweet, one per follower", celebrity_deliveries),
                ("Cache operations for them, one per attempt and timeline copy", celebrity_cache_ops),
                ("Attempts that write an entry (followers with a cached timeline)", celebrity_written_deliveries),
                (
                    f"Fan-out fleet's capacity: deliveries at peak × {zone_headroom} zone headroom",
                    fanout_fleet_capacity,
                ),
                ("Time for the whole fleet at that capacity, doing nothing else", celebrity_fanout_time),
                ("Bytes written to timeline caches, every copy", celebrity_bytes_written),
                ("Extra reads at peak if huge accounts are merged at read time", merge_reads_per_second_peak),
                ("Reads of one celebrity tweet in its first hour", hot_tweet_reads_per_second),
                ("A live-timeline filter: one bit per registered account", live_timeline_bitmap_bytes),
                ("Attempts it would skip at peak (no cached timeline)", filter_skipped_attempts_peak),
                ("Timeline cache operations it would save at peak, all copies", filter_skipped_cache_ops_peak),
            ],
        )
    )
