"""Twitter worked example: our figures beside the ones most guides quote, recomputed.

Each guide's figure is recomputed from that guide's own assumptions with this site's
arithmetic, so the table shows both where the guides round and where the assumptions differ.
"""

from twitter_assumptions import daily_active_users, tweets_per_day
from twitter_bandwidth import total_egress
from twitter_storage import media_bytes_per_day, tweet_bytes_per_day
from twitter_traffic import deliveries_per_second, page_loads_per_second, tweets_per_second

from sdw.estimation import (
    DAYS_PER_YEAR,
    KB,
    MB,
    SECONDS_PER_DAY,
    bandwidth,
    markdown_table,
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
                    "Fan-out deliveries a second",
                    "~60K",
                    primer_deliveries_per_second,
                    deliveries_per_second,
                ),
            ],
        )
    )
