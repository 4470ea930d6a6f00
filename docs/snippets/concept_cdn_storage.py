"""Concepts, CDNs and object storage: what durability costs in bytes and in repair traffic, where the
fragments must sit to survive a zone, what "eleven nines" means at a large store's object count, and
how a large upload splits into parts.

Redundancy: a code with k data fragments and m parity fragments (Reed-Solomon) stores (k + m) / k
bytes per byte and can rebuild from any k of the k + m, so it survives any m losses; three full
copies are k = 1, m = 2. Spread over z zones as evenly as possible, a zone holds floor((k + m) / z) or
ceil((k + m) / z) fragments ((k + m) mod z zones hold the larger number), and a stripe survives losing
a zone only if the zone held at most m of its fragments. With placement rotated from stripe to
stripe, a zone holds the larger number for (k + m) mod z stripes in z: those are lost with it when
the larger number exceeds m. Since a zone holds at least (k + m) / z on average, surviving a zone
needs m >= (k + m) / z, i.e. (k + m) / k >= z / (z - 1): at least 1.5 bytes per byte over three zones,
whatever the code. Rebuilding one lost fragment reads k
fragments (a local reconstruction code reads only its local group); a copy reads one.

Durability: a store designed for a yearly per-object durability d loses, on average, (1 - d) of its
objects a year; Amazon states S3's design target as eleven nines. The object count is the example's
as it serves its media: a photo is its original and three resized copies; a video is its original,
its top rung (made from it at its rate, as fragmented MP4) as one object read by byte ranges, and
each of its three lower renditions as one object per segment, the original left out for the share of
videos whose top rung is a remux of it (twitter_assumptions); playlists and init segments are left
out.

Raw bytes: the Twitter example's media at its coding overhead is what a store of its own would keep
on disk; a managed store bills the data, one copy's worth, and keeps the coding to itself.

Multipart upload: Amazon S3's limits (a single PUT of at most 5 GB, as its user guide states it; parts
of 5 MiB to 5 GiB, at most 10,000 parts, the last part may be smaller) and the AWS CLI's default part
size, 8 MiB, which the CLI (through s3transfer) and the SDKs' transfer managers raise on their own
when a file would need more than 10,000 parts, and its default of 10 requests at once
(max_concurrent_requests). The example upload stays under the single-PUT limit, so that sending it
whole is a real choice. A connection that drops loses every part in flight: with 10 at once, up to
10 parts' worth of the uplink's time.
"""

import math

from concept_cdn_origin import segments_per_video
from twitter_assumptions import photo_share, tweets_per_day, video_remuxed_share, video_share, video_uploaded_bytes
from twitter_storage import days_kept, media_bytes_data

from sdw.estimation import bandwidth, count, duration, fraction, markdown_table, size, times

# --- Redundancy schemes, and three zones ---------------------------------------------------------------------
ZONES = 3
# (scheme, data fragments k, parity fragments m, fragments read to rebuild one lost fragment).
# Azure's local reconstruction code (USENIX ATC 2012) keeps 12 data fragments in two local groups of
# six, each with a local parity, plus two global parities: it survives any 3 losses, and a lost data
# fragment is rebuilt from its group, 6 reads.
SCHEMES = [
    ("Three full copies", 1, 2, 2, 1),
    ("Reed-Solomon 6 + 3", 6, 3, 3, 6),
    ("Reed-Solomon 10 + 4", 10, 4, 4, 10),
    ("Local reconstruction code 12 + 2 + 2", 12, 4, 3, 6),
]


def zone_outcome(data: int, extra: int, survives: int) -> tuple[str, str]:
    """Fragments a zone holds when spread evenly over ZONES, and what losing one zone leaves, with
    placement rotated so that each zone holds the larger share for its part of the stripes."""
    fragments = data + extra
    fewest, most = fragments // ZONES, math.ceil(fragments / ZONES)
    held = f"{fewest} or {most}" if fewest != most else f"{most}"
    if fewest > survives:
        return held, "every stripe unreadable until it returns"
    if most > survives:
        return held, f"{fragments % ZONES} stripes in {ZONES} unreadable until it returns, the rest none to spare"
    spare = survives - most
    if spare == 0:
        return held, "readable, none to spare"
    return held, f"readable, {spare} more loss{'es' if spare != 1 else ''} survived"


scheme_rows = []
for name, data, extra, survives, repair_reads in SCHEMES:
    per_zone, after_zone = zone_outcome(data, extra, survives)
    scheme_rows.append((name, times((data + extra) / data), count(survives), per_zone, after_zone, count(repair_reads)))

rs_10_4_overhead = times(14 / 10)
rs_10_4_per_zone = count(math.ceil(14 / ZONES))
rs_10_4_survives = count(4)
# Two zones of three hold five of a 10 + 4 stripe's fragments: with rotated placement, that is two
# stripes in three, lost with whichever zone goes.
rs_10_4_unreadable_share = fraction((14 % ZONES) / ZONES)
rs_6_3_per_zone = count(math.ceil(9 / ZONES))
rs_6_3_repair_reads = times(6)
rs_10_4_repair_reads = times(10)
zones = count(ZONES)
# The least overhead any code can have and still read every stripe with a zone gone: z / (z - 1).
zone_safe_floor_3 = times(3 / 2)
zone_safe_floor_4 = times(4 / 3)

# --- Eleven nines, at the Twitter example's object count ------------------------------------------------------
DESIGNED_DURABILITY = 0.999_999_999_99  # Amazon S3 Standard's design target, per object per year
OBJECTS_PER_MEDIA = 4  # a photo: the original and three resized copies (twitter_assumptions' reasons)
LOWER_RENDITIONS = 3  # a video: the three smaller renditions below its top rung
objects_per_media = count(OBJECTS_PER_MEDIA)
# As the example serves video: a four-rung ladder whose top rung is one fragmented MP4 made from the
# original, read by byte ranges, and whose three lower renditions are cut into segment objects, with the
# original kept beside them unless the top rung is its remux, so on average a video keeps the remuxed
# share fewer (playlists and init segments left out).
rendition_segments_per_video = count(LOWER_RENDITIONS * segments_per_video)
objects_per_segmented_video = count(2 + rendition_segments_per_video)
SEGMENTED_VIDEO_OBJECTS_KEPT = float(objects_per_segmented_video) - video_remuxed_share
twitter_objects_segmented = count(
    tweets_per_day * (photo_share * OBJECTS_PER_MEDIA + video_share * SEGMENTED_VIDEO_OBJECTS_KEPT) * days_kept
)
twitter_objects_segmented_lost_per_year = count(twitter_objects_segmented * (1 - DESIGNED_DURABILITY))
# The bytes a managed store bills (one copy's worth), beside the raw bytes at the example's coding.
twitter_media_billed_bytes = media_bytes_data

# --- Multipart upload ---------------------------------------------------------------------------------------
MIB, GIB = 2**20, 2**30
PART_MIN = 5 * MIB  # S3's smallest part, except the last
PART_MAX = 5 * GIB
SINGLE_PUT_MAX = 5e9  # S3's largest single PUT, "up to 5 GB" in its user guide
MAX_PARTS = 10_000
CLI_PART = 8 * MIB  # the AWS CLI's default multipart_chunksize
PARTS_IN_FLIGHT = 10  # the AWS CLI's default max_concurrent_requests: parts sent at once
MULTIPART_FROM = 100e6  # the size at which AWS suggests considering multipart upload
UPLOAD_BYTES = 4e9  # a large video file, under the single-PUT limit
UPLINK_BITS_PER_SECOND = 20e6  # a home connection's upload rate

multipart_from = size(MULTIPART_FROM)
single_put_max = size(SINGLE_PUT_MAX)
part_min = size(PART_MIN)
cli_part = size(CLI_PART)
max_parts = count(MAX_PARTS)
largest_at_min_part = size(PART_MIN * MAX_PARTS)
largest_at_cli_part = size(CLI_PART * MAX_PARTS)
largest_object = size(PART_MAX * MAX_PARTS)  # 48.8 TiB, the maximum object size S3 lists
upload_bytes = size(UPLOAD_BYTES)
upload_parts = count(math.ceil(UPLOAD_BYTES / CLI_PART))
upload_time = duration(UPLOAD_BYTES * 8 / UPLINK_BITS_PER_SECOND)
part_time = duration(CLI_PART * 8 / UPLINK_BITS_PER_SECOND)
uplink = bandwidth(UPLINK_BITS_PER_SECOND / 8)
parts_in_flight = count(PARTS_IN_FLIGHT)
# A single PUT that fails at a random point has sent half the file on average, all of it to resend;
# a multipart upload resends at most the parts in flight, which share the uplink: at most
# PARTS_IN_FLIGHT parts' worth of its time.
lost_in_flight = duration(PARTS_IN_FLIGHT * CLI_PART * 8 / UPLINK_BITS_PER_SECOND)
single_put_lost_on_failure = duration(UPLOAD_BYTES * 8 / UPLINK_BITS_PER_SECOND / 2)
# The Twitter example's average video, cut into parts of the smallest size S3 allows.
example_video_parts = count(math.ceil(video_uploaded_bytes / PART_MIN))

if __name__ != "concept_cdn_storage":
    print(
        markdown_table(
            (
                "Scheme",
                "Bytes stored per byte",
                "Any losses survived",
                f"Fragments in each of {zones} zones",
                "After a zone is lost",
                "Fragments read to rebuild one",
            ),
            scheme_rows,
        )
    )
    print()
    print(
        markdown_table(
            ("Multipart upload", "Value"),
            [
                ("Largest single PUT", single_put_max),
                ("Largest object at the smallest part size", largest_at_min_part),
                ("Largest object at the CLI's default part size", largest_at_cli_part),
                ("Largest object at the largest part size", largest_object),
                (f"Parts for a {upload_bytes} file at {cli_part} a part", upload_parts),
                (f"Time to send it at {uplink}", upload_time),
                ("Time to send one part", part_time),
                (
                    f"Lost, at most, when a multipart upload with {parts_in_flight} parts in flight fails",
                    lost_in_flight,
                ),
                ("Lost, on average, when a single PUT fails", single_put_lost_on_failure),
            ],
        )
    )
    print()
    print(
        f"At {twitter_objects_segmented} objects (the Twitter example's media over its horizon, "
        f"{objects_per_media} a photo and {objects_per_segmented_video} a video, its lower renditions cut into "
        f"{rendition_segments_per_video} segments, one fewer for a remuxed one), eleven nines of yearly "
        f"durability lose about {twitter_objects_segmented_lost_per_year} a year."
    )
