"""Chat service worked example: sequencing per conversation, de-duplication, group fan-out and routing costs."""

import math

from chat_assumptions import (
    conditional_write_latency,
    conversation_shards,
    daily_active_users,
    devices_per_user,
    devices_per_user_limit,
    group_member_limit,
    group_members_average,
    group_message_share,
    groups_per_user,
    mobile_round_trip,
    notified_conversations_per_user_per_day,
    offline_outbox_messages,
    recent_ids_in_memory,
)
from chat_connections import connection_servers
from chat_presence import handshakes_per_second_peak
from chat_traffic import (
    chat_servers,
    chat_servers_after_zone_loss,
    live_deliveries_per_second_peak,
    messages_per_second_peak,
    pushes_per_second,
)

from sdw.estimation import SECONDS_PER_DAY, count, duration, markdown_table, peak, per_second, size, times

# Ownership: conversations hash to shards; each shard's key is attached to its owner's lease, one lease per chat server.
shards_per_chat_server = count(math.ceil(conversation_shards / chat_servers))
# One conditional write in flight per conversation; messages that arrive meanwhile join the next
# batch. So a conversation is never limited to fewer writes a second than this:
batches_per_conversation_per_second = per_second(1 / conditional_write_latency)

# A client keeps one `send` unacked per conversation (step 3), so an outbox queued offline drains one
# message per round trip in each conversation: the phone's round trip, plus the two writes that make
# the message durable in two zones before the ack, one after the other (the message's conditional
# insert, then its members' rows, step 3). Conversations drain in parallel, so a whole outbox takes
# as long as its longest conversation's queue.
outbox_message_send_time = duration(mobile_round_trip + 2 * conditional_write_latency)
offline_outbox_flush_time = duration(offline_outbox_messages * outbox_message_send_time)

# Recent client message IDs in each chat server's memory: ID, seq and map overhead.
recent_id_entry_bytes = size(64)
recent_ids_per_server = size(messages_per_second_peak * recent_ids_in_memory * recent_id_entry_bytes / chat_servers)
# With a zone lost, the servers left hold the same minutes of IDs.
recent_ids_per_server_zone_lost = size(
    messages_per_second_peak * recent_ids_in_memory * recent_id_entry_bytes / chat_servers_after_zone_loss
)

# Group fan-out, the largest group allowed: one message reaches this many devices on average, and at
# most this many if every member has a phone and four linked devices.
largest_group_deliveries = count((group_member_limit - 1) * devices_per_user + (devices_per_user - 1))
largest_group_deliveries_max = count((group_member_limit - 1) * devices_per_user_limit + (devices_per_user_limit - 1))

# Fan-out on write updates every member's conversation row. Fan-out on read would skip the group
# part of that and make every sync read the head of each of the user's groups instead. A sync runs
# on every connect and every Android push wake-up (step 4's access table).
group_member_updates_per_second_peak = peak(messages_per_second_peak * group_message_share * group_members_average)
syncs_per_second_peak = peak(handshakes_per_second_peak)
group_head_reads_per_second_peak = peak(syncs_per_second_peak * groups_per_user)
read_over_write = times(group_head_reads_per_second_peak / group_member_updates_per_second_peak)
# Routing by broadcast instead of the registry (step 5): every connection server receives every
# message, against the deliveries that go down a live socket.
broadcast_over_live_deliveries = times(messages_per_second_peak * connection_servers / live_deliveries_per_second_peak)

# Push tokens (step 6's caches): the pushes a phone gets a day from each conversation it is notified of.
pushes_per_notified_conversation = count(
    pushes_per_second * SECONDS_PER_DAY / (daily_active_users * notified_conversations_per_user_per_day)
)

if __name__ != "chat_sequencing":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Shards per chat server", shards_per_chat_server),
                ("Write batches a conversation can commit a second", batches_per_conversation_per_second),
                ("Recent client IDs held per chat server", recent_ids_per_server),
                ("... with a zone lost", recent_ids_per_server_zone_lost),
                ("Devices one message reaches in the largest group, on average", largest_group_deliveries),
                ("... at most, every member with five devices", largest_group_deliveries_max),
                ("A queued message's turn in the outbox: a round trip and two writes", outbox_message_send_time),
                (
                    f"Draining {int(offline_outbox_messages)} messages typed offline into one chat",
                    offline_outbox_flush_time,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Group fan-out, at peak", "Value"),
            [
                ("On write: member rows updated a second for group messages", group_member_updates_per_second_peak),
                ("Syncs (connects and Android push wake-ups) a second", syncs_per_second_peak),
                ("On read: group heads read a second by those syncs", group_head_reads_per_second_peak),
                ("Reads on read per write saved", read_over_write),
                ("Broadcast (step 5): messages received over live deliveries", broadcast_over_live_deliveries),
                ("Pushes a day to a phone from each chat it is notified of", pushes_per_notified_conversation),
            ],
        )
    )
