"""Chat service worked example: two follow-ups step 1 leaves out of scope, sized for when they come.

With E2EE, removing a member from a full group makes every remaining member device drop its sender key.
Rotated lazily (as WhatsApp's whitepaper describes), each device sends its new key, pairwise encrypted to
every other member device, with its next message: that many messages for each device that speaks after the
removal, and the bound if every member device speaks again.

Another region: a conversation's home region (its creator's) holds its owner and sequence numbers; a remote
member's connection server forwards the send there, and the owner's deliver crosses back, so each target
gains a crossing each way at worst (sender and recipient both away from the home region).
"""

from chat_assumptions import (
    cross_region_one_way,
    deliver_latency_target,
    devices_per_user,
    group_member_limit,
    send_latency_target,
)

from sdw.estimation import count, duration, markdown_table

e2ee_group_devices_after_removal = count((group_member_limit - 1) * devices_per_user)
e2ee_rekey_messages_per_sender = count(e2ee_group_devices_after_removal - 1)
e2ee_rekey_messages_per_removal = count(e2ee_group_devices_after_removal * (e2ee_group_devices_after_removal - 1))
cross_region_send_p99 = duration(send_latency_target + 2 * cross_region_one_way)
cross_region_deliver_p99 = duration(deliver_latency_target + 2 * cross_region_one_way)

if __name__ != "chat_follow_ups":
    print(
        markdown_table(
            ("Follow-up", "Figure", "Value"),
            [
                (
                    "E2EE",
                    "Pairwise sender-key messages per device that speaks after a removal, full group",
                    e2ee_rekey_messages_per_sender,
                ),
                ("", "... bound for one removal, if every member device speaks again", e2ee_rekey_messages_per_removal),
                ("Another region", "Send ack p99, sender away from the home region", cross_region_send_p99),
                ("", "Deliver p99, sender and recipient away from it", cross_region_deliver_p99),
            ],
        )
    )
