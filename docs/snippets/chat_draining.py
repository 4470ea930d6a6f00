"""Chat service worked example: draining a connection server, and the rebalance that ends each zone's deploy.

A drained server keeps accepting while the load balancer may still send it new flows: for the target group's
deregistration delay whatever the gaps, then until no connect has come for a quiet interval, never past the
cap.

A deploy drains one zone's servers at a time, and their clients reconnect to the other two zones. When the
zone's servers are back they take only new connections: phones return within minutes, as their short sessions
end and start again, but linked computers stay where they went. The other zones' servers then hold their own
computers and the deployed zone's, a skew a zone lost then would turn into a larger wave. So the servers above
the rebalance threshold ask their computers to reconnect: all of them, since a reconnect lands by hash on any
server, a third of them in the deployed zone, which evens the zones. They pace it as the registry's sweep is
paced: a share of the registry's room over the peak, every zone up, never while a sweep runs.

A zone's drain runs only in the daily trough, so that the other zones stay far from the plan and a second zone
lost meanwhile leaves the last one at the plan. A growth (midnight's, the day before) ends with the same
rebalance, to a tighter stop, since midnight's frames leave almost no margin.
"""

from chat_assumptions import (
    connections_per_server,
    frames_per_connection_server_per_second,
    registry_sweep_share_of_spare,
    sync_list_period,
    zones,
)
from chat_connections import computer_connections_peak, connection_servers, connections_peak, phone_connections_peak
from chat_failures import (
    crash_registry_reconnects_per_second,
    heartbeats_per_server_per_second,
    midnight_connection_servers,
    midnight_connections,
    midnight_frames_zone_lost,
    midnight_frames_zone_lost_share,
    midnight_frames_zone_lost_share_after_growth,
    wave_frames_per_server,
    zone_connections_lost,
)
from chat_operations import connections_per_server_mean_peak

from sdw.estimation import count, duration, fraction, markdown_table, throughput, times

drain_deregistration_delay = duration(120)
drain_quiet_interval = duration(30)
drain_accept_cap = duration(3 * 60)
assert drain_deregistration_delay + drain_quiet_interval <= drain_accept_cap
rebalance_stop_over_mean = times(1.05)
growth_rebalance_stop_over_mean = times(1.02)
deploy_max_fleet_share = fraction(0.5)

# Shares of the connections at peak, against the fleet's mean a server.
PHONES = phone_connections_peak / connections_peak
COMPUTERS = computer_connections_peak / connections_peak
# A zone's servers back from their deploy: the other zones' hold every connection, then the phones return.
deploy_return_over_mean = times(zones / (zones - 1))
deploy_return_phones_over_mean = times(PHONES + COMPUTERS * zones / (zones - 1))
deploy_returned_connections_peak = count(PHONES * connections_per_server_mean_peak)
deploy_others_connections_peak = count(deploy_return_phones_over_mean * connections_per_server_mean_peak)
# The rebalance: every computer on the other zones reconnects, a third of them landing in each zone.
rebalance_reconnects_peak = count(computer_connections_peak)
rebalance_pace = throughput(crash_registry_reconnects_per_second * registry_sweep_share_of_spare)
rebalance_time = duration(rebalance_reconnects_peak / rebalance_pace)
# A growth: the old servers against the new mean, then with the phones returned.
growth_old_over_mean = times(midnight_connection_servers / connection_servers)
growth_old_phones_over_mean = times(PHONES + COMPUTERS * growth_old_over_mean)
# So the growth ends with the rebalance too: at most every computer, all of them on the old servers.
growth_rebalance_reconnects = count(computer_connections_peak)
growth_rebalance_time = duration(growth_rebalance_reconnects / rebalance_pace)
# Midnight with a zone lost, on a server left at the growth's stop: the wave's frames land by hash, evenly;
# heartbeats and periodic sync_lists follow the night's connections, not the peak's they are counted at;
# the rest follows the server's connections.
GROWN = midnight_frames_zone_lost_share_after_growth / midnight_frames_zone_lost_share
PER_CONNECTION = heartbeats_per_server_per_second + connections_per_server / sync_list_period


def midnight_share_at(skew: float) -> float:
    night = midnight_frames_zone_lost - PER_CONNECTION * (1 - midnight_connections / connections_peak)
    frames = skew * (night - wave_frames_per_server) + wave_frames_per_server
    return frames * GROWN / frames_per_connection_server_per_second


midnight_frames_zone_lost_share_at_growth_stop = fraction(midnight_share_at(growth_rebalance_stop_over_mean))
assert midnight_frames_zone_lost_share_at_growth_stop < 1 < midnight_share_at(rebalance_stop_over_mean)
# A zone's drain in the trough: the other zones' servers, at most at the deploy's stop skew, and a second
# zone lost meanwhile, its connections the wave and the last zone's servers holding every connection.
deploy_others_connections_trough = count(
    deploy_return_over_mean * rebalance_stop_over_mean * deploy_max_fleet_share * connections_per_server_mean_peak
)
deploy_second_zone_lost_wave = count(deploy_max_fleet_share * connections_peak / (zones - 1))
assert deploy_second_zone_lost_wave < zone_connections_lost
deploy_second_zone_lost_connections = count(deploy_max_fleet_share * connections_peak / (connection_servers / zones))
assert deploy_second_zone_lost_connections <= connections_per_server
# The weaker rule: drain whenever the fleet is under this share of the peak, keeping only the planned load.
deploy_peak_cutoff_share = fraction(
    connections_per_server / (deploy_return_over_mean * rebalance_stop_over_mean * connections_per_server_mean_peak)
)

if __name__ != "chat_draining":
    print(
        markdown_table(
            ("Assumption", "Value", "Why"),
            [
                (
                    "The target group's deregistration delay, the least a drain accepts connects",
                    drain_deregistration_delay,
                    "Assumed, down from 300 s: new flows reach a deregistered NLB target for about 2 min (#470 "
                    "below), tailing off, not ending on a gap "
                    "([AWS](https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html)).",
                ),
                (
                    "Then, time without a connect after which it stops",
                    drain_quiet_interval,
                    "Assumed: once the balancer's nodes have mostly stopped, a quarter of that delay without one "
                    "says the tail is over.",
                ),
                (
                    "Longest a draining connection server accepts connects after it is deregistered",
                    drain_accept_cap,
                    "Network Load Balancers are seen sending a deregistered target new flows for about 2 min "
                    "([containers-roadmap#470](https://github.com/aws/containers-roadmap/issues/470)); a minute "
                    "more for margin.",
                ),
                (
                    "Connections on a server, over the fleet's mean, above which a deploy's rebalance goes on",
                    rebalance_stop_over_mean,
                    "Assumed: well above the spread hashing alone leaves between servers, well below a zone's "
                    "return (below).",
                ),
                (
                    "... after a growth",
                    growth_rebalance_stop_over_mean,
                    "Assumed: a few times the spread hashing alone leaves (one over the root of a server's sockets), "
                    "so a rebalance reaches it; midnight's frames have less margin than 1.05× (below).",
                ),
                (
                    "Connections in the fleet, as a share of the peak's, under which a zone's drain may start",
                    deploy_max_fleet_share,
                    "Assumed: the daily mean, the peak being twice it, so each day's trough is below it.",
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Skew at peak, and the rebalance", "Value"),
            [
                ("A zone's servers back from a deploy: the others' over the mean", deploy_return_over_mean),
                ("... once the phones have moved", deploy_return_phones_over_mean),
                ("... connections on the returned servers then", deploy_returned_connections_peak),
                ("... and on the others'", deploy_others_connections_peak),
                ("Rebalance: computers that reconnect", rebalance_reconnects_peak),
                ("... paced at", rebalance_pace),
                ("... which takes", rebalance_time),
                (
                    f"After a growth to {midnight_connection_servers} servers: the old ones over the mean",
                    growth_old_over_mean,
                ),
                ("... once their phones have moved", growth_old_phones_over_mean),
                ("... so its rebalance moves at most", growth_rebalance_reconnects),
                ("... which takes", growth_rebalance_time),
                (
                    "Midnight, a zone lost: frame budget of a server left at the growth's stop",
                    midnight_frames_zone_lost_share_at_growth_stop,
                ),
                ("A zone's drain in the trough: the others' connections, at most", deploy_others_connections_trough),
                ("... a second zone lost meanwhile: its wave", deploy_second_zone_lost_wave),
                ("... and the last zone's connections a server", deploy_second_zone_lost_connections),
                ("Drain at any time under this share of the peak: keeps only the plan", deploy_peak_cutoff_share),
            ],
        )
    )
