"""Concepts, unique IDs: how a Snowflake-style 64-bit ID spends its bits, what three published
layouts allow, and how long a clock correction takes.

Layouts, high bits first. A field of b bits takes 2^b values: the timestamp lasts 2^b ticks from
the layout's own epoch, the machine field numbers 2^b generators, and the sequence caps the IDs one
generator issues in one tick (a generator that runs out waits for the next tick).

- Snowflake (twitter-archive/snowflake, branch snowflake-2010, README and IdWorker.scala): a sign bit
  kept at 0, 41 bits of milliseconds since Twitter's epoch (1288834974657 ms, 4 November 2010), 10
  bits of machine number (5 of data center and 5 of worker in the code), 12 bits of sequence.
- Instagram ("Sharding & IDs at Instagram", 2011): 41 bits of milliseconds since its epoch
  (1314220021721 ms, 24 August 2011), 13 bits of logical shard, 10 bits of a per-table sequence
  modulo 1,024. The time is shifted left by 23, so it fills the top bit too: in PostgreSQL's signed
  bigint the IDs turn negative once the time field reaches 2^40 ms.
- Sonyflake (sony/sonyflake, version 1: sonyflake.go and README): a sign bit, 39 bits of 10 ms ticks
  since 1 September 2014, 8 bits of sequence, then 16 bits of machine number (by default the low 16
  bits of the private IP address), so its lowest bits are the machine, not the sequence. Version 2
  (v2/sonyflake.go) keeps these widths as defaults but lets them be set, and starts its default
  epoch on 1 January 2025.

Clocks: ntpd slews offsets below its step threshold (128 ms by default), running the clock slower
by at most 0.5 ms a second (500 ppm) on typical kernels so it never goes backwards, and steps the
clock at once above the threshold (ntpd's manual, option -x). Only a step sends time backwards.
"""

import math
from datetime import UTC, datetime, timedelta

from sdw.estimation import SECONDS_PER_YEAR, count, duration, fraction, markdown_table, servers, throughput

MS = 1e-3


def epoch(milliseconds: int) -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=milliseconds)


# (name, sign bits, time bits, seconds a tick, machine bits, sequence bits, epoch, what the machine
# field holds, whether the sequence sits below the machine field, as in Snowflake, or above it)
LAYOUTS = [
    ("Snowflake (Twitter)", 1, 41, MS, 10, 12, epoch(1_288_834_974_657), "machine", True),
    ("Instagram", 0, 41, MS, 13, 10, epoch(1_314_220_021_721), "logical shard", True),
    ("Sonyflake, version 1", 1, 39, 10 * MS, 16, 8, datetime(2014, 9, 1, tzinfo=UTC), "machine", False),
]


def layout_row(name, sign, time_bits, tick, machine_bits, sequence_bits, start, holder, sequence_lowest):
    lifetime = 2**time_bits * tick
    # Without a sign bit, the top bit of the time field is the sign of a signed 64-bit integer.
    positive_for = lifetime if sign else 2 ** (time_bits - 1) * tick
    positive = f"{count(positive_for / SECONDS_PER_YEAR)} years"
    if not sign:
        positive += f", to {start + timedelta(seconds=positive_for):%B %Y}"
    fields = [f"{holder} {machine_bits}", f"sequence {sequence_bits}"]
    if not sequence_lowest:
        fields.reverse()
    fields = ([f"sign {sign}"] if sign else []) + [f"time {time_bits}"] + fields
    return (
        name,
        ", ".join(fields),
        f"{count(lifetime / SECONDS_PER_YEAR)} years, to {start + timedelta(seconds=lifetime):%B %Y}",
        positive,
        f"{2**machine_bits:,} {holder}s",  # powers of two, in full
        f"{2**sequence_bits:,} per {duration(tick)}",
        throughput(2**sequence_bits / tick),
    )


layout_rows = [layout_row(*layout) for layout in LAYOUTS]

# --- Snowflake's own figures ----------------------------------------------------------------------
sign_bits = count(1)
timestamp_bits = count(41)
machine_bits = count(10)
sequence_bits = count(12)
id_bits = count(sign_bits + timestamp_bits + machine_bits + sequence_bits)
lifetime_years = count(2**timestamp_bits * MS / SECONDS_PER_YEAR)
machines = servers(2**machine_bits)
ids_per_ms = count(2**sequence_bits)
ids_per_second_per_machine = throughput(2**sequence_bits / MS)
ids_per_second_all_machines = throughput(2**machine_bits * 2**sequence_bits / MS)

# The low bits of a Snowflake ID are the sequence, which restarts at 0 every millisecond, so at
# ordinary rates most IDs end in zeros and `id mod 2^k` piles them onto partition 0. With requests
# arriving at random (Poisson, lam a millisecond), the share of IDs that are the first of their
# millisecond, and so carry sequence 0, is (1 - e^-lam) / lam.
GENERATOR_RATE = 1_000  # IDs a second from one generator
generator_rate = throughput(GENERATOR_RATE)
ids_per_ms_at_rate = GENERATOR_RATE * MS
sequence_zero_share = fraction(-math.expm1(-ids_per_ms_at_rate) / ids_per_ms_at_rate)

# --- Instagram: no sign bit, so half the time field's range before a signed bigint turns negative --
instagram_shards = servers(2**13)  # logical shards, printed in full
instagram_ids_per_ms = count(2**10)
instagram_positive_years = count(2**40 * MS / SECONDS_PER_YEAR)

# --- Sonyflake: coarser ticks buy time and machines, at the cost of IDs per second ------------------
sonyflake_years = count(2**39 * 10 * MS / SECONDS_PER_YEAR)
sonyflake_machines = servers(2**16)
sonyflake_ids_per_second_per_machine = throughput(2**8 / (10 * MS))

# --- Clocks: how ntpd corrects an offset -----------------------------------------------------------
NTP_STEP_THRESHOLD = 0.128  # seconds: ntpd's default; below it, slew; above it, step
KERNEL_SLEW_RATE = 500e-6  # at most 0.5 ms of correction per second
ntp_step_threshold = duration(NTP_STEP_THRESHOLD)
slew_rate_ms_per_second = count(KERNEL_SLEW_RATE / MS)
slew_largest_offset = duration(NTP_STEP_THRESHOLD / KERNEL_SLEW_RATE)  # the largest offset ntpd slews
leap_second = duration(1)
# A machine number handed to another host: if the new holder's wall clock runs behind the old
# holder's, it stamps milliseconds the old one already used. ntpd leaves any offset below its step
# threshold to slewing, so each host it keeps in sync may sit up to that far from the servers' time,
# and two hosts, off in opposite directions, twice as far apart. The number must stay unused longer.
handover_gap = duration(2 * NTP_STEP_THRESHOLD)

if __name__ != "concept_ids":
    print(
        markdown_table(
            (
                "Layout",
                "Bits, high to low",
                "Timestamp lasts",
                "IDs stay positive in a signed 64-bit integer",
                "Generators",
                "IDs per tick per generator",
                "Most IDs per second per generator",
            ),
            layout_rows,
        )
    )
    print()
    print(
        f"All {machines} Snowflake generators together can issue {ids_per_second_all_machines}. ntpd slews an "
        f"offset below {ntp_step_threshold} at {slew_rate_ms_per_second} ms a second, so the largest slewed "
        f"offset takes {slew_largest_offset} to absorb; above it, ntpd steps the clock at once."
    )
