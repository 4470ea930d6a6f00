"""URL shortener worked example: what deleting links and accounts holds in memory, writes and keeps."""

import math

from reference_capacity import memory_bytes
from url_shortener_assumptions import (
    custom_alias_max_chars,
    custom_alias_share,
    distinct_links_clicked_per_day,
    event_log_retention_days,
    links_created_per_day,
    paid_plan_links_per_day,
    retention_years,
    status_changes_per_day,
)
from url_shortener_keys import key_length
from url_shortener_servers import analytics_shards_per_zone
from url_shortener_storage import daily_count_export_bytes, rollup_bytes_per_day

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    count,
    duration,
    fraction,
    markdown_table,
    per_day,
    size,
    size_per_day,
    throughput,
)

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

# The account deletion job's walk: every deletion under way shares one pace (chosen), so a large
# account's links end over days, and what their ends add to the link store's Outbox and to the "link
# changed" readers stays small (url_shortener_reliability prices it). A year of the example's paid plan.
account_end_pace = throughput(1e3)
account_ends_per_day_max = per_day(account_end_pace * SECONDS_PER_DAY)
account_ended_keys_per_year = count(paid_plan_links_per_day * DAYS_PER_YEAR)
paid_account_walk_year = duration(account_ended_keys_per_year / account_end_pace)
paid_account_walk_horizon = duration(account_ended_keys_per_year * retention_years / account_end_pace)
# The deletions under way take the pace in turn, a batch each, so with N under way each ends links at
# least at a 1/N share: a deletion's wait is at most N times its walk alone. Two such accounts at once.
concurrent_paid_deletions = count(2)
paid_account_walk_horizon_shared = duration(concurrent_paid_deletions * paid_account_walk_horizon)

# The ended set, held by the stream job alone, so that it stops writing a deleted link's open minutes at
# once. A key leaves it once its day's batched delete has run (below), which waits for the stream to
# close that day; the stream can lag at most the managed stream's day (step 5) and the event log's days
# before it loses clicks, so a key stays its own day and those at most. Its base, whatever the accounts
# deleted: links deleted on their own (at most every status change a deletion), and the keys with a
# count row that free accounts' deletions add, a guess as many a day as the status changes.
managed_stream_days = count(1)
ended_set_days = count(1 + managed_stream_days + event_log_retention_days)
ended_keys_own_max = count(status_changes_per_day * ended_set_days)
free_account_ended_keys_per_day = per_day(100e3)
ended_keys_free_accounts_max = count(free_account_ended_keys_per_day * ended_set_days)
ended_set_keys_base = count(ended_keys_own_max + ended_keys_free_accounts_max)
ended_set_bytes_base = size(ended_set_keys_base * ended_key_bytes / ended_set_load)
# Then each account of the example's paid plan deleted in those days. Its walk marks a key only if it
# has a count row in the set's days before its end, and the key stays those days after it, so its keys
# in the set at once were clicked within twice those days. It makes this share of the day's links; its
# links are assumed to draw the same share of the distinct links clicked each day, and each day's are
# counted as new keys.
paid_plan_share = fraction(paid_plan_links_per_day / links_created_per_day)
ended_keys_account_max = count(distinct_links_clicked_per_day * paid_plan_share * 2 * ended_set_days)
ended_set_bytes_per_paid_account = size(ended_keys_account_max * ended_key_bytes / ended_set_load)
# The stream consumers are sized for this many such deletions in those days (chosen); past it they
# alert, and a further one's keys go in no set, left to the day's batched delete alone.
paid_account_deletions_planned = count(2)
ended_set_keys_planned = count(ended_set_keys_base + paid_account_deletions_planned * ended_keys_account_max)
ended_set_bytes_planned = size(ended_set_keys_planned * ended_key_bytes / ended_set_load)
# A live alias whose hash meets one in the set has its fresh counts dropped until the nightly
# recount, which matches the files' exact keys: the odds a lookup, with the set full.
alias_false_match_odds = count(ended_set_keys_planned / 2**63)
# Without the filter, one paid account deleted after a year puts in every link it made: its walk ends
# them all within the set's days.
assert account_ended_keys_per_year <= account_ends_per_day_max * ended_set_days
ended_set_bytes_year_unfiltered = size(account_ended_keys_per_year * ended_key_bytes / ended_set_load)

# The file of the day's ended keys beside the nightly export (step 4): the keys of every delete event
# the pipeline read that day, whatever day it was made, an account's unclicked ones too, each as its
# text, none filtered out, since a restore subtracts them from export files of any age. From status
# changes at most, every one a deletion, with aliases at their share and their longest; then with the
# walk's day added, the most a day's file holds while the pipeline keeps up.
file_key_bytes = size(key_length)
ended_key_file_bytes_mean_max = size(
    (1 - custom_alias_share) * file_key_bytes + custom_alias_share * custom_alias_max_chars
)
ended_keys_file_bytes_per_day_max = size_per_day(status_changes_per_day * ended_key_file_bytes_mean_max)
ended_keys_per_day_max = per_day(status_changes_per_day + account_ends_per_day_max)
ended_keys_file_bytes_per_day_walk = size_per_day(ended_keys_per_day_max * ended_key_file_bytes_mean_max)

# The day's batched delete: one lightweight DELETE a table (DailyCount, the minute rows) on every
# shard, its keys read by a subquery from a replicated key table, so the count of mutations does not
# grow with the keys. The keys go in through the distributed table, on the counts' sharding key, so
# each shard's key table holds the keys that shard holds; the two tables' deletes run one after the
# other, so a replica holds one set at a time, shared by the mutation's part tasks that run together
# (ClickHouse PR 46835). ClickHouse keeps a String key of a set as a 16 B reference and an 8 B saved
# hash in a hash table at most half full, a quarter just after it doubles (HashTable.h), and the
# key's bytes beside it. Merges and mutations may use half the server's memory before ClickHouse
# schedules no more (merges_mutations_memory_usage_to_ram_ratio's default); the analytics servers are
# the reference machine.
count_tables = count(2)
delete_mutations_per_day = count(count_tables * analytics_shards_per_zone)
delete_set_keys_per_shard_max = count(ended_keys_per_day_max / analytics_shards_per_zone)
set_cell_bytes = size(16 + 8)
set_fill_min = fraction(0.25)
delete_set_bytes_per_key = size(set_cell_bytes / set_fill_min + ended_key_file_bytes_mean_max)
delete_set_bytes_per_replica_max = size(delete_set_keys_per_shard_max * delete_set_bytes_per_key)
mutations_memory_limit = size(0.5 * memory_bytes)
delete_set_memory_share = fraction(delete_set_bytes_per_replica_max / mutations_memory_limit)
# Step 4: "a small share"; even a file holding several days' backlog stays within it.
assert delete_set_memory_share < 0.1
# A list of literals instead is capped by ClickHouse's max_query_size (its default); a generated key
# is written as its 8 characters in quotes, and a comma: a year of one paid account's links, each
# statement a table's.
max_query_size = size(262_144)
literal_key_bytes = size(key_length + 3)
keys_per_literal_statement = count(max_query_size / literal_key_bytes)
literal_statements_per_paid_account = count(math.ceil(account_ended_keys_per_year / keys_per_literal_statement))

# The export's day files are kept for good: the horizon's total, then a year of days more each year.
daily_count_export_bytes_per_year = size(rollup_bytes_per_day * DAYS_PER_YEAR)

if __name__ != "url_shortener_deletion":
    print(
        markdown_table(
            ("What", "Value"),
            [
                (
                    "Account deletion's walk: pace, all deletions together (chosen); a day",
                    f"{account_end_pace}; {account_ends_per_day_max}",
                ),
                (
                    f"... a year of the paid plan's links ({account_ended_keys_per_year}); {retention_years} years'",
                    f"{paid_account_walk_year}; {paid_account_walk_horizon}",
                ),
                (
                    f"... {retention_years} years', with {concurrent_paid_deletions} such deletions under way, at most",
                    paid_account_walk_horizon_shared,
                ),
                ("Bytes a key in memory", ended_key_bytes),
                (
                    f"Days a key stays in the set at most: its own, the managed stream's {managed_stream_days}, "
                    f"the event log's {event_log_retention_days}",
                    ended_set_days,
                ),
                (f"Links deleted on their own in {ended_set_days} days, at most", ended_keys_own_max),
                (
                    f"Free accounts' deleted keys with a count row, a day (a guess); in {ended_set_days} days",
                    f"{free_account_ended_keys_per_day}; {ended_keys_free_accounts_max}",
                ),
                ("**Ended set, base**", f"{ended_set_keys_base} keys, {ended_set_bytes_base}"),
                ("The paid plan's share of the day's links", paid_plan_share),
                (
                    f"**Each paid account deleted in {ended_set_days} days** (its keys with a count row, "
                    f"clicked in {count(2 * ended_set_days)} days)",
                    f"{ended_keys_account_max} keys, {ended_set_bytes_per_paid_account}",
                ),
                (
                    f"**Ended set, {paid_account_deletions_planned} paid accounts deleted** (planned)",
                    f"{ended_set_keys_planned} keys, {ended_set_bytes_planned}",
                ),
                ("... odds that a live alias's hash matches, a lookup", alias_false_match_odds),
                ("... without the filter, one paid account deleted after a year", ended_set_bytes_year_unfiltered),
                (
                    "Ended-key file: bytes a key at most on average; a day, status changes; with the walk's day",
                    f"{ended_key_file_bytes_mean_max}; {ended_keys_file_bytes_per_day_max}; "
                    f"{ended_keys_file_bytes_per_day_walk}",
                ),
                (
                    f"Delete mutations a day ({count_tables} tables x {analytics_shards_per_zone} shards)",
                    delete_mutations_per_day,
                ),
                (
                    "Keys a replica's set holds, at most (its shard's share of a day's file); bytes a key",
                    f"{delete_set_keys_per_shard_max}; {delete_set_bytes_per_key}",
                ),
                (
                    f"... its memory; share of what merges and mutations may use ({mutations_memory_limit})",
                    f"{delete_set_bytes_per_replica_max}; {delete_set_memory_share}",
                ),
                (f"With literals instead: keys a statement ({max_query_size} at most)", keys_per_literal_statement),
                ("... statements a table for a year of one paid account's links", literal_statements_per_paid_account),
                ("Export files over the horizon", daily_count_export_bytes),
                ("... added each year after it", daily_count_export_bytes_per_year),
                (
                    "Strike window, days; strikes to lose higher limits; to be suspended (chosen)",
                    f"{strike_window_days}; {strikes_to_lose_limits}; {strikes_to_suspend}",
                ),
            ],
        )
    )
