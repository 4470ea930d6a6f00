"""Concepts, push notifications: the token table, a broadcast to every device of the Twitter
example, how fast the gateways take it, and the wave of app opens it sets off.

Send rate over APNs: connections x concurrent streams per connection x sends per stream a second,
where a stream carries one request at a time, so a stream sends 1 / (the gateway's answer time) a
second. FCM's HTTP v1 API counts messages against a per-project quota a minute, whatever the
connections. A broadcast goes to every registered token, stale ones included (a stale token costs a
send and, on FCM, a 404 UNREGISTERED that still counts against the quota: Firebase counts client
errors other than 429).

App opens: a share of the devices reached open the app within a window of the alert. Sent faster
than that window, the opens arrive over the window; sent slower, they follow the send rate.
"""

import math

from concept_push_assumptions import (
    ANDROID_SHARE,
    APNS_STREAMS_PER_CONNECTION,
    GATEWAY_RESPONSE_SECONDS,
    OPEN_SHARE,
    OPEN_WINDOW_SECONDS,
    REQUESTS_PER_OPEN,
    SENDS_PER_SENDER,
    STALE_TOKEN_SHARE,
    api_headroom,
    api_requests_peak,
    daily_users,
    devices_per_daily_user_,
    fcm_quota_per_second,
    fcm_topic_fanout_rate,
    registered_tokens,
)
from twitter_notifications import push_sends_per_second_peak_at_most

from sdw.estimation import count, duration, markdown_table, peak, per_second, servers, times

# --- The token table --------------------------------------------------------------------------------
TOKENS = float(registered_tokens)
daily_user_devices = count(float(daily_users) * float(devices_per_daily_user_))
stale_tokens = count(TOKENS * STALE_TOKEN_SHARE)
live_tokens = count(TOKENS * (1 - STALE_TOKEN_SHARE))
# Devices of accounts that did not use the app today, with tokens still good.
live_not_daily = count(TOKENS * (1 - STALE_TOKEN_SHARE) - float(daily_user_devices))

# --- A broadcast to every registered token -------------------------------------------------------------
android_tokens = count(TOKENS * ANDROID_SHARE)
apple_tokens = count(TOKENS * (1 - ANDROID_SHARE))
wasted_sends = stale_tokens  # one send to each stale token, per broadcast
wasted_android_sends = count(TOKENS * STALE_TOKEN_SHARE * ANDROID_SHARE)

sends_per_stream = per_second(1 / GATEWAY_RESPONSE_SECONDS)
sends_per_connection = per_second(APNS_STREAMS_PER_CONNECTION / GATEWAY_RESPONSE_SECONDS)


def apns_time(connections: int) -> float:
    return float(apple_tokens) / (connections * APNS_STREAMS_PER_CONNECTION / GATEWAY_RESPONSE_SECONDS)


CONNECTION_CHOICES = (1, 10, 100, 1_000)
connection_rows = [
    (servers(c), per_second(c * float(sends_per_connection)), duration(apns_time(c))) for c in CONNECTION_CHOICES
]

# FCM at its default quota, and by topic at the common fan-out rate.
fcm_broadcast_time_default_quota = duration(float(android_tokens) / float(fcm_quota_per_second))
fcm_topic_broadcast_time = duration(TOKENS * (1 - STALE_TOKEN_SHARE) * ANDROID_SHARE / float(fcm_topic_fanout_rate))
# The whole broadcast at the Twitter example's own peak send capacity for notifications.
broadcast_time_at_twitter_peak = duration(TOKENS / float(push_sends_per_second_peak_at_most))

# --- The wave of opens ---------------------------------------------------------------------------------
opens = count(float(live_tokens) * OPEN_SHARE)
# Sent all at once (faster than the open window): the opens land over the window.
open_rate_instant = peak(float(opens) / OPEN_WINDOW_SECONDS)
open_requests_instant = peak(float(open_rate_instant) * REQUESTS_PER_OPEN)
instant_over_api_peak = times(float(open_requests_instant) / float(api_requests_peak))
# The API runs at peak below its capacity by the headroom it keeps to lose a zone: the wave may use
# that spare only while every zone is up.
api_spare_peak = peak(float(api_requests_peak) * (float(api_headroom) - 1))
# Stagger the sends so that the opens' requests stay within the spare: the broadcast must last at least
stagger_time = duration(float(opens) * REQUESTS_PER_OPEN / float(api_spare_peak))
stagger_send_rate = per_second(TOKENS / float(stagger_time))
stagger_apple_rate = per_second(TOKENS * (1 - ANDROID_SHARE) / float(stagger_time))
stagger_android_rate = per_second(TOKENS * ANDROID_SHARE / float(stagger_time))
stagger_apns_connections = servers(math.ceil(float(stagger_apple_rate) / float(sends_per_connection)))
stagger_senders = servers(math.ceil(float(stagger_send_rate) / SENDS_PER_SENDER))
stagger_fcm_quota_needed = times(float(stagger_android_rate) / float(fcm_quota_per_second))

if __name__ != "concept_push":
    print(
        markdown_table(
            ("APNs connections", "Sends a second", f"Time to reach {apple_tokens} Apple tokens"),
            connection_rows,
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Registered tokens (Twitter example)", registered_tokens),
                ("... of which stale, sent to in vain on every broadcast", stale_tokens),
                ("Devices of daily users", daily_user_devices),
                ("FCM half at the default quota", fcm_broadcast_time_default_quota),
                ("FCM half by topic, at the common fan-out rate", fcm_topic_broadcast_time),
                ("Whole broadcast at the Twitter example's peak send capacity", broadcast_time_at_twitter_peak),
                (f"App opens within {float(OPEN_WINDOW_SECONDS):g} s", opens),
                ("Their requests a second, if sent at once", open_requests_instant),
                ("... against the API's peak", instant_over_api_peak),
                ("API spare at peak (headroom to lose a zone)", api_spare_peak),
                ("Shortest broadcast that keeps the opens within it", stagger_time),
                ("APNs connections for it", stagger_apns_connections),
                ("Sender processes for it", stagger_senders),
                ("FCM quota it needs, against the default", stagger_fcm_quota_needed),
            ],
        )
    )
