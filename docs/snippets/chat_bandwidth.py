"""Chat service worked example: bytes a second in and out, text against media."""

from chat_assumptions import cdn_hit_ratio, delivered_live_share, media_download_share, peak_to_average
from chat_connections import heartbeats_per_second_peak
from chat_data_model import message_row_bytes
from chat_storage import media_bytes_per_message
from chat_traffic import deliveries_per_second, device_deliveries_per_message, messages_per_second

from sdw.estimation import bandwidth, markdown_table, size, times

# A message on the wire is about the size of its row: body, IDs and framing.
text_ingress = bandwidth(messages_per_second * message_row_bytes)
text_egress = bandwidth(deliveries_per_second * message_row_bytes)
# Only the deliveries down a live socket leave from the owner's memory; the rest are read from the
# store by connection servers (sync) or by the REST history call.
text_egress_live = bandwidth(text_egress * delivered_live_share)
text_egress_from_store = bandwidth(text_egress - text_egress_live)

# Media goes up once to the object store and comes down to each recipient device that fetches it.
media_ingress = bandwidth(messages_per_second * media_bytes_per_message)
media_egress = bandwidth(
    messages_per_second * media_bytes_per_message * device_deliveries_per_message * media_download_share
)
media_egress_peak = bandwidth(media_egress * peak_to_average, peak=True)
media_origin_egress = bandwidth(media_egress * (1 - cdn_hit_ratio))
media_origin_egress_peak = bandwidth(media_egress_peak * (1 - cdn_hit_ratio), peak=True)
media_over_text_egress = times(media_egress / text_egress)

# Heartbeats: a WebSocket ping and its pong, each about 80 bytes with TLS, TCP and IP headers.
heartbeat_frame_bytes = size(80)
heartbeat_bandwidth_peak = bandwidth(heartbeats_per_second_peak * 2 * heartbeat_frame_bytes, peak=True)
# Compared like for like, at peak: every text frame (send or delivery) with the same headers.
text_frames_bandwidth_peak = bandwidth(
    (messages_per_second + deliveries_per_second) * (message_row_bytes + heartbeat_frame_bytes) * peak_to_average,
    peak=True,
)
heartbeats_over_text_peak = times(heartbeat_bandwidth_peak / text_frames_bandwidth_peak)

if __name__ != "chat_bandwidth":
    print(
        markdown_table(
            ("Traffic", "In (average)", "Out (average)"),
            [
                ("Message text in, and out to live sockets, via chat servers", text_ingress, text_egress_live),
                ("Message text out read from the store (sync, history call)", "", text_egress_from_store),
                ("Media, through the object store and CDN", media_ingress, media_egress),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Media out at peak", media_egress_peak),
                ("Media out served by the origin (CDN misses), at peak", media_origin_egress_peak),
                ("Media out served by the origin (CDN misses), on average", media_origin_egress),
                ("Media out per byte of text out", media_over_text_egress),
                ("Heartbeats, both ways, at peak", heartbeat_bandwidth_peak),
                ("Message text frames, in and out, at peak, with headers", text_frames_bandwidth_peak),
                ("Heartbeats per byte of text, at peak", heartbeats_over_text_peak),
            ],
        )
    )
