"""Twitter worked example: the site's ten-input model run on the Twitter preset, beside this
example's own figures, and what the model leaves out."""

from twitter_bandwidth import total_egress
from twitter_cache import timeline_cache_bytes, tweet_cache_bytes_held_all_copies
from twitter_servers import api_servers, requests_per_second_peak, total_servers
from twitter_storage import tweet_bytes_total

from sdw.estimation import bandwidth, estimate, markdown_table, peak, servers, size
from sdw.presets import twitter as twitter_preset

result = estimate(twitter_preset()["inputs"])

# The model: one write (a tweet), one read (a home-timeline page of tweet records), no fan-out.
model_requests_peak = peak(result["write_qps_peak"] + result["read_qps_peak"])
model_storage = size(result["storage_total_bytes"])
model_egress = bandwidth(result["egress_bytes_per_sec"])
model_cache_bytes = size(result["cache_bytes"])
model_servers = servers(result["servers"])

# This example, for the same figures.
example_cache_bytes = size(timeline_cache_bytes + tweet_cache_bytes_held_all_copies)

if __name__ != "twitter_model":
    print(
        markdown_table(
            ("Figure", "Ten-input model", "This example", "What the model leaves out"),
            [
                (
                    "Requests at peak",
                    model_requests_peak,
                    requests_per_second_peak,
                    "Favorites, profiles, searches, follows, media calls, device registrations, tweets opened "
                    "from pushes: it has one write and one read",
                ),
                ("Tweets stored, all copies", model_storage, tweet_bytes_total, "Nothing: the same arithmetic"),
                (
                    "Egress",
                    model_egress,
                    total_egress,
                    "Photos, videos, profile and search pages, opened pushes: it counts home-timeline records only",
                ),
                (
                    "Cache (timeline and tweet caches here)",
                    model_cache_bytes,
                    example_cache_bytes,
                    "Fan-out: it caches a fifth of a day's pages, not a timeline of IDs per weekly user, in copies",
                ),
                (
                    "Servers",
                    model_servers,
                    total_servers,
                    f"Zone headroom ({api_servers} API servers), databases and cache servers",
                ),
            ],
        )
    )
