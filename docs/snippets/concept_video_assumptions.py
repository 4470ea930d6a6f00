"""Concepts, video upload and streaming: the inputs every concept_video snippet shares, each with its
source or marked as the page's own assumption.

Published figures:
- Apple's HLS authoring specification for Apple devices
  (https://developer.apple.com/documentation/http_live_streaming/hls_authoring_specification_for_apple_devices):
  the recommended H.264 ladder's average bit rates, 145 to 7800 kbit/s in nine rungs, 1080p at the top
  two; HEVC's 1080p rung at 5800 kbit/s against H.264's 7800; 6-second segments (the CDN page's
  concept_cdn_origin.SEGMENT_SECONDS, imported, one figure one value); key frames every 2 seconds.
- Meta (https://engineering.fb.com/2023/02/21/video-engineering/av1-codec-facebook-instagram-reels/):
  AV1 codes about 30 percent better than HEVC and VP9. Facebook's 2018 test
  (https://engineering.fb.com/2018/04/10/video-engineering/av1-beats-x264-and-libvpx-vp9-in-practical-use-case/)
  found 50.3 percent over x264 main profile, and far longer encode times.
- YouTube: more than 500 hours of video uploaded every minute (YouTube's figure as of May 2019,
  https://www.tubefilter.com/2019/05/07/number-hours-video-uploaded-to-youtube-per-minute/; the latest
  it has published that we could confirm).
- Amazon CloudFront data transfer out to the internet, list prices as of 2025
  (https://aws.amazon.com/cloudfront/pricing/): United States and Europe 0.085 US dollars a GB for the
  first 10 TB a month, 0.020 above 5 PB; India 0.109 and 0.072; South America 0.110 and 0.040; HTTPS
  requests 0.0100 per 10,000 in the United States. AWS bills a GB as 2^30 bytes, as the data lifecycle
  page's S3 prices do; S3 Standard's storage price is imported from there.
- Huang et al., SIGCOMM 2014 (https://dl.acm.org/doi/10.1145/2619239.2626296): buffer-based rate
  selection cut Netflix's rebuffer rate by 10 to 20 percent against its then-default algorithm.
- RFC 8216 section 6.3.3: a client should not start playing a live stream less than three target
  durations from the end of the playlist; LL-HLS (draft-pantos-hls-rfc8216bis) asks for a part
  hold-back of at least two part targets and recommends three, which the page uses.
- hls.js buffers up to 30 s ahead by default (maxBufferLength, the CDN page's citation).
- Netflix, "Optimized shot-based encodes: Now Streaming!"
  (https://netflixtechblog.com/optimized-shot-based-encodes-now-streaming-4b9464204830): a one-hour
  episode was encoded as twenty 3-minute chunks; per shot, at 4 s a shot on average, as 900.

From this site: the CDN page's segment length, multipart part sizes and edge count; the data
lifecycle page's S3 Standard price; the Twitter example's video bit rate.

The page's own assumptions (no published figure we could confirm): a phone's upload rate, how often
its connection drops, the source's bit rate, encode compute per second of source, the compute price,
the worker size, the chunk length, the bit rate an average view is delivered at, the share of views on
devices that decode AV1 in hardware, and the popularity law.
"""

from concept_cdn_origin import SEGMENT_SECONDS
from concept_cdn_storage import CLI_PART
from concept_cdn_tail import EDGES
from concept_life_assumptions import STANDARD_PRICE
from twitter_assumptions import video_bits_per_second

from sdw.estimation import GB, count, duration, fraction, markdown_table, size, times

KBIT = 1_000

# --- Apple's HLS ladder (H.264, 16:9), average bit rates in kbit/s ---------------------------------------
APPLE_LADDER_KBPS = [145, 365, 730, 1_100, 2_000, 3_000, 4_500, 6_000, 7_800]
APPLE_TOP_H264_KBPS = 7_800  # 1080p
APPLE_TOP_HEVC_KBPS = 5_800  # 1080p, the HEVC table's matching rung
AUDIO_KBPS = 128  # one AAC stereo rendition (the page's choice; Apple's table lists AAC at 32 to 160)
KEYFRAME_SECONDS = 2  # Apple: an IDR frame every 2 s

# --- Codecs -------------------------------------------------------------------------------------------
AV1_SAVING_VS_HEVC = 0.30  # Meta, 2023
AV1_COMPUTE_FACTOR = 10  # AV1 core-seconds over H.264's for the same ladder: the page's assumption
AV1_DEVICE_SHARE = 0.5  # share of views on devices that decode AV1: the page's assumption

# --- Upload -------------------------------------------------------------------------------------------
UPLOAD_BYTES = 1 * GB
PHONE_UPLINK_BITS = 10e6  # a phone's upload rate on a mobile link: the page's assumption
DROP_EVERY_SECONDS = 600  # a moving phone's connection drops once in 10 minutes on average: assumption
SOURCE_KBPS = 8_000  # a phone's 1080p recording as uploaded, kbit/s: the page's assumption
YOUTUBE_HOURS_PER_MINUTE = 500

# --- Encode compute -----------------------------------------------------------------------------------
H264_LADDER_CORE_SECONDS = 12  # core-seconds to encode one second of source into the whole ladder (x264)
CORE_HOUR_PRICE = 0.045  # US dollars a vCPU-hour, on-demand compute-optimized, us-east-1, as recalled
WORKER_CORES = 8  # one encode worker
CHUNK_SECONDS = 30  # a chunk task: a run of whole GOPs, encoded through the whole ladder
TASK_OVERHEAD_SECONDS = 5  # a task's start, source fetch and upload of its segments: assumption
SPLIT_SECONDS = 10  # probing and cutting the source at key frames, without re-encoding: assumption
PACKAGE_SECONDS = 5  # writing playlists and publishing: assumption

# --- Delivery -----------------------------------------------------------------------------------------
CDN_PRICE_FIRST = 0.085  # US and Europe, first 10 TB a month, a GB (2^30 bytes)
CDN_PRICE_BULK = 0.020  # US and Europe, over 5 PB a month
CDN_PRICE_INDIA = (0.109, 0.072)  # first 10 TB, over 5 PB
CDN_PRICE_SOUTH_AMERICA = (0.110, 0.040)
CDN_REQUEST_PRICE = 0.0100 / 10_000  # HTTPS requests, United States
VIEW_KBPS = 3_000  # the bit rate an average view is delivered at: the page's assumption
VIEWER_KBPS = 5_000  # a viewer's throughput when a play starts: the page's assumption
START_KBPS = 2_000  # the rung a player starts on
RTT_SECONDS = 0.05  # to the edge, on a mobile link: the page's assumption
BBA_REBUFFER_CUT = (0.10, 0.20)  # Huang et al., 2014
LIVE_HOLD_BACK_TARGETS = 3  # RFC 8216: three target durations from the live edge
LL_PART_SECONDS = 1.0  # an LL-HLS part target: the page's choice
SHORT_SEGMENT_SECONDS = 2
PLAYER_BUFFER_SECONDS = 30  # hls.js's default maxBufferLength
NETFLIX_EPISODE_SECONDS = 3_600
NETFLIX_CHUNK_SECONDS = 180
NETFLIX_SHOT_SECONDS = 4
STORAGE_PRICE = STANDARD_PRICE
EDGE_COUNT = EDGES
PART_BYTES = CLI_PART

apple_rungs = count(len(APPLE_LADDER_KBPS))
apple_bottom_kbps = count(APPLE_LADDER_KBPS[0])
apple_top_mbps = count(APPLE_TOP_H264_KBPS / KBIT)
segment_seconds = duration(SEGMENT_SECONDS)
short_segment_seconds = duration(SHORT_SEGMENT_SECONDS)
keyframe_seconds = duration(KEYFRAME_SECONDS)
av1_saving_vs_hevc = fraction(AV1_SAVING_VS_HEVC)
av1_compute_factor = times(AV1_COMPUTE_FACTOR)
av1_device_share = fraction(AV1_DEVICE_SHARE)
upload_bytes = size(UPLOAD_BYTES)
phone_uplink_mbps = count(PHONE_UPLINK_BITS / 1e6)
drop_every = duration(DROP_EVERY_SECONDS)
source_mbps = count(SOURCE_KBPS / KBIT)
youtube_hours_per_minute = count(YOUTUBE_HOURS_PER_MINUTE)
h264_ladder_core_seconds = count(H264_LADDER_CORE_SECONDS)
core_hour_price = count(CORE_HOUR_PRICE)
worker_cores = count(WORKER_CORES)
chunk_seconds = duration(CHUNK_SECONDS)
cdn_price_first = count(CDN_PRICE_FIRST)
cdn_price_bulk = count(CDN_PRICE_BULK)
view_mbps = count(VIEW_KBPS / KBIT)
viewer_mbps = count(VIEWER_KBPS / KBIT)
start_mbps = count(START_KBPS / KBIT)
rtt = duration(RTT_SECONDS)
bba_cut_low = fraction(BBA_REBUFFER_CUT[0])
bba_cut_high = fraction(BBA_REBUFFER_CUT[1])
ll_part_seconds = duration(LL_PART_SECONDS)
player_buffer = duration(PLAYER_BUFFER_SECONDS)
twitter_mbps = count(video_bits_per_second / 1e6)

if __name__ != "concept_video_assumptions":
    print(
        markdown_table(
            ("Input", "Value", "Source"),
            [
                ("H.264 ladder rungs, kbit/s", ", ".join(f"{k:,}" for k in APPLE_LADDER_KBPS), "Apple HLS spec"),
                (
                    "1080p top rung, H.264 and HEVC, kbit/s",
                    f"{APPLE_TOP_H264_KBPS:,}, {APPLE_TOP_HEVC_KBPS:,}",
                    "Apple HLS spec",
                ),
                ("Segment, key-frame interval", f"{segment_seconds}, {keyframe_seconds}", "Apple HLS spec"),
                ("AV1's saving over HEVC", av1_saving_vs_hevc, "Meta, 2023"),
                ("AV1's encode compute over H.264's", av1_compute_factor, "the page's assumption"),
                ("Views on devices that decode AV1", av1_device_share, "the page's assumption"),
                ("Hours uploaded to YouTube a minute", youtube_hours_per_minute, "YouTube, 2019"),
                ("Phone upload rate, Mbit/s", phone_uplink_mbps, "the page's assumption"),
                ("A phone's link drops once in", drop_every, "the page's assumption"),
                ("Source bit rate, Mbit/s", source_mbps, "the page's assumption"),
                ("Core-seconds per source second, H.264 ladder", h264_ladder_core_seconds, "the page's assumption"),
                ("Dollars a vCPU-hour", core_hour_price, "the page's assumption, near EC2 list, 2025"),
                ("Worker cores; chunk length", f"{worker_cores}; {chunk_seconds}", "the page's choice"),
                (
                    "CDN egress, dollars a GB: first 10 TB, over 5 PB",
                    f"{cdn_price_first}, {cdn_price_bulk}",
                    "CloudFront, 2025",
                ),
                ("Average view's bit rate, Mbit/s", view_mbps, "the page's assumption"),
                ("Viewer's throughput at start, Mbit/s", viewer_mbps, "the page's assumption"),
            ],
        )
    )
