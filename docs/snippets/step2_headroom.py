"""Step 2: conversions 4 and 6 in full, on top of the sizing model's outputs for the same service.

The model gives average bandwidth only, and servers for the peak alone. The method adds the peak
bandwidth, and the headroom to lose one of three zones (step 7's factor).
"""

import math

from step2_example import inputs, result
from step7_zone_headroom import three_zone_headroom

from sdw.estimation import Machines, bandwidth, markdown_table, peak

peak_factor = inputs["peak_to_average"]

# Conversion 4. The model's "ingress" is the bytes each write stores, not the bytes of the
# requests that arrive: reads come in as requests too, and every request carries headers.
stored_bytes_per_second = bandwidth(result["ingress_bytes_per_sec"])
stored_bytes_per_second_peak = bandwidth(result["ingress_bytes_per_sec"] * peak_factor, peak=True)
egress = bandwidth(result["egress_bytes_per_sec"])
egress_peak = bandwidth(result["egress_bytes_per_sec"] * peak_factor, peak=True)

# Conversion 6. Peak requests over one server's capacity, times the headroom to lose a zone,
# rounded up.
requests_peak = peak(result["write_qps_peak"] + result["read_qps_peak"])
servers_with_headroom = Machines(math.ceil(requests_peak * three_zone_headroom / inputs["requests_per_server"]))

if __name__ != "step2_headroom":
    print(
        markdown_table(
            ("Bandwidth", "Average", "Peak"),
            [
                (
                    "Bytes stored by writes (the model's ingress)",
                    stored_bytes_per_second,
                    stored_bytes_per_second_peak,
                ),
                ("Egress (bytes sent to reads)", egress, egress_peak),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Servers", "Value"),
            [
                ("Requests a second, peak", requests_peak),
                ("Headroom to lose one of three zones (step 7)", three_zone_headroom),
                ("Servers, rounded up", servers_with_headroom),
            ],
        )
    )
