"""Concepts, timeouts, retries and overload: why a server falls over as it fills, how many requests
are in flight (Little's law), and what an unbounded queue does with a burst.

Queues, arithmetic (M/M/1: requests arrive at random, one server, service times exponential with
mean S): at utilization rho the mean time queued is rho S / (1 - rho), the mean response S / (1 - rho),
and the response time is exponential with that mean, so its p99 is ln(100) times it. M/M/c (c workers
sharing one queue, each at rho) waits less: the Erlang C formula gives the chance a request waits at
all, and a waiting request waits S / (c (1 - rho)) on average. Real servers are not exponential, but
the shape holds for any service time distribution: the wait grows as 1 / (1 - rho).

The knee, as this page uses the word: the utilization at which a request's mean time queued reaches
its service time, so its mean response is twice the unloaded one. For one server (M/M/1) that is
50%; for c workers sharing a queue it is found numerically from the M/M/c wait (92.5% for 10).

The tail of the pooled server: a request waits with the Erlang C probability, and a waiting request
waits an exponential time of rate c (1 - rho) / S, so the response (wait plus an exponential service
of mean S) exceeds t with probability (1 - C) e^(-t/S) + C P(wait + service > t), the last the tail
of the sum of two exponentials; its p99 is found by bisection. The examples run each server at the
rules of thumb's 60% target, with 1.5x the servers to lose one of three zones: 40% busy at peak with
every zone up, 60% with one lost. The room between those and the knee is what a burst may take
before the mean response doubles.

Little's law (Little, 1961): requests in a system = arrival rate x time each spends in it, whatever
the distributions. It sizes thread pools, connection pools and queues from a rate and a latency.

A burst: arrivals above capacity pile up at (arrival - capacity) a second; after the burst the
backlog drains at (capacity - arrival), and in first-in, first-out order each request waits the
backlog ahead of it divided by the capacity. Once that wait passes the callers' timeout, every
answer the server sends is to a caller that has gone.
"""

import math

from concept_load_balancing import time_random
from reference_capacity import redis_gets_per_second, target_utilization
from step7_zone_headroom import three_zone_headroom

from sdw.estimation import count, duration, fraction, markdown_table, per_second, throughput, times

# --- Waiting time against utilization ------------------------------------------------------------
SERVICE_TIME = 0.010  # seconds of work per request
CAPACITY = 1_000  # requests a second the service completes (the burst and shedding sections' server)
# Workers sharing one queue, for the M/M/c column: the same server, 1,000/s x 10 ms = 10 busy at capacity.
WORKERS = round(CAPACITY * SERVICE_TIME)
UTILIZATIONS = (0.4, 0.5, 0.6, 0.8, 0.9, 0.95, 0.99)
P99_FACTOR = math.log(100)  # an exponential's p99 is ln(100) times its mean


def mm1_response(rho: float, service: float = SERVICE_TIME) -> float:
    return service * time_random(rho)  # the load-balancing page's time in the system, in service times


def mm1_queued(rho: float, service: float = SERVICE_TIME) -> float:
    return mm1_response(rho, service) - service


def erlang_c(workers: int, rho: float) -> float:
    """The chance that a request must wait, with `workers` servers each busy `rho` of the time."""
    load = workers * rho
    top = load**workers / math.factorial(workers) / (1 - rho)
    return top / (sum(load**k / math.factorial(k) for k in range(workers)) + top)


def mmc_queued(workers: int, rho: float, service: float = SERVICE_TIME) -> float:
    return erlang_c(workers, rho) * service / (workers * (1 - rho))


def mmc_response(workers: int, rho: float, service: float = SERVICE_TIME) -> float:
    return mmc_queued(workers, rho, service) + service


def mmc_response_beyond(workers: int, rho: float, t: float, service: float = SERVICE_TIME) -> float:
    """The chance a response takes longer than t: no wait and a long service, or a wait plus a service."""
    mu, wait_rate = 1 / service, workers * (1 - rho) / service
    waits = erlang_c(workers, rho)
    if abs(wait_rate - mu) < 1e-9 * mu:  # equal rates: the sum is Erlang-2
        both = math.exp(-mu * t) * (1 + mu * t)
    else:
        both = (wait_rate * math.exp(-mu * t) - mu * math.exp(-wait_rate * t)) / (wait_rate - mu)
    return (1 - waits) * math.exp(-mu * t) + waits * both


def mmc_p99(workers: int, rho: float, service: float = SERVICE_TIME) -> float:
    low, high = 0.0, 1_000 * service
    for _ in range(100):
        mid = (low + high) / 2
        low, high = (mid, high) if mmc_response_beyond(workers, rho, mid, service) > 0.01 else (low, mid)
    return high


def knee(workers: int) -> float:
    """The utilization at which the mean time queued reaches the service time (bisection)."""
    low, high = 0.0, 1.0 - 1e-9
    for _ in range(60):
        mid = (low + high) / 2
        low, high = (mid, high) if mmc_queued(workers, mid, 1.0) < 1.0 else (low, mid)
    return low


service_time = duration(SERVICE_TIME)
workers = count(WORKERS)
knee_one = fraction(knee(1))
knee_pooled = fraction(knee(WORKERS))
queue_rows = [
    (
        fraction(rho),
        duration(mm1_queued(rho)),
        duration(mm1_response(rho)),
        duration(P99_FACTOR * mm1_response(rho)),
        fraction(erlang_c(WORKERS, rho)),
        duration(mmc_queued(WORKERS, rho)),
        duration(mmc_response(WORKERS, rho)),
        duration(mmc_p99(WORKERS, rho)),
    )
    for rho in UTILIZATIONS
]
response_at_50 = duration(mm1_response(0.5))
response_at_90 = duration(mm1_response(0.9))
response_at_99 = duration(mm1_response(0.99))
p99_at_50 = duration(P99_FACTOR * mm1_response(0.5))
p99_at_90 = duration(P99_FACTOR * mm1_response(0.9))
p99_at_99 = duration(P99_FACTOR * mm1_response(0.99))
p99_growth_90_to_99 = times(mm1_response(0.99) / mm1_response(0.9))  # the p99 is ln(100) times the mean
queued_at_90_pooled = duration(mmc_queued(WORKERS, 0.9))
queued_at_90 = duration(mm1_queued(0.9))
p99_at_90_pooled = duration(mmc_p99(WORKERS, 0.9))

# --- The examples' utilization target, against the tail and the knee ----------------------------
# Each server runs at the rules of thumb's target with one zone of three lost; with every zone up,
# the same servers carry the peak at the target over the zone headroom.
PEAK_ALL_ZONES = target_utilization / float(three_zone_headroom)
utilization_all_zones = fraction(PEAK_ALL_ZONES)
waits_at_target = fraction(erlang_c(WORKERS, target_utilization))
waits_all_zones = fraction(erlang_c(WORKERS, PEAK_ALL_ZONES))
response_at_target = duration(mm1_response(target_utilization))  # one worker at the same target
p99_at_target_pooled = duration(mmc_p99(WORKERS, target_utilization))
p99_all_zones_pooled = duration(mmc_p99(WORKERS, PEAK_ALL_ZONES))
burst_to_knee_zone_lost = times(knee(WORKERS) / target_utilization)  # a burst this far over the peak reaches the knee
burst_to_knee_all_zones = times(knee(WORKERS) / PEAK_ALL_ZONES)

# --- Little's law: how much is in flight --------------------------------------------------------
RATE = 2_000  # requests a second into one service
TIME_IN_SERVICE = 0.050  # seconds each spends in it, its calls downstream included
QUERIES_PER_REQUEST = 2
QUERY_TIME = 0.005  # seconds each query holds a database connection
POOL_UTILIZATION = 0.8  # keep the pool this busy at most, as any queue
HUNG_TIMEOUT = 1.0  # seconds: a dependency that hangs holds each call this long, to its timeout

rate = per_second(RATE)
time_in_service = duration(TIME_IN_SERVICE)
in_flight = count(RATE * TIME_IN_SERVICE)
queries_per_request = count(QUERIES_PER_REQUEST)
query_time = duration(QUERY_TIME)
connections_busy = count(RATE * QUERIES_PER_REQUEST * QUERY_TIME)
POOL_CONNECTIONS = math.ceil(RATE * QUERIES_PER_REQUEST * QUERY_TIME / POOL_UTILIZATION)
connection_pool = count(POOL_CONNECTIONS)
pool_utilization = fraction(POOL_UTILIZATION)
# A pool of exactly the mean in-flight count is busy all the time: size it to hold more, at the same
# utilization as the connection pool.
in_flight_pool = count(math.ceil(RATE * TIME_IN_SERVICE / POOL_UTILIZATION))
# How long a query waits for a connection from that pool (M/M/c: the pool's connections are the workers).
connection_wait = duration(mmc_queued(POOL_CONNECTIONS, POOL_UTILIZATION, QUERY_TIME))
hung_timeout = duration(HUNG_TIMEOUT)
in_flight_hung = count(RATE * HUNG_TIMEOUT)
in_flight_hung_over_normal = times(HUNG_TIMEOUT / TIME_IN_SERVICE)
# A bulkhead: the dependency's own pool, sized from its normal latency (its p99, at the pool's target
# utilization), so a hang fills it within moments and every further call to it is refused at once.
# Sized from its timeout instead (its call rate x timeout, in concept_overload_timeouts), it is about
# the p99.9's size; from a round 1 s timeout it could never fill before the service's whole pool
# (in_flight_pool) ran out. The dependency is called on one request in four, so requests
# that do not need it go on when it hangs. When the hang starts the bulkhead already holds its normal
# occupancy (call rate x mean latency, Little's law), and from then on every call stays, so it is full
# (BULKHEAD - occupancy) / call rate later.
DEPENDENCY_SHARE = 0.25  # of the service's requests call the dependency, once each
DEPENDENCY_RATE = RATE * DEPENDENCY_SHARE  # calls a second to it
DEPENDENCY_MEAN = 0.005  # seconds: its normal mean latency, measured at the caller
DEPENDENCY_P99 = 0.020  # seconds: its normal p99
BULKHEAD = math.ceil(DEPENDENCY_RATE * DEPENDENCY_P99 / POOL_UTILIZATION)
OCCUPANCY = DEPENDENCY_RATE * DEPENDENCY_MEAN  # calls in it on average, before any hang
FILL_TIME = (BULKHEAD - OCCUPANCY) / DEPENDENCY_RATE
dependency_share = fraction(DEPENDENCY_SHARE)
dependency_rate = per_second(DEPENDENCY_RATE)
dependency_mean = duration(DEPENDENCY_MEAN)
dependency_p99 = duration(DEPENDENCY_P99)
bulkhead = count(BULKHEAD)
bulkhead_occupancy = count(OCCUPANCY)
bulkhead_fill_time = duration(FILL_TIME)  # a hung dependency holds every call: full this soon
# The same rule from the dependency's p99.9 instead: a larger bulkhead, full later, holding more in a hang.
DEPENDENCY_P999 = 0.050  # seconds
BULKHEAD_P999 = math.ceil(DEPENDENCY_RATE * DEPENDENCY_P999 / POOL_UTILIZATION)
dependency_p999 = duration(DEPENDENCY_P999)
bulkhead_p999 = count(BULKHEAD_P999)
bulkhead_p999_fill_time = duration((BULKHEAD_P999 - OCCUPANCY) / DEPENDENCY_RATE)
# An ordinary pause of the dependency (a garbage-collection pause): every call made during it is held
# until it ends. Sized from the p99, the bulkhead is full once FILL_TIME has passed, and every call
# after that, to the pause's end, is refused, though it would have been answered a moment later.
PAUSE = 0.030  # seconds
pause = duration(PAUSE)
refused_in_pause = count(DEPENDENCY_RATE * max(0.0, PAUSE - FILL_TIME))
# A short bounded wait for a slot: a call that finds the bulkhead full waits up to SLOT_WAIT for one
# before it is refused. A pause no longer than the fill time plus the wait refuses nothing; a hang
# still refuses, each call after its wait, and holds at most the bulkhead plus the calls waiting.
SLOT_WAIT = 0.010  # seconds
HELD_IN_HANG = BULKHEAD + DEPENDENCY_RATE * SLOT_WAIT
slot_wait = duration(SLOT_WAIT)
pause_ridden_out = duration(FILL_TIME + SLOT_WAIT)
refused_in_pause_with_wait = count(DEPENDENCY_RATE * max(0.0, PAUSE - FILL_TIME - SLOT_WAIT))
held_in_hang_with_wait = count(HELD_IN_HANG)
# What that takes from the service's pool: in a hang the dependency's calls hold HELD_IN_HANG slots
# instead of their normal occupancy, so the pool's spare (its size less the mean in flight) shrinks by
# the difference, and what is left is the room for a burst while the dependency hangs.
POOL_SPARE = math.ceil(RATE * TIME_IN_SERVICE / POOL_UTILIZATION) - RATE * TIME_IN_SERVICE
pool_spare = count(POOL_SPARE)
spare_left_in_hang = count(POOL_SPARE - (HELD_IN_HANG - OCCUPANCY))
# A single-worker store shard at the same target: the Redis server the examples size at it serves a GET
# in about 12 us, so its doubled response costs microseconds.
REDIS_SERVICE_TIME = 1 / redis_gets_per_second
redis_service_time = duration(REDIS_SERVICE_TIME)
redis_response_at_target = duration(mm1_response(target_utilization, REDIS_SERVICE_TIME))
redis_queued_at_target = duration(mm1_queued(target_utilization, REDIS_SERVICE_TIME))

# --- A burst into an unbounded first-in, first-out queue -----------------------------------------
NORMAL_RATE = 800  # requests a second before and after the burst (80% busy)
BURST_RATE = 1_200  # requests a second during the burst
BURST_SECONDS = 10
CALLER_TIMEOUT = 1.0  # seconds a caller waits before it gives up
QUEUE_LIMIT_SECONDS = 0.5  # a bounded queue holds at most this much work

capacity = throughput(CAPACITY)
normal_rate = per_second(NORMAL_RATE)
burst_rate = per_second(BURST_RATE)
burst_time = duration(BURST_SECONDS)
caller_timeout = duration(CALLER_TIMEOUT)
growth = BURST_RATE - CAPACITY  # the backlog grows by this a second during the burst
drain = CAPACITY - NORMAL_RATE  # and shrinks by this a second after it
backlog_growth = per_second(growth)
backlog = count(growth * BURST_SECONDS)
backlog_wait = duration(growth * BURST_SECONDS / CAPACITY)
drain_rate = per_second(drain)
drain_time = duration(growth * BURST_SECONDS / drain)
# The wait passes the timeout once the backlog holds a timeout's worth of work, and falls below
# it once the drain has brought it back there.
late_backlog = CALLER_TIMEOUT * CAPACITY
late_from = late_backlog / growth  # seconds into the burst
late_until = BURST_SECONDS + (growth * BURST_SECONDS - late_backlog) / drain
late_window = duration(late_until - late_from)
late_answers = count((late_until - late_from) * CAPACITY)
burst_late_from = duration(late_from)
# A bounded queue: at most QUEUE_LIMIT_SECONDS of work waits; what would go past it is refused.
queue_limit_seconds = duration(QUEUE_LIMIT_SECONDS)
queue_limit = count(QUEUE_LIMIT_SECONDS * CAPACITY)
bounded_refused = count(growth * BURST_SECONDS - QUEUE_LIMIT_SECONDS * CAPACITY)

if __name__ != "concept_overload":
    print(
        markdown_table(
            (
                "Utilization",
                "Mean time queued, one server",
                "Mean response, one server",
                "p99 response, one server",
                f"Chance a request waits, {workers} workers sharing a queue",
                f"Mean time queued, {workers} workers",
                f"Mean response, {workers} workers",
                f"p99 response, {workers} workers",
            ),
            queue_rows,
        )
    )
    print()
    print(
        f"Little's law: {rate} x {time_in_service} = {in_flight} requests in flight; "
        f"{rate} x {queries_per_request} queries x {query_time} = {connections_busy} connections busy "
        f"(a pool of {connection_pool} at {pool_utilization}, a wait for one of {connection_wait}); a thread pool "
        f"for the requests holds {in_flight_pool}; a dependency hung until a {hung_timeout} timeout holds "
        f"{in_flight_hung}. A bulkhead for a dependency called on {dependency_share} of requests ({dependency_rate}), "
        f"from its {dependency_p99} p99, holds {bulkhead}; it starts a hang holding {bulkhead_occupancy} and is full "
        f"{bulkhead_fill_time} in; a {pause} pause then refuses {refused_in_pause} calls on average, "
        f"{refused_in_pause_with_wait} with a {slot_wait} wait for a slot (pauses up to {pause_ridden_out} ridden "
        f"out; {held_in_hang_with_wait} held in a hang, leaving {spare_left_in_hang} of the pool's {pool_spare} "
        f"spare). From its {dependency_p999} p99.9 it would hold {bulkhead_p999}, full {bulkhead_p999_fill_time} in."
    )
    print()
    print(
        f"Burst: {burst_rate} for {burst_time} into {capacity} leaves {backlog} queued, the last "
        f"waiting {backlog_wait}; it drains at {drain_rate} in {drain_time}. Answers come after the "
        f"callers' {caller_timeout} timeout for {late_window}: {late_answers} requests served for nobody. "
        f"A queue bounded at {queue_limit_seconds} of work ({queue_limit} requests) refuses "
        f"{bounded_refused} instead, and every answer is in time."
    )
