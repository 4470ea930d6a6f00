"""Concepts, CDNs and object storage: how long a photo takes to arrive over a new connection, from a
nearby edge and from an origin on another continent.

A new connection costs ROUND_TRIPS_NEW_CONNECTION round trips before the first byte of the answer
(TCP, TLS 1.3, the request), and the answer then grows under TCP slow start: the sender starts with
an initial window of INITIAL_WINDOW segments (RFC 6928) and doubles it every round trip, with no loss.
The first window arrives with the request's round trip; each further window costs one more. The
edge's miss goes to the origin over a connection it keeps open and whose window has long since grown,
so it adds one edge-to-origin round trip and the edge streams the bytes on as they come. Whatever
reads from the origin, the edge or a client far away, also waits for the object store's first byte,
STORE_FIRST_BYTE (S3's guidance puts small reads at tens of milliseconds at the median; far more at
the tail); a hit at the edge does not.

Round trips: the URL shortener example's (a nearby edge, an edge to a far origin), and the latency
reference's classic California-Netherlands round trip for a client far from the origin, beside its
physical floor.
"""

import math

from reference_fiber import dean_california_netherlands, sf_amsterdam_rtt_floor
from twitter_assumptions import photo_served_bytes
from url_shortener_assumptions import round_trips_new_connection, rtt_edge_to_origin, rtt_to_edge

from sdw.estimation import count, duration, markdown_table, size, times

INITIAL_WINDOW = 10  # segments, RFC 6928
SEGMENT_BYTES = 1_460  # a TCP segment's payload on a 1,500-byte Ethernet path
STORE_FIRST_BYTE = 0.030  # the object store's time to a small object's first byte, at the median


def windows_needed(nbytes: float) -> int:
    """Round trips of slow start that deliver nbytes: windows of 10, 20, 40... segments."""
    segments = math.ceil(nbytes / SEGMENT_BYTES)
    windows, sent, window = 0, 0, INITIAL_WINDOW
    while sent < segments:
        sent += window
        window *= 2
        windows += 1
    return windows


photo_bytes = size(photo_served_bytes)
photo_windows = count(windows_needed(photo_served_bytes))
# The first window rides the request's round trip; each further one costs a round trip.
round_trips_photo = count(round_trips_new_connection + photo_windows - 1)
photo_from_edge = duration(round_trips_photo * rtt_to_edge)
photo_edge_miss = duration(round_trips_photo * rtt_to_edge + rtt_edge_to_origin + STORE_FIRST_BYTE)
photo_from_far_origin = duration(round_trips_photo * dean_california_netherlands + STORE_FIRST_BYTE)
photo_at_floor = duration(round_trips_photo * sf_amsterdam_rtt_floor + STORE_FIRST_BYTE)
store_first_byte = duration(STORE_FIRST_BYTE)
far_over_edge = times(photo_from_far_origin / photo_from_edge)
# On a connection already open, with its window grown, the photo costs one round trip.
warm_from_edge = duration(rtt_to_edge)
warm_from_far_origin = duration(dean_california_netherlands)
initial_window = count(INITIAL_WINDOW)
initial_window_bytes = size(INITIAL_WINDOW * SEGMENT_BYTES)

if __name__ != "concept_cdn_latency":
    print(
        markdown_table(
            (f"A {photo_bytes} photo over a new connection", "Round trip", "Time to the last byte"),
            [
                ("From the nearby edge, a hit", rtt_to_edge, photo_from_edge),
                ("From the nearby edge, a miss to the origin", rtt_to_edge, photo_edge_miss),
                ("Straight from an origin on another continent", dean_california_netherlands, photo_from_far_origin),
                ("The same, at the speed-of-light floor", sf_amsterdam_rtt_floor, photo_at_floor),
            ],
        )
    )
    print()
    print(
        f"{round_trips_new_connection} round trips to set up and ask, then {photo_windows} windows of slow start "
        f"(the first with the answer's round trip): {round_trips_photo} round trips in all; every read from the "
        f"origin also waits {store_first_byte} for the store's first byte."
    )
