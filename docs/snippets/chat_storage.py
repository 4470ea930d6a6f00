"""Chat service worked example: bytes stored per day, per user per year, and over the horizon."""

import math

from chat_assumptions import (
    background_connect_burst,
    background_connect_refill_interval,
    connect_burst,
    connect_refill_interval,
    conversations_changed_per_sync,
    conversations_per_user,
    daily_active_users,
    devices_per_user,
    file_share,
    file_stored_bytes,
    media_retention_days,
    media_storage_overhead,
    message_copies,
    messages_per_conversation_load,
    messages_sent_per_user_per_day,
    notified_conversations_per_user_per_day,
    photo_share,
    photo_stored_bytes,
    presence_users_per_socket,
    push_memory_entry_bytes,
    retention_years,
    storage_per_database_server,
    store_reads_per_node_per_second,
    store_write_utilization_target,
    store_writes_per_node_per_second,
    sync_list_period,
    token_cache_hit_ratio,
    video_share,
    video_stored_bytes,
    voice_share,
    voice_stored_bytes,
    zones,
)
from chat_connections import connections_peak
from chat_data_model import (
    connect_counter_bytes_per_row,
    dedupe_days_held,
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
    member_updates_per_message,
    member_updates_per_second_peak,
    messages_per_day,
    messages_per_second_peak,
    push_candidates_per_second_peak,
    push_messages_per_second_peak,
)
from reference_capacity import paxos_state_reads_per_replica, paxos_state_writes_per_replica, relational_shard_bytes

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    servers,
    size,
    size_per_day,
    throughput,
    times,
    whole_per_zone,
)

days_kept = DAYS_PER_YEAR * retention_years

# Messages: one row each, stored once per conversation, three copies.
message_bytes_per_day = size_per_day(messages_per_day * message_row_bytes)
message_bytes_year_one = size(message_bytes_per_day * DAYS_PER_YEAR * message_copies)
message_bytes_total = size(message_bytes_per_day * days_kept * message_copies)

# Media: what an average message carries, kept on the server for a month, erasure coded.
media_bytes_per_message = size(
    photo_share * photo_stored_bytes
    + video_share * video_stored_bytes
    + voice_share * voice_stored_bytes
    + file_share * file_stored_bytes
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
# Client message IDs, for the days the table holds them.
dedupe_bytes = size(messages_per_day * dedupe_days_held / SECONDS_PER_DAY * dedupe_row_bytes * message_copies)
# The session registry lives in memory: one entry per open connection at peak, three copies.
session_registry_bytes = size(connections_peak * session_entry_bytes * message_copies)
# Presence subscriptions: at most presence_users_per_socket rows per open socket at peak (step 3's cap;
# a server's sockets watching one user share a row), three copies.
presence_subscription_bytes = size(
    connections_peak * presence_users_per_socket * presence_subscription_row_bytes * message_copies
)
# Connect counters: one per device that sent a `hello`, kept until both buckets are full again (a
# burst's worth of refills at most), so at most every hello at peak for that long, three copies.
connect_counter_lifetime = duration(
    max(connect_burst * connect_refill_interval, background_connect_burst * background_connect_refill_interval)
)
connect_counter_bytes = size(
    handshakes_per_second_peak * connect_counter_lifetime * connect_counter_bytes_per_row * message_copies
)
# "Last seen" lives beside the sessions, three copies.
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
# Reads: a connect runs sync_list (a partition read) twice, the second once registry entries cached
# before it expire (step 5), and a sync (a range read) per changed chat; live deliveries come from
# the owner's memory.
sync_lists_per_connect = count(2)
sync_reads_per_second_peak = peak(connects_per_second_peak * (sync_lists_per_connect + conversations_changed_per_sync))
second_sync_list_reads_per_second_peak = peak(connects_per_second_peak)
connect_sync_lists_per_second_peak = peak(
    connects_per_second_peak * sync_lists_per_connect + push_wake_connects_per_second_peak
)
# A connected device reruns sync_list every sync_list_period (step 6): counted for every open socket
# at peak, though most phone sessions end before their first run.
periodic_sync_list_reads_per_second_peak = peak(connections_peak / sync_list_period)
# A push wakes the app: on Android a sync_list and the pushed chat's sync, on iOS a history call
# (the member's UserConversation row, then the messages).
push_fetch_reads_per_second_peak = peak(
    push_wake_connects_per_second_peak * 2 + push_wake_history_reads_per_second_peak * 2
)
# The push service reads each candidate's muted_until and read_seq, muted chats included.
mute_reads_per_second_peak = peak(push_candidates_per_second_peak)
# Then a token read for each push its cache misses (step 6), silent ones included.
token_reads_per_second_peak = peak(push_messages_per_second_peak * (1 - token_cache_hit_ratio))
# An owner loading a conversation (step 4) reads its last rows, its Conversation row (kind), its
# members and their User rows.
conversation_loads_per_second_peak = peak(messages_per_second_peak / messages_per_conversation_load)
reads_per_conversation_load = count(3 + member_updates_per_message)
conversation_load_reads_per_second_peak = peak(conversation_loads_per_second_peak * reads_per_conversation_load)
# A lost zone's shards move (step 7): their new owners load each chat at first use, about one a message.
zone_reload_reads_per_second = peak(messages_per_second_peak / zones * reads_per_conversation_load)
# Every conditional write first reads its row at the range's leader: the message insert (counted per
# message, though a batch checks its first seq), last_seq, watermarks, read positions. The conflict
# check of every transactional write is inside the per-node write rate; this read is not.
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
    + conversation_load_reads_per_second_peak
    + condition_reads_per_second_peak
)
store_reads_per_write = times(store_reads_per_second_peak / store_writes_per_second_peak)
STORE_WRITES_PER_NODE_PLANNED = store_writes_per_node_per_second * store_write_utilization_target
store_writes_per_node_planned = throughput(STORE_WRITES_PER_NODE_PLANNED)
# Each zone holds a copy of every range: a whole count of nodes a zone.
database_nodes_for_writes = count(
    whole_per_zone(store_writes_per_second_peak * message_copies / STORE_WRITES_PER_NODE_PLANNED, zones)
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
# The message rows, one copy (the snapshots are a fraction of a percent beside them), as relational shards
# of reference_capacity's size (step 4), and their MySQL instances, a copy a zone, several a machine.
message_relational_shards = count(math.ceil(message_bytes_total / message_copies / relational_shard_bytes))
message_relational_shards_added_per_year = count(message_bytes_per_day * DAYS_PER_YEAR / relational_shard_bytes)
message_relational_instances = count(message_relational_shards * message_copies)


def years_of_data_on(nodes: float) -> float:
    """Years of message rows (all copies, beside the snapshots) that fill `nodes` database nodes."""
    snapshots = membership_bytes + dedupe_bytes + device_bytes
    return (nodes * storage_per_database_server - snapshots) / message_bytes_year_one


years_until_data_outgrows_writes = count(years_of_data_on(database_nodes_for_writes))

# The same writes in a wide-column store (Cassandra), each message's insert a Paxos round: each replica
# writes its Paxos state three times and reads it at most twice (reference_capacity), v1 or v2 alike
# (PaxosState.java: promiseIfNewer, acceptIfLatest, commit). Other conditional writes stay plain, in
# Cassandra's favor.
paxos_state_writes_per_second_peak = peak(messages_per_second_peak * paxos_state_writes_per_replica * message_copies)
paxos_state_reads_per_second_peak = peak(messages_per_second_peak * paxos_state_reads_per_replica * message_copies)
wide_column_nodes_for_writes = servers(
    whole_per_zone(
        (store_writes_per_second_peak * message_copies + paxos_state_writes_per_second_peak)
        / STORE_WRITES_PER_NODE_PLANNED,
        zones,
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
                ("Last seen, in the registry (memory): daily users only, a lower bound", "a snapshot", last_seen_bytes),
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
                ("Reads a second at peak, owners loading conversations", conversation_load_reads_per_second_peak),
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
            ],
        )
    )
