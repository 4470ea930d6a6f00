"""Concepts, consensus: how long a takeover takes, how much margin a lease needs, and how much a
consensus group commits.

etcd (https://etcd.io/docs/v3.5/tuning/): the leader sends a heartbeat every 100 ms; a follower that
hears none for the election timeout, 1,000 ms by default, randomized between one and two timeouts,
campaigns. The tuning guide asks for a heartbeat about one round trip between members and an
election timeout of at least ten. Leases (server/lease/lessor.go): the leader keeps them; a new
leader's Promote refreshes every lease to now + one election timeout + its full time to live (the
time already used is discarded: checkpointing is off by default, and when on it records the time
left every five minutes); the lessor looks for expired leases every half second and revokes at most
leaseRevokeRate, 1,000 a second (500 a check); with 1,000 leases or more, Promote spreads the new
expiries to 3/4 of that rate, 750 a second. Grant raises a lease shorter than 1.5 election timeouts,
rounded up to a whole second, to that minimum (etcdserver's MinLeaseTTL); it refuses nothing.
clientv3's KeepAlive helper schedules the next renewal a third of the time to live after each
response, and its send loop looks only every 500 ms (retryConnWait in client/v3/lease.go), so its
renewals can be TTL / 3 + 0.5 s + a round trip apart, and the deadline it reports runs from the
response, not from the request. A holder that relies on the TTL / 3 bound renews on its own timer
(KeepAliveOnce) and counts its deadline from when it sent the renewal. The rate limiter's
assumptions hold the same defaults, and this file takes them from there.

ZooKeeper (https://zookeeper.apache.org/doc/current/zookeeperAdmin.html): a client session times out
between 2 and 20 ticks by default (minSessionTimeout, maxSessionTimeout); the sample configuration's
tick is 2,000 ms, and a server whose tickTime is unset uses 3,000 ms (ZooKeeperServer's
DEFAULT_TICK_TIME). The leader tracks session expiry, so a new leader starts every session's timeout
afresh. The client reads with a timeout of 2/3 of the session timeout and then declares itself
disconnected (ClientCnxn's readTimeout). An ephemeral node, the usual lock, goes when its session
expires.

Clocks: a lease is timed on each side's own clock, and two clocks' rates differ by at most twice the
500 ppm that ntpd slews at (concept_ids), so the holder gives up that share of the lease early.

Throughput: etcd's performance guide says a three-member cluster completes more than 30,000
requests a second under heavy load (https://etcd.io/docs/v3.5/op-guide/performance/); every write
goes through the one leader.
"""

import math

from chat_assumptions import conversation_shards, shard_lease
from chat_traffic import chat_servers, messages_per_second_peak
from concept_ids import KERNEL_SLEW_RATE
from rate_limiter_accuracy import (
    etcd_leader_election_at_most,
    exchanger_lease,
    exchanger_takeover_cut_margin,
    exchanger_takeover_report_delay,
    longer_region_cut_split_after,
    region_cut_split_after,
)
from rate_limiter_assumptions import (
    added_latency_budget,
    etcd_election_timeout,
    etcd_revoke_check_period,
    region_sync_interval,
)
from rate_limiter_servers import region_checks_per_second_peak
from rate_limiter_traffic import checks_per_second_peak
from reference_fiber import dean_california_netherlands, sf_amsterdam_rtt_floor

from sdw.estimation import count, duration, fraction, markdown_table, per_second, times

# --- etcd -----------------------------------------------------------------------------------------
ETCD_HEARTBEAT = 0.1
etcd_heartbeat = duration(ETCD_HEARTBEAT)
etcd_election_timeout_default = duration(etcd_election_timeout)
heartbeats_per_election_timeout = count(etcd_election_timeout / ETCD_HEARTBEAT)
# A dead leader: followers campaign after one to two election timeouts (the rate limiter's figure).
ELECTION_AT_MOST = float(etcd_leader_election_at_most)
etcd_leader_gone_at_most = duration(ELECTION_AT_MOST)
# Grant raises a shorter lease to 1.5 election timeouts, rounded up to a whole second.
etcd_shortest_lease = duration(math.ceil(1.5 * etcd_election_timeout))
# The tuning guide's rules, a heartbeat of about one round trip and an election timeout of at least ten,
# for members between California and the Netherlands.
ELECTION_ROUND_TRIPS = 10
ocean_heartbeat_floor = duration(sf_amsterdam_rtt_floor)
ocean_heartbeat_dean = duration(dean_california_netherlands)
ocean_election_timeout_floor = duration(ELECTION_ROUND_TRIPS * sf_amsterdam_rtt_floor)
ocean_election_timeout_dean = duration(ELECTION_ROUND_TRIPS * dean_california_netherlands)

# A holder of a lease with time to live TTL dies. etcd revokes the lease at its next check after the
# TTL, and a waiting candidate's watch sees the key go. If the etcd leader died with it, the followers
# first elect a leader, whose Promote sets every lease to expire one election timeout plus a full TTL
# later. Counted from the holder's last renewal, it may have lived (and the etcd leader with it) up to
# one renewal interval, TTL / 3, before dying.
example_ttl = duration(exchanger_lease)  # the rate limiter's exchanger lease
# A holder renews every TTL / 3 on its own timer, KeepAliveOnce (the rate limiter with each batch). clientv3's
# KeepAlive helper does not keep that bound: it schedules the next renewal TTL / 3 after each response, and its
# send loop looks every KEEPALIVE_SEND_LOOP (retryConnWait), so its renewals can be TTL / 3 + 0.5 s + a round trip
# apart.
RENEWALS_PER_TTL = 3
KEEPALIVE_SEND_LOOP = 0.5  # client/v3/lease.go, retryConnWait
renew_interval = duration(exchanger_lease / RENEWALS_PER_TTL)
PROMOTE_EXTENSION = etcd_election_timeout


def takeover(ttl: float, leader_lost: bool, from_last_renewal: bool = True) -> float:
    """Worst time until a candidate can take a dead holder's lease."""
    if not leader_lost:
        return ttl + etcd_revoke_check_period  # the server's expiry is the last renewal + TTL
    renewal = ttl / RENEWALS_PER_TTL if from_last_renewal else 0.0
    return renewal + ELECTION_AT_MOST + PROMOTE_EXTENSION + ttl + etcd_revoke_check_period


takeover_leader_alive = duration(takeover(exchanger_lease, False))
takeover_leader_lost = duration(takeover(exchanger_lease, True))
takeover_leader_lost_from_death = duration(takeover(exchanger_lease, True, from_last_renewal=False))


def leader_change_takeover(ttl: float) -> float:
    """A dead holder's lease runs out, and etcd's leader changes before the lessor's next check has revoked
    it (the revoke is itself a raft proposal, lost with the leader if still in flight): Promote refreshes
    every lease still held, the expired one too, so it lives an election, an extension and a full TTL
    more, then waits for a check again."""
    return ttl + etcd_revoke_check_period + takeover(ttl, True, from_last_renewal=False)


leader_change_during_dead_lease = duration(leader_change_takeover(exchanger_lease))
# The rate limiter's worst takeover is this, counted from the last renewal (its exchanger renews with each
# batch, every sync interval, which is TTL / 3), plus its one sync interval before the first batch; the
# other regions count a region cut only after a longer silence.
rate_limiter_worst_takeover = duration(exchanger_takeover_report_delay)
assert abs(exchanger_lease / RENEWALS_PER_TTL - region_sync_interval) < 1e-9
assert abs(takeover(exchanger_lease, True) + region_sync_interval - exchanger_takeover_report_delay) < 1e-9
rate_limiter_cut_silence = region_cut_split_after
rate_limiter_cut_margin = exchanger_takeover_cut_margin
# The same leader change, for the rate limiter: counted from its last batch (its last renewal, since the
# lease's expiry is that renewal + TTL), plus its one sync interval before the standby's first batch. This
# passes the cut's silence, so such a takeover is counted as a cut (rate limiter, step 6).
rate_limiter_leader_change_takeover = duration(leader_change_during_dead_lease + region_sync_interval)
rate_limiter_leader_change_past_cut = duration(rate_limiter_leader_change_takeover - region_cut_split_after)
assert rate_limiter_leader_change_past_cut > 0
# A cut two intervals longer than chosen would cover it (step 6 weighs and declines it).
assert longer_region_cut_split_after > rate_limiter_leader_change_takeover

# Riding out etcd's own election: nothing lapses on the server (Promote extends), but the holder's own
# timer runs from its last renewal and cannot be renewed until a new leader is up. Renewing every TTL / 3,
# it has at worst 2/3 of the TTL left when the election starts, so the TTL must exceed 1.5 worst elections.
holder_left_at_worst = duration(exchanger_lease * (RENEWALS_PER_TTL - 1) / RENEWALS_PER_TTL)
ttl_to_ride_out_election = duration(ELECTION_AT_MOST * RENEWALS_PER_TTL / (RENEWALS_PER_TTL - 1))
# Chat's shard leases (chat_assumptions) clear that with room for the vote's and the renewal's round trips.
chat_shard_lease = shard_lease
chat_lease_left_at_worst = duration(shard_lease * (RENEWALS_PER_TTL - 1) / RENEWALS_PER_TTL)
chat_lease_election_spare = duration(chat_lease_left_at_worst - ELECTION_AT_MOST)
# The same lease renewed by clientv3's KeepAlive helper instead: a renewal can come TTL / 3 + 0.5 s after the last
# response (round trip aside), so the holder may have only this left when an election starts.
chat_lease_left_at_worst_helper = duration(shard_lease - shard_lease / RENEWALS_PER_TTL - KEEPALIVE_SEND_LOOP)
keepalive_send_loop = duration(KEEPALIVE_SEND_LOOP)
assert shard_lease > ttl_to_ride_out_election and chat_lease_election_spare >= 1.0

# How fast etcd lets many leases go: revoked at 1,000 a second, and after a leader change, with 1,000
# leases or more, Promote spreads their expiries at 750 a second. Chat's shards as one lease each.
LEASE_REVOKE_RATE = 1000
etcd_revoke_rate = per_second(LEASE_REVOKE_RATE)
promote_spread_rate = per_second(LEASE_REVOKE_RATE * 3 / 4)
chat_shards = conversation_shards
chat_server_count = chat_servers
chat_shard_leases_lag = duration(conversation_shards / (LEASE_REVOKE_RATE * 3 / 4))
assert chat_servers < LEASE_REVOKE_RATE  # one lease per chat server stays below both limits
# (chat's connection servers keep their leases in its session registry, not in etcd)

# --- ZooKeeper --------------------------------------------------------------------------------------
ZK_TICK = 2.0  # the sample configuration's tickTime
zk_tick = duration(ZK_TICK)
zk_session_min = duration(2 * ZK_TICK)
zk_session_max = duration(20 * ZK_TICK)
ZK_TICK_UNSET = 3.0  # ZooKeeperServer.DEFAULT_TICK_TIME, when tickTime is not set
zk_tick_unset = duration(ZK_TICK_UNSET)
zk_session_min_unset = duration(2 * ZK_TICK_UNSET)
zk_session_max_unset = duration(20 * ZK_TICK_UNSET)
# The client declares itself disconnected after 2/3 of the session timeout without a reply.
zk_disconnected_after = duration(2 * ZK_TICK * 2 / 3)
zk_left_to_stop = duration(2 * ZK_TICK / 3)

# --- Clock drift: the holder stops early by the most two clocks can disagree over one lease ---------
drift_rate_apart = 2 * KERNEL_SLEW_RATE
drift_apart = fraction(drift_rate_apart)
drift_margin_example = duration(drift_rate_apart * exchanger_lease)
LONG_LEASE = 30.0
long_lease = duration(LONG_LEASE)
drift_margin_long = duration(drift_rate_apart * LONG_LEASE)

# --- Throughput: one leader commits every write -------------------------------------------------------
ETCD_HEAVY_LOAD = 30_000
etcd_heavy_load = per_second(ETCD_HEAVY_LOAD)
chat_messages_peak = messages_per_second_peak
chat_over_etcd = times(messages_per_second_peak / ETCD_HEAVY_LOAD)
rate_limiter_checks_peak = checks_per_second_peak
rate_limiter_over_etcd = times(checks_per_second_peak / ETCD_HEAVY_LOAD)
# The rate limiter runs one etcd cluster per region: its busiest region's checks, and its latency budget.
rate_limiter_region_checks_peak = region_checks_per_second_peak
rate_limiter_region_over_etcd = times(region_checks_per_second_peak / ETCD_HEAVY_LOAD)
rate_limiter_latency_budget = added_latency_budget

# Three short tables: etcd's own timing, a lease holder that dies, and ZooKeeper's sessions. The rate
# limiter's and chat's figures above are the page's prose.
etcd_rows = [
    ("Heartbeat", etcd_heartbeat),
    ("Election timeout (default)", etcd_election_timeout_default),
    ("A dead leader replaced, at most (one to two timeouts)", etcd_leader_gone_at_most),
    ("Shortest lease (1.5 election timeouts, rounded up to a second; shorter are raised)", etcd_shortest_lease),
    ("Expired leases revoked, at most", etcd_revoke_rate),
    ("New expiries after a leader change, 1,000 leases or more", promote_spread_rate),
    (
        "Heartbeat, California to the Netherlands (one round trip: fiber floor, Dean's)",
        f"{ocean_heartbeat_floor}, {ocean_heartbeat_dean}",
    ),
    (
        "Election timeout for the same members (ten round trips)",
        f"{ocean_election_timeout_floor}, {ocean_election_timeout_dean}",
    ),
]
holder_rows = [
    ("Renewed on the holder's own timer every TTL / 3", renew_interval),
    ("Taken over, etcd's leader alive (TTL and the revoke check)", takeover_leader_alive),
    (
        "Taken over, etcd's leader lost too, from the death (election, extension, TTL, check)",
        takeover_leader_lost_from_death,
    ),
    ("... from the holder's last renewal (one renewal interval more)", takeover_leader_lost),
    (
        "etcd's leader changes before the expired lease is revoked (2 TTL, election, extension, two checks)",
        leader_change_during_dead_lease,
    ),
    ("A healthy holder's lease left, at worst, when an election starts (2/3 of the TTL)", holder_left_at_worst),
    ("The TTL that rides out the worst election (1.5 of them), round trips aside", ttl_to_ride_out_election),
    (f"Clock-drift margin (clocks {drift_apart} apart in rate)", drift_margin_example),
    (f"... on a {long_lease} lease", drift_margin_long),
]
zookeeper_rows = [
    (f"At a {zk_tick} tick (the sample configuration)", zk_session_min, zk_session_max),
    (f"At a {zk_tick_unset} tick (tickTime unset)", zk_session_min_unset, zk_session_max_unset),
]

if __name__ != "concept_consensus_leases":
    print(markdown_table(("etcd's own timing", "Value"), etcd_rows))
    print()
    print(markdown_table((f"A lease holder dies: a {example_ttl} lease", "Time"), holder_rows))
    print()
    print(markdown_table(("ZooKeeper session timeout", "Shortest (2 ticks)", "Longest (20 ticks)"), zookeeper_rows))
    print()
    print(
        f"A ZooKeeper client declares itself disconnected after 2/3 of its session timeout without a reply: "
        f"{zk_disconnected_after} of a {zk_session_min} session, leaving {zk_left_to_stop} to stop in."
    )
    print()
    print(
        f"One etcd cluster commits more than {etcd_heavy_load} under heavy load. The chat example's peak "
        f"sends, {chat_messages_peak}, are {chat_over_etcd} that; the rate limiter's peak checks, "
        f"{rate_limiter_checks_peak}, {rate_limiter_over_etcd}; it runs one etcd cluster per region, and its "
        f"busiest region's checks, {rate_limiter_region_checks_peak}, are {rate_limiter_region_over_etcd} one "
        f"cluster's, each waiting on a commit against a {rate_limiter_latency_budget} added-latency budget."
    )
