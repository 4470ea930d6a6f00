"""Practice, estimation drills: each drill's givens, imported where a worked example or a reference
page already states them (one figure, one value), else the drill's own, round for pencil and paper.

Published figures:
- Amazon DynamoDB, "Best practices for designing and using partition keys effectively"
  (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html):
  a partition takes at most 3,000 read units and 1,000 write units a second; a read unit is one strongly
  consistent read of an item up to 4 KB, a write unit one write of an item up to 1 KB, so an item costs its
  size over each, rounded up. The write limit is the counting page's (concept_counting.partition_write_limit),
  imported.
- Amazon DynamoDB, "Key range throughput exceeded (hot partitions)"
  (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/throttling-key-range-limit-exceeded-mitigation.html):
  partition-level throttling works independently for reads and writes; a partition may throttle reads
  while its writes carry on. So the two limits are checked apart, not summed.
- A DynamoDB partition holds about 10 GB: not on AWS's current pages; stated by Amazon DynamoDB - The
  Definitive Guide (Packt, 2024), chapter 9, "Diving into capacity modes"
  (https://www.packtpub.com/en-us/product/amazon-dynamodb-the-definitive-guide-9781803246895).
- Amazon CloudFront, data transfer out to the internet, United States, first 10 TB a month: 0.085 US
  dollars a GB (https://aws.amazon.com/cloudfront/pricing/, 2025), the video page's price
  (concept_video_assumptions), imported. The same pricing page lists an always-free tier: 1 TB of data
  transfer out to the internet a month (and 10,000,000 requests). A GB is billed here as 2^30 bytes, as
  AWS's S3 FAQs (https://aws.amazon.com/s3/faqs/) count one in their billing examples and as the video
  page prices CloudFront; CloudFront's own pages do not say which GB they mean; the free terabyte and
  the first tier's ten are counted the same way, as 1,024 such GB a terabyte. The price is the video page's quantity, imported.
- A backend slow on 1% of its calls, and a request touching 100 of them: Dean and Barroso, "The Tail at
  Scale" (CACM 2013), the reference page's example (reference_availability_chains): the 1% and the 100
  imported.
- The 80/20 rule and the Zipf-like law it approximates: Breslau et al., INFOCOM 1999, the rules-of-thumb
  page's citation (reference_cache_skew), whose table, over its own catalog, the drill's answer quotes;
  the exponent, the hot reads' 80% and the items' 20% are that table's, imported or checked against it.
- Two database copies at 99% each: the reference page's pair (reference_availability_chains), imported.
- Step 2's first guess for a cache, a fifth of a day's reads (its conversion 5, the estimator's
  cache_fraction): a share of read volume, kept apart from the 80/20 rule's share of items.
- A large hard disk: the latency-numbers reference page's drive of today, Seagate's Exos M
  (reference_bandwidth, which the server-capacity reference also uses), imported.
- Disks filled to about half, so that compaction and repairs have room: as the Twitter and chat examples
  assume (their storage notes).

From the worked examples: Twitter's tweets a day, record size, photo share and sizes, copies, peak factor,
per-server rate, celebrity's followers and fan-out (twitter_assumptions, twitter_traffic); chat's daily
users and phone sessions (chat_assumptions).

The drills' own (no published figure; round so that a reader can work them in their head): the views a
photo gets (fewer than the Twitter example counts, said on the page) and the links' utilization ceiling,
the gateway's and the service's availability, the service's peak for the server
drill, the cache drill's reads and distinct items, an API's egress rate, the
partition drill's table, the request's slow-call target in the tail drill, and the sanity-check drill's
claim, its copies and a thumbnail's size.
"""

from chat_assumptions import daily_active_users as chat_daily_users
from chat_assumptions import minutes_per_phone_session, sessions_per_user_per_day
from concept_counting import partition_write_limit as partition_write_units
from concept_video_assumptions import cdn_price_first
from reference_availability_chains import FANOUT_EXAMPLE, PAIR_COPIES, PAIR_COPY_AVAILABILITY, backend_slow_share
from reference_bandwidth import hdd_capacity_bytes
from reference_cache_skew import EXPONENTS, TARGET_HIT_RATE, TOP_SHARES
from sources import cite
from twitter_assumptions import (
    celebrity_followers,
    follows_per_user,
    peak_to_average,
    photo_served_bytes,
    photo_share,
    photo_uploaded_bytes,
    requests_per_server,
    text_copies,
    tweet_metadata_bytes,
    tweet_text_bytes,
    tweets_per_day,
    zones,
)

from sdw.estimation import (
    GB,
    KB,
    MB,
    TB,
    GiB,
    Quantity,
    bandwidth,
    count,
    fraction,
    markdown_table,
    peak,
    per_day,
    size,
    size_per_day,
    throughput,
)

TWITTER = "This site: the Twitter example"
CHAT = "This site: the chat example"
OWN = "The drill's own"
STORAGE_NOTES = "As the Twitter and chat examples assume (their storage notes)"

# --- 1. Requests a second: Twitter's tweets and peak factor (imported above) -----------------------------

# --- 2. Bandwidth in and out ------------------------------------------------------------------------------
photos_per_day = per_day(tweets_per_day * photo_share)  # Twitter: a tenth of tweets carry a photo
views_per_photo = count(100)  # the drill's own: each photo shown 100 times (Twitter's tweets are shown more)
link_ceiling = fraction(0.7)  # the drill's own: no link run above 70% of its line rate at peak

# --- 3. Storage a year ------------------------------------------------------------------------------------
disk_fill = fraction(
    0.5
)  # as the Twitter and chat examples assume (their storage notes): half, for compaction and repairs

# --- 4. Availability in series and in parallel -------------------------------------------------------------
gateway_availability = fraction(0.999)
service_availability = fraction(0.999)
database_copy_availability = fraction(PAIR_COPY_AVAILABILITY)  # the reference page's pair
database_copies = count(PAIR_COPIES)

# --- 5. Servers from a peak ---------------------------------------------------------------------------------
service_peak = peak(40e3)  # the drill's own service, requests a second in the busy hour
# requests_per_server (1,000 a second, set below the reference's assumed cache-backed-read row) and zones (3): Twitter's

# --- 6. Little's law: chat's phones (imported above) -------------------------------------------------------

# --- 7. Cache for a hot set ---------------------------------------------------------------------------------
cache_reads_per_day = per_day(1e9)
cache_distinct_items_per_day = count(100e6)  # the distinct items those reads touch
cache_entry_bytes = size(500)  # key, value and the cache's own overhead
hot_item_share = fraction(0.2)  # the 80/20 rule: a fifth of the items draw four fifths of the reads
assert hot_item_share == TOP_SHARES[-1]  # the reference table's top share, which the drill's Zipf check reads
hot_read_share = fraction(TARGET_HIT_RATE)  # the reference table's target hit rate
first_guess_read_share = fraction(0.2)  # step 2's first guess (the estimator's cache_fraction): a share of reads
cache_copies = count(2)  # a primary and a replica
zipf_exponent = count(EXPONENTS[1])  # a Zipf-like law to check the rule against: the reference table's middle exponent

# --- 8. A monthly egress bill ------------------------------------------------------------------------------
api_egress = bandwidth(3 * MB)  # on average, sent to the internet through CloudFront
# cdn_price_first (imported): US dollars a GB (2^30 bytes), first 10 TB a month
BILLED_GB_A_TERABYTE = 1_024  # a terabyte in billed GB of 2^30 bytes (the site's convention)


class BilledGb(Quantity):
    """A count of billed GB that prints every digit, to the nearest whole GB ("10,240"), as the price
    list's terabytes are whole multiples of 1,024: rounded to three digits, the free terabyte would read
    "1.02K". The bill itself is priced on the unrounded count, as usage is metered in fractions of a GB;
    half a GB at the first tier's price is under 5 cents, so the bill's dollars read the same."""

    def __str__(self) -> str:
        return f"{round(float(self)):,}"


cdn_first_tier_billed_gb = BilledGb(10 * BILLED_GB_A_TERABYTE)  # the first tier, ten terabytes
cdn_free_billed_gb = BilledGb(1 * BILLED_GB_A_TERABYTE)  # CloudFront's always-free terabyte a month
cdn_first_tier_bytes = size(cdn_first_tier_billed_gb * GiB)
cdn_free_bytes = size(cdn_free_billed_gb * GiB)

# --- 9. Partitions --------------------------------------------------------------------------------------
table_bytes = size(2 * TB)
item_bytes = size(1 * KB)  # every item at most this
write_unit_bytes = size(1 * KB)  # DynamoDB: a write unit writes an item up to this
read_unit_bytes = size(4 * KB)  # DynamoDB: a read unit reads an item up to this, strongly consistent
table_writes_peak = peak(20e3)
table_reads_peak = peak(30e3)  # strongly consistent
# partition_write_units (imported): 1,000 write units a second a partition
partition_read_units = throughput(3_000)
partition_bytes = size(10 * GB)

# --- 10. Tail latency: the reference page's 1% (imported above) and 100 -----------------------------------
small_fanout = count(10)
large_fanout = count(FANOUT_EXAMPLE)  # the reference page's fan-out
request_slow_target = fraction(0.01)  # the drill's own: a request may meet a slow call 1% of the time

# --- 11. A celebrity's fan-out: Twitter's (imported above) ---------------------------------------------------

# --- 12. Sanity check ---------------------------------------------------------------------------------------
claim_daily_users = count(10e6)
claim_photos_per_user = count(2)
claim_photo_bytes = size(2 * MB)
claimed_bytes_per_day = size_per_day(40 * GB)  # the claim to check
claim_copies = count(3)  # copies the photo store keeps
thumbnail_bytes = size(2 * KB)  # what a small thumbnail weighs, to recognize a wrong figure by
claim_disk_bytes = size(hdd_capacity_bytes)  # a large hard disk, the latency-numbers page's

if __name__ != "practice_drills_assumptions":
    DDB = "[DynamoDB partition keys](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html)"
    print(
        markdown_table(
            ("Drill", "Given", "Value", "Source"),
            [
                ("1, 3", "Tweets a day", tweets_per_day, TWITTER),
                ("1, 2", "Busy hour against the average", peak_to_average, TWITTER),
                ("2", "Photos uploaded a day (a tenth of tweets)", photos_per_day, TWITTER),
                ("2", "Photo as uploaded; as served", f"{photo_uploaded_bytes}; {photo_served_bytes}", TWITTER),
                ("2", "Views a photo", views_per_photo, OWN),
                ("2", "A link's ceiling at peak, of its line rate", link_ceiling, OWN),
                ("3", "Tweet record: text and metadata", f"{tweet_text_bytes} + {tweet_metadata_bytes}", TWITTER),
                ("3", "Copies", text_copies, TWITTER),
                ("3, 12", "Disk filled to, at most", disk_fill, STORAGE_NOTES),
                (
                    "4",
                    "Gateway; service; each database copy",
                    f"{gateway_availability}; {service_availability}; {database_copy_availability}",
                    f"{OWN}; the last, the reference page's pair",
                ),
                ("4", "Database copies, either can serve", database_copies, "The reference page's pair"),
                ("5", "Service's peak", service_peak, OWN),
                ("5", "Requests a server; zones", f"{requests_per_server}; {zones}", TWITTER),
                ("6", "Daily users", chat_daily_users, CHAT),
                (
                    "6",
                    "Phone sessions a user a day; minutes each",
                    f"{sessions_per_user_per_day}; {minutes_per_phone_session}",
                    CHAT,
                ),
                (
                    "7",
                    "Reads a day; distinct items they touch",
                    f"{cache_reads_per_day}; {cache_distinct_items_per_day}",
                    OWN,
                ),
                ("7", "Cache entry; copies", f"{cache_entry_bytes}; {cache_copies}", OWN),
                (
                    "7",
                    "Hot items; their share of reads",
                    f"{hot_item_share}; {hot_read_share}",
                    "The 80/20 rule of thumb",
                ),
                ("7", "Step 2's first guess, a share of a day's reads", first_guess_read_share, "This site: step 2"),
                (
                    "7",
                    "Zipf-like exponent to check the rule against",
                    zipf_exponent,
                    "The reference table: " + cite("Breslau 1999"),
                ),
                ("8", "Egress, bytes a second on average", api_egress, OWN),
                (
                    "8",
                    "CloudFront, US, first 10 TB a month (US dollars a GB of 2^30 bytes)",
                    cdn_price_first,
                    "[CloudFront pricing](https://aws.amazon.com/cloudfront/pricing/), 2025; "
                    "the 2^30-byte GB as [AWS's S3 FAQs](https://aws.amazon.com/s3/faqs/) count it, "
                    "not stated on CloudFront's pages",
                ),
                (
                    "8",
                    "CloudFront's first tier; its always-free data transfer out a month (billed GB)",
                    f"{cdn_first_tier_billed_gb}; {cdn_free_billed_gb}",
                    "[CloudFront pricing](https://aws.amazon.com/cloudfront/pricing/), 2025: 10 TB; 1 TB, "
                    "each of 1,024 GB of 2^30 bytes",
                ),
                (
                    "9",
                    f"Table; peak writes; peak reads ({item_bytes} items)",
                    f"{table_bytes}; {table_writes_peak}; {table_reads_peak}",
                    OWN,
                ),
                (
                    "9",
                    "A partition's write units; read units a second",
                    f"{partition_write_units}; {partition_read_units}",
                    DDB,
                ),
                ("9", "Item a write unit covers; a read unit", f"{write_unit_bytes}; {read_unit_bytes}", DDB),
                (
                    "9",
                    "Reads and writes throttled separately",
                    "",
                    "[Key range throughput exceeded](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/throttling-key-range-limit-exceeded-mitigation.html)",
                ),
                (
                    "9",
                    "A partition's data, about",
                    partition_bytes,
                    "[DynamoDB - The Definitive Guide](https://www.packtpub.com/en-us/product/amazon-dynamodb-the-definitive-guide-9781803246895), ch. 9",
                ),
                ("10", "Calls a backend is slow on", fraction(backend_slow_share), cite("Tail at Scale 2013")),
                ("10", "Backends a request waits for, few", small_fanout, OWN),
                ("10", "Backends a request waits for, many", large_fanout, cite("Tail at Scale 2013")),
                ("10", "Requests that may meet a slow call", request_slow_target, OWN),
                (
                    "11",
                    "Celebrity's followers; an average user's",
                    f"{celebrity_followers}; {follows_per_user}",
                    TWITTER,
                ),
                (
                    "12",
                    "Daily users; photos each; bytes a photo",
                    f"{claim_daily_users}; {claim_photos_per_user}; {claim_photo_bytes}",
                    OWN,
                ),
                ("12", "The claim: bytes a day", claimed_bytes_per_day, OWN),
                ("12", "Copies the store keeps", claim_copies, OWN),
                ("12", "A small thumbnail", thumbnail_bytes, OWN),
                ("12", "A large hard disk", claim_disk_bytes, "The latency-numbers reference page's drive"),
            ],
        )
    )
