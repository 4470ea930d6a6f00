"""URL shortener worked example: what deleting links and accounts holds in memory, writes and keeps."""

from url_shortener_assumptions import (
    distinct_links_clicked_per_day,
    links_created_per_day,
    paid_plan_links_per_day,
    raw_click_days,
    status_changes_per_day,
)
from url_shortener_keys import key_length
from url_shortener_storage import daily_count_export_bytes, rollup_bytes_per_day

from sdw.estimation import DAYS_PER_YEAR, count, fraction, markdown_table, size, size_per_day

# A generated key of 8 base62 characters fits one 64-bit word, in memory and in a file. (An alias is
# longer; aliases are a small share of links and are left out.)
BASE62 = 62
assert BASE62**key_length < 2**64
ended_key_bytes = size(8)
# The ended set is an open-addressed hash set, kept at most three-quarters full.
ended_set_load = fraction(0.75)

# Strikes: takedowns of an account's links for abuse (a legal removal is none). Each sets the
# account's StrikesUntil to its day plus the window, so its strikes count together until then.
# Chosen, as are the two steps of step 7's escalation.
strike_window_days = count(90)
strikes_to_lose_limits = count(2)
strikes_to_suspend = count(3)

# The ended set (step 6): deleted keys whose raw events may still be recounted, so each stays in it
# for the raw events' days. Links deleted on their own: at most every status change a deletion.
ended_keys_own_max = count(status_changes_per_day * raw_click_days)
# An account's deletion adds only its keys with a count row in those days. The largest account, the
# example's paid plan, makes this share of the day's links; its links are assumed to draw the same
# share of the distinct links clicked each day, and each day's are counted as new keys.
paid_plan_share = fraction(paid_plan_links_per_day / links_created_per_day)
ended_keys_account_max = count(distinct_links_clicked_per_day * paid_plan_share * raw_click_days)
ended_set_keys_max = count(ended_keys_own_max + ended_keys_account_max)
ended_set_bytes_max = size(ended_set_keys_max * ended_key_bytes / ended_set_load)
# Without the filter, the same account deleted after a year puts in every link it made.
ended_set_bytes_year_unfiltered = size(paid_plan_links_per_day * DAYS_PER_YEAR * ended_key_bytes / ended_set_load)

# The file of the day's ended keys beside the nightly export (step 4): every key deleted that day, an
# account's unclicked ones too. At most every status change a deletion, plus 8 B a link of each
# account deleted.
ended_keys_file_bytes_per_day_max = size_per_day(status_changes_per_day * ended_key_bytes)

# The export's day files are kept for good: the horizon's total, then a year of days more each year.
daily_count_export_bytes_per_year = size(rollup_bytes_per_day * DAYS_PER_YEAR)

if __name__ != "url_shortener_deletion":
    print(
        markdown_table(
            ("What", "Value"),
            [
                ("Bytes a key, in memory and in a file", ended_key_bytes),
                (f"Links deleted on their own in {raw_click_days} days, at most", ended_keys_own_max),
                ("The paid plan's share of the day's links", paid_plan_share),
                (f"Its keys with a count row in {raw_click_days} days, at most", ended_keys_account_max),
                ("**Ended set, largest**", ended_set_keys_max),
                (f"... in memory, at {ended_set_load} load", ended_set_bytes_max),
                ("... without the filter, a year of the paid plan", ended_set_bytes_year_unfiltered),
                ("Ended-key file a day, status changes", ended_keys_file_bytes_per_day_max),
                ("Export files over the horizon", daily_count_export_bytes),
                ("... added each year after it", daily_count_export_bytes_per_year),
                (
                    "Strike window, days; strikes to lose higher limits; to be suspended (chosen)",
                    f"{strike_window_days}; {strikes_to_lose_limits}; {strikes_to_suspend}",
                ),
            ],
        )
    )
