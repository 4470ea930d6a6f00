"""Chat service worked example: what a crash, a lost zone, a hot group, a presence storm and
New Year's midnight cost."""

import math

from chat_assumptions import (
    connections_per_server,
    daily_active_users,
    devices_per_user,
    group_member_limit,
    hot_group_messages_per_second,
    messages_per_chat_server_per_second,
    messages_per_receipt_batch,
    midnight_messages_per_user,
    midnight_window,
    midnight_zone_share,
    presence_viewers_per_user,
    reconnect_jitter_window,
    reconnects_per_server_per_second,
    registry_ops_per_node_per_second,
    zones,
)
from chat_connections import connection_servers, connections_peak
from chat_presence import registry_nodes, registry_reads_per_second_peak, registry_writes_per_second_peak
from chat_traffic import chat_servers, messages_per_second, messages_per_second_peak, pushes_per_second_peak

from sdw.estimation import count, duration, fraction, markdown_table, peak, per_second, throughput, times

# One connection server crashes at peak: its clients reconnect to all the others.
surviving_servers = count(connection_servers - 1)
crash_reconnects_per_server = count(connections_per_server / surviving_servers)
crash_reconnect_time = duration(connections_per_server / (surviving_servers * reconnects_per_server_per_second))

# A zone is lost at peak: a third of the connections drop at once, and two thirds of the servers
# are left to take them.
zone_connections_lost = count(connections_peak / zones)
zone_servers_left = count(connection_servers * (zones - 1) / zones)
zone_reconnect_capacity = per_second(zone_servers_left * reconnects_per_server_per_second)
zone_reconnect_time_at_capacity = duration(zone_connections_lost / zone_reconnect_capacity)
zone_reconnect_rate_jittered = per_second(zone_connections_lost / reconnect_jitter_window)
zone_jittered_share_of_capacity = fraction(zone_reconnect_rate_jittered / zone_reconnect_capacity)
# Without jitter, every client retries at once, and again after each timeout.
zone_reconnect_overload = times(zone_connections_lost / zone_reconnect_capacity)
# Each reconnect also writes the session registry, whose nodes in the lost zone are gone too: the
# two zones left carry the peak's reads and writes plus the wave.
registry_capacity_two_zones = throughput(registry_nodes * (zones - 1) / zones * registry_ops_per_node_per_second)
registry_nodes_for_peak_alone = count(
    math.ceil(
        (registry_reads_per_second_peak + registry_writes_per_second_peak)
        * zones
        / (zones - 1)
        / registry_ops_per_node_per_second
    )
)
registry_load_during_wave_if_sized_for_peak = fraction(
    (registry_reads_per_second_peak + registry_writes_per_second_peak + zone_reconnect_rate_jittered)
    / (registry_nodes_for_peak_alone * (zones - 1) / zones * registry_ops_per_node_per_second)
)
registry_load_during_wave = fraction(
    (registry_reads_per_second_peak + registry_writes_per_second_peak + zone_reconnect_rate_jittered)
    / registry_capacity_two_zones
)

# The presence storm that zone loss would cause: every affected user goes offline and back (a
# connection stands for a user here, as in the presence figures).
zone_users_affected = count(connections_peak / zones)
presence_events_without_grace = count(zone_users_affected * 2 * presence_viewers_per_user)

# A hot group: the largest group allowed, with messages arriving several a second.
hot_group_deliveries_per_second = per_second(
    hot_group_messages_per_second * ((group_member_limit - 1) * devices_per_user + (devices_per_user - 1))
)
hot_group_member_updates_per_second = per_second(hot_group_messages_per_second * group_member_limit)
hot_group_member_updates_coalesced = per_second(group_member_limit)  # one per member per second
hot_group_receipts_per_second = per_second(hot_group_messages_per_second * (group_member_limit - 1) * 2)
hot_group_watermarks_per_second = per_second(hot_group_receipts_per_second / messages_per_receipt_batch)

# New Year's midnight in the busiest time zone: its users' greetings land in a few minutes, on top
# of the rest of the world's traffic at an average hour.
midnight_messages_per_second = peak(
    daily_active_users * midnight_zone_share * midnight_messages_per_user / midnight_window + messages_per_second
)
midnight_over_peak = times(midnight_messages_per_second / messages_per_second_peak)
chat_tier_capacity = throughput(chat_servers * messages_per_chat_server_per_second)
midnight_over_capacity = times(midnight_messages_per_second / chat_tier_capacity)

# Push gateway outage: notifications that would queue in ten minutes at peak.
push_outage = duration(600)
push_backlog = count(pushes_per_second_peak * push_outage)

if __name__ != "chat_failures":
    print(
        markdown_table(
            ("Failure", "Figure", "Value"),
            [
                ("One connection server crashes", "New connections per surviving server", crash_reconnects_per_server),
                ("", "Time to reconnect them all, at capacity", crash_reconnect_time),
                ("A zone is lost", "Connections dropped", zone_connections_lost),
                ("", "Reconnections the surviving servers accept a second", zone_reconnect_capacity),
                ("", "Time to reconnect them all, at capacity", zone_reconnect_time_at_capacity),
                ("", f"Reconnections a second, spread over {reconnect_jitter_window}", zone_reconnect_rate_jittered),
                ("", "That rate as a share of capacity", zone_jittered_share_of_capacity),
                ("", "All at once, against one second's capacity", zone_reconnect_overload),
                (
                    "",
                    "Registry load during the wave, if sized for the peak alone",
                    registry_load_during_wave_if_sized_for_peak,
                ),
                ("", "Registry load during the wave, sized for it", registry_load_during_wave),
                ("", "Presence events without an offline grace period", presence_events_without_grace),
                ("A hot group", "Deliveries a second", hot_group_deliveries_per_second),
                ("", "Member-row updates a second", hot_group_member_updates_per_second),
                ("", "The same, coalesced to one per member a second", hot_group_member_updates_coalesced),
                ("", "Receipts a second, one record each", hot_group_receipts_per_second),
                ("", "Watermark writes a second", hot_group_watermarks_per_second),
                ("New Year's midnight", "Messages a second in the busiest minutes", midnight_messages_per_second),
                ("", "Against the daily peak", midnight_over_peak),
                ("", "Against the chat tier's capacity, all zones up", midnight_over_capacity),
                ("Push gateway down", f"Notifications queued in {push_outage}", push_backlog),
            ],
        )
    )
