"""Chat service worked example: presence as a load, and what fanning it out would cost."""

from chat_assumptions import (
    LEASE_RENEWALS_PER_TTL,
    android_share,
    background_connect_refill_interval,
    chats_opened_per_session,
    computer_sessions_per_day,
    connection_server_cores,
    connection_server_lease,
    connections_per_server,
    contacts_per_user,
    daily_active_users,
    handshake_core_share,
    heartbeat_interval,
    message_copies,
    peak_to_average,
    presence_offline_grace,
    presence_users_per_socket,
    presence_viewers_per_user,
    reconnect_jitter_window,
    reconnect_presence_resubscribe_share,
    reconnects_per_server_per_second,
    registry_ops_per_node_per_second,
    sessions_per_user_per_day,
    spare_servers_per_zone,
    tls_handshake_cpu,
    zones,
)
from chat_connections import (
    computers_per_user,
    connection_servers,
    connections_peak,
    heartbeats_per_second_peak,
    online_share_peak,
    zone_headroom,
)
from chat_receipts import own_device_forwards_per_second_peak, receipt_forwards_per_second_peak
from chat_traffic import (
    member_updates_per_message,
    messages_per_second_peak,
    pushes_per_second_peak,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    throughput,
    times,
    whole_per_zone,
)

# Every session of every device is a connect and, later, a disconnect.
device_sessions_per_user_per_day = count(sessions_per_user_per_day + computers_per_user * computer_sessions_per_day)
connects_per_second = per_second(daily_active_users * device_sessions_per_user_per_day / SECONDS_PER_DAY)
connects_per_second_peak = peak(connects_per_second * peak_to_average)

# A push wakes the app (step 5). A woken Android app connects in the background, syncs and closes within
# seconds: a handshake and two store reads; its `background` hello writes only its connect counter (below),
# no entry and no presence. On iOS the extension makes one REST history call.
push_wake_connects_per_second_peak = peak(pushes_per_second_peak * android_share)
push_wake_history_reads_per_second_peak = peak(pushes_per_second_peak * (1 - android_share))
# Wake-ups spend the background bucket of the device's connect counter (step 3), never the foreground
# one. What an Android phone is woken by at peak, on average, against what that bucket earns back:
push_wakes_per_android_phone_per_hour_peak = count(
    push_wake_connects_per_second_peak / (daily_active_users * android_share) * SECONDS_PER_HOUR
)
background_connects_earned_per_hour = count(SECONDS_PER_HOUR / background_connect_refill_interval)
background_allowance_over_wakes = times(
    background_connects_earned_per_hour / push_wakes_per_android_phone_per_hour_peak
)
# Every connect is a TLS handshake on a connection server: sessions and push wake-ups.
handshakes_per_second_peak = peak(connects_per_second_peak + push_wake_connects_per_second_peak)
handshakes_per_server_peak = peak(handshakes_per_second_peak / connection_servers)
# A connection server's handshake budget: the cores set aside for handshakes over one's CPU time.
handshake_budget_per_server = throughput(connection_server_cores * handshake_core_share / tls_handshake_cpu)
handshake_budget_over_reconnect_budget = times(handshake_budget_per_server / reconnects_per_server_per_second)

# A user goes online and offline once per session. (A device that connects while another of the
# user's devices is already online changes nothing; counting it anyway errs on the high side.)
presence_changes_per_second = per_second(connects_per_second * 2)
presence_changes_per_second_peak = peak(presence_changes_per_second * peak_to_average)

# Option 1: tell every contact who is online.
presence_fanout_all_contacts_peak = peak(presence_changes_per_second_peak * contacts_per_user * online_share_peak)
# Option 2: tell only the users who are looking (they subscribed when they opened the chat).
presence_fanout_subscribed_peak = peak(presence_changes_per_second_peak * presence_viewers_per_user)
presence_fanout_saving = times(presence_fanout_all_contacts_peak / presence_fanout_subscribed_peak)

# The session registry doubles as the presence store: written when a device connects or disconnects, never
# on a heartbeat, and read to route every message (recipients and the sender's other devices), every receipt
# forwarded to its sender and every read forwarded to the reader's devices. Typing reads no more: the chat
# server caches the entries it read for the typing burst until the message. One read per member per message.
registry_writes_per_second_peak = peak(connects_per_second_peak * 2)
# Every `hello` also takes a token from the device's connect counter (step 3: a foreground bucket and a
# background one): a foreground hello in its entry's write (the same key), a background one in a write of its own.
connect_counter_writes_per_second_peak = peak(push_wake_connects_per_second_peak)
registry_routing_reads_per_second_peak = peak(messages_per_second_peak * member_updates_per_message)
registry_reads_per_second_peak = peak(
    registry_routing_reads_per_second_peak + receipt_forwards_per_second_peak + own_device_forwards_per_second_peak
)
heartbeat_writes_avoided = times(heartbeats_per_second_peak / registry_writes_per_second_peak)
# Presence rides on it too: opening a chat subscribes to the other person's entry and closing it
# unsubscribes. A connection server writes the registry only when its first socket starts watching a user
# or its last stops: at most a write each (counted as one each), kept beside the entry.
presence_subscription_writes_per_second_peak = peak(connects_per_second_peak * chats_opened_per_session * 2)
presence_notifications_per_second_peak = presence_fanout_subscribed_peak
# The registry keeps one copy per zone, as step 4 counts its memory: a read or a notification
# touches one copy, a write touches every copy.
registry_copies = count(message_copies)
registry_one_copy_ops_per_second_peak = peak(registry_reads_per_second_peak + presence_notifications_per_second_peak)
registry_writes_all_kinds_per_second_peak = peak(
    registry_writes_per_second_peak
    + presence_subscription_writes_per_second_peak
    + connect_counter_writes_per_second_peak
)
registry_ops_per_second_peak = peak(
    registry_one_copy_ops_per_second_peak + registry_writes_all_kinds_per_second_peak * registry_copies
)
# A lost zone takes its registry nodes, and its clients reconnect within the jitter window, each writing an
# entry on the two copies left, and a share a presence subscription (one lives as long as its socket).
reconnect_wave_writes_per_second = per_second(connections_peak / zones / reconnect_jitter_window)
registry_writes_per_reconnect = count(1 + reconnect_presence_resubscribe_share)
registry_ops_zone_lost_per_second = peak(
    registry_one_copy_ops_per_second_peak + registry_writes_all_kinds_per_second_peak * (registry_copies - 1)
)
registry_ops_during_wave_per_second = peak(
    registry_ops_zone_lost_per_second
    + reconnect_wave_writes_per_second * registry_writes_per_reconnect * (registry_copies - 1)
)
# Each zone holds one copy, so the two zones left each take half the wave's operations: whole nodes
# per zone, one spare a zone (N+1: a node lost during the wave), then every zone counted.


def registry_nodes_for(ops_per_second_zone_lost):
    """Registry nodes for these ops a second on the two zones left: zone headroom, whole per zone, a spare a zone."""
    return count(
        whole_per_zone(ops_per_second_zone_lost * zone_headroom / registry_ops_per_node_per_second, zones)
        + spare_servers_per_zone * zones
    )


registry_nodes = registry_nodes_for(registry_ops_during_wave_per_second)
registry_nodes_per_zone = count(registry_nodes / zones)
# At the cap, every reconnecting socket subscribing again:
registry_nodes_at_resubscribe_cap = registry_nodes_for(
    registry_ops_zone_lost_per_second
    + reconnect_wave_writes_per_second * (1 + presence_users_per_socket) * (registry_copies - 1)
)
# Connection servers' leases live in the registry: each server renews every third of its lease at every
# registry node, since every node holds entries of nearly every server.
connection_server_renewals_per_registry_node = per_second(
    connection_servers / (connection_server_lease / LEASE_RENEWALS_PER_TTL)
)
# The offline grace counts from the last frame heard; a silent socket closes after three quiet heartbeat
# intervals, within the grace, so a silent drop shows offline as it closes (step 1). A dead server's users
# start their grace at its last lease renewal, and its lease lapses well inside the grace.
QUIET_INTERVALS_BEFORE_CLOSE = 3
assert QUIET_INTERVALS_BEFORE_CLOSE * heartbeat_interval <= presence_offline_grace
assert connection_server_lease < presence_offline_grace
connection_server_renewals_share_of_node = fraction(
    connection_server_renewals_per_registry_node / registry_ops_per_node_per_second
)
# Each registry node keeps each connection server's lease on its own, so a blip between one server and one
# node lapses it there alone. A renewal that fails or misses its deadline (connection_server_renewal_deadline)
# is retried at once, so the lease rides out a blip shorter than two renewal periods. A lapse makes the server
# re-register, under a new epoch, only the entries that node holds a copy of: its share of a server's sockets.
connection_server_blip_ridden = duration(
    connection_server_lease * (LEASE_RENEWALS_PER_TTL - 1) / LEASE_RENEWALS_PER_TTL
)
reregistrations_per_node_lapse = count(connections_per_server * registry_copies / registry_nodes)
registry_capacity_all_zones = throughput(registry_nodes * registry_ops_per_node_per_second)
registry_load_at_peak = fraction(registry_ops_per_second_peak / registry_capacity_all_zones)

if __name__ != "chat_presence":
    print(
        markdown_table(
            ("Figure", "Average", "Peak"),
            [
                ("Device connects (each a sync)", connects_per_second, connects_per_second_peak),
                ("Presence changes (online or offline)", presence_changes_per_second, presence_changes_per_second_peak),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Fan-out to every online contact, peak", presence_fanout_all_contacts_peak),
                ("Fan-out to subscribed viewers only, peak", presence_fanout_subscribed_peak),
                ("Saving from subscriptions", presence_fanout_saving),
                ("Background connects after a push (Android), peak", push_wake_connects_per_second_peak),
                ("History reads after a push (iOS extension), peak", push_wake_history_reads_per_second_peak),
                (
                    "Wake-ups an Android phone gets in an hour, peak, average",
                    push_wakes_per_android_phone_per_hour_peak,
                ),
                ("Background connects a device's bucket earns back in an hour", background_connects_earned_per_hour),
                ("That allowance over the wake-ups", background_allowance_over_wakes),
                ("TLS handshakes, peak, all connects", handshakes_per_second_peak),
                ("TLS handshakes per connection server, peak", handshakes_per_server_peak),
                ("Handshake budget per connection server", handshake_budget_per_server),
                ("Registry reads to route messages, peak", registry_routing_reads_per_second_peak),
                ("Registry reads to forward receipts, peak", receipt_forwards_per_second_peak),
                ("Registry reads to forward reads to the reader's devices, peak", own_device_forwards_per_second_peak),
                ("Registry reads, all, peak", registry_reads_per_second_peak),
                ("Presence notifications to subscribers, peak", presence_notifications_per_second_peak),
                ("Registry writes (connect, disconnect), peak", registry_writes_per_second_peak),
                ("Presence subscribe and unsubscribe writes, peak", presence_subscription_writes_per_second_peak),
                ("Connect-counter writes of background connects, peak", connect_counter_writes_per_second_peak),
                ("Heartbeats per connect or disconnect write, if heartbeats wrote", heartbeat_writes_avoided),
                (f"Registry operations, peak, writes × {int(registry_copies)} copies", registry_ops_per_second_peak),
                ("Registry entries from a lost zone's reconnect wave", reconnect_wave_writes_per_second),
                (
                    f"Registry operations during that wave, writes × {int(registry_copies) - 1} copies left",
                    registry_ops_during_wave_per_second,
                ),
                ("Registry nodes per zone, so two zones carry the wave, one spare", registry_nodes_per_zone),
                ("Registry nodes, all zones", registry_nodes),
                ("Their load at an ordinary peak, all zones up", registry_load_at_peak),
                ("Connection servers' lease renewals per registry node", connection_server_renewals_per_registry_node),
                ("... their share of a node's operations", connection_server_renewals_share_of_node),
                ("Longest network blip to one node a lease rides out", connection_server_blip_ridden),
                ("Entries re-registered when one node lapses a server's lease", reregistrations_per_node_lapse),
            ],
        )
    )
