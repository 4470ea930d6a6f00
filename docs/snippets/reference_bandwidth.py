"""Reference: how long it takes to move a megabyte, a gigabyte and a terabyte along common paths."""

from reference_latency import (
    ddr5_4800_channel_bytes_per_s,
    hdd_bytes_per_s,
    one_core_memory_bytes_per_s,
    pcie4_ssd_seq_bytes_per_s,
    pcie5_ssd_seq_bytes_per_s,
)
from sources import SOURCES, cite

from sdw.estimation import GB, MB, TB, duration, fraction, markdown_table, size, throughput, times

# --- Raw facts -------------------------------------------------------------------------------------
epyc_9654_memory_channels = 12  # AMD 2022
pcie4_transfers_per_s_per_lane = 16e9  # PCI-SIG, PCI Express 4.0 (2017): 16 GT/s a lane
pcie4_payload_bits_per_transfer = 128 / 130  # PCI-SIG: 128b/130b line encoding
nvme_lanes = 4
ethernet_gbit_per_s = (1, 10, 25, 100, 400)  # IEEE 802.3 line rates
# A large drive of today: Seagate Exos M, 30 TB with conventional recording, shipping since 2024 (Seagate
# 2024; shingled models hold 32 TB and 36 TB has sampled). Read at the X20's rated rate (Seagate 2021): a
# drive's sequential rate grows only with the bits along a track, far slower than its capacity.
hdd_capacity_bytes = 30 * TB
# A drive with two actuators, each reading half the platters at once: Seagate's Exos 2X18, rated at 554 MB/s
# sustained on SATA (Tom's Hardware 2022, from Seagate's data sheet). Named beside the table's single-actuator rate.
hdd_dual_actuator_bytes_per_s = 554 * MB


def linked_key(source: str) -> str:
    """A source cell whose key sources.py knows, linked: 'LZ4 2019 (memcpy)' -> '[LZ4 2019](...) (memcpy)'."""
    key = next((k for k in SOURCES if source.startswith(k)), None)
    return source if key is None else cite(key) + source[len(key) :]


pcie4_x4_bytes_per_s = pcie4_transfers_per_s_per_lane * pcie4_payload_bits_per_transfer * nvme_lanes / 8

PATHS = [
    ("One core streaming from memory", one_core_memory_bytes_per_s, "LZ4 2019 (memcpy)"),
    ("One DDR5-4800 channel, peak", ddr5_4800_channel_bytes_per_s, "JEDEC DDR5 rate x 8 bytes"),
    ("A 12-channel DDR5-4800 socket, peak", ddr5_4800_channel_bytes_per_s * epyc_9654_memory_channels, "AMD 2022"),
    ("PCIe 4.0 x4 link, ceiling", pcie4_x4_bytes_per_s, "PCI-SIG 2017"),
    ("PCIe 4.0 NVMe SSD, sequential", pcie4_ssd_seq_bytes_per_s, "Intel 2020"),
    ("PCIe 5.0 NVMe SSD, sequential", pcie5_ssd_seq_bytes_per_s, "Micron 2024"),
    ("7200 rpm disk, outer tracks", hdd_bytes_per_s, "Seagate 2021"),
] + [(f"{rate} Gbit/s Ethernet, line rate", rate * 1e9 / 8, "IEEE 802.3") for rate in ethernet_gbit_per_s]

rows = [
    (path, throughput(rate, "B/s"), duration(MB / rate), duration(GB / rate), duration(TB / rate), linked_key(source))
    for path, rate, source in PATHS
]

# Figures the page quotes.
pcie4_x4_ceiling = throughput(pcie4_x4_bytes_per_s, "B/s")
ssd_share_of_link = fraction(pcie4_ssd_seq_bytes_per_s / pcie4_x4_bytes_per_s)
hdd_full_read = duration(hdd_capacity_bytes / hdd_bytes_per_s)
hdd_capacity = size(hdd_capacity_bytes)
hdd_best_rate = throughput(hdd_bytes_per_s, "B/s")  # the Exos X20's rated rate, read for the 30 TB drive too
hdd_dual_actuator_rate = throughput(hdd_dual_actuator_bytes_per_s, "B/s")
terabyte_over_10_gbit = duration(TB / (10e9 / 8))
pcie5_ssd_seq = throughput(pcie5_ssd_seq_bytes_per_s, "B/s")
pcie5_over_pcie4_ssd = times(pcie5_ssd_seq_bytes_per_s / pcie4_ssd_seq_bytes_per_s)

if __name__ != "reference_bandwidth":
    print(markdown_table(("Path", "Bandwidth", "1 MB", "1 GB", "1 TB", "Source"), rows))
