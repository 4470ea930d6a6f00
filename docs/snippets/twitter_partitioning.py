"""Twitter worked example: where the tweet store's writes and partitions land under each key."""

import math

from twitter_api import post_limit_per_day
from twitter_api_assumptions import following_cap
from twitter_assumptions import (
    celebrity_followers,
    follow_edge_bytes,
    follower_gain_busiest_over_average,
    follower_gain_record,
    follower_gain_record_time,
    partition_target_bytes,
    reads_per_database_server,
    retention_years,
    store_write_cost_over_recent_read,
    text_copies,
    user_tweet_entry_bytes,
)
from twitter_servers import database_servers
from twitter_traffic import tweets_per_second_peak

from sdw.estimation import DAYS_PER_YEAR, count, fraction, markdown_table, peak, size, throughput, times

# Tweets hashed by tweet ID: each write lands on `text_copies` servers out of all of them.
writes_per_server_hashed = peak(tweets_per_second_peak * text_copies / database_servers)
# Tweets ranged by time: the newest range takes every write, on each of its copies.
writes_per_server_time_ranged = peak(tweets_per_second_peak)
time_range_concentration = times(writes_per_server_time_ranged / writes_per_server_hashed)

# Followers kept by user: the largest account's list in one partition, one copy.
celebrity_follower_list_bytes = size(celebrity_followers * follow_edge_bytes)
celebrity_follower_buckets = count(math.ceil(celebrity_follower_list_bytes / partition_target_bytes))
# Buckets do not spread new follows: each names the account's last bucket, the open one, so all of
# them land on one partition, a plain write on each of its three replicas. The busiest second of the
# fastest follower gain on record, against what one server's writes can take (a replica write at its
# cost in recent reads), which that partition's replica shares with the server's other partitions.
celebrity_new_follows_peak = peak(follower_gain_record / follower_gain_record_time * follower_gain_busiest_over_average)
store_writes_per_server = throughput(reads_per_database_server / store_write_cost_over_recent_read)
celebrity_new_follows_server_share = fraction(celebrity_new_follows_peak / store_writes_per_server)

# The accounts one user follows, one partition per user, never split: at most the following cap's edges.
following_list_bytes_most = size(following_cap * follow_edge_bytes)

# A user's tweet IDs kept by user, newest first, one partition per author: the busiest allowed
# account in a year, and over the years kept, past the largest partition we allow. So a list is
# split, as a follower list is, but only once it nears that size (step 6); an author fills it within
# the years kept only by posting more than this many tweets a day on average, all of those years.
busiest_user_list_bytes_per_year = size(post_limit_per_day * DAYS_PER_YEAR * user_tweet_entry_bytes)
busiest_user_list_bytes_kept = size(busiest_user_list_bytes_per_year * retention_years)
busiest_user_list_over_target = times(busiest_user_list_bytes_kept / partition_target_bytes)
list_split_posts_per_day_least = count(
    partition_target_bytes / (user_tweet_entry_bytes * DAYS_PER_YEAR * retention_years)
)

if __name__ != "twitter_partitioning":
    print(
        markdown_table(
            ("Tweet store partitioned by", "Tweet writes per server at peak"),
            [
                (f"hash of tweet ID, {database_servers} servers", writes_per_server_hashed),
                ("time range (newest range takes all)", writes_per_server_time_ranged),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Newest time range over a hashed server", time_range_concentration),
                ("Largest account's follower list, one copy", celebrity_follower_list_bytes),
                (f"Buckets to keep it under {partition_target_bytes} each", celebrity_follower_buckets),
                ("New follows of one account at peak, all on its open bucket", celebrity_new_follows_peak),
                ("Writes one store server can take, writes alone", store_writes_per_server),
                ("... the new follows' share of them", celebrity_new_follows_server_share),
                (f"Accounts one user follows, at the cap of {following_cap}, one copy", following_list_bytes_most),
                ("Busiest allowed account's tweet IDs in a year", busiest_user_list_bytes_per_year),
                (f"... in the {retention_years} years kept", busiest_user_list_bytes_kept),
                (f"... over the {partition_target_bytes} target", busiest_user_list_over_target),
                (
                    f"Tweets a day, on average over {retention_years} years, that fill a list to the target",
                    list_split_posts_per_day_least,
                ),
            ],
        )
    )
