"""Twitter worked example, step 7: the region lost and restored in the second region. The stores' own
restore time, the recovery it is part of, and the daily snapshot of one timeline-cache copy that brings
the home timeline back with the stores instead of a rebuild's hours after them.

The stores: each wide-column server writes its own bytes from the snapshot's files at the restore rate the
multi-region page assumes, every server at once; a MySQL shard holds far less. The page counts the same
restore inside the whole recovery (concept_dr_options): detection, a person's decision, the tiers started
from templates, the restore, the mirrored log's replay and the caches' warm-up.

The timeline snapshot: once a day each server of one zone's copy sends its key ranges to the second
region's object store, in chunks between requests as a resync sends them, one server at a time at the
resync rate, without the change stream (the replay below makes up what changed meanwhile), without
touching (no timeline's expiry moves), and only the entries younger than the age a command keeps. At a
restore every copy's servers read their shards at the restore rate, all at once, inside the stores'
restore. The fan-out then replays the mirrored log from the snapshot's start: at worst the attempts of a
snapshot interval and a dump at pure push's average rate, on the fan-out's spare at peak
(twitter_reliability's drain rate) and over the day's average load.

Erasure: a snapshot is deleted once the next is complete, and at the latest once the mirrored log no
longer holds its start (it could not be brought up to date); its entries' age and its own must stay
inside the legal deadline's shortest month. The bill: each snapshot crosses once, at the multi-region
page's inter-region price a GB (2^30 bytes), and at most two are kept there, at S3 Standard's bulk price.
"""

from concept_dr_assumptions import INTER_REGION_PRICE_PER_GB, restore_rate_per_server
from concept_dr_costs import monthly_bill
from concept_dr_options import rto_backup_log
from concept_life_assumptions import STANDARD_PRICE_BULK, gdpr_answer_within
from reference_capacity import relational_shard_bytes
from twitter_assumptions import event_log_retention_days, resync_bytes_per_second, timeline_cache_copies
from twitter_cache import timeline_cache_bytes
from twitter_fanout import fanout_fleet_capacity
from twitter_read_path import timeline_entry_age_limit
from twitter_reliability import fanout_drain_rate, timeline_cache_spare, timeline_servers_per_zone
from twitter_servers import database_bytes_per_server
from twitter_traffic import deliveries_per_second

from sdw.estimation import SECONDS_PER_DAY, GiB, count, duration, markdown_table, size, throughput

# The stores, and the recovery around them.
store_restore_time = duration(database_bytes_per_server / restore_rate_per_server)
relational_shard_restore_time = duration(relational_shard_bytes / restore_rate_per_server)
assert relational_shard_restore_time < store_restore_time
region_loss_rto = duration(rto_backup_log)

# The timeline snapshot: one copy, its memory an upper bound on what it holds.
timeline_snapshot_interval = duration(SECONDS_PER_DAY)
timeline_snapshot_bytes = size(timeline_cache_bytes / timeline_cache_copies)
timeline_snapshot_bytes_per_server = size(timeline_snapshot_bytes / timeline_servers_per_zone)
timeline_snapshot_dump_per_server = duration(timeline_snapshot_bytes_per_server / resync_bytes_per_second)
timeline_snapshot_dump_time = duration(timeline_snapshot_dump_per_server * timeline_servers_per_zone)
timeline_snapshot_load_time = duration(timeline_snapshot_bytes_per_server / restore_rate_per_server)
assert timeline_snapshot_dump_time < timeline_snapshot_interval
assert timeline_snapshot_load_time < store_restore_time
# Its age at a loss, normally at most (the next one about to complete), and the catch-up from its start.
timeline_snapshot_age_most = duration(timeline_snapshot_interval + timeline_snapshot_dump_time)
replay_attempts_most = count(deliveries_per_second * timeline_snapshot_age_most)
# Over the day's average load: the workers' spare, or the cache's (its spare at peak, a lower bound), the smaller.
replay_spare_average = throughput(min(fanout_fleet_capacity - deliveries_per_second, timeline_cache_spare))
replay_time_peak = duration(replay_attempts_most / fanout_drain_rate)
replay_time_average = duration(replay_attempts_most / replay_spare_average)
# Erasure: a snapshot's entries are at most timeline_entry_age_limit old when written.
timeline_snapshot_age_limit = duration(event_log_retention_days * SECONDS_PER_DAY)
assert timeline_snapshot_age_most < timeline_snapshot_age_limit
timeline_snapshot_erasure_bound = duration(timeline_entry_age_limit + timeline_snapshot_age_most)
timeline_snapshot_erasure_bound_most = duration(timeline_entry_age_limit + timeline_snapshot_age_limit)
assert timeline_snapshot_erasure_bound_most < gdpr_answer_within
# The bill, US dollars a month.
timeline_snapshot_transfer_bill = count(monthly_bill(timeline_snapshot_bytes / timeline_snapshot_interval))
timeline_snapshot_storage_bill = count(2 * timeline_snapshot_bytes / GiB * STANDARD_PRICE_BULK)
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
                ("Detection, decision, tiers, restore, log replay, warm-up", region_loss_rto),
                ("Timeline snapshot: one copy, at most", timeline_snapshot_bytes),
                ("... a server's share", timeline_snapshot_bytes_per_server),
                ("... sent by one server at the resync rate", timeline_snapshot_dump_per_server),
                ("... the copy, a server at a time", timeline_snapshot_dump_time),
                ("... loaded at a restore, every server at once", timeline_snapshot_load_time),
                ("Its age at a loss, normally at most", timeline_snapshot_age_most),
                ("... deleted by this age, at the latest (the log's retention)", timeline_snapshot_age_limit),
                ("Its entries' age with its own, normally at most", timeline_snapshot_erasure_bound),
                ("... with the latest deletion", timeline_snapshot_erasure_bound_most),
                ("Delivery attempts to replay from its start, at most", replay_attempts_most),
                ("... on the fan-out's spare at peak", replay_time_peak),
                ("... on its spare over the day's average load", replay_time_average),
                (f"Transfer, dollars a month at {INTER_REGION_PRICE_PER_GB} a GB", timeline_snapshot_transfer_bill),
                (f"Two kept, dollars a month at {STANDARD_PRICE_BULK} a GB-month", timeline_snapshot_storage_bill),
                ("... both, dollars a month", timeline_snapshot_bill),
            ],
        )
    )
