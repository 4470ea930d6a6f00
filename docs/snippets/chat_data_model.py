"""Chat service worked example: the bytes in each row, field by field, and partition sizes."""

from chat_assumptions import (
    dedupe_window,
    hot_group_messages_per_second,
    media_retention_days,
    message_text_bytes,
    photo_share,
    retention_years,
    video_share,
)
from chat_traffic import media_share

from sdw.estimation import SECONDS_PER_DAY, count, duration, markdown_table, size

# Every row in the store also pays for its key, a timestamp and lengths in the
# on-disk format: about 30 bytes beyond the fields, before compression.
ROW_OVERHEAD = 30


def row_bytes(fields: list[tuple[str, int, str]]) -> float:
    """A row's size: the sum of its fields' bytes, each field a (name, bytes, why) triple."""
    return size(sum(b for _, b, _ in fields))


# Messages, keyed by (conversation_id, seq): the body is stored once, whoever reads it.
MEDIA_SHARE = media_share
MESSAGE_FIELDS = [
    ("conversation_id", 8, "random 64-bit ID; first half of the key"),
    ("seq", 8, "per-conversation sequence number; second half of the key"),
    ("sender_id", 8, "user ID"),
    ("sender_device_id", 4, "which of the sender's devices"),
    ("client_message_id", 16, "UUID the client chose, for de-duplication"),
    ("server_time", 8, "when the chat server accepted it"),
    ("kind", 1, "text, media, system event"),
    ("flags", 1, "deleted for everyone, media lost; room for more"),
    ("reply_to_seq", 8, "quoted message, if any (stored as 0 if none)"),
    ("body", float(message_text_bytes), "UTF-8 text, average"),
    (
        "media_ref",
        112 * MEDIA_SHARE,
        "media ID, type, size, SHA-256 (checks a re-upload after a region loss), width, height, duration,"
        " blur hash (a file's name): 112 bytes on a media message",
    ),
    ("row overhead", ROW_OVERHEAD, "key, timestamp and lengths on disk"),
]
message_row_bytes = row_bytes(MESSAGE_FIELDS)

# A member's view of a conversation, keyed by (user_id, conversation_id): the chat list and sync.
USER_CONVERSATION_FIELDS = [
    ("user_id", 8, "first half of the key"),
    ("conversation_id", 8, "second half of the key"),
    ("last_seq", 8, "newest message; updated on every message"),
    ("read_seq", 8, "private read position: unread counts, kept even with receipts off; set below the add's notice"),
    (
        "joined_seq",
        8,
        "first seq the member may read (the add's notice; a copy of the member row's): reads clip at it",
    ),
    ("left_seq", 8, "seq of the notice that removed the member, 0 (null in the API) while a member: reads stop at it"),
    ("last_activity", 8, "newest message's time: sorts the chat list"),
    ("muted_until", 8, "no push before this time (far future: always); the push service reads it"),
    ("flags", 1, "pinned, archived; room for more"),
    ("row overhead", ROW_OVERHEAD, ""),
]
user_conversation_row_bytes = row_bytes(USER_CONVERSATION_FIELDS)

# The conversation's view of a member, keyed by (conversation_id, user_id): fan-out and receipts.
MEMBER_FIELDS = [
    ("conversation_id", 8, "first half of the key"),
    ("user_id", 8, "second half of the key"),
    ("role", 1, "member, admin"),
    ("joined_seq", 8, "first seq the member may read: the add's notice, rewritten on a re-add"),
    ("delivered_seq", 8, "delivered watermark"),
    ("read_seq", 8, "read watermark others see; frozen if receipts are off"),
    ("row overhead", ROW_OVERHEAD, ""),
]
member_row_bytes = row_bytes(MEMBER_FIELDS)

# Client message IDs seen recently, keyed by (day, conversation_id, client_message_id), so that a
# day past the window is deleted as one key range rather than row by row.
DEDUPE_FIELDS = [
    ("day", 4, "first part of the key: the day written"),
    ("conversation_id", 8, ""),
    ("client_message_id", 16, ""),
    ("seq", 8, "what the first attempt got"),
    ("row overhead", ROW_OVERHEAD, ""),
]
dedupe_row_bytes = row_bytes(DEDUPE_FIELDS)
# A day's range goes once its newest ID is a window old: the table holds the window and the day being written.
dedupe_days_held = duration(dedupe_window + SECONDS_PER_DAY)

# Idempotency keys of a group's creation and the membership calls, keyed by (user_id, key): a retry finds the
# first attempt's result. Rare writes, expired by the store's row TTL after a day.
IDEMPOTENCY_FIELDS = [
    ("user_id", 8, "first half of the key: keys are per caller"),
    ("idempotency_key", 16, "UUID the client chose"),
    ("request_hash", 8, "the same key with a different body is an error"),
    ("conversation_id", 8, "the result the first attempt returned"),
    ("expires_at", 8, "a day after the first attempt"),
    ("row overhead", ROW_OVERHEAD, ""),
]
idempotency_row_bytes = row_bytes(IDEMPOTENCY_FIELDS)

# One-to-one chats by their pair of users, keyed by (lower user_id, higher user_id): creating the
# chat again, from either side or any device, finds the same conversation.
DIRECT_CHAT_FIELDS = [
    ("low_user_id", 8, "the smaller of the two user IDs; first half of the key"),
    ("high_user_id", 8, "the larger; second half of the key"),
    ("conversation_id", 8, "the pair's one conversation"),
    ("row overhead", ROW_OVERHEAD, ""),
]
direct_chat_row_bytes = row_bytes(DIRECT_CHAT_FIELDS)

# The session registry, in memory: which connection server holds each device's socket.
SESSION_FIELDS = [
    ("user_id", 8, "key"),
    ("device_id", 4, "field within the key"),
    ("server_id", 4, "connection server"),
    ("connection_epoch", 8, "fences a stale entry after a reconnect"),
    ("connection_number", 4, "counts the server's connections in this epoch; a clean close deletes only its own"),
    ("connected_at", 8, "when this socket connected"),
    ("in-memory overhead", 48, "hash entry, pointers, allocator"),
]
session_entry_bytes = row_bytes(SESSION_FIELDS)

# Each device's connect counter, in the same in-memory registry, apart from the session entry so that a
# clean close, which deletes the entry, leaves it: two token buckets (step 3), one for foreground `hello`s
# and one for background (push-woken) ones, so a wake-up never spends a foreground connect. A `hello`
# takes a token from its bucket, after adding those earned since the bucket was last refilled; one that
# finds none is closed with 4429 and changes nothing. The counter expires once both buckets are full again.
CONNECT_COUNTER_FIELDS = [
    ("user_id", 8, "key"),
    ("device_id", 4, "field within the key"),
    ("foreground_tokens", 4, "foreground connects left; a hello finding none is closed with 4429"),
    ("foreground_refilled_at", 8, "when the foreground bucket last earned a token"),
    ("background_tokens", 4, "background connects left, a bucket of its own"),
    ("background_refilled_at", 8, "when the background bucket last earned a token"),
    ("in-memory overhead", 48, "hash entry, pointers, allocator"),
]
connect_counter_bytes_per_row = row_bytes(CONNECT_COUNTER_FIELDS)

# Presence subscriptions, in the same in-memory registry, beside the watched user's entry: one row per
# connection server with sockets showing that user's presence. The server counts its own sockets per
# watched user and adds its row only when its first socket starts watching, removes it only when its last
# stops: a set, not a count, so a retried add or remove changes nothing. Each call carries a number from
# one counter per server that never goes back (its epoch, an etcd revision, in the high bits), and the
# registry ignores one older than the row's, so a late retry cannot undo a newer call; a late add that
# lands after its remove (which deleted the row and its number) makes a row the server does not want,
# and the server removes it at the first event it gets for that user. A lapsed lease deletes the server's rows.
PRESENCE_SUBSCRIPTION_FIELDS = [
    ("watched_user_id", 8, "first half of the key: the user whose presence is shown"),
    ("connection_server_id", 4, "second half: a server with sockets showing it"),
    ("change_number", 8, "the server's number for its newest add or remove; an older call is ignored"),
    ("in-memory overhead", 48, "hash entry, pointers, allocator"),
]
presence_subscription_row_bytes = row_bytes(PRESENCE_SUBSCRIPTION_FIELDS)

# "Last seen", in the same in-memory registry: one entry per user, kept after the last device
# disconnects (the connection server writes it then, in the registry write it makes anyway; for a
# server that died, the registry's sweep writes it from that server's last lease renewal, in the one
# update that removes that server's session, and only if the session is still there). Each write
# sets the entry to expire this many days on, a product choice: an app shows an older one as "a long
# time ago", as Telegram does past a month. A close for a deleted account (4410) writes none, and the
# deletion job removes the entry last.
last_seen_kept_days = count(30)
LAST_SEEN_FIELDS = [
    ("user_id", 8, "key"),
    ("last_seen", 8, "last frame heard on the user's last socket (a dead server's last lease renewal)"),
    ("visibility", 1, "last seen shown or hidden: the user's privacy setting, cached here"),
    ("in-memory overhead", 48, "hash entry, pointers, allocator"),
]
last_seen_entry_bytes = row_bytes(LAST_SEEN_FIELDS)

# Devices: where to push, and each device's public identity key (needed for end-to-end encryption).
DEVICE_FIELDS = [
    ("user_id", 8, ""),
    ("device_id", 4, "numbered by the server per user: 1, 2, 3"),
    ("install_id", 16, "generated by the app at install: registering again finds the same device"),
    ("platform", 1, "iOS, Android, desktop, web"),
    ("push_token", 160, "APNs or FCM token"),
    ("identity_key", 32, "public key; unused until end-to-end encryption"),
    ("last_sync", 8, "set at a device's first sync_list of the day: a linked client unused for 30 days is unlinked"),
    ("row overhead", ROW_OVERHEAD, ""),
]
device_row_bytes = row_bytes(DEVICE_FIELDS)

# The same devices by push token, so registering a token finds another account's device holding it
# (the Device table, keyed by user, cannot). Written first, as a conditional put; a row whose device
# row no longer holds the token is stale and deleted when found; a dead-token answer or a sign-out
# deletes both rows.
DEVICE_TOKEN_FIELDS = [
    ("push_token", 160, "the key: APNs or FCM token"),
    ("user_id", 8, "the account whose device holds it"),
    ("device_id", 4, "which of its devices"),
    ("row overhead", ROW_OVERHEAD, ""),
]
device_token_row_bytes = row_bytes(DEVICE_TOKEN_FIELDS)

# Largest conversation partition: rows are sorted by (conversation_id, seq) and the store splits a
# range when it grows past its split size, so a busy group's history spans one or a few ranges;
# this is what a group writing a message a minute, all day, adds in a year and over the horizon.
busy_group_messages_per_year = 60 * 24 * 365
busy_group_bytes_per_year = size(busy_group_messages_per_year * message_row_bytes)
busy_group_bytes_over_horizon = size(busy_group_bytes_per_year * retention_years)
# An account deletion's sweep of uploads never sent (step 4) reads a chat's messages back to the oldest
# such upload, at most the media retention: for a busy group at the per-conversation send cap, this many
# messages, and a HEAD for each object the listing of the chat's prefix returns: every media
# message's original, and the thumbnail beside it for a photo or a video (a voice note or a file has none).
busy_group_messages_in_media_retention = count(hot_group_messages_per_second * media_retention_days * SECONDS_PER_DAY)
thumbnail_share = photo_share + video_share
busy_group_media_heads = count(busy_group_messages_in_media_retention * (media_share + thumbnail_share))


def table(fields: list[tuple[str, float, str]]) -> str:
    return markdown_table(("Field", "Bytes", "Note"), [(n, size(b), note) for n, b, note in fields])


if __name__ != "chat_data_model":
    ROWS = [
        ("Message", MESSAGE_FIELDS, message_row_bytes),
        ("UserConversation", USER_CONVERSATION_FIELDS, user_conversation_row_bytes),
        ("ConversationMember", MEMBER_FIELDS, member_row_bytes),
        ("RecentClientId", DEDUPE_FIELDS, dedupe_row_bytes),
        ("Session (in memory)", SESSION_FIELDS, session_entry_bytes),
        ("Last seen (in memory)", LAST_SEEN_FIELDS, last_seen_entry_bytes),
        ("PresenceSubscription (in memory)", PRESENCE_SUBSCRIPTION_FIELDS, presence_subscription_row_bytes),
        ("ConnectCounter (in memory)", CONNECT_COUNTER_FIELDS, connect_counter_bytes_per_row),
        ("Device", DEVICE_FIELDS, device_row_bytes),
        ("DeviceByToken", DEVICE_TOKEN_FIELDS, device_token_row_bytes),
        ("IdempotencyRecord", IDEMPOTENCY_FIELDS, idempotency_row_bytes),
        ("DirectChat", DIRECT_CHAT_FIELDS, direct_chat_row_bytes),
    ]
    print(markdown_table(("Row", "Bytes"), [(title, total) for title, _, total in ROWS]))
    print()
    for title, fields, total in ROWS:
        print(f"**{title}**: {total} per row\n")
        print(table(fields))
        print()
    print(
        f"A group writing a message a minute all year adds {busy_group_bytes_per_year}, "
        f"and {busy_group_bytes_over_horizon} in {retention_years} years."
    )
