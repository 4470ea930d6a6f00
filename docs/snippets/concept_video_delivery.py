"""Concepts, video upload and streaming: what segment length does to start-up, requests and objects;
what an hour of viewing costs in CDN egress at each rung and in each region; how far behind live a
player sits; and what a viral video's first minutes ask of the origin with and without a shield.

Start-up: the player fetches the multivariant playlist and the media playlist (a round trip each, on
a connection already open), then the first segment at the starting rung at the viewer's throughput,
and starts once that segment is in.

Requests: one a segment a viewer; priced at CloudFront's HTTPS request rate. Egress: bit rate x an
hour, billed per GB of 2^30 bytes at CloudFront's first and last volume tiers, in each region.

Live: a player starts LIVE_HOLD_BACK_TARGETS target durations behind the end of the playlist (RFC
8216), so latency is that hold-back plus the segment being made (one more duration) before it can be
listed; LL-HLS lists parts of LL_PART_SECONDS as they are made, with the same hold-back in parts.

Viral: the 10-minute video cut into segments at every rung; without a shield each of the CDN page's
edges fetches each object once from the origin; with one, the shield fetches it once.
"""

import math

from concept_cdn_tail import edges_fetching
from concept_video import VIDEO_SECONDS, h264_bytes_per_minute, median_views
from concept_video_assumptions import (
    APPLE_LADDER_KBPS,
    CDN_PRICE_BULK,
    CDN_PRICE_FIRST,
    CDN_PRICE_INDIA,
    CDN_PRICE_SOUTH_AMERICA,
    CDN_REQUEST_PRICE,
    EDGE_COUNT,
    LIVE_HOLD_BACK_TARGETS,
    LL_PART_SECONDS,
    PLAYER_BUFFER_SECONDS,
    RTT_SECONDS,
    SEGMENT_SECONDS,
    SHORT_SEGMENT_SECONDS,
    START_KBPS,
    VIEW_KBPS,
    VIEWER_KBPS,
)

from sdw.estimation import SECONDS_PER_HOUR, GiB, count, duration, fraction, markdown_table, peak, size, times

KBIT = 1_000
MINUTE = 60
PLAYLIST_ROUND_TRIPS = 2
CONCURRENT_VIEWERS = 1_000_000  # a large live event or a busy evening: the page's assumption


def dollars(value: float):
    """US dollars, as a count the page prefixes with $."""
    return count(value)


# --- Segment length ---------------------------------------------------------------------------------------------
def start_up(segment: float) -> float:
    return PLAYLIST_ROUND_TRIPS * RTT_SECONDS + RTT_SECONDS + segment * START_KBPS / VIEWER_KBPS


def requests_per_hour(segment: float) -> float:
    return SECONDS_PER_HOUR / segment


def egress_hour(kbps: float, price: float) -> float:
    return kbps * KBIT / 8 * SECONDS_PER_HOUR / GiB * price


def objects_per_video(segment: float) -> int:
    return math.ceil(VIDEO_SECONDS / segment) * len(APPLE_LADDER_KBPS)


segment_rows = []
for seg in (SHORT_SEGMENT_SECONDS, SEGMENT_SECONDS):
    segment_rows.append(
        (
            duration(seg),
            duration(start_up(seg)),
            count(1 / seg),
            peak(CONCURRENT_VIEWERS / seg),
            dollars(requests_per_hour(seg) * CDN_REQUEST_PRICE),
            fraction(requests_per_hour(seg) * CDN_REQUEST_PRICE / egress_hour(VIEW_KBPS, CDN_PRICE_FIRST)),
            count(objects_per_video(seg)),
        )
    )
start_short = duration(start_up(SHORT_SEGMENT_SECONDS))
start_long = duration(start_up(SEGMENT_SECONDS))
requests_short = peak(CONCURRENT_VIEWERS / SHORT_SEGMENT_SECONDS)
requests_long = peak(CONCURRENT_VIEWERS / SEGMENT_SECONDS)
concurrent_viewers = count(CONCURRENT_VIEWERS)
request_share_short = fraction(
    requests_per_hour(SHORT_SEGMENT_SECONDS) * CDN_REQUEST_PRICE / egress_hour(VIEW_KBPS, CDN_PRICE_FIRST)
)
request_share_long = fraction(
    requests_per_hour(SEGMENT_SECONDS) * CDN_REQUEST_PRICE / egress_hour(VIEW_KBPS, CDN_PRICE_FIRST)
)
objects_short = count(objects_per_video(SHORT_SEGMENT_SECONDS))
objects_long = count(objects_per_video(SEGMENT_SECONDS))
objects_ratio = times(SEGMENT_SECONDS / SHORT_SEGMENT_SECONDS)

# --- Egress per hour of viewing, per rung and per region ---------------------------------------------------------
rung_rows = [
    (
        f"{k:,}",
        size(k * KBIT / 8 * SECONDS_PER_HOUR),
        dollars(egress_hour(k, CDN_PRICE_FIRST)),
        dollars(egress_hour(k, CDN_PRICE_BULK)),
    )
    for k in APPLE_LADDER_KBPS
]
top_hour_bytes = size(APPLE_LADDER_KBPS[-1] * KBIT / 8 * SECONDS_PER_HOUR)
top_hour_first = dollars(egress_hour(APPLE_LADDER_KBPS[-1], CDN_PRICE_FIRST))
view_hour_bytes = size(VIEW_KBPS * KBIT / 8 * SECONDS_PER_HOUR)
view_hour_first = dollars(egress_hour(VIEW_KBPS, CDN_PRICE_FIRST))
view_hour_bulk = dollars(egress_hour(VIEW_KBPS, CDN_PRICE_BULK))
top_over_bottom = times(APPLE_LADDER_KBPS[-1] / APPLE_LADDER_KBPS[0])
REGIONS = [
    ("United States and Europe", (CDN_PRICE_FIRST, CDN_PRICE_BULK)),
    ("South America", CDN_PRICE_SOUTH_AMERICA),
    ("India", CDN_PRICE_INDIA),
]
region_rows = [
    (name, dollars(egress_hour(VIEW_KBPS, first)), dollars(egress_hour(VIEW_KBPS, bulk)), times(bulk / CDN_PRICE_BULK))
    for name, (first, bulk) in REGIONS
]
india_over_us_bulk = times(CDN_PRICE_INDIA[1] / CDN_PRICE_BULK)
india_view_hour_bulk = dollars(egress_hour(VIEW_KBPS, CDN_PRICE_INDIA[1]))
# Capping the top rung in the dearest region at Apple's 3000 kbit/s 720p rung, for views that would have
# taken the 1080p top rung.
CAPPED_KBPS = 3_000
cap_saving = fraction(1 - CAPPED_KBPS / APPLE_LADDER_KBPS[-1])
capped_mbps = count(CAPPED_KBPS / KBIT)

# --- Rebuffering: how long a buffer lasts when throughput falls below the bit rate ------------------------------
# Playing at VIEW_KBPS while downloading at half of it, the buffer drains at half a second per second.
DROP_TO = 0.5


def seconds_to_stall(buffer_seconds: float) -> float:
    return buffer_seconds / (1 - DROP_TO)


drop_to = fraction(DROP_TO)
stall_after_vod = duration(seconds_to_stall(PLAYER_BUFFER_SECONDS))
stall_after_live = duration(seconds_to_stall((LIVE_HOLD_BACK_TARGETS) * LL_PART_SECONDS))

# --- Head and tail: the first segment of a video, over its life, at the CDN page's edges -------------------------
HEAD_VIEWS = 1_000_000  # a hit: the page's example


def edge_hit(requests: float) -> float:
    return max(0.0, 1 - edges_fetching(requests) / requests)


head_views = count(HEAD_VIEWS)
head_edge_hit = fraction(edge_hit(HEAD_VIEWS))
tail_views = count(median_views)
tail_edges_fetching = count(edges_fetching(median_views))
tail_edge_hit = fraction(edge_hit(median_views))
tail_shield_hit = fraction(1 - 1 / median_views)

# --- Live ----------------------------------------------------------------------------------------------------------
live_hls_6 = duration((LIVE_HOLD_BACK_TARGETS + 1) * SEGMENT_SECONDS)
live_hls_2 = duration((LIVE_HOLD_BACK_TARGETS + 1) * SHORT_SEGMENT_SECONDS)
live_ll = duration((LIVE_HOLD_BACK_TARGETS + 1) * LL_PART_SECONDS)
ll_requests_per_viewer = count(1 / LL_PART_SECONDS)

# --- A viral video's first minutes ------------------------------------------------------------------------------------
video_objects = objects_per_video(SEGMENT_SECONDS)
ladder_bytes_per_video = h264_bytes_per_minute * VIDEO_SECONDS / MINUTE
edges = count(EDGE_COUNT)
viral_fetches_no_shield = count(EDGE_COUNT * video_objects)
viral_fetches_shield = count(video_objects)
viral_bytes_no_shield = size(EDGE_COUNT * ladder_bytes_per_video)
viral_bytes_shield = size(ladder_bytes_per_video)
# A bad encode: new versioned names mean replacing the playlists, not purging segments.
playlists_per_video = count(1 + len(APPLE_LADDER_KBPS))
segments_per_video = count(video_objects)

if __name__ != "concept_video_delivery":
    print(
        markdown_table(
            (
                "Segment",
                "Start-up",
                "Requests a second per viewer",
                f"Requests at {concurrent_viewers} viewers, peak",
                "Request dollars per viewer-hour",
                "Against egress",
                "Objects per 10-minute video",
            ),
            segment_rows,
        )
    )
    print()
    print(
        markdown_table(
            ("Rung, kbit/s", "Bytes per hour of viewing", "Dollars, first 10 TB", "Dollars, over 5 PB"),
            rung_rows,
        )
    )
    print()
    print(
        markdown_table(
            ("An hour at the average view's bit rate", "First 10 TB", "Over 5 PB", "Over 5 PB, against the US"),
            region_rows,
        )
    )
    print()
    print(
        f"Behind live: {live_hls_6} with {duration(SEGMENT_SECONDS)} segments, {live_hls_2} with "
        f"{duration(SHORT_SEGMENT_SECONDS)}, {live_ll} with LL-HLS parts of {duration(LL_PART_SECONDS)}, "
        "encoding aside."
    )
