"""Concepts, data lifecycle: the inputs every concept_life snippet shares, each with its source or
marked as the page's own assumption.

Published figures (list prices for us-east-1, read from https://aws.amazon.com/s3/pricing/ in 2025 and
checked December 2026: the storage prices of Standard, Standard-IA, Glacier Instant Retrieval and Deep
Archive, and the GET prices, were unchanged; AWS bills storage in binary gigabytes,
2^30 bytes, "GB" on its pages, as the billing examples of https://aws.amazon.com/s3/faqs/ count them):
- Storage a GB-month: S3 Standard 0.023 US dollars for the first 50 TB, 0.021 above 500 TB;
  Standard-Infrequent Access 0.0125; Glacier Instant Retrieval 0.004; Glacier Flexible Retrieval
  0.0036; Glacier Deep Archive 0.00099.
- Retrieval a GB: Standard-IA 0.01; Glacier Instant Retrieval 0.03; Flexible Retrieval 0.01
  (standard tier, 3 to 5 hours); Deep Archive 0.02 (standard tier, within 12 hours).
- Lifecycle transition requests, per 1,000 objects moved into: Standard-IA 0.01; Glacier Instant
  Retrieval 0.02; Flexible Retrieval 0.03; Deep Archive 0.05.
- GET requests, per 1,000: Standard 0.0004; Standard-IA 0.001; Glacier Instant Retrieval 0.01.
- Restoring from Deep Archive (a copy kept in Standard for the days asked): bulk, within 48 hours,
  0.0025 a GB and 0.025 per 1,000 requests; standard, within 12 hours, 0.02 a GB and 0.10 per 1,000
  (https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects-retrieval-options.html for
  the times; the prices from the pricing page, as transcribed in public cost notes). Flexible
  Retrieval's three tiers typically finish in 1 to 5 minutes (expedited, at a higher price; objects
  under 250 MB), 3 to 5 hours (standard) and 5 to 12 hours (bulk), per the same retrieval-options page.
- Restore request rate: up to 1,000 restore requests a second per account and region for Flexible
  Retrieval and Deep Archive, since November 2023 (AWS Storage Blog, "Restoring archived objects at
  scale from the Amazon S3 Glacier storage classes",
  https://aws.amazon.com/blogs/storage/restoring-archived-objects-at-scale-from-the-amazon-s3-glacier-storage-classes/).
- S3 Intelligent-Tiering: 0.0025 per 1,000 objects a month for monitoring, on objects of 128 KB and
  up; smaller objects stay in its frequent tier, unmonitored.
- Minimum storage duration (https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html):
  30 days (Standard-IA), 90 (Glacier Instant and Flexible Retrieval), 180 (Deep Archive); an object
  deleted or moved sooner is billed for the rest.
- Minimum billable object size 128 KB in Standard-IA and Glacier Instant Retrieval; the two archive
  classes add 40 KB an object (8 KB of index at the Standard price, 32 KB at the archive price).
  Since September 2024 lifecycle rules do not transition objects under 128 KB unless told to
  (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html).
- AWS KMS (https://aws.amazon.com/kms/pricing/): 1 US dollar a customer managed key a month,
  0.03 dollars per 10,000 requests; a default quota of 100,000 customer managed keys per account and
  region (https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html); a shared
  quota on symmetric cryptographic requests (Decrypt, Encrypt, GenerateDataKey and others) per
  account and region, adjustable: 10,000 a second by default, 20,000 in us-east-2, ap-southeast-1,
  ap-southeast-2, ap-northeast-1, eu-central-1 and eu-west-2, and 100,000 in us-east-1, us-west-2 and
  eu-west-1 (https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html, the
  "Cryptographic operations (symmetric) request rate" row; the page's SSE-KMS paragraph still quotes
  older values). Every symmetric cryptographic call of the account in that region draws on it, S3's
  SSE-KMS included; other calls (DescribeKey, CreateKey, ScheduleKeyDeletion, ...) have their own
  request quotas.
- Deleting a KMS key (https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html):
  ScheduleKeyDeletion waits 7 to 30 days (30 by default) before the key is deleted; until then the
  deletion can be cancelled.
- A data key wrapped by KMS (GenerateDataKey's CiphertextBlob) for a 256-bit key is 184 bytes: the
  AWS CLI output quoted at https://stackoverflow.com/questions/58850216 decodes to that length.
- GDPR (https://eur-lex.europa.eu/eli/reg/2016/679/oj): a request to erase is answered within one
  month of receipt (Art. 12(3)), extendable by two months for complex or many requests. A month
  can be as short as February's 28 days: the worst case this page designs for.
- Cassandra's gc_grace_seconds default, ten days (reference_capacity).

From this site: the Twitter example's media (photos and videos a day, stored and uploaded bytes,
the four objects each, five years kept, the copy a photo view is served), its media egress and CDN
hit ratio, its peak-to-average factor, its users, its tweets a day and its daily snapshots; the CDN
page's video segments.

The page's own assumptions: a fifth of the origin's media reads are for media older than 30 days
(Facebook's f4 found week-old media read an order of magnitude less than day-old, OSDI 2014); a
per-user data key stored as its KMS-wrapped blob with an 8-byte ID in a table of its own; of the
origin's reads for media older than 30 days, half are for media 30 to 90 days old (read rates keep
falling with age, f4); for the GDPR, a month of 28 days for the answer's deadline and of 30 for its
two-month extension. Bills use the site's month, a twelfth of a year (sdw.estimation's SECONDS_PER_MONTH).
"""

from reference_capacity import cassandra_gc_grace, wide_column_row_overhead

from sdw.estimation import SECONDS_PER_DAY, KiB, count, duration, fraction, markdown_table, size, throughput

EXTENSION_MONTH_DAYS = 30  # a month of the GDPR's two-month extension, a deadline: not a bill's month
DEADLINE_MONTH_DAYS = 28  # the shortest month, for the erasure deadline

# --- S3 classes, us-east-1 list prices as of 2025 (storage, all but Flexible's, and GET rechecked Dec. 2026) ---
# (name, dollars a GB-month, dollars a GB retrieved, dollars per 1,000 transitions in, minimum days,
#  minimum billable bytes, extra billed bytes at the Standard price, first byte)
STANDARD_PRICE = 0.023  # first 50 TB a month
STANDARD_PRICE_BULK = 0.021  # above 500 TB a month: the Twitter example's scale
IA_PRICE = 0.0125
IR_PRICE = 0.004
FLEXIBLE_PRICE = 0.0036
DEEP_PRICE = 0.00099
IA_RETRIEVAL = 0.01
IR_RETRIEVAL = 0.03
FLEXIBLE_RETRIEVAL = 0.01
DEEP_RETRIEVAL = 0.02
IA_TRANSITION = 0.01 / 1000
IR_TRANSITION = 0.02 / 1000
FLEXIBLE_TRANSITION = 0.03 / 1000
DEEP_TRANSITION = 0.05 / 1000
STANDARD_GET = 0.0004 / 1000
IA_GET = 0.001 / 1000
IR_GET = 0.01 / 1000
DEEP_BULK_RETRIEVAL = 0.0025  # a GB, within 48 hours
DEEP_BULK_REQUEST = 0.025 / 1000
DEEP_STANDARD_REQUEST = 0.10 / 1000  # with DEEP_RETRIEVAL a GB, within 12 hours
IT_MONITORING = 0.0025 / 1000  # Intelligent-Tiering, an object of 128 KB or more a month
IA_MIN_DAYS, IR_MIN_DAYS, FLEXIBLE_MIN_DAYS, DEEP_MIN_DAYS = 30, 90, 90, 180
MIN_BILLABLE = 128 * KiB  # Standard-IA and Glacier Instant Retrieval
ARCHIVE_INDEX_STANDARD = 8 * KiB  # billed at the Standard price, per archived object
ARCHIVE_INDEX_ARCHIVE = 32 * KiB  # billed at the archive class's price

# --- KMS, as of 2025 --------------------------------------------------------------------------------------
KMS_KEY_MONTH = 1.0
KMS_REQUEST = 0.03 / 10_000
KMS_KEY_QUOTA = 100_000
KMS_CRYPTO_QUOTA = 100_000  # shared symmetric requests a second, us-east-1, us-west-2, eu-west-1 (adjustable)
KMS_CRYPTO_QUOTA_SMALL = 10_000  # the same quota's default in most regions
KMS_DELETION_MIN_DAYS, KMS_DELETION_MAX_DAYS = 7, 30  # ScheduleKeyDeletion's waiting period

# --- The page's own ----------------------------------------------------------------------------------------
OLD_MEDIA_READ_SHARE = 0.2  # of the origin's media bytes, for media older than 30 days
KMS_WRAPPED_KEY_BYTES = 184  # a 256-bit data key as GenerateDataKey's CiphertextBlob
# wrapped key, 8-byte user ID (the Twitter example's IDs) and the wide-column store's row overhead
USER_KEY_ROW_BYTES = KMS_WRAPPED_KEY_BYTES + 8 + wide_column_row_overhead
WARM_READ_SHARE = 0.5  # of the old reads, the share for media 30 to 90 days old
RESTORE_REQUESTS_PER_SECOND = 1000  # per account and region, Flexible Retrieval and Deep Archive

# --- Law and defaults ----------------------------------------------------------------------------------------
gdpr_answer_within = duration(DEADLINE_MONTH_DAYS * SECONDS_PER_DAY)  # "one month", at worst 28 days
gdpr_extension = duration(2 * EXTENSION_MONTH_DAYS * SECONDS_PER_DAY)
gc_grace = cassandra_gc_grace
old_media_read_share = fraction(OLD_MEDIA_READ_SHARE)
ia_min_days = count(IA_MIN_DAYS)
ir_min_days = count(IR_MIN_DAYS)
deep_min_days = count(DEEP_MIN_DAYS)
kms_key_quota = count(KMS_KEY_QUOTA)
kms_crypto_quota = throughput(KMS_CRYPTO_QUOTA)
kms_crypto_quota_small = throughput(KMS_CRYPTO_QUOTA_SMALL)
kms_deletion_min = duration(KMS_DELETION_MIN_DAYS * SECONDS_PER_DAY)
kms_deletion_max = duration(KMS_DELETION_MAX_DAYS * SECONDS_PER_DAY)
user_key_row_bytes = size(USER_KEY_ROW_BYTES)
kms_wrapped_key_bytes = size(KMS_WRAPPED_KEY_BYTES)
warm_read_share = fraction(WARM_READ_SHARE)
restore_request_rate = throughput(RESTORE_REQUESTS_PER_SECOND)

if __name__ != "concept_life_assumptions":
    print(
        markdown_table(
            ("Input", "Value", "Source"),
            [
                ("Answer to an erasure request", gdpr_answer_within, "GDPR Art. 12(3): one month, at worst February's"),
                ("... extendable by", gdpr_extension, "GDPR Art. 12(3): two further months"),
                ("Cassandra gc_grace_seconds", gc_grace, "Cassandra's default"),
                (
                    "Minimum stay: Standard-IA, Instant, Deep Archive (days)",
                    f"{ia_min_days}, {ir_min_days}, {deep_min_days}",
                    "S3 storage classes",
                ),
                ("Customer managed KMS keys per account and region", kms_key_quota, "KMS default quota"),
                (
                    "KMS shared cryptographic requests: us-east-1, most regions",
                    f"{kms_crypto_quota}, {kms_crypto_quota_small}",
                    "KMS default request quota, adjustable",
                ),
                (
                    "Waiting period before a KMS key is deleted",
                    f"{kms_deletion_min} to {kms_deletion_max}",
                    "KMS ScheduleKeyDeletion",
                ),
                ("Origin media reads for media older than 30 days", old_media_read_share, "the page's assumption"),
                ("Old reads for media 30 to 90 days old", warm_read_share, "the page's assumption"),
                ("Restore requests a second, per account and region", restore_request_rate, "AWS, November 2023"),
                ("A 256-bit data key wrapped by KMS", kms_wrapped_key_bytes, "CiphertextBlob length"),
                ("A per-user key row (wrapped key, ID, overhead)", user_key_row_bytes, "the page's assumption"),
            ],
        )
    )
