"""Chat service worked example: the assumptions behind failures, limits and recovery, and what they give.

Step 2's assumptions (chat_assumptions) are what the estimates start from; these are the ones the later
steps add: the grace that carries an identity-service outage, the registry's failover, the coalescing
thresholds, the rate limits and size caps, the alert thresholds, and the backups and recovery targets.
Printed on step 7, where most of them are used.

An identity-service outage stops token refreshes. Without a grace, every socket would close within a token
lifetime and the skew of the outage's start: all the connections at the peak. With the grace, sockets stay
open up to the grace past their exp, so an outage shorter than the grace closes none, and a longer one
closes them over the token lifetime after the grace runs out.

The alert on one server's connections is a share over the fleet's mean at the moment: at the peak with
every zone up, a server holds its share of the peak, well under the plan, which is the load with a zone lost.
"""

import concept_push_assumptions
from chat_assumptions import store_write_latency_alert
from chat_connections import connection_servers, connections_peak
from concept_auth_assumptions import access_token_lifetime, clock_skew

from sdw.estimation import KB, MB, SECONDS_PER_DAY, count, duration, fraction, markdown_table, size, throughput, times

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
group_actions_per_user_per_day = count(50)
hello_timeout = duration(10)
# A presence latency alert's window: long, since presence is shed first and never pages.
presence_latency_alert_window = duration(30 * 60)
# FCM's rules for a quota step, beside fcm_quota_step and fcm_quota_step_use.
fcm_quota_step_use_window = duration(5 * 60)
fcm_quota_step_error_ratio = fraction(0.05)
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
backup_full_interval = duration(SECONDS_PER_DAY)
backup_incremental_interval = duration(3600)
region_loss_rpo = duration(3600)
region_loss_rto = duration(4 * 3600)

# What they give.
identity_outage_sockets_closed_peak = count(connections_peak)
identity_outage_all_closed_without_grace = duration(access_token_lifetime + clock_skew)
identity_outage_all_closed_with_grace = duration(identity_refresh_outage_grace + access_token_lifetime)
connections_per_server_mean_peak = count(connections_peak / connection_servers)
connections_per_server_alert_peak = count(connections_per_server_mean_peak * connections_alert_over_mean)

TABLE = [
    (
        "Grace past a token's expiry while the identity service's refresh is failing",
        identity_refresh_outage_grace,
        "Assumed: long enough to roll back a bad deploy of the identity service, short enough to bound what a "
        "stolen token is worth; revocations still reach the servers on the deny-list (step 3).",
    ),
    (
        "Share of token refreshes failing that pages",
        identity_refresh_error_page_share,
        "Assumed: every socket closes a grace after its token's expiry if refreshes stay down (above).",
    ),
    (
        "... for at least",
        identity_refresh_error_page_window,
        "Assumed: a blip of a few failed refreshes is retried by the clients and pages no one.",
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
        "Assumed, the write-latency alert's threshold: the store is past its comfortable rate, as with a zone "
        "lost at peak (above).",
    ),
    (
        "... and below which they shorten it again",
        coalescing_shorten_write_p99,
        "Assumed: twice a normal conditional write; the gap between the two keeps the servers from flapping.",
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
        "New groups and member adds per user a day",
        group_actions_per_user_per_day,
        "A product limit we choose: a person starts a few groups a year; a spammer needs hundreds a day.",
    ),
    (
        "Time a new socket has to send `hello`",
        hello_timeout,
        "Assumed: many mobile round trips, so a slow link makes it; an idle socket holds nothing for long.",
    ),
    (
        "Time presence latency must stay over its target before a ticket",
        presence_latency_alert_window,
        "Assumed: presence is the first thing shed under load, so a short breach is expected and "
        "only a lasting one is worth a look.",
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
        "Time between full backups",
        backup_full_interval,
        "Assumed: one a day, in the quiet hours, copied to a second region (step 4).",
    ),
    (
        "Time between incremental backups",
        backup_incremental_interval,
        "Assumed: each copied to the second region as it is taken; it sets the RPO below.",
    ),
    (
        "Most data lost if the region is lost (RPO)",
        region_loss_rpo,
        "Assumed: the hour since the last incremental backup, plus the minutes its copy takes (step 1).",
    ),
    (
        "Time to serve again from another region (RTO)",
        region_loss_rto,
        "Assumed: stand the tiers up in the second region and restore the store from its backups.",
    ),
]

FIGURES = [
    ("Sockets an identity outage at the peak would close, with no grace", identity_outage_sockets_closed_peak),
    ("... all closed within, from the outage's start", identity_outage_all_closed_without_grace),
    (
        f"... with the {identity_refresh_outage_grace} grace: none closed before it, all within",
        identity_outage_all_closed_with_grace,
    ),
    ("Connections per server at the peak, every zone up (the fleet's mean)", connections_per_server_mean_peak),
    (
        f"... {connections_alert_over_mean} that, where the per-server alert opens a ticket",
        connections_per_server_alert_peak,
    ),
]

if __name__ != "chat_operations":
    print(markdown_table(("Assumption", "Value", "Why"), TABLE))
    print()
    print(markdown_table(("Figure", "Value"), FIGURES))
