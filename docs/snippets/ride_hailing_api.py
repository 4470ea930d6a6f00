"""Ride-hailing worked example: the stream's frames measured byte by byte against step 2's
allowances, and how long a client waits out `409 idempotency_key_in_use`."""

import json

from ride_hailing_assumptions import (
    abandoned_transaction_abort,
    create_deadline,
    location_update_wire_bytes,
    tracking_push_bytes,
)

from sdw.estimation import count, duration, fraction, markdown_table, size

# Frames are compact JSON with short names. A driver's position upload, as the phone sends it: the
# driver is the connection's, so the frame does not name it.
POSITION_FRAME = {
    "t": "pos",
    "seq": 18234,
    "ts": 1733312345123,
    "lat": 40.7488172,
    "lng": -73.9854281,
    "spd": 11.2,
    "hdg": 274,
    "acc": 5,
    "st": "avail",
    "seen": 1733312344950,
}
# A tracking push to the rider: the driver's position and the ETA. A rider has one ride at a time,
# so the frame does not name it either.
TRACKING_FRAME = {"t": "dpos", "seq": 18234, "lat": 40.7488172, "lng": -73.9854281, "hdg": 274, "eta": 312}


def json_bytes(frame: dict[str, object]) -> int:
    return len(json.dumps(frame, separators=(",", ":")))


# A WebSocket frame under 126 bytes of payload has a 2-byte header; a client's frames add a 4-byte
# mask (RFC 6455, 5.2). A TLS 1.3 record adds 5 bytes of header, 1 of content type and a 16-byte AEAD
# tag (RFC 8446, 5.2). IP and TCP headers are below what step 2 counts.
WS_HEADER_SERVER = 2
WS_HEADER_CLIENT = 2 + 4
TLS_RECORD_OVERHEAD = 5 + 1 + 16

position_payload_bytes = size(json_bytes(POSITION_FRAME))
position_frame_bytes = size(position_payload_bytes + WS_HEADER_CLIENT + TLS_RECORD_OVERHEAD)
position_frame_share = fraction(position_frame_bytes / location_update_wire_bytes)
tracking_payload_bytes = size(json_bytes(TRACKING_FRAME))
tracking_frame_bytes = size(tracking_payload_bytes + WS_HEADER_SERVER + TLS_RECORD_OVERHEAD)
tracking_frame_share = fraction(tracking_frame_bytes / tracking_push_bytes)

# `409 idempotency_key_in_use`: a retry of a create found the first attempt's rows locked. The
# first attempt ends within its deadline, or, if its server died, when the store aborts its
# transaction; the client's uncounted waits stop at that cap, doubling from a second.
key_in_use_wait_cap = duration(create_deadline + abandoned_transaction_abort)
key_in_use_first_wait = duration(1)
_waits: list[float] = []
while sum(_waits) + float(key_in_use_first_wait) * 2 ** len(_waits) <= float(key_in_use_wait_cap):
    _waits.append(float(key_in_use_first_wait) * 2 ** len(_waits))
key_in_use_doubling_time = duration(sum(_waits))
key_in_use_last_wait = duration(float(key_in_use_wait_cap) - sum(_waits))
key_in_use_waits = count(len(_waits) + (1 if float(key_in_use_last_wait) > 0 else 0))

if __name__ != "ride_hailing_api":
    print(
        markdown_table(
            ("Frame", "JSON payload", "On the wire (WebSocket and TLS)", "Step 2's allowance", "Share used"),
            [
                (
                    "Driver's position upload",
                    position_payload_bytes,
                    position_frame_bytes,
                    location_update_wire_bytes,
                    position_frame_share,
                ),
                (
                    "Tracking push to the rider",
                    tracking_payload_bytes,
                    tracking_frame_bytes,
                    tracking_push_bytes,
                    tracking_frame_share,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("409 idempotency_key_in_use", "Value"),
            [
                ("Longest the client waits (create deadline, then the store's abort)", key_in_use_wait_cap),
                ("Doubling waits from a second, before the cap", key_in_use_doubling_time),
                ("A last wait, clipped to the cap", key_in_use_last_wait),
                ("Waits at most, none counted as attempts", key_in_use_waits),
            ],
        )
    )
