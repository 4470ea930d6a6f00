"""Chat service worked example: bytes stored per day, per user per year, and over the horizon."""

import math

from chat_assumptions import (
    account_deletion_job_deadline,
    account_deletion_share_per_day,
    background_connect_burst,
    background_connect_refill_interval,
    backup_retention_days,
    connect_burst,
    connect_refill_interval,
    conversations_changed_per_sync,
    conversations_per_user,
    daily_active_users,
    dedupe_window,
    devices_per_user,
    group_members_average,
    groups_per_user,
    media_retention_days,
    media_storage_overhead,
    message_copies,
    messages_sent_per_user_per_day,
    notified_conversations_per_user_per_day,
    photo_share,
    photo_stored_bytes,
    presence_users_per_socket,
    push_memory_entry_bytes,
    retention_years,
    storage_per_database_server,
    store_compaction_days,
    store_gc_ttl,
    store_reads_per_node_per_second,
    store_writes_per_node_per_second,
    sync_list_period,
    token_cache_hit_ratio,
    video_share,
    video_stored_bytes,
    voice_share,
    voice_stored_bytes,
)
from chat_connections import connections_peak
from chat_data_model import (
    connect_counter_bytes_per_row,
    dedupe_row_bytes,
    device_row_bytes,
    device_token_row_bytes,
    last_seen_entry_bytes,
    member_row_bytes,
    message_row_bytes,
    presence_subscription_row_bytes,
    session_entry_bytes,
    user_conversation_row_bytes,
)
from chat_presence import (
    connects_per_second_peak,
    handshakes_per_second_peak,
    push_wake_connects_per_second_peak,
    push_wake_history_reads_per_second_peak,
)
from chat_receipts import read_position_writes_per_second_peak, watermark_writes_per_second_peak
from chat_traffic import (
    member_updates_per_second_peak,
    messages_per_day,
    messages_per_second_peak,
    push_candidates_per_second_peak,
    pushes_per_second_peak,
    recipient_users_per_message,
)
from concept_life_assumptions import gdpr_answer_within
from reference_capacity import paxos_state_reads_per_replica, paxos_state_writes_per_replica, relational_shard_bytes

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_day,
    per_second,
    servers,
    size,
    size_per_day,
    times,
)

days_kept = DAYS_PER_YEAR * retention_years

# Messages: one row each, stored once per conversation, three copies.
message_bytes_per_day = size_per_day(messages_per_day * message_row_bytes)
message_bytes_year_one = size(message_bytes_per_day * DAYS_PER_YEAR * message_copies)
message_bytes_total = size(message_bytes_per_day * days_kept * message_copies)

# Media: what an average message carries, kept on the server for a month, erasure coded.
media_bytes_per_message = size(
    photo_share * photo_stored_bytes + video_share * video_stored_bytes + voice_share * voice_stored_bytes
)
media_bytes_per_day = size_per_day(messages_per_day * media_bytes_per_message)
media_bytes_kept = size(media_bytes_per_day * media_retention_days * media_storage_overhead)
media_bytes_if_kept_for_horizon = size(media_bytes_per_day * days_kept * media_storage_overhead)
media_over_text_per_day = times(media_bytes_per_day / message_bytes_per_day)

# Per daily user per year: what their sent messages add, text and media.
text_bytes_per_user_per_year = size(messages_sent_per_user_per_day * message_row_bytes * DAYS_PER_YEAR)
media_bytes_per_user_per_year = size(messages_sent_per_user_per_day * media_bytes_per_message * DAYS_PER_YEAR)
text_bytes_per_user_per_year_all_copies = size(text_bytes_per_user_per_year * message_copies)

# Membership rows (both directions) and devices: snapshots, not daily streams. Counted for daily
# users only, so a lower bound: other accounts' rows, and the rows kept of chats left, add to it.
membership_bytes = size(
    daily_active_users * conversations_per_user * (user_conversation_row_bytes + member_row_bytes) * message_copies
)
device_bytes = size(daily_active_users * devices_per_user * device_row_bytes * message_copies)
# The token lookup beside it: a row per device, counted for every device, so at most (a linked
# computer holds no push token).
device_token_bytes = size(daily_active_users * devices_per_user * device_token_row_bytes * message_copies)
# Client message IDs for the de-duplication window.
dedupe_bytes = size(messages_per_day * dedupe_window / SECONDS_PER_DAY * dedupe_row_bytes * message_copies)
# The session registry lives in memory: one entry per open connection at peak, three copies.
session_registry_bytes = size(connections_peak * session_entry_bytes * message_copies)
# Presence subscriptions live beside the sessions: a socket watches at most presence_users_per_socket
# users (step 3's cap), and sockets on one server watching the same user share a row, so at most that many
# rows per open socket at peak, three copies. The bound is at the cap.
presence_subscription_bytes = size(
    connections_peak * presence_users_per_socket * presence_subscription_row_bytes * message_copies
)
# Connect counters too: one per device that sent a `hello`, background ones included, kept until both of
# its token buckets are full again, at most a burst's worth of refills after its last hello; so at most
# every hello at peak for that long (a device that connects twice keeps one), three copies.
connect_counter_lifetime = duration(
    max(connect_burst * connect_refill_interval, background_connect_burst * background_connect_refill_interval)
)
connect_counter_bytes = size(
    handshakes_per_second_peak * connect_counter_lifetime * connect_counter_bytes_per_row * message_copies
)
# "Last seen" lives beside the sessions: one entry per daily user, connected or not, three copies.
last_seen_bytes = size(daily_active_users * last_seen_entry_bytes * message_copies)
# The push service remembers, per user and notified conversation, the newest seq it notified, for a
# day, in memory, one copy (a restart loses it; clearing then waits for the next app open).
push_memory_entries = count(daily_active_users * notified_conversations_per_user_per_day)
push_memory_bytes = size(push_memory_entries * push_memory_entry_bytes)

# Database nodes: enough disk for the data, and enough write capacity for the peak.
store_writes_per_second_peak = peak(
    messages_per_second_peak * 2
    + member_updates_per_second_peak
    + watermark_writes_per_second_peak
    + read_position_writes_per_second_peak
)
# Reads: every device that connects runs a sync_list (a partition read) and one sync (a range
# read) per changed conversation, then a second sync_list a few seconds later, once the owners'
# cached registry entries, which may predate its connect, have expired (step 5); live deliveries
# come from the memory of the chat server that owns the conversation, not the store.
sync_lists_per_connect = count(2)
sync_reads_per_second_peak = peak(connects_per_second_peak * (sync_lists_per_connect + conversations_changed_per_sync))
second_sync_list_reads_per_second_peak = peak(connects_per_second_peak)
# A device that stays connected runs sync_list again every sync_list_period, so a message whose live
# deliver was lost reaches it within one period (step 6). Counted for every open socket at peak, though
# most phone sessions end before their first run.
periodic_sync_list_reads_per_second_peak = peak(connections_peak / sync_list_period)
# A push wakes the app, which fetches what it names: on Android a background sync_list and the
# pushed conversation's sync (clipped to the joined_seq and left_seq the sync_list returned), on
# iOS one history call, which reads the member's UserConversation row (membership, joined_seq and
# left_seq) and then the messages.
push_fetch_reads_per_second_peak = peak(
    push_wake_connects_per_second_peak * 2 + push_wake_history_reads_per_second_peak * 2
)
# Before a notification the push service reads the recipient's muted_until and read_seq (a point
# read), for every candidate, muted conversations included.
mute_reads_per_second_peak = peak(push_candidates_per_second_peak)
# Then a token read for each push its cache misses (step 6).
token_reads_per_second_peak = peak(pushes_per_second_peak * (1 - token_cache_hit_ratio))
# Every conditional write reads its row at the range's leader before it writes: the message's
# insert (only if its seq is free; counted per message, though a batch checks its first number
# only), the members' raise-only last_seq writes, and the raise-only watermarks and read positions.
# No write in this kind of store is blind: each transactional write reads its key's newest version
# for a conflict check, and that check is inside the per-node write rate. The separate read that
# tests a write's condition is not, so it is counted here, among the reads.
condition_reads_per_second_peak = peak(
    messages_per_second_peak
    + member_updates_per_second_peak
    + watermark_writes_per_second_peak
    + read_position_writes_per_second_peak
)
store_reads_per_second_peak = peak(
    sync_reads_per_second_peak
    + periodic_sync_list_reads_per_second_peak
    + push_fetch_reads_per_second_peak
    + mute_reads_per_second_peak
    + token_reads_per_second_peak
    + condition_reads_per_second_peak
)
store_reads_per_write = times(store_reads_per_second_peak / store_writes_per_second_peak)
database_nodes_for_writes = count(
    math.ceil(store_writes_per_second_peak * message_copies / store_writes_per_node_per_second)
)
database_nodes_year_one = count(
    math.ceil(
        (message_bytes_year_one + membership_bytes + dedupe_bytes + device_bytes + device_token_bytes)
        / storage_per_database_server
    )
)
database_nodes_for_horizon = servers(
    math.ceil(
        (message_bytes_total + membership_bytes + dedupe_bytes + device_bytes + device_token_bytes)
        / storage_per_database_server
    )
)
# Data adds a year's message rows every year, so the nodes it needs grow with time while the
# write rate (and the nodes it needs) stays put: from some year on, data sizes the store.
database_nodes_added_per_year = count(message_bytes_year_one / storage_per_database_server)
# The same message rows as relational shards (step 4 weighs a sharded relational store against the
# one it picks): one copy's bytes over the horizon over the size a relational shard is kept to
# (reference_capacity), rounded up, and a year of new rows (one copy) over the same size. Messages
# only: the snapshots beside them are a fraction of a percent of this.
message_relational_shards = count(math.ceil(message_bytes_total / message_copies / relational_shard_bytes))
message_relational_shards_added_per_year = count(message_bytes_per_day * DAYS_PER_YEAR / relational_shard_bytes)
# Those shards as database servers, a copy of each in every zone (a primary and two replicas).
message_relational_servers = count(message_relational_shards * message_copies)


def years_of_data_on(nodes: float) -> float:
    """Years of message rows (all copies, beside the snapshots) that fill `nodes` database nodes."""
    snapshots = membership_bytes + dedupe_bytes + device_bytes
    return (nodes * storage_per_database_server - snapshots) / message_bytes_year_one


years_until_data_outgrows_writes = count(years_of_data_on(database_nodes_for_writes))

# The same writes in a leaderless wide-column store (Cassandra), each message's insert a Paxos round
# (a lightweight transaction). Each replica writes its Paxos state three times and reads it at most
# twice (reference_capacity), under paxos_variant v1 and v2 alike: v2 saves round trips, but its
# replicas still save a promise, a proposal and a commit (PaxosState.java: promiseIfNewer,
# acceptIfLatest, commit). The other conditional writes (last_seq, watermarks, read positions) are
# left plain, in Cassandra's favor. The state writes join the write budget, the state reads the read budget.
paxos_state_writes_per_second_peak = peak(messages_per_second_peak * paxos_state_writes_per_replica * message_copies)
paxos_state_reads_per_second_peak = peak(messages_per_second_peak * paxos_state_reads_per_replica * message_copies)
wide_column_nodes_for_writes = servers(
    math.ceil(
        (store_writes_per_second_peak * message_copies + paxos_state_writes_per_second_peak)
        / store_writes_per_node_per_second
    )
)
wide_column_extra_nodes = count(wide_column_nodes_for_writes - database_nodes_for_writes)
# The reads on those nodes, each read at quorum (two replicas, in Cassandra's disfavor) plus the Paxos
# state reads, against their read budget: if under one, the writes still size the store.
wide_column_read_share = fraction(
    (store_reads_per_second_peak * 2 + paxos_state_reads_per_second_peak)
    / (wide_column_nodes_for_writes * store_reads_per_node_per_second)
)
# Until data outgrows them, the rounds size the store; after that data does, alike for both stores.
years_until_data_outgrows_paxos = count(years_of_data_on(wide_column_nodes_for_writes))

# Account deletion (step 1's decision): the account's own rows go, and the messages it sent stay in the
# other members' histories, shown from "Deleted account". Per account: the User row; each device's row
# and its token lookup row (counted for every device, so at most); and both membership rows of each
# conversation (UserConversation and ConversationMember, counted as if the user were still in all of
# them, so at most). Each chat the user is still in gets one removal notice, a message like any other,
# which raises the other members' last_seq: one member in a one-to-one chat, the average group's others
# in a group. Each chat's Conversation row also has its readers count lowered as the user's row goes (step 4),
# one write a conversation. The leave itself writes in each chat the user's own UserConversation row
# (left_seq and last_seq, in the removal's transaction) and the leave's idempotency record, and the
# account is marked for deletion once (deleted_at), before any of it.
account_deletions_per_day = per_day(daily_active_users * account_deletion_share_per_day)
deletion_rows_per_account = count(1 + devices_per_user * 2 + conversations_per_user * 2)
deletion_notices_per_account = count(conversations_per_user)
deletion_member_updates_per_account = count(
    (conversations_per_user - groups_per_user) * 1 + groups_per_user * (group_members_average - 1)
)
deletion_reader_updates_per_account = count(conversations_per_user)
deletion_leave_writes_per_account = count(conversations_per_user * 2 + 1)
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
# The option step 1 turned down: tombstone every message the account sent, in every chat. The key has no
# sender, so each chat's whole history is scanned, filtered on sender_id; those chats carry, in a day,
# about what the user sends and receives (each message sent reaches recipient_users_per_message users),
# kept days_kept days. One tombstone per message sent over the horizon (an upper bound: a user who
# joined later sent less).
deletion_scan_rows_per_account = count(messages_sent_per_user_per_day * (1 + recipient_users_per_message) * days_kept)
deletion_tombstones_per_account = count(messages_sent_per_user_per_day * days_kept)
deletion_tombstones_per_day = per_day(account_deletions_per_day * deletion_tombstones_per_account)
deletion_tombstones_share_of_messages = fraction(deletion_tombstones_per_day / messages_per_day)
deletion_tombstones_over_chosen_writes = times(deletion_tombstones_per_account / deletion_writes_per_account)

# How long a deleted row outlives the deletion on the server: a message deleted for everyone, or an
# account's rows. The account's job ends within its deadline (a deletion for everyone is done at once);
# the store keeps the earlier version as history until its garbage collection (store_gc_ttl), and the
# collected version stays in its file until the weekly compaction rewrites it. A backup is a copy of the
# rows as of its time, so one taken after the deletion holds none of it, and the last one taken before
# it keeps it until it expires.
erasure_store_delay = duration(account_deletion_job_deadline + store_gc_ttl + store_compaction_days * SECONDS_PER_DAY)
erasure_backup_delay = duration(account_deletion_job_deadline + backup_retention_days * SECONDS_PER_DAY)
erasure_delay = duration(max(erasure_store_delay, erasure_backup_delay))
erasure_margin = duration(gdpr_answer_within - erasure_delay)
assert erasure_margin > 0

if __name__ != "chat_storage":
    print(
        markdown_table(
            ("Data", "Per day (one copy)", "Kept, all copies"),
            [
                (f"Messages ({retention_years} years)", message_bytes_per_day, message_bytes_total),
                (f"Media ({media_retention_days} days on the server)", media_bytes_per_day, media_bytes_kept),
                ("Media, if kept for the whole horizon", media_bytes_per_day, media_bytes_if_kept_for_horizon),
                ("Membership rows, both directions", "a snapshot", membership_bytes),
                ("Devices", "a snapshot", device_bytes),
                ("Devices by push token, at most", "a snapshot", device_token_bytes),
                ("Recent client message IDs", "rolls over", dedupe_bytes),
                ("Session registry (memory)", "live state", session_registry_bytes),
                ("Last seen, in the registry (memory)", "a snapshot", last_seen_bytes),
                ("Presence subscriptions, in the registry (memory)", "live state", presence_subscription_bytes),
                ("Connect counters, in the registry (memory)", "live state", connect_counter_bytes),
                ("Newest notified seqs, in the push service (memory, one copy)", "a day's", push_memory_bytes),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Per daily user per year", "Value"),
            [
                ("Message rows sent, one copy", text_bytes_per_user_per_year),
                ("Message rows sent, all copies", text_bytes_per_user_per_year_all_copies),
                ("Media sent (kept a month, not a year)", media_bytes_per_user_per_year),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (f"Message rows as relational shards of {relational_shard_bytes}", "Value"),
            [
                (f"Shards for one copy over {retention_years} years", message_relational_shards),
                ("Shards added a year", message_relational_shards_added_per_year),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Database nodes", "Value"),
            [
                (
                    "Writes a second at peak (messages, client IDs, member rows, watermarks, read positions)",
                    store_writes_per_second_peak,
                ),
                ("Reads a second at peak, two sync_lists and the syncs on reconnect", sync_reads_per_second_peak),
                (
                    f"Reads a second at peak, a sync_list every {sync_list_period} on each open socket",
                    periodic_sync_list_reads_per_second_peak,
                ),
                ("Reads a second at peak, apps fetching what a push names", push_fetch_reads_per_second_peak),
                ("Reads a second at peak, mute and read checks before a push", mute_reads_per_second_peak),
                ("Reads a second at peak, push tokens not cached", token_reads_per_second_peak),
                ("Reads a second at peak, the row each conditional write checks", condition_reads_per_second_peak),
                ("Reads a second at peak, in all", store_reads_per_second_peak),
                ("Reads per write", store_reads_per_write),
                ("Nodes for the peak write rate, all copies", database_nodes_for_writes),
                ("Nodes for the first year's data", database_nodes_year_one),
                ("Nodes data adds each year", database_nodes_added_per_year),
                ("Years of data before it needs more nodes than the writes", years_until_data_outgrows_writes),
                (
                    "Paxos state writes a second at peak, a round per message, v1 or v2 (all copies)",
                    paxos_state_writes_per_second_peak,
                ),
                ("Paxos state reads a second at peak, at most (all copies)", paxos_state_reads_per_second_peak),
                ("Wide-column nodes for the peak writes, with those rounds", wide_column_nodes_for_writes),
                ("More than the nodes for the peak writes", wide_column_extra_nodes),
                ("Share of the read budget those nodes use, reads at quorum", wide_column_read_share),
                ("Years of data before it outgrows them", years_until_data_outgrows_paxos),
                (f"Nodes for {retention_years} years of data", database_nodes_for_horizon),
                ("Account deletions a day", account_deletions_per_day),
                ("Rows one account deletion deletes: user, devices, memberships (at most)", deletion_rows_per_account),
                ("Removal notices it appends, one a chat (at most)", deletion_notices_per_account),
                ("Other members' last_seq raised by those notices", deletion_member_updates_per_account),
                ("Store writes one account deletion makes", deletion_writes_per_account),
                ("The same, for a day's deletions", deletion_writes_per_day),
                ("Removal notices, as a share of a day's messages", deletion_notices_share_of_messages),
                ("Writes a second, averaged over the day", deletion_writes_per_second),
                ("Share of the store's write capacity, all copies", deletion_share_of_store_writes),
                ("Turned down: rows one deletion would scan (its chats' history)", deletion_scan_rows_per_account),
                ("Turned down: messages it would tombstone (all it sent)", deletion_tombstones_per_account),
                ("Turned down: tombstones a day", deletion_tombstones_per_day),
                ("Turned down: tombstones, as a share of a day's messages", deletion_tombstones_share_of_messages),
                ("Turned down: tombstones an account, over the writes chosen", deletion_tombstones_over_chosen_writes),
                ("A deleted row leaves the store's files", erasure_store_delay),
                ("... the last backup", erasure_backup_delay),
                ("Erasure delay", erasure_delay),
                ("... under a month by", erasure_margin),
            ],
        )
    )
