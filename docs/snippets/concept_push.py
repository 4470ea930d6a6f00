"""Concepts, push notifications: the token table, a broadcast to every device of the Twitter
example, how fast the gateways take it, the wave of app opens it sets off, and the send rate that
follows from both.

Send rate over APNs: connections x concurrent streams per connection x sends per stream a second,
where a stream carries one request at a time, so a stream sends 1 / (the gateway's answer time) a
second. FCM's HTTP v1 API counts messages against a per-project quota a minute, whatever the
connections. A broadcast goes to every registered token, stale ones included (a stale token costs a
send that counts against FCM's quota: FCM accepts sends to a stale token until it expires the token
at 270 days, and then answers 404 UNREGISTERED, which counts too, as Firebase counts client errors
other than 429).

App opens are counted per user: a user whose two devices both buzz opens the app once. Sending at a
steady rate r devices a second, the opens' requests reach r x (opens per device sent) x (requests
per open) a second, whatever the open window; sent all at once, the opens land within the window.
"""

import math

from chat_push_quota import fcm_quota_steps, quota_steps_for
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
    api_zones,
    daily_users,
    devices_per_daily_user,
    fcm_quota_per_minute,
    fcm_quota_per_second,
    fcm_topic_fanout_rate,
    registered_tokens,
    twitter_peak_to_average,
)
from twitter_notifications import (
    celebrity_alert_devices_at_most,
    celebrity_alert_fleet_drain_time,
    push_sends_per_second_peak_at_most,
)

from sdw.estimation import count, duration, fraction, markdown_table, peak, per_second, servers, times

# --- The token table --------------------------------------------------------------------------------
TOKENS = float(registered_tokens)
daily_user_devices = count(float(daily_users) * float(devices_per_daily_user))
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

# FCM at its default quota and one +25% step above it; by topic at the common fan-out rate, which
# reaches every subscribed token, stale ones too.
FCM_RATE = float(fcm_quota_per_second)
fcm_broadcast_time_default_quota = duration(float(android_tokens) / FCM_RATE)
fcm_broadcast_time_one_step = duration(float(android_tokens) / (FCM_RATE * QUOTA_STEP))

# --- The quota Twitter's own traffic earns --------------------------------------------------------------
# Its one-to-one sends at peak, the Android share of them, a minute.
TWITTER_ANDROID_PEAK_MINUTE = float(push_sends_per_second_peak_at_most) * ANDROID_SHARE * 60
twitter_android_sends_per_minute_peak = count(TWITTER_ANDROID_PEAK_MINUTE)
twitter_android_over_quota = times(TWITTER_ANDROID_PEAK_MINUTE / float(fcm_quota_per_minute))
# The steps its traffic has earned, by the same rule as chat's.
twitter_quota_steps = count(quota_steps_for(TWITTER_ANDROID_PEAK_MINUTE))
TWITTER_QUOTA_MINUTE = float(fcm_quota_per_minute) * QUOTA_STEP ** float(twitter_quota_steps)
twitter_fcm_quota_per_minute = count(TWITTER_QUOTA_MINUTE)
twitter_one_to_one_quota_share = fraction(TWITTER_ANDROID_PEAK_MINUTE / TWITTER_QUOTA_MINUTE)
# The notification service reserves the one-to-one sends' share (a token bucket in front of FCM); a
# broadcast takes what is left at the hour of the send: at peak, and at an hour of average traffic.
broadcast_quota_left_peak = count(TWITTER_QUOTA_MINUTE - TWITTER_ANDROID_PEAK_MINUTE)
broadcast_quota_left_average = count(
    TWITTER_QUOTA_MINUTE - TWITTER_ANDROID_PEAK_MINUTE / float(twitter_peak_to_average)
)
# Both platforms go at one pace, so each reaches the same ranked users: the Android rate over its share.
broadcast_pace_peak = per_second(float(broadcast_quota_left_peak) / 60 / ANDROID_SHARE)
broadcast_pace_average = per_second(float(broadcast_quota_left_average) / 60 / ANDROID_SHARE)
fcm_broadcast_time_average_hour = duration(float(android_tokens) / (float(broadcast_quota_left_average) / 60))
# The chat example's steps, by the same rule (chat_push_quota): the quota its launch request asks for,
# or, if Google refuses it, what a staged Android rollout earns.
chat_quota_steps = fcm_quota_steps
# The largest account's alert burst: one-to-one sends (each follower subscribed), so it draws on the
# one-to-one reserve, ahead of any broadcast. At peak the reserve is in use by the peak's own sends,
# so its Android half drains on the quota's headroom at peak: the whole quota minus the peak's sends.
celebrity_android_devices = count(float(celebrity_alert_devices_at_most) * ANDROID_SHARE)
celebrity_android_drain_time_peak = duration(float(celebrity_android_devices) / (float(broadcast_quota_left_peak) / 60))
# Every device of the burst also goes through the senders' spare at peak (twitter_notifications). With the
# Android sends held to the quota's pace, the iPhones take the rest of the spare, so the burst ends at the
# later of the two times. The ratio says which sets it, and how close the other is (the Twitter page's words
# follow it: its pin changes with any assumption that moves it).
celebrity_alert_burst_time_peak = duration(
    max(float(celebrity_alert_fleet_drain_time), float(celebrity_android_drain_time_peak))
)
celebrity_burst_fleet_over_quota = times(
    float(celebrity_alert_fleet_drain_time) / float(celebrity_android_drain_time_peak)
)
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
# against half that spare; the other half is kept for the organic traffic breaking news brings (users
# opening the app on their own, opens above the assumed share), counted against the peak.
api_spare_peak = peak(float(api_requests_peak) * (float(api_headroom) - 1))
broadcast_budget = peak(float(api_spare_peak) / 2)
organic_reserve_peak = peak(float(api_spare_peak) - float(broadcast_budget))
organic_reserve_share_of_peak = fraction(float(organic_reserve_peak) / float(api_requests_peak))
# The spare does not cover a zone lost mid-broadcast: a zone takes its share of the capacity, which at
# peak is the whole spare, and the zones left carry the peak with nothing over. So the broadcast pauses.
API_CAPACITY_PEAK = float(api_requests_peak) * float(api_headroom)
zone_loss_capacity_peak = peak(API_CAPACITY_PEAK / float(api_zones))
assert abs(float(zone_loss_capacity_peak) - float(api_spare_peak)) < 1e-6 * float(api_spare_peak)
API_CAPACITY_ZONE_LOST = API_CAPACITY_PEAK * (float(api_zones) - 1) / float(api_zones)
capacity_zone_lost_over_peak = times(API_CAPACITY_ZONE_LOST / float(api_requests_peak))
safe_send_rate = per_second(float(broadcast_budget) / (opens_per_send * REQUESTS_PER_OPEN))
# What the gateways allow: the quota left to a broadcast sets the pace, far below the safe rate.
safe_over_broadcast_pace = times(float(safe_send_rate) / float(broadcast_pace_average))
# What a pause leaves in flight: opens already set off keep arriving for up to the open window, at
# most at the pace times the opens per device sent times the requests per open, here at the peak's
# pace, against what the zones left carry then.
pause_open_requests_peak = peak(float(broadcast_pace_peak) * opens_per_send * REQUESTS_PER_OPEN)
pause_open_share_zone_lost = fraction(float(pause_open_requests_peak) / API_CAPACITY_ZONE_LOST)
# A ranked audience opens more than the average: the opens per device sent at which the faster pace
# meets the budget. Past 100% it cannot be reached, at one open per user at most.
opens_per_send_at_budget = fraction(float(broadcast_budget) / float(broadcast_pace_average) / REQUESTS_PER_OPEN)
# How many devices a breaking-news alert reaches within its useful life.
reach_in_life_peak = count(float(broadcast_pace_peak) * ALERT_LIFE_SECONDS)
reach_in_life_average = count(float(broadcast_pace_average) * ALERT_LIFE_SECONDS)
# At the faster pace: APNs connections and sender processes.
broadcast_apns_connections = servers(
    math.ceil(float(broadcast_pace_average) * (1 - ANDROID_SHARE) / float(sends_per_connection))
)
broadcast_senders = servers(math.ceil(float(broadcast_pace_average) / SENDS_PER_SENDER))

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
                ("+25% steps to the chat example's peak (until under 80%)", chat_quota_steps),
                ("FCM half by topic, at the common fan-out rate", fcm_topic_broadcast_time),
                ("Whole broadcast at the Twitter example's peak send capacity", broadcast_time_at_twitter_peak),
                ("Twitter's one-to-one Android sends at peak, a minute", twitter_android_sends_per_minute_peak),
                ("... against FCM's default quota", twitter_android_over_quota),
                ("+25% steps that traffic earns (until its peak is under 80%)", twitter_quota_steps),
                ("Twitter's earned FCM quota, a minute", twitter_fcm_quota_per_minute),
                ("... one-to-one sends' share of it at peak, reserved", twitter_one_to_one_quota_share),
                ("Left to a broadcast at peak, a minute", broadcast_quota_left_peak),
                ("... at an hour of average traffic", broadcast_quota_left_average),
                ("FCM half on what is left, at an hour of average traffic", fcm_broadcast_time_average_hour),
                ("Android devices of the largest account's alert burst, at most", celebrity_android_devices),
                ("... drained on the quota's headroom at peak", celebrity_android_drain_time_peak),
                ("The whole burst on the senders' spare at peak", celebrity_alert_fleet_drain_time),
                ("... against the quota's time", celebrity_burst_fleet_over_quota),
                ("The burst's time: the later of the two", celebrity_alert_burst_time_peak),
                (f"App opens within {float(OPEN_WINDOW_SECONDS):g} s, one per user", opens),
                ("Their requests a second, if sent at once", open_requests_instant),
                ("... against the API's peak", instant_over_api_peak),
                ("... against its capacity (peak x headroom)", instant_over_api_capacity),
                ("API spare at peak (headroom to lose a zone)", api_spare_peak),
                ("Half of it, the broadcast's budget", broadcast_budget),
                ("The other half, kept for breaking news's organic traffic", organic_reserve_peak),
                ("... of the peak", organic_reserve_share_of_peak),
                ("Capacity a lost zone takes at peak (the whole spare)", zone_loss_capacity_peak),
                ("Capacity of the zones left, against the peak", capacity_zone_lost_over_peak),
                ("Send rate that keeps the opens within the budget", safe_send_rate),
                ("Broadcast pace on what is left, at peak (devices)", broadcast_pace_peak),
                ("... at an hour of average traffic", broadcast_pace_average),
                ("Safe rate against the faster pace", safe_over_broadcast_pace),
                ("Opens per device sent at which that pace meets the budget", opens_per_send_at_budget),
                ("Open requests still arriving after a pause, at the peak's pace", pause_open_requests_peak),
                ("... of the capacity left with a zone lost", pause_open_share_zone_lost),
                ("Devices reached in the alert's life, at peak", reach_in_life_peak),
                ("... at an hour of average traffic", reach_in_life_average),
                ("APNs connections at the faster pace", broadcast_apns_connections),
                ("Sender processes at that pace", broadcast_senders),
            ],
        )
    )
