"""Twitter worked example: requests per second, average and peak, and fan-out deliveries."""

from reference_peaks import record_tweets_per_second
from twitter_api_assumptions import media_polls_per_upload
from twitter_assumptions import (
    daily_active_users,
    deleted_tweet_share,
    favorites_per_user_per_day,
    follow_changes_per_user_per_day,
    follows_per_user,
    peak_to_average,
    photo_share,
    profile_views_per_user_per_day,
    registered_users,
    searches_per_user_per_day,
    timeline_entries_cached,
    timeline_loads_per_user_per_day,
    tweets_per_day,
    tweets_per_timeline_page,
    video_share,
    weekly_active_follow_edge_share_what_if,
    weekly_active_users,
)

from sdw.estimation import SECONDS_PER_DAY, count, fraction, markdown_table, peak, per_day, per_second, times

# Writes: new tweets and favorites.
tweets_per_second = per_second(tweets_per_day / SECONDS_PER_DAY)
tweets_per_second_peak = peak(tweets_per_second * peak_to_average)
favorites_per_day = per_day(daily_active_users * favorites_per_user_per_day)
favorites_per_second = per_second(favorites_per_day / SECONDS_PER_DAY)
favorites_per_second_peak = peak(favorites_per_second * peak_to_average)
# Tweets deleted, at the assumed share of tweets (step 4) and the same peak: left out of the write
# rates that size anything, since they are few next to posts and favorites.
tweet_deletes_per_second_peak = peak(tweets_per_second_peak * deleted_tweet_share)

# Follows and unfollows, and media calls: an upload slot and its completion for each photo or video.
follow_changes_per_second = per_second(daily_active_users * follow_changes_per_user_per_day / SECONDS_PER_DAY)
follow_changes_per_second_peak = peak(follow_changes_per_second * peak_to_average)
media_calls_per_second = per_second(tweets_per_day * (photo_share + video_share) * 2 / SECONDS_PER_DAY)
# Media status polls (GET /v1/media/{id}, step 3) until an upload is ready: one upload per media tweet.
media_polls_per_second = per_second(
    tweets_per_day * (photo_share + video_share) * media_polls_per_upload / SECONDS_PER_DAY
)
media_polls_per_second_peak = peak(media_polls_per_second * peak_to_average)

# Reads: each home timeline load, and each profile view (one author's tweets), returns one page.
timeline_loads_per_day = per_day(daily_active_users * timeline_loads_per_user_per_day)
timeline_loads_per_second = per_second(timeline_loads_per_day / SECONDS_PER_DAY)
timeline_loads_per_second_peak = peak(timeline_loads_per_second * peak_to_average)
profile_views_per_day = per_day(daily_active_users * profile_views_per_user_per_day)
profile_views_per_second = per_second(profile_views_per_day / SECONDS_PER_DAY)
profile_views_per_second_peak = peak(profile_views_per_second * peak_to_average)
# Both kinds of page: the timeline service serves them, and each shows a page of tweets.
page_loads_per_day = per_day(timeline_loads_per_day + profile_views_per_day)
page_loads_per_second = per_second(page_loads_per_day / SECONDS_PER_DAY)
page_loads_per_second_peak = peak(page_loads_per_second * peak_to_average)
tweet_views_per_day = per_day(page_loads_per_day * tweets_per_timeline_page)
tweet_views_per_second = per_second(tweet_views_per_day / SECONDS_PER_DAY)
tweet_views_per_second_peak = peak(tweet_views_per_second * peak_to_average)
searches_per_second = per_second(daily_active_users * searches_per_user_per_day / SECONDS_PER_DAY)
searches_per_second_peak = peak(searches_per_second * peak_to_average)

# Fan-out under pure push, at average rates (the hybrid pulls some accounts): one append-if-present
# attempt per follower of a tweet, an operation on each copy of the timeline, cached or not.
deliveries_per_day = per_day(tweets_per_day * follows_per_user)
deliveries_per_second = per_second(deliveries_per_day / SECONDS_PER_DAY)
deliveries_per_second_peak = peak(deliveries_per_second * peak_to_average)
# What the attempts write: an entry only where the follower's timeline is cached. A timeline expires
# after a week unread, so only users active in the last week have one. The independence assumption:
# a tweet's followers are taken to be weekly-active in the same share as all accounts, though active
# users follow more and are followed more, so the real share of follow edges is likely higher.
live_timeline_share = fraction(weekly_active_users / registered_users)
written_deliveries_per_tweet = count(follows_per_user * live_timeline_share)
written_deliveries_per_day = per_day(tweets_per_day * written_deliveries_per_tweet)
written_deliveries_per_second = per_second(written_deliveries_per_day / SECONDS_PER_DAY)
written_deliveries_per_second_peak = peak(written_deliveries_per_second * peak_to_average)
# What if weekly-active users held a larger share of follow edges than of accounts (step 2's what-if)?
edge_skew_written_deliveries_per_tweet = count(follows_per_user * weekly_active_follow_edge_share_what_if)
edge_skew_written_deliveries_per_second_peak = peak(
    tweets_per_day * edge_skew_written_deliveries_per_tweet / SECONDS_PER_DAY * peak_to_average
)
# Under the what-if each cached timeline gains more entries a day, so its cap holds fewer days; and a
# live-timeline filter (step 6) would skip fewer attempts, the rest of them finding a timeline.
edge_skew_entries_per_timeline_per_day = count(
    tweets_per_day * edge_skew_written_deliveries_per_tweet / weekly_active_users
)
edge_skew_timeline_cap_days = count(timeline_entries_cached / edge_skew_entries_per_timeline_per_day)
edge_skew_filter_skipped_attempts_peak = peak(deliveries_per_second_peak - edge_skew_written_deliveries_per_second_peak)
# Each cached timeline gains this many entries a day, and its cap holds this many days: the cap, not
# this rate, sizes the memory (twitter_cache).
entries_written_per_timeline_per_day = count(written_deliveries_per_day / weekly_active_users)
timeline_cap_days = count(timeline_entries_cached / entries_written_per_timeline_per_day)

# How lopsided is it? Requests, and tweets moved, per tweet written.
timeline_loads_per_tweet = times(timeline_loads_per_day / tweets_per_day)
page_loads_per_tweet = times(page_loads_per_day / tweets_per_day)
tweet_views_per_tweet = times(tweet_views_per_day / tweets_per_day)

# The record spike (143,199 tweets in one second, 3 August 2013: a sourced fact, kept with the
# reference's peaks beside Twitter's own average that year), over our average.
record_spike_over_our_average = times(record_tweets_per_second / tweets_per_second)

# Other snippets import this one for its rates; run on its own (or by the docs build), it prints.
if __name__ != "twitter_traffic":
    print(
        markdown_table(
            ("Figure", "Average", "Peak"),
            [
                ("Tweets posted", tweets_per_second, tweets_per_second_peak),
                ("Favorites", favorites_per_second, favorites_per_second_peak),
                ("Home timeline loads", timeline_loads_per_second, timeline_loads_per_second_peak),
                ("Profile views", profile_views_per_second, profile_views_per_second_peak),
                ("Home loads and profile views together", page_loads_per_second, page_loads_per_second_peak),
                ("Tweets shown (home timelines and profiles)", tweet_views_per_second, tweet_views_per_second_peak),
                ("Follows and unfollows", follow_changes_per_second, follow_changes_per_second_peak),
                ("Searches", searches_per_second, searches_per_second_peak),
                (
                    "Media status polls (one upload per media tweet)",
                    media_polls_per_second,
                    media_polls_per_second_peak,
                ),
                (
                    "Timeline delivery attempts, pure push's (one per follower): the hybrid's upper bound",
                    deliveries_per_second,
                    deliveries_per_second_peak,
                ),
                (
                    "Deliveries written, pure push's (followers with a cached timeline)",
                    written_deliveries_per_second,
                    written_deliveries_per_second_peak,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Ratio", "Value"),
            [
                ("Home timeline loads per tweet posted", timeline_loads_per_tweet),
                ("Home loads and profile views per tweet posted", page_loads_per_tweet),
                ("Tweets shown per tweet posted", tweet_views_per_tweet),
                ("Record second (2013) over our average", record_spike_over_our_average),
                ("Deliveries written per tweet posted", written_deliveries_per_tweet),
                ("Entries written into each cached timeline a day", entries_written_per_timeline_per_day),
                (f"Days of entries its {timeline_entries_cached} cached entries hold", timeline_cap_days),
                (
                    f"If weekly-active users held {weekly_active_follow_edge_share_what_if} of follow edges: "
                    "deliveries written per tweet",
                    edge_skew_written_deliveries_per_tweet,
                ),
                ("... written a second at peak", edge_skew_written_deliveries_per_second_peak),
                ("... entries written into each cached timeline a day", edge_skew_entries_per_timeline_per_day),
                ("... days its cap then holds", edge_skew_timeline_cap_days),
                ("... attempts a live-timeline filter would skip at peak", edge_skew_filter_skipped_attempts_peak),
            ],
        )
    )
