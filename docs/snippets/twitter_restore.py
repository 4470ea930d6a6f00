"""Twitter worked example, step 7: the region lost and restored in the second region. The stores' own
restore time, the recovery it is part of, and the daily snapshot of one timeline-cache copy that brings
the home timeline back with the stores instead of a rebuild's hours after them.

The stores: the multi-region page's restore of the same servers (concept_dr_options), each wide-column
server writing its own bytes from the snapshot's files, every server at once; a MySQL shard holds far
less. The page counts that restore inside the whole recovery: detection, a person's decision, the tiers
started from templates, the restore, the mirrored log's replay and the caches' warm-up.

The timeline snapshot: once a day each server of one zone's copy sends its key ranges to the second
region's object store, in chunks between requests as a resync sends them, one server at a time at the
resync rate, without the change stream (the replay below makes up what changed meanwhile), without
touching (no timeline's expiry moves), and only the entries younger than the age a command keeps. As it
starts, the dump records the fan-out consumer group's committed offsets, as the mirror translates them
(at or before the group's position). At a restore every copy's servers read their shards at the restore
rate, all at once, inside the stores' restore, and the group is reset on the mirror to the recorded
offsets: every event the fan-out had not applied when a server was read is replayed, however far behind
it was, and one applied twice changes nothing. First the follow changes, once the stores have replayed
the log and before any call is admitted: at most two store reads each (the followee's stats row and
tweet list, as step 2 counts a follow's), on the whole restored store at the cold read rate, a time every
call then waits. Then the tweets, on the fan-out's spare while new tweets go first: the window's attempts
at pure push's average rate over the day's average load (and, were every hour the busy hour, on its
spare), and at step 6's followee skew, which leaves no spare at the busy hour, so that replay runs in the
hours around it, at the spare over the day's average load. Each replayed tweet reads its author's stats
row and at least one page of followers.

Declaring the disaster first stops MirrorMaker 2's connectors from the lost region (their topic-config sync
would set the retention back), then freezes the mirrored topics' retention, and before the reset the restore
checks each recorded offset against its partition's log start offset, running the rebuild job
(twitter_reliability) instead if one is gone. A snapshot's age counts from the oldest event at its
recorded offsets (a fan-out lag as the dump starts ages it at once). The oldest used leaves, below the
log's retention, the whole recovery (covering a freeze that comes late) and a segment's span: the
retention less those. The retention goes back to its days once the group, reset, has read past the recorded
offsets, at the latest as the calls are admitted: the log then holds an event at most its erasure bound and
the recovery. So a snapshot is deleted once the next is complete, and at that age at the latest;
its entries' age and its own must stay inside the legal deadline's shortest month. The bill is the
multi-region page's (concept_dr_costs), which counts the snapshot in what the second region costs: each
snapshot crosses once, at the inter-region price a GB (2^30 bytes), and at most two are kept there, at S3
Standard's bulk price.
"""

from concept_dr_assumptions import INTER_REGION_PRICE_PER_GB, restore_rate_per_server, timeline_snapshot_bytes
from concept_dr_costs import timeline_snapshot_storage_bill, timeline_snapshot_transfer_bill
from concept_dr_options import restore_store, rto_backup_log
from concept_life_assumptions import STANDARD_PRICE_BULK, gdpr_answer_within
from reference_capacity import relational_shard_bytes
from twitter_assumptions import (
    cache_ops_per_server,
    event_log_erasure_bound,
    event_log_retention_days,
    event_log_segment_days,
    resync_bytes_per_second,
)
from twitter_cache import timeline_ops_per_follow_change
from twitter_fanout import fanout_fleet_capacity
from twitter_read_path import (
    followee_skew_attempts_over_pure_push,
    followee_skew_deliveries_per_second_peak,
    timeline_entry_age_limit,
)
from twitter_reliability import (
    fanout_drain_rate,
    restore_store_cold_reads_per_second,
    restore_timeline_rebuild_reads,
    timeline_cache_spare,
    timeline_servers_per_zone,
)
from twitter_servers import database_bytes_per_server
from twitter_traffic import (
    deliveries_per_second,
    deliveries_per_second_peak,
    follow_changes_per_second,
    tweets_per_second,
)

from sdw.estimation import SECONDS_PER_DAY, count, duration, fraction, markdown_table, size, throughput

# The stores: the multi-region page's own figures for the same servers.
store_restore_time = duration(restore_store)
relational_shard_restore_time = duration(relational_shard_bytes / restore_rate_per_server)
assert relational_shard_restore_time < store_restore_time

# The timeline snapshot: one copy (twitter_cache's memory over its copies, an upper bound on what it holds),
# which the multi-region page takes as what the second region receives daily.
timeline_snapshot_interval = duration(SECONDS_PER_DAY)
timeline_snapshot_bytes_per_server = size(timeline_snapshot_bytes / timeline_servers_per_zone)
timeline_snapshot_dump_per_server = duration(timeline_snapshot_bytes_per_server / resync_bytes_per_second)
timeline_snapshot_dump_time = duration(timeline_snapshot_dump_per_server * timeline_servers_per_zone)
timeline_snapshot_load_time = duration(timeline_snapshot_bytes_per_server / restore_rate_per_server)
assert timeline_snapshot_dump_time < timeline_snapshot_interval
assert timeline_snapshot_load_time < store_restore_time
# Its age at a loss, normally at most (the next one about to complete): the window the replay covers.
timeline_snapshot_age_most = duration(timeline_snapshot_interval + timeline_snapshot_dump_time)
# The oldest one used, its age counted from the oldest event at its recorded offsets: the log's retention
# less the whole recovery (an upper bound: the follow changes' replay at the full retention's age) and a
# segment's span, so the recorded offsets are still held at the reset even were the freeze late. Deleted then.
event_log_retention = duration(event_log_retention_days * SECONDS_PER_DAY)
event_log_segment_span = duration(event_log_segment_days * SECONDS_PER_DAY)
follow_replay_time_retention = duration(
    2 * follow_changes_per_second * event_log_retention / restore_store_cold_reads_per_second
)
region_loss_rto_retention = duration(rto_backup_log + follow_replay_time_retention)
timeline_snapshot_age_limit = duration(event_log_retention - region_loss_rto_retention - event_log_segment_span)
assert timeline_snapshot_age_most < timeline_snapshot_age_limit
# The freeze lasts from the declaration until the group has read past the recorded offsets, at the latest as
# the calls are admitted, so inside the recovery's bound: what the mirror keeps an event for, at most, then.
event_log_erasure_bound_disaster = duration(event_log_erasure_bound + region_loss_rto_retention)
assert event_log_erasure_bound_disaster < gdpr_answer_within

# First the window's follow changes, once the stores have replayed the log and before any call is admitted:
# two store reads each at most, on the whole restored store at the cold read rate, which a timeline-cache
# copy's servers, idle until the calls are admitted, easily take (each change is a few operations on each
# copy). Every call waits for it, so it adds to the recovery time.
follow_replay_changes = count(follow_changes_per_second * timeline_snapshot_age_most)
follow_replay_reads = count(2 * follow_replay_changes)
follow_replay_time = duration(follow_replay_reads / restore_store_cold_reads_per_second)
region_loss_rto = duration(rto_backup_log + follow_replay_time)
# The same for the oldest snapshot used.
follow_replay_changes_oldest = count(follow_changes_per_second * timeline_snapshot_age_limit)
follow_replay_reads_oldest = count(2 * follow_replay_changes_oldest)
follow_replay_time_oldest = duration(follow_replay_reads_oldest / restore_store_cold_reads_per_second)
assert (
    follow_replay_changes_oldest / follow_replay_time_oldest * timeline_ops_per_follow_change
    < timeline_servers_per_zone * cache_ops_per_server
)
region_loss_rto_oldest = duration(rto_backup_log + follow_replay_time_oldest)

# Then the tweets, at pure push's average rate per follow edge (the hybrid sends fewer).
replay_attempts = count(deliveries_per_second * timeline_snapshot_age_most)
# Over the day's average load: the workers' spare, or the cache's (its spare at peak, a lower bound), the smaller.
replay_spare_average = throughput(min(fanout_fleet_capacity - deliveries_per_second, timeline_cache_spare))
replay_time_average = duration(replay_attempts / replay_spare_average)
# Were every hour the busy hour, on the fan-out's spare then.
replay_time_peak = duration(replay_attempts / fanout_drain_rate)
# At step 6's followee skew: more attempts, and none spare at the busy hour, whose live fan-out alone
# exceeds the fleet, so the replay runs in the hours around it, on the spare over the day's average load
# (the skewed average stays below pure push's peak, so the cache's spare at that peak is still a lower bound).
replay_attempts_skew = count(replay_attempts * followee_skew_attempts_over_pure_push)
assert followee_skew_deliveries_per_second_peak > fanout_fleet_capacity
assert deliveries_per_second * followee_skew_attempts_over_pure_push < deliveries_per_second_peak
replay_spare_skew = throughput(
    min(fanout_fleet_capacity - deliveries_per_second * followee_skew_attempts_over_pure_push, timeline_cache_spare)
)
replay_time_skew = duration(replay_attempts_skew / replay_spare_skew)
# The oldest snapshot's tweets, at the average posting rate, on the spare over the day's average load.
replay_attempts_oldest = count(deliveries_per_second * timeline_snapshot_age_limit)
replay_time_oldest = duration(replay_attempts_oldest / replay_spare_average)
# The store reads the replay adds, against the rebuild job's: a stats row and at least one follower page
# a tweet, and the follow changes' reads.
replay_tweets = count(tweets_per_second * timeline_snapshot_age_most)
replay_store_reads = count(2 * replay_tweets + follow_replay_reads)
replay_store_reads_job_share = fraction(replay_store_reads / restore_timeline_rebuild_reads)

# Erasure: a snapshot's entries are at most timeline_entry_age_limit old when written.
timeline_snapshot_erasure_bound = duration(timeline_entry_age_limit + timeline_snapshot_age_most)
timeline_snapshot_erasure_bound_most = duration(timeline_entry_age_limit + timeline_snapshot_age_limit)
assert timeline_snapshot_erasure_bound_most < gdpr_answer_within
# The bill, US dollars a month: sending a copy a day and keeping two (concept_dr_costs).
timeline_snapshot_bill = count(timeline_snapshot_transfer_bill + timeline_snapshot_storage_bill)

if __name__ != "twitter_restore":
    print(
        markdown_table(
            ("Region restored", "Value"),
            [
                ("A wide-column server's bytes", database_bytes_per_server),
                ("... restored at", restore_rate_per_server),
                ("... in (every server at once)", store_restore_time),
                ("A MySQL shard, at most, restored in", relational_shard_restore_time),
                ("Timeline snapshot: one copy, at most", timeline_snapshot_bytes),
                ("... a server's share", timeline_snapshot_bytes_per_server),
                ("... sent by one server at the resync rate", timeline_snapshot_dump_per_server),
                ("... the copy, a server at a time", timeline_snapshot_dump_time),
                ("... loaded at a restore, every server at once", timeline_snapshot_load_time),
                ("Its age at a loss, normally at most", timeline_snapshot_age_most),
                ("The mirrored log's retention", event_log_retention),
                ("... less the recovery's bound (the follow changes at that age)", region_loss_rto_retention),
                ("... and a segment's span", event_log_segment_span),
                ("... the oldest snapshot used; deleted then", timeline_snapshot_age_limit),
                ("An event in the mirror, frozen through a recovery, at most", event_log_erasure_bound_disaster),
                ("Follow changes to replay before any call is admitted", follow_replay_changes),
                ("... their store reads, at most", follow_replay_reads),
                ("... on the whole restored store, cold", follow_replay_time),
                ("Detection, decision, tiers, restore, log replay, warm-up, follow changes", region_loss_rto),
                ("Follow changes for the oldest snapshot", follow_replay_changes_oldest),
                ("... their store reads, at most", follow_replay_reads_oldest),
                ("... on the whole restored store, cold", follow_replay_time_oldest),
                ("... the recovery with them", region_loss_rto_oldest),
                ("Delivery attempts to replay, at the average posting rate", replay_attempts),
                ("... on the spare over the day's average load", replay_time_average),
                ("... were every hour the busy hour", replay_time_peak),
                ("... at step 6's followee skew", replay_attempts_skew),
                ("... on the spare over the day's average load (none at the busy hour)", replay_time_skew),
                ("... for the oldest snapshot, at the average posting rate", replay_attempts_oldest),
                ("... on the spare over the day's average load", replay_time_oldest),
                ("Store reads the replay adds", replay_store_reads),
                ("... share of the rebuild job's", replay_store_reads_job_share),
                ("Its entries' age with its own, normally at most", timeline_snapshot_erasure_bound),
                ("... with the latest deletion", timeline_snapshot_erasure_bound_most),
                (f"Transfer, dollars a month at {INTER_REGION_PRICE_PER_GB} a GB", timeline_snapshot_transfer_bill),
                (f"Two kept, dollars a month at {STANDARD_PRICE_BULK} a GB-month", timeline_snapshot_storage_bill),
                ("... both, dollars a month", timeline_snapshot_bill),
            ],
        )
    )
