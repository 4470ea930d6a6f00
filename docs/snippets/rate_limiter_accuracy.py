"""Rate limiter worked example: how far each algorithm lets a client past its limit, and what
local batches and per-region counting add."""

import math

from rate_limiter_assumptions import (
    alternative_exchanger_lease,
    alternative_silent_intervals_before_split,
    anonymous_burst,
    anonymous_limit_per_minute,
    burst_allowance,
    challenge_cgnat_burst,
    challenge_cgnat_limit_per_minute,
    clock_offset_alert,
    cross_region_round_trip,
    etcd_election_timeout,
    etcd_revoke_check_period,
    exchanger_lease_intervals,
    failover_time,
    held_intervals_max,
    large_plan_burst_share,
    large_plan_limit_per_minute,
    largest_region_peak_share,
    limit_per_minute,
    region_sync_interval,
    regions,
    share_floor,
    silent_intervals_before_split,
    standby_probe_deadline,
    standby_repoint_failed_probes,
    token_batch,
    window_seconds,
)
from rate_limiter_state import region_delta_entry_bytes
from rate_limiter_traffic import exchange_names_per_second_peak

from sdw.estimation import count, duration, fraction, markdown_table, size, times, whole_up

refill_per_second = limit_per_minute / window_seconds  # tokens a second on the default plan

# The most a client can get through in any 60 seconds, and in the one second around a window edge.
token_bucket_max_per_window = count(burst_allowance + limit_per_minute)
token_bucket_max_per_second = count(math.floor(burst_allowance + refill_per_second))
fixed_window_max_per_window = count(2 * limit_per_minute)
fixed_window_max_per_second = count(2 * limit_per_minute)
sliding_log_max_per_window = count(limit_per_minute)
sliding_log_max_per_second = count(limit_per_minute)
# Sliding window counter: estimate = previous count x (1 - f) + current count, f the share of the
# current window gone. A client that sent its whole limit in the last instant of the previous
# window is allowed limit x f more by time f, while all of it is still inside the true last minute.
example_elapsed_share = fraction(0.5)
sliding_counter_over_at_half = count(limit_per_minute * example_elapsed_share)
sliding_counter_at_half_per_window = count(limit_per_minute * (1 + example_elapsed_share))
# As f nears 1 the true last minute still holds the bunch: the bound nears twice the limit, reached
# slowly over a minute, not in a burst.
sliding_counter_max_per_window = count(2 * limit_per_minute)
sliding_counter_max_per_second = count(math.floor(limit_per_minute * (1 + 1 / window_seconds)))
# The same bunching the other way (all of last window's requests in its first instant) makes the
# estimate count requests that already left the window: the client is refused early.
sliding_counter_under_at_half = count(limit_per_minute * example_elapsed_share)

token_bucket_overshoot = times(token_bucket_max_per_window / limit_per_minute)
fixed_window_overshoot = times(fixed_window_max_per_window / limit_per_minute)
sliding_counter_overshoot_at_half = times(sliding_counter_at_half_per_window / limit_per_minute)
sliding_counter_overshoot = times(sliding_counter_max_per_window / limit_per_minute)

# What a refused client waits for: until enough tokens are back for the request's cost, in whole
# seconds. A one-token request on a bucket at or above zero waits for its next token, this long:
seconds_per_token = duration(1 / refill_per_second)
retry_after_seconds = count(math.ceil(1 / refill_per_second))

# Clocks (step 6): the script reads the shard's clock. The alert watches each node alone, so a primary
# and its replica can sit just under it on opposite sides, twice its offset apart: a failover between
# them hands each bucket that long's refill, at most. A clock stepped forward by more refills each bucket up
# to its burst, once: one in debt gets back a burst plus its debt at most (failover_forgiven_at_most). A step
# past a key's time to live also expires the key, its unread delta unreported (failover_unreported_at_most).
clock_offset_pair_max = duration(2 * clock_offset_alert)
clock_offset_tokens_default = count(clock_offset_pair_max * refill_per_second)
clock_offset_tokens_large = count(clock_offset_pair_max * large_plan_limit_per_minute / window_seconds)

# Local batches (sized in rate_limiter_servers.py, which knows the gateway count): a gateway takes
# token_batch tokens in one store call and spends them locally, so store calls fall by token_batch.
batching_store_ops_share = fraction(1 / token_batch)

# Per-region counting: each region enforces the limit on what it has seen, and learns the other
# regions' counts every sync interval. A client sending to every region at once can overspend in
# each of the others by what it can spend there in one interval: a full burst plus the refill.
# Reports are taken as one interval late. Transit (one way, about half the cross-region round trip) and
# the exchanger's WAIT (normally one in-region round trip) add about 0.1 s more, at most about 0.175 s at the
# WAIT timeout: on the default plan under a token, lost in the rounding up; on a large plan up to about
# 175 tokens a region, under 2% of its debt. Left out of the bounds.


def overshoot_between_regions(burst: float, tokens_per_second: float, delay: float = region_sync_interval) -> int:
    """The most a client spraying every region can spend beyond a bucket of this burst and rate, when
    each region's spending reaches the others at most `delay` seconds later."""
    return math.ceil((regions - 1) * (burst + tokens_per_second * delay))


multi_region_overshoot = count(overshoot_between_regions(burst_allowance, refill_per_second))
multi_region_overshoot_share = fraction(multi_region_overshoot / limit_per_minute)
# Over any 60 s that one-time extra sits on top of the bucket's own bound (the debt it leaves is
# kept, so it does not recur): the limit, a burst, and the extra.
multi_region_max_per_window = count(token_bucket_max_per_window + multi_region_overshoot)
multi_region_window_overshoot = times(multi_region_max_per_window / limit_per_minute)
# A sliding window counter rule would do far worse: reports are added to the current window's
# count, and that count fades as the next window advances, so the overspend is not taken back. A
# client that fills every region's fresh counter at the end of one window (the reports land in the
# same window) and again at the end of the next gets each region's own 2x: regions x 2 x the limit
# in about 60 s. (A simulation of 3 regions and a 1 s exchange reached 570 in 59.5 s.)
counter_multi_region_max_per_window = count(regions * sliding_counter_max_per_window)
counter_multi_region_overshoot = times(counter_multi_region_max_per_window / limit_per_minute)
# What the others report is subtracted from each region's bucket, so after such a spray each bucket
# is that far below zero, and takes this long to refill to a full burst: the key must live that long
# (its expiry set from the new level when a report is applied), or an expired key would read as a
# full bucket and forgive the debt.
token_bucket_ttl_in_debt = duration((burst_allowance + multi_region_overshoot) / refill_per_second)
# A request refused by a bucket that far in debt waits for the debt and its own token: the longest
# Retry-After a one-token request gets on the default plan while reports arrive on time (45 x 0.6 s is
# 27 s; whole_up, defensively, keeps float noise from ever adding a second); a late report's debt makes
# it longer, below. A request that costs more waits its cost x seconds_per_token.
retry_after_in_debt_seconds = count(whole_up((multi_region_overshoot + 1) / refill_per_second))
# The exchanger sends a shard's counts once the shard's replica confirms their delete (WAIT, step 6),
# or at once when the shard has no replica. Counts the replica has not confirmed are held, at most
# held_intervals_max intervals, then dropped. While counts are held, spending reaches the other
# regions up to (1 + held_intervals_max) intervals late instead of one, so the bounds above widen by a
# second's refill in each other region for each interval held:
held_report_delay = duration(region_sync_interval * (1 + held_intervals_max))
held_multi_region_overshoot = count(overshoot_between_regions(burst_allowance, refill_per_second, held_report_delay))
held_multi_region_max_per_window = count(token_bucket_max_per_window + held_multi_region_overshoot)
held_multi_region_window_overshoot = times(held_multi_region_max_per_window / limit_per_minute)
held_token_bucket_ttl_in_debt = duration((burst_allowance + held_multi_region_overshoot) / refill_per_second)
held_retry_after_in_debt_seconds = count(whole_up((held_multi_region_overshoot + 1) / refill_per_second))
# A failover loses what the replica had not yet received (replication is asynchronous): the promoted
# replica gives back at most a burst plus the largest debt (failover_forgiven_at_most, below). And the
# delta counts written since the exchanger's last read are gone with the old primary, with the counts it
# read but held unconfirmed (at most held_intervals_max reads, dropped at a failover, step 6): never
# reported, so the other regions forgive them too; none is reported twice. That is the region's spending
# since the last confirmed read, at most 1 + held_intervals_max intervals: a burst and that long's refill.
# The same bound holds for the counts dropped when the hold reaches its cap, and for what an exchanger
# loses when it restarts (its held counts; the gateways send the names again).
failover_unreported_at_most = count(math.ceil(burst_allowance + refill_per_second * held_report_delay))
# A replica that dies (alone, or with its zone) is marked failed only after the node timeout; until
# then the shard still lists a replica that could be promoted, so its counts are held and, past the
# cap, dropped. Counts go out at once again once the replica is marked failed: its keys are held to
# each region's share from the first drop until then. (A new replica in its first sync is different:
# the cluster reports it loading and will not elect it, so counts go out at once, step 6.)
# At least: the replica is marked failed a second or two after the timeout (gossip), never before.
replica_loss_drop_window = duration(failover_time - held_intervals_max * region_sync_interval)
# The exchanger is a leased active/standby pair (step 6). When the active dies right after a batch, its
# lease runs out exchanger_lease_intervals later (it renews with each batch), etcd revokes it at its next
# check, and the standby sends its first batch an interval after it wins. At worst the zone lost also
# held etcd's leader: the followers campaign after up to 2 election timeouts, and the new leader
# refreshes every lease, the dead holder's too, to the promotion time plus one election timeout plus
# its whole TTL (lessor.Promote; checkpointing, off by default, would keep the remaining TTL instead).
# That refresh starts from the promotion, not from the holder's last renewal, so the zone can die up
# to an interval after the last batch (just before the next) and every second of that adds to the
# silence: interval + election + extension + lease + revoke check + first batch. Spending just after
# the last batch reaches the other regions this late, and the bounds widen as while counts are held.
# The takeover must stay shorter than the silence that makes the others (and the region's own gateways)
# count the region cut. No time for noticing a lost etcd node is added: each exchanger's client is given
# its own zone's endpoint only (since etcd 3.4 clientv3 balances over every endpoint it is given, so a
# list's order would pin nothing); that node shares the exchanger's zone, so losing the zone takes both,
# and with its probes each interval (step 6) a standby in a surviving zone never waits on the lost
# node. (That node lost alone: an active on it loses its lease; a standby on it re-points, below.)
exchanger_lease = duration(exchanger_lease_intervals * region_sync_interval)
etcd_leader_election_at_most = duration(2 * etcd_election_timeout)


def takeover_report_delay(lease: float) -> float:
    """Last batch to the standby's first, at worst: the interval before the loss, etcd's election and
    Promote's extension, the lease, the revoke check, then one interval to the first batch."""
    return (
        region_sync_interval
        + etcd_leader_election_at_most
        + etcd_election_timeout
        + lease
        + etcd_revoke_check_period
        + region_sync_interval
    )


exchanger_takeover_without_etcd_election = duration(exchanger_lease + etcd_revoke_check_period + region_sync_interval)
exchanger_takeover_report_delay = duration(takeover_report_delay(exchanger_lease))
region_cut_split_after = duration(silent_intervals_before_split * region_sync_interval)
assert exchanger_takeover_report_delay < region_cut_split_after, "a takeover must not look like a cut"
exchanger_takeover_cut_margin = duration(region_cut_split_after - exchanger_takeover_report_delay)
# The alternative (step 6): the cut at 8 silent intervals and a 2 s lease. The takeover shortens by the
# lease's second, and the margin left over it:
alternative_region_cut_split_after = duration(alternative_silent_intervals_before_split * region_sync_interval)
alternative_takeover_report_delay = duration(takeover_report_delay(alternative_exchanger_lease))
alternative_takeover_cut_margin = duration(alternative_region_cut_split_after - alternative_takeover_report_delay)
# A standby whose own etcd node dies alone (its zone otherwise up) re-points its client to a named node
# in another zone after standby_repoint_failed_probes failed probes in a row (step 6); the active keeps its own zone's
# node. Re-pointing is off the takeover's path unless the active dies meanwhile. At worst the standby's
# node dies just before the dead active's lease is revoked: the standby learns of the revocation only
# once re-pointed, so the takeover without an etcd election is late by the re-pointing (a connection's
# setup, milliseconds, aside). Still within the margin before a cut. (Had that node led etcd, the
# election and lease refresh add as in the worst takeover, and so late in a takeover can pass the margin.)
# The standby probes its own node once a sync interval, each probe given standby_probe_deadline; the node
# dies just after a probe it answered, so the last failure is known that many intervals and one deadline later.
standby_repoint_after = duration(standby_repoint_failed_probes * region_sync_interval + standby_probe_deadline)
standby_repoint_takeover_report_delay = duration(exchanger_takeover_without_etcd_election + standby_repoint_after)
assert standby_repoint_takeover_report_delay < region_cut_split_after, "a re-pointing standby must not look like a cut"
# A node cut off from its peers but not from the standby answers both probes itself, so a probe also
# fails when Status reports no leader (leader 0). An ordinary election shows no leader for up to the worst
# election, so those failures count only once they span more than it: the fewest probes, one a sync
# interval, whose span (one interval fewer than the probes) exceeds the worst election. Plain failures (no
# answer within the deadline) keep standby_repoint_failed_probes.
standby_repoint_leaderless_probes = count(math.floor(etcd_leader_election_at_most / region_sync_interval) + 2)
standby_repoint_leaderless_span = duration((standby_repoint_leaderless_probes - 1) * region_sync_interval)
assert standby_repoint_leaderless_span > etcd_leader_election_at_most, "an ordinary election must move nobody"
# At worst the node is cut off just after a probe it answered with a leader; it clears its leader when it
# campaigns, up to the worst election later; the first probe to see no leader comes up to an interval after
# that, and the last one an interval for each further probe: the worst election plus an interval a probe.
# Each is answered at once, by the node itself, so no deadline is added.
standby_repoint_after_leaderless = duration(
    etcd_leader_election_at_most + standby_repoint_leaderless_probes * region_sync_interval
)
# An active lost meanwhile (a double failure, the standby's node cut off just before the dead active's
# lease is revoked): the standby hears of the revoke only once re-pointed, which can pass the cut's silence,
# when the cut's bounds apply.
standby_repoint_leaderless_takeover_report_delay = duration(
    exchanger_takeover_without_etcd_election + standby_repoint_after_leaderless
)
standby_repoint_leaderless_past_cut = duration(
    standby_repoint_leaderless_takeover_report_delay - region_cut_split_after
)
# Any takeover that ends before the cut's silence is still a takeover, not a cut: the computed worst above
# leaves out delays (a split vote, a pause, raft's round trips) that can use the margin. So a takeover's
# bound is set by the cut's silence: spending just after the last batch reaches the other regions up to
# that long after it. Gateways keep shared keys' names for as long.
takeover_report_delay_bound = duration(region_cut_split_after)
# A shared key's delta must last until it is read: at the next read, or a new holder's first, up to that
# bound after the last. Expiring with its bucket (full again 0.6 s after one default-plan token) it would be
# gone first, the spending never reported. So the check sets the delta's own expiry, this long, on each
# write; the read deletes it sooner. At most one delta for each shared check in that time, in the busiest region:
delta_ttl = duration(takeover_report_delay_bound + region_sync_interval)
assert delta_ttl >= region_cut_split_after + region_sync_interval, "a delta must outlive any takeover's silence"
delta_memory_at_most = size(
    exchange_names_per_second_peak * largest_region_peak_share * delta_ttl * region_delta_entry_bytes
)
# The largest delay the design accepts, so the largest debt: the taken-over region's buckets get the
# others' batches that late too (kept for its new holder). Every "at most" of a debt is this one's.
assert takeover_report_delay_bound >= held_report_delay
takeover_multi_region_overshoot = count(
    overshoot_between_regions(burst_allowance, refill_per_second, takeover_report_delay_bound)
)
exchanger_takeover_max_per_window = count(token_bucket_max_per_window + takeover_multi_region_overshoot)
takeover_token_bucket_ttl_in_debt = duration((burst_allowance + takeover_multi_region_overshoot) / refill_per_second)
takeover_retry_after_in_debt_seconds = count(whole_up((takeover_multi_region_overshoot + 1) / refill_per_second))
# A failover's promoted replica gives a client back at most a burst plus that debt.
failover_forgiven_at_most = count(burst_allowance + takeover_multi_region_overshoot)
# A region whose exchanger cannot reach some of its gateways still applies every other region's reports to
# its buckets, so they bound a sprayer's whole spending as any region's do: while one region is in that state
# the bound is unchanged, though the others never learn of what those gateways served. A fault that reaches
# several regions' gateways at once (a rule deployed to every region) lets each such region spend its own
# bucket's bound unseen by the other such regions; the rest add what one interval allows in each.


def unheard_max_per_window(regions_hit: int) -> int:
    """The most a client spraying every region gets in any 60 s while this many regions' exchangers hear
    none of the gateways it uses there."""
    lagging = (regions - regions_hit) * (burst_allowance + refill_per_second * region_sync_interval)
    return regions_hit * token_bucket_max_per_window + math.ceil(lagging)


assert unheard_max_per_window(1) == multi_region_max_per_window
unheard_two_regions_max_per_window = count(unheard_max_per_window(2))
unheard_every_region_max_per_window = count(unheard_max_per_window(regions))
# Each IPv6 prefix length is counted apart: a /48 holds this many /56s, each with its own allowance
# if nothing counts the /48 (step 1).
slash56_per_slash48 = count(2 ** (56 - 48))
# A residential ISP that hands each home a /56 (RIPE-690's advice), a /60 or a /64 puts this many
# homes in one /48: all of them would share one count of the /48.
slash60_per_slash48 = count(2 ** (60 - 48))
slash64_per_slash48 = count(2 ** (64 - 48))
# The same arithmetic one level down: an ISP that hands each home a /60 or a /64 puts this many homes
# in one /56, so the /56 is counted only where homes get a /56 or more (step 1). Where only the /64
# is counted, a home with a /60 gets one allowance per /64 it holds, and one with a /56, in a range
# whose assignment size is not recorded, gets one per /64 of its /56.
slash60_per_slash56 = count(2 ** (60 - 56))
slash64_per_slash56 = count(2 ** (64 - 56))
slash64_per_slash60 = count(2 ** (64 - 60))
# A key becomes shared at home only when the first report from another region arrives, about one
# interval after its first check there. What home allowed in that interval was never recorded as a
# delta, so the other regions never subtract it: forgiven when the key becomes shared, at most a full
# burst plus one interval's refill. The mark is a key of its own that lives for shared_mark_ttl after
# the last check away from home or the last report applied, so this comes back only for a key that
# stayed home that long.
first_share_forgiven = count(math.ceil(burst_allowance + refill_per_second * region_sync_interval))
# The same on a large-plan key (the smallest one would split over shards, rate_limiter_servers.py), whose
# burst is large_plan_burst_share of its minute: what a split's new tags would forgive without a mark.
large_plan_first_share_forgiven = count(
    math.ceil(
        large_plan_limit_per_minute * large_plan_burst_share
        + large_plan_limit_per_minute / window_seconds * region_sync_interval
    )
)
# Regions cut apart: each counts alone, so a client using every region gets the rate of a whole
# limit in each, until the regions split shared limits.
region_cut_max_per_minute = count(regions * limit_per_minute)
region_cut_overshoot = times(regions)
# The mitigation: after a few silent intervals, each region holds shared keys to its share of the limit
# and burst. A region's share is the floor plus the rest in proportion to s_r, its share of the key's
# recent spending: share_r = floor + (1 - regions x floor) x s_r. The shares sum to at most 1 only if
# the s_r do, so every region computes s_r from a record of the spending that every region keeps alike
# (rate_limiter_shares.py checks it against the cut's timelines), and in all regions together a client
# gets at most one region's bound, as an even split would give.


def region_share(spending_share: float) -> float:
    """A region's share of a shared key's limit and burst in the share state."""
    return share_floor + (1 - regions * share_floor) * spending_share


# A client whose spending was all in one region keeps this there; every other region keeps the floor.
share_single_region = fraction(region_share(1))
region_cut_single_region_limit_per_minute = count(limit_per_minute * share_single_region)
region_cut_single_region_burst = count(burst_allowance * share_single_region)
# A client that moves to a region it had not used gets the floor there until the share state ends.
region_cut_floor_limit_per_minute = count(limit_per_minute * share_floor)
region_cut_floor_burst = count(burst_allowance * share_floor)
# An even spender gets 1/regions in each, as before weighting.
region_cut_split_limit_per_minute = count(limit_per_minute * region_share(1 / regions))
region_cut_split_burst = count(burst_allowance * region_share(1 / regions))
region_cut_split_max_per_window = count(limit_per_minute + burst_allowance)
# The share state (regions cut apart, or a shard's counts dropped at the hold's cap): a shared key's
# bucket refills at share_r of the rate and holds share_r of the burst. The script reads and sets the
# bucket at that effective rate and size; the slowest is a region at the floor, a token every:
share_refill_per_second = refill_per_second * share_floor
share_seconds_per_token = duration(1 / share_refill_per_second)
share_retry_after_seconds = count(whole_up(1 / share_refill_per_second))
# A debt is the same global debt in every region's bucket: if each region kept all of it while
# refilling at its share of the rate, together they would repay it `regions` times. So when a bucket
# passes to the share, the script scales its level once: min(level, share_r x burst) when positive,
# share_r x level in debt. Each region then holds its share of the debt and repays it at its share of
# the rate, so the debt takes as long as in the normal state, and the request's own token comes back at
# the share's rate: longest at the floor.
share_debt_each = count(multi_region_overshoot * share_floor)
held_share_debt_each = count(held_multi_region_overshoot * share_floor)
takeover_share_debt_each = count(takeover_multi_region_overshoot * share_floor)
share_retry_after_in_debt_seconds = count(whole_up((share_debt_each + 1) / share_refill_per_second))
held_share_retry_after_in_debt_seconds = count(whole_up((held_share_debt_each + 1) / share_refill_per_second))
takeover_share_retry_after_in_debt_seconds = count(whole_up((takeover_share_debt_each + 1) / share_refill_per_second))
# The key lives until its bucket is full again at the share's rate and size, the same time at any share;
# an expiry set at the whole rate would end the key early and forgive its debt.
share_ttl_in_debt = duration((burst_allowance + multi_region_overshoot) * share_floor / share_refill_per_second)
held_share_ttl_in_debt = duration(
    (burst_allowance + held_multi_region_overshoot) * share_floor / share_refill_per_second
)
takeover_share_ttl_in_debt = duration(
    (burst_allowance + takeover_multi_region_overshoot) * share_floor / share_refill_per_second
)
# A request costing more than a region's share of the burst can never be served there in the share state,
# and the floor's is the smallest: the rules service refuses a rule by API key whose cost (or batch) is
# above burst x floor (step 7).
share_largest_cost = count(math.floor(burst_allowance * share_floor))
# A sliding window log (login's rule, never shared) refuses until its oldest entry leaves the
# window: a refused login waits up to a whole window, the longest wait of any rule.
sliding_log_longest_retry_after_seconds = count(int(window_seconds))
# That bound holds for windows that start once the split holds. A window that holds the cut's start is
# looser: until the split each region still runs a whole, unshared bucket, so a client that meets the
# cut with full buckets gets a burst and the whole refill in every region, then each region's share of
# the rate for the rest of the minute (its bucket, emptied, refills at the share's rate; the share's
# burst caps only what it saves). The unshared stretch is one interval longer than the silence before
# the split: the interval just before the cut is read and sent in a batch after the cut starts, and
# that batch is lost with the others, so no region learns of it.
region_cut_unshared_span = duration((silent_intervals_before_split + 1) * region_sync_interval)
region_cut_first_minute_before_split = count(regions * (burst_allowance + refill_per_second * region_cut_unshared_span))


def cut_first_minute_max(unshared_span: float) -> float:
    """Every region: a whole bucket and the whole rate for the unshared stretch, then its share (the
    shares sum to the whole rate)."""
    before_split = regions * (burst_allowance + refill_per_second * unshared_span)
    return before_split + refill_per_second * (window_seconds - unshared_span)


def cut_unmarked_first_minute_max(unshared_span: float) -> float:
    """Home's own bound, and each other region's bucket, rate and share, as cut_first_minute_max."""
    return (
        token_bucket_max_per_window
        + (regions - 1) * (burst_allowance + refill_per_second * unshared_span)
        + (1 - share_floor) * refill_per_second * (window_seconds - unshared_span)
    )


region_cut_first_minute_max_per_window = count(cut_first_minute_max(region_cut_unshared_span))
region_cut_first_minute_overshoot = times(region_cut_first_minute_max_per_window / limit_per_minute)
# A key first used outside its home during a cut, or not used outside it for shared_mark_ttl before
# the cut, or not used at home that long during it (home's checks refresh marks during a cut),
# carries no mark at home: home keeps the whole limit while the other regions hold it to their shares.
# Home keeps no record of the key and reports none of its spending, so the others' s sum to at most 1
# among themselves, and their shares to at most (regions - 1) x floor + (1 - regions x floor) = 1 - floor.
region_cut_unmarked_max_per_minute = count(limit_per_minute + (1 - share_floor) * limit_per_minute)
region_cut_unmarked_overshoot = times(region_cut_unmarked_max_per_minute / limit_per_minute)
# With the bursts: home's whole burst and each other region's share of it on top, in any 60 s.
region_cut_unmarked_max_per_window = count(
    token_bucket_max_per_window + (1 - share_floor) * (limit_per_minute + burst_allowance)
)
region_cut_unmarked_window_overshoot = times(region_cut_unmarked_max_per_window / limit_per_minute)
# In the minute the cut begins: home's own bound, and in each other region a whole bucket for the
# unshared stretch (the lost last batch and the silence before the split), then its share of the rate.
region_cut_unmarked_first_minute_max_per_window = count(cut_unmarked_first_minute_max(region_cut_unshared_span))
region_cut_unmarked_first_minute_overshoot = times(region_cut_unmarked_first_minute_max_per_window / limit_per_minute)
# The same two bounds under the alternative step 6 turns down (the cut at fewer silent intervals, and
# a shorter lease): a shorter unshared stretch, so fewer whole-rate seconds in the first minute.
alternative_region_cut_unshared_span = duration((alternative_silent_intervals_before_split + 1) * region_sync_interval)
alternative_region_cut_first_minute_max_per_window = count(cut_first_minute_max(alternative_region_cut_unshared_span))
alternative_region_cut_unmarked_first_minute_max_per_window = count(
    cut_unmarked_first_minute_max(alternative_region_cut_unshared_span)
)
# Two intervals more than chosen (step 6 weighs it): it would also cover an etcd leader change before a
# dead holder's expired lease is revoked (concepts: consensus, which checks that it does), at a longer
# stretch in every real cut.
longer_silent_intervals_before_split = count(silent_intervals_before_split + 2)
longer_region_cut_split_after = duration(longer_silent_intervals_before_split * region_sync_interval)
longer_region_cut_unshared_span = duration((longer_silent_intervals_before_split + 1) * region_sync_interval)
longer_region_cut_first_minute_max_per_window = count(cut_first_minute_max(longer_region_cut_unshared_span))
longer_region_cut_unmarked_first_minute_max_per_window = count(
    cut_unmarked_first_minute_max(longer_region_cut_unshared_span)
)
# Rules counted by address or by user are never shared: each region counts them alone, so a client
# reaching every region gets each region's bound, always, not only during a cut. For a sliding window
# log (login's rule by address and account name) that bound is exactly the limit; for a token bucket
# it is a burst plus the minute's refill in any 60 s, token_bucket_max_per_window, in each region:
# regions x (limit + burst) / limit in all. The figure uses the default plan's burst ratio; an
# address rule with its own limit and burst gets its own ratio.
per_region_rule_overshoot = times(regions)
per_region_token_bucket_overshoot = times(regions * token_bucket_max_per_window / limit_per_minute)
# The design's own rules by address have a burst of a third of their limit (anonymous reads; login's and
# sign-up's by address; limit_shared scales alike), so each gets this:
per_region_address_overshoot = times(
    regions * (anonymous_limit_per_minute + anonymous_burst) / anonymous_limit_per_minute
)
assert anonymous_burst * challenge_cgnat_limit_per_minute == challenge_cgnat_burst * anonymous_limit_per_minute
# A sliding-window-counter rule by address or user: each region's own worst case (a client that bunches
# at window ends), sliding_counter_max_per_window, in every region. The same total a shared counter
# reaches, but here each region's capacity, the thing these rules guard, sees only its own 2x.
per_region_sliding_counter_overshoot = times(regions * sliding_counter_max_per_window / limit_per_minute)
# One global counter instead: every check in the other regions pays a cross-region round trip.
global_counter_added_latency = cross_region_round_trip

ROWS = [
    ("Token bucket", token_bucket_max_per_window, token_bucket_max_per_second),
    ("Leaky bucket (as a meter)", token_bucket_max_per_window, token_bucket_max_per_second),
    ("Fixed window", fixed_window_max_per_window, fixed_window_max_per_second),
    ("Sliding window log", sliding_log_max_per_window, sliding_log_max_per_second),
    (
        "Sliding window counter (a client that bunches at window ends)",
        sliding_counter_max_per_window,
        sliding_counter_max_per_second,
    ),
]

if __name__ != "rate_limiter_accuracy":
    print(
        markdown_table(
            ("Algorithm", "Most requests in any 60 s", "Most in the second around a window edge"),
            ROWS,
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Time to earn one token", seconds_per_token),
                ("Two store clocks just under the alert, on opposite sides: apart by up to", clock_offset_pair_max),
                ("... tokens a failover between them hands a bucket, default plan", clock_offset_tokens_default),
                ("... a large plan", clock_offset_tokens_large),
                ("Retry-After on a refused one-token request, bucket not in debt (whole seconds)", retry_after_seconds),
                ("Regions overspending in one sync interval, token-bucket rule, at most", multi_region_overshoot),
                ("... as a share of the minute's limit", multi_region_overshoot_share),
                ("... so a token-bucket rule across regions, in any 60 s, at most", multi_region_max_per_window),
                ("... against the limit", multi_region_window_overshoot),
                (
                    "A sliding-window-counter rule shared across regions (refused), in any 60 s, up to",
                    counter_multi_region_max_per_window,
                ),
                ("... against the limit", counter_multi_region_overshoot),
                ("A bucket that far in debt refills to full in", token_bucket_ttl_in_debt),
                (
                    "... and gives a one-token request a Retry-After of, at most, while reports arrive on time",
                    retry_after_in_debt_seconds,
                ),
                (
                    "Counts held unconfirmed for the longest hold: spending reaches the other regions this late",
                    held_report_delay,
                ),
                ("... so regions overspend, token-bucket rule, at most", held_multi_region_overshoot),
                ("... in any 60 s, at most", held_multi_region_max_per_window),
                ("... against the limit", held_multi_region_window_overshoot),
                ("... a bucket that far in debt refills to full in", held_token_bucket_ttl_in_debt),
                ("... and gives a one-token request a Retry-After of, at most", held_retry_after_in_debt_seconds),
                (
                    "Spending never reported to the other regions at a failover, a dropped hold or an exchanger "
                    "restart, at most",
                    failover_unreported_at_most,
                ),
                (
                    "A replica lost (alone or with its zone): seconds its shard's counts are dropped, and its keys "
                    "held to each region's share, until it is marked failed, at least",
                    replica_loss_drop_window,
                ),
                ("Exchanger lease, unrenewed, before the standby takes over", exchanger_lease),
                (
                    "... a takeover's silence, etcd's leader alive (lease, revoke check, first batch)",
                    exchanger_takeover_without_etcd_election,
                ),
                ("... etcd's election when the zone lost held its leader, at most", etcd_leader_election_at_most),
                (
                    "... so a takeover's silence, and the delay of spending reported during it, up to",
                    exchanger_takeover_report_delay,
                ),
                ("... below the silence that counts as a cut, by", exchanger_takeover_cut_margin),
                (
                    "A standby whose own etcd node is lost alone re-points to another zone's after",
                    standby_repoint_after,
                ),
                ("... a takeover meanwhile reports within, at worst", standby_repoint_takeover_report_delay),
                ("Leaderless probes in a row before a standby re-points", standby_repoint_leaderless_probes),
                ("... spanning, more than etcd's worst election", standby_repoint_leaderless_span),
                ("A standby whose node is cut off from its peers re-points after", standby_repoint_after_leaderless),
                ("... a takeover meanwhile reports within, at worst", standby_repoint_leaderless_takeover_report_delay),
                ("... past the cut's silence by", standby_repoint_leaderless_past_cut),
                (
                    "Any takeover short of a cut: spending reaches the other regions this late, at most (the cut's "
                    "silence)",
                    takeover_report_delay_bound,
                ),
                ("... so regions overspend, at most (the largest debt)", takeover_multi_region_overshoot),
                ("... in any 60 s, at most", exchanger_takeover_max_per_window),
                ("... a bucket that far in debt refills to full in", takeover_token_bucket_ttl_in_debt),
                ("... and gives a one-token request a Retry-After of, at most", takeover_retry_after_in_debt_seconds),
                ("A shared key's delta expires this long after its last write (read sooner)", delta_ttl),
                (
                    "... memory of the deltas alive in the busiest region if none were read, at most",
                    delta_memory_at_most,
                ),
                (
                    "A failover: tokens the promoted replica gives back, at most (a burst and the largest debt)",
                    failover_forgiven_at_most,
                ),
                (
                    "Exchangers hearing none of a sprayer's gateways in two regions at once: in any 60 s, at most",
                    unheard_two_regions_max_per_window,
                ),
                ("... in every region", unheard_every_region_max_per_window),
                ("Home's first interval, forgiven when a key becomes shared, at most", first_share_forgiven),
                ("... on a large-plan key", large_plan_first_share_forgiven),
                (
                    "Regions cut apart, before the split: the rate a client gets, a minute, in all regions",
                    region_cut_max_per_minute,
                ),
                ("... once regions split shared limits: a client all in one region keeps there", share_single_region),
                ("... a minute", region_cut_single_region_limit_per_minute),
                ("... and of the burst", region_cut_single_region_burst),
                ("... every other region the floor, a minute", region_cut_floor_limit_per_minute),
                ("... and of the burst", region_cut_floor_burst),
                ("... an even spender, each region, a minute", region_cut_split_limit_per_minute),
                ("... and of the burst", region_cut_split_burst),
                (
                    "... in that share state (also a dropped hold): a token back every",
                    share_seconds_per_token,
                ),
                ("... Retry-After of a one-token request, bucket not in debt", share_retry_after_seconds),
                ("... a bucket's debt, scaled when it passes to the share, at most", share_debt_each),
                ("... after a held report, at most", held_share_debt_each),
                ("... after an exchanger's takeover, at most", takeover_share_debt_each),
                ("... Retry-After of a one-token request in debt, at most", share_retry_after_in_debt_seconds),
                ("... and in debt from a held report, at most", held_share_retry_after_in_debt_seconds),
                ("... and from a takeover's, at most", takeover_share_retry_after_in_debt_seconds),
                ("... a bucket in debt lives, at most", share_ttl_in_debt),
                ("... in debt from a held report, at most", held_share_ttl_in_debt),
                ("... costliest request it can serve (the share of the burst)", share_largest_cost),
                ("... so in any 60 s after the split, in all regions", region_cut_split_max_per_window),
                (
                    "... in the minute the cut begins: every region unshared for the silence and the lost last batch",
                    region_cut_unshared_span,
                ),
                ("... whole buckets in every region meanwhile", region_cut_first_minute_before_split),
                (
                    "... and with the shares after it, in any 60 s holding the cut's start",
                    region_cut_first_minute_max_per_window,
                ),
                ("... against the limit", region_cut_first_minute_overshoot),
                (
                    "... a key home does not know is shared (step 7), a minute, in all regions",
                    region_cut_unmarked_max_per_minute,
                ),
                (
                    "... with the bursts, in any 60 s after the split, in all regions",
                    region_cut_unmarked_max_per_window,
                ),
                ("... against the limit", region_cut_unmarked_window_overshoot),
                (
                    "... in any 60 s holding the cut's start, in all regions",
                    region_cut_unmarked_first_minute_max_per_window,
                ),
                ("... against the limit", region_cut_unmarked_first_minute_overshoot),
                (
                    "... the cut at the alternative's fewer silent intervals: any 60 s holding the cut's start",
                    alternative_region_cut_first_minute_max_per_window,
                ),
                (
                    "... and for a key home does not know is shared",
                    alternative_region_cut_unmarked_first_minute_max_per_window,
                ),
                (
                    "A token-bucket rule by address or user, default plan's burst: a client in every region, any 60 s",
                    per_region_token_bucket_overshoot,
                ),
                ("... the design's address rules (burst a third of the limit)", per_region_address_overshoot),
                (
                    "A sliding-window-counter rule by address or user: a client bunching in every region, any 60 s",
                    per_region_sliding_counter_overshoot,
                ),
                (
                    "A sliding-log rule (login, by address and account name): a client reaching every region",
                    per_region_rule_overshoot,
                ),
                (
                    "A refused login (sliding log): Retry-After, seconds, at most (its oldest entry leaves the window)",
                    sliding_log_longest_retry_after_seconds,
                ),
                ("A global counter's added round trip", global_counter_added_latency),
                ("IPv6 /56 prefixes in one /48", slash56_per_slash48),
                ("IPv6 /60 prefixes in one /48", slash60_per_slash48),
                ("IPv6 /64 prefixes in one /48", slash64_per_slash48),
                ("IPv6 /60 prefixes in one /56", slash60_per_slash56),
                ("IPv6 /64 prefixes in one /56", slash64_per_slash56),
                ("IPv6 /64 prefixes in one /60", slash64_per_slash60),
            ],
        )
    )
