"""Reference: the latency table on a human scale, with an L1 cache hit stretched to one second."""

from reference_latency import CLASSIC, NOT_COMPARABLE, TODAY, typical

from sdw.estimation import count, duration, markdown_table

classic_l1 = CLASSIC["L1 cache reference"][0]
today_l1 = typical(*TODAY["L1 cache reference"][:2])


def today_cell(operation: str, figure: object) -> str:
    """A Today cell, carrying the main table's caveat where then and today measure different things."""
    caveat = NOT_COMPARABLE.get(operation)
    return f"{figure} ({caveat})" if caveat else str(figure)


rows = []
for operation, (classic, _) in CLASSIC.items():
    today = typical(*TODAY[operation][:2])
    rows.append(
        (
            operation,
            count(classic / classic_l1),
            duration(classic / classic_l1),
            today_cell(operation, count(today / today_l1)),
            today_cell(operation, duration(today / today_l1)),
        )
    )

# Figures the page quotes: a data-center round trip and a disk read, on the human scale.
dc_round_trip_scaled_then = duration(CLASSIC["Round trip within a data center"][0] / classic_l1)
dc_round_trip_scaled_now = duration(typical(*TODAY["Round trip within a data center"][:2]) / today_l1)
disk_read_scaled_now = duration(typical(*TODAY["Read 1 MB sequentially from disk"][:2]) / today_l1)

if __name__ != "reference_latency_scaled":
    print(
        markdown_table(
            (
                "Operation",
                "Then, in L1 hits",
                "Then, if an L1 hit took 1 s",
                "Today, in L1 hits",
                "Today, if an L1 hit took 1 s",
            ),
            rows,
        )
    )
