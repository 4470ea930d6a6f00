"""Reference: the powers of two worth knowing by heart, what each one bounds, and bits versus bytes."""

import math
from datetime import UTC, datetime, timedelta

from sdw.estimation import (
    SECONDS_PER_YEAR,
    count,
    duration,
    exact,
    fraction,
    markdown_table,
    plain,
    round_significant,
    throughput,
)


def sci(value: float) -> str:
    """Very large counts as 'm x 10^e', three significant digits (the site's formatter stops at T)."""
    exponent = math.floor(math.log10(value))
    return f"{plain(round_significant(value / 10**exponent))} x 10^{exponent}"


# --- Powers worth memorizing ---------------------------------------------------------------------------
unix_epoch = datetime(1970, 1, 1, tzinfo=UTC)
signed_32_bit_end = unix_epoch + timedelta(seconds=2**31 - 1)  # the last second a signed 32-bit time_t holds

POWERS = [
    (8, "Values of one byte"),
    (10, "A kibibyte: the 'thousand' of binary units"),
    (16, "TCP and UDP port numbers (a 16-bit field)"),
    (20, "A mebibyte: about a million"),
    (30, "A gibibyte: about a billion"),
    (31, f"Signed 32-bit IDs; as Unix time, they end on {signed_32_bit_end:%Y-%m-%d}"),
    (32, "IPv4 addresses; unsigned 32-bit IDs"),
    (53, "Doubles (JavaScript numbers) hold every whole number up to here, and not all beyond"),
    (63, "Signed 64-bit IDs (SQL BIGINT)"),
    (64, "Unsigned 64-bit IDs"),
]
power_rows = [(f"2^{p}", exact(2**p) if p <= 32 else sci(2**p), bound) for p, bound in POWERS]


# --- How long an ID space lasts at a steady allocation rate ----------------------------------------------
def lasts(seconds: float) -> str:
    """A duration, in years once it passes two of them (the site's formatter stops at days)."""
    if seconds < 2 * SECONDS_PER_YEAR:
        return str(duration(seconds))
    return f"{count(seconds / SECONDS_PER_YEAR)} years"


ID_SPACES = [("Signed 32-bit", 31), ("Unsigned 32-bit", 32), ("Safe in JavaScript (53-bit)", 53), ("Signed 64-bit", 63)]
RATES = [100, 10_000, 1_000_000]
lifetime_rows = [(name, *(lasts(2**bits / rate) for rate in RATES)) for name, bits in ID_SPACES]


# --- Random IDs: how many you can draw before two collide (the birthday bound) ------------------------
def ids_before_collision(bits: int, probability: float) -> float:
    """Draws from 2^bits values at which a repeat has the given probability (square-root approximation)."""
    return math.sqrt(2 * 2**bits * math.log(1 / (1 - probability)))


RANDOM_BITS = [("32 random bits", 32), ("64 random bits", 64), ("Version-4 UUID (122 random bits)", 122)]
birthday_rows = [
    (name, *(count(n) if n < 1e15 else sci(n) for n in (ids_before_collision(bits, p) for p in (0.01, 0.5))))
    for name, bits in RANDOM_BITS
]

# --- Bits and bytes on a network link ------------------------------------------------------------------------
# Per full-size Ethernet frame (1,500-byte MTU): the wire also carries preamble and start delimiter (8),
# MAC header (14), frame check sequence (4) and the inter-frame gap (12) (IEEE 802.3). Inside the
# frame, IPv4 (20, RFC 791) and TCP (20, RFC 9293) headers, plus the 12-byte timestamps option most
# stacks send (RFC 7323), leave the rest for data.
MTU = 1_500
ETHERNET_WIRE_OVERHEAD = 8 + 14 + 4 + 12
IPV4_HEADER, TCP_HEADER, TCP_TIMESTAMPS = 20, 20, 12
tcp_payload_per_frame = MTU - IPV4_HEADER - TCP_HEADER - TCP_TIMESTAMPS
tcp_efficiency = tcp_payload_per_frame / (MTU + ETHERNET_WIRE_OVERHEAD)

LINKS_GBIT = [1, 10, 25, 40, 100, 400]
link_rows = [
    (
        f"{rate} Gbit/s",
        throughput(rate * 1e9 / 8, "B/s"),
        throughput(rate * 1e9 / 8 * tcp_efficiency, "B/s"),
        duration(1e12 / (rate * 1e9 / 8 * tcp_efficiency)),
    )
    for rate in LINKS_GBIT
]

# Figures the page quotes.
ten_gbit_in_bytes = throughput(10e9 / 8, "B/s")
ten_gbit_tcp_payload = throughput(10e9 / 8 * tcp_efficiency, "B/s")
tcp_payload_share = fraction(tcp_efficiency)
ephemeral_ports = count(60_999 - 32_768 + 1)  # Linux default ip_local_port_range: 32768 to 60999
collision_50_at_32_bits = count(ids_before_collision(32, 0.5))
collision_1_at_64_bits = count(ids_before_collision(64, 0.01))
unsigned_32_at_10k = duration(2**32 / 10_000)
signed_32_at_100 = duration(2**31 / 100)
signed_64_at_1m_years = count(2**63 / 1e6 / SECONDS_PER_YEAR)
collision_1_at_32_bits = count(ids_before_collision(32, 0.01))
unsigned_32_ids = count(2**32)
# Short codes in base62 (0-9, a-z, A-Z), as URL shorteners write them: how many seven characters
# give, and how long they last at a thousand new codes a second.
base62_7_chars = count(62**7)
base62_7_years_at_1k = count(62**7 / 1_000 / SECONDS_PER_YEAR)

if __name__ != "reference_powers":
    print(markdown_table(("Power", "Value", "What it bounds"), power_rows))
    print()
    print(markdown_table(("ID space", *(f"Lasts at {count(rate)}/s" for rate in RATES)), lifetime_rows))
    print()
    print(markdown_table(("Random ID", "IDs for a 1% chance of a repeat", "IDs for a 50% chance"), birthday_rows))
    print()
    print(markdown_table(("Link", "Line rate in bytes", "TCP payload (MTU 1,500)", "1 TB takes"), link_rows))
