"""Concepts, data lifecycle: when moving objects to a colder S3 class pays, and what it saves on the
Twitter example's media.

Break-even reads. A class saves (Standard's price - its price) a GB-month and charges its retrieval
price for each GB read, so it pays while a GB is read fewer than saving / retrieval times a month
(request charges, a few thousandths of a cent per 1,000, left out). Only reads that reach the store
count: a CDN hit reads nothing.

Small objects. Standard-IA and Glacier Instant Retrieval bill at least 128 KB an object, so an object
of s bytes costs max(s, 128 KB) x price: cheaper than Standard only if 128 KB x price < s x Standard's
price. The archive classes bill 40 KB more an object (8 KB of it at Standard's price).

Transition payback. Moving one object costs the class's transition fee once; it pays back after
fee / (monthly saving on that object) months, and must stay at least the class's minimum duration.

The Twitter example at the end of its horizon (five years of media): photos keep the original as
uploaded plus three resized copies sharing the rest of the stored bytes; videos the original plus
three renditions likewise. Three plans:
- all in Standard;
- tiered: objects of 128 KB or more to Standard-IA at 30 days and to Glacier Instant Retrieval at
  90; the photos' resized copies, under 128 KB, stay in Standard (the lifecycle default);
- tiered, with originals archived: as above, but the originals, which no reader fetches (readers
  get the resized copies and renditions), go to Deep Archive at 30 days, kept only to make a variant
  again.
Reads: the origin's media bytes are the example's egress x (1 - its CDN hit ratio); a share of them
(the page's assumption) is for media older than 30 days. Old photo reads hit the resized copies in
Standard and cost no retrieval; old video reads are billed at Glacier Instant Retrieval's price (an
upper bound: the IA month costs less). Transition fees are paid every month on the month's objects.
"""

from concept_cdn_storage import objects_per_media
from concept_life_assumptions import (
    ARCHIVE_INDEX_ARCHIVE,
    ARCHIVE_INDEX_STANDARD,
    DAYS_PER_MONTH,
    DEEP_MIN_DAYS,
    DEEP_PRICE,
    DEEP_RETRIEVAL,
    DEEP_TRANSITION,
    FLEXIBLE_MIN_DAYS,
    FLEXIBLE_PRICE,
    FLEXIBLE_RETRIEVAL,
    FLEXIBLE_TRANSITION,
    GIB,
    IA_MIN_DAYS,
    IA_PRICE,
    IA_RETRIEVAL,
    IA_TRANSITION,
    IR_MIN_DAYS,
    IR_PRICE,
    IR_RETRIEVAL,
    IR_TRANSITION,
    KIB,
    MIN_BILLABLE,
    OLD_MEDIA_READ_SHARE,
    STANDARD_PRICE,
    STANDARD_PRICE_BULK,
)
from twitter_assumptions import (
    cdn_hit_ratio,
    photo_share,
    photo_stored_bytes,
    photo_uploaded_bytes,
    tweets_per_day,
    video_share,
    video_stored_bytes,
    video_uploaded_bytes,
)
from twitter_bandwidth import video_egress
from twitter_storage import days_kept, media_bytes_data

from sdw.estimation import SECONDS_PER_DAY, count, fraction, markdown_table, size, times

MIB = 2**20


def dollars(value: float):
    """US dollars, as a count the page prefixes with $."""
    return count(value)


# --- The classes -------------------------------------------------------------------------------------------
# (name, price a GB-month, retrieval a GB, transition fee an object, minimum days, first byte)
CLASSES = [
    ("Standard", STANDARD_PRICE, 0.0, 0.0, 0, "milliseconds"),
    ("Standard-IA", IA_PRICE, IA_RETRIEVAL, IA_TRANSITION, IA_MIN_DAYS, "milliseconds"),
    ("Glacier Instant Retrieval", IR_PRICE, IR_RETRIEVAL, IR_TRANSITION, IR_MIN_DAYS, "milliseconds"),
    (
        "Glacier Flexible Retrieval",
        FLEXIBLE_PRICE,
        FLEXIBLE_RETRIEVAL,
        FLEXIBLE_TRANSITION,
        FLEXIBLE_MIN_DAYS,
        "3 to 5 hours",
    ),
    ("Glacier Deep Archive", DEEP_PRICE, DEEP_RETRIEVAL, DEEP_TRANSITION, DEEP_MIN_DAYS, "within 12 hours"),
]


def break_even(price: float, retrieval: float) -> float:
    return (STANDARD_PRICE - price) / retrieval


def break_even_text(name: str, price: float, retrieval: float) -> object:
    if not retrieval:
        return ""
    if "Instant" in name or "IA" in name:
        return count(break_even(price, retrieval))
    return "not for data read online: hours to the first byte"


class_rows = [
    (
        name,
        f"${price}",
        f"${retrieval}" if retrieval else "none",
        f"${fee * 1000:.2f}" if fee else "none",
        f"{days} days" if days else "none",
        first_byte,
        break_even_text(name, price, retrieval),
    )
    for name, price, retrieval, fee, days, first_byte in CLASSES
]
ia_break_even_reads = count(break_even(IA_PRICE, IA_RETRIEVAL))
ir_break_even_reads = count(break_even(IR_PRICE, IR_RETRIEVAL))
# Glacier Instant Retrieval against Standard-IA: it saves the price gap and costs the retrieval gap.
ir_over_ia_break_even_reads = count((IA_PRICE - IR_PRICE) / (IR_RETRIEVAL - IA_RETRIEVAL))
standard_price = count(STANDARD_PRICE)
ia_price = count(IA_PRICE)
ir_price = count(IR_PRICE)
deep_price = count(DEEP_PRICE)
standard_over_deep = times(STANDARD_PRICE / DEEP_PRICE)

# --- Small objects -----------------------------------------------------------------------------------------
ia_smallest_worth_it = size(MIN_BILLABLE * IA_PRICE / STANDARD_PRICE)
ir_smallest_worth_it = size(MIN_BILLABLE * IR_PRICE / STANDARD_PRICE)


def monthly(bytes_stored: float, price: float) -> float:
    return bytes_stored / GIB * price


def billed_month(size_bytes: float, cls: str) -> float:
    """Dollars a month for one object of size_bytes in a class."""
    if cls == "Standard":
        return monthly(size_bytes, STANDARD_PRICE)
    if cls == "Standard-IA":
        return monthly(max(size_bytes, MIN_BILLABLE), IA_PRICE)
    if cls == "Glacier Instant Retrieval":
        return monthly(max(size_bytes, MIN_BILLABLE), IR_PRICE)
    # Deep Archive: the object and 32 KB of index at its price, 8 KB at Standard's
    return monthly(size_bytes + ARCHIVE_INDEX_ARCHIVE, DEEP_PRICE) + monthly(ARCHIVE_INDEX_STANDARD, STANDARD_PRICE)


FEES = {
    "Standard-IA": IA_TRANSITION,
    "Glacier Instant Retrieval": IR_TRANSITION,
    "Glacier Deep Archive": DEEP_TRANSITION,
}


def payback_months(size_bytes: float, cls: str) -> float | None:
    saving = billed_month(size_bytes, "Standard") - billed_month(size_bytes, cls)
    return FEES[cls] / saving if saving > 0 else None


SIZES = [16 * KIB, 64 * KIB, 128 * KIB, 1024 * KIB, 16 * 1024 * KIB]


def payback_text(size_bytes: float, cls: str) -> str:
    months = payback_months(size_bytes, cls)
    if months is None:
        return "never: costs more than Standard"
    return f"{count(months)} months"


size_rows = [
    (
        f"{s // MIB} MiB" if s >= MIB else f"{s // KIB} KiB",
        *(payback_text(s, cls) for cls in ("Standard-IA", "Glacier Instant Retrieval", "Glacier Deep Archive")),
    )
    for s in SIZES
]
payback_ia_128k = count(payback_months(128 * KIB, "Standard-IA"))
payback_ia_1m = count(payback_months(1 * MIB, "Standard-IA"))
payback_deep_128k = count(payback_months(128 * KIB, "Glacier Deep Archive"))
ia_16k_over_standard = times(billed_month(16 * KIB, "Standard-IA") / billed_month(16 * KIB, "Standard"))

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
photo_variant_bytes = size((photo_stored_bytes - photo_uploaded_bytes) / variants)
video_rendition_bytes = size((video_stored_bytes - video_uploaded_bytes) / variants)
assert photo_variant_bytes < MIN_BILLABLE <= photo_uploaded_bytes <= video_rendition_bytes

# Bytes a day by role.
photo_original_day = photos_per_day * photo_uploaded_bytes
photo_variant_day = photos_per_day * variants * photo_variant_bytes
video_original_day = videos_per_day * video_uploaded_bytes
video_rendition_day = videos_per_day * variants * video_rendition_bytes
assert (
    abs(
        photo_original_day + photo_variant_day + video_original_day + video_rendition_day - media_bytes_data / days_kept
    )
    < 1
)
KEPT = float(days_kept)
HOT_DAYS, WARM_DAYS = 30, 90  # Standard to 30 days, Standard-IA to 90, then Glacier Instant Retrieval


def standard_month(bytes_per_day: float, days: float) -> float:
    return monthly(bytes_per_day * days, STANDARD_PRICE_BULK)


all_standard_bill = standard_month(media_bytes_data / KEPT, KEPT)

# Tiered: the originals and renditions move; the resized photos stay.
tiered_day = photo_original_day + video_original_day + video_rendition_day
tiered_objects_day = photos_per_day + videos_per_day * (1 + variants)


def tiered_storage(bytes_per_day: float) -> float:
    return (
        standard_month(bytes_per_day, HOT_DAYS)
        + monthly(bytes_per_day * (WARM_DAYS - HOT_DAYS), IA_PRICE)
        + monthly(bytes_per_day * (KEPT - WARM_DAYS), IR_PRICE)
    )


# Old reads reaching the store: video bytes only (old photo reads hit the resized copies, in Standard).
old_origin_video_month = video_egress * (1 - cdn_hit_ratio) * OLD_MEDIA_READ_SHARE * SECONDS_PER_DAY * DAYS_PER_MONTH
retrieval_month = monthly(old_origin_video_month, IR_RETRIEVAL)
tiered_transitions_month = tiered_objects_day * DAYS_PER_MONTH * (IA_TRANSITION + IR_TRANSITION)
tiered_bill = (
    standard_month(photo_variant_day, KEPT) + tiered_storage(tiered_day) + retrieval_month + tiered_transitions_month
)

# With originals archived: originals to Deep Archive at 30 days; video renditions tiered as above.
originals_day = photo_original_day + video_original_day
originals_objects_day = photos_per_day + videos_per_day
rendition_objects_day = videos_per_day * variants
originals_archived_storage = (
    standard_month(originals_day, HOT_DAYS)
    + monthly(originals_day * (KEPT - HOT_DAYS), DEEP_PRICE)
    + originals_objects_day
    * (KEPT - HOT_DAYS)
    * (monthly(ARCHIVE_INDEX_ARCHIVE, DEEP_PRICE) + monthly(ARCHIVE_INDEX_STANDARD, STANDARD_PRICE))
)
archived_transitions_month = (
    originals_objects_day * DEEP_TRANSITION + rendition_objects_day * (IA_TRANSITION + IR_TRANSITION)
) * DAYS_PER_MONTH
archived_bill = (
    standard_month(photo_variant_day, KEPT)
    + originals_archived_storage
    + tiered_storage(video_rendition_day)
    + retrieval_month
    + archived_transitions_month
)

media_data = media_bytes_data
twitter_all_standard = dollars(all_standard_bill)
twitter_tiered = dollars(tiered_bill)
twitter_archived = dollars(archived_bill)
twitter_tiered_saving = fraction(1 - tiered_bill / all_standard_bill)
twitter_archived_saving = fraction(1 - archived_bill / all_standard_bill)
twitter_retrieval = dollars(retrieval_month)
twitter_tiered_transitions = dollars(tiered_transitions_month)
twitter_tiered_objects_day = count(tiered_objects_day)
twitter_untiered_share = fraction(photo_variant_day / (media_bytes_data / KEPT))
# Reads per GB-month of the video renditions past 90 days (a bound: every old video read lands there).
twitter_old_reads_per_gb = count(old_origin_video_month / (video_rendition_day * (KEPT - WARM_DAYS)))
twitter_reads_under_break_even = times(ir_break_even_reads / twitter_old_reads_per_gb)

if __name__ != "concept_life_tiers":
    print(
        markdown_table(
            (
                "Class (us-east-1, 2025)",
                "A GB-month",
                "Retrieval a GB",
                "Transition per 1,000",
                "Minimum stay",
                "First byte",
                "Pays while a GB is read fewer times a month than",
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
                ("Tiered at 30 and 90 days (resized photos stay)", f"${twitter_tiered}", twitter_tiered_saving),
                ("Tiered, originals in Deep Archive", f"${twitter_archived}", twitter_archived_saving),
            ],
        )
    )
