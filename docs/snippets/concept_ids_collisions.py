"""Concepts, unique IDs: when random IDs repeat (the birthday bound), and how many characters a key
space needs in each alphabet.

Birthday bound: n values drawn uniformly from N hold a repeat with probability
p = 1 - exp(-n(n - 1) / 2N), so a repeat has probability p after about sqrt(2N ln(1 / (1 - p)))
draws (reference_powers.ids_before_collision, the same formula in bits). A hash of distinct contents
truncated to b bits behaves the same way as b random bits.

UUIDv7 (RFC 9562, section 5.7) puts a 48-bit millisecond timestamp first, then 74 bits that are
random when the generator keeps no counter. Two UUIDv7s can only be equal if they carry the same
millisecond, so the draws that can collide are those of one millisecond: the expected repeats are
C(n, 2) / 2^74 per millisecond, where n is the IDs made in it. They grow with the rate, not with
the IDs kept.
"""

import math

from reference_powers import ids_before_collision

from sdw.estimation import SECONDS_PER_YEAR, Quantity, count, markdown_table, per_second

ONE_IN_A_BILLION = 1e-9
EVEN_ODDS = 0.5
BASE62_BITS_PER_CHAR = math.log2(62)
SHORT_CODE_CHARS = 7

RANDOM_IDS = [
    (f"{SHORT_CODE_CHARS} random base62 characters", SHORT_CODE_CHARS * BASE62_BITS_PER_CHAR),
    ("64 random bits (or a hash cut to 64 bits)", 64),
    ("UUIDv7: the random bits of one millisecond", 74),
    ("UUIDv4 (122 random bits)", 122),
]


def draws(bits: float, probability: float) -> Quantity:
    # IDs drawn are whole things: rounded to the nearest whole one, so a small count reads "84", not "83.9".
    return count(round(ids_before_collision(bits, probability)))


birthday_rows = [
    (name, count(bits), draws(bits, ONE_IN_A_BILLION), draws(bits, EVEN_ODDS)) for name, bits in RANDOM_IDS
]

short_code_bits = count(SHORT_CODE_CHARS * BASE62_BITS_PER_CHAR)
short_code_one_in_a_billion = draws(short_code_bits, ONE_IN_A_BILLION)
short_code_even_odds = draws(short_code_bits, EVEN_ODDS)
random_64_one_in_a_billion = draws(64, ONE_IN_A_BILLION)
random_64_even_odds = draws(64, EVEN_ODDS)
uuidv4_one_in_a_billion = draws(122, ONE_IN_A_BILLION)
uuidv4_even_odds = draws(122, EVEN_ODDS)

# UUIDv7 without a counter: repeats come from IDs made in the same millisecond.
UUIDV7_RATE = 1e6  # IDs a second, all generators together
uuidv7_rate = per_second(UUIDV7_RATE)
uuidv7_per_ms = count(UUIDV7_RATE / 1000)
uuidv7_repeats_per_ms = uuidv7_per_ms * (uuidv7_per_ms - 1) / 2 / 2**74
uuidv7_repeats_per_year = count(uuidv7_repeats_per_ms * SECONDS_PER_YEAR * 1000)
uuidv7_years_per_repeat = count(1 / uuidv7_repeats_per_year)

# --- How many characters a key space needs ---------------------------------------------------------
ALPHABETS = [("base62", 62), ("base32 (Crockford)", 32), ("hex", 16), ("decimal", 10)]
SPACES = [
    ("A billion keys", 10**9),
    ("A trillion keys", 10**12),
    ("Any 64-bit number", 2**64),
    ("UUIDv4's 122 random bits", 2**122),
    ("Any 128-bit value", 2**128),
]


def chars(space: int, alphabet: int) -> int:
    """The fewest characters whose alphabet**length covers the space, in whole-number arithmetic."""
    length = 1
    while alphabet**length < space:
        length += 1
    return length


length_rows = [(name, *(count(chars(space, base)) for _, base in ALPHABETS)) for name, space in SPACES]
base62_bits_per_char = count(BASE62_BITS_PER_CHAR)
base62_chars_64_bit = count(chars(2**64, 62))
base62_chars_uuidv4 = count(chars(2**122, 62))
hex_chars_128_bit = count(chars(2**128, 16))

if __name__ != "concept_ids_collisions":
    print(
        markdown_table(
            ("Random ID", "Random bits", "IDs for a one-in-a-billion chance of a repeat", "IDs for even odds"),
            birthday_rows,
        )
    )
    print()
    print(
        f"UUIDv7 without a counter, at {uuidv7_rate} ({uuidv7_per_ms} IDs a millisecond): "
        f"a repeat once every {uuidv7_years_per_repeat} years on average."
    )
    print()
    print(markdown_table(("Keys to cover", *(f"Characters in {name}" for name, _ in ALPHABETS)), length_rows))
