"""Chat service worked example: how chat gets the FCM quota its Android users need (step 5).

Firebase offers two routes. Steps: Google raises a project's quota a step of at most 25% at a time,
and considers a step only while use stays at 80% of the quota or more, so steps keep coming until
the peak is under 80% of the quota, the smallest default x 1.25^n above peak / 0.8. Steps are
earned by traffic, none before launch. A launch request: a quota asked for a launch or a temporary
event, filed at least 15 days ahead, or 30 days above 18M messages a minute, held to the same client
error ratio and granted at Google's discretion. Chat files the launch request for the quota the steps
would reach; if it is refused or granted in part, the steps remain, and chat admits its Android
users in stages, one stage a step. FCM also limits the messages to one device: the collapse per
conversation and a cap per phone keep under it (step 5, step 7's hot group).
"""

import math

from chat_assumptions import (
    background_connect_burst,
    background_connect_refill_interval,
    delivered_live_share,
    fcm_default_quota_per_minute,
    fcm_quota_step,
    fcm_quota_step_time,
    fcm_quota_step_use,
    group_member_limit,
    hot_group_messages_per_second,
    push_handoff_target,
    shard_lease,
)
from chat_traffic import android_pushes_per_minute_peak
from concept_consensus_leases import leader_change_takeover

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_MINUTE,
    Quantity,
    count,
    duration,
    fraction,
    markdown_table,
    per_second,
)

# Published (https://firebase.google.com/docs/cloud-messaging/throttling-and-quotas): a quota for a launch
# or a temporary event is requested at least this long ahead, and longer above the rate below.
fcm_event_request_lead = duration(15 * SECONDS_PER_DAY)
fcm_large_request_lead = duration(30 * SECONDS_PER_DAY)
fcm_large_request_per_minute = count(18_000_000)
# Same page: on Android, at most this many messages to one device a minute and an hour, high enough for a
# chat's bursts; past them FCM refuses that device's messages with 429.
fcm_device_messages_per_minute = count(240)
fcm_device_messages_per_hour = count(5000)
# The push service's collapse (step 5), a design choice: at most one notification per phone and
# conversation in this window, the newest waiting one sent when it ends. Under the hand-off target, so a
# held message still meets it if the rest of the path (event log, mute and read check, the hand-off to the
# recipient's owner instance, token, the gateway's call) takes less than what is left; a busy group then
# buzzes a phone at most 20 times a minute.
push_collapse_window = duration(3)
push_path_budget = duration(push_handoff_target - push_collapse_window)
# The hand-off to the owner instance (step 5), a design choice: an RPC within the region, answered
# once the owner has taken the notification, gets this deadline. Long enough that a brief pause of the
# owner is not a miss (after a miss the sender sends uncapped until the owner leaves the list, or for a
# lease if it stays listed), short enough that a push that waits it out and then sends uncapped still has
# most of the path's budget.
push_owner_handoff_deadline = duration(0.2)
assert push_owner_handoff_deadline < push_path_budget / 2
# An owner that stays listed but keeps missing leaves its phones uncapped for as long as it does, so the
# senders count, by owner, their hand-offs and the pushes they sent uncapped; more than this share of an
# owner's in each minute, for the whole window, opens a ticket (step 7). One pause of a live owner sends
# about a lease of its pushes uncapped, under the share in its minute. A dead owner leaves the list within
# a lease, at worst a lease, a leader change and a lease again (the takeover with etcd's leader changing
# before the revoke), inside a minute, and gets no hand-offs after: at most two of the window's minutes.
push_uncapped_alert_share = fraction(0.1)
push_uncapped_alert_window = duration(10 * SECONDS_PER_MINUTE)
push_uncapped_pause_share = fraction(shard_lease / SECONDS_PER_MINUTE)
assert push_uncapped_pause_share < push_uncapped_alert_share
assert leader_change_takeover(shard_lease) < SECONDS_PER_MINUTE
# FCM counts every message to the device, across conversations, silent ones included, so the window alone
# does not bound a phone in several busy chats. A cap per phone, a design choice: a token bucket of this
# many notifications, refilled one every interval; past it the waiting ones collapse into one summary
# ("9 new messages in 3 chats"), sent with the next token. At most the bucket plus the refills in a
# minute or an hour.
phone_push_burst = count(30)
phone_push_refill_interval = duration(2)
phone_pushes_per_minute_max = count(phone_push_burst + SECONDS_PER_MINUTE / phone_push_refill_interval)
phone_pushes_per_hour_max = count(phone_push_burst + SECONDS_PER_HOUR / phone_push_refill_interval)
assert phone_pushes_per_minute_max < fcm_device_messages_per_minute
assert phone_pushes_per_hour_max < fcm_device_messages_per_hour
phone_pushes_share_of_fcm_device_hour = fraction(phone_pushes_per_hour_max / fcm_device_messages_per_hour)
# Without the cap: busy conversations, each at one push a window, that would pass FCM's hourly limit.
busy_conversations_over_fcm_hour = count(
    math.floor(fcm_device_messages_per_hour / (SECONDS_PER_HOUR / push_collapse_window)) + 1
)


def quota_steps_for(peak_per_minute: float) -> int:
    """The +25% steps a project's traffic earns: steps come while use is at 80% of the quota or more,
    so the quota it ends at is the smallest default x 1.25^n above peak / 0.8 (the push page's rule,
    used for the Twitter example too)."""
    ratio = peak_per_minute / float(fcm_quota_step_use) / float(fcm_default_quota_per_minute)
    return math.ceil(math.log(ratio, 1 + float(fcm_quota_step)))


def quota_reached_for(peak_per_minute: float) -> float:
    """The quota a minute those steps reach: the default x 1.25^n."""
    return float(fcm_default_quota_per_minute) * (1 + float(fcm_quota_step)) ** quota_steps_for(peak_per_minute)


fcm_quota_steps = count(quota_steps_for(float(android_pushes_per_minute_peak)))
fcm_quota_earned_per_minute = count(quota_reached_for(float(android_pushes_per_minute_peak)))
fcm_quota_use_at_peak = fraction(float(android_pushes_per_minute_peak) / float(fcm_quota_earned_per_minute))
fcm_quota_rollout_time = duration(float(fcm_quota_steps) * float(fcm_quota_step_time))


def request_lead_for(quota_per_minute: float) -> Quantity:
    """How far ahead Firebase asks a launch or event request to be filed, for this quota a minute."""
    return fcm_large_request_lead if quota_per_minute > float(fcm_large_request_per_minute) else fcm_event_request_lead


# The launch request asks for the quota the steps would reach, so the peak stays under 80% of it.
fcm_launch_request_lead = request_lead_for(float(fcm_quota_earned_per_minute))

# FCM's limit per device against step 7's hot group: its members without a live socket get one push per
# phone each collapse window, and each push wakes an Android app into a background connect.
hot_group_offline_members = count((group_member_limit - 1) * (1 - delivered_live_share))
hot_group_pushes_per_phone_per_second = min(hot_group_messages_per_second, 1 / push_collapse_window)
hot_group_pushes_per_phone_per_minute = count(hot_group_pushes_per_phone_per_second * SECONDS_PER_MINUTE)
hot_group_pushes_per_phone_per_hour = count(hot_group_pushes_per_phone_per_second * SECONDS_PER_HOUR)
assert hot_group_pushes_per_phone_per_minute < fcm_device_messages_per_minute
assert hot_group_pushes_per_phone_per_hour < fcm_device_messages_per_hour
# One hot group alone stays under the cap's refill, so the cap never delays it.
assert hot_group_pushes_per_phone_per_second <= 1 / phone_push_refill_interval
hot_group_pushes_per_second = per_second(hot_group_offline_members * hot_group_pushes_per_phone_per_second)
hot_group_pushes_uncollapsed = per_second(hot_group_offline_members * hot_group_messages_per_second)
hot_group_pushes_share_of_fcm_device_hour = fraction(hot_group_pushes_per_phone_per_hour / fcm_device_messages_per_hour)
hot_group_background_bucket_empty_time = duration(
    background_connect_burst / (hot_group_pushes_per_phone_per_second - 1 / background_connect_refill_interval)
)

if __name__ != "chat_push_quota":
    print(
        markdown_table(
            ["Figure", "Value"],
            [
                ("Pushes a minute to Android phones (FCM), peak, silent ones included", android_pushes_per_minute_peak),
                ("FCM's default quota a minute", fcm_default_quota_per_minute),
                ("+25% quota steps until the peak is under 80% of the quota", fcm_quota_steps),
                ("FCM quota those steps reach, a minute", fcm_quota_earned_per_minute),
                ("... of which the peak uses", fcm_quota_use_at_peak),
                ("A launch request for that quota, filed ahead by", fcm_launch_request_lead),
                ("If it is refused, a staged Android rollout, at the assumed time a step", fcm_quota_rollout_time),
                (
                    f"A hot group's pushes a second, one per phone each {push_collapse_window}",
                    hot_group_pushes_per_second,
                ),
                ("... to one phone, an hour", hot_group_pushes_per_phone_per_hour),
                ("... against FCM's limit an hour per device", hot_group_pushes_share_of_fcm_device_hour),
                ("Busy conversations that would pass it on one phone, without a cap", busy_conversations_over_fcm_hour),
                ("A phone's cap across its conversations: a burst of", phone_push_burst),
                ("... then one every", phone_push_refill_interval),
                ("... so at most a minute", phone_pushes_per_minute_max),
                ("... and an hour", phone_pushes_per_hour_max),
                ("... against FCM's limit an hour per device", phone_pushes_share_of_fcm_device_hour),
                ("Left for the rest of the push path, at p99", push_path_budget),
                ("... the hand-off to the recipient's owner instance, its deadline", push_owner_handoff_deadline),
                ("Hand-offs to one owner sent uncapped in a minute: a ticket above", push_uncapped_alert_share),
                ("... for", push_uncapped_alert_window),
                ("... one pause of a live owner, in its minute", push_uncapped_pause_share),
            ],
        )
    )
