"""Step 2: the whole method on one small service, through the site's sizing model."""

from sdw.estimation import Machines, bandwidth, estimate, markdown_table, peak, per_second, size, size_per_day
from sdw.presets import presets

inputs = presets()["url_shortener"]["inputs"]
result = estimate(inputs)

write_qps_avg = per_second(result["write_qps_avg"])
read_qps_peak = peak(result["read_qps_peak"])
storage_total = size(result["storage_total_bytes"])
servers = Machines(result["servers"])  # printed as servers() prints a count of machines

if __name__ != "step2_example":
    print(
        markdown_table(
            ("Output", "Value"),
            [
                ("Writes per second (average)", write_qps_avg),
                ("Reads per second (average)", per_second(result["read_qps_avg"])),
                ("Writes per second (peak)", peak(result["write_qps_peak"])),
                ("Reads per second (peak)", read_qps_peak),
                ("Storage per day (one copy)", size_per_day(result["storage_per_day_bytes"])),
                (
                    f"Storage after {inputs['retention_years']:g} years, {inputs['replication_factor']:g} copies",
                    storage_total,
                ),
                ("Ingress (bytes written to storage)", bandwidth(result["ingress_bytes_per_sec"])),
                ("Egress (responses to reads)", bandwidth(result["egress_bytes_per_sec"])),
                ("Cache for the hottest reads", size(result["cache_bytes"])),
                ("Servers for the peak alone", servers),
            ],
        )
    )
