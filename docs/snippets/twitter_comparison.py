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
    searches_per_second,
    timeline_loads_per_second,
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
    times,
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

# Twitter's own figures from 2012 (Raffi Krikorian, Timelines at Scale, QCon San Francisco 2012; High
# Scalability's widely cited notes on that talk were written up in 2013, but every figure here is the
# talk's): about 150M active users, which Twitter counted monthly then, 400M tweets a day, 12K tweets
# a second at peak, 300K timeline reads a second (home and search timelines together, in the notes'
# words; the talk gives no peak for it, so it is taken as a daily average), 30B timeline deliveries a
# day. Its timeline cache held only the timelines of users active within about 30 days, so its
# deliveries are those written.
twitter_2012_monthly_active_users = count(150e6)
twitter_2012_tweets_per_day = per_day(400e6)
twitter_2012_tweets_per_second_peak = peak(12e3)
twitter_2012_timeline_reads_per_second = per_second(300e3)
twitter_2012_deliveries_per_day = per_day(30e9)
twitter_2012_deliveries_per_tweet = count(twitter_2012_deliveries_per_day / twitter_2012_tweets_per_day)
twitter_2012_reads_per_monthly_active_user_per_day = count(
    twitter_2012_timeline_reads_per_second * SECONDS_PER_DAY / twitter_2012_monthly_active_users
)
# Its counterpart here: our home loads and searches together, on average.
our_home_and_search_reads_per_second = per_second(timeline_loads_per_second + searches_per_second)
# Its reads per monthly user are this many times our home loads per daily user, and more per daily user,
# since daily users are fewer than monthly ones.
twitter_2012_reads_over_our_loads = times(
    twitter_2012_reads_per_monthly_active_user_per_day / timeline_loads_per_user_per_day
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
                    "Fan-out deliveries a second (ours: attempts under pure push, average rates)",
                    "~60K",
                    primer_deliveries_per_second,
                    deliveries_per_second,
                ),
            ],
        )
    )
    print()
    sources = (
        f"{cite('Timelines 2012', 'Timelines at Scale')}, {cite('Timelines 2013 write-up', 'notes written up in 2013')}"
    )
    print(
        markdown_table(
            ("Figure", f"Twitter published, 2012 ({sources})", "Ours"),
            [
                ("Monthly active users, 2012 (ours: daily)", twitter_2012_monthly_active_users, daily_active_users),
                ("Tweets a day", twitter_2012_tweets_per_day, tweets_per_day),
                ("Tweets a second at peak", twitter_2012_tweets_per_second_peak, tweets_per_second_peak),
                (
                    "Timeline reads a second, home and search, taken as an average (ours: home loads and "
                    "searches, average)",
                    twitter_2012_timeline_reads_per_second,
                    our_home_and_search_reads_per_second,
                ),
                (
                    "Timeline reads a day per monthly active user (ours: home loads per daily user)",
                    twitter_2012_reads_per_monthly_active_user_per_day,
                    timeline_loads_per_user_per_day,
                ),
                (
                    "Timeline deliveries a day (ours: pure push's, written then attempted)",
                    twitter_2012_deliveries_per_day,
                    f"{written_deliveries_per_day}, {deliveries_per_day}",
                ),
                (
                    "Deliveries written per tweet (ours: pure push's)",
                    twitter_2012_deliveries_per_tweet,
                    written_deliveries_per_tweet,
                ),
                (
                    "Its reads per monthly user over our home loads per daily user",
                    twitter_2012_reads_over_our_loads,
                    "",
                ),
            ],
        )
    )
