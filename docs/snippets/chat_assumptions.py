"""Chat service worked example: every assumption the estimates start from, and why.

Change a value here and rebuild: every figure that depends on it changes, on every page.
Run `.venv/bin/python docs/snippets/chat_assumptions.py` to print the table.
"""

from concept_life_assumptions import gdpr_answer_within
from reference_capacity import kv_gets_per_process
from reference_fiber import dean_california_netherlands
from sources import cite

from sdw.estimation import (
    KB,
    MB,
    SECONDS_PER_DAY,
    TB,
    GiB,
    MiB,
    count,
    duration,
    fraction,
    markdown_table,
    per_second,
    size,
    throughput,
    times,
)

# --- Who uses it, and how long they stay connected ---------------------------------------------
daily_active_users = count(500e6)
sessions_per_user_per_day = count(20)
minutes_per_phone_session = count(3)
devices_per_user = count(1.5)
computer_hours_per_day = count(2)
computer_workday_hours = count(8)
computer_sessions_per_day = count(2)
contacts_per_user = count(100)

# --- What they send ------------------------------------------------------------------------------
messages_sent_per_user_per_day = count(50)
group_message_share = fraction(0.20)
group_members_average = count(11)
group_member_limit = count(1000)
conversations_per_user = count(60)
groups_per_user = count(15)
message_text_bytes = size(100)
messages_per_receipt_batch = count(3)
presence_viewers_per_user = count(0.5)
delivered_live_share = fraction(0.25)
messages_per_push = count(2)
conversations_changed_per_sync = count(3)
chats_opened_per_session = count(2)
typing_frames_per_message = count(2)
typing_member_limit = count(32)
android_share = fraction(0.7)
reads_on_computer_share = fraction(0.25)
notified_conversations_per_user_per_day = count(10)
push_memory_entry_bytes = size(64)

# --- Media ------------------------------------------------------------------------------------------
photo_share = fraction(0.08)
photo_stored_bytes = size(200 * KB)
video_share = fraction(0.02)
video_stored_bytes = size(3 * MB)
voice_share = fraction(0.03)
voice_stored_bytes = size(30 * KB)
file_share = fraction(0.005)
file_stored_bytes = size(1 * MB)
media_download_share = fraction(0.6)
media_retention_days = count(30)
cdn_hit_ratio = fraction(0.5)
cdn_cache_days = count(1)
cdn_cache_tiers = count(2)  # an edge and the CDN's upper tier may each keep a copy that long; no shield (step 4)
cdn_copy_life_max = duration(cdn_cache_days * cdn_cache_tiers * SECONDS_PER_DAY)
assert cdn_copy_life_max < gdpr_answer_within
cdn_purge_urls_per_second = throughput(3000)

# --- How long and how safely we keep it ------------------------------------------------------------
retention_years = count(5)
account_deletion_share_per_day = fraction(0.0001)
message_copies = times(3)
media_storage_overhead = times(1.5)
dedupe_window = duration(7 * SECONDS_PER_DAY)
delete_for_everyone_window = duration(60 * 3600)

# --- Traffic shape and hardware ----------------------------------------------------------------------
peak_to_average = times(2)
# Erasure (step 4): how long a deletion's copies can outlive it on the server.
store_gc_ttl = duration(4 * 3600)
store_compaction_days = count(7)
backup_retention_days = count(14)
heartbeat_interval = duration(30)
memory_per_connection = size(50 * KB)
# Memory is built in binary units: the share of a "96 GB" machine (96 GiB, the powers-of-two reference)
# set aside for connections, the rest left to the process and the operating system.
connection_server_memory = size(64 * GiB)
connection_server_memory_gib = count(connection_server_memory / GiB)
file_descriptor_limit = count(2**20)
connections_per_server = count(100e3)
reconnects_per_server_per_second = throughput(5000)
messages_per_chat_server_per_second = per_second(10e3)
lookup_cost_in_messages = fraction(0.1)
receipt_cost_in_messages = fraction(0.25)
# A typing frame: the owner looks the recipients up in the registry (about one outside read each,
# cached for the message that follows) and forwards it; nothing written, but a group's frame reads
# several entries where a receipt reads one.
typing_cost_in_messages = fraction(0.25)
event_publish_cost_in_messages = fraction(0.1)
event_log_events_per_broker_per_second = per_second(100e3)
# Rounded up for the TCP accept and the kernel's work.
tls_handshake_cpu = duration(0.0005)
connection_server_cores = count(16)
handshake_core_share = fraction(0.25)
frame_cpu = duration(0.0004)
frames_per_connection_server_per_second = per_second(connection_server_cores * (1 - handshake_core_share) / frame_cpu)
# A write's conflict check reads its key's newest version; the read that tests a conditional
# write's condition is apart, counted among the reads.
store_writes_per_node_per_second = throughput(20e3)
store_reads_per_node_per_second = throughput(40e3)
store_write_utilization_target = fraction(0.8)
store_busiest_over_mean = times(1.1)
# Every copy appends a write to its log, applies and compacts it alike: the disk work that bounds a
# node. The write rate above is for a node leading a third of its ranges; a benchmark with a zone's
# leaders moved away would replace this.
store_leader_extra_work = fraction(0.5)
storage_per_database_server = size(10 * TB)
# Raising it moves ranges faster, with disk and network taken from live traffic.
snapshot_rate_per_node = throughput(32 * MiB, "B/s")
# A registry node serves what one single-threaded in-memory key-value process without pipelining
# serves: the reference's measured rate for one (reference_capacity), which the rate limiter's store
# and Twitter's cache processes use too. Writes and notifications are counted at the cost of a GET;
# the same benchmark's SETs ran faster.
registry_ops_per_node_per_second = kv_gets_per_process
zones = count(3)
spare_servers_per_zone = count(1)
conversation_shards = count(64_000)
# A chat server's one lease in the coordination service, its shard keys attached, renewed every third of it
# on the server's own timer (KeepAliveOnce, counted from the send, not clientv3's KeepAlive helper):
# long enough that an owner rides out the service's worst leader election (concept_consensus_leases
# checks it), short so that a dead server's shards move within seconds.
shard_lease = duration(5)
# Both leases are renewed this many times in each lease period.
LEASE_RENEWALS_PER_TTL = 3
# A connection server's lease, kept by each session registry node on its own (not the coordination
# service), since each holds entries from every connection server; a lapse there makes the server
# re-register what that node holds.
connection_server_lease = duration(10)
# A renewal at a registry node that fails, or has no answer within this, is retried at once, again until
# one succeeds: far above a round trip in the region and a node's queue, so only a lost packet or a dead
# path reaches it, and short next to the two renewal periods a lease rides out, so many retries fit.
connection_server_renewal_deadline = duration(0.3)
registry_sweep_share_of_spare = fraction(0.25)
shard_map_watch_delay = duration(0.1)
unavailable_retry_cap = duration(1)
unavailable_long_retry_cap = duration(60)
store_range_failover = duration(10)
# A lost zone is CockroachDB's blackhole failover case (PR #91947): 13.4 s, 10.2 s for a crash.
store_range_failover_zone_lost = duration(13.4)
coordination_nodes = count(5)
coordination_nodes_largest_zone = count(2)
coordination_shrink_after = duration(30 * 60)
cross_region_one_way = duration(dean_california_netherlands / 2)
fcm_default_quota_per_minute = count(600_000)
# FCM quota steps (step 5).
fcm_quota_step = fraction(0.25)
fcm_quota_step_use = fraction(0.8)
fcm_quota_step_time = duration(14 * SECONDS_PER_DAY)
conditional_write_latency = duration(0.005)
member_row_deadline = duration(0.050)
coalescing_row_interval = duration(1)
recent_ids_in_memory = duration(600)
reconnect_jitter_window = duration(30)
pong_timeout = duration(10)
address_stagger = duration(2)
connect_attempt_deadline = duration(10)
lb_addresses_per_zone = count(2)
delivered_receipt_timeout = duration(2)
presence_offline_grace = duration(90)
connect_burst = count(10)
connect_refill_interval = duration(30)
background_connect_burst = count(20)
background_connect_refill_interval = duration(15)
presence_users_per_socket = count(1)
reconnect_presence_resubscribe_share = fraction(2 / 3)
mobile_round_trip = duration(0.150)
offline_outbox_messages = count(10)
sync_list_period = duration(300)

# --- A hot group and a midnight wave (step 7) ------------------------------------------------------------
hot_group_messages_per_second = per_second(10)
midnight_zone_share = fraction(0.2)
midnight_messages_per_user = count(5)
midnight_window = duration(600)

# --- Targets (step 1) and an alert threshold (step 7) ---------------------------------------------------
send_latency_target = duration(0.300)
deliver_latency_target = duration(0.500)
percentile_budget_share = fraction(0.01)
push_handoff_target = duration(5)
push_handoff_share = fraction(0.99)
availability_target = fraction(0.9999)
slo_window = duration(30 * SECONDS_PER_DAY)
presence_freshness_target = duration(5)
store_write_latency_alert = duration(0.020)
store_write_alert_over_typical = times(store_write_latency_alert / conditional_write_latency)
range_unavailable_alert = duration(30)
member_row_deadline_over_typical = times(member_row_deadline / conditional_write_latency)

# --- Account deletion (step 4): what the job that removes an account may take ---------------------------
account_deletion_job_deadline = duration(SECONDS_PER_DAY)

# A phone and four linked devices (step 3).
devices_per_user_limit = count(5)
# Pushes whose token the push service has cached: a conservative guess, below what a phone's pushes would
# give spread evenly over the day (step 6 says why).
token_cache_hit_ratio = fraction(0.5)
conversation_idle_keep = duration(3600)
messages_per_conversation_load = count(4)

TABLE = [
    (
        "Daily active users",
        daily_active_users,
        "A large messenger, half of WhatsApp's size in 2017, when it had 1 billion daily users "
        "([Android Police](https://www.androidpolice.com/2017/07/27/whatsapp-1-billion-daily-active-users-send-55b-messages-every-day/)).",
    ),
    (
        "Sessions per user a day",
        sessions_per_user_per_day,
        "People open a messenger a few minutes at a time, many times a day; each opening is a connect and a sync.",
    ),
    (
        "Minutes a phone holds its socket per session",
        minutes_per_phone_session,
        "About two minutes on screen, plus the short while before the app closes its socket in the background: "
        "phones stop background apps within minutes and cut idle ones off the network "
        "([Android's background execution limits](https://developer.android.com/about/versions/oreo/background), "
        "[Doze and App Standby](https://developer.android.com/training/monitoring-device-state/doze-standby)).",
    ),
    (
        "Devices per user",
        devices_per_user,
        "Every user has a phone; about half also link a computer (desktop app or web), "
        "as WhatsApp allows ([up to four](https://engineering.fb.com/2021/07/14/security/whatsapp-multi-device/)). A guess.",
    ),
    (
        "Hours a day a linked computer's client is open",
        computer_hours_per_day,
        f"A guess, averaged over all days: a third stay open through a working day ({computer_workday_hours} hours, "
        "five days in seven) and are opened again in the evening; the rest are opened twice a day for a few minutes. "
        "Unlike a phone, a computer keeps its socket while its window is open.",
    ),
    (
        "Sessions a day per linked computer",
        computer_sessions_per_day,
        "Opened twice a day, e.g. at work and in the evening.",
    ),
    ("Contacts per user on the service", contacts_per_user, "The people whose presence a user could be shown."),
    (
        "Messages sent per user a day",
        messages_sent_per_user_per_day,
        "WhatsApp's 55 billion messages sent a day over 1 billion daily users (2017, same source), rounded down.",
    ),
    (
        "Messages sent to groups",
        group_message_share,
        "With the group size below, a message reaches 2.8 people; WhatsApp's reached 2.2 in 2014 (20 billion "
        "sent, 44 billion received in a day, [TIME](https://time.com/46895/whatsapp-handles-64-billion-messages-a-day/)), "
        "and groups have grown larger and more common since.",
    ),
    (
        "Members of the average group written to",
        group_members_average,
        "Weighted by messages: busy groups are family, friends and small teams, not crowds.",
    ),
    (
        "Largest group allowed",
        group_member_limit,
        "A product limit we choose; WhatsApp's is 1,024 since 2022 "
        "([Indian Express](https://indianexpress.com/article/technology/tech-news-technology/whatsapp-starts-global-roll-out-of-communities-feature-groups-can-now-support-1024-users-8246470/)). "
        "It bounds the fan-out of any one message.",
    ),
    ("Conversations per user", conversations_per_user, "One-to-one chats and groups with any history; most are quiet."),
    ("Groups per user", groups_per_user, "Family, friends, school, work, a few neighborhood or hobby groups."),
    (
        "Stored text per message",
        message_text_bytes,
        "Most messages are a few words; UTF-8 emoji take 4 bytes; a long tail of pasted text.",
    ),
    (
        "Messages covered by one receipt",
        messages_per_receipt_batch,
        "Messages arrive and are read in bursts; one 'read up to' covers the burst.",
    ),
    (
        "Users watching a given user's presence",
        presence_viewers_per_user,
        "Presence shows only in an open chat's header, so few people are looking at any moment.",
    ),
    (
        "Device deliveries that find the device connected",
        delivered_live_share,
        "Far more than the share of devices online at any moment: replies come while both people are in the chat.",
    ),
    (
        "Messages per push notification",
        messages_per_push,
        "A notification collapses a burst from one conversation; muted chats send none.",
    ),
    (
        "Conversations a reconnecting device finds changed",
        conversations_changed_per_sync,
        "A phone back after minutes or hours finds a few chats moved on; each costs one range read.",
    ),
    (
        "Chats a device opens per session",
        chats_opened_per_session,
        "Opening a one-to-one chat subscribes to the other person's presence; closing it unsubscribes.",
    ),
    (
        "Typing frames per message",
        typing_frames_per_message,
        "The client sends `started` when the user begins and repeats it every few seconds while they type; "
        "a short message costs one frame, a long one a few.",
    ),
    (
        "Largest group that shows typing",
        typing_member_limit,
        "A product limit we choose: in a larger group, a line of who is typing changes too often to read. "
        "Typing frames are counted for every message all the same, which overstates them.",
    ),
    (
        "Phones that run Android",
        android_share,
        "A guess for a global messenger, where Android phones outnumber iPhones about two to one or more. "
        "A woken Android app connects and syncs; an iOS notification extension makes one history call (step 5).",
    ),
    (
        "Notified messages read on a linked computer",
        reads_on_computer_share,
        "A guess: half of users have one, open about two hours a day; the rest are read on the phone "
        "that shows the notification, which clears it locally.",
    ),
    (
        "Conversations a user is pushed a notification for in a day",
        notified_conversations_per_user_per_day,
        "A guess: a few one-to-one chats and busy groups out of the user's conversations; the push service "
        "remembers the newest notified `seq` for each, for a day (step 5).",
    ),
    (
        "Memory per push-service entry",
        push_memory_entry_bytes,
        "The user and conversation IDs, the newest notified `seq` and the notified phone's device ID, "
        "with about as much again for the hash map holding them.",
    ),
    (
        "Messages with a photo",
        photo_share,
        "4.5 billion photos in 55 billion messages a day (WhatsApp, 2017, same source).",
    ),
    ("Stored bytes per photo", photo_stored_bytes, "Resized and compressed by the sending client, plus a thumbnail."),
    ("Messages with a video", video_share, "1 billion videos in 55 billion messages a day (same source), rounded up."),
    (
        "Stored bytes per video",
        video_stored_bytes,
        "A 30-second clip compressed by the client to about 800 kbit/s before upload.",
    ),
    ("Messages that are voice notes", voice_share, "A guess; voice notes are common in some markets."),
    ("Stored bytes per voice note", voice_stored_bytes, "Fifteen seconds of Opus at 16 kbit/s."),
    ("Messages with a file", file_share, "A guess."),
    ("Stored bytes per file", file_stored_bytes, "A guess; no thumbnail."),
    (
        "Media downloaded by a recipient device",
        media_download_share,
        "Auto-download is often off on mobile data and in muted groups; the rest download.",
    ),
    (
        "Days media stays on the server",
        media_retention_days,
        "Long enough for every device to fetch it; keeping it for years would cost exabytes.",
    ),
    (
        "Media downloads served by the CDN",
        cdn_hit_ratio,
        "Lower than for public media: a photo in a one-to-one chat is fetched once or twice.",
    ),
    (
        "Days the CDN caches a media object",
        cdn_cache_days,
        "The cache lifetime the media service sets on every object: a day covers the burst of downloads "
        f"just after a send; with the CDN's upper tier, an edge copy outlives a deletion by {cdn_copy_life_max} "
        "at most.",
    ),
    (
        "CDN purges a second, by URL",
        cdn_purge_urls_per_second,
        "Cloudflare's limit for purging single files on its Enterprise plan, per account, a moving average "
        "([Cloudflare: purge cache](https://developers.cloudflare.com/cache/how-to/purge-cache/)).",
    ),
    (
        "Years the store is planned for",
        retention_years,
        "History is kept until its sender deletes it, so the store keeps growing; the plan is set again as it does.",
    ),
    (
        "Daily users who delete their account, a day",
        account_deletion_share_per_day,
        "One in ten thousand a day, over 3% of daily users a year: a generous guess, which still leaves "
        "the deletions' writes a rounding error (below).",
    ),
    ("Copies of message data", message_copies, "Three replicas, one per zone."),
    (
        "Media storage overhead",
        media_storage_overhead,
        "Erasure coding, e.g. 6 data + 3 parity fragments, instead of three full copies.",
    ),
    (
        "How long client message IDs are remembered",
        dedupe_window,
        "A phone can queue a message offline for days, then retry it.",
    ),
    (
        "How long a sender may delete a message for everyone",
        delete_for_everyone_window,
        "WhatsApp's limit, about two and a half days, since 2022 "
        "([WhatsApp Help Center](https://faq.whatsapp.com/), its article on deleting messages).",
    ),
    (
        "Peak-to-average traffic",
        peak_to_average,
        "Users span time zones, which flattens the daily curve; New Year's midnight goes far higher (step 7).",
    ),
    (
        "Old row versions kept before the store's garbage collection removes them",
        store_gc_ttl,
        "CockroachDB's default `gc.ttlseconds` since v23.1 "
        "([replication zones](https://www.cockroachlabs.com/docs/stable/configure-replication-zones)).",
    ),
    (
        "Days until a collected version leaves the store's files",
        store_compaction_days,
        "Compaction has no deadline of its own; a weekly one of the ranges deletions touched sets one.",
    ),
    (
        "Days a backup is kept",
        backup_retention_days,
        "Two weeks to restore from, well inside the month a deletion may take (step 4).",
    ),
    (
        "Heartbeat interval",
        heartbeat_interval,
        "Short enough to keep carriers' NAT mappings alive and to bound how long a client takes to notice a dead "
        "socket; cheap for a phone's battery only because a phone pings while its app is in use or has just left "
        "the screen.",
    ),
    (
        "Memory per idle connection",
        memory_per_connection,
        "Kernel socket buffers, TLS state and our session state; idle sockets keep little buffered.",
    ),
    (
        "Memory for connections per server",
        f"{connection_server_memory_gib} GiB ({connection_server_memory})",
        "Of a 96 GiB machine, leaving room for the rest.",
    ),
    (
        "Open files per process",
        file_descriptor_limit,
        "The default ceiling for a process's limit "
        "([`fs.nr_open`](https://www.kernel.org/doc/html/latest/admin-guide/sysctl/fs.html), itself raisable); "
        "from a soft limit of 1,024, the service raises it (`LimitNOFILE`).",
    ),
    (
        "Connections planned per server",
        connections_per_server,
        "Far below memory and descriptor limits (WhatsApp passed 2 million in 2012, "
        "[High Scalability](https://highscalability.com/blog/2014/2/26/the-whatsapp-architecture-facebook-bought-for-19-billion.html)); "
        "chosen to bound what one crash drops.",
    ),
    (
        "Reconnections one server accepts a second",
        reconnects_per_server_per_second,
        "TLS handshake, token check, registry write (not the frames after); under its handshake "
        "budget. The fleet's reconnect rate is capped lower still, by the registry "
        "writes the session registry has room for (step 7).",
    ),
    (
        "Messages one chat server sequences a second",
        messages_per_chat_server_per_second,
        "Each costs a conditional write and a few lookups, mostly waiting on the network.",
    ),
    (
        "A chat server's cost of one lookup, in messages",
        lookup_cost_in_messages,
        "A guess: a media link's membership check or a media send's object-metadata read is one "
        "request and a memory lookup or one outside read, against a message's conditional write, "
        "event, several deliveries and ack.",
    ),
    (
        "A chat server's cost of one receipt, in messages",
        receipt_cost_in_messages,
        "A guess: a watermark move is a write that only raises a value (for half, a read-position write too) "
        "and a forward to the sender's devices; no sequence number, client-ID check, member rows or ack.",
    ),
    (
        "A chat server's cost of one typing frame, in messages",
        typing_cost_in_messages,
        "A guess, priced like a receipt: the conversation's owner (step 5) looks the recipients up in the "
        "registry and sends a forward RPC to their connection servers.",
    ),
    (
        "A chat server's cost of one event publish, in messages",
        event_publish_cost_in_messages,
        'A guess, priced like a lookup: the "read up to N" a read publishes to the event log is one '
        "append, batched by the producer, that nothing waits on; one outside request, no member rows, "
        "no fan-out. Likely high.",
    ),
    (
        "Small events a second one event-log broker takes, with three copies",
        event_log_events_per_broker_per_second,
        "A guess well under LinkedIn's Kafka benchmark: one producer wrote about 420,000 records of 100 bytes "
        "a second, with three synchronous copies, to three ordinary machines, about 140,000 each "
        "([LinkedIn engineering](https://engineering.linkedin.com/kafka/benchmarking-apache-kafka-2-million-writes-second-three-cheap-machines)); "
        "our events are as small, and the rest is left for consumers' reads.",
    ),
    (
        "CPU time of one full TLS handshake on a connection server",
        tls_handshake_cpu,
        "A TLS 1.3 handshake with an ECDSA P-256 certificate signs once and runs one ECDHE exchange, a fraction "
        "of a millisecond of one core. A guess for a load test to replace.",
    ),
    ("Cores per connection server", connection_server_cores, "A common two-socket or large single-socket machine."),
    (
        "Share of those cores handshakes may use",
        handshake_core_share,
        "A cap for admission control; the rest decode frames.",
    ),
    (
        "Frames one connection server handles a second",
        frames_per_connection_server_per_second,
        "A frame decrypted, parsed, checked and answered or forwarded in about 400 µs of a core left beside "
        "handshakes: generous, for a load test to raise. Step 7 checks a server's frames against it.",
    ),
    (
        "Writes one database node takes a second",
        store_writes_per_node_per_second,
        "Small rows on NVMe with a log-structured engine, leaving room for compaction, each write's own "
        "conflict check included.",
    ),
    (
        "Reads one database node serves a second",
        store_reads_per_node_per_second,
        "Point and short range reads of recently written rows, mostly from the block cache, beside the "
        "node's writes: reads cost CPU, writes cost disk and compaction. A guess for a benchmark to replace.",
    ),
    (
        "Share of that rate the store is sized to use at peak",
        store_write_utilization_target,
        "Room for a lost zone's moved leaders and the busiest node (step 7), the rest for a rise over the "
        "peak; CockroachDB advises a node's CPU under 80% for hours "
        "([metrics](https://www.cockroachlabs.com/docs/stable/essential-metrics-advanced)), taken for writes too.",
    ),
    (
        "The busiest store node's load over the mean",
        store_busiest_over_mean,
        "A guess: the rebalancer starts at 10% over the mean's CPU, and writes are disk-bound "
        "([kv.allocator.store_cpu_rebalance_threshold](https://www.cockroachlabs.com/docs/stable/cluster-settings)).",
    ),
    (
        "A range leader's work for a write beyond a follower's",
        store_leader_extra_work,
        "A guess: beyond the disk work every copy does, the leader evaluates each write (its conflict check "
        "included), proposes it and collects the acks "
        "([CockroachDB: life of a distributed transaction](https://www.cockroachlabs.com/docs/stable/architecture/life-of-a-distributed-transaction)).",
    ),
    (
        "Usable disk per database server",
        storage_per_database_server,
        "Fast SSDs, filled to about half so compaction and repairs have room.",
    ),
    (
        "Rate at which a new database node receives its ranges",
        snapshot_rate_per_node,
        "CockroachDB's default rate for a rebalancing snapshot, 32 MiB/s (`kv.snapshot_rebalance.max_rate`, "
        "[store_snapshot.go](https://github.com/cockroachdb/cockroach/blob/master/pkg/kv/kvserver/store_snapshot.go)), "
        "with a new node taking in one snapshot at a time (a guess for a rebalancing test to replace).",
    ),
    (
        "Operations per in-memory registry node a second",
        registry_ops_per_node_per_second,
        "A node is a small service around one in-memory store (step 6), taken at the rate the rules of thumb "
        "measured for one single-threaded key-value process without pipelining: "
        f"{kv_gets_per_process} GETs ({cite('Redis', 'Redis 2.2 docs')}).",
    ),
    ("Availability zones", zones, "Every tier runs in three zones and must survive losing one."),
    (
        "Spare servers per zone in the stateful tiers",
        spare_servers_per_zone,
        "The chat tier and the registry hold state (leases, entries) and carry a lost zone at nearly full "
        "load; one spare a zone (N+1) leaves room, on average, for a crash or deploy in the outage and "
        "the shards a hot server sheds (step 6).",
    ),
    (
        "Conversation shards",
        conversation_shards,
        "Units of ownership leased to chat servers at random: hundreds a server keep the busiest near the mean.",
    ),
    (
        "Time to live of a chat server's lease (its shard keys attached)",
        shard_lease,
        "Renewed every third of it (step 6); outlasts the coordination service's worst leader election "
        "(step 7), and a dead server's shards move within seconds.",
    ),
    (
        "Time to live of a connection server's lease in the session registry",
        connection_server_lease,
        "Renewed every third of it at every registry node; rides out a blip of two renewal periods, and "
        "lapses long before the offline grace.",
    ),
    (
        "Deadline of a connection server's lease renewal at one registry node",
        connection_server_renewal_deadline,
        "A renewal that fails or has no answer by then is retried at once, until one succeeds, so a lease "
        "rides out a blip of up to two renewal periods.",
    ),
    (
        "Share of the registry's spare capacity the sweep of a lapsed server's entries may use",
        registry_sweep_share_of_spare,
        "Lookups already treat those entries as absent, so deleting them can wait: a quarter leaves the rest "
        "for reconnects that come late and for a registry node that fails meanwhile.",
    ),
    (
        "Time for a shard-map change to reach the connection servers",
        shard_map_watch_delay,
        "A guess: etcd's watch streams the change as it applies it, one round trip within the region.",
    ),
    (
        "Longest backoff between a client's retries of a send answered `unavailable`",
        unavailable_retry_cap,
        "A failover lasts seconds, so a send retried at most this far apart goes through soon after it ends, "
        "and a second's retries from every affected phone are a small load.",
    ),
    (
        "Backoff between a client's retries of a send once it has had `unavailable` for longer than the slowest failover",
        unavailable_long_retry_cap,
        "An outage that lasts (etcd's quorum lost, a range below quorum) is not a failover. The cap trades a "
        "server's frames with every send stopped, the one case nothing sheds, against how late a waiting send "
        "goes after the outage ends: a minute keeps the wider margin on an unconfirmed budget (step 7).",
    ),
    (
        "Time a store range takes to fail over to a new leader",
        store_range_failover,
        "A guess of the order a Raft-replicated store takes to notice a dead leader and elect another (a few "
        "election timeouts and the new leader's lease); the store's own figure replaces it.",
    ),
    (
        "Members of the coordination service (etcd)",
        coordination_nodes,
        "Two, two and one in the three zones: a quorum of three survives any one zone's loss.",
    ),
    (
        "Most coordination members in one zone",
        coordination_nodes_largest_zone,
        "Five members over three zones put two in two of them.",
    ),
    (
        "How long a zone stays out before its coordination members are removed",
        coordination_shrink_after,
        "Until then one more member failure stops every send (step 7); removing the lost members is two "
        "commands and is undone by adding them back, so half an hour of waiting for the zone is enough.",
    ),
    (
        "One-way latency between two regions across an ocean",
        cross_region_one_way,
        "Half of the California-Netherlands round trip in "
        + cite("Dean 2009", "Jeff Dean's latency figures")
        + "; other ocean crossings are of the same order.",
    ),
    (
        "FCM's default quota, messages a minute per project",
        fcm_default_quota_per_minute,
        "Published for the HTTP v1 API, counted in messages, not requests; past it FCM answers HTTP 429 until "
        "the quota refills in the next minute, and the page warns its limits may change "
        "([FCM throttling and quotas](https://firebase.google.com/docs/cloud-messaging/throttling-and-quotas)).",
    ),
    (
        "FCM quota increase per request, at most",
        fcm_quota_step,
        "Granted while use stays at the share below; no guarantee "
        "([FCM quotas](https://firebase.google.com/docs/cloud-messaging/throttling-and-quotas)).",
    ),
    (
        "... considered once usage is regularly at",
        fcm_quota_step_use,
        "Same page.",
    ),
    (
        "Time from one quota step to the next",
        fcm_quota_step_time,
        "Assumed, to be measured; Google publishes none.",
    ),
    (
        "Latency of a conditional write",
        conditional_write_latency,
        "One round trip to the partition's leader and its replication within the region.",
    ),
    (
        "Time a send waits for its members' rows before it acks without them",
        member_row_deadline,
        f"{member_row_deadline_over_typical} a normal conditional write, above the store's write-latency alert, "
        "so a healthy store never reaches it; a row still unwritten then is finished after the ack (step 6).",
    ),
    (
        "Longest between two writes of a shard's CoalescingGroup row",
        coalescing_row_interval,
        "One write a second a shard, however many sends miss their members' rows (step 6).",
    ),
    (
        "Client message IDs a chat server keeps in memory",
        recent_ids_in_memory,
        "Ten minutes covers nearly every retry; older ones fall back to the table.",
    ),
    (
        "Window clients spread reconnections over",
        reconnect_jitter_window,
        "Random delay before reconnecting after a server drops them, so they do not arrive at once.",
    ),
    (
        "Time a client waits for a pong before it reconnects",
        pong_timeout,
        "A ping unanswered this long means the socket or its server is dead; a mobile round trip rarely takes "
        "a second.",
    ),
    (
        "Load-balancer addresses DNS gives for each zone",
        lb_addresses_per_zone,
        "Assumed: two balancers, each with one address a zone (as an NLB has), so a zone keeps an address while "
        "one is replaced; a lost zone's stay in the answers until health checks drop them (step 3).",
    ),
    (
        "Time a native client waits on a load-balancer address's TCP connect before also trying the next",
        address_stagger,
        "Assumed: RFC 8305's connection attempt delay at its 2 s ceiling, the earlier tries kept open, so a dead "
        "address costs a reconnect this and a slow live one still wins (step 3).",
    ),
    (
        "Deadline for a connect attempt (TCP, TLS and the upgrade), doubled on each later attempt",
        connect_attempt_deadline,
        "Assumed: room for a lost SYN resent at 1 s and again at 3 s (RFC 6298) on a slow mobile link; the web "
        "client, whose browser picks the address, reopens a socket not open by then (step 3).",
    ),
    (
        "Time a connection server waits for a device's `delivered` receipt",
        delivered_receipt_timeout,
        "A device acknowledges a `deliver` within a round trip; after this long the message also goes by push, "
        "but the socket stays open until the ping test fails, since a congested mobile link can be slow.",
    ),
    (
        "Grace before a user is shown offline, counted from the last frame heard from the user's last device",
        presence_offline_grace,
        "At least the three quiet heartbeat intervals after which a silent socket closes (step 6), and longer "
        "than a lost zone's clients take to reconnect (step 7), so a dropped socket does not flicker the status.",
    ),
    (
        "Interval at which a connected device runs `sync_list` again",
        sync_list_period,
        "Bounds how long a device that stays connected can miss a message whose live `deliver` was lost "
        "(step 6); each device's first run falls at a random point in its first interval, so runs spread evenly.",
    ),
    (
        "Foreground connects a device may make at once (its bucket's burst)",
        connect_burst,
        "Token bucket per device (step 3): far more than a person opens the app in a few minutes, even on a "
        "train that drops the signal; a reconnect loop, which connects every few seconds, empties it within a "
        "minute.",
    ),
    (
        "Time to earn back one foreground connect",
        connect_refill_interval,
        f"The bucket's refill: a looping client is held to {60 / connect_refill_interval:g} connects a minute, "
        "and a person who emptied the bucket waits at most this long for the next connect, never a whole window.",
    ),
    (
        "Background connects a device may make at once",
        background_connect_burst,
        "A bucket of its own for `hello`s with `background` set (a push-woken Android app), so wake-ups never "
        "spend a foreground connect. Larger than the foreground burst: a busy group's pushes come in bursts.",
    ),
    (
        "Time to earn back one background connect",
        background_connect_refill_interval,
        f"{60 / background_connect_refill_interval:g} wake-ups a minute, far above what pushes cause on average "
        "(step 3); it bounds a woken app that loops, a client that sets `background` to dodge the foreground "
        "bucket, and, now and then, a phone woken by a very busy group, which then fetches on its next open.",
    ),
    (
        "Users one socket may watch the presence of",
        presence_users_per_socket,
        "The product shows presence only in the open one-to-one chat's header (step 1), so one is what a client "
        "needs; the registry's subscription rows are sized at this cap (step 4). A contact list with online dots "
        "would raise it, and the rows with it.",
    ),
    (
        "Reconnecting sockets showing a one-to-one chat, so subscribing again",
        reconnect_presence_resubscribe_share,
        "A guess: computers nearly always show a chat, phones in use often; four messages in five are one-to-one. "
        "Capped at one a socket.",
    ),
    (
        "A phone's round trip to the region",
        mobile_round_trip,
        "A guess for mobile data in the same region: LTE and 5G links add tens of milliseconds to the path, "
        "and a weak signal more.",
    ),
    (
        "Messages a user types into one chat while offline",
        offline_outbox_messages,
        "A guess for a flight or a lift: a few sentences, each sent as its own message, queued in the outbox.",
    ),
    (
        "Messages a second in a hot group",
        hot_group_messages_per_second,
        "The per-group send limit (step 3), so the worst a full group can do during a live event: ten "
        "members typing at once, already more than anyone can read.",
    ),
    (
        "Daily users in the busiest time zone",
        midnight_zone_share,
        "A guess: India alone is one time zone and a large share of a global messenger's users.",
    ),
    (
        "Greetings each of them sends around midnight on New Year's Eve",
        midnight_messages_per_user,
        "A few messages to family and friends' groups and chats. A guess.",
    ),
    ("Window the midnight greetings fall in", midnight_window, "Most are sent in the first minutes of the year."),
    (
        "Send `ack` p99, at the connection server",
        send_latency_target,
        "Leaves room for the phone's round trip within a second.",
    ),
    (
        "Deliver p99 to a connected device, same region",
        deliver_latency_target,
        '"Real time" as a number.',
    ),
    (
        "Share of sends (or deliveries) the p99 latency targets let be slower",
        percentile_budget_share,
        "Targets are p99: one in a hundred may be slower, a budget burned like the error budget (step 7).",
    ),
    (
        f"Time within which {push_handoff_share} of offline deliveries reach APNs or FCM",
        push_handoff_target,
        "The phone buzzes while the sender still waits; Apple's and Google's own delivery is outside our control.",
    ),
    (
        "Share of offline deliveries held to that time",
        push_handoff_share,
        "A p99, like the latency targets: one push in a hundred may be handed off later.",
    ),
    (
        "Availability target, sends (by `client_msg_id`) acknowledged and reconnects accepted",
        availability_target,
        "Chat is the product; a failed send is visible at once.",
    ),
    (
        "Window the availability target is measured over",
        slo_window,
        "A rolling month: an incident spends part of the budget instead of resetting it at a calendar "
        "boundary, and a bad week shows while it can be acted on; a full outage spends the whole month's budget "
        "within minutes (step 7).",
    ),
    (
        "Time within which a status change reaches viewers, p99",
        presence_freshness_target,
        "Fresh enough for a status line.",
    ),
    (
        "Store write p99 that raises an alert",
        store_write_latency_alert,
        f"{store_write_alert_over_typical} a normal conditional write: the store is in trouble, yet a send "
        f"still has room inside its {send_latency_target} target.",
    ),
    (
        "Time a store range may stay unavailable before an alert",
        range_unavailable_alert,
        "Every send to the conversations in that range fails while it lasts; a leader election takes "
        f"{store_range_failover} ({store_range_failover_zone_lost} with its zone lost, step 7), so a range still "
        "down well past both is not failing over by itself.",
    ),
    (
        "Time an account deletion's job may take before a ticket",
        account_deletion_job_deadline,
        "The job writes a few hundred rows and runs at any hour, so it normally ends within minutes; a day "
        "leaves room for owners failing over and retries.",
    ),
    (
        "Time a chat server keeps an idle conversation loaded",
        conversation_idle_keep,
        "A guess: it spans a chat's pauses and most of its read receipts.",
    ),
    (
        "Messages a conversation carries per load",
        messages_per_conversation_load,
        "A guess, not derived from the hour, for the owners' load count to replace: a few each way; a late "
        "receipt loads it again on its own.",
    ),
]

# Other snippets import this module for its values; run on its own (or by the docs build),
# it prints the table.
if __name__ != "chat_assumptions":
    print(markdown_table(("Assumption", "Value", "Why"), TABLE))
