"""URL shortener worked example: how long a key must be, and what each way of making keys costs.

A key of k characters in base62 (a-z, A-Z, 0-9) can take 62**k values. It must hold every link
created over the retention period with headroom (capacity), and so few of the possible keys may
be live that a guessed key almost never works (sparsity).
"""

import math

from url_shortener_assumptions import (
    api_processes,
    counter_block_size,
    guess_hit_limit,
    key_space_headroom,
    links_created_per_day,
    process_restarts_per_day,
    retention_years,
    zones,
)
from url_shortener_traffic import creations_per_second_peak

from sdw.estimation import DAYS_PER_YEAR, SECONDS_PER_DAY, count, duration, fraction, markdown_table, peak, size

ALPHABET = 62
CASE_INSENSITIVE_ALPHABET = 36  # a-z and 0-9: survives being read aloud or retyped from print
LENGTHS = range(5, 10)

links_over_retention = count(links_created_per_day * DAYS_PER_YEAR * retention_years)
keys_needed_for_capacity = count(links_over_retention * key_space_headroom)
keys_needed_for_sparsity = count(links_over_retention / guess_hit_limit)


def key_space(length: int, alphabet: int = ALPHABET) -> int:
    return alphabet**length


def shortest(needed: float, alphabet: int = ALPHABET) -> int:
    return next(k for k in range(1, 20) if key_space(k, alphabet) >= needed)


length_for_capacity = count(shortest(keys_needed_for_capacity))
length_for_sparsity = count(shortest(keys_needed_for_sparsity))
key_length = count(max(length_for_capacity, length_for_sparsity))

# The same sparsity in a case-insensitive alphabet costs a character more.
length_for_sparsity_base36 = count(shortest(keys_needed_for_sparsity, CASE_INSENSITIVE_ALPHABET))

key_space_chosen = count(key_space(int(key_length)))
# The comparison the pages make: the shortest length capacity alone allows, against the chosen one.
key_space_capacity_length = count(key_space(int(length_for_capacity)))
live_share_at_end = fraction(links_over_retention / key_space_chosen)
live_share_capacity_length = fraction(links_over_retention / key_space_capacity_length)
guesses_per_hit = count(1 / live_share_at_end)
guesses_per_hit_capacity_length = count(1 / live_share_capacity_length)
key_bits = count(math.log2(key_space_chosen))
# Links have no default expiry, so keys outlive the horizon: at today's rate, the chosen length stays
# under the sparsity limit for this many years.
years_within_sparsity_limit = count(key_space_chosen * guess_hit_limit / (links_created_per_day * DAYS_PER_YEAR))

# Option 1: hash (or random) keys, checked on insert. A new key collides with a live one with
# probability equal to the live share; expected extra attempts p / (1 - p).
retry_share_at_end = fraction(live_share_at_end / (1 - live_share_at_end))
retry_share_capacity_length = fraction(live_share_capacity_length / (1 - live_share_capacity_length))
# Without the check, a link shares its key with some other link when any of the other n - 1 draws
# lands on it: n (1 - (1 - 1/N)^(n - 1)) links in all, about n^2 / N while that is small (twice
# the n^2 / 2N pairs of the birthday bound, since each pair holds two links).
unchecked_collisions = count(
    -links_over_retention * math.expm1((links_over_retention - 1) * math.log1p(-1 / key_space_chosen))
)

# Option 2: counter ranges. Each process holds its current block and one spare block leased ahead,
# taking the spare when the current one runs out and leasing a new spare in the background. A
# restart loses the unused part of the current block (half on average) and the whole spare.
# Leases are rare at peak.
keys_lost_per_day = count(api_processes * process_restarts_per_day * counter_block_size * 1.5)
keys_lost_over_retention = count(keys_lost_per_day * DAYS_PER_YEAR * retention_years)
keys_lost_share = fraction(keys_lost_over_retention / key_space_chosen)
block_leases_per_second_peak = peak(creations_per_second_peak / counter_block_size)
# How long one process's block lasts at peak. With a spare block always in hand, a process can go on
# creating this long without the counter; with a zone's processes lost, the rest share the peak and
# a block lasts least: the floor.
block_lifetime_peak = duration(counter_block_size / (creations_per_second_peak / api_processes))
block_lifetime_peak_zone_lost = duration(block_lifetime_peak * (zones - 1) / zones)
# After a region loss, the second region's counter starts past the last lease mark shipped to it, by a
# margin that covers leases granted but not yet shipped. A design choice: a day of creations at the
# peak rate, far longer than the shipping lag, which pages within minutes (step 7). Those values are
# skipped once per restore.
restore_margin_time = duration(SECONDS_PER_DAY)
restore_margin_values = count(creations_per_second_peak * restore_margin_time)
restore_margin_share = fraction(restore_margin_values / key_space_chosen)

# Option 3: a pre-generated pool of random keys, stored until used (one byte per character).
pool_bytes_one_day = size(links_created_per_day * key_length)
pool_bytes_retention = size(links_over_retention * key_length)
pool_bytes_whole_space = size(key_space_chosen * key_length)

if __name__ != "url_shortener_keys":
    print(
        markdown_table(
            ("Key length", "Keys possible", "Live share after the retention period", "Random guesses per hit"),
            [
                (
                    count(k),
                    count(key_space(k)),
                    fraction(links_over_retention / key_space(k)) if key_space(k) > links_over_retention else "full",
                    count(key_space(k) / links_over_retention) if key_space(k) > links_over_retention else "",
                )
                for k in LENGTHS
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Constraint", "Keys needed", "Shortest length"),
            [
                (
                    f"Capacity: {links_over_retention} links × {key_space_headroom} headroom",
                    keys_needed_for_capacity,
                    length_for_capacity,
                ),
                (f"Sparsity: at most {guess_hit_limit} of keys live", keys_needed_for_sparsity, length_for_sparsity),
                ("Chosen: the longer of the two", "", key_length),
                ("Sparsity in base36 (case-insensitive)", keys_needed_for_sparsity, length_for_sparsity_base36),
            ],
        )
    )
    print()
    print(
        f"At today's rate of new links, {key_length} characters stay under the sparsity limit for "
        f"{years_within_sparsity_limit} years."
    )
    print()
    print(
        markdown_table(
            ("Key scheme", "Figure", "Value"),
            [
                ("Hash, checked", f"Extra attempts per insert at the end, {key_length} characters", retry_share_at_end),
                (
                    "",
                    f"... with {length_for_capacity} characters",
                    retry_share_capacity_length,
                ),
                ("Hash, unchecked", "Links sharing their key with another link", unchecked_collisions),
                ("Counter ranges", "Keys lost to restarts a day", keys_lost_per_day),
                ("", "... as a share of the key space, whole retention", keys_lost_share),
                ("", "Block leases a second at peak", block_leases_per_second_peak),
                ("", "One process's block lasts, at peak", block_lifetime_peak),
                ("", "... with a zone's processes lost", block_lifetime_peak_zone_lost),
                (
                    "",
                    f"Values skipped by a restore ({restore_margin_time} of creations at peak)",
                    restore_margin_values,
                ),
                ("", "... as a share of the key space", restore_margin_share),
                ("Key pool", "Stored keys for one day", pool_bytes_one_day),
                ("", "... for the whole retention period", pool_bytes_retention),
                ("", "... for the whole key space", pool_bytes_whole_space),
            ],
        )
    )
