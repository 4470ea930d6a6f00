"""Ride-hailing worked example: the stream's frames measured byte by byte against step 2's
allowances, how long a client waits out `409 idempotency_key_in_use`, and how long the accept may
wait for the payment hold."""

import json

from ride_hailing_assumptions import (
    abandoned_transaction_abort,
    batch_window,
    browse_response_bytes,
    cars_on_map,
    create_deadline,
    driver_decision_time,
    ip_tcp_header_bytes,
    key_in_use_retry_after,
    location_update_wire_bytes,
    match_latency_target,
    tracking_push_bytes,
)
from ride_hailing_latency import first_offer_ack

from sdw.estimation import (
    EQUAL_JITTER_SHORTEST,
    count,
    doubling_waits,
    duration,
    fraction,
    markdown_table,
    retry_spread,
    rounds_within,
    size,
)

# Frames are compact JSON with short names. A driver's position upload, as the phone sends it: the
# driver is the connection's, so the frame does not name it, and it carries no status: the stream
# server stamps the driver's status from driver_state (step 4).
POSITION_FRAME = {
    "t": "pos",
    "seq": 18234,
    "ts": 1733312345123,
    "lat": 40.7488172,
    "lng": -73.9854281,
    "spd": 11.2,
    "hdg": 274,
    "acc": 5,
    "seen": 1733312344950,
}
# A tracking push to the rider: the driver's position, the ETA and the server's time, which the
# rider's `pong` echoes in `seen`. A rider has one ride at a time, so the frame does not name it.
TRACKING_FRAME = {
    "t": "dpos",
    "seq": 18234,
    "srv_ts": 1733312345201,
    "lat": 40.7488172,
    "lng": -73.9854281,
    "hdg": 274,
    "eta": 312,
}
# "Cars near me": the rider's phone subscribes with a point; the server pushes the nearest cars every
# map refresh until the phone sends another point or requests. Five decimals (about a meter) suffice
# for a map.
NEARBY_FRAME = {"t": "nearby", "lat": 40.74844, "lng": -73.98566, "product": "economy"}
_CAR = {"lat": 40.74882, "lng": -73.98543, "hdg": 274}
CARS_FRAME = {"t": "cars", "srv_ts": 1733312345201, "cars": [_CAR] * int(cars_on_map)}


def json_bytes(frame: dict[str, object]) -> int:
    return len(json.dumps(frame, separators=(",", ":")))


# A WebSocket frame's header is 2 bytes under 126 bytes of payload and 4 up to 65,535; a client's
# frames add a 4-byte mask (RFC 6455, 5.2). A TLS 1.3 record adds 5 bytes of header, 1 of content
# type and a 16-byte AEAD tag (RFC 8446, 5.2). IP and TCP headers are below what step 2 counts.
TLS_RECORD_OVERHEAD = 5 + 1 + 16


def wire_bytes(payload: int, from_client: bool) -> int:
    assert payload < 2**16, "a payload of 65,536 bytes or more takes a 10-byte WebSocket header"
    header = 2 if payload < 126 else 4
    return payload + header + (4 if from_client else 0) + TLS_RECORD_OVERHEAD


position_payload_bytes = size(json_bytes(POSITION_FRAME))
position_frame_bytes = size(wire_bytes(json_bytes(POSITION_FRAME), from_client=True))
position_frame_share = fraction(position_frame_bytes / location_update_wire_bytes)
position_frame_with_ip_tcp = size(position_frame_bytes + ip_tcp_header_bytes)
tracking_payload_bytes = size(json_bytes(TRACKING_FRAME))
tracking_frame_bytes = size(wire_bytes(json_bytes(TRACKING_FRAME), from_client=False))
tracking_frame_share = fraction(tracking_frame_bytes / tracking_push_bytes)
nearby_frame_bytes = size(wire_bytes(json_bytes(NEARBY_FRAME), from_client=True))
cars_payload_bytes = size(json_bytes(CARS_FRAME))
cars_frame_bytes = size(wire_bytes(json_bytes(CARS_FRAME), from_client=False))
cars_frame_share = fraction(cars_frame_bytes / browse_response_bytes)

# The payment hold runs beside the first matching window; the offer does not wait for it, the
# accept's commit does, and only while the processor has not answered. The hold is given the match
# target's budget, counted from the request: by then the first offer has reached its driver, and no
# accept waits past it. The earliest accept comes from a request that lands as its area's window
# closes (no wait for the window), a phone at the budget's p99 round trip and a driver who taps at
# once: it waits what is left of the timeout (a little more on a faster network). A driver who takes
# the typical decision time accepts after the timeout, so waits for nothing.
hold_timeout = duration(match_latency_target)
fastest_offer_ack = duration(first_offer_ack - batch_window)
hold_wait_instant_tap = duration(hold_timeout - fastest_offer_ack)
# The same tap on a request that waited its area's window in full: what the budget leaves under the target.
hold_wait_full_window = duration(hold_timeout - first_offer_ack)
hold_wait_typical = duration(max(0.0, float(hold_timeout) - float(fastest_offer_ack) - float(driver_decision_time)))

# `409 idempotency_key_in_use`: a retry of a create found the first attempt's rows locked. The
# first attempt ends within its deadline, or, if its server died, when the store aborts its
# transaction. The client's uncounted waits work as Twitter's (step 3 there): they stop on time, at
# that cap since the first 409 (the last retry at it), doubling from twice the server's `Retry-After`,
# each drawn with equal jitter (between half and all of its length), so that riders who failed
# together, after a store's failover say, do not retry in step, and none retries before
# `Retry-After`: a wait that would pass the cap ends at it, but never sooner than `Retry-After` after
# the retry before. The rounds: fewest when every wait runs its full length (the last clipped to what
# is left), most when every one runs half of it.
key_in_use_wait_cap = duration(create_deadline + abandoned_transaction_abort)
key_in_use_first_wait = duration(float(key_in_use_retry_after) / EQUAL_JITTER_SHORTEST)
_waits = doubling_waits(float(key_in_use_first_wait), float(key_in_use_wait_cap))
key_in_use_doubling_time = duration(sum(_waits))
key_in_use_last_wait = duration(float(key_in_use_wait_cap) - sum(_waits))
key_in_use_fewest_waits = count(rounds_within(float(key_in_use_first_wait), float(key_in_use_wait_cap)))
key_in_use_waits = count(rounds_within(float(key_in_use_first_wait), float(key_in_use_wait_cap), EQUAL_JITTER_SHORTEST))
key_in_use_wait_1, key_in_use_wait_2 = (duration(w) for w in _waits[:2])
# Every draw on a grid of equal jitter's range, as Twitter's snippet checks its own: no retry sooner
# than `Retry-After` after the one before, the last at the cap or later (at most `Retry-After` past
# it), and the rounds from the fewest to the most above. Clipped to the cap alone, draws summing to
# 7.5 s would leave the last wait 0.5 s.
_spread = retry_spread(float(key_in_use_first_wait), float(key_in_use_wait_cap), float(key_in_use_retry_after))
key_in_use_shortest_gap = duration(_spread.shortest_gap)
key_in_use_latest_retry = duration(float(key_in_use_wait_cap) + float(key_in_use_retry_after))
assert _spread.shortest_gap >= float(key_in_use_retry_after), key_in_use_shortest_gap
assert float(key_in_use_wait_cap) <= _spread.earliest_last and _spread.latest_last < float(key_in_use_latest_retry)
assert (_spread.fewest, _spread.most) == (int(key_in_use_fewest_waits), int(key_in_use_waits))

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
                (
                    f'"Cars near me" push, {cars_on_map} cars',
                    cars_payload_bytes,
                    cars_frame_bytes,
                    browse_response_bytes,
                    cars_frame_share,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Also", "Value"),
            [
                ("A driver's position with IP and TCP headers", position_frame_with_ip_tcp),
                ('The "nearby" subscribe frame, on the wire', nearby_frame_bytes),
                ("Payment hold timeout, from the request", hold_timeout),
                ("An accept's wait for a hold not yet answered, p99 round trip, instant tap", hold_wait_instant_tap),
                (f"An accept's wait for the hold, a typical {driver_decision_time} decision", hold_wait_typical),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("409 idempotency_key_in_use", "Value"),
            [
                ("Longest the client waits (create deadline, then the store's abort)", key_in_use_wait_cap),
                (
                    f"At full length: waits doubling from {key_in_use_first_wait} (twice `Retry-After`)",
                    key_in_use_doubling_time,
                ),
                ("... each", f"{key_in_use_wait_1}, {key_in_use_wait_2}"),
                ("At full length: a last wait, clipped to the cap", key_in_use_last_wait),
                ("Rounds, every wait at its full length, none counted as attempts", key_in_use_fewest_waits),
                ("... at most, every wait at half its length", key_in_use_waits),
            ],
        )
    )
