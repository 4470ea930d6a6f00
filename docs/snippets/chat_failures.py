"""Chat service worked example: what a crash, a lost zone, a hot group and a presence storm cost."""

from chat_assumptions import (
    connections_per_server,
    devices_per_user,
    group_member_limit,
    hot_group_messages_per_second,
    messages_per_receipt_batch,
    presence_viewers_per_user,
    reconnect_jitter_window,
    reconnects_per_server_per_second,
    zones,
)
from chat_connections import concurrent_users_peak, connection_servers, connections_peak
from chat_traffic import pushes_per_second_peak

from sdw.estimation import count, duration, fraction, markdown_table, per_second, times

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

# The presence storm that zone loss would cause: every affected user goes offline and back.
zone_users_affected = count(concurrent_users_peak / zones)
presence_events_without_grace = count(zone_users_affected * 2 * presence_viewers_per_user)

# A hot group: the largest group allowed, with messages arriving several a second.
hot_group_deliveries_per_second = per_second(
    hot_group_messages_per_second * ((group_member_limit - 1) * devices_per_user + (devices_per_user - 1))
)
hot_group_member_updates_per_second = per_second(hot_group_messages_per_second * group_member_limit)
hot_group_member_updates_coalesced = per_second(group_member_limit)  # one per member per second
hot_group_receipts_per_second = per_second(hot_group_messages_per_second * (group_member_limit - 1) * 2)
hot_group_watermarks_per_second = per_second(hot_group_receipts_per_second / messages_per_receipt_batch)

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
                ("", "Presence events without an offline grace period", presence_events_without_grace),
                ("A hot group", "Deliveries a second", hot_group_deliveries_per_second),
                ("", "Member-row updates a second", hot_group_member_updates_per_second),
                ("", "The same, coalesced to one per member a second", hot_group_member_updates_coalesced),
                ("", "Receipts a second, one record each", hot_group_receipts_per_second),
                ("", "Watermark writes a second", hot_group_watermarks_per_second),
                ("Push gateway down", f"Notifications queued in {push_outage}", push_backlog),
            ],
        )
    )
