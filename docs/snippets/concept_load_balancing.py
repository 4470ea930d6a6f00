"""Concepts, load balancing: how evenly random and two-choice placement spread requests, how long a
dead server keeps receiving them, and how long each kind of balancer redundancy takes to fail over.

Spread, a seeded simulation: SERVERS servers and IN_FLIGHT requests in flight at once, placed one
after another and none finishing (a snapshot of a burst: the balls-into-bins model of Azar et al.,
Balanced Allocations, and of Berenbrink et al.'s heavily loaded case). Random placement picks one
server uniformly; two choices picks two, independently, and takes the one with fewer requests. The
busiest server's load is averaged over TRIALS runs. The asymptotic formulas, for comparison: random
about m/n + sqrt(2 (m/n) ln n); two choices m/n + ln ln n / ln 2, up to an additive constant.

Queueing, a formula: Mitzenmacher's supermarket model (Poisson arrivals at utilization u, one
server's work exponential with mean 1, n servers, n large). A request spends 1 / (1 - u) service
times in the system with one random choice (each server is an M/M/1 queue), and the sum over i >= 1
of u^(2^i - 2) with two choices.

Health checks, arithmetic: an active check marks a server down after THRESHOLD failed checks, one
every INTERVAL, so up to INTERVAL x THRESHOLD after it dies (plus a timeout, if the check has to wait
for one); every request sent to it meanwhile fails or is retried. Passive detection counts errors on
real requests, in each balancer separately.
"""

import math
import random
import statistics

from chat_assumptions import computer_hours_per_day, computer_sessions_per_day, minutes_per_phone_session

from sdw.estimation import (
    SECONDS_PER_HOUR,
    SECONDS_PER_MINUTE,
    count,
    duration,
    fraction,
    markdown_table,
    per_second,
    throughput,
    times,
)

# --- Spread --------------------------------------------------------------------------------------
SERVERS = 100
IN_FLIGHT = 1_000  # ten requests a server on average
TRIALS = 200
SEED = 1


def busiest(choices: int, rng: random.Random) -> int:
    """The busiest server's requests after placing IN_FLIGHT, each on the least loaded of `choices`
    servers drawn at random (1: plain random placement)."""
    load = [0] * SERVERS
    for _ in range(IN_FLIGHT):
        server = min((rng.randrange(SERVERS) for _ in range(choices)), key=load.__getitem__)
        load[server] += 1
    return max(load)


rng = random.Random(SEED)
mean_load = IN_FLIGHT / SERVERS
busiest_random_runs = [busiest(1, rng) for _ in range(TRIALS)]
busiest_two_runs = [busiest(2, rng) for _ in range(TRIALS)]
busiest_random = count(statistics.mean(busiest_random_runs))
busiest_two_choices = count(statistics.mean(busiest_two_runs))
busiest_random_formula = count(mean_load + math.sqrt(2 * mean_load * math.log(SERVERS)))
busiest_two_choices_formula = count(mean_load + math.log(math.log(SERVERS)) / math.log(2))
# Each server must be sized for the busiest one's load, so the fleet's average use is the mean over it.
random_peak_over_mean = times(busiest_random / mean_load)
two_choices_peak_over_mean = times(busiest_two_choices / mean_load)
random_utilization = fraction(mean_load / busiest_random)
two_choices_utilization = fraction(mean_load / busiest_two_choices)

# --- Queueing: time in the system, in service times ----------------------------------------------
UTILIZATIONS = [0.5, 0.7, 0.9, 0.99]
UTILIZATION_QUOTED = 0.9


def time_random(u: float) -> float:
    return 1 / (1 - u)


def time_two_choices(u: float) -> float:
    """Mitzenmacher's limit for d = 2: the sum over i >= 1 of u^(2^i - 2), to where terms vanish."""
    return sum(u ** (2**i - 2) for i in range(1, 40))


queue_rows = [
    (fraction(u), count(time_random(u)), count(time_two_choices(u)), times(time_random(u) / time_two_choices(u)))
    for u in UTILIZATIONS
]
utilization_quoted = fraction(UTILIZATION_QUOTED)
time_in_system_random = count(time_random(UTILIZATION_QUOTED))
time_in_system_two_choices = count(time_two_choices(UTILIZATION_QUOTED))
random_over_two_choices = times(time_in_system_random / time_in_system_two_choices)

# --- Health checks -------------------------------------------------------------------------------
REQUESTS_PER_SECOND = 10_000  # one service's traffic
POOL_SERVERS = 20
BALANCERS = 50  # proxies or client-side balancers, each judging every server on its own
ALB_INTERVAL, ALB_THRESHOLD = 30, 2  # AWS Application Load Balancer's defaults
HAPROXY_INTERVAL, HAPROXY_THRESHOLD = 2, 3  # HAProxy's defaults: inter 2s, fall 3
ENVOY_CONSECUTIVE_ERRORS = 5  # Envoy outlier detection's default consecutive_5xx

requests_per_second = per_second(REQUESTS_PER_SECOND)
pool_servers = count(POOL_SERVERS)
per_server = per_second(REQUESTS_PER_SECOND / POOL_SERVERS)
balancers = count(BALANCERS)
alb_interval, alb_threshold = duration(ALB_INTERVAL), count(ALB_THRESHOLD)
haproxy_interval, haproxy_threshold = duration(HAPROXY_INTERVAL), count(HAPROXY_THRESHOLD)
alb_detection = duration(ALB_INTERVAL * ALB_THRESHOLD)
alb_lost = count(per_server * alb_detection)
haproxy_detection = duration(HAPROXY_INTERVAL * HAPROXY_THRESHOLD)
haproxy_lost = count(per_server * haproxy_detection)
# Passive: each balancer sends the dead server its share of that server's requests, and ejects it
# after that many consecutive errors of its own.
envoy_consecutive_errors = count(ENVOY_CONSECUTIVE_ERRORS)
passive_detection = duration(ENVOY_CONSECUTIVE_ERRORS / (per_server / BALANCERS))
passive_lost = count(ENVOY_CONSECUTIVE_ERRORS * BALANCERS)
# Active checks cost the servers too: every balancer checks every server once an interval.
haproxy_checks_per_server = throughput(BALANCERS / HAPROXY_INTERVAL)

# --- Retries: attempts multiply down a chain of layers that each retry ---------------------------
ATTEMPTS_PER_LAYER = 3  # the first try and two retries
RETRYING_LAYERS = 3  # e.g. the client, the edge proxy and a service calling another
attempts_per_layer, retrying_layers = count(ATTEMPTS_PER_LAYER), count(RETRYING_LAYERS)
retry_amplification = times(ATTEMPTS_PER_LAYER**RETRYING_LAYERS)

# --- Balancer redundancy: time to fail over ------------------------------------------------------
# VRRP (RFC 9568): the backup takes the address after Master_Down_Interval = 3 x the advertisement
# interval + skew, skew = (256 - priority) / 256 x the interval.
VRRP_ADVERTISEMENT = 1.0  # seconds: the default, 100 centiseconds
VRRP_BACKUP_PRIORITY = 100  # the default for a backup
vrrp_failover = duration(3 * VRRP_ADVERTISEMENT + (256 - VRRP_BACKUP_PRIORITY) / 256 * VRRP_ADVERTISEMENT)
# DNS failover: the health check's detection, then every cached answer's TTL.
DNS_CHECK_INTERVAL, DNS_FAILURE_THRESHOLD = 30, 3  # Route 53's defaults
DNS_TTL = 60  # a common TTL for records that fail over
dns_check_interval, dns_failure_threshold = duration(DNS_CHECK_INTERVAL), count(DNS_FAILURE_THRESHOLD)
dns_ttl = duration(DNS_TTL)
dns_detection = duration(DNS_CHECK_INTERVAL * DNS_FAILURE_THRESHOLD)
dns_failover = duration(dns_detection + DNS_TTL)
# Anycast: a balancer that crashes without withdrawing its route is found dead by its BGP neighbor
# after the hold time (RFC 4271 suggests 90 s) unless BFD is run; a balancer that fails its own
# check and withdraws the route is gone as fast as the routers converge.
BGP_HOLD_TIME = 90
bgp_hold_time = duration(BGP_HOLD_TIME)

# --- Long-lived connections: how fast a new server fills -----------------------------------------
# A new server gets only new connections. If connection lifetimes are exponential with mean T, the
# gap between it and the others shrinks as exp(-t / T): to a tenth after T ln 10. The chat example's
# sessions: a phone's few minutes, a linked computer's window open for about an hour at a time.
computer_session = duration(computer_hours_per_day / computer_sessions_per_day * SECONDS_PER_HOUR)
fill_90_phone = duration(minutes_per_phone_session * SECONDS_PER_MINUTE * math.log(10))
fill_90_computer = duration(computer_session * math.log(10))

# Figures the pages quote.
servers = count(SERVERS)
in_flight = count(IN_FLIGHT)
trials = count(TRIALS)
mean_in_flight = count(mean_load)

if __name__ != "concept_load_balancing":
    print(
        markdown_table(
            (
                f"{in_flight} requests on {servers} servers",
                f"Busiest server (mean of {trials} runs)",
                "Asymptotic formula",
                "Busiest over the mean",
                "Average use if the busiest is full",
            ),
            [
                ("Least loaded of all", mean_in_flight, mean_in_flight, times(1), fraction(1)),
                (
                    "Random",
                    busiest_random,
                    busiest_random_formula,
                    random_peak_over_mean,
                    random_utilization,
                ),
                (
                    "Two choices",
                    busiest_two_choices,
                    busiest_two_choices_formula,
                    two_choices_peak_over_mean,
                    two_choices_utilization,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (
                "Utilization",
                "Time in the system, in service times: random",
                "Two choices",
                "Random over two choices",
            ),
            queue_rows,
        )
    )
    print()
    print(
        markdown_table(
            (
                f"A server dies; {requests_per_second} over {pool_servers} servers",
                "Time until no new requests reach it",
                "Requests sent to it meanwhile",
            ),
            [
                (
                    f"Active, every {alb_interval}, down after {alb_threshold} failures (AWS ALB's defaults)",
                    alb_detection,
                    alb_lost,
                ),
                (
                    f"Active, every {haproxy_interval}, down after {haproxy_threshold} failures (HAProxy's defaults)",
                    haproxy_detection,
                    haproxy_lost,
                ),
                (
                    f"Passive, {envoy_consecutive_errors} errors in a row, each of {balancers} balancers",
                    passive_detection,
                    passive_lost,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Balancer redundancy", "Time to fail over"),
            [
                (
                    f"A pair sharing a floating address (VRRP, {duration(VRRP_ADVERTISEMENT)} advertisements)",
                    vrrp_failover,
                ),
                (
                    f"DNS with health checks (every {dns_check_interval}, {dns_failure_threshold} failures) "
                    f"and a {dns_ttl} TTL",
                    dns_failover,
                ),
                ("Anycast, a crashed balancer's route held until the BGP hold time", bgp_hold_time),
            ],
        )
    )
    print()
    print(
        f"Retries: {attempts_per_layer} attempts at each of {retrying_layers} layers send up to "
        f"{retry_amplification} the requests to the bottom one. A new connection server reaches 90% of its "
        f"share after {fill_90_phone} for phone sessions of {minutes_per_phone_session} min, "
        f"{fill_90_computer} for computer sessions of {computer_session}."
    )
