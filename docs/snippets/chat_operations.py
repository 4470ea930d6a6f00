"""Chat service worked example: the assumptions behind failures, limits and recovery, and what they give.

Step 2's assumptions (chat_assumptions) are what the estimates start from; these are the ones the later
steps add: the grace that carries an identity-service outage, the registry's failover, the coalescing
thresholds, the rate limits and size caps, the alert thresholds, and the backups and recovery targets.
Printed on step 7, where most of them are used.

An identity-service outage stops token refreshes. Without a grace, every socket would close within a token
lifetime and the skew of the outage's start: all the connections at the peak. With the grace, sockets stay
open up to the grace past their exp, so an outage shorter than the grace closes no open socket, and a longer one
closes them over the token lifetime after the grace runs out.

The loss of the region is met by backup and restore: hourly incrementals copied to a second region, so the RPO
is the interval plus the copy's minutes. The RTO is the failover a person decides (the DR concept page's
detection, decision and cut-over), the DR page's hour to start every tier from templates in the second region
with no capacity reserved there, the store's restore at the DR page's rate a server, and the DR page's
warm-up. The restore writes two replicas of each range at once (its ingestion is replicated), so every store
node writes two thirds of its bytes, and sends and reads resume together when it ends: the design acknowledges
only on two zones; the third follows (chat_restore, step 1). The restore grows with the data until data sizes
the store, then stays: the year-one store, on the nodes kept from the first New Year (step 7), and the
horizon's, the target. Pilot light and warm standby, the options step 1 weighs, keep store nodes running in
the second region: one copy's worth, or the whole store. The pilot light is counted the DR page's way: the
full store's nodes are stood up and restore from the backups (one copy, the live one being the second), then
catch up from the live copy what was written since the last incremental, the live copy's fewer nodes being the
slower side.

The alert on one server's connections is a share over the fleet's mean at the moment: at the peak with
every zone up, a server holds its share of the peak, well under the plan, which is the load with a zone lost.
"""

import math

import concept_push_assumptions
from chat_assumptions import (
    member_row_deadline,
    message_copies,
    midnight_window,
    store_write_latency_alert,
)
from chat_connections import connection_servers, connections_peak
from chat_failures import midnight_database_nodes, midnight_fcm_held_share
from chat_sequencing import shards_per_chat_server
from chat_storage import (
    database_nodes_for_horizon,
    dedupe_bytes,
    device_bytes,
    device_token_bytes,
    membership_bytes,
    message_bytes_per_day,
    message_bytes_total,
    message_bytes_year_one,
)
from concept_auth_assumptions import access_token_lifetime, clock_skew
from concept_dr import cut_over, decide_human, detect_fast, warm_up
from concept_dr_assumptions import ocean_round_trip, pilot_start, restore_rate_per_server, warm_scale

from sdw.estimation import (
    KB,
    MB,
    SECONDS_PER_DAY,
    count,
    duration,
    fraction,
    markdown_table,
    servers,
    size,
    throughput,
    times,
)

# How long past a token's exp a socket stays open, and a hello is accepted, while the identity service's
# refresh is failing (5xx or timeouts, not a refused refresh).
identity_refresh_outage_grace = duration(2 * 3600)
identity_refresh_error_page_share = fraction(0.05)
identity_refresh_error_page_window = duration(5 * 60)
# A session-registry key range whose primary is lost takes about this for a copy to take its lease.
registry_range_failover = duration(5)
# Chat servers lengthen watermark and read-position coalescing when their store writes' p99 passes
# the first, and shorten it again once it falls below the second.
coalescing_lengthen_write_p99 = store_write_latency_alert
coalescing_shorten_write_p99 = duration(0.010)
# Connections on one server, over the fleet's mean, that open a ticket.
connections_alert_over_mean = times(1.25)
# Rate limits of step 3.
send_burst_per_device = count(20)
send_refill_per_second = throughput(5)
groups_created_per_user_per_day = count(50)
people_added_per_user_per_day = count(250)
hello_timeout = duration(10)
# A presence latency alert's window: long, since presence is shed first and never pages.
presence_latency_alert_window = duration(30 * 60)
# FCM's rules for a quota step, beside fcm_quota_step and fcm_quota_step_use.
fcm_quota_step_use_window = duration(5 * 60)
fcm_quota_step_error_ratio = fraction(0.05)
# Android's queue is paced to the FCM quota, so the excess waits in it rather than drawing 429s. The share
# of a minute's Android arrivals over the pace (arrivals less the pace, over the arrivals: a backlog
# draining after an outage adds none; midnight's held share is this measure), or of FCM answers that are
# the project's quota 429 (no QuotaFailure naming a device or topic), that opens a ticket, and how long.
push_quota_alert_share = fraction(0.02)
push_quota_alert_window = duration(5 * 60)
# New Year's midnight opens it.
assert midnight_fcm_held_share > push_quota_alert_share
assert midnight_window >= push_quota_alert_window
# Shard moves outside a deploy that open a ticket, and over how long: two chat servers' worth.
shard_moves_alert_servers = count(2)
shard_moves_alert = count(shard_moves_alert_servers * shards_per_chat_server)
shard_moves_alert_window = duration(5 * 60)
# Coordination leader changes an hour that open a ticket.
coordination_leader_changes_alert = count(3)
# Session-registry lookup p99, at the chat servers, that opens a ticket: a tenth of the member-row deadline.
registry_lookup_p99_alert = duration(member_row_deadline / 10)
# FCM's throttle on collapsible messages per app and device, and what it keeps for an offline
# device: the push concept page's published limits, one value each.
fcm_collapsible_burst = concept_push_assumptions.fcm_collapsible_burst
fcm_collapsible_refill_interval = concept_push_assumptions.fcm_collapsible_refill
fcm_offline_non_collapsible_max = concept_push_assumptions.fcm_pending_non_collapsible
# Size caps.
max_text_bytes = size(64 * KB)
max_photo_bytes = size(16 * MB)
max_video_bytes = size(64 * MB)
max_voice_bytes = size(16 * MB)
max_file_bytes = size(100 * MB)
# Backups and the loss of the region.
backup_incremental_interval = duration(3600)
# How long an incremental takes to reach the second region once taken.
backup_copy_time = duration(15 * 60)
# Time to stand the store nodes and the other fleets up in the second region, with no capacity reserved:
# the DR page's pilot-light start, every tier created from templates.
region_fleet_stand_up = pilot_start
# The DR page's warm-up, added to every option's RTO.
region_warm_up = warm_up
# How often two copies are restored into a scratch region, as a failover does, and timed.
restore_drill_interval = duration(90 * SECONDS_PER_DAY)
# Replicas of each range the restore writes at once (num_replicas while it runs); sends resume when they are in.
restore_copies_at_once = count(2)
# Margin on the skipped seq range, for add and remove notices and a copy that ran late.
lost_seq_margin = times(2)
# Deletion-list writes to the copy region (step 4) failing, over all of them, that pages, and for how long.
deletion_list_error_page_share = fraction(0.05)
deletion_list_error_page_window = duration(5 * 60)
# The deletion list's write to the copy region: one round trip, at most the reference's across an ocean.
deletion_list_write_latency = ocean_round_trip

# What they give.
# The deny-list keeps each entry past every token it covers, the grace included (step 3).
deny_list_keep = duration(access_token_lifetime + clock_skew + identity_refresh_outage_grace)
identity_outage_sockets_closed_peak = count(connections_peak)
identity_outage_all_closed_without_grace = duration(access_token_lifetime + clock_skew)
identity_outage_all_closed_with_grace = duration(identity_refresh_outage_grace + access_token_lifetime)
connections_per_server_mean_peak = count(connections_peak / connection_servers)
connections_per_server_alert_peak = count(connections_per_server_mean_peak * connections_alert_over_mean)

# The loss of the region.
region_loss_rpo = duration(backup_incremental_interval + backup_copy_time)
backup_incremental_bytes = size(message_bytes_per_day / 24)
region_failover_decision = duration(detect_fast + decide_human + cut_over)
SNAPSHOT_BYTES = membership_bytes + dedupe_bytes + device_bytes + device_token_bytes
store_bytes_year_one = size(message_bytes_year_one + SNAPSHOT_BYTES)
store_bytes_horizon = size(message_bytes_total + SNAPSHOT_BYTES)
# Year one ends on the nodes grown for the first New Year, and kept.
store_nodes_year_one = midnight_database_nodes
restore_one_copy_bytes_per_node_year_one = size(store_bytes_year_one / message_copies / store_nodes_year_one)
restore_one_copy_bytes_per_node_horizon = size(store_bytes_horizon / message_copies / database_nodes_for_horizon)
region_restore_one_copy_year_one = duration(restore_one_copy_bytes_per_node_year_one / restore_rate_per_server)
region_restore_one_copy_horizon = duration(restore_one_copy_bytes_per_node_horizon / restore_rate_per_server)
# Each node writes its share of every replica the restore writes at once.
region_restore_quorum_year_one = duration(region_restore_one_copy_year_one * restore_copies_at_once)
region_restore_quorum_horizon = duration(region_restore_one_copy_horizon * restore_copies_at_once)
RTO_FIXED = region_failover_decision + region_fleet_stand_up + region_warm_up
region_loss_rto_year_one = duration(RTO_FIXED + region_restore_quorum_year_one)
# The target: the horizon's, so it holds as the data grows.
region_loss_rto = duration(RTO_FIXED + region_restore_quorum_horizon)
# Pilot light keeps one copy of the store running in the second region; warm standby the whole store.
pilot_light_store_nodes_year_one = count(math.ceil(store_nodes_year_one / message_copies))
pilot_light_store_nodes_horizon = count(math.ceil(database_nodes_for_horizon / message_copies))
warm_standby_store_nodes_horizon = servers(database_nodes_for_horizon)
# Pilot light, the DR page's way: the full store stood up, one copy restored onto it from the backups (the
# live copy is the other of the two), then the rows written since the last incremental (at most an RPO of
# message bytes, one copy) caught up from the live copy, whose nodes send them: the slower side.
pilot_catch_up_bytes = size(message_bytes_per_day * region_loss_rpo / SECONDS_PER_DAY)
pilot_catch_up = duration(pilot_catch_up_bytes / pilot_light_store_nodes_horizon / restore_rate_per_server)
region_loss_rto_pilot_light = duration(RTO_FIXED + region_restore_one_copy_horizon + pilot_catch_up)
# Warm standby: the whole store runs; its running quarter of the other fleets scales (the DR page's time).
region_loss_rto_warm_standby = duration(region_failover_decision + warm_scale + region_warm_up)

TABLE = [
    (
        "Grace past a token's expiry while the identity service's refresh is failing",
        identity_refresh_outage_grace,
        "Assumed: long enough to roll back a bad deploy of the identity service, short enough to bound what a "
        "stolen token is worth; revocations already pushed still apply (entries kept the grace longer), new ones "
        "wait for the service (step 3).",
    ),
    (
        "Share of token refreshes failing that pages",
        identity_refresh_error_page_share,
        "Assumed: every socket closes a grace after its token's expiry if refreshes stay down (above).",
    ),
    (
        "... for at least",
        identity_refresh_error_page_window,
        "Assumed: a blip of a few failed refreshes is retried by clients and pages no one.",
    ),
    (
        "Time a session-registry key range takes to fail over to another copy",
        registry_range_failover,
        "Assumed: the primary holds its range by a short lease in the coordination service, and a copy "
        "takes it once the lease lapses (step 5).",
    ),
    (
        "Store write p99 at which chat servers lengthen watermark coalescing",
        coalescing_lengthen_write_p99,
        "Assumed, the write-latency alert's threshold: the whole store is past its comfortable rate (a surge, "
        "midnight); one hot node barely moves it.",
    ),
    (
        "... and below which they shorten it again",
        coalescing_shorten_write_p99,
        "Assumed: twice a normal conditional write; the gap keeps the servers from flapping.",
    ),
    (
        "Connections on one server, over the fleet's mean, that open a ticket",
        connections_alert_over_mean,
        "Assumed: a server a quarter above its fellows is balanced badly, well before it reaches the plan.",
    ),
    (
        "Sends a device may make at once (its bucket's burst)",
        send_burst_per_device,
        "A product limit we choose: far above a person typing, even pasting a few lines as separate messages.",
    ),
    (
        "Sends a device earns back a second",
        send_refill_per_second,
        "A product limit we choose: a script is slowed to this; no person types that fast for long.",
    ),
    (
        "Groups a user creates a day",
        groups_created_per_user_per_day,
        "A product limit we choose: a person starts a few groups a year; a spammer needs hundreds a day.",
    ),
    (
        "People a user adds to groups a day, founding members included",
        people_added_per_user_per_day,
        "A product limit we choose: a class or team group is founded in one call; a script reaches this many "
        "strangers a day.",
    ),
    (
        "Time a new socket has to send `hello`",
        hello_timeout,
        "Assumed: many mobile round trips, so a slow link makes it; an idle socket holds nothing for long.",
    ),
    (
        "Time presence latency must stay over its target before a ticket",
        presence_latency_alert_window,
        "Assumed: presence is shed first under load, so only a lasting breach is worth a look.",
    ),
    (
        "Minutes a day use must stay at that share for a quota step",
        fcm_quota_step_use_window,
        "FCM's rule ([FCM quotas](https://firebase.google.com/docs/cloud-messaging/throttling-and-quotas)).",
    ),
    (
        "Client error ratio a quota step or request must stay under",
        fcm_quota_step_error_ratio,
        "Same page.",
    ),
    (
        "Share of Android's notifications the quota pace holds back, or of FCM answers that are quota 429s, "
        "that opens a ticket",
        push_quota_alert_share,
        "Assumed: held back, traffic about that much over the quota; as 429s, well above the stray ones of "
        f"FCM's own overload, and well below the {fcm_quota_step_error_ratio} client-error ratio a quota "
        "increase weighs, in case 429s count there "
        "([FCM quotas](https://firebase.google.com/docs/cloud-messaging/throttling-and-quotas)).",
    ),
    ("... for at least", push_quota_alert_window, "Assumed: longer than one quota minute's spike."),
    (
        "Shard moves outside a deploy that open a ticket",
        shard_moves_alert,
        f"Assumed: {shard_moves_alert_servers} chat servers' worth, since one server's death moves its "
        f"{shards_per_chat_server} shards; more means servers flapping or the coordination service struggling.",
    ),
    ("... within", shard_moves_alert_window, "Assumed: the FCM quota ticket's window."),
    (
        "Coordination leader changes an hour that open a ticket",
        coordination_leader_changes_alert,
        "Assumed: a healthy cluster keeps its leader for days, and a rolling restart moves it once or twice; "
        "each change holds up lease renewals for an election.",
    ),
    (
        "Session-registry lookup p99 that opens a ticket",
        registry_lookup_p99_alert,
        f"Assumed: a tenth of the {member_row_deadline} member-row deadline, and far above an in-memory read "
        "one cross-zone round trip away (about a millisecond), so it fires only when the registry is slow.",
    ),
    (
        "Collapsible messages FCM passes to one app on one device at once",
        fcm_collapsible_burst,
        "Then one more every interval below; a content-free wake-up may be delayed, a chat message must not be "
        "([FCM throttling](https://firebase.google.com/docs/cloud-messaging/throttling-and-quotas)).",
    ),
    ("... then one every", fcm_collapsible_refill_interval, "Same page."),
    (
        "Non-collapsible messages FCM keeps for an offline Android device",
        fcm_offline_non_collapsible_max,
        "Past it FCM drops them all and tells the app, which syncs "
        "([collapsible and non-collapsible](https://firebase.google.com/docs/cloud-messaging/customize-messages/collapsible-message-types)).",
    ),
    ("Largest text of one message", max_text_bytes, "A product limit we choose: a long pasted text fits."),
    (
        "Largest photo upload",
        max_photo_bytes,
        "A product limit we choose, checked after the client's compression: a full-size photo fits.",
    ),
    ("Largest video upload", max_video_bytes, "A product limit we choose: a few minutes compressed by the client."),
    ("Largest voice note upload", max_voice_bytes, "A product limit we choose: over an hour of Opus at 16 kbit/s."),
    ("Largest file upload", max_file_bytes, "A product limit we choose, for documents."),
    (
        "Time between incremental backups",
        backup_incremental_interval,
        "Assumed: each copied to the second region as it is taken; with the copy's time, it sets the RPO below.",
    ),
    (
        "Time an incremental takes to reach the second region",
        backup_copy_time,
        f"Assumed: an hour's message rows, {backup_incremental_bytes} a copy, spread over every store node, "
        "with room for a slow transfer.",
    ),
    (
        "Time to stand the fleets up in the second region",
        region_fleet_stand_up,
        f"The DR page's start for tiers created from templates, assumed: {store_nodes_year_one} store nodes in "
        f"year one, {database_nodes_for_horizon} at the horizon, {connection_servers} connection servers, launched in "
        "parallel, so the hour holds at the horizon too, if the second region has the machines, which nothing "
        "reserves.",
    ),
    (
        "Warm-up once the fleets serve",
        region_warm_up,
        "The DR page's, for caches filling; chat's reconnect wave through admission control may take longer, "
        "to be measured in the drill below.",
    ),
    (
        "Time between timed restore drills",
        restore_drill_interval,
        "Assumed: two copies restored into a scratch region once a quarter, then the third raised under "
        f"replayed peak writes, as a failover does, each timed; the measured rate replaces the assumed "
        f"{restore_rate_per_server}.",
    ),
    (
        "Replicas the restore writes at once",
        restore_copies_at_once,
        "Chosen (step 1): sends ack on two zones. The new cluster's default zone says `num_replicas = 2`, no one-a-zone"
        " constraint; the backed-up configs return, rewritten to the new zones (step 1), and raise the third.",
    ),
    (
        "Margin on the seq range a restore skips",
        lost_seq_margin,
        "Assumed: room for add and remove notices on top of the messages, and for a copy that ran late.",
    ),
    (
        "Share of deletion-list writes to the copy region failing that pages",
        deletion_list_error_page_share,
        "Assumed: delete-for-everyone and account deletion fail while it lasts; a blip is retried by clients.",
    ),
    ("... for at least", deletion_list_error_page_window, "Assumed: as for token refresh errors."),
    (
        "Added wait for a deletion, written to the copy region first",
        deletion_list_write_latency,
        "One cross-region round trip, at most the reference's across an ocean (step 4).",
    ),
]

FIGURES = [
    ("Sockets an identity outage at the peak would close, with no grace", identity_outage_sockets_closed_peak),
    ("... all closed within, from the outage's start", identity_outage_all_closed_without_grace),
    (
        f"... with the {identity_refresh_outage_grace} grace: none closed before it, all within",
        identity_outage_all_closed_with_grace,
    ),
    ("Deny-list entries kept: token lifetime, clock skew and the grace", deny_list_keep),
    ("Connections per server at the peak, every zone up (the fleet's mean)", connections_per_server_mean_peak),
    (
        f"... {connections_alert_over_mean} that, where the per-server alert opens a ticket",
        connections_per_server_alert_peak,
    ),
    ("Most data lost if the region is lost (RPO): the interval plus the copy", region_loss_rpo),
    ("Failover a person decides: detection, decision, cut-over (DR concept page)", region_failover_decision),
    ("Store bytes to restore, every copy: year one", store_bytes_year_one),
    ("... the five-year horizon", store_bytes_horizon),
    (
        f"One copy a node at {restore_rate_per_server}: year one, on {store_nodes_year_one} nodes",
        restore_one_copy_bytes_per_node_year_one,
    ),
    ("... restored in", region_restore_one_copy_year_one),
    (f"... the horizon, on {database_nodes_for_horizon} nodes", restore_one_copy_bytes_per_node_horizon),
    ("... restored in", region_restore_one_copy_horizon),
    ("... two copies at once: year one", region_restore_quorum_year_one),
    ("... the horizon", region_restore_quorum_horizon),
    (
        "Time to serve again (RTO): decision, stand-up, two copies and warm-up, year one",
        region_loss_rto_year_one,
    ),
    ("... the horizon's, the target", region_loss_rto),
    ("Store nodes a pilot light keeps in the second region: year one", pilot_light_store_nodes_year_one),
    ("... the horizon", pilot_light_store_nodes_horizon),
    ("Store nodes a warm standby keeps there at the horizon", warm_standby_store_nodes_horizon),
    ("Pilot light: rows to catch up from the live copy, at most", pilot_catch_up_bytes),
    ("... sent by its nodes in", pilot_catch_up),
    ("RTO with a pilot light: decision, stand-up, one copy restored, catch-up, warm-up", region_loss_rto_pilot_light),
    ("RTO with a warm standby: decision, its scale-up and warm-up (DR concept page)", region_loss_rto_warm_standby),
]

if __name__ != "chat_operations":
    print(markdown_table(("Assumption", "Value", "Why"), TABLE))
    print()
    print(markdown_table(("Figure", "Value"), FIGURES))
