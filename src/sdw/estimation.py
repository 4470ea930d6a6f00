"""Back-of-the-envelope estimation: units, time constants, formatting and the sizing model.

This is the one place the site's arithmetic conventions live. The snippets shown on the pages,
`scripts/estimate.py` and the browser estimator (docs/tools/estimator.js, a line-for-line
port of `estimate`, `human` and `input_text`) all follow it, and the tests hold them to it.

Conventions:
- Sizes are decimal (1 KB = 1,000 bytes), as disks and networks count them (AWS's S3 bills count a GB
  as 2^30 bytes, and memory is binary: convert with GiB); the powers-of-two page shows how far KiB,
  MiB... drift from them.
- Figures print with three significant digits: 1157.4 tweets/s -> "1.16K/s".
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import NamedTuple

# --- Units (decimal, bytes) -------------------------------------------------------------
KB = 1_000
MB = 1_000 * KB
GB = 1_000 * MB
TB = 1_000 * GB
PB = 1_000 * TB

# --- Binary units, for the powers-of-two reference ---------------------------------------
KiB = 2**10
MiB = 2**20
GiB = 2**30
TiB = 2**40
PiB = 2**50

# --- Time -------------------------------------------------------------------------------
SECONDS_PER_MINUTE = 60
SECONDS_PER_HOUR = 3_600
SECONDS_PER_DAY = 86_400
DAYS_PER_YEAR = 365
SECONDS_PER_YEAR = SECONDS_PER_DAY * DAYS_PER_YEAR  # 31,536,000
# An average month (a twelfth of a year): 2,628,000 s.
SECONDS_PER_MONTH = SECONDS_PER_YEAR // 12

# --- Formatting ---------------------------------------------------------------------------
# Scales are written out rather than computed (1000 ** i) so that the JavaScript port divides
# by exactly the same doubles and rounds to exactly the same text.
_SCALES = (1.0, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18)  # 1000**index: human() moves the point by 3 * index
COUNT_SUFFIXES = ("", "K", "M", "B", "T")
BYTE_SUFFIXES = ("B", "KB", "MB", "GB", "TB", "PB", "EB")

# The units a figure can carry. Counts take the suffix straight after the number ("1.16K/s"),
# sizes take a space ("30.4 GB/day"); "%" prints a fraction as a percentage, "x" a multiplier
# ("3×", "41.7K×"), and "s" a duration in the largest unit that keeps it at or above 1 ("8.77 h").
COUNT_UNITS = ("", "/s", "/day")
BYTE_UNITS = ("B", "B/s", "B/day")
OTHER_UNITS = ("%", "x", "s")
UNITS = COUNT_UNITS + BYTE_UNITS + OTHER_UNITS
SIGNIFICANT_DIGITS = 3
# Room for every digit of any double (the largest has 309) and two decimals.
WIDE = Context(prec=400)
# Durations, smallest first: (name, seconds in one of it).
DURATION_UNITS = (("ns", 1e-9), ("µs", 1e-6), ("ms", 1e-3), ("s", 1.0), ("min", 60.0), ("h", 3600.0), ("days", 86400.0))
# How many of each unit make the next one (1,000 ns in a µs ... 24 h in a day).
DURATION_RATIOS = (1000, 1000, 1000, 60, 60, 24)


def round_significant(value: float | Decimal, digits: int = SIGNIFICANT_DIGITS) -> Decimal:
    """Round to `digits` significant digits, halves away from zero, on the exact binary value (or
    on the exact decimal, given one).

    This is the rounding JavaScript's Number.prototype.toPrecision does, so both
    implementations print the same digits even for values that sit exactly on a half.
    """
    exact = Decimal(value)
    if exact == 0:
        return Decimal(0)
    quantum = Decimal(1).scaleb(exact.adjusted() - digits + 1)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP)


# Past these bounds a number is written with an exponent ("1.23e21", "4.5e-12"): written out,
# the largest and smallest doubles run to over 300 characters, off a phone's screen long before.
# The same bounds as JavaScript's own Number.prototype.toString at the top (1e21); at the
# bottom, "0.00000000123" is the smallest written out.
EXPONENT_FROM = 21
EXPONENT_BELOW = -9
# A figure beyond the largest suffix is grouped up to this ("999,000T"), then takes an exponent.
GROUPED_BELOW = 10**6


def scientific(number: Decimal) -> str:
    """A nonzero rounded decimal with an exponent and no trailing zeros: 1.230E+21 -> '1.23e21'."""
    exponent = number.adjusted()
    return f"{plain(number.scaleb(-exponent))}e{exponent}"


def written(number: Decimal) -> str:
    """`plain(number)`, or `scientific(number)` past EXPONENT_FROM or below EXPONENT_BELOW."""
    if number != 0 and not EXPONENT_BELOW <= number.adjusted() < EXPONENT_FROM:
        return scientific(number)
    return plain(number)


def plain(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros: Decimal('1.20') -> '1.2', 1E+2 -> '100'."""
    # Decimal arithmetic rounds to 28 digits by default: a double can need 309.
    text = format(number.normalize(WIDE), "f")
    return "0" if text in ("-0", "0") else text


# The most significant digits a share is printed with: past this a double has no more to give.
PERCENT_DIGITS_AT_MOST = 15


def percent_digits(value: float, digits: int = SIGNIFICANT_DIGITS) -> Decimal:
    """A share as a rounded percentage: `digits` significant digits, but never a value short of
    100% rounded up to 100% (0.9999 availability is "99.99", not "100"): a digit is added until
    it is not, up to PERCENT_DIGITS_AT_MOST.

    Rounded on the value itself, then the point moved: value * 100 in floating point can land just
    below a half (0.145 * 100 is 14.499999999999998).
    """
    rounded = round_significant(value, digits).scaleb(2)
    while abs(rounded) == 100 and abs(value) != 1 and digits < PERCENT_DIGITS_AT_MOST:
        digits += 1
        rounded = round_significant(value, digits).scaleb(2)
    return rounded


def human(value: float, unit: str = "") -> str:
    """Format a figure the way the site prints it.

    >>> human(1157.4, "/s"), human(30.4e9, "B/day"), human(1.2e15, "B")
    ('1.16K/s', '30.4 GB/day', '1.2 PB')
    """
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; expected one of {UNITS}")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"cannot format {value!r}: not a finite number")
    if unit == "%":
        return written(percent_digits(value)) + "%"
    if unit == "x":
        # A multiple takes a count's suffixes: "41.7K×", not "41700×".
        return human(value) + "×"
    if unit == "s":
        return human_duration(value)
    is_bytes = unit in BYTE_UNITS
    suffixes = BYTE_SUFFIXES if is_bytes else COUNT_SUFFIXES
    magnitude = abs(float(value))
    index = 0
    while index < len(suffixes) - 1 and magnitude >= _SCALES[index + 1]:
        index += 1
    # Round the value itself, then move the decimal point by the suffix's power of ten: dividing
    # first, in floating point, can fall just short of a half (14.85e12 / 1e12 is 14.849999...).
    exact_digits = round_significant(magnitude)
    rounded = exact_digits.scaleb(-3 * index)
    # 999.96 rounds up to 1000: carry into the next suffix so we print "1K", not "1000".
    if rounded >= 1000 and index < len(suffixes) - 1:
        index += 1
        rounded = exact_digits.scaleb(-3 * index)
    sign = "-" if value < 0 and rounded != 0 else ""
    if rounded >= GROUPED_BELOW:  # far beyond the largest suffix: no suffix, an exponent
        return f"{sign}{scientific(exact_digits)}{' ' if is_bytes else ''}{unit}"
    digits = written(rounded)
    if rounded >= 1000:  # beyond the largest suffix: group the digits
        digits = f"{int(rounded):,}"
    if is_bytes:
        return f"{sign}{digits} {suffixes[index]}{unit[1:]}"
    return f"{sign}{digits}{suffixes[index]}{unit}"


def human_duration(seconds: float) -> str:
    """A duration in the largest unit that keeps it at or above 1: 31557.6 -> '8.77 h'."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not math.isfinite(seconds):
        raise ValueError(f"cannot format {seconds!r}: not a finite number")
    if seconds == 0:
        return "0 s"
    magnitude = abs(float(seconds))
    index = 0
    while index < len(DURATION_UNITS) - 1 and magnitude >= DURATION_UNITS[index + 1][1]:
        index += 1
    rounded = round_significant(magnitude / DURATION_UNITS[index][1])
    # 59.96 s rounds to 60 s: carry into the next unit and say "1 min". Rounding up can only
    # reach the next unit exactly, so the carried value is exactly 1.
    if index < len(DURATION_UNITS) - 1 and rounded >= DURATION_RATIOS[index]:
        index += 1
        rounded = Decimal(1)
    if rounded >= GROUPED_BELOW:  # over a million days: an exponent, as human() writes counts
        digits = scientific(rounded)
    else:
        digits = f"{int(rounded):,}" if rounded >= 1000 else written(rounded)
    sign = "-" if seconds < 0 else ""
    name = "day" if DURATION_UNITS[index][0] == "days" and rounded == 1 else DURATION_UNITS[index][0]
    return f"{sign}{digits} {name}"


def exact(value: float) -> str:
    """The value in full, for a tooltip: 1157.407 -> '1,157.41', 0.0012345 -> '0.001235'.

    Two decimals at or above 1, four significant digits below; halves round away from zero.
    Past 10**EXPONENT_FROM (and below 10**EXPONENT_BELOW), seven significant digits and an
    exponent: 1e30 -> '1e30', where in full it is the 31 digits of the double nearest it.
    """
    magnitude = Decimal(value).copy_abs()  # exact, unlike abs(), which rounds to 28 digits
    if magnitude >= 10**EXPONENT_FROM:
        return ("-" if value < 0 else "") + scientific(round_significant(float(magnitude), 7))
    if magnitude >= 1:
        rounded = magnitude.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP, context=WIDE)
    else:
        rounded = round_significant(float(magnitude), 4)
        if rounded != 0 and rounded.adjusted() < EXPONENT_BELOW:
            return ("-" if value < 0 else "") + scientific(rounded)
    whole, _, fraction = plain(rounded).partition(".")
    text = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
    return f"-{text}" if value < 0 and text != "0" else text


# An input is written to this many significant digits: enough for any value a reader means, few
# enough to drop the noise binary arithmetic leaves in a derived one (a preset's write size of
# 328.20000000000005 bytes).
INPUT_DIGITS = 12


def input_text(value: float) -> str:
    """An input as a reader would type it, for the estimator's fields and links: 12 significant
    digits, no grouping, no trailing zeros, and no exponent between 10**EXPONENT_BELOW and
    10**EXPONENT_FROM (the estimator reads one back: "1e30").

    >>> input_text(328.20000000000005), input_text(234.99999999999997), input_text(250e6)
    ('328.2', '235', '250000000')
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"cannot write {value!r} as an input: not a finite number")
    return written(round_significant(value, INPUT_DIGITS))


# What a rate describes. An average and a peak of the same traffic differ by the peak-to-average
# factor, so a figure carries which one it is, and the md:fig shortcode and markdown_table()
# refuse to put one where the text or the column header names the other. A throughput is what
# one thing can do (a server, a generator), neither an average nor a peak of traffic.
RATE_KINDS = ("average", "peak", "throughput")


class Quantity(float):
    """A number that knows its unit, so a snippet can do arithmetic with it and print it.

    Arithmetic returns a plain float; wrap the result again to give it a unit. A rate may also
    know whether it is an average, a peak or a throughput (`rate`); other figures leave it None.
    """

    unit: str
    rate: str | None

    def __new__(cls, value: float, unit: str = "", rate: str | None = None) -> Quantity:
        if unit not in UNITS:
            raise ValueError(f"unknown unit {unit!r}; expected one of {UNITS}")
        if rate is not None and rate not in RATE_KINDS:
            raise ValueError(f"unknown rate kind {rate!r}; expected one of {RATE_KINDS}")
        quantity = super().__new__(cls, value)
        quantity.unit = unit
        quantity.rate = rate
        return quantity

    def __str__(self) -> str:
        return human(float(self), self.unit)

    def __format__(self, spec: str) -> str:
        return str(self) if not spec else format(float(self), spec)

    def __repr__(self) -> str:
        extra = f", rate={self.rate!r}" if self.rate else ""
        return f"Quantity({float(self)!r}, {self.unit!r}{extra})"


def count(value: float) -> Quantity:
    return Quantity(value, "")


# Below this, a count of machines prints every digit; from it, three significant digits.
MACHINES_IN_FULL_BELOW = 10_000


class Machines(Quantity):
    """A count of whole machines (servers, nodes), which prints every digit below 10,000.

    A fleet's count sits beside the tiers it adds up (300 + 200 + 500 + 4, say), and a reader adds
    them: "1K" there reads as a rounding slip, and could be 1,000 or 1,004. So it prints
    "1,004"; from 10,000 on, where no reader adds the parts by hand, it prints as human().
    """

    def __new__(cls, value: float) -> Machines:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not float(value).is_integer() or value < 0:
            raise ValueError(f"a count of machines is a whole number, at least 0, not {value!r}")
        return super().__new__(cls, value, "")

    def __str__(self) -> str:
        if abs(self) < MACHINES_IN_FULL_BELOW:
            return f"{int(self):,}"
        return human(float(self))

    def __repr__(self) -> str:
        return f"Machines({float(self)!r})"


class Availability(Quantity):
    """A share of time up, printed beside its downtime over `window` seconds so that a reader can
    redo the downtime by hand: what is down, 100% less the share, is rounded to three significant
    digits (the site's convention); the share prints as 100% less that; and downtime() is that
    same rounded unavailability of the window.

    0.999**10 = 0.9900449 is 0.99551% down, rounded to 0.996%: it prints "99.004%", and
    downtime() is 0.996% of 720 h = 7.1712 h, "7.17 h". The digits are the leading nines and three
    more (human()'s three significant digits of the share would print "99%", whose 1% of 720 h is
    7.2 h, not the 7.17 h beside it). A share short of 1 never prints as 100%.
    """

    window: float

    def __new__(cls, value: float, window: float) -> Availability:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ValueError(f"an availability is a share from 0 to 1, not {value!r}")
        if isinstance(window, bool) or not isinstance(window, (int, float)) or not 0 < window < math.inf:
            raise ValueError(f"a window is a positive number of seconds, not {window!r}")
        quantity = super().__new__(cls, value, "%")
        quantity.window = float(window)
        return quantity

    def __getnewargs__(self) -> tuple[float, float]:
        # pickle and copy rebuild a float subclass as cls.__new__(cls, *these): the window too.
        return (float(self), self.window)

    @property
    def unavailability(self) -> Decimal:
        """What is down, as a share: 1 less the value, exact for the double (no binary noise of the
        subtraction moves the rounding), rounded to three significant digits."""
        return round_significant(WIDE.subtract(Decimal(1), Decimal(float(self))))

    def downtime(self) -> Quantity:
        """The window's downtime worked from the printed share, as a reader would: 100% less it."""
        return duration(float(self.unavailability * Decimal(self.window)))

    def __str__(self) -> str:
        return written((1 - self.unavailability).scaleb(2)) + "%"

    def __repr__(self) -> str:
        return f"Availability({float(self)!r}, window={self.window!r})"


def availability(value: float, window: float) -> Availability:
    """A share of time up, beside its downtime over `window` seconds: `availability(0.999**10,
    30 * SECONDS_PER_DAY)` prints "99.004%", and its downtime() "7.17 h", 0.996% of 720 h."""
    return Availability(value, window)


def servers(value: float) -> Machines:
    """A count of whole servers or nodes: `servers(1008)` prints "1,008", `servers(12_345)` "12.3K"."""
    return Machines(value)


def per_second(value: float, peak: bool = False) -> Quantity:
    """A rate of traffic: the day's average unless `peak=True` (the busiest hour's rate, which we size for)."""
    return Quantity(value, "/s", "peak" if peak else "average")


def peak(value: float) -> Quantity:
    """A peak rate a second: `peak(x)` is `per_second(x, peak=True)`."""
    return per_second(value, peak=True)


def throughput(value: float, unit: str = "/s") -> Quantity:
    """What one thing can do a second (a server, a generator, a link): neither an average nor a
    peak of traffic. `unit` is "/s" for operations, "B/s" for bytes."""
    return Quantity(value, unit, "throughput")


def per_day(value: float) -> Quantity:
    return Quantity(value, "/day")


def size(value: float) -> Quantity:
    return Quantity(value, "B")


def bandwidth(value: float, peak: bool = False) -> Quantity:
    """Bytes per second: the average second unless `peak=True`."""
    return Quantity(value, "B/s", "peak" if peak else "average")


def size_per_day(value: float) -> Quantity:
    return Quantity(value, "B/day")


def fraction(value: float) -> Quantity:
    """A share, printed as a percentage: 0.1 -> '10%'."""
    return Quantity(value, "%")


def times(value: float) -> Quantity:
    """A multiplier, printed as '3×'."""
    return Quantity(value, "x")


def duration(seconds: float) -> Quantity:
    return Quantity(seconds, "s")


def burn_rate(budget_spent: float, alert_window: float, slo_window: float) -> Quantity:
    """How many times faster than "exactly used up by the end of the SLO window" an error budget
    goes when `budget_spent` of it goes in `alert_window` seconds (the Google SRE workbook's burn
    rate, https://sre.google/workbook/alerting-on-slos/): 2% in 1 h of 30 days -> 14.4×."""
    return times(budget_spent * slo_window / alert_window)


def daily_to_per_second(per_day_value: float) -> float:
    """Spread a daily total evenly over the 86,400 seconds of a day."""
    return per_day_value / SECONDS_PER_DAY


def zone_loss_headroom(zones: float) -> Quantity:
    """The factor a load is sized up by so that the zones left after one is lost carry all of it:
    Z / (Z - 1), 1.5x for three zones. Servers left with a zone lost are the count over it."""
    return times(zones / (zones - 1))


# Equal jitter draws each wait between half and all of its length: the shortest share of it.
EQUAL_JITTER_SHORTEST = 0.5


def doubling_waits(first: float, cap: float) -> list[float]:
    """A client's backoff inside a total cap: waits of `first`, 2 `first`, 4 `first`... while their
    sum stays within `cap`. What is left of the cap after them is one last, shorter wait. A first
    wait at or below zero would never fill the cap, and a negative cap has no room for any wait."""
    if first <= 0:
        raise ValueError(f"the first wait must be positive, not {first}")
    if cap < 0:
        raise ValueError(f"the cap on the waits must not be negative, not {cap}")
    waits: list[float] = []
    while sum(waits) + first * 2 ** len(waits) <= cap:
        waits.append(first * 2 ** len(waits))
    return waits


def rounds_within(first: float, cap: float, share: float = 1.0) -> int:
    """The retries a client makes within `cap` when its waits double from `first`, each run at
    `share` of its length (1 for every wait at full length, `EQUAL_JITTER_SHORTEST` for every one
    at its shortest): one at the end of each of `doubling_waits(first * share, cap)`, and a last one
    at the cap unless those waits end exactly on it (float noise below a millionth ignored)."""
    waits = doubling_waits(first * share, cap)
    return len(waits) + (1 if round(cap - sum(waits), 6) > 0 else 0)


def retry_times(first: float, cap: float, retry_after: float, shares: Sequence[float]) -> list[float]:
    """When a client's retries come, counted from its first refusal: its waits double from `first`,
    the k-th run at `shares[k]` of its length (the jitter's draw). A wait that would pass `cap` ends
    at it, but never sooner than `retry_after` after the retry before, since every refusal carries
    that `Retry-After`: that retry is the last. A wait ending on the cap (float noise below a
    millionth ignored) is the last as well. Too few shares for the waits before the cap is an error."""
    if retry_after < 0:
        raise ValueError(f"Retry-After must not be negative, not {retry_after}")
    times_: list[float] = []
    now = 0.0
    for k, share in enumerate(shares):
        wait = first * 2**k * share
        if wait <= 0:
            raise ValueError(f"every wait must be positive, not {wait} (share {share})")
        if round(cap - (now + wait), 6) > 0:
            now += wait
            times_.append(now)
            continue
        times_.append(now + wait if round(cap - (now + wait), 6) == 0 else max(cap, now + retry_after))
        return times_
    raise ValueError(f"{len(shares)} shares end before the cap of {cap}: give one for every wait")


def jittered_retry_times(
    first: float, cap: float, retry_after: float, steps: int = 6, shortest: float = EQUAL_JITTER_SHORTEST
) -> list[list[float]]:
    """`retry_times` for every combination of draws on a grid: each wait run at one of `steps`
    evenly spaced shares from `shortest` to all of its length (equal jitter's range). The grid
    reaches sums of draws just under the cap, where a last retry clipped to the cap alone would
    come sooner than `retry_after`."""
    if steps < 2:
        raise ValueError(f"a grid of draws needs at least 2 steps, not {steps}")
    grid = [shortest + (1 - shortest) * i / (steps - 1) for i in range(steps)]
    waits = rounds_within(first, cap, shortest)
    return [retry_times(first, cap, retry_after, shares) for shares in itertools.product(grid, repeat=waits)]


class RetrySpread(NamedTuple):
    """What every draw of `jittered_retry_times` comes to: the shortest gap between two retries (the
    first refusal counted as one), the earliest and latest last retry, and the fewest and most rounds."""

    shortest_gap: float
    earliest_last: float
    latest_last: float
    fewest: int
    most: int


def retry_spread(first: float, cap: float, retry_after: float) -> RetrySpread:
    """`jittered_retry_times` summed up, for a snippet to check its schedule against: a gap shorter
    than `retry_after`, a last retry before `cap`, or rounds other than `rounds_within`'s show here."""
    schedules = jittered_retry_times(first, cap, retry_after)
    gaps = (b - a for times in schedules for a, b in zip([0.0, *times], times, strict=False))
    lasts = [times[-1] for times in schedules]
    rounds = [len(times) for times in schedules]
    return RetrySpread(round(min(gaps), 6), min(lasts), max(lasts), min(rounds), max(rounds))


def whole_per_zone(servers: float, zones: float) -> int:
    """`servers` spread evenly over `zones`, each zone with whole servers: a tier that keeps a copy
    in every zone, or must carry the load with any zone lost, needs the same count in each."""
    return math.ceil(servers / zones) * int(zones)


def whole_up(value: float) -> int:
    """`value` rounded up to a whole number, ignoring float noise below a millionth (for waits and
    counts of a few thousand at most): 0.1 * 3 * 10 is 3.0000000000000004 in floating point, and a
    plain ceiling would make it 4. Defensive: a formula that is exact today may not stay so."""
    return math.ceil(round(value, 6))


ZIPF_EXACT_TERMS = 10_000  # summed term by term; beyond, the Euler-Maclaurin formula


def _zipf_smooth(k: float, alpha: float) -> float:
    """The Euler-Maclaurin terms of sum(i**-alpha, i=1..k), less its constant."""
    main = math.log(k) if alpha == 1 else k ** (1 - alpha) / (1 - alpha)
    return main + k**-alpha / 2 - alpha * k ** (-alpha - 1) / 12


@functools.cache  # a handful of exponents, asked for on every step of a bisection
def _zipf_constant(alpha: float) -> float:
    exact = math.fsum(i**-alpha for i in range(1, ZIPF_EXACT_TERMS + 1))
    return exact - _zipf_smooth(ZIPF_EXACT_TERMS, alpha)


def zipf_served(k: float, alpha: float) -> float:
    """Requests drawn by the k most popular items when item i draws in proportion to i^-alpha
    (a Zipf-like law): sum(i**-alpha, i=1..k), unnormalized; divide by zipf_served(items, alpha)
    for a share. Summed exactly up to ZIPF_EXACT_TERMS, then by the Euler-Maclaurin formula,
    whose next term is below 1e-15 of the sum there: a hundred million items cost nothing."""
    if k <= ZIPF_EXACT_TERMS:
        return math.fsum(i**-alpha for i in range(1, int(k) + 1))
    return _zipf_constant(alpha) + _zipf_smooth(k, alpha)


RATE_WORDS = re.compile(r"\b(peak|average)\b", re.IGNORECASE)


def rate_conflict(words: str, quantity: object) -> str | None:
    """The word ('peak' or 'average') that `words` use and `quantity` contradicts, or None.

    Text that names both, or neither, says nothing about which one a figure must be.
    """
    kind = getattr(quantity, "rate", None)
    if kind not in ("average", "peak"):
        return None
    said = {word.lower() for word in RATE_WORDS.findall(words)}
    if len(said) != 1:
        return None
    (word,) = said
    return word if word != kind else None


# A table on a phone gives a column about a third of 340 px: a cell of 300 characters is already
# twenty lines tall there. More belongs in the text under the table. scripts/check_coverage.py
# checks the pages' tables and data/examples.yml's cells; markdown_table, the snippets' tables.
TABLE_CELL_LIMIT = 300
# What a cell's source shows as: a cited figure as a few characters ("41.5K/s"), a link as its
# text; no comments, tags, attribute lists or emphasis markers.
_CELL_FIGURE = re.compile(r"<!--\s*md:fig\b.*?-->", re.DOTALL)
_CELL_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CELL_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CELL_MARKUP = re.compile(r"</?[A-Za-z][^>]*>|[*`]|\{[:.#][^}]*\}")


def shown_length(source: str) -> int:
    """About how many characters Markdown written as `source` shows (a table cell, a paragraph):
    its text, not its markup."""
    text = _CELL_COMMENT.sub("", _CELL_FIGURE.sub("123.4K", source))
    text = _CELL_MARKUP.sub("", _CELL_LINK.sub(r"\1", text))
    return len(re.sub(r"\s+", " ", text).strip())


def table_cell_problem(source: str) -> str | None:
    """What is wrong with a table cell written as `source`, if it is too long for a phone."""
    length = shown_length(source)
    if length <= TABLE_CELL_LIMIT:
        return None
    return (
        f"a table cell of {length:,} characters, more than the {TABLE_CELL_LIMIT} a phone shows in a column: "
        f'shorten it (it starts "{source.strip()[:40]}"), or say the rest under the table'
    )


def markdown_table(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    """A Markdown table; cells are printed with str(), so Quantities format themselves.

    A column whose header says "peak" may not hold an average rate, nor "average" a peak.
    """
    for number, row in enumerate(rows, start=1):
        for title, cell in zip(header, row, strict=False):
            problem = table_cell_problem(str(cell))
            if problem:
                raise ValueError(f"markdown_table: row {number}, column '{title}': {problem}")
            word = rate_conflict(title, cell)
            if word:
                raise ValueError(
                    f"markdown_table: row {number} puts {getattr(cell, 'rate', '')} rate {cell} "
                    f"in the column '{title}', which says '{word}'"
                )
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


# --- The sizing model -----------------------------------------------------------------------
# One definition, shared with docs/tools/estimator.js (same names, same order of operations,
# so that both give bit-for-bit the same doubles) and with scripts/estimate.py.

INPUTS: dict[str, str] = {
    "daily_active_users": "users active on a given day",
    "writes_per_user_per_day": "writes each active user makes a day",
    "reads_per_user_per_day": "reads each active user makes a day",
    "write_size_bytes": "bytes stored per write",
    "read_size_bytes": "bytes sent per read",
    "peak_to_average": "busiest hour's rate divided by the average hour's",
    "replication_factor": "stored bytes per byte: copies, or an erasure code's overhead",
    "retention_years": "years data is kept",
    "cache_fraction": "share of a day's read volume kept in memory",
    "requests_per_server": "requests one server handles a second",
}
# The unit a reader types each input in, shown beside its field.
INPUT_UNITS: dict[str, str] = {
    "daily_active_users": "users",
    "writes_per_user_per_day": "per day",
    "reads_per_user_per_day": "per day",
    "write_size_bytes": "bytes",
    "read_size_bytes": "bytes",
    "peak_to_average": "×",
    "replication_factor": "copies",
    "retention_years": "years",
    "cache_fraction": "0 to 1",
    "requests_per_server": "per second",
}
# Each output, its label, and the unit it prints in: one of human()'s, or "machines" for a count
# of whole machines, which prints as servers() prints one (output_text).
OUTPUTS: dict[str, tuple[str, str]] = {
    "write_qps_avg": ("Writes per second, average", "/s"),
    "read_qps_avg": ("Reads per second, average", "/s"),
    "write_qps_peak": ("Writes per second, peak", "/s"),
    "read_qps_peak": ("Reads per second, peak", "/s"),
    "storage_per_day_bytes": ("Storage per day, one copy", "B/day"),
    "storage_total_bytes": ("Storage over the retention period, all copies", "B"),
    "ingress_bytes_per_sec": ("Ingress, average (bytes stored by writes)", "B/s"),
    "egress_bytes_per_sec": ("Egress, average (bytes sent to reads)", "B/s"),
    "cache_bytes": ("Cache for the hottest reads", "B"),
    "servers": ("Servers at peak", "machines"),
}


# The inputs that make each output larger, and (servers only) smaller: every input is finite, yet
# their product can pass the largest double (about 1.8e308), and the message then names the
# inputs to change. tests/test_estimation.py checks each list against the model itself.
OUTPUT_INPUTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "write_qps_avg": (("daily_active_users", "writes_per_user_per_day"), ()),
    "read_qps_avg": (("daily_active_users", "reads_per_user_per_day"), ()),
    "write_qps_peak": (("daily_active_users", "writes_per_user_per_day", "peak_to_average"), ()),
    "read_qps_peak": (("daily_active_users", "reads_per_user_per_day", "peak_to_average"), ()),
    "storage_per_day_bytes": (("daily_active_users", "writes_per_user_per_day", "write_size_bytes"), ()),
    "storage_total_bytes": (
        (
            "daily_active_users",
            "writes_per_user_per_day",
            "write_size_bytes",
            "replication_factor",
            "retention_years",
        ),
        (),
    ),
    "ingress_bytes_per_sec": (("daily_active_users", "writes_per_user_per_day", "write_size_bytes"), ()),
    "egress_bytes_per_sec": (("daily_active_users", "reads_per_user_per_day", "read_size_bytes"), ()),
    "cache_bytes": (("daily_active_users", "reads_per_user_per_day", "read_size_bytes", "cache_fraction"), ()),
    "servers": (
        ("daily_active_users", "writes_per_user_per_day", "reads_per_user_per_day", "peak_to_average"),
        ("requests_per_server",),
    ),
}


def _either(names: tuple[str, ...]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def overflow_message(output: str) -> str:
    """What to say when `output` comes out past what a double holds: which inputs to change."""
    lower, higher = OUTPUT_INPUTS[output]
    message = "the inputs multiply past what a number can hold: lower " + _either(lower)
    return message + (", or raise " + _either(higher) if higher else "")


def output_text(value: float, unit: str) -> str:
    """An output of estimate() as the estimator prints it: `output_text(1074, "machines")` is
    "1,074", as a page prints the same count through servers(); any other unit goes to human()."""
    return str(servers(value)) if unit == "machines" else human(value, unit)


# Lower bounds: a field below its bound is rejected with the reason given here.
_AT_LEAST_ONE = ("peak_to_average", "replication_factor")


class InputError(ValueError):
    """Bad model input; the message names the field."""


def describe(value: object) -> str:
    """A value as JSON writes it, the way the estimator's JavaScript words the same error."""
    if isinstance(value, float) and math.isfinite(value) and value == int(value) and abs(value) < 1e21:
        return str(int(value))  # JSON has one number type: 3.0 and 3 both read "3"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return json.dumps(value)


def check_field(name: str, value: object) -> str | None:
    """What is wrong with one input, or None. Every rule is about one field at a time."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"must be a number, got {describe(value)}"
    if not math.isfinite(value):
        return f"must be a finite number, got {describe(value)}"
    if value < 0:
        return f"must not be negative, got {describe(value)}"
    if name in _AT_LEAST_ONE and value < 1:
        return f"must be at least 1, got {describe(value)}"
    if name == "cache_fraction" and value > 1:
        return f"must be between 0 and 1, got {describe(value)}"
    if name == "requests_per_server" and value == 0:
        return "must be greater than 0"
    return None


def validate(inputs: Mapping[str, object]) -> dict[str, float]:
    """The inputs as floats, or InputError naming the first bad field (in INPUTS order)."""
    if not isinstance(inputs, Mapping):
        raise InputError("inputs: expected an object with the fields " + ", ".join(INPUTS))
    for name in inputs:
        if name not in INPUTS:
            raise InputError(f"{name}: unknown field; expected one of " + ", ".join(INPUTS))
    for name in INPUTS:
        if name not in inputs:
            raise InputError(f"{name}: missing")
        problem = check_field(name, inputs[name])
        if problem:
            raise InputError(f"{name}: {problem}")
    return {name: float(inputs[name]) for name in INPUTS}


def estimate(inputs: Mapping[str, object]) -> dict[str, float]:
    """Traffic, storage, bandwidth, cache and server count from ten assumptions.

    InputError names the first bad field, or, when every field is good but an output would be
    past what a double holds, the inputs to lower (overflow_message).
    """
    v = validate(inputs)
    dau = v["daily_active_users"]
    write_qps_avg = dau * v["writes_per_user_per_day"] / SECONDS_PER_DAY
    read_qps_avg = dau * v["reads_per_user_per_day"] / SECONDS_PER_DAY
    write_qps_peak = write_qps_avg * v["peak_to_average"]
    read_qps_peak = read_qps_avg * v["peak_to_average"]
    storage_per_day_bytes = dau * v["writes_per_user_per_day"] * v["write_size_bytes"]
    storage_total_bytes = storage_per_day_bytes * DAYS_PER_YEAR * v["retention_years"] * v["replication_factor"]
    outputs = {
        "write_qps_avg": write_qps_avg,
        "read_qps_avg": read_qps_avg,
        "write_qps_peak": write_qps_peak,
        "read_qps_peak": read_qps_peak,
        "storage_per_day_bytes": storage_per_day_bytes,
        "storage_total_bytes": storage_total_bytes,
        "ingress_bytes_per_sec": write_qps_avg * v["write_size_bytes"],
        "egress_bytes_per_sec": read_qps_avg * v["read_size_bytes"],
        "cache_bytes": v["cache_fraction"] * dau * v["reads_per_user_per_day"] * v["read_size_bytes"],
        "servers": (write_qps_peak + read_qps_peak) / v["requests_per_server"],  # rounded up below
    }
    # Checked before the ceiling, which raises OverflowError on infinity. A product past the
    # largest double is infinite, or NaN once multiplied by a zero input.
    for name, value in outputs.items():
        if not math.isfinite(value):
            raise InputError(overflow_message(name))
    outputs["servers"] = math.ceil(outputs["servers"])
    return outputs
