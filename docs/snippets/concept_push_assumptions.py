"""Concepts, push notifications: the inputs every concept_push snippet shares, each with its source
or marked as the page's own assumption.

Published figures (read in December 2026):
- APNs payload: at most 4,096 bytes for an ordinary notification (5,120 for VoIP); `apns-collapse-id`
  at most 64 bytes; `apns-priority` 10, 5 or 1
  (https://developer.apple.com/documentation/usernotifications/sending-notification-requests-to-apns).
- APNs provider token (a JWT signed with the .p8 key): refreshed no more often than every 20 minutes
  and no less often than every 60; a token older than an hour is refused with 403 ExpiredProviderToken
  (https://developer.apple.com/documentation/usernotifications/establishing-a-token-based-connection-to-apns).
- FCM payload: up to 4,096 bytes, 2,048 for a message to a topic
  (https://firebase.google.com/docs/reference/fcm/rest/v1/ErrorCode, INVALID_ARGUMENT).
- FCM quota increases: a request adds up to 25% to the quota, once usage is regularly at 80% of it or
  more for 5 minutes a day and the client error ratio is under 5%; FCM makes "every practical effort",
  with no guarantee (https://firebase.google.com/docs/cloud-messaging/throttling-and-quotas). The
  same page takes a quota request for a launch or a temporary event apart from the steps, filed at
  least 15 days ahead, or 30 days above 18M messages a minute, held to the same client error ratio:
  the chat example's inputs (chat_push_quota).
- FCM's default quota for the HTTP v1 API, messages a minute per project, and the quota step's two
  figures above: the chat example's inputs (chat_assumptions), imported so the pages agree.
- APNs background notifications (only wake the app, priority 5): Apple asks for no more than two or three
  an hour; beyond that iOS may hold or drop them
  (https://developer.apple.com/documentation/usernotifications/pushing-background-updates-to-your-app).
  The pages plan on the low end, two an hour.
- FCM topic fan-out: 10,000 messages a second per project is "a common rate", not guaranteed, shared
  between the project's fan-outs in progress (https://firebase.google.com/docs/cloud-messaging/topic-messaging).
- FCM's throttles on one device: collapsible messages (any with a `collapse_key`) per app and device
  come in a burst of 20, refilled by one every 3 minutes, and later ones are delayed; all messages to
  one Android device are capped at 240 a minute and 5,000 an hour
  (https://firebase.google.com/docs/cloud-messaging/throttling-and-quotas, "Collapsible message
  throttling" and "Maximum message rate to a single device"). For an offline device FCM holds up to 100
  non-collapsible messages, then drops them and tells the app to sync in full
  (https://firebase.google.com/docs/cloud-messaging/customize-messages/collapsible-message-types).

From the Twitter example: its registered accounts and their device rows, daily users and their devices,
the API's peak request rate, headroom and zones, its notification senders' peak and its peak-to-average ratio.

The page's own assumptions (to be measured on a real system):
- APNs concurrent streams per HTTP/2 connection: 1,000. Apple publishes no figure; the
  SETTINGS_MAX_CONCURRENT_STREAMS APNs announces has been reported at 500 in 2016 (openradar 27870881,
  mirrored at https://github.com/lionheart/openradar-mirror/issues/15649, which also saw it drop to 1
  after a rejected request), 1,500 by pushy's maintainer in 2019
  (https://github.com/jchambers/pushy/issues/709) and about 1,000 in 2026
  (https://github.com/ostinelli/apnotic/pull/141). A sender must read the value each connection
  announces (RFC 9113, section 6.5.2).
- The gateway's answer time: 100 ms from request to response, so a stream carries 10 sends a second.
- Half the devices run Android (the split varies by market; the chat example's 70% is a messaging
  audience's, weighted to markets where Android dominates).
- A fifth of the token table is stale: rows whose device has not refreshed its timestamp (the daily
  registration while the app is used, a monthly background job when it is not) for over two months.
  Firebase calls a token stale after a month without a connection
  (https://firebase.google.com/docs/cloud-messaging/manage-tokens); the test waits two, since the
  background refresh is monthly and iOS runs it when it chooses, so a live iPhone can miss one.
- Of the users a breaking-news alert reaches, 5% open the app within 60 s of the alert, once per user
  however many devices it reached; each open costs one API request, as the Twitter example counts an
  opened push. Accounts that are not daily users hold one device row each.
- A breaking-news alert is useful for 30 minutes.
- One sender process makes 5,000 sends a second.
- The delete breaker's lines, and the payload page (assumed; tune them on the measured baseline):
  the breaker trips when `SENDER_ID_MISMATCH`, `BadDeviceToken` and `DeviceTokenNotForTopic` together
  pass 20% of a gateway's sends over 1 minute (a healthy table gets them from stray rows alone, well
  under 1%), or when `410` and `404` answers pass 3 times their trailing 7-day rate for that kind of
  send over 5 minutes. Payload errors page above 0.1% of sends over 5 minutes.
"""

from chat_assumptions import fcm_default_quota_per_minute, fcm_quota_step, fcm_quota_step_use
from twitter_assumptions import (
    daily_active_users,
    devices_per_daily_user,
    devices_per_user,
    peak_to_average,
    zone_headroom,
    zones,
)
from twitter_servers import requests_per_second_peak
from twitter_stores import device_records

from sdw.estimation import count, duration, fraction, markdown_table, per_second, size, times

# --- Published limits -------------------------------------------------------------------------------
collapse_id_bytes = size(64)
jwt_refresh_earliest = duration(20 * 60)
jwt_refresh_latest = duration(60 * 60)
fcm_quota_per_minute = count(float(fcm_default_quota_per_minute))
fcm_quota_per_second = per_second(float(fcm_default_quota_per_minute) / 60)
fcm_topic_fanout_rate = per_second(10_000)
APPLE_BACKGROUND_PER_HOUR = 2  # the low end of Apple's "two or three an hour"
apple_background_per_hour = count(APPLE_BACKGROUND_PER_HOUR)
# At most +25% a request, considered once usage is regularly at 80% of the quota or more: the chat
# example's inputs, imported so both examples count their steps with one rule.
QUOTA_STEP = 1 + float(fcm_quota_step)
QUOTA_STEP_USE = float(fcm_quota_step_use)
# FCM's throttles on one device, and what it holds for one offline.
FCM_COLLAPSIBLE_BURST = 20  # collapsible messages per app per device, in a burst
FCM_COLLAPSIBLE_REFILL_SECONDS = 3 * 60  # then one more every 3 minutes
FCM_DEVICE_PER_MINUTE = 240  # all messages to one Android device
FCM_DEVICE_PER_HOUR = 5_000
FCM_PENDING_NON_COLLAPSIBLE = 100
fcm_collapsible_burst = count(FCM_COLLAPSIBLE_BURST)
fcm_collapsible_refill = duration(FCM_COLLAPSIBLE_REFILL_SECONDS)
fcm_device_per_minute = count(FCM_DEVICE_PER_MINUTE)
fcm_device_per_hour = count(FCM_DEVICE_PER_HOUR)
fcm_pending_non_collapsible = count(FCM_PENDING_NON_COLLAPSIBLE)

# --- The Twitter example's figures --------------------------------------------------------------------
registered_tokens = count(float(device_records))
daily_users = count(float(daily_active_users))
devices_per_account = count(float(devices_per_user))
api_requests_peak = requests_per_second_peak
api_headroom = times(float(zone_headroom))
api_zones = count(float(zones))
twitter_peak_to_average = times(float(peak_to_average))

# --- Assumptions, to be measured ------------------------------------------------------------------------
APNS_STREAMS_PER_CONNECTION = 1_000
GATEWAY_RESPONSE_SECONDS = 0.1
ANDROID_SHARE = 0.5
STALE_TOKEN_SHARE = 0.2
OPEN_SHARE = 0.05
OPEN_WINDOW_SECONDS = 60
REQUESTS_PER_OPEN = 1
SENDS_PER_SENDER = 5_000
ALERT_LIFE_SECONDS = 30 * 60
# The delete breaker and the payload page: assumed, to be tuned on the measured baseline.
BREAKER_CONFIG_ERROR_SHARE = 0.2  # wrong-configuration answers, of a gateway's sends
BREAKER_CONFIG_WINDOW_SECONDS = 60
HEALTHY_CONFIG_ERROR_SHARE = 0.01  # a healthy table's stray rows stay well under this
BREAKER_DEAD_TOKEN_MULTIPLE = 3  # 410 and 404 answers, against their trailing rate for that kind of send
BREAKER_DEAD_TOKEN_BASELINE_SECONDS = 7 * 86_400
BREAKER_DEAD_TOKEN_WINDOW_SECONDS = 5 * 60
PAYLOAD_ERROR_PAGE_SHARE = 0.001  # payload errors, of all sends
PAYLOAD_ERROR_WINDOW_SECONDS = 5 * 60

apns_streams_per_connection = count(APNS_STREAMS_PER_CONNECTION)
gateway_response_time = duration(GATEWAY_RESPONSE_SECONDS)
android_share = fraction(ANDROID_SHARE)
stale_token_share = fraction(STALE_TOKEN_SHARE)
open_share = fraction(OPEN_SHARE)
open_window = duration(OPEN_WINDOW_SECONDS)
requests_per_open = count(REQUESTS_PER_OPEN)
sends_per_sender = per_second(SENDS_PER_SENDER)
alert_life = duration(ALERT_LIFE_SECONDS)
breaker_config_error_share = fraction(BREAKER_CONFIG_ERROR_SHARE)
breaker_config_window = duration(BREAKER_CONFIG_WINDOW_SECONDS)
healthy_config_error_share = fraction(HEALTHY_CONFIG_ERROR_SHARE)
breaker_dead_token_multiple = times(BREAKER_DEAD_TOKEN_MULTIPLE)
breaker_dead_token_baseline = duration(BREAKER_DEAD_TOKEN_BASELINE_SECONDS)
breaker_dead_token_window = duration(BREAKER_DEAD_TOKEN_WINDOW_SECONDS)
payload_error_page_share = fraction(PAYLOAD_ERROR_PAGE_SHARE)
payload_error_window = duration(PAYLOAD_ERROR_WINDOW_SECONDS)

if __name__ != "concept_push_assumptions":
    print(
        markdown_table(
            ("Input", "Value", "Source"),
            [
                ("APNs payload", "4,096 bytes", "Apple, sending notification requests"),
                ("FCM payload (to a topic)", "4,096 bytes (2,048)", "Firebase, error codes"),
                ("FCM quota increase per request, at most", "25%", "Firebase, quotas"),
                ("... considered once usage is regularly at", "80%", "Firebase, quotas"),
                (
                    "APNs provider token, refreshed no sooner than",
                    jwt_refresh_earliest,
                    "Apple, token-based connection",
                ),
                ("... and no later than", jwt_refresh_latest, "Apple, token-based connection"),
                ("FCM default quota, messages a minute per project", fcm_quota_per_minute, "Firebase, quotas"),
                ("FCM topic fan-out, a common rate per project", fcm_topic_fanout_rate, "Firebase, topic messaging"),
                (
                    "APNs background notifications an hour, at most",
                    apple_background_per_hour,
                    "Apple, background updates: the low end of two or three",
                ),
                ("FCM collapsible messages per app and device, in a burst", fcm_collapsible_burst, "Firebase, quotas"),
                ("... then one more every", fcm_collapsible_refill, "Firebase, quotas"),
                ("FCM messages to one Android device, a minute", fcm_device_per_minute, "Firebase, quotas"),
                ("... and an hour", fcm_device_per_hour, "Firebase, quotas"),
                (
                    "FCM non-collapsible messages held for an offline device",
                    fcm_pending_non_collapsible,
                    "Firebase, collapsible messages",
                ),
                ("Registered device tokens", registered_tokens, "Twitter example, step 4"),
                ("Daily users", daily_users, "Twitter example, step 1"),
                ("Devices per daily user", devices_per_daily_user, "Twitter example"),
                ("API requests at peak", api_requests_peak, "Twitter example, step 2"),
                ("API headroom to lose a zone", api_headroom, "Twitter example, step 2"),
                ("Zones the API runs in", api_zones, "Twitter example, step 2"),
                ("Peak to average", twitter_peak_to_average, "Twitter example, step 2"),
                ("APNs streams per connection", apns_streams_per_connection, "Reported 500 to 1,500; to be measured"),
                ("Gateway answer time", gateway_response_time, "Assumed; to be measured"),
                ("Devices on Android", android_share, "Assumed"),
                ("Stale tokens in the table", stale_token_share, "Assumed; to be measured"),
                (f"Alerted users who open the app within {open_window}", open_share, "Assumed; to be measured"),
                ("API requests per open", requests_per_open, "As the Twitter example counts an opened push"),
                ("Sends a second per sender process", sends_per_sender, "Assumed; to be measured"),
                ("Useful life of a breaking-news alert", alert_life, "Assumed"),
                (
                    f"Breaker: wrong-configuration answers, of a gateway's sends over {breaker_config_window}",
                    breaker_config_error_share,
                    "Assumed; tune on the measured baseline",
                ),
                ("... from a healthy table, well under", healthy_config_error_share, "Assumed"),
                (
                    f"Breaker: 410 and 404 answers over {breaker_dead_token_window}, against their "
                    f"rate over the trailing {breaker_dead_token_baseline}",
                    breaker_dead_token_multiple,
                    "Assumed; tune on the measured baseline",
                ),
                (
                    f"Page: payload errors, of sends over {payload_error_window}",
                    payload_error_page_share,
                    "Assumed; tune on the measured baseline",
                ),
            ],
        )
    )
