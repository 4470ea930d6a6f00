"""Concepts, real-time delivery: requests and connections for polling, long polling and push.

Assumed: CLIENTS online at once, each receiving one message every ten minutes on average. Short
polling asks every POLL_INTERVAL_SECONDS whether anything is new; long polling holds each request
until a message arrives or LONG_POLL_TIMEOUT_SECONDS pass; server-sent events and WebSockets hold
one connection per client and send a small heartbeat every HEARTBEAT_SECONDS so that proxies do
not close it. The held-connection figures (connections per server, heartbeat, reconnection spread,
headroom to lose a zone's servers) are the chat example's, so that the site states each of them once.
"""

import math

from chat_assumptions import connections_per_server, heartbeat_interval, reconnect_jitter_window
from chat_connections import zone_headroom

from sdw.estimation import SECONDS_PER_HOUR, count, duration, fraction, markdown_table, per_second, times

CLIENTS = 1_000_000
MESSAGES_PER_CLIENT_PER_HOUR = 6  # one every ten minutes, on average
POLL_INTERVAL_SECONDS = 5
LONG_POLL_TIMEOUT_SECONDS = 30
HEARTBEAT_SECONDS = float(heartbeat_interval)  # short enough for mobile carriers' NAT mappings
CONNECTIONS_PER_SERVER = float(connections_per_server)  # far below memory and descriptor limits
RECONNECT_SPREAD_SECONDS = float(reconnect_jitter_window)  # clients of a lost server reconnect at random over this long

messages_per_second = per_second(CLIENTS * MESSAGES_PER_CLIENT_PER_HOUR / SECONDS_PER_HOUR)

# Short polling: every client asks on a fixed interval, whether or not anything is new.
polling_requests = per_second(CLIENTS / POLL_INTERVAL_SECONDS)
polling_empty_share = fraction(1 - messages_per_second / polling_requests)
polling_average_delay = duration(POLL_INTERVAL_SECONDS / 2)

# Long polling: each client has one request waiting; it returns on a message or on the timeout.
long_poll_requests = per_second(CLIENTS / LONG_POLL_TIMEOUT_SECONDS + messages_per_second)
long_poll_held = count(CLIENTS)

# Server-sent events and WebSockets: one held connection each, heartbeats to keep it open.
push_frames = per_second(messages_per_second + CLIENTS / HEARTBEAT_SECONDS)
# Full servers would leave no room for failures: plan, as the chat example does, for a zone's
# servers to be lost, so each server runs below its ceiling and a lost one drops fewer clients.
push_servers_before_headroom = count(math.ceil(CLIENTS / CONNECTIONS_PER_SERVER))
push_servers = count(math.ceil(CLIENTS * float(zone_headroom) / CONNECTIONS_PER_SERVER))
connections_per_push_server = count(CLIENTS / push_servers)
reconnects_after_server_loss = per_second(connections_per_push_server / RECONNECT_SPREAD_SECONDS)

rows = [
    ("Short polling", polling_requests, count(0), f"about {polling_average_delay}"),
    ("Long polling", long_poll_requests, long_poll_held, "one-way delay; a round trip more if it lands between polls"),
    ("Server-sent events or WebSockets", per_second(0), count(CLIENTS), "one-way network delay"),
]

# Figures the pages quote.
clients = count(CLIENTS)
poll_interval = duration(POLL_INTERVAL_SECONDS)
long_poll_timeout = duration(LONG_POLL_TIMEOUT_SECONDS)
connections_per_server = count(CONNECTIONS_PER_SERVER)
reconnect_spread = duration(RECONNECT_SPREAD_SECONDS)
heartbeat = duration(HEARTBEAT_SECONDS)
polling_over_long_poll = times(polling_requests / long_poll_requests)

if __name__ != "concept_realtime":
    print(
        markdown_table(
            (
                f"{clients} clients online",
                "HTTP requests",
                "Requests or connections held open",
                "Delay before a message arrives",
            ),
            rows,
        )
    )
    print()
    print(
        f"Messages to deliver: {messages_per_second}. Short polling answers {polling_empty_share} of its "
        f"requests with nothing new. Held connections need {push_servers_before_headroom} servers at "
        f"{connections_per_server} each, {push_servers} with {zone_headroom} headroom to lose a zone, "
        f"and send {push_frames} frames with heartbeats; losing one server "
        f"brings {reconnects_after_server_loss} reconnections."
    )
