"""Concepts, push notifications: the token table, a broadcast to every device of the Twitter
example, how fast the gateways take it, the wave of app opens it sets off, and the send rate that
follows from both.

Send rate over APNs: connections x concurrent streams per connection x sends per stream a second,
where a stream carries one request at a time, so a stream sends 1 / (the gateway's answer time) a
second. FCM's HTTP v1 API counts messages against a per-project quota a minute, whatever the
connections. A broadcast goes to every registered token, stale ones included (a stale token costs a
send and, on FCM, a 404 UNREGISTERED that still counts against the quota: Firebase counts client
errors other than 429).

App opens are counted per user: a user whose two devices both buzz opens the app once. Sending at a
steady rate r devices a second, the opens' requests reach r x (opens per device sent) x (requests
per open) a second, whatever the open window; sent all at once, the opens land within the window.
"""

import math

from chat_traffic import android_pushes_over_fcm_quota
from concept_push_assumptions import (
    ALERT_LIFE_SECONDS,
    ANDROID_SHARE,
    APNS_STREAMS_PER_CONNECTION,
    GATEWAY_RESPONSE_SECONDS,
    OPEN_SHARE,
    OPEN_WINDOW_SECONDS,
    QUOTA_STEP,
    REQUESTS_PER_OPEN,
    SENDS_PER_SENDER,
    STALE_TOKEN_SHARE,
    api_headroom,
    api_requests_peak,
    daily_users,
    devices_per_daily_user_,
    fcm_quota_per_minute,
    fcm_quota_per_second,
    fcm_topic_fanout_rate,
    large_quota_per_minute,
    large_quota_per_second,
    registered_tokens,
)
from twitter_notifications import push_sends_per_second_peak_at_most

from sdw.estimation import count, duration, markdown_table, peak, per_second, servers, times

# --- The token table --------------------------------------------------------------------------------
TOKENS = float(registered_tokens)
daily_user_devices = count(float(daily_users) * float(devices_per_daily_user_))
stale_tokens = count(TOKENS * STALE_TOKEN_SHARE)
live_tokens = count(TOKENS * (1 - STALE_TOKEN_SHARE))
# Live rows beyond the daily users' devices: accounts that did not use the app today, one device each
# (an assumption), so this is also how many such users a broadcast reaches.
live_not_daily = count(TOKENS * (1 - STALE_TOKEN_SHARE) - float(daily_user_devices))
users_reached = count(float(daily_users) + float(live_not_daily))

# --- A broadcast to every registered token -------------------------------------------------------------
android_tokens = count(TOKENS * ANDROID_SHARE)
apple_tokens = count(TOKENS * (1 - ANDROID_SHARE))

sends_per_stream = per_second(1 / GATEWAY_RESPONSE_SECONDS)
sends_per_connection = per_second(APNS_STREAMS_PER_CONNECTION / GATEWAY_RESPONSE_SECONDS)


def apns_time(connections: int) -> float:
    return float(apple_tokens) / (connections * APNS_STREAMS_PER_CONNECTION / GATEWAY_RESPONSE_SECONDS)


CONNECTION_CHOICES = (1, 10, 100, 1_000)
connection_rows = [
    (servers(c), per_second(c * float(sends_per_connection)), duration(apns_time(c))) for c in CONNECTION_CHOICES
]

# FCM at its default quota, one +25% step above it, and at a large quota; by topic at the common fan-out
# rate, which reaches every subscribed token, stale ones too.
FCM_RATE = float(fcm_quota_per_second)
fcm_broadcast_time_default_quota = duration(float(android_tokens) / FCM_RATE)
fcm_broadcast_time_one_step = duration(float(android_tokens) / (FCM_RATE * QUOTA_STEP))
fcm_broadcast_time_large_quota = duration(float(android_tokens) / float(large_quota_per_second))
large_over_default = float(large_quota_per_minute) / float(fcm_quota_per_minute)
quota_steps_to_large = count(math.ceil(math.log(large_over_default, QUOTA_STEP)))
# The chat example's Android pushes at peak against the default quota, in +25% steps.
chat_quota_steps = count(math.ceil(math.log(float(android_pushes_over_fcm_quota), QUOTA_STEP)))
fcm_topic_broadcast_time = duration(float(android_tokens) / float(fcm_topic_fanout_rate))
# The whole broadcast at the Twitter example's own peak send capacity for notifications.
broadcast_time_at_twitter_peak = duration(TOKENS / float(push_sends_per_second_peak_at_most))

# --- The wave of opens, per user ---------------------------------------------------------------------
opens = count(float(users_reached) * OPEN_SHARE)
opens_per_send = float(opens) / TOKENS
# Sent all at once (faster than the open window): the opens land over the window.
open_requests_instant = peak(float(opens) / OPEN_WINDOW_SECONDS * REQUESTS_PER_OPEN)
instant_over_api_peak = times(float(open_requests_instant) / float(api_requests_peak))
instant_over_api_capacity = times(float(open_requests_instant) / (float(api_requests_peak) * float(api_headroom)))
# The API runs at peak below its capacity by the headroom it keeps to lose a zone. A broadcast paces
# against half that spare: the other half is for a zone lost mid-broadcast and for the organic traffic
# breaking news brings.
api_spare_peak = peak(float(api_requests_peak) * (float(api_headroom) - 1))
broadcast_budget = peak(float(api_spare_peak) / 2)
safe_send_rate = per_second(float(broadcast_budget) / (opens_per_send * REQUESTS_PER_OPEN))
# What the gateways allow: FCM's quota covers the Android share, and both platforms go at one pace so
# each platform reaches the same ranked users.
fcm_pace_default = per_second(FCM_RATE / ANDROID_SHARE)
fcm_pace_large = per_second(float(large_quota_per_second) / ANDROID_SHARE)
safe_over_fcm_pace_large = times(float(safe_send_rate) / float(fcm_pace_large))
# How many devices a breaking-news alert reaches within its useful life.
reach_in_life_default = count(float(fcm_pace_default) * ALERT_LIFE_SECONDS)
reach_in_life_large = count(min(TOKENS, float(fcm_pace_large) * ALERT_LIFE_SECONDS))
# At the large quota: APNs connections and sender processes for that pace.
large_apns_connections = servers(math.ceil(float(fcm_pace_large) * (1 - ANDROID_SHARE) / float(sends_per_connection)))
large_senders = servers(math.ceil(float(fcm_pace_large) / SENDS_PER_SENDER))

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
                ("Users reached (daily users, plus one device each for the other live rows)", users_reached),
                ("FCM half at the default quota", fcm_broadcast_time_default_quota),
                ("... one +25% step above it", fcm_broadcast_time_one_step),
                (f"... at {large_quota_per_minute} a minute", fcm_broadcast_time_large_quota),
                ("+25% steps from the default to that quota", quota_steps_to_large),
                ("+25% steps to the chat example's peak", chat_quota_steps),
                ("FCM half by topic, at the common fan-out rate", fcm_topic_broadcast_time),
                ("Whole broadcast at the Twitter example's peak send capacity", broadcast_time_at_twitter_peak),
                (f"App opens within {float(OPEN_WINDOW_SECONDS):g} s, one per user", opens),
                ("Their requests a second, if sent at once", open_requests_instant),
                ("... against the API's peak", instant_over_api_peak),
                ("... against its capacity (peak x headroom)", instant_over_api_capacity),
                ("API spare at peak (headroom to lose a zone)", api_spare_peak),
                ("Half of it, the broadcast's budget", broadcast_budget),
                ("Send rate that keeps the opens within the budget", safe_send_rate),
                ("Send rate FCM allows, default quota (Android half)", fcm_pace_default),
                ("... at the large quota", fcm_pace_large),
                ("Safe rate against the large quota's pace", safe_over_fcm_pace_large),
                ("Devices reached in the alert's life, default quota", reach_in_life_default),
                ("... at the large quota", reach_in_life_large),
                ("APNs connections at the large quota's pace", large_apns_connections),
                ("Sender processes at that pace", large_senders),
            ],
        )
    )
