"""Reference: powers of two, the byte units named after them, and how far they drift from decimal."""

from estimation import fraction, markdown_table, size

# (power of two, binary name, decimal name it is usually mistaken for)
POWERS = [(10, "KiB", "KB"), (20, "MiB", "MB"), (30, "GiB", "GB"), (40, "TiB", "TB"), (50, "PiB", "PB"), (60, "EiB", "EB")]

rows = []
for power, binary_name, decimal_name in POWERS:
    exact_bytes = 2**power
    decimal_bytes = 10 ** (power // 10 * 3)
    rows.append((f"2^{power}", f"{exact_bytes:,}", binary_name, size(exact_bytes), decimal_name, fraction(exact_bytes / decimal_bytes - 1)))

gib_over_gb = fraction(2**30 / 10**9 - 1)
pib_over_pb = fraction(2**50 / 10**15 - 1)

if __name__ != "reference_byte_units":
    print(markdown_table(("Power", "Bytes", "Binary unit", "In decimal units", "Decimal unit", "Binary is larger by"), rows))
