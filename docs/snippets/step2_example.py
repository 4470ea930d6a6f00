"""Step 2: the whole method on one small service, through the site's sizing model."""

from sdw.estimation import (
    OUTPUTS,
    Machines,
    bandwidth,
    estimate,
    markdown_table,
    peak,
    per_second,
    size,
    size_per_day,
)
from sdw.presets import url_shortener as url_shortener_preset

inputs = url_shortener_preset()["inputs"]
result = estimate(inputs)

write_qps_avg = per_second(result["write_qps_avg"])
read_qps_peak = peak(result["read_qps_peak"])
storage_total = size(result["storage_total_bytes"])
servers = Machines(result["servers"])  # printed as servers() prints a count of machines

# The estimator's own labels, so this table and the estimator's name each output the same way.
label = {name: text for name, (text, _) in OUTPUTS.items()}

if __name__ != "step2_example":
    print(
        markdown_table(
            ("Output", "Value"),
            [
                (label["write_qps_avg"], write_qps_avg),
                (label["read_qps_avg"], per_second(result["read_qps_avg"])),
                (label["write_qps_peak"], peak(result["write_qps_peak"])),
                (label["read_qps_peak"], read_qps_peak),
                (label["storage_per_day_bytes"], size_per_day(result["storage_per_day_bytes"])),
                (
                    f"{label['storage_total_bytes']} ({inputs['retention_years']:g} years, "
                    f"{inputs['replication_factor']:g} copies)",
                    storage_total,
                ),
                (label["ingress_bytes_per_sec"], bandwidth(result["ingress_bytes_per_sec"])),
                (label["egress_bytes_per_sec"], bandwidth(result["egress_bytes_per_sec"])),
                (label["cache_bytes"], size(result["cache_bytes"])),
                (label["servers"], servers),
            ],
        )
    )
