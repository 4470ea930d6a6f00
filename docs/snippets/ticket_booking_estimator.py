"""Ticket booking worked example: the estimator's ten-input model beside the figures on the pages."""

from ticket_booking_servers import fleet_servers
from ticket_booking_storage import order_bytes_total, storage_total
from ticket_booking_traffic import page_views_peak, purchases_per_second, waiting_room_requests_peak

from sdw.estimation import estimate, markdown_table, peak, per_second, servers, size
from sdw.presets import ticket_booking as ticket_booking_preset

model = estimate(ticket_booking_preset()["inputs"])

model_orders = per_second(model["write_qps_avg"])
model_reads_peak = peak(model["read_qps_peak"])
model_storage = size(model["storage_total_bytes"])
model_servers = servers(model["servers"])

if __name__ != "ticket_booking_estimator":
    print(
        markdown_table(
            ("Figure", "Estimator (ten inputs)", "This example"),
            [
                ("Purchases a second, average", model_orders, purchases_per_second),
                ("Page views a second, peak", model_reads_peak, page_views_peak),
                ("Hot on-sale: waiting-room requests, peak", "not modeled", waiting_room_requests_peak),
                ("Orders and tickets over retention, all copies", model_storage, order_bytes_total),
                ("Everything stored, seats and holds included", "not modeled", storage_total),
                ("Servers", model_servers, fleet_servers),
            ],
        )
    )
