"""Chat service worked example: what deleting an account costs the store (step 1's decision, step 4's job).

The account's own rows go and its messages stay. At most, for an average account: the User row and its
AccountDeletion row (the job's), each device's row and token lookup row, and both membership rows of every
chat. Each chat gets a removal notice, which raises the other members' last_seq (one, or the average group's
others), and a write lowering its Conversation row's readers; the leave writes the user's UserConversation row
and an idempotency record in each chat; deleted_at and the AccountDeletion row are written once, first, in one
transaction. The claim on that row, its taking and its renewals while the job runs (step 4), is left out: the
bound below is the job's writes besides the claim's.
"""

from chat_assumptions import (
    account_deletion_share_per_day,
    conversations_per_user,
    daily_active_users,
    devices_per_user,
    group_members_average,
    groups_per_user,
    message_copies,
    messages_sent_per_user_per_day,
    store_writes_per_node_per_second,
)
from chat_storage import database_nodes_for_writes, days_kept
from chat_traffic import messages_per_day, recipient_users_per_message

from sdw.estimation import SECONDS_PER_DAY, count, fraction, markdown_table, per_day, per_second, times

account_deletions_per_day = per_day(daily_active_users * account_deletion_share_per_day)
deletion_rows_per_account = count(2 + devices_per_user * 2 + conversations_per_user * 2)
deletion_notices_per_account = count(conversations_per_user)
deletion_member_updates_per_account = count(
    (conversations_per_user - groups_per_user) * 1 + groups_per_user * (group_members_average - 1)
)
deletion_reader_updates_per_account = count(conversations_per_user)
deletion_leave_writes_per_account = count(conversations_per_user * 2 + 2)
deletion_writes_per_account = count(
    deletion_rows_per_account
    + deletion_leave_writes_per_account
    + deletion_notices_per_account
    + deletion_member_updates_per_account
    + deletion_reader_updates_per_account
)
deletion_writes_per_day = per_day(account_deletions_per_day * deletion_writes_per_account)
deletion_notices_share_of_messages = fraction(
    account_deletions_per_day * deletion_notices_per_account / messages_per_day
)
deletion_writes_per_second = per_second(deletion_writes_per_day / SECONDS_PER_DAY)
# Three copies each, against the store's write capacity: the job runs at any hour, so against the whole of it.
deletion_share_of_store_writes = fraction(
    deletion_writes_per_second * message_copies / (database_nodes_for_writes * store_writes_per_node_per_second)
)
# Turned down: tombstone all the account sent. The key has no sender, so each chat's whole history is
# scanned: a day's sent and received messages, kept days_kept days; a tombstone per message sent (at most).
deletion_scan_rows_per_account = count(messages_sent_per_user_per_day * (1 + recipient_users_per_message) * days_kept)
deletion_tombstones_per_account = count(messages_sent_per_user_per_day * days_kept)
deletion_tombstones_per_day = per_day(account_deletions_per_day * deletion_tombstones_per_account)
deletion_tombstones_share_of_messages = fraction(deletion_tombstones_per_day / messages_per_day)
deletion_tombstones_over_chosen_writes = times(deletion_tombstones_per_account / deletion_writes_per_account)

if __name__ != "chat_deletion":
    print(
        markdown_table(
            ("One account deletion", "Value"),
            [
                ("Account deletions a day", account_deletions_per_day),
                (
                    "Rows it deletes: user, its job's, devices and their token rows, memberships (at most)",
                    deletion_rows_per_account,
                ),
                (
                    "Leave writes: rows marked left, the leaves' records, and deleted_at with its job's row",
                    deletion_leave_writes_per_account,
                ),
                ("Removal notices it appends, one a chat (at most)", deletion_notices_per_account),
                ("Other members' last_seq raised by those notices", deletion_member_updates_per_account),
                ("Conversation rows whose readers drop", deletion_reader_updates_per_account),
                ("Store writes one deletion makes, the five above, besides the claim's", deletion_writes_per_account),
                ("The same, for a day's deletions", deletion_writes_per_day),
                ("Removal notices, as a share of a day's messages", deletion_notices_share_of_messages),
                ("Writes a second, averaged over the day", deletion_writes_per_second),
                ("Share of the store's write capacity, all copies", deletion_share_of_store_writes),
                ("Turned down: rows one deletion would scan (its chats' history)", deletion_scan_rows_per_account),
                ("Turned down: messages it would tombstone (all it sent)", deletion_tombstones_per_account),
                ("Turned down: tombstones a day", deletion_tombstones_per_day),
                ("Turned down: tombstones, as a share of a day's messages", deletion_tombstones_share_of_messages),
                ("Turned down: tombstones an account, over the writes chosen", deletion_tombstones_over_chosen_writes),
            ],
        )
    )
