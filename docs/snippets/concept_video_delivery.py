"""Concepts, video upload and streaming: what segment length does to start-up, requests and objects;
what an hour of viewing costs in CDN egress at each rung and in each region; how far behind live a
player sits; and what a viral video's first minutes ask of the origin with and without a shield.

Start-up, on a first play: connection set-up (DNS, TCP, TLS: SETUP_ROUND_TRIPS round trips), the
multivariant playlist, the media playlist, the CMAF init segment and the first media segment's request
(a round trip each; players load the init segment and then the segment), then media at the starting
rung, at the viewer's throughput, in one of two ways. ExoPlayer parses samples as a segment downloads
and starts once EXOPLAYER_START_SECONDS of media are buffered (Media3's default, 1 s), mid-segment:
that much media, plus a round trip for each further segment it has to request (none with 2 s or 6 s
segments; ExoPlayer 2.x's 2.5 s needed one more with 2 s). hls.js appends whole fragments and starts
after the first: one whole segment.

Requests: two a segment duration a viewer, a video segment and an audio segment (CMAF packages the
audio rendition as its own segments, as the object counts do); priced at CloudFront's HTTPS request
rate, against egress at the first tier (a small service) and the last (a service of the page's
audience). Egress: bit rate x an
hour, billed per GB of 2^30 bytes at CloudFront's first and last volume tiers, in each region; tiers
are counted per region, so a region's last tier applies only once that region alone passes it.

Live: a player starts LIVE_HOLD_BACK_TARGETS target durations before the end of the playlist (RFC
8216), and the newest listed segment ended between 0 and 1 target duration ago, so the player sits
between 3 and 4 target durations behind the camera; encoding, packaging, the CDN and the playlist
reload interval come on top. LL-HLS lists parts of LL_PART_SECONDS with the same hold-back in
parts, and each part costs a viewer a blocking playlist reload and a part request, for the video
rendition and for the audio one.

Viral: the 10-minute video cut into segments at every rung and its audio. The sustained rate is
VIRAL_VIEWS views over VIRAL_SECONDS (the page's assumption); the burst puts VIRAL_BURST_SHARE of
them in the first minute (a push notification or a front-page slot; the page's assumption). Every
view fetches the first segment of the starting rung, so that object takes starts a second, spread
over the edges. While one miss is fetched (ORIGIN_FETCH_SECONDS), rate x fetch time requests arrive
for it: with request collapsing they wait on one fetch an edge, and the shield collapses the edges'
fetches into one origin fetch; without it each goes to the origin. The whole ladder at every edge is
the upper bound on origin bytes, not what the spike fetches.
"""

import math

from concept_cdn_tail import edges_fetching
from concept_life_tiers import dollars
from concept_video import VIDEO_SECONDS, h264_bytes_per_minute, median_views, objects_per_video, view_bytes
from concept_video_assumptions import (
    APPLE_LADDER_KBPS,
    CDN_PRICE_BULK,
    CDN_PRICE_FIRST,
    CDN_PRICE_INDIA,
    CDN_PRICE_SOUTH_AMERICA,
    CDN_REQUEST_PRICE,
    EDGE_COUNT,
    EXAMPLE_LADDER_KBPS,
    EXOPLAYER_START_SECONDS,
    KBIT,
    LIVE_HOLD_BACK_TARGETS,
    LL_PART_SECONDS,
    PLAYER_BUFFER_SECONDS,
    RTT_SECONDS,
    SEGMENT_SECONDS,
    SETUP_ROUND_TRIPS,
    SHORT_SEGMENT_SECONDS,
    START_KBPS,
    VIEW_KBPS,
    VIEWER_KBPS,
)

from sdw.estimation import (
    SECONDS_PER_HOUR,
    SECONDS_PER_MINUTE,
    GiB,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    size,
    times,
)

PLAYLIST_ROUND_TRIPS = 2
INIT_ROUND_TRIPS = 1  # the CMAF init segment (EXT-X-MAP)
FIRST_SEGMENT_ROUND_TRIPS = 1  # the first media segment's request, sent once the init segment is in
CONCURRENT_VIEWERS = 1_000_000  # a large live event or a busy evening: the page's assumption
LOW_START_KBPS = (730, 365)  # Apple's third and second rungs, to start on
RENDITIONS_FETCHED = 2  # a player fetches the video rendition's segments and the audio rendition's


# --- Segment length ---------------------------------------------------------------------------------------------
START_ROUND_TRIPS = SETUP_ROUND_TRIPS + PLAYLIST_ROUND_TRIPS + INIT_ROUND_TRIPS + FIRST_SEGMENT_ROUND_TRIPS
SETUP_SECONDS = START_ROUND_TRIPS * RTT_SECONDS


def start_exoplayer(segment: float, start_kbps: float = START_KBPS) -> float:
    """Progressive: EXOPLAYER_START_SECONDS of media, mid-segment, plus a round trip for each further segment."""
    further_requests = math.ceil(EXOPLAYER_START_SECONDS / segment) - 1
    return SETUP_SECONDS + further_requests * RTT_SECONDS + EXOPLAYER_START_SECONDS * start_kbps / VIEWER_KBPS


def start_hlsjs(segment: float, start_kbps: float = START_KBPS) -> float:
    """Whole fragments: start after the first whole segment."""
    return SETUP_SECONDS + segment * start_kbps / VIEWER_KBPS


def requests_per_hour(segment: float) -> float:
    return SECONDS_PER_HOUR / segment * RENDITIONS_FETCHED


def egress_hour(kbps: float, price: float) -> float:
    return kbps * KBIT / 8 * SECONDS_PER_HOUR / GiB * price


def request_share(segment: float, price: float) -> float:
    return requests_per_hour(segment) * CDN_REQUEST_PRICE / egress_hour(VIEW_KBPS, price)


segment_rows = []
for seg in (SHORT_SEGMENT_SECONDS, SEGMENT_SECONDS):
    segment_rows.append(
        (
            duration(seg),
            duration(start_exoplayer(seg)),
            duration(start_hlsjs(seg)),
            count(RENDITIONS_FETCHED / seg),
            peak(CONCURRENT_VIEWERS * RENDITIONS_FETCHED / seg),
            dollars(requests_per_hour(seg) * CDN_REQUEST_PRICE),
            fraction(request_share(seg, CDN_PRICE_FIRST)),
            fraction(request_share(seg, CDN_PRICE_BULK)),
            count(objects_per_video(seg)),
        )
    )
start_exo_short = duration(start_exoplayer(SHORT_SEGMENT_SECONDS))
start_exo_long = duration(start_exoplayer(SEGMENT_SECONDS))
start_hlsjs_short = duration(start_hlsjs(SHORT_SEGMENT_SECONDS))
start_hlsjs_long = duration(start_hlsjs(SEGMENT_SECONDS))
requests_short = peak(CONCURRENT_VIEWERS * RENDITIONS_FETCHED / SHORT_SEGMENT_SECONDS)
requests_long = peak(CONCURRENT_VIEWERS * RENDITIONS_FETCHED / SEGMENT_SECONDS)
renditions_fetched = count(RENDITIONS_FETCHED)
concurrent_viewers = count(CONCURRENT_VIEWERS)
request_share_short = fraction(request_share(SHORT_SEGMENT_SECONDS, CDN_PRICE_FIRST))
request_share_long = fraction(request_share(SEGMENT_SECONDS, CDN_PRICE_FIRST))
request_share_short_bulk = fraction(request_share(SHORT_SEGMENT_SECONDS, CDN_PRICE_BULK))
request_share_long_bulk = fraction(request_share(SEGMENT_SECONDS, CDN_PRICE_BULK))
start_long_low = duration(start_hlsjs(SEGMENT_SECONDS, LOW_START_KBPS[0]))
start_long_lowest = duration(start_hlsjs(SEGMENT_SECONDS, LOW_START_KBPS[1]))
start_exo_low = duration(start_exoplayer(SEGMENT_SECONDS, LOW_START_KBPS[0]))
start_exo_lowest = duration(start_exoplayer(SEGMENT_SECONDS, LOW_START_KBPS[1]))
low_start_kbps = count(LOW_START_KBPS[0])
lowest_start_kbps = count(LOW_START_KBPS[1])
start_round_trips = count(START_ROUND_TRIPS)
objects_short = count(objects_per_video(SHORT_SEGMENT_SECONDS))
objects_ratio = times(SEGMENT_SECONDS / SHORT_SEGMENT_SECONDS)

# --- Egress per hour of viewing, per rung and per region ---------------------------------------------------------
rung_rows = [
    (
        f"{k:,}",
        size(k * KBIT / 8 * SECONDS_PER_HOUR),
        count(k * KBIT / 8 * SECONDS_PER_HOUR / GiB),
        dollars(egress_hour(k, CDN_PRICE_FIRST)),
        dollars(egress_hour(k, CDN_PRICE_BULK)),
    )
    for k in APPLE_LADDER_KBPS
]
top_hour_bytes = size(APPLE_LADDER_KBPS[-1] * KBIT / 8 * SECONDS_PER_HOUR)
top_hour_first = dollars(egress_hour(APPLE_LADDER_KBPS[-1], CDN_PRICE_FIRST))
top_hour_gib = count(APPLE_LADDER_KBPS[-1] * KBIT / 8 * SECONDS_PER_HOUR / GiB)
view_hour_gib = count(VIEW_KBPS * KBIT / 8 * SECONDS_PER_HOUR / GiB)
view_hour_bytes = size(VIEW_KBPS * KBIT / 8 * SECONDS_PER_HOUR)
view_hour_first = dollars(egress_hour(VIEW_KBPS, CDN_PRICE_FIRST))
view_hour_bulk = dollars(egress_hour(VIEW_KBPS, CDN_PRICE_BULK))
top_over_bottom = times(APPLE_LADDER_KBPS[-1] / APPLE_LADDER_KBPS[0])
REGIONS = [
    ("United States", (CDN_PRICE_FIRST, CDN_PRICE_BULK)),
    ("Europe (tiered apart)", (CDN_PRICE_FIRST, CDN_PRICE_BULK)),
    ("South America", CDN_PRICE_SOUTH_AMERICA),
    ("India", CDN_PRICE_INDIA),
]
region_rows = [
    (
        name,
        dollars(egress_hour(VIEW_KBPS, first)),
        times(first / CDN_PRICE_FIRST),
        dollars(egress_hour(VIEW_KBPS, bulk)),
        times(bulk / CDN_PRICE_BULK),
    )
    for name, (first, bulk) in REGIONS
]
india_over_us_bulk = times(CDN_PRICE_INDIA[1] / CDN_PRICE_BULK)
india_over_us_first = times(CDN_PRICE_INDIA[0] / CDN_PRICE_FIRST)
india_view_hour_first = dollars(egress_hour(VIEW_KBPS, CDN_PRICE_INDIA[0]))
# Capping the top rung in the dearest region at Apple's lower 720p rung (3000 kbit/s; the other is
# 4500), for views of the page's example video that would have taken its top rung (6000 kbit/s, 1080p:
# its ladder is trimmed below Apple's 7800).
CAPPED_KBPS = APPLE_LADDER_KBPS[5]
cap_saving = fraction(1 - CAPPED_KBPS / EXAMPLE_LADDER_KBPS[-1])
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
def behind_live(target: float) -> tuple[float, float]:
    """Hold-back of 3 targets, plus 0 to 1 target since the newest listed segment ended."""
    return LIVE_HOLD_BACK_TARGETS * target, (LIVE_HOLD_BACK_TARGETS + 1) * target


live_hls_6_low = duration(behind_live(SEGMENT_SECONDS)[0])
live_hls_6 = duration(behind_live(SEGMENT_SECONDS)[1])
live_hls_2_low = duration(behind_live(SHORT_SEGMENT_SECONDS)[0])
live_hls_2 = duration(behind_live(SHORT_SEGMENT_SECONDS)[1])
live_ll_low = duration(behind_live(LL_PART_SECONDS)[0])
live_ll = duration(behind_live(LL_PART_SECONDS)[1])
# LL-HLS: each part costs a blocking playlist reload and a part (or preload-hint) request, for the video
# rendition and the audio rendition alike.
ll_reloads_per_viewer = count(RENDITIONS_FETCHED / LL_PART_SECONDS)
ll_parts_per_viewer = count(RENDITIONS_FETCHED / LL_PART_SECONDS)
ll_requests_total = peak(CONCURRENT_VIEWERS * 2 * RENDITIONS_FETCHED / LL_PART_SECONDS)

# --- A viral video's first hour ------------------------------------------------------------------------------------
VIRAL_VIEWS = 1_000_000  # views in the spike's first hour: the page's assumption
VIRAL_SECONDS = 3_600
VIRAL_BURST_SHARE = 0.10  # of the hour's views, in its first minute: the page's assumption
ORIGIN_FETCH_SECONDS = 0.1  # an edge's fetch of a missed segment through the shield: the page's assumption
VIDEO_OBJECTS = objects_per_video(SEGMENT_SECONDS)
ladder_bytes_per_video = h264_bytes_per_minute * VIDEO_SECONDS / SECONDS_PER_MINUTE
edges = count(EDGE_COUNT)
viral_views = count(VIRAL_VIEWS)
viral_first_segment_rate = per_second(VIRAL_VIEWS / VIRAL_SECONDS)
viral_per_edge_rate = per_second(VIRAL_VIEWS / VIRAL_SECONDS / EDGE_COUNT)
burst_rate = VIRAL_VIEWS * VIRAL_BURST_SHARE / SECONDS_PER_MINUTE
viral_burst_share = fraction(VIRAL_BURST_SHARE)
viral_burst_rate = per_second(burst_rate)
viral_burst_per_edge_rate = per_second(burst_rate / EDGE_COUNT)
origin_fetch = duration(ORIGIN_FETCH_SECONDS)
# Requests that arrive for the first segment while its first miss is fetched: at one edge, and at all.
viral_burst_waiting_edge = count(burst_rate / EDGE_COUNT * ORIGIN_FETCH_SECONDS)
viral_burst_waiting_all = count(burst_rate * ORIGIN_FETCH_SECONDS)
viral_egress = size(VIRAL_VIEWS * view_bytes)
viral_fetches_no_shield = count(EDGE_COUNT * VIDEO_OBJECTS)
viral_fetches_shield = count(VIDEO_OBJECTS)
viral_bytes_no_shield = size(EDGE_COUNT * ladder_bytes_per_video)
viral_bytes_shield = size(ladder_bytes_per_video)

if __name__ != "concept_video_delivery":
    print(
        markdown_table(
            (
                "Segment",
                "Start-up, ExoPlayer",
                "Start-up, hls.js",
                "Requests a second per viewer",
                f"Requests at {concurrent_viewers} viewers, peak",
                "Request dollars per viewer-hour",
                "Against egress, first tier",
                "Against egress, last tier",
                "Objects per 10-minute video, with audio",
            ),
            segment_rows,
        )
    )
    print()
    print(
        markdown_table(
            (
                "Rung, kbit/s",
                "Bytes per hour of viewing",
                "GiB, as billed",
                "Dollars, first 10 TB",
                "Dollars, over 5 PB",
            ),
            rung_rows,
        )
    )
    print()
    print(
        markdown_table(
            (
                "An hour at the average view's bit rate",
                "First 10 TB",
                "Against the US",
                "Over 5 PB (that region alone)",
                "Against the US",
            ),
            region_rows,
        )
    )
    print()
    print(
        markdown_table(
            ("Starting 6 s segments on the rung of", "ExoPlayer", "hls.js"),
            [
                (f"{count(START_KBPS / KBIT)} Mbit/s", start_exo_long, start_hlsjs_long),
                (f"{low_start_kbps} kbit/s", start_exo_low, start_long_low),
                (f"{lowest_start_kbps} kbit/s", start_exo_lowest, start_long_lowest),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Live", "Behind the camera, before encode and reload"),
            [
                (f"{duration(SEGMENT_SECONDS)} segments", f"{live_hls_6_low} to {live_hls_6}"),
                (f"{duration(SHORT_SEGMENT_SECONDS)} segments", f"{live_hls_2_low} to {live_hls_2}"),
                (f"LL-HLS, {duration(LL_PART_SECONDS)} parts", f"{live_ll_low} to {live_ll}"),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("A viral video's first segment", "Requests a second", "At each edge", "Waiting on one fetch, an edge"),
            [
                (
                    "Sustained, over the first hour",
                    viral_first_segment_rate,
                    viral_per_edge_rate,
                    count(VIRAL_VIEWS / VIRAL_SECONDS / EDGE_COUNT * ORIGIN_FETCH_SECONDS),
                ),
                (
                    f"Burst, {viral_burst_share} in the first minute",
                    viral_burst_rate,
                    viral_burst_per_edge_rate,
                    viral_burst_waiting_edge,
                ),
            ],
        )
    )
