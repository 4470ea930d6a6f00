"""Concepts, data lifecycle: when moving objects to a colder S3 class pays, and what it saves on the
Twitter example's media.

Break-even reads. A class saves (Standard's price - its price) a GB-month and charges, for each GB
read, its retrieval price plus its GET fee for every object read (less Standard's GET fee), so it pays
while a GB is read fewer than saving / (retrieval + extra GET fees) times a month. The table reads
the GB as objects of BREAK_EVEN_OBJECT; smaller objects mean more GETs a GB. Only reads that reach the
store count: a CDN hit reads nothing.

Small objects. Standard-IA and Glacier Instant Retrieval bill at least 128 KB an object, so an object
of s bytes costs max(s, 128 KB) x price: cheaper than Standard only if 128 KB x price < s x Standard's
price. The archive classes bill 40 KB more an object (8 KB of it at Standard's price).

Transition payback. Moving one object costs the class's transition fee once; it pays back after
fee / (monthly saving on that object) months, and must stay at least the class's minimum duration.

The Twitter example at the end of its horizon (five years of media): a photo keeps the original as
uploaded and three resized copies: the one a view is served (twitter_assumptions.photo_served_bytes)
and two smaller ones sharing the rest of the stored bytes. A video is a four-rung ladder, as the CDN
page describes (concept_cdn_storage): the top rung, made from the original at its rate, is one
fragmented MP4 served by byte ranges, and the three lower renditions are cut into segment objects. The
example gives only the renditions' bytes together, so their segments are counted at the average size;
the smallest, the lowest rendition's, are checked against the 128 KB filter with that rendition's rate
taken from the video page's ladder: Apple's three rungs below the top rung's rate, scaled to the
example's bytes. The original as uploaded is kept beside them unless the top rung is its remux, which
holds the same streams (twitter_assumptions.video_remuxed_share), so a video is
objects_per_segmented_video objects, one fewer when remuxed. Four plans:
- all in Standard;
- tiered: objects of 128 KB or more (photo originals, the served photo copy, video originals, top
  rungs and rendition segments) to Standard-IA at 30 days and to Glacier Instant Retrieval at 90; the two
  small photo copies, under 128 KB, stay in Standard (the lifecycle default);
- one move (the decided plan): the same objects to Glacier Instant Retrieval at 30 days, no
  Standard-IA stay; the small photo copies stay in Standard;
- archived: built on the one-move plan, but the photo originals, which no reader fetches (a view is
  served the resized copy), go to Deep Archive at 30 days, kept only to make a copy again. Video
  originals stay on the one-move path: a rendition made again on demand, or a second codec's encode,
  reads its original (the video page's rule).
Reads: the origin's photo and video bytes are the example's egress x (1 - its CDN hit ratio); a share
of them (the page's assumption) is for media older than 30 days. Old reads are billed at Glacier
Instant Retrieval's retrieval and GET prices (an upper bound: the IA months cost less): a GET per
served photo copy, a range GET per segment (concept_cdn_origin.segment_bytes) of the top rung for
video. GETs on new media, the same in every plan, are left out. Transition fees are paid every month
on the month's objects. Early deletion charges are left out: the example assumes no deletion rate,
and each deleted object pays at most the rest of its class's minimum stay, at worst a month of
Standard-IA's price a GB.
Intelligent-Tiering instead of rules: its monitoring fee on every object of 128 KB or more.
"""

from concept_cdn_origin import SEGMENT_SECONDS, segment_bytes, segments_per_video, video_length
from concept_cdn_storage import LOWER_RENDITIONS, objects_per_media, objects_per_segmented_video
from concept_life_assumptions import (
    ARCHIVE_INDEX_ARCHIVE,
    ARCHIVE_INDEX_STANDARD,
    DEEP_BULK_REQUEST,
    DEEP_BULK_RETRIEVAL,
    DEEP_MIN_DAYS,
    DEEP_PRICE,
    DEEP_RETRIEVAL,
    DEEP_STANDARD_REQUEST,
    DEEP_TRANSITION,
    FLEXIBLE_MIN_DAYS,
    FLEXIBLE_PRICE,
    FLEXIBLE_RETRIEVAL,
    FLEXIBLE_TRANSITION,
    IA_GET,
    IA_MIN_DAYS,
    IA_PRICE,
    IA_RETRIEVAL,
    IA_TRANSITION,
    IR_GET,
    IR_MIN_DAYS,
    IR_PRICE,
    IR_RETRIEVAL,
    IR_TRANSITION,
    IT_MONITORING,
    MIN_BILLABLE,
    OLD_MEDIA_READ_SHARE,
    RESTORE_REQUESTS_PER_SECOND,
    STANDARD_GET,
    STANDARD_PRICE,
    STANDARD_PRICE_BULK,
    WARM_READ_SHARE,
)
from concept_video_assumptions import APPLE_LADDER_KBPS, KBIT
from twitter_assumptions import (
    cdn_hit_ratio,
    photo_served_bytes,
    photo_share,
    photo_stored_bytes,
    photo_uploaded_bytes,
    tweets_per_day,
    video_bits_per_second,
    video_remuxed_share,
    video_share,
    video_stored_bytes,
    video_uploaded_bytes,
)
from twitter_bandwidth import photo_egress, video_egress
from twitter_storage import days_kept, media_bytes_data

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_MONTH,
    GiB,
    KiB,
    MiB,
    count,
    duration,
    fraction,
    markdown_table,
    size,
    times,
)


def dollars(value: float):
    """US dollars, as a count the page prefixes with $."""
    return count(value)


# --- The classes -------------------------------------------------------------------------------------------
# (name, price a GB-month, retrieval a GB, GET an object, transition fee an object, minimum days, first byte)
CLASSES = [
    ("Standard", STANDARD_PRICE, 0.0, STANDARD_GET, 0.0, 0, "milliseconds"),
    ("Standard-IA", IA_PRICE, IA_RETRIEVAL, IA_GET, IA_TRANSITION, IA_MIN_DAYS, "milliseconds"),
    ("Glacier Instant Retrieval", IR_PRICE, IR_RETRIEVAL, IR_GET, IR_TRANSITION, IR_MIN_DAYS, "milliseconds"),
    (
        "Glacier Flexible Retrieval",
        FLEXIBLE_PRICE,
        FLEXIBLE_RETRIEVAL,
        None,
        FLEXIBLE_TRANSITION,
        FLEXIBLE_MIN_DAYS,
        "1-5 min (expedited, dearer), 3-5 h (standard), 5-12 h (bulk)",
    ),
    (
        "Glacier Deep Archive",
        DEEP_PRICE,
        DEEP_RETRIEVAL,
        None,
        DEEP_TRANSITION,
        DEEP_MIN_DAYS,
        "within 12 h (standard), 48 h (bulk)",
    ),
]
BREAK_EVEN_OBJECT = 1024 * KiB  # the break-evens read a GB as 1 MiB objects


def read_cost(retrieval: float, get: float, object_bytes: float = BREAK_EVEN_OBJECT) -> float:
    """Dollars to read a GB beyond what Standard charges: retrieval plus the extra GET fees."""
    return retrieval + (get - STANDARD_GET) * GiB / object_bytes


def break_even(price: float, retrieval: float, get: float, standard: float = STANDARD_PRICE) -> float:
    return (standard - price) / read_cost(retrieval, get)


def break_even_text(name: str, price: float, retrieval: float, get: float | None) -> object:
    if not retrieval:
        return ""
    if get is not None:
        return count(break_even(price, retrieval, get))
    return "not for data read online: a restore first"


class_rows = [
    (
        name,
        f"${price}",
        f"${retrieval}" if retrieval else "none",
        f"${get * 1000}" if get is not None else "a restore request",
        f"${fee * 1000:.2f}" if fee else "none",
        f"{days} days" if days else "none",
        first_byte,
        break_even_text(name, price, retrieval, get),
    )
    for name, price, retrieval, get, fee, days, first_byte in CLASSES
]
ia_break_even_reads = count(break_even(IA_PRICE, IA_RETRIEVAL, IA_GET))
ir_break_even_reads = count(break_even(IR_PRICE, IR_RETRIEVAL, IR_GET))
# Glacier Instant Retrieval against Standard-IA: it saves the price gap and costs the read-cost gap.
ir_over_ia_break_even_reads = count(
    (IA_PRICE - IR_PRICE) / (read_cost(IR_RETRIEVAL, IR_GET) - read_cost(IA_RETRIEVAL, IA_GET))
)
standard_get = count(STANDARD_GET * 1000)
ia_get = count(IA_GET * 1000)
ir_get = count(IR_GET * 1000)
standard_price = count(STANDARD_PRICE)
ia_price = count(IA_PRICE)
ir_price = count(IR_PRICE)
deep_price = count(DEEP_PRICE)
standard_over_deep = times(STANDARD_PRICE / DEEP_PRICE)

# --- Small objects -----------------------------------------------------------------------------------------
ia_smallest_worth_it = size(MIN_BILLABLE * IA_PRICE / STANDARD_PRICE)
ir_smallest_worth_it = size(MIN_BILLABLE * IR_PRICE / STANDARD_PRICE)
ia_smallest_worth_it_kib = count(MIN_BILLABLE * IA_PRICE / STANDARD_PRICE / KiB)
ir_smallest_worth_it_kib = count(MIN_BILLABLE * IR_PRICE / STANDARD_PRICE / KiB)


def monthly(bytes_stored: float, price: float) -> float:
    return bytes_stored / GiB * price


PRICES = {name: price for name, price, *_ in CLASSES}
TRANSITION_FEES = {name: fee for name, _price, _retrieval, _get, fee, *_ in CLASSES}
MIN_BILLABLE_CLASSES = {"Standard-IA", "Glacier Instant Retrieval"}
ARCHIVE_CLASSES = {"Glacier Flexible Retrieval", "Glacier Deep Archive"}


def billed_month(size_bytes: float, cls: str) -> float:
    """Dollars a month for one object of size_bytes in a class."""
    if cls not in PRICES:
        raise ValueError(f"unknown S3 class {cls!r}")
    if cls in ARCHIVE_CLASSES:
        # the object and 32 KB of index at the class's price, 8 KB at Standard's
        return monthly(size_bytes + ARCHIVE_INDEX_ARCHIVE, PRICES[cls]) + monthly(
            ARCHIVE_INDEX_STANDARD, STANDARD_PRICE
        )
    if cls in MIN_BILLABLE_CLASSES:
        size_bytes = max(size_bytes, MIN_BILLABLE)
    return monthly(size_bytes, PRICES[cls])


def payback_months(size_bytes: float, cls: str) -> float | None:
    saving = billed_month(size_bytes, "Standard") - billed_month(size_bytes, cls)
    return TRANSITION_FEES[cls] / saving if saving > 0 else None


SIZES = [16 * KiB, 64 * KiB, 128 * KiB, 1024 * KiB, 16 * 1024 * KiB]


def payback_text(size_bytes: float, cls: str) -> str:
    months = payback_months(size_bytes, cls)
    if months is None:
        return "never: costs more than Standard"
    return f"{count(months)} months"


size_rows = [
    (
        f"{s // MiB} MiB" if s >= MiB else f"{s // KiB} KiB",
        *(payback_text(s, cls) for cls in ("Standard-IA", "Glacier Instant Retrieval", "Glacier Deep Archive")),
    )
    for s in SIZES
]
payback_ia_128k = count(payback_months(128 * KiB, "Standard-IA"))
payback_ia_1m = count(payback_months(1 * MiB, "Standard-IA"))
payback_deep_128k = count(payback_months(128 * KiB, "Glacier Deep Archive"))
ia_16k_over_standard = times(billed_month(16 * KiB, "Standard-IA") / billed_month(16 * KiB, "Standard"))

# --- A lifecycle rule over tiny objects ---------------------------------------------------------------------
TINY_OBJECTS = 1e9  # a billion log files of 10 KB
TINY_BYTES = 10e3
tiny_objects = count(TINY_OBJECTS)
tiny_size = size(TINY_BYTES)
tiny_data = size(TINY_OBJECTS * TINY_BYTES)
tiny_transition_bill = dollars(TINY_OBJECTS * DEEP_TRANSITION)
tiny_standard_month = dollars(TINY_OBJECTS * billed_month(TINY_BYTES, "Standard"))
tiny_deep_month = dollars(TINY_OBJECTS * billed_month(TINY_BYTES, "Glacier Deep Archive"))
tiny_index_share = fraction(
    (ARCHIVE_INDEX_STANDARD * STANDARD_PRICE + ARCHIVE_INDEX_ARCHIVE * DEEP_PRICE)
    / (ARCHIVE_INDEX_STANDARD * STANDARD_PRICE + (ARCHIVE_INDEX_ARCHIVE + TINY_BYTES) * DEEP_PRICE)
)

# --- The Twitter example's media ------------------------------------------------------------------------------
variants = float(objects_per_media) - 1
photos_per_day = tweets_per_day * photo_share
videos_per_day = tweets_per_day * video_share
# The copy a view is served, and the two smaller copies sharing the rest.
photo_small_bytes = size((photo_stored_bytes - photo_uploaded_bytes - photo_served_bytes) / (variants - 1))
# A video: the top rung at the original's rate (the same bytes), the original kept unless the top rung is
# its remux, and the lower renditions sharing the rest.
video_top_rung_bytes = video_uploaded_bytes
video_original_kept_bytes = (1 - video_remuxed_share) * video_uploaded_bytes
video_rendition_bytes = size((video_stored_bytes - video_original_kept_bytes - video_top_rung_bytes) / LOWER_RENDITIONS)
rendition_segment_bytes = size(video_rendition_bytes / segments_per_video)  # the average segment
# The smallest segments, the lowest rendition's. The example gives only the three renditions' bytes, so
# its rates are an assumption: the three lowest of Apple's rungs below the top rung's (the video page's
# ladder), scaled so that the three carry the example's rendition bytes. Spread further apart (the lowest
# rung with the two highest), the lowest would be slower and its segments smaller: that case too.
_RUNGS_BELOW_TOP = [r for r in APPLE_LADDER_KBPS if r * KBIT < float(video_bits_per_second)]
LOWER_RUNGS_KBPS = _RUNGS_BELOW_TOP[:LOWER_RENDITIONS]
LOWER_RUNGS_SPREAD_KBPS = _RUNGS_BELOW_TOP[:1] + _RUNGS_BELOW_TOP[1 - LOWER_RENDITIONS :]
LOWER_RENDITIONS_KBPS = float(video_rendition_bytes) * LOWER_RENDITIONS * 8 / float(video_length) / KBIT


def _lowest_segment_bytes(rungs: list[float]) -> float:
    return rungs[0] * LOWER_RENDITIONS_KBPS / sum(rungs) * KBIT / 8 * SEGMENT_SECONDS


lowest_rendition_kbps = count(LOWER_RUNGS_KBPS[0] * LOWER_RENDITIONS_KBPS / sum(LOWER_RUNGS_KBPS))
lowest_rendition_segment_bytes = size(_lowest_segment_bytes(LOWER_RUNGS_KBPS))
lowest_rendition_segment_bytes_spread = size(_lowest_segment_bytes(LOWER_RUNGS_SPREAD_KBPS))
# The top rung, every rendition segment and, on average, the originals kept.
video_objects = float(objects_per_segmented_video) - video_remuxed_share
assert photo_small_bytes < MIN_BILLABLE <= photo_served_bytes <= photo_uploaded_bytes
# So, as assumed, every full rendition segment moves (a video's short last one may not); spread apart,
# the lowest rung's would not (the page says so).
assert lowest_rendition_segment_bytes >= MIN_BILLABLE > lowest_rendition_segment_bytes_spread

# Bytes a day by role.
photo_original_day = photos_per_day * photo_uploaded_bytes
photo_served_day = photos_per_day * photo_served_bytes
photo_small_day = photos_per_day * (variants - 1) * photo_small_bytes
video_original_day = videos_per_day * video_original_kept_bytes
video_top_rung_day = videos_per_day * video_top_rung_bytes
# What a video is made again from: its original where kept, else its remuxed top rung (the DR page's copy).
video_source_day = video_original_day + videos_per_day * video_remuxed_share * video_top_rung_bytes
video_rendition_day = videos_per_day * LOWER_RENDITIONS * video_rendition_bytes
assert (
    abs(
        photo_original_day
        + photo_served_day
        + photo_small_day
        + video_original_day
        + video_top_rung_day
        + video_rendition_day
        - media_bytes_data / days_kept
    )
    < 1
)
KEPT = float(days_kept)
HOT_DAYS, WARM_DAYS = 30, 90  # Standard to 30 days, Standard-IA to 90, then Glacier Instant Retrieval
# A bill's month: an average month, a twelfth of a year (sdw.estimation's SECONDS_PER_MONTH), the site's month
# for bills; the lifecycle rules' 30, 60 and 90 days are days, so a 30-day stay is 0.986 of a billed month.
BILL_DAYS = SECONDS_PER_MONTH / SECONDS_PER_DAY


def standard_month(bytes_per_day: float, days: float) -> float:
    return monthly(bytes_per_day * days, STANDARD_PRICE_BULK)


all_standard_bill = standard_month(media_bytes_data / KEPT, KEPT)

# Tiered: everything of 128 KB or more moves; the two small photo copies stay.
tiered_day = photo_original_day + photo_served_day + video_original_day + video_top_rung_day + video_rendition_day
tiered_objects_day = photos_per_day * 2 + videos_per_day * video_objects


def tiered_storage(bytes_per_day: float) -> float:
    return (
        standard_month(bytes_per_day, HOT_DAYS)
        + monthly(bytes_per_day * (WARM_DAYS - HOT_DAYS), IA_PRICE)
        + monthly(bytes_per_day * (KEPT - WARM_DAYS), IR_PRICE)
    )


# Old reads reaching the store: the served photo copy and video segments, at Instant Retrieval's prices.
OLD_SHARE_AT_ORIGIN = (1 - cdn_hit_ratio) * OLD_MEDIA_READ_SHARE * SECONDS_PER_MONTH
old_photo_bytes_month = photo_egress * OLD_SHARE_AT_ORIGIN
old_video_bytes_month = video_egress * OLD_SHARE_AT_ORIGIN
old_bytes_month = old_photo_bytes_month + old_video_bytes_month
old_gets_month = old_photo_bytes_month / photo_served_bytes + old_video_bytes_month / segment_bytes
# Old video reads are range GETs on the top rung, a CDN segment's bytes each (not the lower rungs'
# segment objects). Of the old reads, WARM_READ_SHARE fall on media 30 to 90 days old: Standard-IA's prices
# under the three-class plan, Instant Retrieval's under the two-class one; the rest at Instant's.
warm_fees = monthly(old_bytes_month, IA_RETRIEVAL) + old_gets_month * (IA_GET - STANDARD_GET)
cold_fees = monthly(old_bytes_month, IR_RETRIEVAL) + old_gets_month * (IR_GET - STANDARD_GET)
retrieval_month = WARM_READ_SHARE * warm_fees + (1 - WARM_READ_SHARE) * cold_fees
direct_retrieval_month = cold_fees
tiered_transitions_month = tiered_objects_day * BILL_DAYS * (IA_TRANSITION + IR_TRANSITION)
direct_transitions_month = tiered_objects_day * BILL_DAYS * IR_TRANSITION
tiered_bill = (
    standard_month(photo_small_day, KEPT) + tiered_storage(tiered_day) + retrieval_month + tiered_transitions_month
)


def direct_storage(bytes_per_day: float) -> float:
    return standard_month(bytes_per_day, HOT_DAYS) + monthly(bytes_per_day * (KEPT - HOT_DAYS), IR_PRICE)


# Standard, then Glacier Instant Retrieval at 30 days: one move, no Standard-IA stay.
direct_bill = (
    standard_month(photo_small_day, KEPT)
    + direct_storage(tiered_day)
    + direct_retrieval_month
    + direct_transitions_month
)
twitter_direct = dollars(direct_bill)
twitter_direct_saving = fraction(1 - direct_bill / all_standard_bill)
direct_over_tiered = dollars(tiered_bill - direct_bill)
twitter_direct_transitions = dollars(direct_transitions_month)
twitter_direct_retrieval = dollars(direct_retrieval_month)
# An object's stay in Standard-IA: the IA transition fee against what the stay saves over Standard.
payback_ia_served_photo = count(payback_months(float(photo_served_bytes), "Standard-IA"))
ia_stay_days = count(WARM_DAYS - HOT_DAYS)
ia_stay_months = count((WARM_DAYS - HOT_DAYS) / BILL_DAYS)

# With photo originals archived: to Deep Archive at 30 days; everything else on the one-move plan.
archived_objects = photos_per_day * (KEPT - HOT_DAYS)  # photo originals in Deep Archive at the horizon
archived_bytes = photo_original_day * (KEPT - HOT_DAYS)
photo_originals_archived_storage = (
    standard_month(photo_original_day, HOT_DAYS)
    + monthly(archived_bytes, DEEP_PRICE)
    + archived_objects * (monthly(ARCHIVE_INDEX_ARCHIVE, DEEP_PRICE) + monthly(ARCHIVE_INDEX_STANDARD, STANDARD_PRICE))
)
still_tiered_objects_day = photos_per_day + videos_per_day * video_objects
archived_transitions_month = (photos_per_day * DEEP_TRANSITION + still_tiered_objects_day * IR_TRANSITION) * BILL_DAYS
archived_bill = (
    standard_month(photo_small_day, KEPT)
    + photo_originals_archived_storage
    + direct_storage(photo_served_day + video_original_day + video_top_rung_day + video_rendition_day)
    + direct_retrieval_month
    + archived_transitions_month
)

# Restoring every archived photo original once (a new size or format), bulk or standard.
restore_objects = count(archived_objects)
restore_data = size(archived_bytes)
restore_bulk_bill = dollars(monthly(archived_bytes, DEEP_BULK_RETRIEVAL) + archived_objects * DEEP_BULK_REQUEST)
restore_standard_bill = dollars(monthly(archived_bytes, DEEP_RETRIEVAL) + archived_objects * DEEP_STANDARD_REQUEST)
restore_bulk_time = duration(48 * SECONDS_PER_HOUR)
restore_standard_time = duration(12 * SECONDS_PER_HOUR)
restore_campaign_time = duration(archived_objects / RESTORE_REQUESTS_PER_SECOND + 48 * SECONDS_PER_HOUR)

archive_saving_over_direct = dollars(direct_bill - archived_bill)
restore_bulk_months = count(restore_bulk_bill / archive_saving_over_direct)

# Intelligent-Tiering instead of the rules: a monitoring fee on every object of 128 KB or more.
it_objects = count(tiered_objects_day * KEPT)
it_monitoring_bill = dollars(tiered_objects_day * KEPT * IT_MONITORING)
# What the rules pay that Intelligent-Tiering does not: transition fees, retrieval and the GET fees
# above Standard's (Intelligent-Tiering bills neither retrieval nor a dearer GET).
rule_fees = direct_transitions_month + direct_retrieval_month
twitter_rule_fees = dollars(rule_fees)
it_fee_over_rule_fees = times(tiered_objects_day * KEPT * IT_MONITORING / rule_fees)

media_data = media_bytes_data
twitter_all_standard = dollars(all_standard_bill)
twitter_tiered = dollars(tiered_bill)
twitter_archived = dollars(archived_bill)
twitter_tiered_saving = fraction(1 - tiered_bill / all_standard_bill)
twitter_archived_saving = fraction(1 - archived_bill / all_standard_bill)
twitter_retrieval = dollars(direct_retrieval_month)
twitter_retrieval_gets = dollars(old_gets_month * (IR_GET - STANDARD_GET))
twitter_tiered_retrieval = dollars(retrieval_month)
twitter_tiered_transitions = dollars(tiered_transitions_month)
twitter_tiered_objects_day = count(tiered_objects_day)
twitter_untiered_share = fraction(photo_small_day / (media_bytes_data / KEPT))
# Reads per GB-month of the copies readers fetch (served photos, video top rungs) past 90 days: a
# bound, since every old read is taken to land there.
read_copies_cold = (photo_served_day + video_top_rung_day) * (KEPT - WARM_DAYS)
twitter_old_reads_per_gb = count(old_bytes_month / read_copies_cold)
# The break-even at the bulk price the example is billed at, with its GETs a GB as read.
twitter_break_even_reads = count(
    (STANDARD_PRICE_BULK - IR_PRICE)
    / (IR_RETRIEVAL + (IR_GET - STANDARD_GET) * old_gets_month / (old_bytes_month / GiB))
)
twitter_reads_under_break_even = times(twitter_break_even_reads / twitter_old_reads_per_gb)
direct_min_stay_days = count(HOT_DAYS + IR_MIN_DAYS)  # created to deleted, under the two-class plan
# An object moved to Glacier Instant Retrieval pays its whole minimum stay however soon it is deleted; left
# in Standard (at the bulk price the example is billed at) it would have cost as much after this many days.
# Deleted sooner than that after its move, it costs more cold than hot (a large object: the transition fee
# a GB is negligible; a small one costs more cold until that fee has paid back too).
standard_price_bulk = count(STANDARD_PRICE_BULK)
ir_stay_per_gb = dollars(IR_PRICE * IR_MIN_DAYS / BILL_DAYS)
direct_early_delete_days = count(IR_MIN_DAYS * IR_PRICE / STANDARD_PRICE_BULK)
early_delete_worst = dollars(
    max(IA_PRICE * IA_MIN_DAYS, IR_PRICE * IR_MIN_DAYS, DEEP_PRICE * DEEP_MIN_DAYS) / BILL_DAYS
)

if __name__ != "concept_life_tiers":
    print(
        markdown_table(
            (
                "Class (us-east-1, 2025 prices)",
                "A GB-month",
                "Retrieval a GB",
                "GET per 1,000",
                "Transition per 1,000",
                "Minimum stay",
                "First byte",
                "Pays while a GB, as 1 MiB objects, is read fewer times a month than",
            ),
            class_rows,
        )
    )
    print()
    print(
        markdown_table(
            (
                "Object size",
                "Months to pay back a move to Standard-IA",
                "to Glacier Instant Retrieval",
                "to Deep Archive",
            ),
            size_rows,
        )
    )
    print()
    print(
        markdown_table(
            (f"Twitter media, {media_data} at the horizon", "A month", "Saved"),
            [
                ("All in Standard", f"${twitter_all_standard}", ""),
                (
                    "Standard-IA at 30 days, Instant Retrieval at 90 (small photo copies stay)",
                    f"${twitter_tiered}",
                    twitter_tiered_saving,
                ),
                ("Instant Retrieval at 30 days (small photo copies stay)", f"${twitter_direct}", twitter_direct_saving),
                (
                    "Instant Retrieval at 30 days, photo originals in Deep Archive",
                    f"${twitter_archived}",
                    twitter_archived_saving,
                ),
            ],
        )
    )
