"""Chat service worked example: concurrent users, connections, heartbeats and connection servers."""

import math

from chat_assumptions import (
    address_stagger,
    computer_hours_per_day,
    connect_attempt_deadline,
    connection_server_memory,
    connections_per_server,
    daily_active_users,
    devices_per_user,
    file_descriptor_limit,
    heartbeat_interval,
    lb_addresses_per_zone,
    memory_per_connection,
    minutes_per_phone_session,
    peak_to_average,
    pong_timeout,
    reconnect_jitter_window,
    sessions_per_user_per_day,
    zones,
)

from sdw.estimation import (
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    servers,
    throughput,
    times,
    whole_per_zone,
    zone_loss_headroom,
)

# Phones hold a socket only while the app is in use or has just left the screen: sessions a day times
# minutes per session (which count that short while).
phone_hours_per_day = count(sessions_per_user_per_day * minutes_per_phone_session / 60)
phone_online_share = fraction(phone_hours_per_day / 24)
phone_online_share_peak = fraction(phone_online_share * peak_to_average)
phone_connections = count(daily_active_users * phone_online_share)
phone_connections_peak = count(phone_connections * peak_to_average)

# Linked computers keep theirs while the window is open, for hours, whatever the phone does.
computers_per_user = count(devices_per_user - 1)
computer_connections = count(daily_active_users * computers_per_user * computer_hours_per_day / 24)
computer_connections_peak = count(computer_connections * peak_to_average)

# Connections: one per connected device. A user counts as online while any device is connected;
# counting online users as connections counts a user on two devices at once twice, a small excess.
connections = count(phone_connections + computer_connections)
connections_peak = count(connections * peak_to_average)
online_share_peak = fraction(connections_peak / daily_active_users)

# What one server could hold, by memory and by file descriptors, against what we plan.
connections_by_memory = count(connection_server_memory / memory_per_connection)
connections_by_descriptors = count(file_descriptor_limit)
planned_share_of_memory_limit = fraction(connections_per_server / connections_by_memory)
memory_ceiling_over_plan = times(connections_by_memory / connections_per_server)

# Servers for the peak, with room to lose a zone (the two zones left carry everything). The same
# whole count in each zone, or losing the largest zone would leave too few.
zone_headroom = zone_loss_headroom(zones)
connection_servers_peak = count(math.ceil(connections_peak / connections_per_server))
connection_servers = servers(whole_per_zone(connections_peak * zone_headroom / connections_per_server, zones))

# Heartbeats: every open connection pings once per interval. Per server: at peak with every zone
# up (the fleet's share), and at the planned connections a server, which it reaches with a zone lost.
heartbeats_per_second_peak = peak(connections_peak / heartbeat_interval)
heartbeats_per_server_per_second_peak = peak(heartbeats_per_second_peak / connection_servers)
heartbeats_per_server_per_second = throughput(connections_per_server / heartbeat_interval)

# How long a client of a zone that is lost can take to come back (step 7): it notices at its next ping that
# goes unanswered and waits its random delay. Then a native client may wait a stagger for each of the lost
# zone's other addresses DNS lists first, within the attempt's deadline; a web client, whose browser picks
# the address, the deadline once for a dead pick (step 3).
zone_client_notices = heartbeat_interval + pong_timeout + reconnect_jitter_window
zone_dead_address_wait = duration(min((lb_addresses_per_zone - 1) * address_stagger, connect_attempt_deadline))
zone_client_return_worst = duration(zone_client_notices + zone_dead_address_wait)
zone_web_return_worst = duration(zone_client_notices + connect_attempt_deadline)

if __name__ != "chat_connections":
    print(
        markdown_table(
            ("Figure", "Average", "Peak"),
            [
                ("Share of daily users' phones connected", phone_online_share, phone_online_share_peak),
                ("Phones connected", phone_connections, phone_connections_peak),
                ("Computers connected", computer_connections, computer_connections_peak),
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
                ("Heartbeats a second per server at peak, every zone up", heartbeats_per_server_per_second_peak),
                (
                    "Heartbeats a second per server at the planned connections (a zone lost)",
                    heartbeats_per_server_per_second,
                ),
            ],
        )
    )
