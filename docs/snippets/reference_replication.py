"""Reference: what redundancy costs in storage, and how many failures a quorum survives."""

from sources import cite

from sdw.estimation import count, markdown_table, times

# --- Storage overhead: bytes stored per byte of data --------------------------------------------------------
# (scheme, data fragments, extra fragments, any-fragment losses it survives, where it is used).
# The local reconstruction code adds 2 local and 2 global parities and survives any 3 losses (and
# most patterns of 4); the others survive as many losses as they have extra fragments.
SCHEMES = [
    (
        "Three full copies",
        1,
        2,
        2,
        f"{cite('GFS 2003', 'GFS (SOSP 2003)')} and {cite('HDFS', 'HDFS')} default replication",
    ),
    ("Reed-Solomon 6 data + 3 parity", 6, 3, 3, cite("HDFS EC", "HDFS default erasure-coding policy (RS-6-3-1024k)")),
    (
        "Reed-Solomon 10 data + 4 parity",
        10,
        4,
        4,
        cite("f4 2014", "Facebook f4 warm storage, within one data center (OSDI 2014)"),
    ),
    ("Local reconstruction code 12 + 2 + 2", 12, 4, 3, cite("Azure 2012", "Windows Azure Storage (USENIX ATC 2012)")),
]
scheme_rows = [
    (scheme, times((data + extra) / data), count(survives), source) for scheme, data, extra, survives, source in SCHEMES
]
# f4 also survives losing a whole data center: it XORs two data centers' volumes into a third, so
# each byte costs its Reed-Solomon overhead times 3/2.
f4_geo_overhead = times(14 / 10 * 3 / 2)
three_copies_overhead = times(3)
rs_6_3_overhead = times(9 / 6)

# --- Quorums: a majority of n replicas must agree (Paxos, Raft) ------------------------------------------------
GROUP_SIZES = [3, 5, 7]
quorum_rows = [(count(n), count(n // 2 + 1), count((n - 1) // 2)) for n in GROUP_SIZES]
five_replicas_tolerate = count((5 - 1) // 2)

if __name__ != "reference_replication":
    print(markdown_table(("Scheme", "Bytes stored per byte", "Any losses survived", "Source"), scheme_rows))
    print()
    print(markdown_table(("Replicas", "Majority needed", "Failures survived"), quorum_rows))
