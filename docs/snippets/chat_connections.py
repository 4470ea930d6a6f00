"""Chat service worked example: concurrent users, connections, heartbeats and connection servers."""

import math

from chat_assumptions import (
    connection_server_memory,
    connections_per_server,
    daily_active_users,
    devices_connected_per_online_user,
    file_descriptor_limit,
    heartbeat_interval,
    memory_per_connection,
    online_hours_per_day,
    peak_to_average,
    zones,
)

from sdw.estimation import count, fraction, markdown_table, peak, throughput, times

# Concurrent users: each daily user is connected for a share of the day; the busy hour has more.
online_share = fraction(online_hours_per_day / 24)
online_share_peak = fraction(online_share * peak_to_average)
concurrent_users = count(daily_active_users * online_share)
concurrent_users_peak = count(concurrent_users * peak_to_average)

# Connections: one per connected device.
connections = count(concurrent_users * devices_connected_per_online_user)
connections_peak = count(concurrent_users_peak * devices_connected_per_online_user)

# What one server could hold, by memory and by file descriptors, against what we plan.
connections_by_memory = count(connection_server_memory / memory_per_connection)
connections_by_descriptors = count(file_descriptor_limit)
planned_share_of_memory_limit = fraction(connections_per_server / connections_by_memory)
memory_ceiling_over_plan = times(connections_by_memory / connections_per_server)

# Servers for the peak, with room to lose a zone (the two zones left carry everything).
zone_headroom = times(zones / (zones - 1))
connection_servers_peak = count(math.ceil(connections_peak / connections_per_server))
connection_servers = count(math.ceil(connections_peak * zone_headroom / connections_per_server))

# Heartbeats: every open connection pings once per interval.
heartbeats_per_second_peak = peak(connections_peak / heartbeat_interval)
heartbeats_per_server_per_second = throughput(connections_per_server / heartbeat_interval)

if __name__ != "chat_connections":
    print(
        markdown_table(
            ("Figure", "Average", "Peak"),
            [
                ("Share of daily users online", online_share, online_share_peak),
                ("Concurrent users", concurrent_users, concurrent_users_peak),
                ("Open connections (devices)", connections, connections_peak),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Connections per server", "Value"),
            [
                ("Ceiling set by memory", connections_by_memory),
                ("Ceiling set by file descriptors, per process", connections_by_descriptors),
                ("Planned", connections_per_server),
                ("Planned, as a share of the memory ceiling", planned_share_of_memory_limit),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Connection servers for the peak", connection_servers_peak),
                (f"Connection servers with {zone_headroom} zone headroom", connection_servers),
                ("Heartbeats a second at peak, whole fleet", heartbeats_per_second_peak),
                ("Heartbeats a second per server", heartbeats_per_server_per_second),
            ],
        )
    )
