"""Concepts, timeouts, retries and overload: what a refusal costs against a request that times out,
what a server keeps serving when it sheds, and the numbers a circuit breaker is set with.

Shedding: a refusal made before the work starts (the request's headers read, a 503 written) costs a
small slice of what serving costs. A request served after its caller gave up costs all of its work
for nothing. Either way the request usually comes back as a retry, so the comparison is of the
waste alone: the work thrown away against the refusal. A server that sheds admits work only up to a
target below the knee (a concurrency or utilization cap), so what it admits is served at that
utilization's latency, and refuses the rest. The server is concept_overload's: 10 workers (1,000/s
x 10 ms) sharing one queue, so its latency is the M/M/c one (Erlang C), not one server's.

Client-side throttling (Google SRE book, "Handling Overload"): each client counts, over the last two
minutes, the requests its application attempted and the accepts the backend returned, and rejects a
new request locally with probability max(0, (requests - K accepts) / (requests + 1)), K = 2. It starts
once the backend accepts fewer than 1 / K of the requests; for a large count, at an accept share a
the probability is about 1 - K a, and the backend still sees about K times what it accepts.

Circuit breaker, Resilience4j's defaults (resilience4j.readme.io, CircuitBreaker): a count-based
window of the last 100 calls, judged once it holds at least minimumNumberOfCalls (100); open at a
failure rate of 50% or more; stay open 60 s; then let 10 calls through half-open, judged by the same
50% threshold. A window already full of successes trips once threshold x window calls have failed
(each failure pushes out a success); a cold one (after a restart) needs minimumNumberOfCalls first.
A hung call counts only when the caller's timeout raises an error the breaker records (its own slow
call threshold defaults to 60 s); the caller's timeout here is concept_overload_timeouts' 150 ms.
"""

from concept_overload import CAPACITY, SERVICE_TIME, WORKERS, knee, mmc_response
from concept_overload_timeouts import TIMEOUT

from sdw.estimation import count, duration, fraction, markdown_table, per_second, throughput, times

# --- A refusal against a late answer --------------------------------------------------------------
REFUSAL_COST = 0.0001  # seconds of a core: read the headers, pick the request's priority, write a 503
OFFERED = 1_200  # requests a second offered to a service that completes 1,000
service_cost = duration(SERVICE_TIME)
refusal_cost = duration(REFUSAL_COST)
late_cost = duration(SERVICE_TIME)  # the whole work, served for a caller that has gone
# The waste alone: a refused request and a timed-out one both come back as retries, so the retry is
# on both sides and cancels out.
late_over_refusal = times(SERVICE_TIME / REFUSAL_COST)
offered = per_second(OFFERED)
capacity = throughput(CAPACITY)
CORES = WORKERS  # cores busy serving at capacity: 1,000/s x 10 ms, concept_overload's 10 workers
# Shed to a target below the knee: admit work up to this utilization, refuse the rest.
SHED_TARGET = 0.9
assert knee(WORKERS) > SHED_TARGET
served = SHED_TARGET * CAPACITY
refused = OFFERED - served
shed_target = fraction(SHED_TARGET)
shed_served = per_second(served)
shed_refused = per_second(refused)
shed_response = duration(mmc_response(WORKERS, SHED_TARGET))  # the mean response of what it admits (M/M/10)
refusal_core_share = fraction(refused * REFUSAL_COST / CORES)  # the cores the refusals take

# --- Client-side throttling (SRE book): when does a client start rejecting locally? -------------
K = 2
WINDOW_SECONDS = 120  # the history each client keeps
CLIENT_RATE = 1_000  # requests a second the client's application attempts
ACCEPT_SHARE = 0.3  # the backend accepts this share of them (the rest refused)
throttle_k = count(K)
throttle_start_share = fraction(1 / K)  # rejects once accepts < requests / K
window_requests = CLIENT_RATE * WINDOW_SECONDS
throttle_accept_share = fraction(ACCEPT_SHARE)
throttle_reject = fraction(max(0, (window_requests - K * ACCEPT_SHARE * window_requests) / (window_requests + 1)))

# --- Circuit breaker numbers ----------------------------------------------------------------------
WINDOW_CALLS = 100
MIN_CALLS = 100  # minimumNumberOfCalls
FAILURE_THRESHOLD = 0.5
OPEN_SECONDS = 60
HALF_OPEN_CALLS = 10
BUSY_RATE, QUIET_RATE = 1_000, 2  # calls a second from one caller's process
window_calls = count(WINDOW_CALLS)
failure_threshold = fraction(FAILURE_THRESHOLD)
open_time = duration(OPEN_SECONDS)
half_open_calls = count(HALF_OPEN_CALLS)
busy_rate, quiet_rate = per_second(BUSY_RATE), per_second(QUIET_RATE)
min_calls = count(MIN_CALLS)
warm_failures = count(FAILURE_THRESHOLD * WINDOW_CALLS)  # failures that trip a window full of successes


def trip_warm(rate: float) -> float:
    """Seconds a dead dependency takes to trip a window already full of successes."""
    return FAILURE_THRESHOLD * WINDOW_CALLS / rate


def trip_cold(rate: float) -> float:
    """Seconds it takes to trip a breaker that has just started: it judges nothing before MIN_CALLS."""
    return max(MIN_CALLS, FAILURE_THRESHOLD * WINDOW_CALLS) / rate


detect_busy = duration(trip_warm(BUSY_RATE))
detect_busy_cold = duration(trip_cold(BUSY_RATE))
detect_quiet = duration(trip_warm(QUIET_RATE))
detect_quiet_cold = duration(trip_cold(QUIET_RATE))
# A dependency that hangs fails each call only when the caller's timeout raises an error the breaker
# records, so the failures start that much later. The timeout is the one set from the callee's tail
# (concept_overload_timeouts: its p99.9 plus a quarter).
detect_busy_hung = duration(TIMEOUT + trip_warm(BUSY_RATE))
refused_after_recovery = count(BUSY_RATE * OPEN_SECONDS)  # if the dependency recovers just after it opens
held_without_breaker = count(BUSY_RATE * TIMEOUT)  # a hung dependency, every call to its timeout
# One backend of ten failing its calls (it accepts them and answers UNAVAILABLE, or a vanished host
# whose calls hang to their timeout; a crashed process, whose kernel resets its connections, would
# leave the balancer's picker instead): a tenth of calls fail, below the threshold, so the breaker
# stays closed.
POOL = 10
partial_failure_share = fraction(1 / POOL)

# The same breaker at other call rates: how long a dead dependency takes to trip it, and how many
# calls one open period refuses.
BREAKER_RATES = (QUIET_RATE, 100, BUSY_RATE)
breaker_rows = [
    (
        per_second(rate),
        duration(trip_warm(rate)),
        duration(trip_cold(rate)),
        duration(TIMEOUT + trip_warm(rate)),
        count(rate * OPEN_SECONDS),
    )
    for rate in BREAKER_RATES
]
BREAKER_HEADER = (
    "Calls a second",
    "Trips on a dependency that refuses at once (window full of successes)",
    "The same, just after a restart (window empty)",
    f"Trips on one that hangs to the caller's {duration(TIMEOUT)} timeout",
    "Calls refused in one open period",
)

if __name__ != "concept_overload_shedding":
    print(markdown_table(BREAKER_HEADER, breaker_rows))
    print()
    print(
        f"A refusal costs {refusal_cost} of a core; a request served after its caller gave up wastes "
        f"{late_cost}: {late_over_refusal} (both come back as retries). Offered {offered} against {capacity}, a server "
        f"that sheds to {shed_target} busy serves {shed_served} at a mean of {shed_response} and refuses "
        f"{shed_refused}, which take {refusal_core_share} of its cores."
    )
    print()
    print(
        f"Client-side throttling, K = {throttle_k}: a client starts rejecting once the backend accepts fewer than "
        f"{throttle_start_share} of its requests; at {throttle_accept_share} accepted it rejects {throttle_reject} "
        "locally."
    )
    print()
    print(
        f"Breaker: a window of {window_calls} calls (judged from {min_calls}), open at {failure_threshold} "
        f"({warm_failures} failures in a full window), for {open_time}, then {half_open_calls} probes. Without it "
        f"a hung dependency holds {held_without_breaker} calls open at {busy_rate}; with {partial_failure_share} "
        "of calls failing it never opens."
    )
