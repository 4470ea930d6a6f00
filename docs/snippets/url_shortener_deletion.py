"""URL shortener worked example: what deleting links and accounts holds in memory, writes and keeps."""

import math

from url_shortener_assumptions import (
    custom_alias_max_chars,
    custom_alias_share,
    distinct_links_clicked_per_day,
    links_created_per_day,
    paid_plan_links_per_day,
    raw_click_days,
    status_changes_per_day,
)
from url_shortener_keys import key_length
from url_shortener_servers import analytics_shards_per_zone
from url_shortener_storage import daily_count_export_bytes, rollup_bytes_per_day

from sdw.estimation import DAYS_PER_YEAR, count, fraction, markdown_table, per_day, size, size_per_day

# In memory, a generated key of 8 base62 characters is one 64-bit number with its top bit clear; an
# alias (up to 32 characters) goes in as a 64-bit keyed hash with its top bit set, so the two never
# meet. In a file, a key is kept as its text: 8 B a generated key, an alias its own length.
BASE62 = 62
assert BASE62**key_length < 2**63
ended_key_bytes = size(8)
# The ended set is an open-addressed hash set, kept at most three-quarters full.
ended_set_load = fraction(0.75)

# Strikes: takedowns of an account's links for abuse (a legal removal is none). Each sets the
# account's StrikesUntil to its day plus the window, so its strikes count together until then.
# Chosen, as are the two steps of step 7's escalation.
strike_window_days = count(90)
strikes_to_lose_limits = count(2)
strikes_to_suspend = count(3)

# The ended set, held by the stream job alone: deleted keys whose raw events may still be recounted,
# so each stays in it for the raw events' days. Its base, whatever the accounts deleted: links
# deleted on their own (at most every status change a deletion), and the keys with a count row that
# free accounts' deletions add, a guess as many a day as the status changes.
ended_keys_own_max = count(status_changes_per_day * raw_click_days)
free_account_ended_keys_per_day = per_day(100e3)
ended_keys_free_accounts_max = count(free_account_ended_keys_per_day * raw_click_days)
ended_set_keys_base = count(ended_keys_own_max + ended_keys_free_accounts_max)
ended_set_bytes_base = size(ended_set_keys_base * ended_key_bytes / ended_set_load)
# Then each account of the example's paid plan deleted in those days. It makes this share of the
# day's links; its links are assumed to draw the same share of the distinct links clicked each day,
# and each day's are counted as new keys; only keys with a count row in those days go in.
paid_plan_share = fraction(paid_plan_links_per_day / links_created_per_day)
ended_keys_account_max = count(distinct_links_clicked_per_day * paid_plan_share * raw_click_days)
ended_set_bytes_per_paid_account = size(ended_keys_account_max * ended_key_bytes / ended_set_load)
# The stream consumers are sized for this many such deletions in the raw events' days (chosen); past
# it they alert, and a further one's keys go in no set, left to the day's batched delete alone.
paid_account_deletions_planned = count(2)
ended_set_keys_planned = count(ended_set_keys_base + paid_account_deletions_planned * ended_keys_account_max)
ended_set_bytes_planned = size(ended_set_keys_planned * ended_key_bytes / ended_set_load)
# A live alias whose hash meets one in the set has its fresh counts dropped until the nightly
# recount, which matches the files' exact keys: the odds a lookup, with the set full.
alias_false_match_odds = count(ended_set_keys_planned / 2**63)
# Without the filter, one paid account deleted after a year puts in every link it made.
ended_set_bytes_year_unfiltered = size(paid_plan_links_per_day * DAYS_PER_YEAR * ended_key_bytes / ended_set_load)

# The file of the day's ended keys beside the nightly export (step 4): every key deleted that day, an
# account's unclicked ones too, each as its text. From status changes at most, every one a deletion,
# with aliases at their share and their longest.
file_key_bytes = size(key_length)
ended_key_file_bytes_mean_max = size(
    (1 - custom_alias_share) * file_key_bytes + custom_alias_share * custom_alias_max_chars
)
ended_keys_file_bytes_per_day_max = size_per_day(status_changes_per_day * ended_key_file_bytes_mean_max)

# The day's batched delete: one lightweight DELETE a table (DailyCount, the minute rows) on every
# shard, its keys read by a subquery from a small replicated table, so the count of mutations does
# not grow with the keys. A list of literals instead is capped by ClickHouse's max_query_size (its
# default); a generated key is written as its 8 characters in quotes, and a comma.
count_tables = count(2)
delete_mutations_per_day = count(count_tables * analytics_shards_per_zone)
max_query_size = size(262_144)
literal_key_bytes = size(key_length + 3)
keys_per_literal_statement = count(max_query_size / literal_key_bytes)
literal_statements_per_paid_account = count(math.ceil(ended_keys_account_max / keys_per_literal_statement))

# The export's day files are kept for good: the horizon's total, then a year of days more each year.
daily_count_export_bytes_per_year = size(rollup_bytes_per_day * DAYS_PER_YEAR)

if __name__ != "url_shortener_deletion":
    print(
        markdown_table(
            ("What", "Value"),
            [
                ("Bytes a key in memory", ended_key_bytes),
                (f"Links deleted on their own in {raw_click_days} days, at most", ended_keys_own_max),
                (
                    f"Free accounts' deleted keys with a count row, a day (a guess); in {raw_click_days} days",
                    f"{free_account_ended_keys_per_day}; {ended_keys_free_accounts_max}",
                ),
                ("**Ended set, base**", f"{ended_set_keys_base} keys, {ended_set_bytes_base}"),
                ("The paid plan's share of the day's links", paid_plan_share),
                (
                    f"**Each paid account deleted in {raw_click_days} days** (its keys with a count row)",
                    f"{ended_keys_account_max} keys, {ended_set_bytes_per_paid_account}",
                ),
                (
                    f"**Ended set, {paid_account_deletions_planned} paid accounts deleted** (planned)",
                    f"{ended_set_keys_planned} keys, {ended_set_bytes_planned}",
                ),
                ("... odds that a live alias's hash matches, a lookup", alias_false_match_odds),
                ("... without the filter, one paid account deleted after a year", ended_set_bytes_year_unfiltered),
                (
                    "Ended-key file: bytes a key at most on average; a day, status changes",
                    f"{ended_key_file_bytes_mean_max}; {ended_keys_file_bytes_per_day_max}",
                ),
                (
                    f"Delete mutations a day ({count_tables} tables x {analytics_shards_per_zone} shards)",
                    delete_mutations_per_day,
                ),
                (f"With literals instead: keys a statement ({max_query_size} at most)", keys_per_literal_statement),
                ("... statements for one paid account's keys", literal_statements_per_paid_account),
                ("Export files over the horizon", daily_count_export_bytes),
                ("... added each year after it", daily_count_export_bytes_per_year),
                (
                    "Strike window, days; strikes to lose higher limits; to be suspended (chosen)",
                    f"{strike_window_days}; {strikes_to_lose_limits}; {strikes_to_suspend}",
                ),
            ],
        )
    )
