"""Chat service worked example: messages, deliveries to devices, and push notifications."""

import math

from chat_assumptions import (
    android_share,
    conversation_shards,
    daily_active_users,
    delivered_live_share,
    devices_per_user,
    event_log_events_per_broker_per_second,
    event_publish_cost_in_messages,
    fcm_default_quota_per_minute,
    file_share,
    group_members_average,
    group_message_share,
    lookup_cost_in_messages,
    messages_per_chat_server_per_second,
    messages_per_push,
    messages_per_receipt_batch,
    messages_sent_per_user_per_day,
    peak_to_average,
    photo_share,
    reads_on_computer_share,
    receipt_cost_in_messages,
    spare_servers_per_zone,
    typing_cost_in_messages,
    typing_frames_per_message,
    video_share,
    voice_share,
    zones,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_MINUTE,
    count,
    fraction,
    markdown_table,
    peak,
    per_day,
    per_second,
    times,
    whole_per_zone,
)

# Messages sent: the only writes users make on purpose.
messages_per_day = per_day(daily_active_users * messages_sent_per_user_per_day)
messages_per_second = per_second(messages_per_day / SECONDS_PER_DAY)
messages_per_second_peak = peak(messages_per_second * peak_to_average)

# Who receives a message: one person in a one-to-one chat, everyone but the sender in a group.
recipient_users_per_message = count((1 - group_message_share) * 1 + group_message_share * (group_members_average - 1))
# Every device of every recipient, plus the sender's own other devices (the same chat on a laptop).
device_deliveries_per_message = count(recipient_users_per_message * devices_per_user + (devices_per_user - 1))
deliveries_per_second = per_second(messages_per_second * device_deliveries_per_message)
deliveries_per_second_peak = peak(deliveries_per_second * peak_to_average)
deliveries_per_message_sent = times(device_deliveries_per_message)

# Every member's conversation row (last sequence number) is updated: the recipients and the sender.
member_updates_per_message = count(recipient_users_per_message + 1)
member_updates_per_second_peak = peak(messages_per_second_peak * member_updates_per_message)

# Live deliveries go down an open socket; a recipient whose phone has none gets a push (linked
# desktops sync when opened), one per burst.
live_deliveries_per_second_peak = peak(deliveries_per_second_peak * delivered_live_share)
# The push service checks every candidate (a recipient whose devices were not all reached live)
# against its mute and read state before it collapses a burst, muted chats included.
push_candidates_per_second_peak = peak(
    messages_per_second_peak * recipient_users_per_message * (1 - delivered_live_share)
)
pushes_per_second = per_second(
    messages_per_second * recipient_users_per_message * (1 - delivered_live_share) / messages_per_push
)
pushes_per_second_peak = peak(pushes_per_second * peak_to_average)
# A notification read on a linked computer stays on the phone unless a silent "read up to N" push
# clears it: one per notified message read elsewhere (step 5; iOS throttles most of them).
clear_pushes_per_second_peak = peak(pushes_per_second_peak * reads_on_computer_share)
# Pushes go to FCM (Android) and APNs (iPhones), split as the phones are; FCM counts each message,
# silent ones included, against a per-project quota a minute.
push_messages_per_second_peak = peak(pushes_per_second_peak + clear_pushes_per_second_peak)
android_pushes_per_minute_peak = count(push_messages_per_second_peak * android_share * SECONDS_PER_MINUTE)
ios_pushes_per_minute_peak = count(push_messages_per_second_peak * (1 - android_share) * SECONDS_PER_MINUTE)
android_pushes_over_fcm_quota = times(android_pushes_per_minute_peak / fcm_default_quota_per_minute)

# Media: an upload (POST /v1/media) starts with a membership check at the conversation's owner (step 5),
# its send makes the owner read the object's metadata (is it complete, whose is it), and each device that
# receives it asks for a signed CDN link (thumbnail and original in one call), which the media service
# checks with the owner. The link count is a floor: a tap after the signed URL has expired asks again.
media_share = photo_share + video_share + voice_share + file_share
media_sends_per_second_peak = peak(messages_per_second_peak * media_share)
media_link_requests_per_second_peak = peak(deliveries_per_second_peak * media_share)
# The owner also handles every receipt: each recipient's "delivered" and "read" move a watermark once
# per burst, written and forwarded to the sender; and typing frames, a look-up and a forward RPC each.
receipts_moved_per_message = count(recipient_users_per_message * 2 / messages_per_receipt_batch)
chat_media_work_per_message = count(
    lookup_cost_in_messages * (2 * media_share + device_deliveries_per_message * media_share)
)
chat_receipt_work_per_message = count(receipt_cost_in_messages * receipts_moved_per_message)
# Every device that receives a message sends a cumulative "delivered" (step 3), the sender's other
# devices included; the owner drops those that move no watermark, a lookup each.
redundant_delivered_per_message = count(
    (device_deliveries_per_message - recipient_users_per_message) / messages_per_receipt_batch
)
chat_redundant_receipt_work_per_message = count(lookup_cost_in_messages * redundant_delivered_per_message)
chat_typing_work_per_message = count(typing_cost_in_messages * typing_frames_per_message)
# Half the watermark moves are reads, and each also goes to the reader's other devices (a registry
# look-up and a forward RPC, priced like a typing frame) and publishes "read up to N" (step 5).
read_moves_per_message = count(receipts_moved_per_message / 2)
chat_read_work_per_message = count((typing_cost_in_messages + event_publish_cost_in_messages) * read_moves_per_message)
# The event log's load: a "message stored" per message and a "read up to N" per read move (membership
# events, far fewer, left out). Brokers with room to lose a zone, the same count in each.
read_events_per_second_peak = peak(messages_per_second_peak * read_moves_per_message)
event_log_events_per_second_peak = peak(messages_per_second_peak + read_events_per_second_peak)
event_log_brokers = count(
    whole_per_zone(
        event_log_events_per_second_peak * zones / (zones - 1) / event_log_events_per_broker_per_second, zones
    )
)
# What the tier does beside the messages and their media, against the media alone.
chat_extras_over_media = times(
    (
        chat_receipt_work_per_message
        + chat_redundant_receipt_work_per_message
        + chat_read_work_per_message
        + chat_typing_work_per_message
    )
    / chat_media_work_per_message
)
# A chat server's work per message sent, in messages: the message, its share of media lookups, its
# receipts (the delivered frames that move nothing included), the reads' extra work and its typing frames.
chat_work_per_message = times(
    1
    + chat_media_work_per_message
    + chat_receipt_work_per_message
    + chat_redundant_receipt_work_per_message
    + chat_read_work_per_message
    + chat_typing_work_per_message
)
# What a message adds to the chat servers' work beyond itself, in messages.
chat_lookups_per_message = count(chat_work_per_message - 1)
chat_work_per_second_peak = peak(messages_per_second_peak * chat_work_per_message)


# Chat servers: sized for the busiest (shards go to servers at random and stay so, chat_sequencing) with a
# zone lost, spares aside, then one spare a zone (N+1) for a crash, a deploy or the shards a hot server sheds.
def chat_servers_for(work, shards=conversation_shards):
    left = zones - 1
    while work * (1 + math.sqrt(2 * math.log(left) * left / shards)) > left * messages_per_chat_server_per_second:
        left += zones - 1
    return (left // (zones - 1) + spare_servers_per_zone) * zones


chat_servers = count(chat_servers_for(chat_work_per_second_peak))
chat_servers_after_zone_loss = count(chat_servers * (zones - 1) / zones)
media_link_checks_per_chat_server_peak = peak(media_link_requests_per_second_peak / chat_servers_after_zone_loss)
chat_load_after_zone_loss = fraction(
    chat_work_per_second_peak / (chat_servers_after_zone_loss * messages_per_chat_server_per_second)
)

if __name__ != "chat_traffic":
    print(
        markdown_table(
            ("Figure", "Average", "Peak"),
            [
                ("Messages sent", messages_per_second, messages_per_second_peak),
                ("Deliveries to devices", deliveries_per_second, deliveries_per_second_peak),
                ("Push notifications", pushes_per_second, pushes_per_second_peak),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Messages a day", messages_per_day),
                ("Recipients per message (users)", recipient_users_per_message),
                ("Deliveries per message (devices)", deliveries_per_message_sent),
                ("Member rows updated per message", member_updates_per_message),
                ("Member-row updates a second at peak", member_updates_per_second_peak),
                ("Deliveries down an open socket a second at peak", live_deliveries_per_second_peak),
                (
                    "Media sends a second at peak (a membership check and an object read each)",
                    media_sends_per_second_peak,
                ),
                ("Media link requests a second at peak (a membership check each)", media_link_requests_per_second_peak),
                ("Push candidates checked a second at peak (mute and read state)", push_candidates_per_second_peak),
                ("Silent pushes that clear a notification read elsewhere, peak", clear_pushes_per_second_peak),
                ("Pushes a minute to Android phones (FCM), peak, silent ones included", android_pushes_per_minute_peak),
                ("... against FCM's default quota a minute", android_pushes_over_fcm_quota),
                ("Pushes a minute to iPhones (APNs), peak, silent ones included", ios_pushes_per_minute_peak),
                (
                    "Watermark moves per message (receipts the conversation's chat server handles)",
                    receipts_moved_per_message,
                ),
                ("Chat server work per message: media lookups (in messages)", chat_media_work_per_message),
                ("Chat server work per message: receipts (in messages)", chat_receipt_work_per_message),
                (
                    "... and the delivered frames that move no watermark (a lookup each)",
                    chat_redundant_receipt_work_per_message,
                ),
                (
                    "Chat server work per message: reads to own devices and their events (in messages)",
                    chat_read_work_per_message,
                ),
                ("Chat server work per message: typing frames (in messages)", chat_typing_work_per_message),
                ("Receipts, reads and typing against media lookups", chat_extras_over_media),
                ('"Read up to N" events to the event log a second at peak', read_events_per_second_peak),
                ("Event log events a second at peak (messages stored and reads)", event_log_events_per_second_peak),
                ("Event log brokers, with zone headroom", event_log_brokers),
                ("Chat server work per message, all of it (in messages)", chat_work_per_message),
                ("Chat servers, with zone headroom", chat_servers),
                ("Chat servers' load with a zone lost, at peak", chat_load_after_zone_loss),
            ],
        )
    )
