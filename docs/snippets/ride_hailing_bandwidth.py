"""Ride-hailing worked example: bytes in and out at the busy hour."""

from ride_hailing_assumptions import (
    browse_queries_peak,
    browse_response_bytes,
    location_update_wire_bytes,
    ride_request_bytes,
    tracking_push_bytes,
)
from ride_hailing_traffic import location_writes_peak, rides_per_second_peak, tracking_pushes_peak

from sdw.estimation import bandwidth, markdown_table, times

# In: positions from every phone that sends them, and the requests themselves.
location_ingress_peak = bandwidth(location_writes_peak * location_update_wire_bytes, peak=True)
request_ingress_peak = bandwidth(rides_per_second_peak * ride_request_bytes, peak=True)
ingress_peak = bandwidth(location_ingress_peak + request_ingress_peak, peak=True)

# Out: tracking pushes to riders and drivers, and the map of nearby cars.
tracking_egress_peak = bandwidth(tracking_pushes_peak * tracking_push_bytes, peak=True)
browse_egress_peak = bandwidth(browse_queries_peak * browse_response_bytes, peak=True)
egress_peak = bandwidth(tracking_egress_peak + browse_egress_peak, peak=True)
locations_over_requests_in = times(location_ingress_peak / request_ingress_peak)

if __name__ != "ride_hailing_bandwidth":
    print(
        markdown_table(
            ("At the busy hour", "Peak"),
            [
                ("In: positions", location_ingress_peak),
                ("In: ride requests", request_ingress_peak),
                ("In, all", ingress_peak),
                ("Out: tracking pushes", tracking_egress_peak),
                ('Out: "cars near me" maps', browse_egress_peak),
                ("Out, all", egress_peak),
                ("Positions over requests, bytes in", locations_over_requests_in),
            ],
        )
    )
