"""Concepts, partitioning: how many keys move when a node joins, with modulo or consistent hashing.

A key is placed on node hash(key) mod N, or on a ring: each node owns the arc that ends at each
of its points (its tokens, or virtual nodes), and a key goes to the next point clockwise from its
hash (Karger et al., STOC 1997). The snippet hashes the same keys both ways, for 10 nodes and
then 11, and counts the keys whose node changed. It also measures how unevenly the ring spreads
keys with one point per node and with many.
"""

import bisect
import hashlib

from sdw.estimation import count, fraction, markdown_table, times

KEYS = 100_000  # enough keys for the shares to settle within a fraction of a percent
NODES_BEFORE, NODES_AFTER = 10, 11
VIRTUAL_NODES = [1, 10, 100]  # points per node on the ring


def h(text: str) -> int:
    """A stable 64-bit hash (Python's own hash() changes from run to run)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


key_hashes = sorted(h(f"key-{i}") for i in range(KEYS))  # in ring order: each arc is then a slice


def modulo_owners(nodes: int) -> list[int]:
    return [k % nodes for k in key_hashes]


def ring_owners(nodes: int, points: int) -> list[int]:
    """Each key's node: the first point at or after the key's hash, going round."""
    ring = sorted((h(f"node-{n}-point-{p}"), n) for n in range(nodes) for p in range(points))
    owners: list[int] = []
    for position, node in ring:  # a point owns the keys between the point before it and itself
        owners += [node] * (bisect.bisect_right(key_hashes, position) - len(owners))
    return owners + [ring[0][1]] * (KEYS - len(owners))  # keys past the last point go round to the first


def moved_share(before: list[int], after: list[int]) -> float:
    return sum(a != b for a, b in zip(before, after, strict=True)) / KEYS


def busiest_over_mean(owners: list[int], nodes: int) -> float:
    loads = [0] * nodes
    for owner in owners:
        loads[owner] += 1
    return max(loads) / (KEYS / nodes)


ideal_moved = fraction(1 / NODES_AFTER)  # the new node's fair share, the least that must move

modulo_after = modulo_owners(NODES_AFTER)
modulo_moved = fraction(moved_share(modulo_owners(NODES_BEFORE), modulo_after))
rows = [("hash mod N", modulo_moved, times(busiest_over_mean(modulo_after, NODES_AFTER)))]
ring = {}
for points in VIRTUAL_NODES:
    before, after = ring_owners(NODES_BEFORE, points), ring_owners(NODES_AFTER, points)
    ring[points] = (fraction(moved_share(before, after)), times(busiest_over_mean(after, NODES_AFTER)))
    rows.append((f"Ring, {points} point{'s' if points > 1 else ''} per node", *ring[points]))

# Figures the pages quote.
keys = count(KEYS)
nodes_before = count(NODES_BEFORE)
nodes_after = count(NODES_AFTER)
ring_moved = ring[100][0]
imbalance_one_point = ring[1][1]
imbalance_100_points = ring[100][1]

if __name__ != "concept_hashing":
    print(
        markdown_table(
            (f"Placement, {NODES_BEFORE} nodes to {NODES_AFTER}", "Keys that move", "Busiest node over the mean"),
            rows,
        )
    )
    print()
    print(f"The least that can move is the new node's fair share, {ideal_moved} of {keys} keys.")
