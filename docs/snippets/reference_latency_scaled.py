"""Reference: the latency table on a human scale, with the classic L1 cache hit (half a
nanosecond) stretched to one second. Both eras use that one scale, so a row's two durations compare
as the main table's do; today's own L1 hit, slower than the classic figure, takes more than a
second on it."""

from reference_latency import CLASSIC, NOT_COMPARABLE, TODAY, typical

from sdw.estimation import count, duration, markdown_table

SCALE = CLASSIC["L1 cache reference"][0]  # nanoseconds that become one second


def today_cell(operation: str, figure: object) -> str:
    """A Today cell, carrying the main table's caveat where then and today measure different things."""
    caveat = NOT_COMPARABLE.get(operation)
    return f"{figure} ({caveat})" if caveat else str(figure)


def scaled_today(operation: str) -> float:
    return typical(*TODAY[operation][:2]) / SCALE


rows = []
for operation, (classic, _) in CLASSIC.items():
    rows.append(
        (
            operation,
            count(classic / SCALE),
            duration(classic / SCALE),
            today_cell(operation, duration(scaled_today(operation))),
        )
    )

# Figures the page quotes, all on the one scale.
dc_round_trip_scaled_then = duration(CLASSIC["Round trip within a data center"][0] / SCALE)
dc_round_trip_scaled_now = duration(scaled_today("Round trip within a data center"))
disk_read_scaled_then = duration(CLASSIC["Read 1 MB sequentially from disk"][0] / SCALE)
disk_read_scaled_now = duration(scaled_today("Read 1 MB sequentially from disk"))
l1_scaled_now = duration(scaled_today("L1 cache reference"))

if __name__ != "reference_latency_scaled":
    print(
        markdown_table(
            (
                "Operation",
                "Then, in L1 hits",
                "Then, if an L1 hit took 1 s",
                "Today, on the same scale",
            ),
            rows,
        )
    )
