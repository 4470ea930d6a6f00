"""Concepts, timeouts, retries and overload: what a refusal costs against a request that times out,
what a server keeps serving when it sheds, and the numbers a circuit breaker is set with.

Shedding: a refusal made before the work starts (the request's headers read, a 503 written) costs a
small slice of what serving costs. A request served after its caller gave up costs all of its work,
and usually comes back as a retry that costs it again. With refusals taking their slice of the
cores, the rest serves requests that are answered in time.

Circuit breaker, Resilience4j's defaults (resilience4j.readme.io, CircuitBreaker): a count-based
window of the last 100 calls, judged once it holds at least 100; open at a failure rate of 50% or
more; stay open 60 s; then let 10 calls through half-open and close if fewer than half fail.
"""

from concept_overload import CAPACITY, HUNG_TIMEOUT, SERVICE_TIME

from sdw.estimation import count, duration, fraction, markdown_table, per_second, throughput, times

# --- A refusal against a late answer --------------------------------------------------------------
REFUSAL_COST = 0.0001  # seconds of a core: read the headers, pick the request's priority, write a 503
OFFERED = 1_200  # requests a second offered to a service that completes 1,000
service_cost = duration(SERVICE_TIME)
refusal_cost = duration(REFUSAL_COST)
late_cost = duration(2 * SERVICE_TIME)  # served for nobody, then served again as the retry
late_over_refusal = times(2 * SERVICE_TIME / REFUSAL_COST)
offered = per_second(OFFERED)
capacity = throughput(CAPACITY)
cores = count(CAPACITY * SERVICE_TIME)  # cores busy serving at capacity: 1,000/s x 10 ms
# Solve: served + refused = offered, served x S + refused x R = cores.
served = (CAPACITY * SERVICE_TIME - OFFERED * REFUSAL_COST) / (SERVICE_TIME - REFUSAL_COST)
shed_served = per_second(served)
shed_refused = per_second(OFFERED - served)
shed_goodput_share = fraction(served / CAPACITY)

# --- Circuit breaker numbers ----------------------------------------------------------------------
WINDOW_CALLS = 100
FAILURE_THRESHOLD = 0.5
OPEN_SECONDS = 60
HALF_OPEN_CALLS = 10
BUSY_RATE, QUIET_RATE = 1_000, 2  # calls a second from one caller's process
window_calls = count(WINDOW_CALLS)
failure_threshold = fraction(FAILURE_THRESHOLD)
open_time = duration(OPEN_SECONDS)
half_open_calls = count(HALF_OPEN_CALLS)
busy_rate, quiet_rate = per_second(BUSY_RATE), per_second(QUIET_RATE)
detect_busy = duration(WINDOW_CALLS / BUSY_RATE)  # a dead dependency fails every call in the window
detect_quiet = duration(WINDOW_CALLS / QUIET_RATE)
# A dependency that hangs fails each call only at its timeout, so the window fills that much later.
detect_busy_hung = duration(HUNG_TIMEOUT + WINDOW_CALLS / BUSY_RATE)
refused_after_recovery = count(BUSY_RATE * OPEN_SECONDS)  # if the dependency recovers just after it opens
held_without_breaker = count(BUSY_RATE * HUNG_TIMEOUT)  # a hung dependency, every call to its timeout
# One backend of ten dead: a tenth of calls fail, below the threshold, so the breaker stays closed
POOL = 10
partial_failure_share = fraction(1 / POOL)

# The same breaker at other call rates: how long a dead dependency takes to trip it, and how many
# calls one open period refuses.
BREAKER_RATES = (QUIET_RATE, 100, BUSY_RATE)
breaker_rows = [
    (
        per_second(rate),
        duration(WINDOW_CALLS / rate),
        duration(HUNG_TIMEOUT + WINDOW_CALLS / rate),
        count(rate * OPEN_SECONDS),
    )
    for rate in BREAKER_RATES
]
BREAKER_HEADER = (
    "Calls a second",
    "Trips on a dependency that refuses at once",
    "Trips on one that hangs to the timeout",
    "Calls refused in one open period",
)

if __name__ != "concept_overload_shedding":
    print(markdown_table(BREAKER_HEADER, breaker_rows))
    print()
    print(
        f"A refusal costs {refusal_cost} of a core; a request that times out costs {late_cost} "
        f"(served, then retried): {late_over_refusal}. Offered {offered} against {capacity}, a server "
        f"that sheds serves {shed_served} in time ({shed_goodput_share} of its capacity) and refuses "
        f"{shed_refused}."
    )
    print()
    print(
        f"Breaker: a window of {window_calls} calls, open at {failure_threshold}, for {open_time}, then "
        f"{half_open_calls} probes. Without it a hung dependency holds {held_without_breaker} calls open at "
        f"{busy_rate}; with {partial_failure_share} of calls failing it never opens."
    )
