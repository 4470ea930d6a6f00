"""Reference: the classic latency numbers (2009-2012) beside current hardware.

Raw facts are data, each with its source and date; every other figure (a cycle count turned into
time, a size divided by a bandwidth, a ratio) is computed. Where today's figure is a range, both
ends are kept, and the ratios use the middle of the range on a log scale (the geometric mean).
"""

import math

from reference_fiber import sf_amsterdam_rtt_floor
from sources import SOURCES as LINKED
from sources import cite, link

from sdw.estimation import KB, MB, count, duration, markdown_table, throughput, times

# --- Sources, cited by key in the tables ---------------------------------------------------------
SOURCES = {
    "Dean 2009": "Jeff Dean, Designs, Lessons and Advice from Building Large Distributed Systems, LADIS keynote, 2009",
    "Gist 2012": "Latency Numbers Every Programmer Should Know, GitHub gist by Jonas Bonér, 2012 (Dean's list plus SSD rows)",
    "AMD 2023": "AMD, Software Optimization Guide for the Zen 4 Microarchitecture, publication 57647, 2023",
    "AMD 2022": "AMD EPYC 9654 product specifications (96 cores, 2.4 GHz base, 3.7 GHz boost, 12 channels of DDR5-4800), 2022",
    "AnandTech 2019": "AnandTech, AMD Rome Second Generation EPYC Review, 2019 (measured cache and DRAM latency); clocks: the parts' specifications (EPYC 7742 3.4 GHz boost, EPYC 7601 3.2 GHz boost, Xeon Platinum 8280 4.0 GHz max turbo)",
    "Viennot 2022": "Nicolas Viennot, core-to-core-latency benchmark results, GitHub, 2022 (AWS c6a and c6i metal hosts)",
    "LZ4 2019": "LZ4 README benchmark: lzbench on a Core i7-9700K at 4.9 GHz, Silesia corpus, one thread (LZ4 1.9.0, Snappy 1.1.4)",
    "IEEE 802.3": "IEEE 802.3 Ethernet line rates (10 and 100 Gbit/s); serialization time computed",
    "Intel 2017": "Intel SSD DC P4500 (PCIe 3.1 x4 NVMe) product specifications: read latency, 85 µs for the 1 and 2 TB models "
    "and 115 µs for the 4 TB model (the link is the 1 TB model's page; the series lists the others)",
    "AnandTech 2020": "AnandTech, The Samsung 980 PRO PCIe 4.0 SSD Review, 2020: PCIe 4.0 does not help queue-depth-1 random reads",
    "Intel 2020": "Intel SSD D7-P5500 (PCIe 4.0 x4 NVMe) product specification: sequential read",
    "Micron 2024": "Micron 9550 (PCIe 5.0 x4 NVMe data-center drive, 2024), specifications as reviewed by StorageReview: "
    "14,000 MB/s sequential read, 60 µs typical read latency",
    "Google 2020": "Kumar et al., Swift: Delay is Simple and Effective for Congestion Control in the Datacenter, SIGCOMM 2020",
    "WD 2018": "Western Digital Ultrastar DC HC310 OEM specification: average seek, read, typical (7200 rpm)",
    "Seagate 2021": "Seagate Exos X20 data sheet: maximum sustained transfer rate (outer tracks)",
    "JEDEC": f"JEDEC DDR4 ({cite('JEDEC DDR4', 'JESD79-4')}) and DDR5 ({cite('JEDEC DDR5', 'JESD79-5')}) speed bins: "
    "DDR4-3200AA is 22-22-22, DDR5-4800B is 40-40-40",
    "Fiber": "Speed of light (exact, SI) over a fiber group index of 1.4682 "
    f"({cite('Corning SMF-28 Ultra')}, 1550 nm); see the fiber table",
}


def linked(key: str, text: str) -> str:
    """The source's description, linked to it where sources.py knows the key's address.

    Keys that sources.py does not know link their parts themselves (JEDEC, Fiber); tests/test_build.py
    fails a Source cell with no link.
    """
    return f"[{text}]({link(key)})" if key in LINKED else text


# --- The classic figures, as published (seconds) -----------------------------------------------------
NS, US, MS = 1e-9, 1e-6, 1e-3
CLASSIC = {
    "L1 cache reference": (0.5 * NS, "Dean 2009"),
    "Branch mispredict": (5 * NS, "Dean 2009"),
    "L2 cache reference": (7 * NS, "Dean 2009"),
    "Mutex lock/unlock": (25 * NS, "Dean 2009"),
    "Main memory reference": (100 * NS, "Dean 2009"),
    "Compress 1 KB (Zippy, now Snappy)": (3_000 * NS, "Dean 2009"),
    "Send 2 KB over the network": (20_000 * NS, "Dean 2009"),
    "SSD random read (4 KB)": (150_000 * NS, "Gist 2012"),
    "Read 1 MB sequentially from memory": (250_000 * NS, "Dean 2009"),
    "Round trip within a data center": (500_000 * NS, "Dean 2009"),
    "Read 1 MB sequentially from SSD": (1_000_000 * NS, "Gist 2012"),
    "Disk seek": (10_000_000 * NS, "Dean 2009"),
    "Read 1 MB sequentially from disk": (20_000_000 * NS, "Dean 2009"),
    "Round trip California-Netherlands": (150_000_000 * NS, "Dean 2009"),
}

# --- Current hardware: raw facts -------------------------------------------------------------------
zen4_l1_cycles = 4  # AMD 2023: integer load-to-use latency of the L1 data cache
zen4_mispredict_cycles = 13  # AMD 2023: "the common case penalty"; the range is 11 to 18 cycles
epyc_9654_base_hz, epyc_9654_boost_hz = 2.4e9, 3.7e9  # AMD 2022
# AnandTech 2019, measured L2 hit: (cycles, clock) for EPYC 7742, EPYC 7601 and Xeon Platinum 8280.
# One clock convention for all three: each part's highest single-core clock (boost for the EPYCs,
# max turbo for the Xeon, whose base clock is 2.7 GHz), where a latency-bound thread runs.
l2_measured = [(13, 3.4e9), (12, 3.2e9), (14, 4.0e9)]
dram_measured_low, dram_measured_high = 113 * NS, 134 * NS  # AnandTech 2019, full random, EPYC 7742
# Viennot 2022, median cache-line handoff between two cores: EPYC 7R13 within an 8-core group and
# across groups (Xeon Platinum 8375C sits between, at 51 ns).
core_handoff_low, core_handoff_high = 23 * NS, 107 * NS
lz4_bytes_per_s, snappy_bytes_per_s = 780 * MB, 565 * MB  # LZ4 2019, compression, one core
# IEEE 802.3: a mid-size cloud VM's cap to a 2020s server's NIC.
ethernet_bits_per_s = (10e9, 100e9)
# NVMe drives in service today span three link generations: the range runs from a PCIe 5.0 drive
# (Micron 2024) to a PCIe 3.1 one (Intel 2017, its 4 TB model; the 1 and 2 TB models read in 85 µs).
ssd_random_read_low, ssd_random_read_high = 60 * US, 115 * US
pcie4_ssd_seq_bytes_per_s = 7_000 * MB  # PCIe 4.0 x4: Intel 2020
pcie5_ssd_seq_bytes_per_s = 14_000 * MB  # PCIe 5.0 x4: Micron 2024
# Google 2020: short-RPC tail latency (p99) at data-center scale, with NIC hardware timestamps and
# Google's own host stack: a best case, below what a kernel TCP stack between cloud VMs sees.
dc_round_trip = 50 * US
disk_seek = 7.4 * MS  # WD 2018
disk_rpm = 7200  # WD 2018: the drive spins at 7,200 revolutions a minute
hdd_bytes_per_s = 285 * MB  # Seagate 2021
# One desktop core streaming memory (memcpy in the LZ4 2019 benchmark: a Core i7-9700K, which
# uses DDR4) and one DDR5-4800 channel's peak (4,800 million transfers a second, 8 bytes each).
# The two ends are unlike measurements, and the row's label says so: a theoretical channel bound, and
# a measured copy, whose rate counts each byte once although the copy reads and writes it, so a
# plain read by that core is at least as fast (the copy figure is not halved or doubled here).
one_core_memory_bytes_per_s = 13_700 * MB
ddr5_4800_channel_bytes_per_s = 4_800e6 * 8
# DRAM timings in clock cycles (JEDEC); the clock is half the transfer rate.
ddr4_3200_cas_cycles, ddr4_3200_clock_hz = 22, 1_600e6
ddr5_4800_cas_cycles, ddr5_4800_clock_hz = 40, 2_400e6

# --- Today's figures, computed (seconds, low and high) -----------------------------------------------
TODAY = {
    "L1 cache reference": (
        zen4_l1_cycles / epyc_9654_boost_hz,
        zen4_l1_cycles / epyc_9654_base_hz,
        "Zen 4 server core, 4 cycles",
        "AMD 2023, AMD 2022",
    ),
    "Branch mispredict": (
        zen4_mispredict_cycles / epyc_9654_boost_hz,
        zen4_mispredict_cycles / epyc_9654_base_hz,
        "Zen 4 server core, 13 cycles",
        "AMD 2023, AMD 2022",
    ),
    "L2 cache reference": (
        min(c / hz for c, hz in l2_measured),
        max(c / hz for c, hz in l2_measured),
        "EPYC and Xeon servers, 12 to 14 cycles at boost clock",
        "AnandTech 2019",
    ),
    "Mutex lock/unlock": (core_handoff_low, core_handoff_high, "Lock handed to another core", "Viennot 2022"),
    "Main memory reference": (
        dram_measured_low,
        dram_measured_high,
        "EPYC server, DDR4-3200, full random",
        "AnandTech 2019",
    ),
    "Compress 1 KB (Zippy, now Snappy)": (
        KB / lz4_bytes_per_s,
        KB / snappy_bytes_per_s,
        "LZ4 to Snappy, one desktop core",
        "LZ4 2019",
    ),
    "Send 2 KB over the network": (
        2 * KB * 8 / max(ethernet_bits_per_s),
        2 * KB * 8 / min(ethernet_bits_per_s),
        "100 to 10 Gbit/s link (a server's NIC to a mid-size VM's cap)",
        "IEEE 802.3",
    ),
    "SSD random read (4 KB)": (
        ssd_random_read_low,
        ssd_random_read_high,
        "NVMe, queue depth 1, a PCIe 5.0 drive to a PCIe 3.1 one",
        "Micron 2024, Intel 2017, AnandTech 2020",
    ),
    "Read 1 MB sequentially from memory": (
        MB / ddr5_4800_channel_bytes_per_s,
        MB / one_core_memory_bytes_per_s,
        "Theoretical DDR5-4800 channel peak; a measured memcpy on one desktop core (DDR4), which also writes each byte",
        "AMD 2022, LZ4 2019",
    ),
    "Round trip within a data center": (
        dc_round_trip,
        dc_round_trip,
        "p99, short RPC, Google's tuned fabric",
        "Google 2020",
    ),
    "Read 1 MB sequentially from SSD": (
        MB / pcie5_ssd_seq_bytes_per_s,
        MB / pcie4_ssd_seq_bytes_per_s,
        "NVMe, a PCIe 5.0 x4 drive to a PCIe 4.0 x4 one",
        "Micron 2024, Intel 2020",
    ),
    "Disk seek": (disk_seek, disk_seek, "7200 rpm disk, read", "WD 2018"),
    "Read 1 MB sequentially from disk": (
        MB / hdd_bytes_per_s,
        MB / hdd_bytes_per_s,
        "7200 rpm disk, outer tracks",
        "Seagate 2021",
    ),
    "Round trip California-Netherlands": (
        float(sf_amsterdam_rtt_floor),
        float(sf_amsterdam_rtt_floor),
        "Physical floor in fiber",
        "Fiber",
    ),
}
# Rows whose two figures measure different things: no ratio is printed for them.
NOT_COMPARABLE = {
    "Mutex lock/unlock": "not like for like",
    "Round trip California-Netherlands": "floor, not a measurement",
}


def typical(low: float, high: float) -> float:
    """The middle of a range on a log scale: fair to both ends when they differ by a factor."""
    return math.sqrt(low * high)


def span(low: float, high: float) -> str:
    """One figure, or 'low to high' when the source gives a range."""
    return str(duration(low)) if math.isclose(low, high) else f"{duration(low)} to {duration(high)}"


rows = []
for operation, (classic, classic_source) in CLASSIC.items():
    low, high, hardware, source = TODAY[operation]
    change = NOT_COMPARABLE.get(operation) or times(classic / typical(low, high))
    rows.append((operation, duration(classic), span(low, high), hardware, f"{classic_source}; {source}", change))

# Figures the page quotes in its prose.
l1_today_low = duration(TODAY["L1 cache reference"][0])
l1_classic_in_cycles_at_4ghz = count(CLASSIC["L1 cache reference"][0] * 4e9)
ddr4_3200_cas = duration(ddr4_3200_cas_cycles / ddr4_3200_clock_hz)
ddr5_4800_cas = duration(ddr5_4800_cas_cycles / ddr5_4800_clock_hz)
memory_today_typical = duration(typical(dram_measured_low, dram_measured_high))
ssd_random_read = typical(ssd_random_read_low, ssd_random_read_high)
ssd_random_change = times(CLASSIC["SSD random read (4 KB)"][0] / ssd_random_read)
ssd_seq_change = times(
    CLASSIC["Read 1 MB sequentially from SSD"][0] / typical(*TODAY["Read 1 MB sequentially from SSD"][:2])
)
network_send_change = times(
    CLASSIC["Send 2 KB over the network"][0] / typical(*TODAY["Send 2 KB over the network"][:2])
)
dc_round_trip_change = times(CLASSIC["Round trip within a data center"][0] / dc_round_trip)
disk_seek_change = times(CLASSIC["Disk seek"][0] / disk_seek)
disk_read_change = times(CLASSIC["Read 1 MB sequentially from disk"][0] / (MB / hdd_bytes_per_s))
# A random disk read waits for the seek, then on average half a turn of the platter.
disk_half_turn = duration(60 / disk_rpm / 2)
disk_random_read = duration(disk_seek + disk_half_turn)
disk_random_reads_per_second = throughput(1 / disk_random_read)
ssd_over_disk_random = times(disk_random_read / ssd_random_read)
# A read from another machine's memory (the round trip budgeted between VMs) against a local disk:
# far faster than a spinning disk's random read, slower than a local SSD's.
remote_memory_over_disk = times(disk_random_read / CLASSIC["Round trip within a data center"][0])
remote_memory_over_ssd = times(CLASSIC["Round trip within a data center"][0] / ssd_random_read)
classic_dc_round_trip_in_memory_refs = count(
    CLASSIC["Round trip within a data center"][0] / CLASSIC["Main memory reference"][0]
)
today_dc_round_trip_in_memory_refs = count(dc_round_trip / typical(dram_measured_low, dram_measured_high))
# The round trip to budget between cloud VMs in one data center (one zone): the classic half
# millisecond, not the modern row, which is a tuned fabric's p99 best case; VMs on a kernel TCP stack
# see more. The worked examples import this one value; a ping between your own VMs replaces it.
vm_round_trip_budget = duration(CLASSIC["Round trip within a data center"][0])
# A request that makes its backend calls one after another pays every round trip in turn. Between
# cloud VMs that is the budgeted round trip each; on a tuned fabric like Google's, whose figure is a
# p99, 30 of them cost at most the best case below if every one hits that tail.
sequential_calls = count(30)
sequential_calls_between_vms = duration(sequential_calls * vm_round_trip_budget)
sequential_calls_in_zone = duration(sequential_calls * dc_round_trip)
sequential_calls_across_ocean = duration(sequential_calls * float(sf_amsterdam_rtt_floor))

if __name__ != "reference_latency":
    print(
        markdown_table(
            ("Operation", "2009-2012", "Today", "Today: hardware", "Sources", "Speed-up"),
            rows,
        )
    )
    print()
    print(markdown_table(("Key", "Source"), [(key, linked(key, text)) for key, text in SOURCES.items()]))
