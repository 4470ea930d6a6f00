"""Concepts, video upload and streaming: what a large upload from a phone costs, one PUT against parts;
what a bit-rate ladder stores and costs to encode per minute of source; how long a chunked, parallel
encode takes to make an upload watchable; and at how many views an AV1 encode pays for itself.

Upload. Connection drops arrive at random, on average once every DROP_EVERY_SECONDS (Poisson, rate
r). Sending a piece that takes t seconds, restarting that piece from its start after each drop,
takes (e^(r t) - 1) / r seconds on average, and e^(r t) - 1 drops are expected on the way; if every
drop came just before the piece finished, each would cost all of t, and the piece would take
t e^(r t). A single PUT restarts the whole file; a multipart upload restarts only the parts in
flight. Sent one at a time, a part has the whole link. Sent PARTS_IN_FLIGHT at once (the AWS CLI's
default, from the CDN page), the parts share the link and start and finish together, a wave: if one
connection already fills the link (the model's assumption; on a lossy mobile link it may not), the
upload takes no less time with no drop, and a drop restarts every part of its wave.

Ladder. Bytes per minute are the rungs' bit rates summed, plus one audio rendition: the example's
ladder, Apple's rungs trimmed at the source's bit rate (EXAMPLE_LADDER_KBPS), as the page's decision
trims every upload's; a source above Apple's top rung would keep all nine. HEVC and AV1
ladders scale H.264's by the ratio of Apple's 1080p top rungs (HEVC 5800 against H.264 7800 kbit/s)
and by Meta's 30 percent over HEVC. Storage is billed at S3 Standard's price (the data lifecycle
page's), a GB as 2^30 bytes. Compute is counted in vCPU-seconds (a vCPU is half an x86 core).

Parallel encode. The split only indexes the source by time (PLAN_SECONDS to probe it and plan the
chunk grid); nothing is cut. A video of L seconds falls into chunks of CHUNK_SECONDS on the segment
grid; each chunk is one task that seeks to the source key frame before its span, decodes the lead-in
(at most SOURCE_GOP_SECONDS, at DECODE_SPEED times real time) and drops it, then encodes its span
through the whole ladder on one worker of WORKER_VCPUS vCPUs: CHUNK_SECONDS x H264_LADDER_CORE_SECONDS
/ WORKER_VCPUS seconds, plus the lead-in decode, plus TASK_OVERHEAD_SECONDS. With N workers the tasks
run in ceil(chunks / N) waves; the plan before, packaging after.

Break-even. An AV1 (or HEVC) ladder costs its encode compute (AV1_COMPUTE_FACTOR, or
HEVC_COMPUTE_FACTOR, times H.264's) and its storage for its first year: its first 30 days (STANDARD_MONTHS,
until renditions move, in the site's billed months of a twelfth of a year) in S3 Standard, at the first-tier
price for a small service (the first CDN tier's column) and at the bulk price for a service at the last CDN
tier, and the rest of the year in Glacier Instant Retrieval, plus IR's transition fee (IR_TRANSITION) on
each segment object that moves: the segments of 128 KiB and up (TIER_MIN_BYTES). The smaller ones, the
bottom rung's and the audio's, stay in Standard but are priced as if they moved. IR's retrieval fee on the
views after the first 30 days that miss the CDN is not counted (it would lower the break-evens). The HEVC
row assumes no AV1 ladder: beside one, HEVC saves only on views that decode HEVC but not AV1. Watch
time saves bytes only if its device decodes the codec and it already streams the ladder's top rung
(TOP_RUNG_SHARE, the top rung's share in VIEW_MIX, a mix of watch time over the rungs whose mean is the
average view's VIEW_KBPS, taken to be the same on every device), so the saving is priced at that rung's
bit rate: time held below the top by throughput spends the saving on a higher rung, a better picture for
the same bytes, and time capped lower by a small screen, which would save at its cap, is counted as saving
nothing. The saved bytes are billed at the CDN's egress price. Views
needed = cost / saving per view. HEVC is also priced on Spot, and at AV1's device share, to compare
the two like for like. After the first year a ladder is worth keeping while its views in a month
save more than a month of storing it costs: in Glacier Instant Retrieval, where renditions move at
30 days, with IR's retrieval fee on the saved bytes of a view that misses the CDN (at under a view a
day, every view). A per-title ladder's trial encodes are not priced.

Cohort. COHORT videos, one month's uploads, draw COHORT_VIEWS views of WATCHED_SECONDS each over
their life (the page's assumptions), video i in proportion to i^-ALPHA. In steady state a month's
egress is uploads a month x lifetime views x bytes a view, so the cohort's lifetime egress is the
service's monthly egress. Past CDN_LAST_TIER_FROM in one region, its marginal (last-tier) price is
the decision's figure; the first tier is kept as the row for a small service. The cohort is counted
at the second codec's Spot break-even, the price the decision queues second-codec encodes at: at each
tier, the codec (AV1 or HEVC, without an AV1 ladder) that costs less on Spot per saved view.
"""

import math

from concept_cdn_storage import PARTS_IN_FLIGHT
from concept_cdn_tail import ALPHA
from concept_life_assumptions import IR_PRICE, IR_RETRIEVAL, IR_TRANSITION
from concept_life_tiers import HOT_DAYS, dollars, monthly
from concept_video_assumptions import (
    AAC_FRAME_SECONDS,
    APPLE_LADDER_KBPS,
    APPLE_TOP_H264_KBPS,
    APPLE_TOP_HEVC_KBPS,
    AUDIO_KBPS,
    AV1_COMPUTE_FACTOR,
    AV1_COMPUTE_SENSITIVITY,
    AV1_DEVICE_SHARE,
    AV1_SAVING_VS_HEVC,
    AV1_SAVING_VS_VP9,
    CDN_LAST_TIER_FROM,
    CDN_PRICE_BULK,
    CDN_PRICE_FIRST,
    CHUNK_SECONDS,
    CORE_HOUR_PRICE,
    DECODE_SPEED,
    DROP_EVERY_SECONDS,
    EXAMPLE_LADDER_KBPS,
    H264_LADDER_CORE_SECONDS,
    HEVC_COMPUTE_FACTOR,
    HEVC_DEVICE_SHARE,
    KBIT,
    NETFLIX_CHUNK_SECONDS,
    NETFLIX_EPISODE_SECONDS,
    NETFLIX_SHOT_SECONDS,
    PACKAGE_SECONDS,
    PART_BYTES,
    PHONE_UPLINK_BITS,
    PLAN_SECONDS,
    SEGMENT_SECONDS,
    SHORT_SEGMENT_SECONDS,
    SOURCE_GOP_SECONDS,
    SOURCE_KBPS,
    SPOT_DISCOUNT,
    STORAGE_PRICE,
    STORAGE_PRICE_BULK,
    TASK_OVERHEAD_SECONDS,
    TIER_MIN_BYTES,
    UPLOAD_BYTES,
    VCPUS_PER_CORE,
    VCU_EFFICIENCY,
    VIDEO_SECONDS,
    VIEW_KBPS,
    VIEW_MIX,
    WORKER_VCPUS,
    YOUTUBE_HOURS_PER_MINUTE,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_MINUTE,
    SECONDS_PER_MONTH,
    GiB,
    MiB,
    bandwidth,
    count,
    duration,
    fraction,
    markdown_table,
    servers,
    size,
    size_per_day,
    times,
    zipf_served,
)

MONTHS_PER_YEAR = 12

# --- Upload: one PUT against parts, over a phone's link --------------------------------------------------
RATE = 1 / DROP_EVERY_SECONDS


def expected_time(seconds: float) -> float:
    """Mean time to send a piece of `seconds` when each drop restarts it."""
    return math.expm1(RATE * seconds) / RATE


def worst_time(seconds: float) -> float:
    """Mean time to send a piece of `seconds` when every drop comes just before it finishes."""
    return seconds * math.exp(RATE * seconds)


upload_seconds = UPLOAD_BYTES * 8 / PHONE_UPLINK_BITS
part_seconds = PART_BYTES * 8 / PHONE_UPLINK_BITS


def split_parts(total_bytes: float) -> list[float]:
    """Each part's bytes: whole parts of PART_BYTES, and the last one smaller (what is left)."""
    n = math.ceil(total_bytes / PART_BYTES)
    return [PART_BYTES] * (n - 1) + [total_bytes - PART_BYTES * (n - 1)]


part_sizes = split_parts(UPLOAD_BYTES)
parts = len(part_sizes)


def waves(in_flight: int) -> list[float]:
    """Seconds each wave of `in_flight` parts takes on the link they share; a drop restarts the wave."""
    return [sum(part_sizes[i : i + in_flight]) * 8 / PHONE_UPLINK_BITS for i in range(0, parts, in_flight)]


one_at_a_time = waves(1)
at_once = waves(PARTS_IN_FLIGHT)
assert abs(sum(one_at_a_time) - upload_seconds) < 1e-6 and abs(sum(at_once) - upload_seconds) < 1e-6
upload_time = duration(upload_seconds)
single_put_expected = duration(expected_time(upload_seconds))
single_put_retries = count(math.expm1(RATE * upload_seconds))
single_put_stretch = times(expected_time(upload_seconds) / upload_seconds)
single_put_worst = duration(worst_time(upload_seconds))
upload_parts = count(parts)
# One part at a time: a drop resends the one part in flight.
multipart_expected_seconds = sum(expected_time(w) for w in one_at_a_time)
multipart_expected = duration(multipart_expected_seconds)
multipart_retries = count(sum(math.expm1(RATE * w) for w in one_at_a_time))
multipart_overhead = fraction(multipart_expected_seconds / upload_seconds - 1)
multipart_worst = duration(sum(worst_time(w) for w in one_at_a_time))
part_time = duration(part_seconds)
# PARTS_IN_FLIGHT at once: each part takes that many times as long, and a drop loses the whole wave's progress.
parts_in_flight = count(PARTS_IN_FLIGHT)
in_flight_waves = count(len(at_once))
in_flight_part_time = duration(PARTS_IN_FLIGHT * part_seconds)
in_flight_expected_seconds = sum(expected_time(w) for w in at_once)
in_flight_worst_seconds = sum(worst_time(w) for w in at_once)
in_flight_expected = duration(in_flight_expected_seconds)
in_flight_retries = count(sum(math.expm1(RATE * w) for w in at_once))
in_flight_lost = duration(in_flight_expected_seconds - upload_seconds)
in_flight_overhead = fraction(in_flight_expected_seconds / upload_seconds - 1)
in_flight_worst = duration(in_flight_worst_seconds)
in_flight_worst_lost = duration(in_flight_worst_seconds - upload_seconds)
in_flight_worst_overhead = fraction(in_flight_worst_seconds / upload_seconds - 1)
part_size = count(PART_BYTES / MiB)  # MiB
# Through the API instead: every uploaded byte crosses the API tier as well, at YouTube's upload rate.
source_seconds_per_second = YOUTUBE_HOURS_PER_MINUTE * SECONDS_PER_HOUR / SECONDS_PER_MINUTE
youtube_source_per_second = count(source_seconds_per_second)
youtube_upload_ingress = bandwidth(source_seconds_per_second * SOURCE_KBPS * KBIT / 8)

# --- The ladder: bytes per minute of source ----------------------------------------------------------------
RENDITIONS = len(EXAMPLE_LADDER_KBPS) + 1  # the example's rungs and one audio rendition


def objects_per_video(segment: float) -> int:
    """The example video's segment objects: every rung's segments and the audio rendition's."""
    return math.ceil(VIDEO_SECONDS / segment) * RENDITIONS


objects_per_video_6s = count(objects_per_video(SEGMENT_SECONDS))
HEVC_RATIO = APPLE_TOP_HEVC_KBPS / APPLE_TOP_H264_KBPS
AV1_RATIO = HEVC_RATIO * (1 - AV1_SAVING_VS_HEVC)
ladder_kbps = sum(EXAMPLE_LADDER_KBPS) + AUDIO_KBPS
# Apple's whole ladder, what a source above its top rung keeps.
full_ladder_mbps = count((sum(APPLE_LADDER_KBPS) + AUDIO_KBPS) / KBIT)
h264_bytes_per_minute = ladder_kbps * KBIT / 8 * SECONDS_PER_MINUTE
source_bytes_per_minute = SOURCE_KBPS * KBIT / 8 * SECONDS_PER_MINUTE
hevc_saving = fraction(1 - HEVC_RATIO)
vp9_saving = fraction(1 - AV1_RATIO / (1 - AV1_SAVING_VS_VP9))
av1_saving_vs_h264 = fraction(1 - AV1_RATIO)
ladder_mbps = count(ladder_kbps / KBIT)
h264_ladder_per_minute = size(h264_bytes_per_minute)
hevc_ladder_per_minute = size(h264_bytes_per_minute * HEVC_RATIO)
av1_ladder_per_minute = size(h264_bytes_per_minute * AV1_RATIO)
source_per_minute = size(source_bytes_per_minute)
stored_per_minute = size(source_bytes_per_minute + h264_bytes_per_minute)
stored_over_source = times((source_bytes_per_minute + h264_bytes_per_minute) / source_bytes_per_minute)
stored_month_per_minute = dollars(monthly(source_bytes_per_minute + h264_bytes_per_minute, STORAGE_PRICE))
# At YouTube's upload rate: a day's source, its ladder, and the cores to encode it as it arrives.
youtube_stored_per_day_bytes = (
    (source_bytes_per_minute + h264_bytes_per_minute) / SECONDS_PER_MINUTE * source_seconds_per_second * SECONDS_PER_DAY
)
youtube_stored_per_day = size_per_day(youtube_stored_per_day_bytes)
youtube_stored_month_bulk = dollars(monthly(youtube_stored_per_day_bytes, STORAGE_PRICE_BULK))
youtube_vcpus = source_seconds_per_second * H264_LADDER_CORE_SECONDS
youtube_h264_vcpus = servers(math.ceil(youtube_vcpus))
youtube_h264_cores = servers(math.ceil(youtube_vcpus / VCPUS_PER_CORE))
youtube_av1_vcpus = servers(math.ceil(youtube_vcpus * AV1_COMPUTE_FACTOR))
youtube_av1_cores = servers(math.ceil(youtube_vcpus * AV1_COMPUTE_FACTOR / VCPUS_PER_CORE))
FEW_PERCENT = 0.03
youtube_few_percent_vcpus = servers(math.ceil(youtube_vcpus * FEW_PERCENT))
few_percent = fraction(FEW_PERCENT)
# Hardware encoders: YouTube's VCUs, 20 to 33 times its CPU system's perf/TCO for H.264 and VP9 (the
# first VCU does not encode AV1): the H.264 load at the VCU's cost, in vCPUs' worth of cost.
youtube_h264_vcu_cost_low = servers(math.ceil(youtube_vcpus / VCU_EFFICIENCY[0]))
youtube_h264_vcu_cost_high = servers(math.ceil(youtube_vcpus / VCU_EFFICIENCY[1]))


# --- Encode compute per minute of source ---------------------------------------------------------------------
def core_hours_per_minute(factor: float) -> float:
    """vCPU-hours to encode a minute of source at `factor` times H.264's compute."""
    return SECONDS_PER_MINUTE * H264_LADDER_CORE_SECONDS * factor / SECONDS_PER_HOUR


def encode_cost_per_minute(factor: float, price: float = CORE_HOUR_PRICE) -> float:
    return core_hours_per_minute(factor) * price


h264_core_hours_per_minute = count(core_hours_per_minute(1))
av1_core_hours_per_minute = count(core_hours_per_minute(AV1_COMPUTE_FACTOR))
av1_encode_per_minute = dollars(encode_cost_per_minute(AV1_COMPUTE_FACTOR))

# --- Chunked, parallel encode of a 10-minute upload ------------------------------------------------------------
WORKER_COUNTS = [1, 5, 20, 100]
chunks = math.ceil(VIDEO_SECONDS / CHUNK_SECONDS)
lead_in_seconds = SOURCE_GOP_SECONDS / DECODE_SPEED  # decoding from the key frame before the span, at most
task_seconds = CHUNK_SECONDS * H264_LADDER_CORE_SECONDS / WORKER_VCPUS + lead_in_seconds + TASK_OVERHEAD_SECONDS


def watchable_after(workers: int) -> float:
    return PLAN_SECONDS + math.ceil(chunks / workers) * task_seconds + PACKAGE_SECONDS


# One worker, no split: the whole video as one task (no per-task overhead but one).
whole_video_task = VIDEO_SECONDS * H264_LADDER_CORE_SECONDS / WORKER_VCPUS + TASK_OVERHEAD_SECONDS
video_length = duration(VIDEO_SECONDS)
video_chunks = count(chunks)
chunk_task_time = duration(task_seconds)
lead_in_time = duration(lead_in_seconds)
source_gop = duration(SOURCE_GOP_SECONDS)
unsplit_watchable = duration(whole_video_task + PACKAGE_SECONDS)
watchable_rows = [(count(n), count(math.ceil(chunks / n)), duration(watchable_after(n))) for n in WORKER_COUNTS]
watchable_5 = duration(watchable_after(5))
watchable_20 = duration(watchable_after(20))
watchable_100 = duration(watchable_after(100))
# A crash loses the task in flight: one chunk's work, against the whole video's unsplit.
crash_loses_chunk = duration(task_seconds)
crash_loses_unsplit = duration(whole_video_task)

# Netflix's published unit sizes: an hour in 3-minute chunks, and per shot.
netflix_chunks = count(NETFLIX_EPISODE_SECONDS / NETFLIX_CHUNK_SECONDS)
netflix_shots = count(NETFLIX_EPISODE_SECONDS / NETFLIX_SHOT_SECONDS)
netflix_shots_over_chunks = times(NETFLIX_CHUNK_SECONDS / NETFLIX_SHOT_SECONDS)

# --- When AV1 (or HEVC) pays back --------------------------------------------------------------------------------
WATCHED_SECONDS = 4 * SECONDS_PER_MINUTE  # an average view of the 10-minute video: the page's assumption
STORE_MONTHS = MONTHS_PER_YEAR  # the new ladder kept a year
BILL_DAYS = SECONDS_PER_MONTH / SECONDS_PER_DAY  # a bill's month, a twelfth of a year: the site's month for bills
STANDARD_MONTHS = HOT_DAYS / BILL_DAYS  # in S3 Standard until renditions move at 30 days: 0.986 of a billed month
view_bytes = WATCHED_SECONDS * VIEW_KBPS * KBIT / 8
# The watch time that saves streams the ladder's top rung: its saving is a share of that rung's bytes. The
# mix of watch time over the rungs must give the average view's bit rate, so the top rung's share cannot
# exceed what the average allows.
TOP_KBPS = EXAMPLE_LADDER_KBPS[-1]
assert sorted(VIEW_MIX) == EXAMPLE_LADDER_KBPS and math.isclose(sum(VIEW_MIX.values()), 1)
assert math.isclose(sum(kbps * share for kbps, share in VIEW_MIX.items()), VIEW_KBPS)
TOP_RUNG_SHARE = VIEW_MIX[TOP_KBPS]
top_rung_view_bytes = WATCHED_SECONDS * TOP_KBPS * KBIT / 8


# The move to Glacier IR is a lifecycle transition, billed per object moved. Only segments of 128 KiB and
# up move (the lifecycle page's size filter): a rung's segment, at `ratio` of its H.264 bit rate, for 6 s.
SEGMENTS_PER_RENDITION = math.ceil(VIDEO_SECONDS / SEGMENT_SECONDS)
assert SEGMENTS_PER_RENDITION * SEGMENT_SECONDS == VIDEO_SECONDS  # every segment full length
assert AUDIO_KBPS * KBIT / 8 * SEGMENT_SECONDS < TIER_MIN_BYTES  # the audio's segments stay in Standard


def moving_rungs(ratio: float) -> list[int]:
    """The example's rungs whose segments, at `ratio` of H.264's bit rate, reach the size filter and move."""
    return [k for k in EXAMPLE_LADDER_KBPS if k * ratio * KBIT / 8 * SEGMENT_SECONDS >= TIER_MIN_BYTES]


def moved_objects(ratio: float) -> int:
    """Segment objects of the example video's ladder that move to Glacier IR at 30 days."""
    return SEGMENTS_PER_RENDITION * len(moving_rungs(ratio))


def ladder_cost(
    factor: float, ratio: float, price: float = CORE_HOUR_PRICE, storage_price: float = STORAGE_PRICE
) -> float:
    """Encode a ladder at `factor` times H.264's compute and store it, `ratio` of H.264's bytes, a year:
    30 days (STANDARD_MONTHS of a billed month) in S3 Standard at `storage_price`, the rest in Glacier
    Instant Retrieval, plus the transition fee of the segments that move."""
    ladder_bytes = h264_bytes_per_minute * ratio
    stored = monthly(ladder_bytes, storage_price) * STANDARD_MONTHS + monthly(ladder_bytes, IR_PRICE) * (
        STORE_MONTHS - STANDARD_MONTHS
    )
    transitions = moved_objects(ratio) * IR_TRANSITION
    return VIDEO_SECONDS / SECONDS_PER_MINUTE * (encode_cost_per_minute(factor, price) + stored) + transitions


def saved_per_view_bytes(ratio: float, device_share: float) -> float:
    """Bytes an average view saves: the codec's share of a top-rung view, on its top-rung time on devices
    that decode the codec."""
    return top_rung_view_bytes * (1 - ratio) * device_share * TOP_RUNG_SHARE


def views_to_repay(cost: float, saved_bytes: float, price: float) -> int:
    return math.ceil(cost / (saved_bytes / GiB * price))


# Each cost twice: storage at S3's first-tier price (a small service, first CDN tier) and at its bulk price
# (a service at the last CDN tier).
SPOT_PRICE = CORE_HOUR_PRICE * (1 - SPOT_DISCOUNT)
av1_video_cost = ladder_cost(AV1_COMPUTE_FACTOR, AV1_RATIO)
av1_video_cost_bulk = ladder_cost(AV1_COMPUTE_FACTOR, AV1_RATIO, storage_price=STORAGE_PRICE_BULK)
av1_video_cost_spot = ladder_cost(AV1_COMPUTE_FACTOR, AV1_RATIO, SPOT_PRICE)
av1_video_cost_spot_bulk = ladder_cost(AV1_COMPUTE_FACTOR, AV1_RATIO, SPOT_PRICE, STORAGE_PRICE_BULK)
hevc_video_cost = ladder_cost(HEVC_COMPUTE_FACTOR, HEVC_RATIO)
hevc_video_cost_bulk = ladder_cost(HEVC_COMPUTE_FACTOR, HEVC_RATIO, storage_price=STORAGE_PRICE_BULK)
hevc_video_cost_spot = ladder_cost(HEVC_COMPUTE_FACTOR, HEVC_RATIO, SPOT_PRICE)
hevc_video_cost_spot_bulk = ladder_cost(HEVC_COMPUTE_FACTOR, HEVC_RATIO, SPOT_PRICE, STORAGE_PRICE_BULK)
saved_bytes_per_view = saved_per_view_bytes(AV1_RATIO, AV1_DEVICE_SHARE)
hevc_saved_bytes = saved_per_view_bytes(HEVC_RATIO, HEVC_DEVICE_SHARE)  # with no AV1 ladder beside it


watched_seconds = duration(WATCHED_SECONDS)
view_bytes_size = size(view_bytes)
top_rung_view_size = size(top_rung_view_bytes)
top_rung_share = fraction(TOP_RUNG_SHARE)
# The rest of the watch time averages this, by the mix's mean.
below_top_mbps = count((VIEW_KBPS - TOP_RUNG_SHARE * TOP_KBPS) / (1 - TOP_RUNG_SHARE) / KBIT)
av1_video_cost_dollars = dollars(av1_video_cost)
av1_video_cost_bulk_dollars = dollars(av1_video_cost_bulk)
av1_video_cost_spot_dollars = dollars(av1_video_cost_spot)
av1_video_cost_spot_bulk_dollars = dollars(av1_video_cost_spot_bulk)
hevc_video_cost_dollars = dollars(hevc_video_cost)
hevc_video_cost_bulk_dollars = dollars(hevc_video_cost_bulk)
saved_per_view = size(saved_bytes_per_view)
hevc_saved_per_view = size(hevc_saved_bytes)
break_even_first = count(views_to_repay(av1_video_cost, saved_bytes_per_view, CDN_PRICE_FIRST))
break_even_bulk = count(views_to_repay(av1_video_cost_bulk, saved_bytes_per_view, CDN_PRICE_BULK))
break_even_spot_bulk = count(views_to_repay(av1_video_cost_spot_bulk, saved_bytes_per_view, CDN_PRICE_BULK))
break_even_spot_first = count(views_to_repay(av1_video_cost_spot, saved_bytes_per_view, CDN_PRICE_FIRST))
hevc_break_even_bulk = count(views_to_repay(hevc_video_cost_bulk, hevc_saved_bytes, CDN_PRICE_BULK))
hevc_break_even_first = count(views_to_repay(hevc_video_cost, hevc_saved_bytes, CDN_PRICE_FIRST))
hevc_video_cost_spot_dollars = dollars(hevc_video_cost_spot)
hevc_video_cost_spot_bulk_dollars = dollars(hevc_video_cost_spot_bulk)
hevc_break_even_spot_first = count(views_to_repay(hevc_video_cost_spot, hevc_saved_bytes, CDN_PRICE_FIRST))
hevc_break_even_spot_bulk = count(views_to_repay(hevc_video_cost_spot_bulk, hevc_saved_bytes, CDN_PRICE_BULK))
# HEVC against AV1 on Spot at the last tier: at AV1's device share, and the HEVC share at which the two
# repay after the same views (the break-even falls in proportion to the share).
hevc_saved_bytes_equal_share = saved_per_view_bytes(HEVC_RATIO, AV1_DEVICE_SHARE)
hevc_break_even_spot_bulk_equal_share = count(
    views_to_repay(hevc_video_cost_spot_bulk, hevc_saved_bytes_equal_share, CDN_PRICE_BULK)
)
hevc_share_matching_av1 = fraction(
    AV1_DEVICE_SHARE
    * (hevc_video_cost_spot_bulk / (hevc_saved_bytes_equal_share / GiB * CDN_PRICE_BULK))
    / (av1_video_cost_spot_bulk / (saved_bytes_per_view / GiB * CDN_PRICE_BULK))
)
# How far apart the two repay at an equal share: HEVC's views short of AV1's, as a share of AV1's.
equal_share_gap = fraction(
    1
    - (hevc_video_cost_spot_bulk / (hevc_saved_bytes_equal_share / GiB * CDN_PRICE_BULK))
    / (av1_video_cost_spot_bulk / (saved_bytes_per_view / GiB * CDN_PRICE_BULK))
)
# The transition fee a ladder pays, and the bytes priced in IR that stay in Standard (under the filter).
assert moved_objects(AV1_RATIO) == moved_objects(HEVC_RATIO)
ladder_moved_objects = count(moved_objects(AV1_RATIO))
ladder_transition_dollars = dollars(moved_objects(AV1_RATIO) * IR_TRANSITION)
unmoved_byte_share = fraction(1 - sum(moving_rungs(AV1_RATIO)) / ladder_kbps)


# The second codec the decision queues: at each CDN tier, the one that costs less on Spot per saved view.
def second_codec(price: float) -> tuple[str, float]:
    """The codec that repays first on Spot at the CDN tier's price, and its break-even in views."""
    bulk = price == CDN_PRICE_BULK
    av1 = (av1_video_cost_spot_bulk if bulk else av1_video_cost_spot) / (saved_bytes_per_view / GiB * price)
    hevc = (hevc_video_cost_spot_bulk if bulk else hevc_video_cost_spot) / (hevc_saved_bytes / GiB * price)
    return ("HEVC", hevc) if hevc < av1 else ("AV1", av1)


def break_even_views(price: float) -> float:
    """Views for the second codec's ladder, encoded on Spot, to repay at the CDN tier's price."""
    return second_codec(price)[1]


second_codec_bulk, second_codec_first = second_codec(CDN_PRICE_BULK)[0], second_codec(CDN_PRICE_FIRST)[0]
assert second_codec_bulk == second_codec_first == "HEVC"  # the page's Decisions pick HEVC at its shares


# After its first year, a second ladder earns its keep while its views in a month save more than a month
# of storing it costs. By then it sits in Glacier Instant Retrieval (renditions move there at 30 days, as
# originals do; one price at every volume), and a view that misses the CDN pays IR's retrieval fee on the
# bytes it reads, so a kept ladder's view also avoids that fee on the bytes it saves. At fewer views a
# day than one, every view misses: the CDN page's caches keep a copy a day at most.
def month_stored_ir(ratio: float) -> float:
    """A month of a ladder, `ratio` of H.264's bytes, for the example video in Glacier Instant Retrieval."""
    return monthly(h264_bytes_per_minute * ratio, IR_PRICE) * VIDEO_SECONDS / SECONDS_PER_MINUTE


def saved_on_a_miss(saved_bytes: float, cdn_price: float) -> float:
    """Dollars a view saves when it misses the CDN: the egress and IR's retrieval of the saved bytes."""
    return saved_bytes / GiB * (cdn_price + IR_RETRIEVAL)


av1_month_stored = month_stored_ir(AV1_RATIO)
av1_saved_per_view_bulk = saved_on_a_miss(saved_bytes_per_view, CDN_PRICE_BULK)
av1_saved_per_view_first = saved_on_a_miss(saved_bytes_per_view, CDN_PRICE_FIRST)
av1_keep_views = av1_month_stored / av1_saved_per_view_bulk
av1_keep_views_first = av1_month_stored / av1_saved_per_view_first
hevc_keep_views = month_stored_ir(HEVC_RATIO) / saved_on_a_miss(hevc_saved_bytes, CDN_PRICE_BULK)
assert max(av1_keep_views, av1_keep_views_first, hevc_keep_views) < BILL_DAYS  # under a view a day
av1_month_stored_dollars = dollars(av1_month_stored)
av1_saved_per_view_bulk_dollars = dollars(av1_saved_per_view_bulk)
av1_saved_per_view_first_dollars = dollars(av1_saved_per_view_first)
av1_keep_views_per_month = count(av1_keep_views)
av1_keep_views_per_month_first = count(av1_keep_views_first)
hevc_keep_views_per_month = count(hevc_keep_views)
# Were every view a CDN hit, only the egress would be saved: the ceiling on the threshold, at the last tier.
av1_keep_views_per_month_hits = count(av1_month_stored / (saved_bytes_per_view / GiB * CDN_PRICE_BULK))
sensitivity_rows = [
    (
        times(factor),
        dollars(ladder_cost(factor, AV1_RATIO)),
        count(views_to_repay(ladder_cost(factor, AV1_RATIO), saved_bytes_per_view, CDN_PRICE_FIRST)),
        count(
            views_to_repay(
                ladder_cost(factor, AV1_RATIO, storage_price=STORAGE_PRICE_BULK), saved_bytes_per_view, CDN_PRICE_BULK
            )
        ),
    )
    for factor in AV1_COMPUTE_SENSITIVITY
]
LIBAOM_LIKE = AV1_COMPUTE_SENSITIVITY[-1]
libaom_factor = times(LIBAOM_LIKE)
break_even_libaom_bulk = count(
    views_to_repay(
        ladder_cost(LIBAOM_LIKE, AV1_RATIO, storage_price=STORAGE_PRICE_BULK), saved_bytes_per_view, CDN_PRICE_BULK
    )
)

# --- The long tail: which videos reach the break-even ------------------------------------------------------------
# A cohort of COHORT videos, one month's uploads, drawing COHORT_VIEWS views over their life, video i in
# proportion to i^-ALPHA (the CDN page's exponent). Video i reaches B views while
# i <= (V / (B x total weight))^(1 / ALPHA). In steady state the cohort's lifetime egress is a month's.
COHORT = 1_000_000  # a month's uploads: the page's assumption
COHORT_VIEWS = 100 * COHORT  # a hundred views a video on average: the page's assumption
cohort_weight = zipf_served(COHORT, ALPHA)
cohort_egress_bytes = COHORT_VIEWS * view_bytes
cohort_egress = size(cohort_egress_bytes)
assert cohort_egress_bytes > CDN_LAST_TIER_FROM
# The share of that month's egress one region must carry for its own last tier to apply.
last_tier_region_share = fraction(CDN_LAST_TIER_FROM / cohort_egress_bytes)


def paying_count(price: float) -> int:
    return math.floor((COHORT_VIEWS / (break_even_views(price) * cohort_weight)) ** (1 / ALPHA))


paying = paying_count(CDN_PRICE_BULK)
paying_first = paying_count(CDN_PRICE_FIRST)
cohort = count(COHORT)
cohort_mean_views = count(COHORT_VIEWS / COHORT)
alpha = count(ALPHA)
paying_videos = count(paying)
paying_share = fraction(paying / COHORT)
paying_view_share = fraction(zipf_served(paying, ALPHA) / cohort_weight)
paying_videos_first = count(paying_first)
paying_share_first = fraction(paying_first / COHORT)
paying_view_share_first = fraction(zipf_served(paying_first, ALPHA) / cohort_weight)
median_views = count(COHORT_VIEWS * (COHORT / 2) ** -ALPHA / cohort_weight)

# --- Storage: the bottom rung's segments against the lifecycle page's 128 KiB filter; one file per rendition -------
bottom_segment_bytes = size(APPLE_LADDER_KBPS[0] * KBIT / 8 * SEGMENT_SECONDS)
bottom_segment_under_filter = APPLE_LADDER_KBPS[0] * KBIT / 8 * SEGMENT_SECONDS < TIER_MIN_BYTES
assert bottom_segment_under_filter
aac_frames_per_segment = count(SHORT_SEGMENT_SECONDS / AAC_FRAME_SECONDS)
segments_per_chunk = count(CHUNK_SECONDS / SEGMENT_SECONDS)
single_file_objects = count(RENDITIONS)
single_file_fewer = times(objects_per_video(SEGMENT_SECONDS) / RENDITIONS)

if __name__ != "concept_video":
    print(
        markdown_table(
            (
                f"A {size(UPLOAD_BYTES)} upload at {count(PHONE_UPLINK_BITS / 1e6)} Mbit/s",
                "One PUT",
                "Parts, one at a time",
                f"Parts, {parts_in_flight} at once",
            ),
            [
                ("Pieces, each restarted on a drop", count(1), upload_parts, in_flight_waves),
                ("Time with no drop", upload_time, upload_time, upload_time),
                ("Expected time with drops", single_put_expected, multipart_expected, in_flight_expected),
                ("Expected restarts", single_put_retries, multipart_retries, in_flight_retries),
                (
                    "Expected time if every drop comes just before its piece ends",
                    single_put_worst,
                    multipart_worst,
                    in_flight_worst,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("A minute of source", "Bytes", "Dollars a month in S3 Standard"),
            [
                ("Original as uploaded", source_per_minute, dollars(monthly(source_bytes_per_minute, STORAGE_PRICE))),
                (
                    f"H.264 ladder, {count(len(EXAMPLE_LADDER_KBPS))} rungs and audio",
                    h264_ladder_per_minute,
                    dollars(monthly(h264_bytes_per_minute, STORAGE_PRICE)),
                ),
                (
                    "The same ladder in HEVC",
                    hevc_ladder_per_minute,
                    dollars(monthly(h264_bytes_per_minute * HEVC_RATIO, STORAGE_PRICE)),
                ),
                (
                    "The same ladder in AV1",
                    av1_ladder_per_minute,
                    dollars(monthly(h264_bytes_per_minute * AV1_RATIO, STORAGE_PRICE)),
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (f"Workers for a {video_length} upload ({video_chunks} chunks)", "Waves of tasks", "Watchable after"),
            [(count(1), "one task, unsplit", unsplit_watchable), *watchable_rows],
        )
    )
    print()
    print(
        markdown_table(
            (
                f"A second ladder for the {video_length} video",
                "Saves a view",
                "Small service: costs",
                "Repays after",
                "Last tier: costs",
                "Repays after",
            ),
            [
                (
                    "AV1, on-demand",
                    saved_per_view,
                    f"${av1_video_cost_dollars}",
                    break_even_first,
                    f"${av1_video_cost_bulk_dollars}",
                    break_even_bulk,
                ),
                (
                    "AV1, Spot",
                    saved_per_view,
                    f"${av1_video_cost_spot_dollars}",
                    break_even_spot_first,
                    f"${av1_video_cost_spot_bulk_dollars}",
                    break_even_spot_bulk,
                ),
                (
                    "HEVC, on-demand, without an AV1 ladder",
                    hevc_saved_per_view,
                    f"${hevc_video_cost_dollars}",
                    hevc_break_even_first,
                    f"${hevc_video_cost_bulk_dollars}",
                    hevc_break_even_bulk,
                ),
                (
                    "HEVC, Spot, without an AV1 ladder",
                    hevc_saved_per_view,
                    f"${hevc_video_cost_spot_dollars}",
                    hevc_break_even_spot_first,
                    f"${hevc_video_cost_spot_bulk_dollars}",
                    hevc_break_even_spot_bulk,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (
                "AV1 compute over H.264's",
                "AV1 ladder costs, small service",
                "Repays after, first tier",
                "Repays after, last tier",
            ),
            [(f, f"${c}", a, b) for f, c, a, b in sensitivity_rows],
        )
    )
    print()
    print(
        markdown_table(
            (
                f"{cohort} videos, {cohort_mean_views} views each on average",
                f"Videos that repay {second_codec_bulk} on Spot",
                "Share of videos",
                "Share of views",
            ),
            [
                (
                    f"Last tier, ${count(CDN_PRICE_BULK)} (the cohort's own volume, a month)",
                    paying_videos,
                    paying_share,
                    paying_view_share,
                ),
                (
                    f"First tier, ${count(CDN_PRICE_FIRST)} (a small service)",
                    paying_videos_first,
                    paying_share_first,
                    paying_view_share_first,
                ),
            ],
        )
    )
