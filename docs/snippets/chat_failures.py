"""Chat service worked example: what a crash, a lost zone, a hot group, a presence storm and
New Year's midnight cost."""

import math

from chat_assumptions import (
    LEASE_RENEWALS_PER_TTL,
    chats_opened_per_session,
    coalescing_row_interval,
    connection_server_cores,
    connection_server_lease,
    connections_per_server,
    conversation_shards,
    conversations_changed_per_sync,
    coordination_nodes,
    coordination_nodes_largest_zone,
    daily_active_users,
    devices_per_user,
    event_log_events_per_broker_per_second,
    fcm_quota_step_use,
    frame_cpu,
    frames_per_connection_server_per_second,
    group_member_limit,
    group_members_average,
    group_message_share,
    handshake_core_share,
    hot_group_messages_per_second,
    message_copies,
    messages_per_chat_server_per_second,
    messages_per_receipt_batch,
    midnight_messages_per_user,
    midnight_window,
    midnight_zone_share,
    minutes_per_phone_session,
    peak_to_average,
    presence_offline_grace,
    presence_viewers_per_user,
    reconnect_jitter_window,
    reconnect_presence_resubscribe_share,
    reconnects_per_server_per_second,
    registry_ops_per_node_per_second,
    registry_sweep_share_of_spare,
    retention_years,
    slo_window,
    snapshot_rate_per_node,
    store_busiest_over_mean,
    store_leader_extra_work,
    store_range_failover_zone_lost,
    store_reads_per_node_per_second,
    store_write_utilization_target,
    store_writes_per_node_per_second,
    sync_list_period,
    tls_handshake_cpu,
    typing_frames_per_message,
    unavailable_long_retry_cap,
    unavailable_retry_cap,
    zones,
)
from chat_connections import (
    connection_servers,
    connections,
    connections_peak,
    heartbeats_per_server_per_second,
    zone_client_return_worst,
    zone_headroom,
    zone_web_return_worst,
)
from chat_presence import (
    connect_counter_writes_per_second_peak,
    connects_per_second_peak,
    handshakes_per_second_peak,
    presence_notifications_per_second_peak,
    presence_subscription_writes_per_second_peak,
    push_wake_connects_per_second_peak,
    reconnect_wave_writes_per_second,
    registry_capacity_all_zones,
    registry_copies,
    registry_nodes,
    registry_nodes_for,
    registry_one_copy_ops_per_second_peak,
    registry_ops_during_wave_per_second,
    registry_ops_per_second_peak,
    registry_ops_zone_lost_per_second,
    registry_reads_per_second_peak,
    registry_writes_all_kinds_per_second_peak,
    registry_writes_per_reconnect,
)
from chat_push_quota import fcm_quota_earned_per_minute, request_lead_for
from chat_receipts import (
    own_device_forwards_per_second_peak,
    read_position_writes_per_second_peak,
    receipt_frames_per_second_peak,
    watermark_writes_per_second_peak,
)
from chat_reliability import (
    failed_sends_allowed,
    fast_burn_late_push_share,
    fast_burn_window,
    push_handoff_budget_share,
    slow_burn_late_push_share,
    slow_burn_window,
)
from chat_sequencing import (
    busiest_over_mean,
    chat_busiest_load_after_zone_loss,
    chat_busiest_shards_zone_lost,
    handover_time,
    largest_group_deliveries_max,
    shard_sends_resume,
    shard_sends_resume_leader_change,
    shard_sends_resume_leader_lost,
    shard_sends_resume_zone_lost,
    shards_per_chat_server,
)
from chat_servers import database_nodes
from chat_storage import (
    database_nodes_for_horizon,
    dedupe_bytes,
    device_bytes,
    device_token_bytes,
    membership_bytes,
    message_bytes_year_one,
    store_reads_per_second_peak,
    store_writes_per_second_peak,
    sync_lists_per_connect,
    years_of_data_on,
    zone_reload_reads_per_second,
)
from chat_tokens import renewals_per_second_peak
from chat_traffic import (
    android_pushes_per_minute_peak,
    chat_servers,
    chat_servers_after_zone_loss,
    chat_servers_for,
    chat_work_per_message,
    chat_work_per_second_peak,
    event_log_brokers,
    event_log_events_per_second_peak,
    live_deliveries_per_second_peak,
    messages_per_second,
    messages_per_second_peak,
    push_messages_per_second_peak,
    pushes_per_second,
    pushes_per_second_peak,
    redundant_delivered_per_message,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_MINUTE,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    servers,
    size,
    throughput,
    times,
    whole_per_zone,
)

# One connection server crashes at peak with every zone up: it holds its share of the peak, not
# the planned connections a server (reached only with a zone lost), and its clients reconnect to
# all the others. Each reconnect also writes the session registry, on all its copies, so the
# fleet's reconnect rate is the lower of the surviving servers' budget and the registry's room
# left over the peak (every zone up), each reconnect an entry and, for a share, a presence subscription.
crash_connections_dropped = count(connections_peak / connection_servers)
surviving_servers = servers(connection_servers - 1)
crash_reconnects_per_server = count(crash_connections_dropped / surviving_servers)
crash_connection_servers_budget = throughput(surviving_servers * reconnects_per_server_per_second)
crash_registry_reconnects_per_second = throughput(
    (registry_capacity_all_zones - registry_ops_per_second_peak) / (message_copies * registry_writes_per_reconnect)
)
crash_reconnect_capacity = throughput(min(crash_connection_servers_budget, crash_registry_reconnects_per_second))
crash_reconnect_time = duration(crash_connections_dropped / crash_reconnect_capacity)

# A zone is lost at peak: a third of the connections drop at once, and two thirds of the servers
# are left to take them.
zone_connections_lost = count(connections_peak / zones)
zone_servers_left = count(connection_servers * (zones - 1) / zones)
connection_servers_reconnect_budget = throughput(zone_servers_left * reconnects_per_server_per_second)
# Each reconnect also writes the session registry (on the two copies left), whose nodes in the
# lost zone are gone too: the two zones left carry the peak's reads and writes plus the wave.
registry_capacity_two_zones = throughput(registry_capacity_all_zones * (zones - 1) / zones)
# What the registry has left for reconnects once the zone-lost peak is served (ordinary connects'
# writes are in that peak already, and a push-woken Android app's connect counter), two copies a write.
# That, not the connection servers' budget, caps the fleet's reconnect rate.
registry_reconnects_per_second = throughput(
    (registry_capacity_two_zones - registry_ops_zone_lost_per_second) / ((zones - 1) * registry_writes_per_reconnect)
)
zone_reconnect_capacity = throughput(min(connection_servers_reconnect_budget, registry_reconnects_per_second))
zone_reconnect_capacity_per_server = throughput(zone_reconnect_capacity / zone_servers_left)
zone_reconnect_time_at_capacity = duration(zone_connections_lost / zone_reconnect_capacity)
zone_reconnect_rate_jittered = per_second(zone_connections_lost / reconnect_jitter_window)
zone_jittered_share_of_capacity = fraction(zone_reconnect_rate_jittered / zone_reconnect_capacity)
# The connection servers' own budget also serves the peak's ordinary connects and push-woken
# Android apps while the wave lasts.
connection_servers_share_during_wave = fraction(
    (zone_reconnect_rate_jittered + handshakes_per_second_peak) / connection_servers_reconnect_budget
)
# Without jitter, every client retries at once, and again after each timeout.
zone_reconnect_overload = times(zone_connections_lost / zone_reconnect_capacity)
registry_nodes_for_peak_alone = registry_nodes_for(registry_ops_zone_lost_per_second)
registry_load_during_wave_if_sized_for_peak = fraction(
    registry_ops_during_wave_per_second
    / (registry_nodes_for_peak_alone * (zones - 1) / zones * registry_ops_per_node_per_second)
)
registry_load_during_wave = fraction(registry_ops_during_wave_per_second / registry_capacity_two_zones)
# The lost zone's connection servers leave their registry entries behind: one per connection dropped,
# on each of the two copies left. Expiry is lazy: a lookup already checks the entry's server's lease, so
# a lapsed server's entries read as absent, and "last seen" for its users is one record per server (its
# last renewal), not a write per user. A background sweep deletes the entries once the wave is over,
# paced at a share of the spare capacity the two zones left have beyond the zone-lost peak.
zone_registry_entries_lapsed = count(zone_connections_lost)
zone_registry_deletions_per_node = count(
    zone_registry_entries_lapsed * (zones - 1) / (registry_nodes * (zones - 1) / zones)
)
zone_last_seen_records = count(connection_servers / zones)
registry_spare_after_wave = throughput(registry_capacity_two_zones - registry_ops_zone_lost_per_second)
zone_registry_sweep_entries_per_second = per_second(
    registry_spare_after_wave * registry_sweep_share_of_spare / (zones - 1)
)
zone_registry_sweep_time = duration(zone_registry_entries_lapsed / zone_registry_sweep_entries_per_second)
registry_load_during_sweep = fraction(
    (registry_ops_zone_lost_per_second + zone_registry_sweep_entries_per_second * (zones - 1))
    / registry_capacity_two_zones
)

# Each reconnect also reads the message store: two sync_lists and a sync per changed conversation.
# The store's ranges in the lost zone fail over to the two zones left, on two thirds of its nodes.
wave_store_reads_per_second = peak(
    zone_reconnect_rate_jittered * (sync_lists_per_connect + conversations_changed_per_sync)
)
wave_store_reads_over_peak = times(wave_store_reads_per_second / store_reads_per_second_peak)
# The store's writes do not move with a lost zone (each zone holds a copy), but its leaders do: each
# range keeps a leader on one of its two copies left instead of one of three, so each surviving node
# leads half its ranges, not a third, and does that much more leader work (proposing, reads).
store_leader_work_after_zone_loss = times(zones / (zones - 1))
# What that does to a surviving node's write budget at peak. Each write costs every copy the same
# (log, apply, compaction) and its leader more (store_leader_extra_work, a guess); the budget,
# store_writes_per_node_per_second, is for a node that leads a third of its ranges, and the node now
# leads half. Its copies' writes a second are those of every day: the zones left hold two copies of
# each range on two thirds of the nodes.
store_sheddable_writes_per_second_peak = peak(watermark_writes_per_second_peak + read_position_writes_per_second_peak)
store_writes_per_node_zone_lost = peak(
    store_writes_per_second_peak * (zones - 1) / (database_nodes * (zones - 1) / zones)
)


def write_load_zone_lost(leader_extra_work, nodes=database_nodes, writes=store_writes_per_second_peak):
    """A surviving node's write load against its budget, leading half its ranges instead of a third."""
    return (
        writes
        * (zones - 1)
        / (nodes * (zones - 1) / zones)
        * (1 + leader_extra_work / (zones - 1))
        / (store_writes_per_node_per_second * (1 + leader_extra_work / zones))
    )


store_write_load_zone_lost_exact = write_load_zone_lost(store_leader_extra_work)
store_write_load_zone_lost = fraction(store_write_load_zone_lost_exact)
# If a leader's extra work were twice the guess.
store_write_load_zone_lost_leader_doubled = fraction(write_load_zone_lost(2 * store_leader_extra_work))
# The busiest node, guessed at store_busiest_over_mean the mean: step 2's target leaves room for the moved
# leaders and that, the rest for a rise over the peak (store_zone_lost_surge_room). The skew at which it fills.
store_busiest_load_zone_lost_exact = store_write_load_zone_lost_exact * store_busiest_over_mean
store_busiest_load_zone_lost = fraction(store_busiest_load_zone_lost_exact)
assert store_busiest_load_zone_lost_exact < 1
store_busiest_fills_over_mean = times(1 / store_write_load_zone_lost_exact)
# The lever for a store-wide rise (a surge, midnight): the watermark and read-position
# writes, which chat servers coalesce for longer past their writes' p99 (sends, client IDs and member rows
# are never held back). Their share of the store's writes, and how far traffic can rise over its peak
# with a zone lost before the busiest node's budget is full, without them held back and with all of them.
store_sheddable_share = fraction(store_sheddable_writes_per_second_peak / store_writes_per_second_peak)
store_zone_lost_surge_room = times(1 / store_busiest_load_zone_lost_exact)
store_zone_lost_surge_room_all_shed = times(
    1 / (store_busiest_load_zone_lost_exact * (1 - float(store_sheddable_share)))
)
store_read_capacity_two_zones = throughput(database_nodes * (zones - 1) / zones * store_reads_per_node_per_second)
store_read_load_during_wave = fraction(
    (store_reads_per_second_peak + wave_store_reads_per_second + zone_reload_reads_per_second)
    / store_read_capacity_two_zones
)

# A lost zone's users must not flicker offline while their clients come back (chat_connections). The
# offline grace counts from the last frame heard; for them, from their servers' last lease renewal, up to
# a renewal period before the loss. What the grace has left once the slowest client is back, native or web:
zone_last_renewal_before_loss = duration(connection_server_lease / LEASE_RENEWALS_PER_TTL)
zone_presence_grace_margin = duration(presence_offline_grace - zone_last_renewal_before_loss - zone_client_return_worst)
zone_web_grace_margin = duration(presence_offline_grace - zone_last_renewal_before_loss - zone_web_return_worst)
assert zone_presence_grace_margin > 0 and zone_web_grace_margin > 0

# The presence storm that zone loss would cause: every affected user goes offline and back (a
# connection stands for a user here, as in the presence figures).
zone_users_affected = count(connections_peak / zones)
presence_events_without_grace = count(zone_users_affected * 2 * presence_viewers_per_user)

# A hot group: the largest group allowed, with messages arriving several a second.
hot_group_deliveries_per_second = per_second(
    hot_group_messages_per_second * ((group_member_limit - 1) * devices_per_user + (devices_per_user - 1))
)
# The same group if every member has a phone and four linked devices (the most the product allows).
hot_group_deliveries_per_second_max = per_second(hot_group_messages_per_second * largest_group_deliveries_max)
hot_group_member_updates_per_second = per_second(hot_group_messages_per_second * group_member_limit)
hot_group_member_updates_coalesced = per_second(group_member_limit)  # one per member per second
hot_group_receipts_per_second = per_second(hot_group_messages_per_second * (group_member_limit - 1) * 2)
hot_group_watermarks_per_second = per_second(hot_group_receipts_per_second / messages_per_receipt_batch)
# Coalesced like member rows: one write a second per recipient, carrying both of its watermarks.
hot_group_watermarks_coalesced = per_second(group_member_limit - 1)
# New Year's midnight in the busiest time zone: its users' greetings land in a few minutes, on top
# of the rest of the world's traffic at an average hour (the busiest zone's own share left out: its
# users are the ones sending greetings).
midnight_messages_per_second = peak(
    daily_active_users * midnight_zone_share * midnight_messages_per_user / midnight_window
    + messages_per_second * (1 - midnight_zone_share)
)
midnight_over_peak = times(midnight_messages_per_second / messages_per_second_peak)
# In messages a second: each message brings its share of receipts, reads, typing frames and media lookups
# (step 2), at midnight too. The tier is full once its busiest server is (chat_traffic).
chat_tier_capacity = throughput(
    chat_servers * messages_per_chat_server_per_second / chat_work_per_message / busiest_over_mean(chat_servers)
)
midnight_over_capacity = times(midnight_messages_per_second / chat_tier_capacity)
# Every store write (message, client ID, member rows, watermarks, read positions) grows with the
# messages sent, and the store was sized for the daily peak with only the room a lost zone's leaders take:
# in its first years, while writes size it, it gives first.
midnight_over_peak_exact = midnight_messages_per_second / messages_per_second_peak
midnight_store_writes_per_second = peak(store_writes_per_second_peak * midnight_over_peak_exact)
store_write_capacity = throughput(database_nodes * store_writes_per_node_per_second / message_copies)
midnight_store_over_capacity = times(midnight_store_writes_per_second / store_write_capacity)
# The scale-up for midnight: each zone holds one copy of every range, so each zone's nodes take
# every write once (a lost zone adds no copies' writes, only its leaders' work); round per zone.
midnight_database_nodes = servers(
    whole_per_zone(midnight_store_writes_per_second * message_copies / store_writes_per_node_per_second, zones)
)
midnight_database_nodes_added = count(midnight_database_nodes - database_nodes)
# Sized at step 2's utilization target instead, kept all year as these are.
midnight_database_nodes_at_target = servers(
    whole_per_zone(
        midnight_store_writes_per_second
        * message_copies
        / store_writes_per_node_per_second
        / store_write_utilization_target,
        zones,
    )
)
# Those nodes also add room with a zone lost at the daily peak.
store_write_load_zone_lost_after_growth = fraction(
    write_load_zone_lost(store_leader_extra_work, midnight_database_nodes)
)
store_busiest_load_zone_lost_after_growth = fraction(
    write_load_zone_lost(store_leader_extra_work, midnight_database_nodes) * store_busiest_over_mean
)
# Midnight itself spends the target's room (step 7): the mean node at its full rate, the busiest above it;
# coalescing holds back this share of the watermark and read-position writes to bring it to its full rate.
MIDNIGHT_BUSIEST = (
    midnight_store_writes_per_second
    * message_copies
    / midnight_database_nodes
    / store_writes_per_node_per_second
    * store_busiest_over_mean
)
midnight_store_busiest_load = fraction(MIDNIGHT_BUSIEST)
midnight_store_shed_share = fraction((1 - 1 / MIDNIGHT_BUSIEST) / float(store_sheddable_share))
MIDNIGHT_BUSIEST_ZONE_LOST = (
    write_load_zone_lost(store_leader_extra_work, midnight_database_nodes, midnight_store_writes_per_second)
    * store_busiest_over_mean
)
midnight_store_busiest_load_zone_lost = fraction(MIDNIGHT_BUSIEST_ZONE_LOST)
midnight_store_shed_share_zone_lost = fraction((1 - 1 / MIDNIGHT_BUSIEST_ZONE_LOST) / float(store_sheddable_share))
assert midnight_store_shed_share_zone_lost < 1
# Growing the store moves data: a range's copies spread evenly over the nodes, so each new node takes
# in its share of all that is stored, by snapshot. The most to move while the writes size the store is
# a full year of messages, at the first New Year after launch.
stored_bytes_year_one = size(
    message_bytes_year_one + membership_bytes + dedupe_bytes + device_bytes + device_token_bytes
)
midnight_bytes_per_new_node = size(stored_bytes_year_one / midnight_database_nodes)
midnight_rebalance_bytes = size(midnight_bytes_per_new_node * midnight_database_nodes_added)
midnight_rebalance_time = duration(midnight_bytes_per_new_node / snapshot_rate_per_node)
# Start the growth early enough to finish with a day to spare.
midnight_growth_lead_days = count(math.ceil(midnight_rebalance_time / SECONDS_PER_DAY) + 1)
# Later, data sizes the store (step 2): the nodes it adds each year also take writes. The store
# stops giving first once it is no more overloaded at midnight than the chat tier, and needs no
# growth at all once its data fills as many nodes as midnight does.
midnight_over_capacity_exact = midnight_messages_per_second / chat_tier_capacity
store_nodes_level_with_chat_tier = count(
    midnight_store_writes_per_second * message_copies / store_writes_per_node_per_second / midnight_over_capacity_exact
)
years_until_chat_tier_gives_first = count(years_of_data_on(store_nodes_level_with_chat_tier))
years_until_data_covers_midnight = count(years_of_data_on(midnight_database_nodes))
midnight_store_load_at_horizon = fraction(
    midnight_store_writes_per_second / (database_nodes_for_horizon * store_writes_per_node_per_second / message_copies)
)
# The registry's reads grow with the messages too, and so do the push-woken Android apps' connect-counter
# writes (on every copy). The greetings also bring foreground connects, counted as if each of the busiest
# zone's users opened the app once in the window, on top of the peak's (an entry written at the connect
# and at the disconnect, on every copy), and their chats' subscribes and unsubscribes.
midnight_connects_per_second = peak(daily_active_users * midnight_zone_share / midnight_window)
# The registry's operations at midnight, counted once: a read or a notification on one copy, a write on
# every copy.
midnight_registry_one_copy_ops_per_second = peak(
    registry_one_copy_ops_per_second_peak + registry_reads_per_second_peak * (midnight_over_peak_exact - 1)
)
midnight_registry_writes_without_connects_per_second = peak(
    registry_writes_all_kinds_per_second_peak + connect_counter_writes_per_second_peak * (midnight_over_peak_exact - 1)
)
midnight_registry_writes_per_second = peak(
    midnight_registry_writes_without_connects_per_second
    + midnight_connects_per_second * (2 + chats_opened_per_session * 2)
)
midnight_registry_load_without_connects = fraction(
    (midnight_registry_one_copy_ops_per_second + midnight_registry_writes_without_connects_per_second * registry_copies)
    / registry_capacity_all_zones
)
midnight_registry_ops_per_second = peak(
    midnight_registry_one_copy_ops_per_second + midnight_registry_writes_per_second * registry_copies
)
midnight_registry_load = fraction(midnight_registry_ops_per_second / registry_capacity_all_zones)
# That leaves no room for a node or a zone lost, so the registry is grown for midnight like every day's
# sizing (chat_presence.registry_nodes): a zone lost in those minutes, its writes on the two copies left
# and its clients' reconnect wave (at the daily peak's connections), with the same zone headroom, rounded
# per zone, and one spare a zone. The entries are small (step 4) and a new node fills in minutes, so the
# nodes are added the day before, with the chat tier's.
midnight_registry_ops_zone_lost_during_wave = peak(
    midnight_registry_one_copy_ops_per_second
    + (midnight_registry_writes_per_second + reconnect_wave_writes_per_second * registry_writes_per_reconnect)
    * (registry_copies - 1)
)
midnight_registry_nodes = registry_nodes_for(midnight_registry_ops_zone_lost_during_wave)
midnight_registry_nodes_added = count(midnight_registry_nodes - registry_nodes)
assert midnight_registry_nodes_added > 0
midnight_registry_load_after_growth = fraction(
    midnight_registry_ops_per_second / (midnight_registry_nodes * registry_ops_per_node_per_second)
)
midnight_registry_load_zone_lost_after_growth = fraction(
    midnight_registry_ops_zone_lost_during_wave
    / (midnight_registry_nodes * (zones - 1) / zones * registry_ops_per_node_per_second)
)
# The event log's events (a "message stored" per message, a "read up to N" per read move) grow with the
# messages, against brokers sized for the daily peak with room to lose a zone. Grown like the chat tier,
# with the same zone headroom, but ahead like the store: a new broker takes partitions by reassignment,
# which copies their retained data to it.
midnight_event_log_events_per_second = peak(event_log_events_per_second_peak * midnight_over_peak_exact)
event_log_capacity = throughput(event_log_brokers * event_log_events_per_broker_per_second)
midnight_event_log_load = fraction(midnight_event_log_events_per_second / event_log_capacity)
midnight_event_log_brokers = count(
    whole_per_zone(midnight_event_log_events_per_second * zone_headroom / event_log_events_per_broker_per_second, zones)
)
# Pushes grow with the messages too, past the quota the traffic has earned (step 5). Firebase takes a
# request for a temporary event, filed ahead: chat asks each year for the night's pushes at 80% of the
# quota, the room the steps' rule keeps every day. Google grants it at its discretion, so the case
# without it is sized too: Android's queue is paced to the earned quota, so FCM answers few 429s and the
# pace holds back the excess; the push service hands FCM the newest notifications first and holds the
# rest collapsed per conversation, so the late hand-offs are the held ones, at most (midnight_fcm_refused,
# the ones FCM would refuse unpaced). The FCM quota ticket fires on the held share, over its window.
midnight_android_pushes_per_minute = count(android_pushes_per_minute_peak * midnight_over_peak_exact)
midnight_fcm_event_quota_per_minute = count(midnight_android_pushes_per_minute / fcm_quota_step_use)
midnight_fcm_request_lead = request_lead_for(float(midnight_fcm_event_quota_per_minute))
midnight_fcm_quota_use = fraction(midnight_android_pushes_per_minute / fcm_quota_earned_per_minute)
midnight_fcm_refused = count(
    (midnight_android_pushes_per_minute - fcm_quota_earned_per_minute) * midnight_window / SECONDS_PER_MINUTE
)
midnight_fcm_held_share = fraction(
    midnight_fcm_refused / (midnight_android_pushes_per_minute * midnight_window / SECONDS_PER_MINUTE)
)
# Against the late-push budget: as a share of the notifications of the hour around it (the window at
# midnight's rate, the rest at the average), where the fast page needs fast_burn_late_push_share, and of
# the window's alone, where the page's short window looks; and against the rolling window's whole budget.
# The held notifications go out once the window is over, in the quota's room beside the peak's own
# pushes: at most this long, before the collapse shrinks them.
midnight_fcm_drain_time = duration(
    midnight_fcm_refused / (fcm_quota_earned_per_minute - android_pushes_per_minute_peak) * SECONDS_PER_MINUTE
)
midnight_pushes_in_window = count(push_messages_per_second_peak * midnight_over_peak_exact * midnight_window)


def midnight_late_push_share_of(window):
    """The late hand-offs as a share of the notifications in an alert's window around midnight."""
    return midnight_fcm_refused / (
        midnight_pushes_in_window + push_messages_per_second_peak / peak_to_average * (window - midnight_window)
    )


midnight_late_push_share_of_hour = fraction(midnight_late_push_share_of(fast_burn_window))
midnight_late_push_share_of_six_hours = fraction(midnight_late_push_share_of(slow_burn_window))
midnight_late_push_share_of_window = fraction(midnight_fcm_refused / midnight_pushes_in_window)
assert midnight_late_push_share_of_hour < fast_burn_late_push_share
assert midnight_late_push_share_of_six_hours < slow_burn_late_push_share
midnight_late_push_budget_share = fraction(
    midnight_fcm_refused / (pushes_per_second * slo_window * push_handoff_budget_share)
)
# The chat tier for midnight, sized as every day's, and how soon its new servers are handed their shards.
midnight_chat_servers = count(chat_servers_for(midnight_messages_per_second * chat_work_per_message))
midnight_handover_time = duration(handover_time(chat_servers, midnight_chat_servers))

# The client's resends, which no attempt limit stops (step 7). A send whose conversation's shard is
# being taken over, or whose message row's range is failing over, is answered `unavailable` at once and
# resent at most unavailable_retry_cap apart: at the cap, one frame a second per waiting message, and a
# client keeps one send unacked per conversation. Counted on a connection server at its planned
# connections (the most it holds, once a lost zone's clients are back), each sending at the peak's rate
# per connection; every send made during the window still waits at its end (an upper bound: the first
# ones go through as it ends).
sends_per_connection_per_second_peak = peak(messages_per_second_peak / connections_peak)
sends_per_connection_server_per_second = peak(connections_per_server * sends_per_connection_per_second_peak)
# One chat server dies: its shards' share of the sends waits until sends resume.
resend_waiting_chat_server_death = count(
    sends_per_connection_server_per_second * shards_per_chat_server / conversation_shards * shard_sends_resume
)
resend_frames_chat_server_death = peak(resend_waiting_chat_server_death / unavailable_retry_cap)
# The chat tier with a zone lost and one more server down (a crash or a deploy), its spares working.
chat_load_after_zone_loss_one_down = fraction(
    chat_work_per_second_peak / ((chat_servers_after_zone_loss - 1) * messages_per_chat_server_per_second)
)
# The push service's token cache after a device changes (a sign-in, a sign-out, a new token): every
# instance drops the user's entry when the "devices changed" event reaches it through the event log, so a
# stale token lasts that event's delivery lag (an assumption, for the consumer-lag metric to replace).
token_cache_stale_window = duration(5)
# Shards move whole, each to one next-ranked server, so a server that takes one more (a dead server's
# or a shedding one's) runs above its share by one shard's work: the busiest one, with a zone lost.
chat_load_after_zone_loss_plus_one_shard = fraction(
    chat_busiest_load_after_zone_loss * (1 + 1 / chat_busiest_shards_zone_lost)
)
# The worst failover: a zone lost. A third of the shards lose their owner, and a third of the store's
# ranges their leader (each range leads in one zone), independently. A third of the members' rows' ranges
# fail over too, so most sends leave a member's row behind, and such a send is acked only once its
# conversation is listed in its shard's CoalescingGroup row (step 6). That table is kept split by shard
# with its leaders spread over the zones (step 4 says how), so a shard's row is on a range failing over
# for a third of the shards. A send goes through only if its shard and its message row's range are spared and, when a
# member's row is late, its shard's CoalescingGroup range too. Its window is the longest of the zone's
# takeovers (etcd's leader lost with it, or not) and the ranges' failover, each with the client's next retry.
# A lost zone's ranges fail over as in the blackhole case, not a crash (store_range_failover_zone_lost).
range_spared_zone_lost = 1 - 1 / zones
members_one_to_one = count(2)


def member_row_late_zone_lost(members):
    """The chance that a send leaves at least one of its members' rows behind, a zone lost."""
    return 1 - range_spared_zone_lost**members


def zone_sends_stopped(members):
    """The share of sends to a conversation of that many members stopped while a zone's failovers last."""
    late = member_row_late_zone_lost(members)
    return 1 - range_spared_zone_lost**2 * ((1 - late) + late * range_spared_zone_lost)


zone_sends_stopped_owner_and_row = fraction(1 - range_spared_zone_lost**2)
zone_sends_stopped_one_to_one = fraction(zone_sends_stopped(members_one_to_one))
zone_sends_stopped_average_group = fraction(zone_sends_stopped(group_members_average))
zone_sends_stopped_share = fraction(
    (1 - group_message_share) * zone_sends_stopped_one_to_one + group_message_share * zone_sends_stopped_average_group
)
# The CoalescingGroup burst: of the sends whose owner and message row are spared, those that leave a
# member's row behind. A row per conversation would be an insert before its ack and a delete later; a
# row per shard, rewritten at most once each coalescing_row_interval, is one write a shard that often.
zone_sends_leaving_row_behind_share = fraction(
    (1 - group_message_share) * member_row_late_zone_lost(members_one_to_one)
    + group_message_share * member_row_late_zone_lost(group_members_average)
)
zone_coalescing_adds_per_second = peak(
    messages_per_second_peak * range_spared_zone_lost**2 * zone_sends_leaving_row_behind_share
)
zone_coalescing_row_writes_per_second = peak(conversation_shards / coalescing_row_interval)
zone_coalescing_writes_saved = times(2 * zone_coalescing_adds_per_second / zone_coalescing_row_writes_per_second)
resend_window_zone_lost = duration(
    max(
        shard_sends_resume_zone_lost,
        shard_sends_resume_leader_lost,
        store_range_failover_zone_lost + unavailable_retry_cap,
    )
)
resend_waiting_zone_lost = count(
    sends_per_connection_server_per_second * zone_sends_stopped_share * resend_window_zone_lost
)
resend_waiting_share_zone_lost = fraction(resend_waiting_zone_lost / connections_per_server)
# A shard's CoalescingGroup row at the window's end, at most: every conversation added meanwhile, a
# conversation ID of 8 bytes each.
zone_coalescing_conversations_per_row = count(
    zone_coalescing_adds_per_second / conversation_shards * resend_window_zone_lost
)
zone_coalescing_row_bytes = size(zone_coalescing_conversations_per_row * 8)
resend_frames_zone_lost = peak(resend_waiting_zone_lost / unavailable_retry_cap)
resend_frames_zone_lost_share = fraction(resend_frames_zone_lost / frames_per_connection_server_per_second)
# Against the send budget, which counts each message once, by its first attempt (step 7), at most:
zone_loss_failed_sends = count(messages_per_second_peak * zone_sends_stopped_share * resend_window_zone_lost)
zone_loss_budget_share = fraction(zone_loss_failed_sends / failed_sends_allowed)

# What a connection server's frames come to without any failover, at its planned connections (which it
# holds only with a zone lost), each rate its share of the fleet's peak. A frame handled is one read
# from a client, its answer included (a send's ack, a sync's result, a ping's pong), or one pushed to a
# client unprompted. Each connect, foreground or woken by a push, brings a hello, two sync_lists and a
# sync per changed conversation: frames like any other, decoded on the same cores (the reconnect budget
# counts only the connect's own work, its handshake, token check and registry write).
server_share_of_connections = connections_per_server / connections_peak
frames_per_connect = count(1 + sync_lists_per_connect + conversations_changed_per_sync)
# Frames that follow the messages (sends, typing, receipts, redundant `delivered`, woken apps' connects,
# deliveries, receipts and reads out), and those that follow the connections (heartbeats, periodic
# sync_lists, foreground connects, `presence_subscribe`s at the registry's count, `auth` renewals).
frames_following_messages = peak(
    server_share_of_connections
    * (
        messages_per_second_peak * (1 + typing_frames_per_message + redundant_delivered_per_message)
        + watermark_writes_per_second_peak
        + push_wake_connects_per_second_peak * frames_per_connect
        + live_deliveries_per_second_peak
        + receipt_frames_per_second_peak
        + own_device_forwards_per_second_peak
    )
)
frames_subscribe_and_auth = peak(
    server_share_of_connections * (presence_subscription_writes_per_second_peak + renewals_per_second_peak)
)
# Typing frames go to the members' devices a message reaches live; presence to the users watching.
frames_typing_presence_out = peak(
    server_share_of_connections
    * (live_deliveries_per_second_peak * typing_frames_per_message + presence_notifications_per_second_peak)
)
frames_ordinary = peak(
    frames_following_messages
    + heartbeats_per_server_per_second
    + connections_per_server / sync_list_period
    + server_share_of_connections * connects_per_second_peak * frames_per_connect
    + frames_subscribe_and_auth
    + frames_typing_presence_out
)
frames_ordinary_share = fraction(frames_ordinary / frames_per_connection_server_per_second)
# A zone lost: the failovers' resends on top, typing and presence no longer forwarded (the first
# shed, step 7), and the lost zone's clients reconnecting, each surviving server taking its share of the
# jittered wave and that many connects' frames, a share re-subscribing.
frames_zone_lost_before_wave = peak(frames_ordinary - frames_typing_presence_out + resend_frames_zone_lost)
wave_connects_per_server = peak(zone_reconnect_rate_jittered / zone_servers_left)
frames_per_reconnect = count(frames_per_connect + reconnect_presence_resubscribe_share)
wave_frames_per_server = peak(wave_connects_per_server * frames_per_reconnect)
frames_zone_lost = peak(frames_zone_lost_before_wave + wave_frames_per_server)
frames_zone_lost_share = fraction(frames_zone_lost / frames_per_connection_server_per_second)
assert frames_zone_lost_share < 1
# Were every reconnecting socket to subscribe again (the cap), admission control would slow the wave to fit.
frames_zone_lost_share_at_resubscribe_cap = fraction(
    (frames_zone_lost_before_wave + wave_connects_per_server * (frames_per_connect + 1))
    / frames_per_connection_server_per_second
)
# Why the frames have three quarters of the cores, not half. On half (handshake_core_share at one half),
# the frames before the wave, the resends among them, already fill the budget, so no slower wave fits.
frames_budget_on_half_cores = per_second(connection_server_cores / 2 / frame_cpu)
frames_zone_lost_share_on_half_cores = fraction(frames_zone_lost / frames_budget_on_half_cores)
frames_before_wave_share_on_half_cores = fraction(frames_zone_lost_before_wave / frames_budget_on_half_cores)
assert frames_before_wave_share_on_half_cores > 1
# Handshakes never come near a quarter of the cores: even during the wave, a server's handshakes take
handshake_cores_during_wave = count(
    (zone_reconnect_rate_jittered + handshakes_per_second_peak) / zone_servers_left * tls_handshake_cpu
)
assert handshake_cores_during_wave < connection_server_cores * handshake_core_share

# Midnight, a zone lost: frames that follow the messages, resends too, grow with them, and the greetings'
# connects add theirs. Connections stay under the peak's, so the tier grows to hold the frames.
midnight_connections = count(
    connections * (1 - midnight_zone_share)
    + daily_active_users * midnight_zone_share * minutes_per_phone_session * SECONDS_PER_MINUTE / midnight_window
)
assert midnight_connections < connections_peak
midnight_frames_zone_lost = peak(
    frames_zone_lost
    + (frames_following_messages + resend_frames_zone_lost) * (midnight_over_peak_exact - 1)
    + server_share_of_connections * midnight_connects_per_second * (frames_per_connect + chats_opened_per_session * 2)
)
midnight_frames_zone_lost_share = fraction(midnight_frames_zone_lost / frames_per_connection_server_per_second)
midnight_connection_servers = servers(
    whole_per_zone(connections_peak * zone_headroom / connections_per_server * midnight_frames_zone_lost_share, zones)
)
midnight_connection_servers_added = count(midnight_connection_servers - connection_servers)
# The grown tier's load, its frames per connection still counted at the peak's connections (a bound).
midnight_frames_zone_lost_share_after_growth = fraction(
    midnight_frames_zone_lost_share
    * connections_peak
    * zone_headroom
    / connections_per_server
    / midnight_connection_servers
)
assert midnight_frames_zone_lost_share_after_growth < 1
# Were every connection to have a message waiting, resends at the cap would be this many frame budgets.
resend_frames_every_connection_over_budget = times(
    connections_per_server / unavailable_retry_cap / frames_per_connection_server_per_second
)
# That happens only in an outage that lasts (the coordination service's quorum lost stops every send).
# Once a send has had `unavailable` for longer than the slowest failover's, the client backs off to
# unavailable_long_retry_cap: the messages sent within that time resend once a second, the rest once a
# long cap, paced per connection (one resend a long cap however many conversations wait, counted here).
# With the heartbeats, against the frame budget.
unavailable_long_after = duration(shard_sends_resume_leader_change)
assert unavailable_long_after >= resend_window_zone_lost
resend_frames_every_send_stopped = peak(
    sends_per_connection_server_per_second * unavailable_long_after / unavailable_retry_cap
    + connections_per_server / unavailable_long_retry_cap
)
# What else still arrives with every send stopped: heartbeats, first attempts of new messages, typing
# (no longer forwarded), periodic sync_lists and foreground connects (no push wakes an app, since no
# message goes through).
frames_every_send_stopped_ordinary = peak(
    heartbeats_per_server_per_second
    + frames_subscribe_and_auth
    + server_share_of_connections
    * (messages_per_second_peak * (1 + typing_frames_per_message) + connects_per_second_peak * frames_per_connect)
    + connections_per_server / sync_list_period
)
frames_every_send_stopped = peak(resend_frames_every_send_stopped + frames_every_send_stopped_ordinary)
frames_every_send_stopped_share = fraction(frames_every_send_stopped / frames_per_connection_server_per_second)
assert frames_every_send_stopped_share < 1
# What the long cap buys: room for a lower frame budget than the guess, against half the cap.
frames_every_send_stopped_budget_margin = fraction(1 - frames_every_send_stopped_share)
frames_every_send_stopped_half_cap_share = fraction(
    (frames_every_send_stopped + connections_per_server / unavailable_long_retry_cap)
    / frames_per_connection_server_per_second
)
assert frames_every_send_stopped_half_cap_share > frames_every_send_stopped_share

# Connection servers' epochs (step 4): each takes its epoch from etcd's revision, one Put to its own
# key /conn-epoch/<server-id> whose response header carries the cluster's revision, unique and rising.
# A registry loss makes every connection server re-register at once: one etcd write each, none
# contending. One counter taken by compare-and-swap would make them race: each round one wins and
# the rest retry, so the n servers would propose n + (n - 1) + ... + 1 writes.
reregistration_etcd_writes = count(connection_servers)
reregistration_etcd_proposals_one_counter = count(connection_servers * (connection_servers + 1) / 2)

# The coordination service in a zone outage: five members, two, two and one in the three zones. Losing
# a two-member zone leaves three, exactly its quorum, so one more failure stops it. Removing the lost
# members leaves a cluster of three, whose quorum of two survives one more failure.
coordination_quorum = count(coordination_nodes // 2 + 1)
coordination_left_zone_lost = count(coordination_nodes - coordination_nodes_largest_zone)
coordination_failures_tolerated_zone_lost = count(coordination_left_zone_lost - coordination_quorum)
coordination_quorum_after_removal = count(coordination_left_zone_lost // 2 + 1)
coordination_failures_tolerated_after_removal = count(coordination_left_zone_lost - coordination_quorum_after_removal)
assert coordination_failures_tolerated_zone_lost == 0 and coordination_failures_tolerated_after_removal == 1

# Push gateway outage: notifications that would queue in ten minutes at peak.
push_outage = duration(600)
push_backlog = count(pushes_per_second_peak * push_outage)

if __name__ != "chat_failures":
    print(
        markdown_table(
            ("Failure", "Figure", "Value"),
            [
                ("One connection server crashes", "Connections it held (every zone up)", crash_connections_dropped),
                ("", "New connections per surviving server", crash_reconnects_per_server),
                ("", "Reconnects a second the surviving servers accept", crash_connection_servers_budget),
                (
                    "",
                    "Reconnects a second the registry has room for, every zone up",
                    crash_registry_reconnects_per_second,
                ),
                ("", "Time to reconnect them all, at the lower of the two", crash_reconnect_time),
                (
                    "A chat server dies",
                    "Resend frames a second per connection server while its shards wait",
                    resend_frames_chat_server_death,
                ),
                ("A zone is lost", "Connections dropped", zone_connections_lost),
                ("", "Chat servers' load at peak, one more down (spares working)", chat_load_after_zone_loss_one_down),
                ("", "The busiest server's, once it takes one more shard", chat_load_after_zone_loss_plus_one_shard),
                (
                    "",
                    "Sends stopped by their owner's or message row's failover alone",
                    zone_sends_stopped_owner_and_row,
                ),
                (
                    "",
                    "Sends stopped, a late member row's CoalescingGroup range counted: one-to-one",
                    zone_sends_stopped_one_to_one,
                ),
                ("", f"... a group of {group_members_average} members", zone_sends_stopped_average_group),
                (
                    "",
                    "Sends stopped while its shards and ranges fail over, weighted by messages",
                    zone_sends_stopped_share,
                ),
                ("", "Sends that get through but leave a member's row behind", zone_sends_leaving_row_behind_share),
                (
                    "",
                    "... conversations added to CoalescingGroup rows a second, at most",
                    zone_coalescing_adds_per_second,
                ),
                ("", "CoalescingGroup writes a second, one a shard a second", zone_coalescing_row_writes_per_second),
                ("", "... fewer writes than a row per conversation", zone_coalescing_writes_saved),
                (
                    "",
                    "Conversations in a shard's row at the window's end, at most",
                    zone_coalescing_conversations_per_row,
                ),
                ("", "... its size", zone_coalescing_row_bytes),
                ("", "A range's failover with its zone lost (the blackhole case)", store_range_failover_zone_lost),
                ("", "Longest window of those failovers, the client's retry added", resend_window_zone_lost),
                ("", "Messages waiting on a connection server at its end", resend_waiting_zone_lost),
                ("", "... as a share of its connections", resend_waiting_share_zone_lost),
                ("", "Resend frames a second per connection server, one a second each", resend_frames_zone_lost),
                ("", "... against its frame budget", resend_frames_zone_lost_share),
                ("", "Messages whose first attempt fails meanwhile, at most", zone_loss_failed_sends),
                ("", "... against the month's send error budget", zone_loss_budget_share),
                ("", "Its ordinary frames a second, at its planned connections", frames_ordinary),
                ("", "... against its frame budget", frames_ordinary_share),
                ("", "... of which presence subscribes and token renewals", frames_subscribe_and_auth),
                ("", "... of which typing and presence out, shed first", frames_typing_presence_out),
                ("", "Frames a second with the resends, typing and presence shed", frames_zone_lost),
                ("", "... against its frame budget", frames_zone_lost_share),
                ("", "Reconnections the surviving servers' own budget allows", connection_servers_reconnect_budget),
                ("", "Reconnections the registry has room for", registry_reconnects_per_second),
                ("", "Reconnections a second the fleet accepts, the lower", zone_reconnect_capacity),
                ("", "The same, per surviving connection server", zone_reconnect_capacity_per_server),
                ("", "Time to reconnect them all, at capacity", zone_reconnect_time_at_capacity),
                ("", f"Reconnections a second, spread over {reconnect_jitter_window}", zone_reconnect_rate_jittered),
                ("", "That rate as a share of what the fleet accepts", zone_jittered_share_of_capacity),
                (
                    "",
                    "Connection servers' own budget used, with ordinary connects and wake-ups",
                    connection_servers_share_during_wave,
                ),
                ("", "All at once, against one second's capacity", zone_reconnect_overload),
                (
                    "",
                    "Registry load during the wave, if sized for the peak alone",
                    registry_load_during_wave_if_sized_for_peak,
                ),
                ("", "Registry load during the wave, sized for it", registry_load_during_wave),
                ("", "Registry entries left by the lost zone's servers", zone_registry_entries_lapsed),
                ("", "... deletions per surviving registry node", zone_registry_deletions_per_node),
                ("", "Last-seen records, one per lost connection server", zone_last_seen_records),
                ("", "Registry capacity spare after the wave, two zones", registry_spare_after_wave),
                ("", "Sweep deletions a second, at its share of that", zone_registry_sweep_entries_per_second),
                ("", "Time to sweep them all", zone_registry_sweep_time),
                ("", "Registry load during the sweep", registry_load_during_sweep),
                ("", "Store reads a second from the wave (sync_lists and syncs)", wave_store_reads_per_second),
                ("", "Store read load during the wave, peak reads and loads included", store_read_load_during_wave),
                (
                    "",
                    "Leader work per surviving store node, over its usual, at peak",
                    store_leader_work_after_zone_loss,
                ),
                (
                    "",
                    "Store writes a second per surviving node, its copies', as every day",
                    store_writes_per_node_zone_lost,
                ),
                ("", "Store write load per surviving node, leader work weighed, at peak", store_write_load_zone_lost),
                (
                    "",
                    "... if a leader's extra work were twice the guess",
                    store_write_load_zone_lost_leader_doubled,
                ),
                ("", "... the busiest node's, the guessed skew added", store_busiest_load_zone_lost),
                ("", "... the skew at which the busiest node fills", store_busiest_fills_over_mean),
                ("", "Watermark and read-position writes a second at peak", store_sheddable_writes_per_second_peak),
                ("", "... their share of the store's writes, the ones that can wait", store_sheddable_share),
                (
                    "",
                    "Traffic over its peak a zone-lost store takes before the busiest node's budget is full",
                    store_zone_lost_surge_room,
                ),
                ("", "... with every watermark and read-position write held back", store_zone_lost_surge_room_all_shed),
                ("", "Longest a native client takes to notice and reconnect", zone_client_return_worst),
                ("", "... a web client", zone_web_return_worst),
                ("", "Last lease renewal of its servers, at most before the loss", zone_last_renewal_before_loss),
                ("", "Offline grace left once a native client is back", zone_presence_grace_margin),
                ("", "... a web client", zone_web_grace_margin),
                ("", "Coordination members left, as many as its quorum", coordination_left_zone_lost),
                ("", "More member failures it survives", coordination_failures_tolerated_zone_lost),
                ("", "... after the lost members are removed", coordination_failures_tolerated_after_removal),
                (
                    "",
                    "Resend frames, every connection with a message waiting at the cap, over the frame budget",
                    resend_frames_every_connection_over_budget,
                ),
                (
                    "",
                    "... its quorum lost: the cap's first stretch, then the long cap",
                    resend_frames_every_send_stopped,
                ),
                ("", "... its other frames meanwhile", frames_every_send_stopped_ordinary),
                ("", "... all its frames", frames_every_send_stopped),
                ("", "... against the frame budget", frames_every_send_stopped_share),
                ("", "Presence events without an offline grace period", presence_events_without_grace),
                ("A device changes", "Its user's cached push tokens stale for at most", token_cache_stale_window),
                ("A hot group", "Deliveries a second", hot_group_deliveries_per_second),
                ("", "... at most, every member with five devices", hot_group_deliveries_per_second_max),
                ("", "Member-row updates a second", hot_group_member_updates_per_second),
                ("", "The same, coalesced to one per member a second", hot_group_member_updates_coalesced),
                ("", "Receipts a second, one record each", hot_group_receipts_per_second),
                ("", "Watermark writes a second, batched per receipt", hot_group_watermarks_per_second),
                ("", "The same, coalesced to one per member a second", hot_group_watermarks_coalesced),
                ("New Year's midnight", "Messages a second in the busiest minutes", midnight_messages_per_second),
                ("", "Against the daily peak", midnight_over_peak),
                ("", "Against the chat tier's capacity, all zones up", midnight_over_capacity),
                ("", "Store writes a second in those minutes", midnight_store_writes_per_second),
                ("", "Against the store's write capacity (its first-year size)", midnight_store_over_capacity),
                ("", "Database nodes for midnight, rounded per zone", midnight_database_nodes),
                (
                    "",
                    "Store write load per surviving node with a zone lost at peak, once grown",
                    store_write_load_zone_lost_after_growth,
                ),
                ("", "Data each new node takes in, at the first New Year", midnight_bytes_per_new_node),
                ("", "Data moved onto the new nodes", midnight_rebalance_bytes),
                ("", "Time to move it, at the snapshot rate", midnight_rebalance_time),
                ("", "Days ahead to start growing the store", midnight_growth_lead_days),
                ("", "Years of data after which the chat tier gives first", years_until_chat_tier_gives_first),
                ("", "Years of data after which the store needs no growth", years_until_data_covers_midnight),
                (
                    "",
                    f"Store write load at the size planned for {retention_years} years",
                    midnight_store_load_at_horizon,
                ),
                (
                    "",
                    "Registry load, all zones up, without the greetings' own connects",
                    midnight_registry_load_without_connects,
                ),
                ("", "Foreground connects a second, each greeting sender once", midnight_connects_per_second),
                ("", "Registry load with them, all zones up", midnight_registry_load),
                ("", "Registry nodes for midnight, zone headroom and spare as every day", midnight_registry_nodes),
                ("", "... added the day before", midnight_registry_nodes_added),
                ("", "Registry load on them, all zones up", midnight_registry_load_after_growth),
                ("", "... a zone lost, with its reconnect wave", midnight_registry_load_zone_lost_after_growth),
                ("", "Event log events a second", midnight_event_log_events_per_second),
                ("", "Against its brokers' capacity", midnight_event_log_load),
                ("", "Event log brokers for midnight, with zone headroom", midnight_event_log_brokers),
                ("", "Pushes a minute to Android phones (FCM)", midnight_android_pushes_per_minute),
                ("", "FCM quota to request for the night (its pushes at 80%)", midnight_fcm_event_quota_per_minute),
                ("", "... filed ahead by", midnight_fcm_request_lead),
                ("", "Without it: the pushes against the FCM quota earned", midnight_fcm_quota_use),
                ("", "Notifications over the earned quota in the window, held by the pace", midnight_fcm_refused),
                ("", "... a share of the window's Android notifications", midnight_fcm_held_share),
                ("", "Time to hand them off after it, at most", midnight_fcm_drain_time),
                ("", "Late hand-offs, a share of the hour's notifications", midnight_late_push_share_of_hour),
                ("", "... of six hours'", midnight_late_push_share_of_six_hours),
                ("", "... of the window's", midnight_late_push_share_of_window),
                ("", "... of the rolling window's late-push budget", midnight_late_push_budget_share),
                ("", "Chat servers for midnight, with zone headroom", midnight_chat_servers),
                ("", "Frames a second per connection server, a zone lost", midnight_frames_zone_lost),
                ("", "... against its frame budget", midnight_frames_zone_lost_share),
                ("", "Connection servers for midnight, with zone headroom", midnight_connection_servers),
                ("Session registry lost", "etcd writes for the servers' new epochs", reregistration_etcd_writes),
                (
                    "",
                    "... raft proposals were the epoch one counter taken by compare-and-swap",
                    reregistration_etcd_proposals_one_counter,
                ),
                ("Push gateway down", f"Notifications queued in {push_outage}", push_backlog),
            ],
        )
    )
