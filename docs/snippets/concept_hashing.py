"""Concepts, partitioning: how many keys move when a node joins, with modulo or consistent hashing.

A key is placed on node hash(key) mod N, or on a ring: each node owns the arc that ends at each
of its points (its tokens, or virtual nodes), and a key goes to the next point clockwise from its
hash (Karger et al., STOC 1997). The snippet hashes the same keys both ways, for 10 nodes and
then 11, and counts the keys whose node changed. It also measures how unevenly the ring spreads
keys with one point per node and with many; where the points fall is chance, so the ring's
figures are the mean and the range over several placements.
"""

import bisect
import hashlib

from sdw.estimation import count, fraction, markdown_table, times

KEYS = 100_000  # enough keys for the shares to settle within a fraction of a percent
NODES_BEFORE, NODES_AFTER = 10, 11
VIRTUAL_NODES = [1, 10, 100]  # points per node on the ring
PLACEMENTS = 20  # random placements of the nodes' points, each a different draw


def h(text: str) -> int:
    """A stable 64-bit hash (Python's own hash() changes from run to run)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


key_hashes = sorted(h(f"key-{i}") for i in range(KEYS))  # in ring order: each arc is then a slice


def modulo_owners(nodes: int) -> list[int]:
    return [k % nodes for k in key_hashes]


def ring_loads(nodes: int, points: int, placement: int) -> list[int]:
    """Keys per node on a ring; `placement` seeds where the nodes' points fall."""
    ring = sorted((h(f"placement-{placement}-node-{n}-point-{p}"), n) for n in range(nodes) for p in range(points))
    loads, counted = [0] * nodes, 0
    for position, node in ring:  # a point owns the keys between the point before it and itself
        upto = bisect.bisect_right(key_hashes, position)
        loads[node] += upto - counted
        counted = upto
    loads[ring[0][1]] += KEYS - counted  # keys past the last point go round to the first
    return loads


def busiest_over_mean(loads: list[int]) -> float:
    return max(loads) / (KEYS / len(loads))


ideal_moved = fraction(1 / NODES_AFTER)  # the new node's fair share: what a perfectly even placement moves

modulo_before, modulo_after = modulo_owners(NODES_BEFORE), modulo_owners(NODES_AFTER)
modulo_moved = fraction(sum(a != b for a, b in zip(modulo_before, modulo_after, strict=True)) / KEYS)
modulo_loads = [modulo_after.count(n) for n in range(NODES_AFTER)]
rows = [("hash mod N", modulo_moved, "(no chance involved)", times(busiest_over_mean(modulo_loads)))]
ring = {}
for points in VIRTUAL_NODES:
    # On a ring, a new node takes keys only from the arcs its points split, and no other key changes
    # node: the keys that move are the ones the eleventh node holds. One placement is one draw, so
    # the table gives the mean and the range over several.
    moved, busiest = [], []
    for placement in range(PLACEMENTS):
        after = ring_loads(NODES_AFTER, points, placement)
        moved.append(after[NODES_BEFORE] / KEYS)
        busiest.append(busiest_over_mean(after))
    ring[points] = (
        fraction(sum(moved) / PLACEMENTS),
        fraction(min(moved)),
        fraction(max(moved)),
        times(sum(busiest) / PLACEMENTS),
    )
    mean_moved, least_moved, most_moved, busiest_mean = ring[points]
    label = f"Ring, {points} point{'s' if points > 1 else ''} per node"
    rows.append((label, mean_moved, f"{least_moved} to {most_moved}", busiest_mean))

# Figures the pages quote.
keys = count(KEYS)
nodes_before = count(NODES_BEFORE)
nodes_after = count(NODES_AFTER)
placements = count(PLACEMENTS)
ring_moved = ring[100][0]
ring_moved_least, ring_moved_most = ring[100][1:3]
one_point_moved_least, one_point_moved_most = ring[1][1:3]
imbalance_one_point = ring[1][3]
imbalance_100_points = ring[100][3]

if __name__ != "concept_hashing":
    print(
        markdown_table(
            (
                f"Placement, {NODES_BEFORE} nodes to {NODES_AFTER}",
                f"Keys that move (mean of {PLACEMENTS} placements)",
                "Range over the placements",
                "Busiest node over the mean load (averaged likewise)",
            ),
            rows,
        )
    )
    print()
    print(
        f"The ideal is the new node's fair share, {ideal_moved} of {keys} keys: less leaves it underloaded, "
        "more moves keys needlessly."
    )
