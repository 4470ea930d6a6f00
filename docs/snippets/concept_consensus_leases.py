"""Concepts, consensus: how long a takeover takes, how much margin a lease needs, and how much a
consensus group commits.

etcd (https://etcd.io/docs/v3.5/tuning/): the leader sends a heartbeat every 100 ms; a follower that
hears none for the election timeout, 1,000 ms by default, randomized between one and two timeouts,
campaigns. The tuning guide asks for an election timeout of at least ten round trips between
members. A lease is kept by the leader; a new leader extends every lease by one election timeout
before its time to live runs again (lessor.Promote), the lessor looks for expired leases every half
second, and no lease may be shorter than 1.5 election timeouts (the rate limiter's assumptions hold
the same defaults, and this file takes them from there).

ZooKeeper (https://zookeeper.apache.org/doc/current/zookeeperAdmin.html): a client session times out
between 2 and 20 ticks by default (minSessionTimeout, maxSessionTimeout); the sample configuration's
tick is 2,000 ms. An ephemeral node, the usual lock, goes when its session expires.

Clocks: a lease is timed on each side's own clock, and two clocks' rates differ by at most twice the
500 ppm that ntpd slews at (concept_ids), so the holder gives up that share of the lease early.

Throughput: etcd's performance guide says a three-member cluster completes more than 30,000
requests a second under heavy load (https://etcd.io/docs/v3.5/op-guide/performance/); every write
goes through the one leader.
"""

from chat_traffic import messages_per_second_peak
from concept_ids import KERNEL_SLEW_RATE
from rate_limiter_accuracy import exchanger_lease, exchanger_takeover_report_delay
from rate_limiter_assumptions import etcd_election_timeout, etcd_revoke_check_period, region_sync_interval
from rate_limiter_traffic import checks_per_second_peak
from reference_fiber import dean_california_netherlands, sf_amsterdam_rtt_floor

from sdw.estimation import count, duration, fraction, markdown_table, per_second, times

# --- etcd -----------------------------------------------------------------------------------------
ETCD_HEARTBEAT = 0.1
etcd_heartbeat = duration(ETCD_HEARTBEAT)
etcd_election_timeout_default = duration(etcd_election_timeout)
heartbeats_per_election_timeout = count(etcd_election_timeout / ETCD_HEARTBEAT)
# A dead leader: followers campaign after one to two election timeouts.
etcd_leader_gone_at_most = duration(2 * etcd_election_timeout)
etcd_shortest_lease = duration(1.5 * etcd_election_timeout)
# The tuning guide's rule, at least ten round trips, for members across an ocean.
ELECTION_ROUND_TRIPS = 10
ocean_election_timeout_floor = duration(ELECTION_ROUND_TRIPS * sf_amsterdam_rtt_floor)
ocean_election_timeout_dean = duration(ELECTION_ROUND_TRIPS * dean_california_netherlands)

# A holder of a lease with time to live TTL dies. etcd revokes the lease at its next check after the
# TTL, and a waiting candidate's watch sees the key go. If the etcd leader died with it, the followers
# first elect a leader, which then extends every lease by one election timeout.
example_ttl = duration(exchanger_lease)  # the rate limiter's exchanger lease


def takeover(ttl: float, leader_lost: bool) -> float:
    election = 2 * etcd_election_timeout + etcd_election_timeout if leader_lost else 0.0
    return election + ttl + etcd_revoke_check_period


takeover_leader_alive = duration(takeover(exchanger_lease, False))
takeover_leader_lost = duration(takeover(exchanger_lease, True))
# The rate limiter's worst takeover is this, plus its one sync interval before the first batch.
rate_limiter_worst_takeover = duration(exchanger_takeover_report_delay)
assert abs(takeover(exchanger_lease, True) + region_sync_interval - exchanger_takeover_report_delay) < 1e-9

# --- ZooKeeper --------------------------------------------------------------------------------------
ZK_TICK = 2.0  # the sample configuration's tickTime
zk_tick = duration(ZK_TICK)
zk_session_min = duration(2 * ZK_TICK)
zk_session_max = duration(20 * ZK_TICK)

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

rows = [
    ("etcd heartbeat", etcd_heartbeat),
    ("etcd election timeout (default)", etcd_election_timeout_default),
    ("A dead etcd leader replaced, at most (one to two timeouts)", etcd_leader_gone_at_most),
    ("Shortest etcd lease (1.5 election timeouts)", etcd_shortest_lease),
    ("A lease holder dies: its lease's time to live (the rate limiter's)", example_ttl),
    ("... taken over, etcd's leader alive (TTL and the revoke check)", takeover_leader_alive),
    ("... taken over, etcd's leader lost too (election, extension, TTL, check)", takeover_leader_lost),
    ("... the rate limiter's worst, with its one-interval first batch", rate_limiter_worst_takeover),
    ("ZooKeeper session timeout, at a 2 s tick: shortest", zk_session_min),
    ("ZooKeeper session timeout, at a 2 s tick: longest", zk_session_max),
    ("Election timeout for members across the Atlantic (ten round trips, fiber floor)", ocean_election_timeout_floor),
    ("... at Dean's measured round trip", ocean_election_timeout_dean),
    (f"Clock-drift margin on a {example_ttl} lease (clocks {drift_apart} apart in rate)", drift_margin_example),
    (f"... on a {long_lease} lease", drift_margin_long),
]

if __name__ != "concept_consensus_leases":
    print(markdown_table(("What", "Time"), rows))
    print()
    print(
        f"One etcd cluster commits more than {etcd_heavy_load} under heavy load. The chat example's peak "
        f"sends, {chat_messages_peak}, are {chat_over_etcd} that; the rate limiter's peak checks, "
        f"{rate_limiter_checks_peak}, {rate_limiter_over_etcd}."
    )
