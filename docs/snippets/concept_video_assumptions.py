"""Concepts, video upload and streaming: the inputs every concept_video snippet shares, each with its
source or marked as the page's own assumption.

Published figures:
- Apple's HLS authoring specification for Apple devices
  (https://developer.apple.com/documentation/http_live_streaming/hls_authoring_specification_for_apple_devices):
  the recommended H.264 ladder's average bit rates, 145 to 7800 kbit/s in nine rungs, 1080p at the top
  two; HEVC's 1080p rung at 5800 kbit/s against H.264's 7800; 6-second segments (the CDN page's
  concept_cdn_origin.SEGMENT_SECONDS, imported, one figure one value); key frames every 2 seconds.
- Meta (https://engineering.fb.com/2023/02/21/video-engineering/av1-codec-facebook-instagram-reels/):
  AV1 codes about 30 percent better than HEVC and VP9; Meta encodes with SVT-AV1, whose M8 preset it
  found about as efficient as libvpx-vp9's slowest preset at almost ten times the speed; its players
  decode AV1 in software with dav1d, 720p30 in real time on most phones and 1080p30 on mid-range and
  high-end ones. Facebook's 2018 test
  (https://engineering.fb.com/2018/04/10/video-engineering/av1-beats-x264-and-libvpx-vp9-in-practical-use-case/)
  found AV1 (libaom) 50.3 percent under x264 main profile and 34 percent under libvpx-vp9; its encode
  times are for libaom in 2018 and are not used for the cost here.
- Google, "Warehouse-scale video acceleration", ASPLOS 2021 (https://doi.org/10.1145/3445814.3446723):
  YouTube's video coding unit (VCU) encoder ASICs gave 20 to 33 times the performance per total cost of
  ownership (perf/TCO) of its prior CPU-based system, for the codecs the first-generation VCU encodes,
  H.264 and VP9; it does not encode AV1.
- YouTube: more than 500 hours of video uploaded every minute (YouTube's figure as of May 2019,
  https://www.tubefilter.com/2019/05/07/number-hours-video-uploaded-to-youtube-per-minute/; the latest
  it has published that we could confirm).
- Amazon EC2 on-demand, us-east-1, Linux, as of 2025 (https://aws.amazon.com/ec2/pricing/on-demand/):
  c7i.large, 2 vCPUs, 0.08925 US dollars an hour. On x86 a vCPU is one hardware thread, half a
  physical core. Spot capacity is sold below on-demand by a discount that moves with demand; the
  page's 60 percent off is an assumption (AWS's own worked Spot example shows c5 at about half).
- Amazon CloudFront data transfer out to the internet, list prices as of 2025
  (https://aws.amazon.com/cloudfront/pricing/): United States, Mexico and Canada 0.085 US dollars a GB
  for the first 10 TB a month, 0.020 above 5 PB; Europe and Israel, a separate region, the same
  prices; India 0.109 and 0.072; South America 0.110 and 0.040; HTTPS requests 0.0100 per 10,000 in
  the United States. Volume tiers are counted per geographic region, so the last tier's price needs
  5 PB a month in one region.
  The snippets bill a GB as 2^30 bytes, as the data lifecycle page's S3 prices do: AWS's S3 FAQs
  (https://aws.amazon.com/s3/faqs/) work their billing examples with a GB of 1,073,741,824 bytes.
  CloudFront's pages do not say which GB they mean; Wasabi's billing documentation
  (https://docs.wasabi.com/docs/does-wasabi-use-base-2-or-base-10-in-billing-calculations) calls
  base-2 gigabytes the AWS convention. At 2^30 the dollars are 7 percent lower than at 10^9 bytes.
  S3 Standard's storage price is imported from the lifecycle page.
- Huang et al., SIGCOMM 2014 (https://dl.acm.org/doi/10.1145/2619239.2626296): buffer-based rate
  selection cut Netflix's rebuffer rate by 10 to 20 percent against its then-default algorithm, in a
  trial whose player buffered up to 240 seconds.
- Krishnan and Sitaraman, IMC 2012 ("Video stream quality impacts viewer behavior"): viewers start
  to abandon a video that takes more than 2 seconds to start, about 5.8 percent more for each
  further second.
- RFC 8216 section 6.3.3: a client should not start playing a live stream less than three target
  durations from the end of the playlist; LL-HLS (draft-pantos-hls-rfc8216bis) asks for a part
  hold-back of at least two part targets and recommends three, which the page uses.
- hls.js buffers up to 30 s ahead by default (maxBufferLength, the CDN page's citation) and appends
  whole fragments, so it starts after the first whole segment; ExoPlayer parses samples as a segment
  downloads and starts playback once bufferForPlaybackMs of media are buffered, mid-segment: 1,000 ms in
  Media3's DefaultLoadControl (DEFAULT_BUFFER_FOR_PLAYBACK_MS,
  https://github.com/androidx/media/blob/release/libraries/exoplayer/src/main/java/androidx/media3/exoplayer/DefaultLoadControl.java),
  2,500 ms in the deprecated ExoPlayer 2.x's.
- Netflix, "Optimized shot-based encodes: Now Streaming!"
  (https://netflixtechblog.com/optimized-shot-based-encodes-now-streaming-4b9464204830): a one-hour
  episode was encoded as twenty 3-minute chunks; per shot, at 4 s a shot on average, as 900.
- AAC codes 1024 samples a frame; at 48 kHz a frame is 21.33 ms.

From this site: the CDN page's segment length, multipart part sizes and edge count; the data
lifecycle page's S3 Standard prices and its 128 KiB tiering filter; the Twitter example's video bit
rate and sizes.

The page's own assumptions (no published figure we could confirm): the video's length; a phone's
upload rate, how often its connection drops, the source's bit rate; encode compute per second of
source in vCPU-seconds, AV1's and HEVC's compute over H.264's (SVT-AV1 preset M8 and x265 medium,
each against x264 medium); the trim of the ladder (a rung within a tenth of the source's bit rate,
or above it, adds nothing, so the example's 8 Mbit/s source drops the 7.8 Mbit/s rung); the Spot discount; the worker size, the chunk length; the bit rate an
average view is delivered at and its length; the share of views on devices that decode AV1 (in
hardware or software) or HEVC; the share of watch time at each rung (the same on every device);
the cohort's size and views and the popularity law; the connection set-up round trips; the viewers of a busy evening
and of a viral video's first hour, and the share of that hour's views in its first minute; the
origin fetch time on a miss; a phone's largest key-frame interval and how fast a worker decodes it.
"""

from concept_cdn_origin import SEGMENT_SECONDS
from concept_cdn_storage import CLI_PART
from concept_cdn_tail import EDGES
from concept_life_assumptions import MIN_BILLABLE, STANDARD_PRICE, STANDARD_PRICE_BULK
from twitter_assumptions import video_bits_per_second

from sdw.estimation import count, duration, fraction, markdown_table, size, times

KBIT = 1_000

# --- Apple's HLS ladder (H.264, 16:9), average bit rates in kbit/s ---------------------------------------
APPLE_LADDER_KBPS = [145, 365, 730, 1_100, 2_000, 3_000, 4_500, 6_000, 7_800]
APPLE_TOP_H264_KBPS = APPLE_LADDER_KBPS[-1]  # 1080p
APPLE_TOP_HEVC_KBPS = 5_800  # 1080p, the HEVC table's matching rung
AUDIO_KBPS = 128  # one AAC stereo rendition (the page's choice; Apple's table lists AAC at 32 to 160)
KEYFRAME_SECONDS = 2  # Apple: an IDR frame every 2 s

# --- Codecs -------------------------------------------------------------------------------------------
AV1_SAVING_VS_HEVC = 0.30  # Meta, 2023
AV1_SAVING_VS_VP9 = 0.34  # Facebook, 2018: libaom against libvpx-vp9
AV1_COMPUTE_FACTOR = 10  # SVT-AV1 preset M8 against x264 medium, same ladder: the page's assumption
AV1_COMPUTE_SENSITIVITY = (3, 10, 30, 100)  # 100: a libaom-like slow setting
HEVC_COMPUTE_FACTOR = 4  # x265 medium against x264 medium, same ladder: the page's assumption
AV1_DEVICE_SHARE = 0.5  # views whose device decodes the served AV1 rung, in hardware or with dav1d
# Views whose device decodes HEVC: more than AV1's, since HEVC is decoded in hardware on every iPhone
# since the A9 (2015) and on most Android phones and TVs since about 2016, AV1 only on recent chips.
HEVC_DEVICE_SHARE = 0.8  # the page's assumption; browsers are the gap
VCU_EFFICIENCY = (20, 33)  # YouTube's VCU, perf/TCO over its CPU system, H.264 and VP9: ASPLOS 2021

# --- Upload -------------------------------------------------------------------------------------------
VIDEO_SECONDS = 10 * 60  # the page's example video, uploaded, encoded, stored and watched: assumption
PHONE_UPLINK_BITS = 10e6  # a phone's upload rate on a mobile link: the page's assumption
DROP_EVERY_SECONDS = 600  # a moving phone's connection drops once in 10 minutes on average: assumption
SOURCE_KBPS = 8_000  # a phone's 1080p recording as uploaded, kbit/s: the page's assumption
UPLOAD_BYTES = VIDEO_SECONDS * SOURCE_KBPS * KBIT / 8  # the example video as uploaded
# The ladder trimmed at the source's bit rate (the page's decision): a rung within a tenth of it, or above
# it, spends bits the source does not have. A source above the top rung keeps all of Apple's rungs.
TRIM_SHARE = 0.9
EXAMPLE_LADDER_KBPS = [k for k in APPLE_LADDER_KBPS if k < TRIM_SHARE * SOURCE_KBPS]
YOUTUBE_HOURS_PER_MINUTE = 500

# --- Encode compute -----------------------------------------------------------------------------------
H264_LADDER_CORE_SECONDS = 12  # vCPU-seconds to encode one second of source into the example's ladder (x264)
C7I_LARGE_HOUR = 0.08925  # EC2 on-demand, us-east-1, Linux, 2025: c7i.large
C7I_LARGE_VCPUS = 2
CORE_HOUR_PRICE = C7I_LARGE_HOUR / C7I_LARGE_VCPUS  # US dollars a vCPU-hour, on-demand
SPOT_DISCOUNT = 0.60  # Spot's discount off on-demand for batch encodes: the page's assumption
VCPUS_PER_CORE = 2  # x86: two hardware threads a physical core
WORKER_VCPUS = 8  # one encode worker's vCPUs (c7i.2xlarge, four physical cores)
CHUNK_SECONDS = 30  # a chunk task: a run of whole GOPs, encoded through the whole ladder
TASK_OVERHEAD_SECONDS = 5  # a task's start, source fetch and upload of its segments: assumption
# The split only indexes the source by time (probe it, plan the chunk grid): nothing is cut or re-encoded.
PLAN_SECONDS = 10  # probe the source and plan the chunk grid: assumption
# Each chunk task decodes from the source key frame before its span and drops that lead-in: at most one
# source GOP of extra decode.
SOURCE_GOP_SECONDS = 2  # a phone's largest key-frame interval: the page's assumption
DECODE_SPEED = 10  # a 1080p source decodes at 10x real time on a worker: the page's assumption
PACKAGE_SECONDS = 5  # writing playlists and publishing: assumption

# --- Delivery -----------------------------------------------------------------------------------------
CDN_PRICE_FIRST = 0.085  # United States, first 10 TB a month, a GB (2^30 bytes); Europe the same, tiered apart
CDN_PRICE_BULK = 0.020  # United States, over 5 PB a month; Europe the same, tiered apart
CDN_LAST_TIER_FROM = 5e15  # bytes a month, per region, where the last tier starts
CDN_PRICE_INDIA = (0.109, 0.072)  # first 10 TB, over 5 PB
CDN_PRICE_SOUTH_AMERICA = (0.110, 0.040)
CDN_REQUEST_PRICE = 0.0100 / 10_000  # HTTPS requests, United States
VIEW_KBPS = 3_000  # the bit rate an average view is delivered at: the page's assumption
# The share of watch time at each rung of the example ladder, kbit/s: the page's assumption, the same on every
# device. Its mean is VIEW_KBPS (asserted where concept_video uses it): a quarter at the top rung, the rest
# spread over the rungs a phone's screen or a link's throughput holds it to.
VIEW_MIX = {145: 0.01, 365: 0.05, 730: 0.11, 1_100: 0.15, 2_000: 0.19, 3_000: 0.15, 4_500: 0.09, 6_000: 0.25}
VIEWER_KBPS = 5_000  # a viewer's throughput when a play starts: the page's assumption
START_KBPS = 2_000  # the rung a player starts on
RTT_SECONDS = 0.05  # to the edge, on a mobile link: the page's assumption
SETUP_ROUND_TRIPS = 3  # DNS, TCP and TLS 1.3 on a first play: the page's assumption
EXOPLAYER_START_SECONDS = 1.0  # Media3 ExoPlayer's default bufferForPlaybackMs
EXOPLAYER2_START_SECONDS = 2.5  # the deprecated ExoPlayer 2.x's default
ABANDON_AFTER_SECONDS = 2  # Krishnan and Sitaraman, IMC 2012
ABANDON_PER_SECOND = 0.058  # the same: each further second of start-up
BBA_TRIAL_BUFFER_SECONDS = 240  # Huang et al., 2014: the trial player's buffer
BBA_REBUFFER_CUT = (0.10, 0.20)  # Huang et al., 2014
LIVE_HOLD_BACK_TARGETS = 3  # RFC 8216: three target durations from the live edge
LL_PART_SECONDS = 1.0  # an LL-HLS part target: the page's choice
SHORT_SEGMENT_SECONDS = 2
PLAYER_BUFFER_SECONDS = 30  # hls.js's default maxBufferLength
NETFLIX_EPISODE_SECONDS = 3_600
NETFLIX_CHUNK_SECONDS = 180
NETFLIX_SHOT_SECONDS = 4
STORAGE_PRICE = STANDARD_PRICE
STORAGE_PRICE_BULK = STANDARD_PRICE_BULK
TIER_MIN_BYTES = MIN_BILLABLE  # the data lifecycle page's size filter
AAC_FRAME_SECONDS = 1024 / 48_000
EDGE_COUNT = EDGES
PART_BYTES = CLI_PART

apple_rungs = count(len(APPLE_LADDER_KBPS))
example_rungs = count(len(EXAMPLE_LADDER_KBPS))
example_top_mbps = count(EXAMPLE_LADDER_KBPS[-1] / KBIT)
apple_bottom_kbps = count(APPLE_LADDER_KBPS[0])
apple_top_mbps = count(APPLE_TOP_H264_KBPS / KBIT)
segment_seconds = duration(SEGMENT_SECONDS)
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
c7i_large_hour = count(C7I_LARGE_HOUR)
spot_discount = fraction(SPOT_DISCOUNT)
hevc_compute_factor = times(HEVC_COMPUTE_FACTOR)
hevc_device_share = fraction(HEVC_DEVICE_SHARE)
av1_saving_vs_vp9 = fraction(AV1_SAVING_VS_VP9)
vcu_low = times(VCU_EFFICIENCY[0])
vcu_high = times(VCU_EFFICIENCY[1])
exoplayer_start = duration(EXOPLAYER_START_SECONDS)
exoplayer2_start = duration(EXOPLAYER2_START_SECONDS)
abandon_after = duration(ABANDON_AFTER_SECONDS)
abandon_per_second = fraction(ABANDON_PER_SECOND)
bba_trial_buffer = duration(BBA_TRIAL_BUFFER_SECONDS)
aac_frame = duration(AAC_FRAME_SECONDS)
storage_price_bulk = count(STORAGE_PRICE_BULK)
apple_top_hevc_mbps = count(APPLE_TOP_HEVC_KBPS / KBIT)
worker_vcpus = count(WORKER_VCPUS)
worker_physical_cores = count(WORKER_VCPUS / VCPUS_PER_CORE)
chunk_seconds = duration(CHUNK_SECONDS)
cdn_price_first = count(CDN_PRICE_FIRST)
cdn_price_bulk = count(CDN_PRICE_BULK)
cdn_last_tier_from = size(CDN_LAST_TIER_FROM)
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
                ("AV1's saving over VP9", av1_saving_vs_vp9, "Facebook, 2018"),
                (
                    "Encode compute over x264 medium: SVT-AV1 M8, x265 medium",
                    f"{av1_compute_factor}, {hevc_compute_factor}",
                    "the page's assumption",
                ),
                (
                    "Views whose device decodes AV1 (hardware or dav1d); HEVC",
                    f"{av1_device_share}; {hevc_device_share}",
                    "the page's assumption; HEVC higher, decoded in hardware since 2015 to 2016",
                ),
                ("Hours uploaded to YouTube a minute", youtube_hours_per_minute, "YouTube, 2019"),
                ("Phone upload rate, Mbit/s", phone_uplink_mbps, "the page's assumption"),
                ("A phone's link drops once in", drop_every, "the page's assumption"),
                ("Source bit rate, Mbit/s", source_mbps, "the page's assumption"),
                (
                    "The example's ladder: rungs kept, under this share of the source's bit rate",
                    f"{example_rungs}, {fraction(TRIM_SHARE)}",
                    "the page's rule",
                ),
                ("vCPU-seconds per source second, H.264 ladder", h264_ladder_core_seconds, "the page's assumption"),
                (
                    "Dollars a vCPU-hour, on-demand (c7i.large, 2 vCPUs)",
                    f"{core_hour_price} ({c7i_large_hour} an hour)",
                    "EC2, us-east-1, 2025",
                ),
                ("Spot discount off on-demand", spot_discount, "the page's assumption"),
                (
                    "Worker vCPUs (physical cores); chunk length",
                    f"{worker_vcpus} ({worker_physical_cores}); {chunk_seconds}",
                    "the page's choice",
                ),
                (
                    "CDN egress, dollars a GB: first 10 TB, over 5 PB",
                    f"{cdn_price_first}, {cdn_price_bulk}",
                    "CloudFront, 2025",
                ),
                ("Average view's bit rate, Mbit/s", view_mbps, "the page's assumption"),
                (
                    "Share of watch time at each rung, kbit/s",
                    ", ".join(f"{k:,}: {fraction(v)}" for k, v in VIEW_MIX.items()),
                    "the page's assumption, the same on every device",
                ),
                ("Viewer's throughput at start, Mbit/s", viewer_mbps, "the page's assumption"),
            ],
        )
    )
