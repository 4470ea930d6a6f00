"""Concepts, CDNs and object storage: what the CDN's hit ratio leaves for the origin, in requests and
in bytes, at the Twitter example's media traffic; and the hit ratios Facebook measured at each layer
of its photo-serving stack.

Traffic: the Twitter example's media egress (twitter_bandwidth) at its peak-to-average factor. It
counts a fetch for every photo or video shown, with nothing taken off for the copies apps already
hold, so a hit ratio on this base is the share of what is shown that never reaches the origin: the
app's cache, the CDN's edges and its shield tier together. A request is a photo, or a video segment:
players fetch video in segments of SEGMENT_SECONDS (Apple's HLS authoring specification asks for
6 s), so a play of the example's watched seconds fetches the segments it starts. At the example's
bit rate, the top rung, a segment is a 6 s byte range of one fragmented MP4 made from the original
(HLS EXT-X-BYTERANGE); the three lower rungs are segment objects. The bytes stay the
example's (the seconds watched, not whole segments), a lower bound: players buffer ahead.

The origin sees the misses: requests x (1 - hit ratio), and, assuming a byte hits as often as a
request, the same share of the bytes.

Facebook's layers (Huang et al., An Analysis of Facebook Photo Caching, SOSP 2013): of all photo
requests, counted at the browser, browser caches served 65.5%, the edge caches 20.0%, the origin
cache 4.6% and the backend (Haystack) 9.9%. On the Twitter example's base, the caches' hit ratio is
the three caches' shares together. Each layer's own hit ratio is what it served over what reached
it; the paper gives the edge's and the origin cache's from its unrounded counts (58.0%, 31.8%).
"""

import math

from twitter_assumptions import (
    cdn_hit_ratio,
    peak_to_average,
    photo_share,
    video_bits_per_second,
    video_played_share,
    video_seconds_watched,
    video_share,
    video_uploaded_bytes,
)
from twitter_bandwidth import photo_egress, tweets_sent_per_second, video_egress

from sdw.estimation import bandwidth, count, duration, fraction, markdown_table, peak, size, times

SEGMENT_SECONDS = 6
HIT_RATIOS = [0.90, 0.95, 0.99]
S3_GETS_PER_PREFIX = 5_500  # Amazon S3: at least this many GET/HEAD a second per partitioned prefix
S3_PUTS_PER_PREFIX = 3_500  # and this many PUT/COPY/POST/DELETE

segment_seconds = duration(SEGMENT_SECONDS)
segment_bytes = size(SEGMENT_SECONDS * video_bits_per_second / 8)
video_length = duration(video_uploaded_bytes * 8 / video_bits_per_second)
segments_per_video = count(math.ceil(video_length / SEGMENT_SECONDS))
segments_per_play = count(math.ceil(video_seconds_watched / SEGMENT_SECONDS))

media_requests_peak = peak(
    tweets_sent_per_second * (photo_share + video_share * video_played_share * segments_per_play) * peak_to_average
)
media_egress_peak = bandwidth((photo_egress + video_egress) * peak_to_average, peak=True)
# Video's part of the requests and of the bytes: a byte hit ratio need not equal the request one.
video_request_share = fraction(
    video_share
    * video_played_share
    * segments_per_play
    / (photo_share + video_share * video_played_share * segments_per_play)
)
video_byte_share = fraction(video_egress / (photo_egress + video_egress))


def origin_requests(hit: float):
    return peak(media_requests_peak * (1 - hit))


def origin_bytes(hit: float):
    return bandwidth(media_egress_peak * (1 - hit), peak=True)


rows = [
    (
        f"{fraction(hit)}{', the example' if hit == float(cdn_hit_ratio) else ''}",
        origin_requests(hit),
        origin_bytes(hit),
    )
    for hit in HIT_RATIOS
]
origin_requests_at_90 = origin_requests(0.90)
origin_requests_at_99 = origin_requests(0.99)
origin_bytes_at_90 = origin_bytes(0.90)
origin_bytes_at_99 = origin_bytes(0.99)
# Misses at 90% against one S3 prefix's read rate: why the example's keys start with a hash.
s3_gets_per_prefix = count(S3_GETS_PER_PREFIX)
s3_puts_per_prefix = count(S3_PUTS_PER_PREFIX)
prefixes_at_90 = times(origin_requests_at_90 / S3_GETS_PER_PREFIX)

# --- Facebook's photo stack, 2013 -------------------------------------------------------------------------
BROWSER, EDGE, ORIGIN_CACHE, BACKEND = 0.655, 0.200, 0.046, 0.099  # shares of all photo requests
EDGE_HIT_REPORTED, ORIGIN_CACHE_HIT_REPORTED = 0.580, 0.318  # the paper's per-layer hit ratios
fb_cached_share = fraction(BROWSER + EDGE + ORIGIN_CACHE)  # every cache together, on the example's base
fb_backend_share = fraction(BACKEND)
fb_reaching_edge = fraction(1 - BROWSER)
fb_edge_hit = fraction(EDGE_HIT_REPORTED)
fb_origin_cache_hit = fraction(ORIGIN_CACHE_HIT_REPORTED)
# The CDN's two tiers alone, counted from the requests that reached the edge: a different base.
fb_cdn_hit = fraction((EDGE + ORIGIN_CACHE) / (1 - BROWSER))
# The Twitter example's origin, had its caches together done exactly as Facebook's did.
origin_bytes_at_fb_ratio = origin_bytes(fb_cached_share)

if __name__ != "concept_cdn_origin":
    print(
        markdown_table(
            ("Hit ratio: app, edges and shield", "Origin requests at peak", "Origin bytes at peak"),
            [*rows, ("None: every item shown from the origin", media_requests_peak, media_egress_peak)],
        )
    )
    print()
    print(
        markdown_table(
            ("Facebook's photo layers, 2013", "Share of all requests served", "Hit ratio of what reached it"),
            [
                ("Browser caches", fraction(BROWSER), fraction(BROWSER)),
                ("Edge caches", fraction(EDGE), fb_edge_hit),
                ("Origin cache", fraction(ORIGIN_CACHE), fb_origin_cache_hit),
                ("Backend storage", fb_backend_share, "every request that reaches it"),
                ("Every cache together", fb_cached_share, fb_cached_share),
                ("The CDN's two tiers, counted from the edge", fraction(EDGE + ORIGIN_CACHE), fb_cdn_hit),
            ],
        )
    )
    print()
    print(
        f"Requests are photos and {segment_seconds} video segments ({segment_bytes} each at the example's bit "
        f"rate; a {video_length} video is {segments_per_video} segments, a play of {video_seconds_watched} s "
        f"fetches {segments_per_play})."
    )
