"""Concepts, replication: which quorum settings guarantee that a read sees the latest write.

N replicas hold each key; a write returns after W of them acknowledge it, and a read asks R of
them and keeps the newest answer. If R + W > N, every read set shares at least one replica with
every write set, so the read sees the write (the rule Dynamo, SOSP 2007, tunes per table).
Otherwise a read can miss it: right after a write reaches exactly W replicas, a read of R
replicas picked at random misses all of them with probability C(N-W, R) / C(N, R).
"""

from math import comb

from sdw.estimation import count, fraction, markdown_table

# (replicas N, write acknowledgements W, replicas read R)
SETTINGS = [(3, 1, 1), (3, 2, 1), (3, 1, 3), (3, 2, 2), (3, 3, 1), (5, 3, 3), (5, 2, 2)]


def stale_read_chance(n: int, w: int, r: int) -> float:
    """Chance that R replicas picked at random hold none of the W that took the write."""
    return comb(n - w, r) / comb(n, r)


rows = [
    (
        f"N={n}, W={w}, R={r}",
        count(r + w),
        "yes" if r + w > n else "no",
        fraction(stale_read_chance(n, w, r)),
        count(n - w),
        count(n - r),
    )
    for n, w, r in SETTINGS
]

# Figures the pages quote.
stale_n3_w1_r1 = fraction(stale_read_chance(3, 1, 1))
stale_n3_w2_r1 = fraction(stale_read_chance(3, 2, 1))
stale_n5_w2_r2 = fraction(stale_read_chance(5, 2, 2))
quorum_n3_survives = count(3 - 2)  # N=3, W=R=2: writes and reads each survive one replica down
quorum_n5_survives = count(5 - 3)  # N=5, W=R=3

if __name__ != "concept_quorums":
    print(
        markdown_table(
            (
                "Setting",
                "R + W",
                "Read always sees the write",
                "Read misses a write that reached only W",
                "Replicas down, writes still work",
                "Replicas down, reads still work",
            ),
            rows,
        )
    )
