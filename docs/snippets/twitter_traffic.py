"""Twitter worked example: requests per second, average and peak, and fan-out deliveries."""

from reference_peaks import record_tweets_per_second
from twitter_assumptions import (
    daily_active_users,
    favorites_per_user_per_day,
    follows_per_user,
    peak_to_average,
    searches_per_user_per_day,
    timeline_loads_per_user_per_day,
    tweets_per_day,
    tweets_per_timeline_page,
)

from sdw.estimation import SECONDS_PER_DAY, markdown_table, peak, per_day, per_second, times

# Writes: new tweets and favorites.
tweets_per_second = per_second(tweets_per_day / SECONDS_PER_DAY)
tweets_per_second_peak = peak(tweets_per_second * peak_to_average)
favorites_per_day = per_day(daily_active_users * favorites_per_user_per_day)
favorites_per_second = per_second(favorites_per_day / SECONDS_PER_DAY)
favorites_per_second_peak = peak(favorites_per_second * peak_to_average)

# Reads: each timeline load returns one page of tweets.
timeline_loads_per_day = per_day(daily_active_users * timeline_loads_per_user_per_day)
timeline_loads_per_second = per_second(timeline_loads_per_day / SECONDS_PER_DAY)
timeline_loads_per_second_peak = peak(timeline_loads_per_second * peak_to_average)
tweet_views_per_day = per_day(timeline_loads_per_day * tweets_per_timeline_page)
tweet_views_per_second = per_second(tweet_views_per_day / SECONDS_PER_DAY)
tweet_views_per_second_peak = peak(tweet_views_per_second * peak_to_average)
searches_per_second = per_second(daily_active_users * searches_per_user_per_day / SECONDS_PER_DAY)
searches_per_second_peak = peak(searches_per_second * peak_to_average)

# Fan-out on write: every tweet lands in each follower's cached home timeline.
deliveries_per_day = per_day(tweets_per_day * follows_per_user)
deliveries_per_second = per_second(deliveries_per_day / SECONDS_PER_DAY)
deliveries_per_second_peak = peak(deliveries_per_second * peak_to_average)

# How lopsided is it? Requests, and tweets moved, per tweet written.
timeline_loads_per_tweet = times(timeline_loads_per_day / tweets_per_day)
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
                ("Tweets shown in timelines", tweet_views_per_second, tweet_views_per_second_peak),
                ("Searches", searches_per_second, searches_per_second_peak),
                ("Timeline deliveries (fan-out)", deliveries_per_second, deliveries_per_second_peak),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Ratio", "Value"),
            [
                ("Timeline loads per tweet posted", timeline_loads_per_tweet),
                ("Tweets shown per tweet posted", tweet_views_per_tweet),
                ("Record second (2013) over our average", record_spike_over_our_average),
            ],
        )
    )
