"""Twitter worked example: bytes stored per day, and over the retention period with copies."""

from reference_capacity import cassandra_gc_grace
from twitter_assumptions import (
    count_row_bytes,
    daily_active_users,
    favorite_record_bytes,
    favorites_per_user_per_day,
    follow_changes_per_user_per_day,
    follow_edge_bytes,
    follows_per_user,
    media_storage_overhead,
    photo_share,
    photo_stored_bytes,
    registered_users,
    retention_years,
    text_copies,
    tweet_metadata_bytes,
    tweet_text_bytes,
    tweets_per_day,
    user_tweet_entry_bytes,
    video_share,
    video_stored_bytes,
)

from sdw.estimation import DAYS_PER_YEAR, SECONDS_PER_DAY, count, fraction, markdown_table, size, size_per_day

days_kept = DAYS_PER_YEAR * retention_years

# Tweets: text plus metadata, three copies.
tweet_record_bytes = size(tweet_text_bytes + tweet_metadata_bytes)
tweet_bytes_per_day = size_per_day(tweets_per_day * tweet_record_bytes)
tweet_bytes_total = size(tweet_bytes_per_day * days_kept * text_copies)

# Each author's list of tweet IDs (the user_tweets table of step 6): one entry per tweet kept.
user_tweet_list_bytes_per_day = size_per_day(tweets_per_day * user_tweet_entry_bytes)
user_tweet_list_bytes_total = size(user_tweet_list_bytes_per_day * days_kept * text_copies)

# Favorites: one small row each, stored once, by user (step 4), which answers "did I favorite
# these?" in one partition read. Nothing in scope asks "who favorited this?", so there is no
# second table by tweet; counts come from the event log.
favorite_bytes_per_day = size_per_day(daily_active_users * favorites_per_user_per_day * favorite_record_bytes)
favorite_bytes_total = size(favorite_bytes_per_day * days_kept * text_copies)

# Counts: a TweetCounts row for every tweet kept (at most; a tweet nobody favorites needs none).
count_bytes_per_day = size_per_day(tweets_per_day * count_row_bytes)
count_bytes_total = size(count_bytes_per_day * days_kept * text_copies)

# Photos and videos: all stored sizes, erasure coded.
photo_bytes_per_day = size_per_day(tweets_per_day * photo_share * photo_stored_bytes)
video_bytes_per_day = size_per_day(tweets_per_day * video_share * video_stored_bytes)
media_bytes_per_day = size_per_day(photo_bytes_per_day + video_bytes_per_day)
# The data itself, before coding: what a managed object store bills; the disk it fills is the total.
media_bytes_data = size(media_bytes_per_day * days_kept)
media_bytes_total = size(media_bytes_per_day * days_kept * media_storage_overhead)

# The follow graph is a snapshot, not a daily stream: stored once per direction
# (who I follow, who follows me) so both questions are one lookup.
follow_graph_bytes = size(registered_users * follows_per_user * follow_edge_bytes * 2 * text_copies)
# The "whom I follow" row also holds the edge's state (following or not, a byte) and its version
# (8 bytes, step 4). An unfollow keeps its row, not following, for the graph tables' gc_grace, as
# long as the follower row's tombstone; every follow change is counted as an unfollow, an upper bound.
following_row_extra_bytes = size(1 + 8)
unfollowed_rows_kept = count(
    daily_active_users * follow_changes_per_user_per_day * cassandra_gc_grace / SECONDS_PER_DAY
)
follow_versions_bytes = size(
    (
        registered_users * follows_per_user * following_row_extra_bytes
        + unfollowed_rows_kept * (follow_edge_bytes + following_row_extra_bytes)
    )
    * text_copies
)
follow_versions_share = fraction(follow_versions_bytes / follow_graph_bytes)

# Other snippets import this one for its figures; run on its own (or by the docs build), it prints.
if __name__ != "twitter_storage":
    print(
        markdown_table(
            ("Data", "Per day (one copy)", f"After {retention_years} years, all copies"),
            [
                ("Tweets (text and metadata)", tweet_bytes_per_day, tweet_bytes_total),
                ("Authors' tweet lists (user_tweets)", user_tweet_list_bytes_per_day, user_tweet_list_bytes_total),
                ("Favorites (by user)", favorite_bytes_per_day, favorite_bytes_total),
                ("Favorite counts (by tweet)", count_bytes_per_day, count_bytes_total),
                ("Photos", photo_bytes_per_day, size(photo_bytes_per_day * days_kept * media_storage_overhead)),
                ("Videos", video_bytes_per_day, size(video_bytes_per_day * days_kept * media_storage_overhead)),
                ("All media", media_bytes_per_day, media_bytes_total),
                ("Follow graph (both directions)", "not a daily stream", follow_graph_bytes),
                (
                    "... its versions and state, and the unfollowed rows kept for the grace",
                    "not a daily stream",
                    follow_versions_bytes,
                ),
            ],
        )
    )
