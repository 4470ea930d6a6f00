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
paced: a share of the registry's room over the peak, every zone up.

A growth (midnight's, the day before) is left uneven: the old servers keep their clients while the mean falls.
"""

from chat_assumptions import registry_sweep_share_of_spare, zones
from chat_connections import computer_connections_peak, connection_servers, connections_peak, phone_connections_peak
from chat_failures import crash_registry_reconnects_per_second, midnight_connection_servers
from chat_operations import connections_per_server_mean_peak

from sdw.estimation import count, duration, markdown_table, throughput, times

drain_deregistration_delay = duration(120)
drain_quiet_interval = duration(30)
drain_accept_cap = duration(3 * 60)
assert drain_deregistration_delay + drain_quiet_interval <= drain_accept_cap
rebalance_stop_over_mean = times(1.05)

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
            ],
        )
    )
