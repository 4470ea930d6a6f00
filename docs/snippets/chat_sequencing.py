"""Chat service worked example: sequencing per conversation, shards on chat servers, de-duplication, group fan-out
and routing costs."""

import math

from chat_assumptions import (
    LEASE_RENEWALS_PER_TTL,
    coalescing_row_interval,
    conditional_write_latency,
    conversation_shards,
    daily_active_users,
    devices_per_user,
    devices_per_user_limit,
    group_member_limit,
    group_members_average,
    group_message_share,
    groups_per_user,
    messages_per_chat_server_per_second,
    mobile_round_trip,
    notified_conversations_per_user_per_day,
    offline_outbox_messages,
    recent_ids_in_memory,
    shard_lease,
    shard_map_watch_delay,
    spare_servers_per_zone,
    token_cache_hit_ratio,
    unavailable_retry_cap,
    zones,
)
from chat_connections import connection_servers
from chat_presence import handshakes_per_second_peak
from chat_reliability import error_budget_downtime
from chat_storage import (
    periodic_sync_list_reads_per_second_peak,
    second_sync_list_reads_per_second_peak,
    store_writes_per_second_peak,
)
from chat_traffic import (
    chat_load_after_zone_loss,
    chat_servers,
    chat_servers_after_zone_loss,
    chat_servers_for,
    chat_work_per_second_peak,
    live_deliveries_per_second_peak,
    messages_per_second_peak,
    pushes_per_second,
)
from concept_consensus_leases import chat_lease_left_at_worst_helper, etcd_heavy_load, leader_change_takeover, takeover

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    size,
    throughput,
    times,
    whole_per_zone,
)

# Ownership: conversations hash to shards; each shard's key is attached to its owner's lease, one lease per chat server.
# The mean, every zone up; rendezvous hashing gives some servers more.
shards_per_chat_server = count(math.ceil(conversation_shards / chat_servers))


# Work follows the shards (each holds thousands of conversations, so a shard's work is close to the
# mean's; a hot group is step 7's), but rendezvous hashing puts each shard on a live server at random
# (its top-ranked one, where step 6's hand-over keeps it whatever the history of joins and deaths).
# With m shards on n servers, m well above n ln n, the busiest holds about m/n + sqrt(2 (m/n) ln n), the
# maximum of m balls thrown into n bins (Raab and Steger, "Balls into Bins: A Simple and Tight
# Analysis", 1998; each count is close to a normal of variance m/n, and the largest of n such is about
# sqrt(2 ln n) deviations above the mean). Forty simulated placements of 64,000 shards on 168 servers
# gave a busiest of 434 on average against this formula's 443, and 454 at worst. chat_traffic sizes the
# tier so that, with a zone lost and spares aside, the busiest stays within its budget.
def busiest_over_mean(servers: float, shards: float = conversation_shards) -> float:
    """The busiest server's shards (and work) over the mean's, for shards placed at random."""
    return 1 + math.sqrt(2 * math.log(servers) * servers / shards)


chat_shards_per_server_zone_lost = count(conversation_shards / chat_servers_after_zone_loss)
chat_busiest_over_mean_zone_lost = times(busiest_over_mean(chat_servers_after_zone_loss))
chat_busiest_shards_zone_lost = count(chat_shards_per_server_zone_lost * chat_busiest_over_mean_zone_lost)
chat_busiest_load_after_zone_loss = fraction(chat_load_after_zone_loss * chat_busiest_over_mean_zone_lost)
# Every zone up: more servers, fewer shards each, so a wider spread.
chat_busiest_over_mean = times(busiest_over_mean(chat_servers))
# What sizing on the mean alone would give: enough servers with a zone lost, plus the spares.
chat_servers_on_the_mean = count(
    whole_per_zone(chat_work_per_second_peak * zones / (zones - 1) / messages_per_chat_server_per_second, zones)
    + spare_servers_per_zone * zones
)
# The same tier with a sixteenth of the shards, tens a server: a wider spread, and more servers for it.
few_shards = count(conversation_shards / 16)
chat_servers_few_shards = count(chat_servers_for(chat_work_per_second_peak, few_shards))
chat_busiest_over_mean_few_shards = times(busiest_over_mean(chat_servers_few_shards * (zones - 1) / zones, few_shards))
# A lost zone frees a third of the shards, one etcd write each (step 7), timed at etcd's rate under heavy
# load; each moved shard is two shard-map changes, the delete when its owner's lease is revoked and the new
# owner's put, which etcd would send to every connection server left watching it directly, not through
# its gRPC proxies (step 6).
shard_writes_zone_lost = count(conversation_shards / zones)
shard_writes_zone_lost_etcd_time = duration(shard_writes_zone_lost / etcd_heavy_load)
shard_map_events_zone_lost_unproxied = count(2 * shard_writes_zone_lost * connection_servers * (zones - 1) / zones)


# The hand-over (step 6) keeps each shard with its top-ranked live server. A server that joins or returns
# outranks the owners of its share of the shards, and each owner releases those at this pace, a design
# choice: a moved shard's sends wait two watches (the delete to the taker, its put to the connection
# servers) and a client's retry, and its busy conversations load again from the store, so a zone's return
# is spread over a minute, not a burst. A move is two etcd writes, the delete and the put; the owner
# that releases the most sets how long a rebalance takes (handover_time).
shard_handover_pace = throughput(2)
shard_handover_writes = count(2)
shard_handover_pause = duration(2 * shard_map_watch_delay + unavailable_retry_cap)


def shards_handed_over(servers_before: float, servers_after: float) -> float:
    """The shards the servers added rank first on: their share of the tier, at random."""
    return conversation_shards * (servers_after - servers_before) / servers_after


def handover_time(servers_before: float, servers_after: float) -> float:
    """How long the owner that releases the most takes, at the pace: each owner's count of the moved
    shards is its own random draw, so the expected most of `moved` shards over the owners."""
    moved = shards_handed_over(servers_before, servers_after)
    return moved / servers_before * busiest_over_mean(servers_before, moved) / float(shard_handover_pace)


zone_return_shards_moved = count(shards_handed_over(chat_servers_after_zone_loss, chat_servers))
zone_return_handover_time = duration(handover_time(chat_servers_after_zone_loss, chat_servers))
# A chat server dies: its one lease (its shard keys attached) expires unrenewed and etcd revokes it at its next check
# (concept_consensus_leases). If etcd's leader went with it (a zone lost), the followers elect a new one,
# which extends every lease by an election timeout and a full lease, counted from the last renewal.
shard_takeover = duration(takeover(shard_lease, False))
shard_takeover_leader_lost = duration(takeover(shard_lease, True))
# Rarer: etcd's leader changes after the dead server's lease has run out but before etcd revoked it; the
# new leader's Promote gives that lease a full term again (concept_consensus_leases).
shard_takeover_leader_change = duration(leader_change_takeover(shard_lease))
# etcd's clientv3 KeepAlive helper would renew a third of the lease after each response, with its send
# loop looking every half second, so a lease could keep only chat_lease_left_at_worst_helper when an
# election starts (both in concept_consensus_leases). Chat servers renew on their own timer instead
# (KeepAliveOnce a third of the lease after each send), which keeps two thirds (chat_lease_left_at_worst).
# Which server takes a freed shard: rendezvous hashing of the shard over the live chat servers (those
# with a /chat-servers/<id> key in etcd, step 6). Only the top-ranked one writes the key, if absent; the
# next tries after one renewal period if the key is still free.
# One write a shard, so a chat server's death costs etcd one write per shard it held (the revoke that
# deletes its keys is one more), and a lost zone's a third of all shards.
shard_writes_per_failover = count(1)
shard_writes_per_chat_server_death = count(shards_per_chat_server * shard_writes_per_failover)
shard_next_candidate_delay = duration(shard_lease / LEASE_RENEWALS_PER_TTL)
# Sends to the shard work again once the new owner has its key, the connection servers' watch has
# brought them the change, and the client's next retry has come (its backoff capped).
shard_sends_resume = duration(shard_takeover + shard_map_watch_delay + unavailable_retry_cap)
shard_sends_resume_leader_lost = duration(shard_takeover_leader_lost + shard_map_watch_delay + unavailable_retry_cap)
shard_sends_resume_leader_change = duration(
    shard_takeover_leader_change + shard_map_watch_delay + unavailable_retry_cap
)
# A zone lost: shards are ranked again on each revoke, so all are taken by the last one, as for one death.
shard_takeover_zone_lost = duration(shard_takeover)
shard_sends_resume_zone_lost = duration(shard_takeover_zone_lost + shard_map_watch_delay + unavailable_retry_cap)
# A chat server sheds its other shards while its work per shard stays above the first multiple of the
# tier's mean per shard for the window, until below the second (no flapping). Per shard: placement alone
# gives no shard more work. Against the mean: at midnight every server is past its budget.
shedding_starts_above = fraction(1.2)
shedding_window = duration(60)
shedding_ends_below = fraction(1.05)
# A server that stops (a deploy, a scale-in) revokes its one lease, so the next-ranked servers take its shards
# at once, each pausing about a hand-over's pause. A deploy of the tier moves each shard out and back: two
# pauses of full downtime, against the month's send budget.
chat_deploy_downtime = duration(2 * shard_handover_pause)
chat_deploy_budget_share = fraction(chat_deploy_downtime / error_budget_downtime)
# A shedding server deletes its other shards' keys in transactions, each delete conditional on the key's
# lease. etcd refuses one of more than --max-txn-ops compares or operations, 128 by default (its
# configuration flags page), so it deletes them in batches that size.
etcd_max_txn_ops = count(128)
shedding_transactions = count(math.ceil((shards_per_chat_server - 1) / etcd_max_txn_ops))
shedding_transactions_zone_lost = count(math.ceil((chat_busiest_shards_zone_lost - 1) / etcd_max_txn_ops))
# A ticket for a chat server's work against its own budget (its metrics, as for shedding), sustained: the
# tier is sized so that even the busiest, a zone lost at peak, stays under it.
chat_server_load_alert = fraction(1)
chat_server_load_alert_window = duration(5 * 60)
assert chat_busiest_load_after_zone_loss < chat_server_load_alert
# A shard's CoalescingGroup row is rewritten at most once every coalescing_row_interval, so whenever most
# sends miss their deadline (a store slow everywhere, a zone's failovers) the table takes this share of
# the store's peak writes; with a zone lost only while the failovers last, so step 7's zone-lost load
# leaves it out.
coalescing_row_writes_share = fraction(conversation_shards / coalescing_row_interval / store_writes_per_second_peak)
# One conditional write in flight per conversation; messages that arrive meanwhile join the next
# batch. So a conversation is never limited to fewer writes a second than this:
batches_per_conversation_per_second = per_second(1 / conditional_write_latency)

# A client keeps one `send` unacked per conversation (step 3), so an outbox queued offline drains one
# message per round trip in each conversation: the phone's round trip, plus one round of writes that
# makes the message durable in two zones before the ack (the message's conditional insert and its
# members' rows, in parallel, step 5). Conversations drain in parallel, so a whole outbox takes as
# long as its longest conversation's queue.
outbox_message_send_time = duration(mobile_round_trip + conditional_write_latency)
offline_outbox_flush_time = duration(offline_outbox_messages * outbox_message_send_time)

# Recent client message IDs in each chat server's memory: ID, seq and map overhead.
recent_id_entry_bytes = size(64)
recent_ids_per_server = size(messages_per_second_peak * recent_ids_in_memory * recent_id_entry_bytes / chat_servers)
# With a zone lost, the servers left hold the same minutes of IDs.
recent_ids_per_server_zone_lost = size(
    messages_per_second_peak * recent_ids_in_memory * recent_id_entry_bytes / chat_servers_after_zone_loss
)

# Group fan-out, the largest group allowed: one message reaches this many devices on average, and at
# most this many if every member has a phone and four linked devices.
largest_group_deliveries = count((group_member_limit - 1) * devices_per_user + (devices_per_user - 1))
largest_group_deliveries_max = count((group_member_limit - 1) * devices_per_user_limit + (devices_per_user_limit - 1))

# Fan-out on write updates every member's conversation row. Fan-out on read would skip the group
# part of that and make every sync_list read the head of each of the user's groups instead. A sync_list
# runs on every connect and every Android push wake-up (step 4's access table), again a few seconds
# after each connect, and every sync_list_period on an open socket (step 2's reads).
group_member_updates_per_second_peak = peak(messages_per_second_peak * group_message_share * group_members_average)
syncs_per_second_peak = peak(
    handshakes_per_second_peak + second_sync_list_reads_per_second_peak + periodic_sync_list_reads_per_second_peak
)
group_head_reads_per_second_peak = peak(syncs_per_second_peak * groups_per_user)
read_over_write = times(group_head_reads_per_second_peak / group_member_updates_per_second_peak)
# Routing by broadcast instead of the registry (step 5): every connection server receives every
# message, against the deliveries that go down a live socket.
broadcast_over_live_deliveries = times(messages_per_second_peak * connection_servers / live_deliveries_per_second_peak)

# Push tokens (step 6's caches): the pushes a phone gets a day from each conversation it is notified of,
# and from all of them, which all reach the one instance that owns the user (step 5) and reads the token.
pushes_per_notified_conversation = count(
    pushes_per_second * SECONDS_PER_DAY / (daily_active_users * notified_conversations_per_user_per_day)
)
pushes_per_phone_per_day = count(pushes_per_notified_conversation * notified_conversations_per_user_per_day)
# A token is kept an hour from the store read that fetched it. Spread evenly over the day, a read serves the
# pushes of the hour after it and the next one misses: step 6's "about two in three", above the assumed ratio.
token_hits_per_read_even = math.floor(SECONDS_PER_HOUR / (SECONDS_PER_DAY / pushes_per_phone_per_day))
token_cache_hit_ratio_even = fraction(token_hits_per_read_even / (token_hits_per_read_even + 1))
assert token_hits_per_read_even == 2
assert token_cache_hit_ratio < token_cache_hit_ratio_even

if __name__ != "chat_sequencing":
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Shards per chat server, on average", shards_per_chat_server),
                ("... with a zone lost", chat_shards_per_server_zone_lost),
                ("... the busiest then (a random placement's expected most)", chat_busiest_shards_zone_lost),
                ("The busiest server's load at peak with a zone lost", chat_busiest_load_after_zone_loss),
                ("Chat servers if sized for the mean server", chat_servers_on_the_mean),
                (f"Chat servers with {few_shards} shards, sized for the busiest", chat_servers_few_shards),
                ("... the busiest server's work over the mean's, a zone lost", chat_busiest_over_mean_few_shards),
                ("etcd writes when a zone is lost, one per shard it owned", shard_writes_zone_lost),
                ("... at etcd's rate under heavy load", shard_writes_zone_lost_etcd_time),
                (
                    "... shard-map events, were the connection servers to watch etcd directly",
                    shard_map_events_zone_lost_unproxied,
                ),
                ("Shards an owner hands over a second, to a server that outranks it", shard_handover_pace),
                ("... etcd writes a move (a delete, a put)", shard_handover_writes),
                ("... the shard's sends wait about (two watches, a retry)", shard_handover_pause),
                ("Shards handed back when a lost zone returns", zone_return_shards_moved),
                ("... all of them within", zone_return_handover_time),
                (f"A chat server dies: its shards taken over, at most ({shard_lease} lease)", shard_takeover),
                ("... sends to them work again, at most (watch and one client retry added)", shard_sends_resume),
                ("... if etcd's leader is lost too", shard_sends_resume_leader_lost),
                ("... if etcd's leader changes before the revoke", shard_sends_resume_leader_change),
                ("... etcd shard-key writes, one per shard it held (the mean's)", shard_writes_per_chat_server_death),
                ("... delay before the next-ranked server tries a shard still free", shard_next_candidate_delay),
                (
                    "Lease left at worst when an election starts, clientv3's KeepAlive helper",
                    chat_lease_left_at_worst_helper,
                ),
                ("A zone lost: shards taken over, etcd's leader alive (last lease revoked)", shard_takeover_zone_lost),
                ("... sends to them work again", shard_sends_resume_zone_lost),
                ("... etcd's leader lost too (from the last renewal)", shard_takeover_leader_lost),
                ("A deploy of the tier: sends paused per shard, out and back, as downtime", chat_deploy_downtime),
                ("... against the month's send error budget", chat_deploy_budget_share),
                (f"etcd transactions of {etcd_max_txn_ops} keys a shedding server deletes", shedding_transactions),
                ("... the busiest with a zone lost", shedding_transactions_zone_lost),
                ("A chat server sheds when its work per shard stays above, of the mean's", shedding_starts_above),
                ("... for", shedding_window),
                ("It takes shards again below", shedding_ends_below),
                ("A chat server's work against its budget that opens a ticket", chat_server_load_alert),
                ("... for", chat_server_load_alert_window),
                ("CoalescingGroup rewrites, a shard a second, of the store's peak writes", coalescing_row_writes_share),
                ("Write batches a conversation can commit a second", batches_per_conversation_per_second),
                ("Recent client IDs held per chat server", recent_ids_per_server),
                ("... with a zone lost", recent_ids_per_server_zone_lost),
                ("Devices one message reaches in the largest group, on average", largest_group_deliveries),
                ("... at most, every member with five devices", largest_group_deliveries_max),
                (
                    "A queued message's turn in the outbox: a round trip and one round of writes",
                    outbox_message_send_time,
                ),
                (
                    f"Draining {int(offline_outbox_messages)} messages typed offline into one chat",
                    offline_outbox_flush_time,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Group fan-out, at peak", "Value"),
            [
                ("On write: member rows updated a second for group messages", group_member_updates_per_second_peak),
                (
                    "`sync_list` runs a second (connects, their second runs, Android wake-ups, periodic)",
                    syncs_per_second_peak,
                ),
                ("On read: group heads read a second by those syncs", group_head_reads_per_second_peak),
                ("Reads on read per write saved", read_over_write),
                ("Broadcast (step 5): messages received over live deliveries", broadcast_over_live_deliveries),
                ("Pushes a day to a phone from each chat it is notified of", pushes_per_notified_conversation),
                ("... from all its chats", pushes_per_phone_per_day),
                ("... the token cache's hits, were they spread evenly", token_cache_hit_ratio_even),
            ],
        )
    )
