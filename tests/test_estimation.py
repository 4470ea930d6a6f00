"""The estimation module, the snippets, and the figures the built pages print.

Expected values here were worked out by hand (the arithmetic is in the comments), not by
running the code: a change to the module or to an assumption that moves a figure fails here.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import copy
import io
import math
import pickle
import posixpath
import random
import re
import runpy
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SNIPPETS, mkdocs_build, page_tree, replace_once, run

from sdw import estimation, snippets
from sdw.cards import CARDS_FILE
from sdw.data import load_examples, read_yaml
from sdw.estimation import estimate, exact, human, human_duration, input_text

# --- Formatting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (100e6 / 86_400, "/s", "1.16K/s"),  # 100M a day = 1,157.4 a second
        (31e9 * 365 * 5, "B", "56.6 TB"),  # 31 GB a day for five years = 56,575 GB
        (30.4e9, "B/day", "30.4 GB/day"),
        (1.2e15, "B", "1.2 PB"),  # trailing zeros dropped: not "1.20 PB"
        (5_787.037, "/s", "5.79K/s"),  # 500M a day
        (250e6, "", "250M"),
        (1e9, "", "1B"),
        (489, "", "489"),
        (150e9, "B/day", "150 GB/day"),
        (18.5e9, "B/s", "18.5 GB/s"),
        (0.1, "%", "10%"),
        (1 / 3, "%", "33.3%"),
        (3, "x", "3×"),
        (24.74, "x", "24.7×"),
        (999.4, "x", "999×"),
        (41_666.7, "x", "41.7K×"),  # a multiple takes a count's suffixes, not "41700×"
    ],
)
def test_human_formats_hand_checked_values(value: float, unit: str, expected: str) -> None:
    assert human(value, unit) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (0, "", "0"),
        (0, "B", "0 B"),
        (0.0, "/s", "0/s"),
        (0.5, "", "0.5"),  # below one: no suffix, three significant digits
        (0.000123456, "", "0.000123"),
        (1.23e-9, "", "0.00000000123"),  # the smallest written out
        (1.23e-10, "/s", "1.23e-10/s"),  # smaller: an exponent
        (9.999e-10, "", "0.000000001"),  # rounds up into the written-out range
        (999, "", "999"),
        (999.4, "", "999"),  # rounds down, stays below the boundary
        (999.5, "", "1K"),  # rounds up to 1,000: carried into the next suffix
        (999.96, "", "1K"),
        (999_950, "", "1M"),
        (999_999, "B", "1 MB"),
        (1_000, "B", "1 KB"),
        (1.125, "", "1.13"),  # an exact binary half rounds away from zero, as JavaScript does
        (14.85e12, "B", "14.9 TB"),  # a decimal half: 14.85e12 / 1e12 would be 14.849999...
        (2.675e6, "/s", "2.68M/s"),
        (0.01055, "%", "1.06%"),  # 0.01055 is a hair above the half; 0.01055 * 100 falls below it
        (0.9999, "%", "99.99%"),  # never rounded up to 100% short of it
        (-1_234, "/s", "-1.23K/s"),
        (-0.0001, "", "-0.0001"),
        (1.5e15, "", "1,500T"),  # beyond the largest suffix: digits grouped
        (9.994e17, "/s", "999,000T/s"),  # the last grouped
        (9.995e17, "/s", "1e18/s"),  # rounds to a million T: no suffix, an exponent
        (1e30, "B", "1e30 B"),
        (-2.345e300, "B/s", "-2.35e300 B/s"),  # a figure of the largest doubles, on one line
        (1e-13, "%", "1e-11%"),
        (4.5e25, "x", "4.5e25×"),
    ],
)
def test_human_edge_cases(value: float, unit: str, expected: str) -> None:
    assert human(value, unit) == expected


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0, "0 s"),
        (0.5e-9, "0.5 ns"),
        (150e-3, "150 ms"),
        (59.94, "59.9 s"),
        (59.96, "1 min"),  # 60.0 s carries into minutes
        (864, "14.4 min"),
        (3599.9, "1 h"),
        (31_536_000 * 0.001, "8.76 h"),  # 99.9% availability: downtime a year
        (86_399, "1 day"),
        (400 * 86_400, "400 days"),
        (8.64e10, "1e6 days"),  # a million days: an exponent, as a count would be written
        (8.63e10, "999,000 days"),
    ],
)
def test_human_duration(seconds: float, expected: str) -> None:
    assert human_duration(seconds) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1157.40740, "1,157.41"),
        (100, "100"),
        (0.5, "0.5"),
        (0.0012345, "0.001234"),
        (0, "0"),
        (-2.5, "-2.5"),
        (1e20, "100,000,000,000,000,000,000"),
        (1e30, "1e30"),  # seven significant digits: in full, the double nearest 10^30 has 31
        (-1.23456789e25, "-1.234568e25"),
        (2.5e-12, "2.5e-12"),
    ],
)
def test_exact(value: float, expected: str) -> None:
    assert exact(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (328.20000000000005, "328.2"),  # the URL shortener preset's write size, as derived
        (234.99999999999997, "235"),  # the chat preset's reads per user, as derived
        (0.30000000000000004, "0.3"),
        (250e6, "250000000"),
        (0.1, "0.1"),
        (0, "0"),
        (-2.5, "-2.5"),
        (1 / 3, "0.333333333333"),
        (1e-9, "0.000000001"),
        (12_345_678_901_234, "12345678901200"),  # 12 significant digits, no exponent
        (1e30, "1e30"),  # but past 10^21, an exponent the estimator reads back
        (1.5e-10, "1.5e-10"),
    ],
)
def test_input_text_writes_an_input_as_a_reader_would_type_it(value: float, expected: str) -> None:
    assert input_text(value) == expected
    assert float(expected) == float(input_text(float(expected)))  # reading it back changes nothing


@pytest.mark.parametrize("bad", [math.nan, math.inf, True, "12", None])
def test_input_text_refuses_what_is_not_a_finite_number(bad) -> None:
    with pytest.raises(ValueError, match="not a finite number"):
        input_text(bad)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, True, "12", None])
def test_human_refuses_what_is_not_a_finite_number(bad) -> None:
    with pytest.raises(ValueError, match="not a finite number"):
        human(bad)


def test_human_refuses_an_unknown_unit() -> None:
    with pytest.raises(ValueError, match="unknown unit 'GB'"):
        human(1, "GB")


def test_quantity_keeps_arithmetic_and_prints_itself() -> None:
    rate = estimation.per_second(1157.4)
    assert f"{rate}" == "1.16K/s"
    assert f"{rate:.1f}" == "1157.4"
    assert rate * 3 == pytest.approx(3472.2)
    assert type(rate * 3) is float  # arithmetic drops the unit; wrap again to print


@pytest.mark.parametrize(
    ("spent", "window_hours", "expected"),
    [(0.02, 1, "14.4×"), (0.05, 6, "6×"), (0.10, 72, "1×")],  # 0.02 × 720 h / 1 h = 14.4, ...
)
def test_burn_rate_against_the_sre_workbooks_table(spent: float, window_hours: int, expected: str) -> None:
    assert str(estimation.burn_rate(spent, window_hours * 3600, 30 * 86400)) == expected


THIRTY_DAYS = 30 * 86_400


# Worked by hand: what is down, 1 less the value, to three significant digits; the share printed as
# 100% less that; the downtime that rounded share of 30 days (720 h, 2,592,000 s).
@pytest.mark.parametrize(
    ("value", "expected", "down"),
    [
        (0.999, "99.9%", "43.2 min"),  # 0.1% of 720 h = 0.72 h = 43.2 min
        (0.9999, "99.99%", "4.32 min"),  # 0.01% of 720 h = 0.072 h = 4.32 min
        (0.999**2, "99.8%", "1.44 h"),  # 0.998001: 0.1999% down → 0.200%; 0.2% × 720 h = 1.44 h
        (0.999**5, "99.501%", "3.59 h"),  # 0.99501: 0.49900% down → 0.499%; 0.00499 × 720 h = 3.5928 h
        (0.999**10, "99.004%", "7.17 h"),  # 0.9900449: 0.99551% down → 0.996%; 0.00996 × 720 h = 7.1712 h
        (0.999**20, "98.02%", "14.3 h"),  # 0.9801889: 1.98111% down → 1.98%; 0.0198 × 720 h = 14.256 h
        (0.999 * 0.999 * 0.9999, "99.79%", "1.51 h"),  # 0.9979012: 0.20988% down → 0.210%; 0.0021 × 720 h = 1.512 h
        (0.999 * 0.999 * 0.99, "98.8%", "8.64 h"),  # 0.98802099: 1.197901% down → 1.20%; 0.012 × 720 h = 8.64 h
        (0.999**2 * 0.99**2, "97.81%", "15.8 h"),  # 0.97814078: 2.185922% down → 2.19%; 0.0219 × 720 h = 15.768 h
        (0.99855, "99.855%", "1.04 h"),  # 0.145% down, three digits already; 0.00145 × 720 h = 1.044 h
        (0.5, "50%", "15 days"),  # 50.0% down; half of 30 days
        (1 - 1e-9, "99.9999999%", "2.59 ms"),  # 1e-9 down; 1e-9 × 2,592,000 s = 2.592 ms; never 100%
        # The double nearest 1 below it, 1 - 2^-53: 1.11022e-16 down → 1.11e-16, so 100% - 1.11e-14%,
        # and 1.11e-16 × 2,592,000 s = 2.877e-10 s = 0.288 ns. Still not 100%.
        (1 - 2**-53, "99.9999999999999889%", "0.288 ns"),
        (1.0, "100%", "0 s"),  # no downtime
        (0.0, "0%", "30 days"),
    ],
)
def test_availability_prints_100_percent_less_its_unavailability_to_three_digits(
    value: float, expected: str, down: str
) -> None:
    shown = estimation.availability(value, THIRTY_DAYS)
    assert str(shown) == expected
    assert f"{shown}" == expected
    assert str(shown.downtime()) == down
    assert shown == value and shown.unit == "%" and shown.window == THIRTY_DAYS
    assert type(shown * 2) is float  # arithmetic drops the formatting, as for any Quantity


def _downtime_by_hand(printed: str, window: float) -> str:
    """What a reader works out from a printed availability: 100% less it, of the window (exact)."""
    return human_duration(float((100 - Decimal(printed.removesuffix("%"))) / 100 * Decimal(window)))


def test_the_availability_tables_downtime_can_be_worked_from_their_printed_totals() -> None:
    chains = snippets.load("reference_availability_chains")
    rows = chains.chain_rows + chains.redundancy_rows
    assert len(rows) == 9 and all(len(row) == 5 for row in rows)
    for row in rows:
        for total, down in (row[1:3], row[3:5]):
            assert _downtime_by_hand(str(total), chains.SLO_WINDOW) == str(down), row
    drills = snippets.load("practice_drills")
    for total, down in [
        (chains.chain_of_10_at_three_nines, chains.chain_of_10_downtime),
        (drills.path_availability, drills.path_downtime),
        (drills.slip_series_availability, drills.slip_series_downtime),
        (drills.one_copy_availability, drills.one_copy_downtime),
    ]:
        assert _downtime_by_hand(str(total), chains.SLO_WINDOW) == str(down)


def test_every_availability_is_three_digits_short_of_100_percent_and_its_downtime_follows() -> None:
    """Any share, any window: 100% less the printed share has at most three significant digits, the
    share prints 100% only at 1, and the downtime is worked from the printed share."""
    generator = random.Random(48)
    values = [generator.random() for _ in range(500)]
    values += [1 - 10 ** -generator.uniform(0, 16) for _ in range(1_500)]  # the nines, up to the double's last
    for value in values:
        window = generator.choice([3_600, 86_400, 7 * 86_400, THIRTY_DAYS, 365 * 86_400])
        shown = estimation.availability(value, window)
        printed = str(shown)
        down = 100 - Decimal(printed.removesuffix("%"))
        assert len(down.normalize().as_tuple().digits) <= 3 or down == 0, (value, printed)
        assert (printed == "100%") == (value == 1), (value, printed)
        assert _downtime_by_hand(printed, window) == str(shown.downtime()), (value, printed)


def test_an_availability_survives_pickling_and_copying() -> None:
    """The build cache and the search pool's processes may hand a figure on: it keeps its window."""
    shown = estimation.availability(0.999**10, THIRTY_DAYS)
    copies = [pickle.loads(pickle.dumps(shown, protocol=p)) for p in range(pickle.HIGHEST_PROTOCOL + 1)]
    for again in [*copies, copy.copy(shown), copy.deepcopy(shown)]:
        assert type(again) is estimation.Availability and float(again) == float(shown)
        assert (again.window, str(again), str(again.downtime())) == (THIRTY_DAYS, "99.004%", "7.17 h")


@pytest.mark.parametrize(
    ("bad", "window", "message"),
    [
        (1.5, THIRTY_DAYS, "an availability is a share from 0 to 1"),
        (-0.1, THIRTY_DAYS, "an availability is a share from 0 to 1"),
        (float("nan"), THIRTY_DAYS, "an availability is a share from 0 to 1"),
        (True, THIRTY_DAYS, "an availability is a share from 0 to 1"),
        (0.99, 0, "a window is a positive number of seconds"),
        (0.99, math.inf, "a window is a positive number of seconds"),
    ],
)
def test_availability_refuses_what_is_not_a_share_over_a_window(bad, window, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        estimation.availability(bad, window)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (48, "48"),
        (999, "999"),
        (1_000, "1,000"),  # human() would print "1K"
        (1_008, "1,008"),  # human() would print "1.01K", which reads as a rounding slip beside its parts
        (9_999, "9,999"),  # the last count printed in full
        (10_000, "10K"),  # from here on, as human()
        (12_345, "12.3K"),
        (2_500_000, "2.5M"),
    ],
)
def test_servers_prints_a_whole_count_in_full_below_ten_thousand(value: int, expected: str) -> None:
    machines = estimation.servers(value)
    assert str(machines) == expected
    assert f"{machines}" == expected
    assert machines == value and machines.unit == "" and machines.rate is None
    assert type(machines + 1) is float  # arithmetic drops the formatting, as for any Quantity


@pytest.mark.parametrize("bad", [1_000.5, float("nan"), float("inf"), -1, True, "1000"])
def test_servers_refuses_what_is_not_a_whole_number(bad) -> None:
    with pytest.raises(ValueError, match="a count of machines is a whole number, at least 0"):
        estimation.servers(bad)


def test_output_text_prints_the_models_servers_as_the_pages_do() -> None:
    # The estimator's "Servers at peak" is a count of machines: "1,074" as on Twitter's step 2,
    # where human() would print "1.07K"; every other output prints through human().
    assert estimation.output_text(1_074, "machines") == "1,074"
    assert estimation.output_text(10_000, "machines") == "10K"
    assert estimation.output_text(1_157.4, "/s") == "1.16K/s"
    with pytest.raises(ValueError, match="a count of machines is a whole number"):
        estimation.output_text(1_074.5, "machines")


@pytest.mark.parametrize(("servers", "zones", "whole"), [(99, 3, 99), (99.5, 3, 102), (100, 3, 102), (1, 3, 3)])
def test_whole_per_zone_rounds_each_zone_up(servers: float, zones: int, whole: int) -> None:
    assert estimation.whole_per_zone(servers, zones) == whole


# By hand: 1 + 2 + 4 = 7 fits in 8 and adding 8 would make 15; a cap of exactly 7 still takes the 4;
# a cap below the first wait takes none; 1.5-second steps in 40 s: 1.5 + 3 + 6 + 12 = 22.5, and 24 more is too many.
@pytest.mark.parametrize(
    ("first", "cap", "waits"),
    [(1, 8, [1, 2, 4]), (1, 7, [1, 2, 4]), (1, 0.5, []), (1.5, 40, [1.5, 3, 6, 12])],
)
def test_doubling_waits_fit_in_the_cap(first: float, cap: float, waits: list[float]) -> None:
    assert estimation.doubling_waits(first, cap) == waits


# A first wait of 0 (or less) never adds to the sum, so the loop would never end; a negative cap is a typo.
@pytest.mark.parametrize(
    ("first", "cap", "message"),
    [
        (0, 8, "the first wait must be positive, not 0"),
        (-1, 8, "the first wait must be positive, not -1"),
        (1, -1, "the cap on the waits must not be negative, not -1"),
    ],
)
def test_doubling_waits_rejects_a_wait_that_cannot_fill_the_cap(first: float, cap: float, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        estimation.doubling_waits(first, cap)


# By hand: in 19 s, 1 + 2 + 4 + 8 = 15 (16 more would pass it), 4 retries and a last one at the cap: 5;
# at half length 0.5 + 1 + 2 + 4 + 8 = 15.5, 5 and the last: 6. In 8 s, 1 + 2 + 4 = 7, 3 and the
# last: 4; at half length 0.5 + 1 + 2 + 4 = 7.5, 4 and the last: 5. In 7 s, 1 + 2 + 4 ends exactly
# on the cap, so no last retry: 3. A cap of 0.5 s below the first wait: no wait fits, one retry at it.
@pytest.mark.parametrize(
    ("first", "cap", "share", "rounds"),
    [(1, 19, 1.0, 5), (1, 19, 0.5, 6), (1, 8, 1.0, 4), (1, 8, 0.5, 5), (1, 7, 1.0, 3), (1, 0.5, 1.0, 1)],
)
def test_rounds_within_count_a_last_retry_at_the_cap(first: float, cap: float, share: float, rounds: int) -> None:
    assert estimation.rounds_within(first, cap, share) == rounds


# By hand, waits doubling from 2 s: at full length 2, 6, 14 s, and the next (16 s) would reach 30 s,
# so the last comes at the 19 s cap; at half length 1, 3, 7, 15 s, then 19 s; in 8 s, 1, 3, 7 s,
# then 8 s. Draws of 1.8 + 3.8 + 5 + 8 = 18.6 s leave 0.4 s to the cap: the last retry waits the
# 1 s Retry-After, to 19.6 s. Full-length waits 1 + 2 + 4 end exactly on a 7 s cap: no retry after.
@pytest.mark.parametrize(
    ("first", "cap", "shares", "times"),
    [
        (2, 19, [1, 1, 1, 1], [2, 6, 14, 19]),
        (2, 19, [0.5] * 5, [1, 3, 7, 15, 19]),
        (2, 8, [0.5] * 4, [1, 3, 7, 8]),
        (2, 19, [0.9, 0.95, 0.625, 0.5, 0.5], [1.8, 5.6, 10.6, 18.6, 19.6]),
        (1, 7, [1, 1, 1, 1], [1, 3, 7]),
    ],
)
def test_retry_times_never_come_sooner_than_retry_after(
    first: float, cap: float, shares: list[float], times: list[float]
) -> None:
    assert estimation.retry_times(first, cap, 1, shares) == pytest.approx(times)


@pytest.mark.parametrize(
    ("first", "shares", "retry_after", "message"),
    [
        (2, [1, 1], 1, "2 shares end before the cap of 19: give one for every wait"),
        (2, [1, 0], 1, "every wait must be positive, not 0"),
        (2, [1] * 4, -1, "Retry-After must not be negative, not -1"),
    ],
)
def test_retry_times_rejects_draws_that_cannot_reach_the_cap(
    first: float, shares: list[float], retry_after: float, message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        estimation.retry_times(first, 19, retry_after, shares)


# The grid (6 steps, 0.5 to 1) reaches sums just under the cap, such as 18.2 s in 19 s: every gap,
# the first wait's included, is at least Retry-After, and the rounds run 4 to 5 (19 s), 3 to 4 (8 s).
@pytest.mark.parametrize(("cap", "rounds"), [(19, {4, 5}), (8, {3, 4})])
def test_jittered_retry_times_keep_every_gap_at_retry_after(cap: float, rounds: set[int]) -> None:
    schedules = estimation.jittered_retry_times(2, cap, 1)
    gaps = [b - a for times in schedules for a, b in zip([0.0, *times], times, strict=False)]
    assert round(min(gaps), 6) == 1
    assert any(cap - 1 < times[-2] < cap for times in schedules if len(times) > 1)
    assert {len(times) for times in schedules} == rounds
    with pytest.raises(ValueError, match="a grid of draws needs at least 2 steps, not 1"):
        estimation.jittered_retry_times(2, cap, 1, steps=1)


# By hand, the grid's draws are multiples of 0.2 s (shares 0.5, 0.6 ... 1 of waits of 2, 4, 8, 16 s), so the
# latest sum of draws under an 8 s cap is 7.8 s (1.8 + 2 + 4, say), its last retry 1 s later at 8.8 s;
# under 19 s, 18.8 s and 19.8 s. The earliest last retry is at the cap; rounds 3 to 4, and 4 to 5.
@pytest.mark.parametrize(("cap", "spread"), [(8, (1, 8, 8.8, 3, 4)), (19, (1, 19, 19.8, 4, 5))])
def test_retry_spread_sums_up_every_draw(cap: float, spread: tuple) -> None:
    assert tuple(estimation.retry_spread(2, cap, 1)) == pytest.approx(spread)


# 0.1 * 3 * 10 is 3.0000000000000004 in floating point: a plain ceiling would say 4. Noise below a
# millionth is ignored (3.0000004); a fraction from a millionth up still rounds up (3.000002).
@pytest.mark.parametrize(("value", "whole"), [(0.1 * 3 * 10, 3), (3.0000004, 3), (3.000002, 4), (26.05, 27)])
def test_whole_up_ignores_float_noise_but_not_a_real_fraction(value: float, whole: int) -> None:
    assert estimation.whole_up(value) == whole


@pytest.mark.parametrize("alpha", [0.6, 0.8, 1.0, 1.2])
@pytest.mark.parametrize("k", [1, 9_999.5, 10_000, 10_001, 123_457, 400_000])
def test_zipf_served_matches_the_sum_term_by_term(alpha: float, k: float) -> None:
    # Past 10,000 terms the sum is the Euler-Maclaurin formula's: it must agree with the terms.
    exact_sum = math.fsum(i**-alpha for i in range(1, int(k) + 1))
    assert estimation.zipf_served(k, alpha) == pytest.approx(exact_sum, rel=1e-12)


def test_a_rate_knows_whether_it_is_an_average_or_a_peak() -> None:
    assert estimation.per_second(10).rate == "average"
    assert estimation.per_second(10, peak=True).rate == "peak"
    assert estimation.peak(10).rate == "peak"
    assert estimation.throughput(10).rate == "throughput"
    assert estimation.size(10).rate is None
    assert repr(estimation.peak(3.0)) == "Quantity(3.0, '/s', rate='peak')"
    with pytest.raises(ValueError, match="unknown rate kind 'busy'"):
        estimation.Quantity(1, "/s", "busy")


def test_markdown_table_refuses_a_cell_too_long_for_a_phone() -> None:
    # 61 words of four letters and 60 spaces: 304 characters; a link counts as its text (60 + 10 + 230 = 300).
    at_the_limit = "word " * 12 + "[the words](https://example.com) " + "x" * 230
    assert estimation.markdown_table(("Figure", "Why"), [("a", at_the_limit)])
    with pytest.raises(ValueError) as error:
        estimation.markdown_table(("Figure", "Why"), [("a", "b"), ("c", "word " * 61)])
    assert str(error.value) == (
        "markdown_table: row 2, column 'Why': a table cell of 304 characters, more than the 300 a phone shows in a "
        'column: shorten it (it starts "word word word word word word word word "), or say the rest under the table'
    )


def test_markdown_table_refuses_an_average_in_a_peak_column() -> None:
    average, peak = estimation.per_second(5787), estimation.peak(17361)
    assert "17.4K/s" in estimation.markdown_table(("Figure", "Average", "Peak"), [("Tweets", average, peak)])
    with pytest.raises(ValueError) as error:
        estimation.markdown_table(("Figure", "Average", "Peak"), [("Tweets", average, average)])
    assert str(error.value) == "markdown_table: row 1 puts average rate 5.79K/s in the column 'Peak', which says 'peak'"
    with pytest.raises(ValueError) as error:
        estimation.markdown_table(("Figure", "Requests on average"), [("Tweets", peak)])
    assert str(error.value) == (
        "markdown_table: row 1 puts peak rate 17.4K/s in the column 'Requests on average', which says 'average'"
    )
    # A header naming both, or neither, says nothing about which one a cell must be.
    estimation.markdown_table(("Peak-to-average", "Rate"), [(average, peak)])


def test_time_constants() -> None:
    assert estimation.SECONDS_PER_DAY == 24 * 60 * 60
    assert estimation.SECONDS_PER_YEAR == 31_536_000
    assert estimation.SECONDS_PER_MONTH == 2_628_000  # a twelfth of a 365-day year


# --- The sizing model ----------------------------------------------------------------------------

URL_SHORTENER = {
    "daily_active_users": 100e6,
    "writes_per_user_per_day": 0.1,
    "reads_per_user_per_day": 10,
    "write_size_bytes": 500,
    "read_size_bytes": 500,
    "peak_to_average": 3,
    "replication_factor": 3,
    "retention_years": 10,
    "cache_fraction": 0.2,
    "requests_per_server": 5000,
}


def test_estimate_matches_hand_arithmetic() -> None:
    result = estimate(URL_SHORTENER)
    assert list(result) == list(estimation.OUTPUTS)
    # 10M writes a day / 86,400 = 115.74/s; 1B reads a day / 86,400 = 11,574/s.
    assert result["write_qps_avg"] == pytest.approx(115.7407, rel=1e-6)
    assert result["read_qps_avg"] == pytest.approx(11_574.07, rel=1e-6)
    assert result["write_qps_peak"] == pytest.approx(347.2222, rel=1e-6)
    assert result["read_qps_peak"] == pytest.approx(34_722.22, rel=1e-6)
    # 10M writes x 500 B = 5 GB a day; x 365 x 10 years x 3 copies = 54.75 TB.
    assert result["storage_per_day_bytes"] == 5e9
    assert result["storage_total_bytes"] == 54.75e12
    assert result["ingress_bytes_per_sec"] == pytest.approx(57_870.37, rel=1e-6)
    assert result["egress_bytes_per_sec"] == pytest.approx(5_787_037, rel=1e-6)
    # 20% of 1B reads x 500 B = 100 GB.
    assert result["cache_bytes"] == 100e9
    # (347.2 + 34,722.2) / 5,000 = 7.01 -> 8 servers.
    assert result["servers"] == 8


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"daily_active_users": None}, "daily_active_users: must be a number, got null"),
        ({"daily_active_users": "lots"}, 'daily_active_users: must be a number, got "lots"'),
        ({"daily_active_users": True}, "daily_active_users: must be a number, got true"),
        ({"write_size_bytes": -1}, "write_size_bytes: must not be negative, got -1"),
        ({"read_size_bytes": math.inf}, "read_size_bytes: must be a finite number, got Infinity"),
        ({"peak_to_average": 0.5}, "peak_to_average: must be at least 1, got 0.5"),
        ({"replication_factor": 0}, "replication_factor: must be at least 1, got 0"),
        ({"cache_fraction": 1.5}, "cache_fraction: must be between 0 and 1, got 1.5"),
        ({"requests_per_server": 0}, "requests_per_server: must be greater than 0"),
        ({"colour": 1}, "colour: unknown field; expected one of daily_active_users, "),
    ],
)
def test_estimate_rejects_bad_input_naming_the_field(change: dict, message: str) -> None:
    inputs = {**URL_SHORTENER, **change}
    with pytest.raises(estimation.InputError) as error:
        estimate(inputs)
    assert str(error.value).startswith(message)


def test_estimate_reports_a_missing_field() -> None:
    inputs = dict(URL_SHORTENER)
    del inputs["retention_years"]
    with pytest.raises(estimation.InputError, match=r"^retention_years: missing$"):
        estimate(inputs)


# Each field is valid alone; together they pass the largest double (about 1.8e308).
OVERFLOWS = [
    # 1e300 users x 1e10 writes: infinite from the first output on.
    (
        {"daily_active_users": 1e300, "writes_per_user_per_day": 1e10},
        "the inputs multiply past what a number can hold: lower daily_active_users or writes_per_user_per_day",
    ),
    # 1e308 bytes a day is finite; x 365 is not, and x 0 years makes it NaN rather than infinite.
    (
        {"daily_active_users": 1e300, "writes_per_user_per_day": 1, "write_size_bytes": 1e8, "retention_years": 0},
        "the inputs multiply past what a number can hold: lower daily_active_users, writes_per_user_per_day, "
        "write_size_bytes, replication_factor or retention_years",
    ),
    (
        {"daily_active_users": 1e300, "writes_per_user_per_day": 0, "read_size_bytes": 1e10, "cache_fraction": 1},
        "the inputs multiply past what a number can hold: lower daily_active_users, reads_per_user_per_day, "
        "read_size_bytes or cache_fraction",
    ),
    # A server that handles almost nothing: every rate is small, the count of servers is not.
    (
        {"requests_per_server": 1e-305},
        "the inputs multiply past what a number can hold: lower daily_active_users, writes_per_user_per_day, "
        "reads_per_user_per_day or peak_to_average, or raise requests_per_server",
    ),
]


@pytest.mark.parametrize(("change", "message"), OVERFLOWS)
def test_estimate_refuses_an_output_past_what_a_number_can_hold(change: dict, message: str) -> None:
    with pytest.raises(estimation.InputError) as error:
        estimate({**URL_SHORTENER, **change})
    assert str(error.value) == message


def test_output_inputs_name_what_each_output_grows_and_shrinks_with() -> None:
    """OUTPUT_INPUTS, from which an overflow's message names the inputs to change, against the
    model: raising an input raises the outputs that list it first and lowers those that list it
    second, and leaves the rest alone."""
    assert list(estimation.OUTPUT_INPUTS) == list(estimation.OUTPUTS)
    # Servers well above 1, so that the ceiling does not hide a change.
    base = {name: 2.0 for name in estimation.INPUTS} | {"daily_active_users": 1e6, "cache_fraction": 0.2}
    before = estimate(base)
    for name in estimation.INPUTS:
        after = estimate({**base, name: base[name] * 4})
        for output, (grows, shrinks) in estimation.OUTPUT_INPUTS.items():
            said = "up" if name in grows else "down" if name in shrinks else "same"
            went = "up" if after[output] > before[output] else "down" if after[output] < before[output] else "same"
            assert went == said, f"raising {name} moves {output} {went}; OUTPUT_INPUTS says {said}"
    for output, lists in estimation.OUTPUT_INPUTS.items():
        for names in lists:  # in the order of the form, as the message lists them
            assert list(names) == [n for n in estimation.INPUTS if n in names], output


# --- Snippets ------------------------------------------------------------------------------

SNIPPET_FILES = sorted(path.name for path in SNIPPETS.glob("*.py"))


@pytest.mark.parametrize("segment", ["finished_segment_tweets", "today_segment_tweets"])
def test_search_dictionary_terms_match_a_sum_a_hundred_times_finer(segment: str) -> None:
    # concept_search sums a segment's expected distinct terms over rank buckets 1% wide, each rank
    # taken at its bucket's middle. A sum over buckets 0.01% wide (ranks below 100,000 one by one),
    # whose own error is thousands of times smaller, must agree; summing all 100M ranks one by one
    # agrees as well (to 8e-7 and 4.4e-6) but takes about 10 s a segment. Both segments it counts: a
    # finished shard-day's one, force-merged, and each of today's.
    search = snippets.load("concept_search")
    tweets = getattr(search, segment)
    per_rank = search.TERMS_PER_TWEET / search.harmonic  # a rank's share of tweets is per_rank / rank
    vocabulary = int(search.VOCABULARY)
    finer, rank = 0.0, 1
    while rank <= vocabulary:
        width = min(1 if rank < 100_000 else rank // 10_000, vocabulary - rank + 1)
        share = min(1.0, per_rank / (rank + (width - 1) / 2))
        finer += width * (1.0 if share >= 1 else -math.expm1(tweets * math.log1p(-share)))
        rank += width
    assert search.distinct_terms(tweets) == pytest.approx(finer, rel=1e-5)


@pytest.mark.parametrize("name", SNIPPET_FILES)
def test_each_snippet_runs_as_a_script_and_imports_quietly(name: str) -> None:
    # In this process, with what it imports loaded once (a process per snippet imported its
    # dependencies again each time: 70 CPU-seconds a run, most of it rate_limiter_servers' dynamic
    # program under a dozen importers). Its own file runs fresh both ways; the command line itself
    # is the next test's.
    snippets.load(name.removesuffix(".py"))
    path = str(SNIPPETS / name)
    imported, as_script = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(imported):
        runpy.run_path(path, run_name=name.removesuffix(".py"))
    with contextlib.redirect_stdout(as_script):
        runpy.run_path(path, run_name="__main__")
    printed = imported.getvalue()
    assert printed == "", f"importing {name} must not print (guard it with __name__): {printed!r}"
    assert as_script.getvalue().startswith("|"), f"{name} should print its figures as a table"


def test_a_snippet_runs_from_the_command_line_as_contributing_says() -> None:
    """`python docs/snippets/x.py` in a fresh process: the snippet's folder first on the path and
    sdw installed are all it needs. twitter_traffic imports other snippets and the estimation module."""
    alone = run([sys.executable, "docs/snippets/twitter_traffic.py"], cwd=ROOT)
    assert alone.returncode == 0, alone.stderr
    assert alone.stdout.startswith("|"), alone.stdout


def test_a_changed_snippet_is_run_again_with_its_importers_and_no_other(tmp_path: Path) -> None:
    """A preview rebuilds in one process: after an edit, the edited snippet and every snippet that
    imports it, directly or not, must run again; the others are kept (the edit-to-reload time)."""
    (tmp_path / "base.py").write_text("x = 1\n")
    (tmp_path / "middle.py").write_text("from base import x\n\ny = x + 1\n")
    (tmp_path / "top.py").write_text("from middle import y\n\nz = y * 10\n")
    (tmp_path / "other.py").write_text("w = 3\n")
    try:
        snippets.use(tmp_path)
        other = snippets.load("other")
        assert snippets.load("top").z == 20
        (tmp_path / "base.py").write_text("x = 2  # edited\n")
        snippets.use(tmp_path)
        assert snippets.load("top").z == 30
        assert snippets.load("other") is other
        (tmp_path / "middle.py").unlink()  # deleted while previewing: forgotten, and no crash
        snippets.use(tmp_path)
        assert snippets.load("other") is other and not snippets.exists("middle")
        (tmp_path / "added.py").write_text("v = 4\n")  # added while previewing: found
        snippets.use(tmp_path)
        assert snippets.exists("added") and snippets.load("added").v == 4
    finally:
        snippets.use(SNIPPETS)


def test_a_snippet_that_raised_raises_again_unrun_until_a_file_changes(tmp_path: Path) -> None:
    """A page cites hundreds of figures: a broken snippet must not run again for each one while the
    files are unchanged (a preview's rebuild took four times as long), and must run once fixed."""
    runs = tmp_path / "runs.txt"
    (tmp_path / "broken.py").write_text(f"open({str(runs)!r}, 'a').write('run\\n')\n\nx = 1 / 0\n")
    try:
        snippets.use(tmp_path)
        for _ in range(3):
            with pytest.raises(ZeroDivisionError) as raised:
                snippets.load("broken")
            assert snippets.failure(raised.value).endswith("broken.py:3 raised ZeroDivisionError: division by zero")
        assert runs.read_text() == "run\n"
        (tmp_path / "broken.py").write_text(f"open({str(runs)!r}, 'a').write('run\\n')\n\nx = 1 / 1\n")
        snippets.use(tmp_path)
        assert snippets.load("broken").x == 1.0 and runs.read_text() == "run\nrun\n"
    finally:
        snippets.use(SNIPPETS)


# --- Every figure, pinned by hand ----------------------------------------------------------------
#
# tests/pins/GROUP.yml holds each figure's printed value with the hand arithmetic that reproduces
# it. A group is a worked example of data/examples.yml (its pages, its entry there and its cards),
# or one of the sections below with the cards of data/cards.yml filed under them. The tests find
# the figures themselves: every md:fig a group cites must be pinned in its file.

PINS = ROOT / "tests" / "pins"
FIGURE = re.compile(r"<!--\s*md:fig\s+(?P<figure>[\w]+\.[\w]+)\s*-->")
EXAMPLES = load_examples(ROOT)["examples"]
CARDS = read_yaml(ROOT / CARDS_FILE)
# The sections outside the worked examples: their pages, and the card sections filed with them.
SECTIONS = {
    "reference": (["docs/reference/*.md"], lambda section: section == "reference"),
    "concepts": (["docs/concepts/*.md"], lambda section: section == "concepts"),
    "workflow": (
        ["docs/index.md", "docs/workflow/*.md", "docs/tools/*.md", "docs/about/*.md"],
        lambda section: section.startswith("step-"),
    ),
    # The practice pages' own figures (the drills); their cards' figures are pinned with their sections.
    "practice": (["docs/practice/*.md"], lambda section: False),
}


def pin_file(group: str) -> Path:
    return PINS / f"{group.replace('-', '_')}.yml"


def group_pins(group: str) -> dict[str, str]:
    path = pin_file(group)
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}


def _cite(cited: dict[str, str], text: str, where: str) -> None:
    for match in FIGURE.finditer(text):
        cited.setdefault(match["figure"], where)


def group_sources(group: str) -> tuple[list[Path], Callable[[str], bool]]:
    """The group's pages (templates, which are not built, left out) and which card sections are its."""
    example = next((e for e in EXAMPLES if e["name"] == group), None)
    if example is not None:
        patterns = [posixpath.dirname(example["pages"][1]) + "/*.md"]
        in_section = lambda section: section == f"example-{group}"  # noqa: E731
    else:
        patterns, in_section = SECTIONS[group]
        patterns = [pattern.removeprefix("docs/") for pattern in patterns]
    pages = [page for pattern in patterns for page in sorted((ROOT / "docs").glob(pattern))]
    return [page for page in pages if not page.name.startswith("_")], in_section


def cited_figures(group: str) -> dict[str, str]:
    """Every figure the group cites -> where (a page, data/examples.yml or data/cards.yml)."""
    cited: dict[str, str] = {}
    example = next((e for e in EXAMPLES if e["name"] == group), None)
    pages, in_section = group_sources(group)
    for page in pages:
        _cite(cited, page.read_text(encoding="utf-8"), page.relative_to(ROOT).as_posix())
    if example is not None:
        _cite(cited, yaml.safe_dump(example), "data/examples.yml")
        cited.update({figure: "data/examples.yml model_agrees" for figure in example.get("model_agrees", {}).values()})
    for card in CARDS:
        if in_section(card["section"]):
            _cite(cited, card["question"] + "\n" + card["answer"], f"data/cards.yml card {card['id']}")
    return cited


GROUPS = [e["name"] for e in EXAMPLES] + list(SECTIONS)
# The pins by group and snippet: one test checks a snippet's pins in a group and names every one
# that differs. One test a pin was 6,300 tests, whose reports cost the run more than the checks.
PIN_SETS: dict[tuple[str, str], dict[str, str]] = {}
for _group in GROUPS:
    for _figure, _value in group_pins(_group).items():
        PIN_SETS.setdefault((_group, _figure.split(".")[0]), {})[_figure] = _value


@pytest.mark.parametrize("group", GROUPS)
def test_every_figure_a_page_cites_is_pinned(group: str) -> None:
    pins = group_pins(group)
    unpinned = [f"{figure} (cited in {where})" for figure, where in cited_figures(group).items() if figure not in pins]
    assert unpinned == [], (
        f"pin these in {pin_file(group).relative_to(ROOT).as_posix()}, each with its hand arithmetic: {unpinned}"
    )


def test_every_page_and_card_citing_figures_belongs_to_a_pinned_group() -> None:
    """A page in a new folder, or a card in a section no group takes, would otherwise cite figures
    that no pin file checks, and pass."""
    sources = [group_sources(group) for group in GROUPS]
    grouped = {page for pages, _ in sources for page in pages}
    ungrouped = [
        page.relative_to(ROOT).as_posix()
        for page in sorted((ROOT / "docs").rglob("*.md"))
        if page not in grouped and not page.name.startswith("_") and FIGURE.search(page.read_text(encoding="utf-8"))
    ]
    ungrouped += [
        f"{CARDS_FILE} card {card['id']} (section {card['section']})"
        for card in CARDS
        if FIGURE.search(card["question"] + card["answer"]) and not any(takes(card["section"]) for _, takes in sources)
    ]
    assert ungrouped == [], (
        f"these cite figures but no pin file covers them; add their folder or section to SECTIONS: {ungrouped}"
    )


@pytest.mark.parametrize(("group", "snippet"), PIN_SETS, ids=lambda x: x)
def test_figures_equal_hand_checked_values(group: str, snippet: str) -> None:
    module = snippets.load(snippet)
    differ = {}
    for figure, value in PIN_SETS[group, snippet].items():
        printed = str(getattr(module, figure.split(".")[1]))
        if printed != value:
            differ[figure] = (printed, value)
    if not differ:
        return
    path = pin_file(group)
    lines = path.read_text(encoding="utf-8").splitlines()
    problems = []
    for figure, (printed, value) in differ.items():
        keys = (f'"{figure}":', f"'{figure}':", f"{figure}:")
        line = next(n for n, text in enumerate(lines, 1) if text.startswith(keys))
        problems.append(
            f"{path.relative_to(ROOT).as_posix()}:{line}: {figure} prints {printed!r}, pinned {value!r}; "
            "check the new value by hand, then update the pin and its arithmetic"
        )
    pytest.fail("\n".join(problems))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["name"])
def test_each_preset_is_its_examples_model(example: dict) -> None:
    """The estimator's preset is derived from the example's assumptions: the simpler model gives
    the same figures where it models the same thing (the page says why the others differ)."""
    from sdw.presets import presets

    where = f"data/examples.yml: example '{example['name']}'"
    assert example.get("model_agrees"), f"{where}: name the figures the model must reproduce under model_agrees"
    assert example.get("preset") in presets(), (
        f"{where}: preset {example.get('preset')!r} is not in presets() of src/sdw/presets.py "
        f"(it has: {', '.join(presets())})"
    )
    result = estimate(presets()[example["preset"]]["inputs"])
    for output, figure in example["model_agrees"].items():
        assert output in result, f"{where}: model_agrees.{output} is no output of the model ({', '.join(result)})"
        snippet, name = figure.split(".")
        quantity = getattr(snippets.load(snippet), name)
        modelled = estimation.output_text(result[output], estimation.OUTPUTS[output][1])
        assert modelled == str(quantity), (
            f"{where}: model_agrees.{output}: the preset's model gives {modelled}, {figure} prints {quantity}; "
            "derive the preset's inputs from the same assumptions"
        )


# --- Literals in a page's code blocks, which md:fig cannot reach -----------------------------------

# Ticket booking step 3's example answers: each literal (a regex whose group is the value) and what the
# snippet computes for it. A shortcode cannot be filled in inside a code block, so the values are typed, and
# this holds them to the snippet: a change to the clock, the rate or the window fails here.
TICKET_STEP_3 = ROOT / "docs" / "examples" / "ticket-booking" / "step-3-api.md"


def ticket_step_3_literals() -> list[tuple[str, str, str]]:
    """(what, pattern with one group, the value the snippet computes) for step 3's example."""
    traffic = snippets.load("ticket_booking_traffic")
    return [
        ("starts_at", r'"starts_at": "([^"]*)"', f"{traffic.EXAMPLE_START:%Y-%m-%dT%H:%M:%SZ}"),
        ("the start in the prose", r"after the (\d\d:\d\d) start", f"{traffic.EXAMPLE_START:%H:%M}"),
        ("position", r'"position": (\d+)', str(int(float(traffic.example_position)))),
        ("estimated_wait_s", r'"estimated_wait_s": (\d+)', str(traffic.example_wait_answer)),
        ("access_ends_at_threshold", r'"access_ends_at_threshold": (\d+)', str(int(float(traffic.example_access_end)))),
        ("the hold's expires_at", r'"expires_at": "([^"]*)"', traffic.example_expires_at),
    ]


def test_ticket_booking_step_3_example_literals_follow_the_snippet() -> None:
    lines = TICKET_STEP_3.read_text(encoding="utf-8").splitlines()
    where = TICKET_STEP_3.relative_to(ROOT).as_posix()
    problems = []
    for what, pattern, computed in ticket_step_3_literals():
        found = [(n, match[1]) for n, line in enumerate(lines, 1) for match in re.finditer(pattern, line)]
        if not found:
            problems.append(f"{where}: no {what} found (pattern {pattern!r}); the snippet computes {computed}")
        problems += [
            f"{where}:{n}: {what} is {value}, the snippet computes {computed}"
            for n, value in found
            if value != computed
        ]
    assert problems == [], "\n".join(problems)


# A position or access token is base64 of "pos." or "acc.", the show, the draw, the account and the position,
# then a signature (step 3); the examples' tokens must carry the example's position.
TICKET_TOKEN = re.compile(
    r'(?:"(?:position_token|access_token)": "|(?:Queue-Position|Show-Access): )([A-Za-z0-9+/=]+)\.'
)


def test_ticket_booking_step_3_tokens_carry_the_example_position() -> None:
    position = str(int(float(snippets.load("ticket_booking_traffic").example_position)))
    where = TICKET_STEP_3.relative_to(ROOT).as_posix()
    problems, checked = [], 0
    for n, line in enumerate(TICKET_STEP_3.read_text(encoding="utf-8").splitlines(), 1):
        for match in TICKET_TOKEN.finditer(line):
            try:
                text = base64.b64decode(match[1], validate=True).decode("ascii")
            except (binascii.Error, UnicodeDecodeError):
                problems.append(f"{where}:{n}: token {match[1]!r} is not base64 of text")
                continue
            if text.startswith(("pos.", "acc.")):
                checked += 1
                if text.rsplit(".", 1)[-1] != position:
                    problems.append(f"{where}:{n}: token {text!r} carries another position than {position}")
    assert checked >= 4, f"{where}: found {checked} position and access tokens, expected at least 4"
    assert problems == [], "\n".join(problems)


# --- The pages print the same figures ----------------------------------------------------------

# Figures each page must show, as a reader sees them. A drift between page and code, or an
# assumption changed without updating these hand-checked values, fails the page's own test.
PAGE_FIGURES = {
    "examples/twitter/step-2-estimation/index.html": [
        "5.79K/s",
        "17.4K/s",
        "28.9K/s",
        "868K/s",  # (2.5B loads + 1.25B profile views) x 20 / 86,400
        "1.16M/s",
        "150 GB/day",
        "821 TB",
        # 50M photos x 500 KB + 5M videos x 21.75 MB (top rung 7.5, the original kept for the 90% whose top rung
        # is re-encoded 6.75, 3 lower renditions 7.5) = 25 + 108.75 = 133.75 TB a day
        "134 TB/day",
        "366 PB",  # 133.75 TB a day x 1,825 days x 1.5 erasure coding = 366.1 PB
        "27.7 GB/s",
        "22.3 TB",  # 375M weekly users x (800 entries x 24 B + 643 B beside each timeline) x 3 copies
        "1,146",  # 387 API + 330 wide-column store (110 a zone, sized for 80%, a zone lost) + 291 timeline (sized for
        # 80% full) + 51 tweet,
        # 36 user and 51 count cache (48, 33, 48 for operations with hedges, + a spare a zone); servers() prints it
        "31 GB/day",
        "56.6 TB",
        "6K/s",
    ],
    # The URL shortener preset (derived from url_shortener_assumptions.py): 100M links a day x
    # 330.2 B (owner_id charged on the 80% of links with an owner, three one-byte status cells) x 365 x 10 years
    # x 3 copies = 361.6 TB.
    "workflow/step-2-scale-estimation/index.html": ["11.6/s", "1.16K/s", "13.6%", "5.12%", "362 TB", "7.37%", "12.6%"],
}


def page_text(site: Path, page: str) -> str:
    """A page's text without its "last update" date, which a copy outside git dates to the build."""
    tree = page_tree(site / page)
    # Scripts and styles are not text a reader sees (Material's settings would count otherwise).
    for node in tree.css(".git-revision-date-localized-plugin, script, style"):
        node.decompose()
    return tree.root.text(separator=" ")


@pytest.mark.parametrize("page", list(PAGE_FIGURES))
def test_page_prints_the_hand_checked_figures(built_site: Path, page: str) -> None:
    text = page_text(built_site, page)
    # Whole figures only: "6K/s" must not be found inside "48.6K/s".
    missing = [figure for figure in PAGE_FIGURES[page] if not re.search(rf"(?<![\w.,]){re.escape(figure)}(?!\w)", text)]
    assert missing == [], f"{page} no longer shows {missing}"


def test_no_shortcode_is_left_unexpanded(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        assert "md:fig" not in page.read_text(encoding="utf-8"), page


@pytest.mark.long
def test_changing_one_assumption_changes_its_pages_and_leaves_a_general_page_alone(
    built_site: Path, site_copy: Path, tmp_path: Path
) -> None:
    """Double the tweets per day: a page citing a tweet-driven figure changes, a general page does not."""
    replace_once(site_copy / "docs/snippets/twitter_assumptions.py", "per_day(500e6)", "per_day(1000e6)")
    rebuilt = tmp_path / "rebuilt"
    result = mkdocs_build(site_copy, rebuilt)
    assert result.returncode == 0, result.stderr
    # Only the pages asserted on are parsed: the whole site (the print page holds all of it) took
    # longer to parse twice than to build.
    # The general page prints figures of twitter_assumptions itself (its scope block's targets, and
    # the compare table's Twitter row), none of which the tweet rate moves; the restore time, which
    # grows with the tweets, is on step 7.
    step_2, general, restore = (
        "examples/twitter/step-2-estimation/index.html",
        "workflow/step-1-requirements-clarification/index.html",
        "workflow/step-7-bottlenecks/index.html",
    )
    assert page_text(rebuilt, step_2) != page_text(built_site, step_2)
    assert page_text(rebuilt, general) == page_text(built_site, general)
    assert "11.6K/s" in page_text(rebuilt, step_2)  # 1B/day
    # The restore time moved to step 7 with the tweets: it changes there, from 6.39 h (backups with no
    # log to replay, as step 1's scope block has them).
    assert "6.39 h" in page_text(built_site, restore)
    assert "9.08 h" in page_text(rebuilt, restore) and "6.39 h" not in page_text(rebuilt, restore)
