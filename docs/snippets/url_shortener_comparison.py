"""URL shortener worked example: our figures beside the ones the best-known guides quote, recomputed.

Each guide's figure is recomputed from that guide's own assumptions with this site's arithmetic,
so the tables show both where a guide rounds or slips and where its assumptions differ from ours.
"""

import math

from url_shortener_cache import shared_cache_bytes_per_zone
from url_shortener_keys import key_length, key_space_chosen, links_over_retention
from url_shortener_storage import link_bytes_total_one_copy
from url_shortener_traffic import creations_per_second, read_to_write, redirects_per_second

from sdw.estimation import (
    KB,
    SECONDS_PER_DAY,
    bandwidth,
    count,
    fraction,
    markdown_table,
    per_second,
    size,
    times,
)

THIRTY_DAY_MONTH = 30 * SECONDS_PER_DAY  # 2,592,000 s: what Grokking and karanpratapsingh divide by

# system-design-primer (Pastebin / Bit.ly): 10M writes and 100M reads a month, 1.27 KB per paste,
# 3 years, a month of 2.5 million seconds, keys the first 7 base62 characters of an MD5 hash.
primer_writes_per_second = per_second(10e6 / 2.5e6)
primer_reads_per_second = per_second(100e6 / 2.5e6)
primer_bytes_three_years = size(10e6 * 1.27 * KB * 12 * 3)
primer_links_three_years = count(10e6 * 12 * 3)
# Base62 of a 128-bit number has 22 digits when it is at least 62**21, which 2**128 exceeds only
# 7.8 times over: the first character of those keys can be 1 to 7, not any of 62.
primer_hash_digits = count(math.floor(128 * math.log(2) / math.log(62)) + 1)
primer_first_char_values = count(2**128 // 62**21)
primer_long_hash_share = fraction(1 - 62**21 / 2**128)
primer_effective_keys = count(primer_first_char_values * 62**6)
primer_nominal_keys = count(62**7)

# Grokking's TinyURL: 500M new links a month, 100:1 reads, 500 B a record, 5 years, a 30-day month,
# a cache of 20% of a day's requests, 6-character base64 keys held in a key database.
grokking_writes_per_second = per_second(500e6 / THIRTY_DAY_MONTH)
grokking_reads_per_second = per_second(100 * 500e6 / THIRTY_DAY_MONTH)
grokking_storage = size(500e6 * 12 * 5 * 500)
grokking_egress = bandwidth(grokking_reads_per_second * 500)
grokking_cache = size(0.2 * grokking_reads_per_second * SECONDS_PER_DAY * 500)
grokking_keys = count(64**6)
grokking_key_db = size(64**6 * 6)
# Grokking asks that links not be guessable, yet after its 5 years this share of its keys is live.
grokking_live_share = fraction(500e6 * 12 * 5 / 64**6)

# karanpratapsingh/system-design: 100M new links a month, 100:1 reads, 500 B a record, 10 years,
# a 30-day month, a cache of 20% of a day's requests, 6-character base62 keys in a key database.
karan_writes_per_second = per_second(100e6 / THIRTY_DAY_MONTH)
karan_reads_per_second = per_second(100 * 100e6 / THIRTY_DAY_MONTH)
karan_storage = size(100e6 * 12 * 10 * 500)
karan_cache = size(0.2 * karan_reads_per_second * SECONDS_PER_DAY * 500)
karan_keys = count(62**6)
karan_key_db = size(62**6 * 6)
karan_live_share = fraction(100e6 * 12 * 10 / 62**6)

our_keys = key_space_chosen
our_live_share = fraction(links_over_retention / key_space_chosen)
our_link_bytes_one_copy = link_bytes_total_one_copy

if __name__ != "url_shortener_comparison":
    print(
        markdown_table(
            ("Figure", "Primer quotes", "Recomputed", "Ours"),
            [
                ("New links a second", "4", primer_writes_per_second, creations_per_second),
                ("Reads a second", "40", primer_reads_per_second, redirects_per_second),
                ("Content over 3 years", "~450 GB", primer_bytes_three_years, ""),
                ("Links over 3 years", "360 million", primer_links_three_years, ""),
                ("Keys a 7-character key can take", "62^7", primer_nominal_keys, ""),
                (
                    "... reachable as the first 7 of base62(MD5)",
                    "",
                    f"{primer_effective_keys} for {primer_long_hash_share} of hashes",
                    "",
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Grokking quotes", "Recomputed", "Ours"),
            [
                ("New links a second", "~200", grokking_writes_per_second, creations_per_second),
                ("Redirects a second", "20K", grokking_reads_per_second, redirects_per_second),
                ("Reads per write", "100", times(100), read_to_write),
                (
                    "Link storage, one copy",
                    "15 TB (5 years)",
                    grokking_storage,
                    f"{our_link_bytes_one_copy} (10 years)",
                ),
                ("Egress", "10 MB/s", grokking_egress, ""),
                ("Cache", "~170 GB", grokking_cache, f"{shared_cache_bytes_per_zone} a copy"),
                ("Keys possible", "68.7B (6 × base64)", grokking_keys, f"{our_keys} ({key_length} × base62)"),
                ("Key database", "412 GB", grokking_key_db, "none"),
                ("Live share of keys at the end", "", grokking_live_share, our_live_share),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "karanpratapsingh quotes", "Recomputed", "Ours"),
            [
                ("New links a second", "40", karan_writes_per_second, creations_per_second),
                ("Redirects a second", "4K", karan_reads_per_second, redirects_per_second),
                ("Link storage, one copy", "6 TB (10 years)", karan_storage, f"{our_link_bytes_one_copy} (10 years)"),
                ("Cache", "~35 GB/day", karan_cache, f"{shared_cache_bytes_per_zone} a copy"),
                ("Keys possible", "56.8B (6 × base62)", karan_keys, f"{our_keys} ({key_length} × base62)"),
                ("Key database", "~390 GB", karan_key_db, "none"),
                ("Live share of keys at the end", "", karan_live_share, our_live_share),
            ],
        )
    )
