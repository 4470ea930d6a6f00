"""Chat service worked example: delivered and read receipts, per message or as watermarks."""

from chat_assumptions import (
    devices_per_user,
    group_members_average,
    group_message_share,
    messages_per_receipt_batch,
    peak_to_average,
)
from chat_traffic import messages_per_second, messages_per_second_peak, recipient_users_per_message

from sdw.estimation import count, fraction, markdown_table, peak, per_second, times

# Two receipts (delivered, read) per recipient user per message, if each is its own record.
receipts_per_message = count(recipient_users_per_message * 2)
receipts_per_second = per_second(messages_per_second * receipts_per_message)
receipts_per_second_peak = peak(receipts_per_second * peak_to_average)
group_receipt_share = fraction(group_message_share * (group_members_average - 1) * 2 / receipts_per_message)

# Watermarks: a member's row says "delivered up to seq N, read up to seq M"; one overwrite covers
# a whole burst, and no row is kept per message.
watermark_writes_per_second_peak = peak(receipts_per_second_peak / messages_per_receipt_batch)
# A "read" also moves the reader's private read position in their UserConversation row (unread
# counts, and the only read state kept for a user who turned read receipts off): half the
# watermark moves write a second row.
read_position_writes_per_second_peak = peak(watermark_writes_per_second_peak / 2)
# A row per receipt would hold the reader's read state too: the saving counts both writes.
watermark_saving = times(
    receipts_per_second_peak / (watermark_writes_per_second_peak + read_position_writes_per_second_peak)
)

# What the sender's devices are told. One-to-one: each watermark move. Groups: only when every
# member has passed the message ("delivered to all", "read by all"); per-member detail on request.
# Each forward looks the sender up in the session registry once and goes to all their devices.
receipt_forwards_per_second_peak = peak(messages_per_second_peak * 2 / messages_per_receipt_batch)
receipt_frames_per_second_peak = peak(receipt_forwards_per_second_peak * devices_per_user)
# A read also goes to the reader's own other devices (the chat marked read on the laptop too): one
# more registry look-up, of the reader, per read position moved.
own_device_forwards_per_second_peak = read_position_writes_per_second_peak

if __name__ != "chat_receipts":
    print(
        markdown_table(
            ("Receipts", "Value"),
            [
                (
                    "Per message, one record per recipient user and kind (devices send more delivered frames; "
                    "the owner drops those that move nothing)",
                    receipts_per_message,
                ),
                ("A second, average, one record each", receipts_per_second),
                ("A second, peak, one record each", receipts_per_second_peak),
                ("Share of those from groups", group_receipt_share),
                ("Watermark writes a second, peak", watermark_writes_per_second_peak),
                ("Private read-position writes a second, peak", read_position_writes_per_second_peak),
                ("Fewer writes with watermarks, read positions included", watermark_saving),
                (
                    "Receipts forwarded to senders a second, peak (a registry read each)",
                    receipt_forwards_per_second_peak,
                ),
                ("Receipt frames to senders' devices a second, peak", receipt_frames_per_second_peak),
                (
                    "Reads forwarded to the reader's own devices a second, peak (a registry read each)",
                    own_device_forwards_per_second_peak,
                ),
            ],
        )
    )
