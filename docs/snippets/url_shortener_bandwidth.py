"""URL shortener worked example: bytes in and out a second."""

from url_shortener_assumptions import (
    create_request_bytes,
    edge_log_line_bytes,
    long_url_bytes,
    redirect_header_bytes,
    redirect_request_bytes,
)
from url_shortener_traffic import (
    creations_per_second,
    creations_per_second_peak,
    redirects_per_second,
    redirects_per_second_peak,
)

from sdw.estimation import bandwidth, markdown_table, size

# A redirect carries no body worth counting: the status line, the headers, and the Location URL.
redirect_response_bytes = size(redirect_header_bytes + long_url_bytes)

# In: the create calls, and the redirect requests themselves, which are ten times as many.
create_ingress = bandwidth(creations_per_second * create_request_bytes)
create_ingress_peak = bandwidth(creations_per_second_peak * create_request_bytes, peak=True)
redirect_ingress = bandwidth(redirects_per_second * redirect_request_bytes)
redirect_ingress_peak = bandwidth(redirects_per_second_peak * redirect_request_bytes, peak=True)
ingress = bandwidth(create_ingress + redirect_ingress)
ingress_peak = bandwidth(create_ingress_peak + redirect_ingress_peak, peak=True)

# Out: redirect responses; create responses are as many as create requests and smaller, so left out.
egress = bandwidth(redirects_per_second * redirect_response_bytes)
egress_peak = bandwidth(redirects_per_second_peak * redirect_response_bytes, peak=True)
egress_peak_megabits = egress_peak * 8 / 1e6
# The edge's request log, one raw line per redirect, before the stream job trims it to a click event.
click_stream = bandwidth(redirects_per_second * edge_log_line_bytes)
click_stream_peak = bandwidth(redirects_per_second_peak * edge_log_line_bytes, peak=True)

if __name__ != "url_shortener_bandwidth":
    print(
        markdown_table(
            ("Flow", "Bytes each", "Average", "Peak"),
            [
                ("Create requests in", size(create_request_bytes), create_ingress, create_ingress_peak),
                ("Redirect requests in", size(redirect_request_bytes), redirect_ingress, redirect_ingress_peak),
                ("**All in**", "", ingress, ingress_peak),
                ("Redirect responses out", redirect_response_bytes, egress, egress_peak),
                ("Edge request log to analytics", size(edge_log_line_bytes), click_stream, click_stream_peak),
            ],
        )
    )
    print()
    print(f"Peak egress is about {egress_peak_megabits:.0f} Mbit/s: a fraction of one server's network card.")
