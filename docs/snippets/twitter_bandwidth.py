"""Twitter worked example: bytes per second coming in (uploads) and going out (reads)."""

from twitter_assumptions import (
    peak_to_average,
    photo_served_bytes,
    photo_share,
    photo_stored_bytes,
    photo_uploaded_bytes,
    tweet_metadata_bytes,
    tweet_text_bytes,
    tweets_per_day,
    tweets_per_timeline_page,
    video_bits_per_second,
    video_lower_renditions_bytes,
    video_played_share,
    video_seconds_watched,
    video_share,
    video_uploaded_bytes,
)
from twitter_notifications import pushes_per_second
from twitter_traffic import searches_per_second, tweet_views_per_second

from sdw.estimation import SECONDS_PER_DAY, bandwidth, markdown_table, per_second, size

tweet_record_bytes = tweet_text_bytes + tweet_metadata_bytes

# Ingress: what clients upload, the originals only.
tweet_ingress = bandwidth(tweets_per_day * tweet_record_bytes / SECONDS_PER_DAY)
media_ingress = bandwidth(
    tweets_per_day * (photo_share * photo_uploaded_bytes + video_share * video_uploaded_bytes) / SECONDS_PER_DAY
)
# Not ingress: the resized photos and transcoded videos the media workers make and write to the
# object store, inside the data center: a video's top rung at the original's size (a remuxed one then
# replaces the original, which is deleted) and its lower renditions.
media_derivative_writes = bandwidth(
    tweets_per_day
    * (
        photo_share * (photo_stored_bytes - photo_uploaded_bytes)
        + video_share * (video_uploaded_bytes + video_lower_renditions_bytes)
    )
    / SECONDS_PER_DAY
)

# Egress: every tweet shown sends its record; some carry a photo, a few a video that plays.
# Tweets are shown on home and profile pages (tweet_views_per_second), on search pages (a page of
# results a search, hydrated with media like a timeline page, step 5), and one for each push opened
# (at most one per user notified: an upper bound, as twitter_servers takes it).
video_served_bytes = size(video_seconds_watched * video_bits_per_second / 8)
search_results_per_second = per_second(searches_per_second * tweets_per_timeline_page)
tweets_sent_per_second = per_second(tweet_views_per_second + search_results_per_second + pushes_per_second)
bytes_per_tweet_sent = size(
    tweet_record_bytes + photo_share * photo_served_bytes + video_share * video_played_share * video_served_bytes
)
tweet_egress = bandwidth(tweets_sent_per_second * tweet_record_bytes)
photo_egress = bandwidth(tweets_sent_per_second * photo_share * photo_served_bytes)
video_egress = bandwidth(tweets_sent_per_second * video_share * video_played_share * video_served_bytes)
total_egress = bandwidth(tweet_egress + photo_egress + video_egress)
# The same total by page: home and profile pages, search pages, tweets opened from pushes.
timeline_page_egress = bandwidth(tweet_views_per_second * bytes_per_tweet_sent)
search_page_egress = bandwidth(search_results_per_second * bytes_per_tweet_sent)
opened_push_egress_at_most = bandwidth(pushes_per_second * bytes_per_tweet_sent)
# The CDN and the origin are sized for the busy hour, not the average.
total_egress_peak = bandwidth(total_egress * peak_to_average, peak=True)

# Other snippets import this one for its figures; run on its own (or by the docs build), it prints.
if __name__ != "twitter_bandwidth":
    print(
        markdown_table(
            ("Direction", "What", "Bandwidth"),
            [
                ("In", "Tweets", tweet_ingress),
                ("In", "Photos and videos, as uploaded", media_ingress),
                ("Inside", "Resized and transcoded copies, written by the media workers", media_derivative_writes),
                ("Out", "Tweets' records", tweet_egress),
                ("Out", "Photos", photo_egress),
                ("Out", f"Videos ({video_served_bytes} per play)", video_egress),
                (
                    "Out",
                    f"By page: home and profile pages ({bytes_per_tweet_sent} a tweet shown)",
                    timeline_page_egress,
                ),
                ("Out", "By page: search pages", search_page_egress),
                ("Out", "By page: tweets opened from pushes, at most one a user notified", opened_push_egress_at_most),
                ("Out", "Total, average", total_egress),
                ("Out", "Total, at peak", total_egress_peak),
            ],
        )
    )
