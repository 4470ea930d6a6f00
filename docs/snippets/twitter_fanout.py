"""Twitter worked example: what one tweet from a huge account costs, and what the hybrid costs."""

from twitter_assumptions import (
    busy_pulled_accounts,
    celebrities_followed_per_user,
    celebrity_followers,
    celebrity_tweet_readers_first_hour,
    cost_rule_floor_followers,
    follows_per_user,
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

from sdw.estimation import (
    SECONDS_PER_HOUR,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    size,
    throughput,
)

# Fan-out on write for one celebrity tweet: one append-if-present attempt per follower, each an
# operation on every copy of that follower's timeline, whether or not the timeline is cached there.
celebrity_deliveries = celebrity_followers
celebrity_cache_ops = count(celebrity_deliveries * timeline_cache_copies)
# Of those attempts, only the followers with a cached timeline get an entry written, in every copy.
celebrity_written_deliveries = count(celebrity_followers * live_timeline_share)
# The fan-out fleet is built for the hybrid (step 6) with a zone lost. The hybrid sends no attempt to a pulled
# account's followers, who hold at least the huge accounts' share of the follow edges plus the busy accounts'
# at the cost rule's floor (twitter_read_path weighs both ends), so at launch it sends at most this many at
# peak. The fleet is built so that the two zones left run that rate at no more than fanout_zone_lost_load_most
# of what they can do: the rest is the spare that absorbs bursts, and step 7's ticket fires when the measured
# attempts pass that share. That also holds pure push's peak with a zone lost. The fleet's capacity is the
# zone-lost capacity times zone_headroom. The time is that whole capacity doing nothing else, every other
# tweet waiting behind this one.
fanout_zone_lost_load_most = fraction(0.9)
launch_pulled_share_least = fraction(
    celebrities_followed_per_user / follows_per_user
    + busy_pulled_accounts * cost_rule_floor_followers / (registered_users * follows_per_user)
)
launch_hybrid_attempts_peak_most = peak(deliveries_per_second_peak * (1 - launch_pulled_share_least))
fanout_zone_lost_capacity = throughput(launch_hybrid_attempts_peak_most / fanout_zone_lost_load_most)
assert fanout_zone_lost_capacity >= deliveries_per_second_peak
fanout_fleet_capacity = throughput(fanout_zone_lost_capacity * zone_headroom)
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
                ("Hybrid's delivery attempts at peak at launch, at most", launch_hybrid_attempts_peak_most),
                (
                    f"Fan-out capacity with a zone lost: that rate at {fanout_zone_lost_load_most} of it",
                    fanout_zone_lost_capacity,
                ),
                (f"Fan-out fleet's capacity: that × {zone_headroom} zone headroom", fanout_fleet_capacity),
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
