"""Twitter worked example: our figures beside the ones most guides quote, recomputed.

Each guide's figure is recomputed from that guide's own assumptions with this site's
arithmetic, so the table shows both where the guides round and where the assumptions differ.
"""

from sources import cite
from twitter_assumptions import daily_active_users, timeline_loads_per_user_per_day, tweets_per_day
from twitter_bandwidth import total_egress
from twitter_storage import media_bytes_per_day, tweet_bytes_per_day
from twitter_traffic import (
    deliveries_per_day,
    deliveries_per_second,
    page_loads_per_second,
    timeline_loads_per_second,
    timeline_loads_per_second_peak,
    tweets_per_second,
    tweets_per_second_peak,
    written_deliveries_per_day,
    written_deliveries_per_tweet,
)

from sdw.estimation import (
    DAYS_PER_YEAR,
    KB,
    MB,
    SECONDS_PER_DAY,
    bandwidth,
    count,
    markdown_table,
    peak,
    per_day,
    per_second,
    size,
    size_per_day,
)

# Grokking the System Design Interview: 200M daily users, 100M tweets a day, 140 characters
# at 2 bytes each plus 30 bytes of metadata; a photo in every fifth tweet (200 KB) and a
# video in every tenth (2 MB); 28B tweet views a day, one video in three played.
grokking_tweets_per_day = per_day(100e6)
grokking_text_per_day = size_per_day(grokking_tweets_per_day * (140 * 2 + 30))
grokking_text_five_years = size(grokking_text_per_day * DAYS_PER_YEAR * 5)
grokking_media_per_day = size_per_day(grokking_tweets_per_day / 5 * 200 * KB + grokking_tweets_per_day / 10 * 2 * MB)
grokking_views_per_day = 28e9
grokking_egress = bandwidth(
    (grokking_views_per_day * 280 + grokking_views_per_day / 5 * 200 * KB + grokking_views_per_day / 10 / 3 * 2 * MB)
    / SECONDS_PER_DAY
)

# system-design-primer: 500M tweets a day (15B a month), 250B read requests a month (home and
# user timelines; its 10B searches a month are counted apart), each
# tweet fanned out to 10 followers on average, and the rule of thumb of 2.5 million seconds in
# a month, which is close enough for an estimate.
primer_tweets_per_second = per_second(15e9 / 2.5e6)
primer_reads_per_second = per_second(250e9 / 2.5e6)
primer_deliveries_per_second = per_second(15e9 * 10 / 2.5e6)

# Twitter's own figures from 2012-13 (Raffi Krikorian, Timelines at Scale, QCon San Francisco 2012,
# and High Scalability's widely cited notes on it, 2013): about 150M active users, 400M tweets a day,
# 12K tweets a second at peak, 300K timeline reads a second, 30B timeline deliveries a day. Its
# timeline cache held only active users' timelines, so its deliveries are those written.
twitter_2013_active_users = count(150e6)
twitter_2013_tweets_per_day = per_day(400e6)
twitter_2013_tweets_per_second_peak = peak(12e3)
twitter_2013_timeline_reads_per_second = per_second(300e3)
twitter_2013_deliveries_per_day = per_day(30e9)
twitter_2013_deliveries_per_tweet = count(twitter_2013_deliveries_per_day / twitter_2013_tweets_per_day)
twitter_2013_reads_per_active_user_per_day = count(
    twitter_2013_timeline_reads_per_second * SECONDS_PER_DAY / twitter_2013_active_users
)
if __name__ != "twitter_comparison":
    print(
        markdown_table(
            ("Figure", "Grokking quotes", "Recomputed", "Ours"),
            [
                ("Daily active users", "200M", "", daily_active_users),
                ("Tweets a day", "100M", "", tweets_per_day),
                ("Tweet text stored a day", "~30 GB", grokking_text_per_day, tweet_bytes_per_day),
                # Five years is Grokking's horizon; ours is set in twitter_assumptions.py.
                (
                    "Tweet text over five years, one copy",
                    "",
                    grokking_text_five_years,
                    size(tweet_bytes_per_day * DAYS_PER_YEAR * 5),
                ),
                ("Media stored a day", "~24 TB", grokking_media_per_day, media_bytes_per_day),
                ("Egress", "~35 GB/s", grokking_egress, total_egress),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Primer quotes", "Recomputed", "Ours"),
            [
                (
                    "Tweets a second",
                    "~6,000",
                    primer_tweets_per_second,
                    tweets_per_second,
                ),
                (
                    "Read requests a second (ours: home loads and profile views)",
                    "~100K",
                    primer_reads_per_second,
                    page_loads_per_second,
                ),
                (
                    "Fan-out deliveries a second (ours: attempts, one per follower)",
                    "~60K",
                    primer_deliveries_per_second,
                    deliveries_per_second,
                ),
            ],
        )
    )
    print()
    sources = f"{cite('Timelines 2012', 'Timelines at Scale')}, {cite('Timelines 2013 write-up', 'notes')}"
    print(
        markdown_table(
            ("Figure", f"Twitter published, 2012-13 ({sources})", "Ours"),
            [
                ("Active users (ours: daily)", twitter_2013_active_users, daily_active_users),
                ("Tweets a day", twitter_2013_tweets_per_day, tweets_per_day),
                ("Tweets a second at peak", twitter_2013_tweets_per_second_peak, tweets_per_second_peak),
                (
                    "Home timeline reads a second (ours: average, then peak)",
                    twitter_2013_timeline_reads_per_second,
                    f"{timeline_loads_per_second}, {timeline_loads_per_second_peak}",
                ),
                (
                    "Home timeline reads a day per active user",
                    twitter_2013_reads_per_active_user_per_day,
                    timeline_loads_per_user_per_day,
                ),
                (
                    "Timeline deliveries a day (ours: written, then attempted)",
                    twitter_2013_deliveries_per_day,
                    f"{written_deliveries_per_day}, {deliveries_per_day}",
                ),
                ("Deliveries written per tweet", twitter_2013_deliveries_per_tweet, written_deliveries_per_tweet),
            ],
        )
    )
