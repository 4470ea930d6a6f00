"""Reference: powers of two, the byte units named after them, and how far they drift from decimal."""

from sdw.estimation import TB, GiB, count, fraction, markdown_table, size

# (power of two, binary name, decimal name it is usually mistaken for)
POWERS = [
    (10, "KiB", "KB"),
    (20, "MiB", "MB"),
    (30, "GiB", "GB"),
    (40, "TiB", "TB"),
    (50, "PiB", "PB"),
    (60, "EiB", "EB"),
]

rows = []
for power, binary_name, decimal_name in POWERS:
    exact_bytes = 2**power
    decimal_bytes = 10 ** (power // 10 * 3)
    rows.append(
        (
            f"2^{power}",
            f"{exact_bytes:,}",
            binary_name,
            size(exact_bytes),
            decimal_name,
            fraction(exact_bytes / decimal_bytes - 1),
        )
    )

gib_over_gb = fraction(2**30 / 10**9 - 1)
pib_over_pb = fraction(2**50 / 10**15 - 1)


def binary(value: float) -> str:
    """Bytes in the largest binary unit that keeps the figure at or above 1 (estimation.py prints decimal only)."""
    for power, name, _ in reversed(POWERS):
        if value >= 2**power:
            return f"{count(value / 2**power)} {name}"
    return f"{count(value)} B"


# The same bytes, labeled both ways: drives are sold in decimal units, memory is built in binary
# ones, and tools differ (GNU `df -h` divides by 1,024, `df -H` by 1,000).
# A binary figure read as decimal looks smaller than it is: 950 "G" from a tool that divides by
# 1,024 is more than a drive sold as 1 TB holds.
DATABASE_BYTES = 950 * GiB
DRIVE_BYTES = 20 * TB  # a hard disk as sold
LABELS = [
    ("A drive sold as 1 TB", 1 * TB),
    ("A drive sold as 20 TB", DRIVE_BYTES),
    ("A 64 GiB memory module", 64 * GiB),
    ("A database that `df -h` prints as `950G`", DATABASE_BYTES),
]
label_rows = [(item, size(value), binary(value)) for item, value in LABELS]
one_tb_in_tib = count(TB / 2**40)
twenty_tb_in_tib = count(DRIVE_BYTES / 2**40)
database_decimal = size(DATABASE_BYTES)
database_gib = count(DATABASE_BYTES / GiB)
drive_sold = size(1 * TB)

if __name__ != "reference_byte_units":
    print(
        markdown_table(
            ("Power", "Bytes", "Binary unit", "In decimal units", "Decimal unit", "Binary is larger by"), rows
        )
    )
    print()
    print(markdown_table(("Item", "In decimal units", "In binary units"), label_rows))
