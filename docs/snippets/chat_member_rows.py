"""Chat service worked example: which sends one more store node crash stops while a zone is out, with the ack
waiting on every member's row or not (step 6's "when a member's row is late").

With a zone lost every range runs on two copies, so one more store node down takes the ranges it holds below
their quorum until it restarts: its zone's share, one node of that zone's. A send writes its message row, on
its conversation's range, and each member's UserConversation row, keyed by the member's user ID, so on a range
of its own anywhere in the cluster. Were the ack to wait for every member's row, a send would need
1 + members ranges, and stop if any of them were down; each is, independently, with that share. Weighted by
messages: one-to-one and group sends in their shares (the average group for all groups). The design acks on
the message row once member rows miss a short deadline, so only the message row's range stops a send (and,
second order, a send whose member row misses and whose shard's CoalescingGroup range is down too).
"""

from chat_assumptions import group_member_limit, group_members_average, group_message_share, zones
from chat_servers import database_nodes

from sdw.estimation import count, fraction, markdown_table, times

store_node_crash_zone_lost_share = fraction(zones / database_nodes)


def sends_stopped_share(ranges):
    """The share of sends stopped when each of the ranges a send needs is down with that share."""
    return 1 - (1 - float(store_node_crash_zone_lost_share)) ** ranges


send_ranges_one_to_one = count(1 + 2)
send_ranges_average_group = count(1 + group_members_average)
send_ranges_full_group = count(1 + group_member_limit)
sends_stopped_one_to_one_if_ack_waits = fraction(sends_stopped_share(send_ranges_one_to_one))
sends_stopped_average_group_if_ack_waits = fraction(sends_stopped_share(send_ranges_average_group))
sends_stopped_full_group_if_ack_waits = fraction(sends_stopped_share(send_ranges_full_group))
sends_stopped_if_ack_waits = fraction(
    (1 - group_message_share) * sends_stopped_one_to_one_if_ack_waits
    + group_message_share * sends_stopped_average_group_if_ack_waits
)
sends_stopped_if_ack_waits_over_ranges = times(sends_stopped_if_ack_waits / store_node_crash_zone_lost_share)
sends_stopped_with_member_deadline = fraction(store_node_crash_zone_lost_share)

if __name__ != "chat_member_rows":
    print(
        markdown_table(
            ("One more store node crashes, a zone out", "Value"),
            [
                (
                    "Ranges below quorum if one more store node crashes (a node of its zone's)",
                    store_node_crash_zone_lost_share,
                ),
                (
                    "Sends that stops, the ack waiting on member rows: one-to-one",
                    sends_stopped_one_to_one_if_ack_waits,
                ),
                (
                    f"... a group of {group_members_average} members",
                    sends_stopped_average_group_if_ack_waits,
                ),
                ("... a full group (the limit)", sends_stopped_full_group_if_ack_waits),
                ("... weighted by messages", sends_stopped_if_ack_waits),
                ("... against the ranges' share", sends_stopped_if_ack_waits_over_ranges),
                ("Sends it stops, acking without late member rows (chosen)", sends_stopped_with_member_deadline),
            ],
        )
    )
