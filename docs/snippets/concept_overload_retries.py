"""Concepts, timeouts, retries and overload: what retries multiply, how full jitter spreads them,
and how a retry budget caps them (gRPC's retry throttling, Finagle's RetryBudget).

Amplification: each of L layers makes up to A attempts, so the bottom one gets up to A^L requests
for one at the top (concept_health_checks). A budget lets each layer add at most a share b of retries
to what it sends, so the bottom gets at most (1 + b)^L.

The chosen design: each failure is retried by the layer directly above it, within a budget b, which
then answers "overloaded; don't retry" upward; plus the client, at most C attempts per user action,
never on a "don't retry". A slow bottom that outlasts the client's timeout is retried by both (the
client's retry runs the chain again, the inner layer's retries under it). When the failure is
widespread the budget binds, so the bottom gets at most (1 + b) C in aggregate, provided the inner
retries stop when the propagated deadline runs out. A budget bounds a share of all traffic, not each
action: one action whose calls fail while the budget still has room can cost C x A at the bottom,
where A is the inner layer's per-call attempt cap, and C x E x A for a read the edge also retries, E
being the edge's per-call attempt cap.

Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015; gRPC's retry design A6
uses the same rule): retry n waits a uniform random time in [0, min(cap, base x multiplier^(n-1))],
so its mean is half that ceiling. That is a per-call retry policy. Reconnects follow gRPC's
connection backoff (grpc/grpc doc/connection-backoff.md): INITIAL_BACKOFF 1 s, MULTIPLIER 1.6,
JITTER 0.2, MAX_BACKOFF 120 s, MIN_CONNECT_TIMEOUT 20 s. The first attempt is made at once, so
clients that lost their connections together reconnect together; after a failed attempt the next
waits the backoff times a uniform factor in [1 - JITTER, 1 + JITTER] (the spec leaves the first backoff
unjittered; gRPC's C core jitters it anyway; grpc-go does not, and waits exactly 1 s before its second
attempt). The n-th wave is spread over
at least its last jitter band, 2 x JITTER x backoff, so N clients arrive at most at N over that band;
a server with spare capacity C over its normal load absorbs them only if the band is at least N / C.

gRPC retry throttling (proposal A6, retryThrottling): a token count starts at maxTokens; each failed
call takes 1 token, each successful call adds tokenRatio, and no call is retried or hedged while the
count is at or below maxTokens / 2. Only calls that fail with a retryable or non-fatal status code, or
with pushback, count as failures. From a full bucket, maxTokens / 2 failures in a row stop retries;
with a share f of calls failing, the count drifts by tokenRatio (1 - f) - f a call, which is negative
once f > tokenRatio / (1 + tokenRatio): the count then sinks to 0 and stays there, and no call is
retried until the failures ease. To ride out a failing share f, tokenRatio must exceed f / (1 - f).

Finagle's RetryBudget default (ClientParams.scala: about 20% of requests on top of 10 retries a
second): a client may retry 10 a second plus a fifth of its requests, so at a low rate the floor
allows far more than a fifth.
"""

from chat_assumptions import tls_handshake_cpu
from concept_health_checks import ATTEMPTS_PER_LAYER, RETRYING_LAYERS
from concept_overload import CAPACITY, NORMAL_RATE, SERVICE_TIME

from sdw.estimation import count, duration, fraction, markdown_table, per_second, throughput, times

# --- Amplification, with and without a budget ----------------------------------------------------
BUDGET_SHARE = 0.10  # retries at most a tenth of requests, at every layer
budget_share = fraction(BUDGET_SHARE)
budget_amplification = times((1 + BUDGET_SHARE) ** RETRYING_LAYERS)
one_layer_amplification = times(ATTEMPTS_PER_LAYER)
# The chosen design: one retrying layer within its budget, and the client's own attempts on top, which
# a client timeout brings into play when the bottom is slow rather than failing. The client policy:
# at most CLIENT_ATTEMPTS attempts per user action, counted on the action's idempotency key. A read
# that the edge also retries after its per-call timeout, within the same budget, adds a third factor.
CLIENT_ATTEMPTS = 3
client_attempts = count(CLIENT_ATTEMPTS)
chosen_design_amplification = times((1 + BUDGET_SHARE) * CLIENT_ATTEMPTS)
read_amplification = times((1 + BUDGET_SHARE) ** 2 * CLIENT_ATTEMPTS)
# The layer directly above the failure alone, within its budget.
above_failure_amplification = times(1 + BUDGET_SHARE)
# The budget bounds the aggregate, not one action: while it has room, the inner layer may spend its
# whole per-call attempt cap on one call (the same first try and two retries as fixed attempts above),
# under each of the client's attempts.
INNER_ATTEMPTS = ATTEMPTS_PER_LAYER
inner_attempts = count(INNER_ATTEMPTS)
per_action_ceiling = times(CLIENT_ATTEMPTS * INNER_ATTEMPTS)  # a write: the edge does not retry it
# A read the edge also retries after its per-call timeout: the edge's own per-call cap, the same first try
# and two retries, multiplies in under each client attempt.
EDGE_ATTEMPTS = ATTEMPTS_PER_LAYER
edge_attempts = count(EDGE_ATTEMPTS)
read_per_action_ceiling = times(CLIENT_ATTEMPTS * EDGE_ATTEMPTS * INNER_ATTEMPTS)

# --- Full jitter: gRPC A6's example policy ------------------------------------------------------
MAX_ATTEMPTS = 4  # the first call and three retries
INITIAL_BACKOFF = 0.1  # seconds
MAX_BACKOFF = 1.0
MULTIPLIER = 2
# Clients that fail in the same instant: at 800 requests a second only a handful are mid-request at
# any moment, so 10,000 failing together are 10,000 long-lived connections (sockets, gRPC channels)
# dropped at once by a restart or a blip, and coming back as a reconnect storm.
CLIENTS = 10_000

max_attempts = count(MAX_ATTEMPTS)
initial_backoff = duration(INITIAL_BACKOFF)
max_backoff = duration(MAX_BACKOFF)
clients = count(CLIENTS)
ceilings = [min(MAX_BACKOFF, INITIAL_BACKOFF * MULTIPLIER ** (n - 1)) for n in range(1, MAX_ATTEMPTS)]
jitter_rows = [(count(n), duration(ceiling), duration(ceiling / 2)) for n, ceiling in enumerate(ceilings, start=1)]
expected_total_wait = duration(sum(ceilings) / 2)
longest_total_wait = duration(sum(ceilings))
spare_capacity = throughput(CAPACITY - NORMAL_RATE)
# A reconnect's cost, in requests: a full TLS handshake's CPU (chat's assumption, one ECDSA P-256
# signature and one ECDHE exchange, rounded up for the TCP accept and the kernel's work: a guess, so the
# storm's figures below are an upper end) against the service's 10 ms request.
reconnect_cost = duration(tls_handshake_cpu)
RECONNECT_REQUESTS = float(tls_handshake_cpu) / SERVICE_TIME
reconnect_requests = count(RECONNECT_REQUESTS)
service_time = duration(SERVICE_TIME)
# The window that keeps the reconnects' handshakes within the spare capacity.
spread_needed = duration(CLIENTS * RECONNECT_REQUESTS / (CAPACITY - NORMAL_RATE))

# --- Reconnects: gRPC's connection backoff (doc/connection-backoff.md) -----------------------------
CONNECT_INITIAL_BACKOFF = 1.0  # seconds
CONNECT_MULTIPLIER = 1.6
CONNECT_JITTER = 0.2
CONNECT_MAX_BACKOFF = 120.0  # seconds
MIN_CONNECT_TIMEOUT = 20.0  # seconds a connection attempt is given at least
WAVES = 5  # connection attempts shown
connect_initial_backoff = duration(CONNECT_INITIAL_BACKOFF)
connect_multiplier = count(CONNECT_MULTIPLIER)
connect_jitter = fraction(CONNECT_JITTER)
min_connect_timeout = duration(MIN_CONNECT_TIMEOUT)


def connect_backoff(attempt: int) -> float:
    """Seconds waited before connection attempt `attempt` (2, 3, ...) after the one before it failed."""
    return min(CONNECT_MAX_BACKOFF, CONNECT_INITIAL_BACKOFF * CONNECT_MULTIPLIER ** (attempt - 2))


def band(attempt: int) -> float:
    """The jitter band of that wait: the wave is spread over at least this."""
    return 2 * CONNECT_JITTER * connect_backoff(attempt)


reconnect_rows = [
    (count(1), "none", "at once", f"all {count(CLIENTS)} together"),
    *[
        (
            count(n),
            duration(connect_backoff(n)),
            duration(band(n)),
            per_second(CLIENTS / band(n)),
        )
        for n in range(2, WAVES + 1)
    ],
]
second_wave_band = duration(band(2))
second_wave_rate = per_second(CLIENTS / band(2))
second_wave_load = per_second(CLIENTS * RECONNECT_REQUESTS / band(2))  # in request-equivalents
second_wave_load_over_spare = times(CLIENTS * RECONNECT_REQUESTS / band(2) / (CAPACITY - NORMAL_RATE))
first_wave_work = duration(CLIENTS * float(tls_handshake_cpu) / (CAPACITY * SERVICE_TIME))  # of the whole service
# The first connection attempt whose jitter band reaches the spread needed, and when it comes.
WAVE_SPREAD = next(n for n in range(2, 40) if band(n) >= CLIENTS * RECONNECT_REQUESTS / (CAPACITY - NORMAL_RATE))
wave_spread = count(WAVE_SPREAD)
wave_spread_at = duration(sum(connect_backoff(n) for n in range(2, WAVE_SPREAD + 1)))
third_wave_rate = per_second(CLIENTS / band(3))
# The handshake cost at which the second wave's handshakes just fill the spare capacity: below it the
# second wave fits, above it the storm outruns the spare.
handshake_break_even = duration((CAPACITY - NORMAL_RATE) * band(2) * SERVICE_TIME / CLIENTS)
RECONNECT_HEADER = ("Connection attempt", "After a backoff of", "Spread over at least", f"{clients} clients arrive at")
max_backoff_band = duration(2 * CONNECT_JITTER * CONNECT_MAX_BACKOFF)  # the widest band the defaults give

# --- gRPC retry throttling: A6's example, maxTokens 10, tokenRatio 0.1 -----------------------------
MAX_TOKENS = 10
TOKEN_RATIO = 0.1
max_tokens = count(MAX_TOKENS)
token_ratio = count(TOKEN_RATIO)
failures_to_stop = count(MAX_TOKENS - MAX_TOKENS / 2)
break_even_failure_share = fraction(TOKEN_RATIO / (1 + TOKEN_RATIO))
# One backend of ten failing its calls: it accepts them and answers UNAVAILABLE (a crashed process,
# whose kernel resets its connections, leaves the balancer instead: gRPC's round_robin picks only
# endpoints whose connection is READY; a vanished host sends no reset and stays READY until keepalive). A tenth of
# calls fail, just over the break-even share, so the count drifts down to the threshold, then on to
# 0, and stays there: no call is retried, though nine backends in ten would have answered the retries.
POOL = 10
CALL_RATE = 1_000  # calls a second from one client
FAILING = 1 / POOL
failing_share = fraction(FAILING)
drift_per_call = TOKEN_RATIO * (1 - FAILING) - FAILING
calls_to_throttle = count((MAX_TOKENS / 2) / -drift_per_call)
call_rate = per_second(CALL_RATE)
time_to_throttle = duration((MAX_TOKENS / 2) / -drift_per_call / CALL_RATE)
time_to_empty = duration(MAX_TOKENS / -drift_per_call / CALL_RATE)
token_ratio_needed = count(FAILING / (1 - FAILING))  # tokenRatio must exceed this to ride out FAILING

# A vanished host (no reset) stays READY until client keepalive notices: a ping after Time idle, and
# the connection closed if no ack comes within Timeout (grpc-go: Time at least 10 s, Timeout default
# 20 s). Meanwhile the calls the picker sends it (one in POOL) hang to their deadlines.
KEEPALIVE_TIME = 10.0  # seconds, grpc-go's floor
KEEPALIVE_TIMEOUT = 20.0  # seconds, grpc-go's default
KEEPALIVE_TIMEOUT_SHORT = 5.0  # seconds, set explicitly
keepalive_time = duration(KEEPALIVE_TIME)
keepalive_timeout = duration(KEEPALIVE_TIMEOUT)
keepalive_timeout_short = duration(KEEPALIVE_TIMEOUT_SHORT)
vanished_window = duration(KEEPALIVE_TIME + KEEPALIVE_TIMEOUT)
vanished_window_short = duration(KEEPALIVE_TIME + KEEPALIVE_TIMEOUT_SHORT)
vanished_calls = count(CALL_RATE / POOL * (KEEPALIVE_TIME + KEEPALIVE_TIMEOUT))
vanished_calls_short = count(CALL_RATE / POOL * (KEEPALIVE_TIME + KEEPALIVE_TIMEOUT_SHORT))

# --- Finagle's default budget: 20% of requests plus 10 retries a second ----------------------------
FINAGLE_SHARE = 0.2
FINAGLE_FLOOR = 10  # retries a second
finagle_share = fraction(FINAGLE_SHARE)
finagle_floor = per_second(FINAGLE_FLOOR)
LOW_RATE, HIGH_RATE = 20, 1_000  # requests a second from one client
low_rate, high_rate = per_second(LOW_RATE), per_second(HIGH_RATE)
finagle_low_share = fraction((FINAGLE_FLOOR + FINAGLE_SHARE * LOW_RATE) / LOW_RATE)
finagle_high_share = fraction((FINAGLE_FLOOR + FINAGLE_SHARE * HIGH_RATE) / HIGH_RATE)

if __name__ != "concept_overload_retries":
    print(markdown_table(("Per-call retry (A6's example)", "Waits up to", "Mean wait"), jitter_rows))
    print()
    print(
        markdown_table(
            RECONNECT_HEADER,
            reconnect_rows,
        )
    )
    print()
    print(
        f"With a {budget_share} budget at each of {count(RETRYING_LAYERS)} layers the bottom gets at most "
        f"{budget_amplification} the requests; fixed attempts at one layer, {one_layer_amplification}; the layer "
        f"directly above the failure within {budget_share}, {above_failure_amplification}; that plus the client's "
        f"{client_attempts} attempts, {chosen_design_amplification} in aggregate when the failure is widespread "
        f"({read_amplification} for a read the edge also retries). One action's ceiling, while the budget has "
        f"room: {client_attempts} client attempts x {inner_attempts} inner attempts per call, {per_action_ceiling}, "
        f"for a write; x {edge_attempts} edge attempts per call, {read_per_action_ceiling}, for a read."
    )
    print()
    print(
        f"Reconnects (gRPC connection backoff: {connect_initial_backoff}, x{connect_multiplier}, jitter "
        f"{connect_jitter}): the second wave of {clients} clients arrives within {second_wave_band}, "
        f"{second_wave_rate} connections; at {reconnect_requests} of a request each, that is {second_wave_load} in "
        f"request-equivalents, {second_wave_load_over_spare} the {spare_capacity} spare, so they must be spread over "
        f"{spread_needed}, the band of attempt {wave_spread}, {wave_spread_at} in."
    )
    print()
    print(
        f"gRPC throttling (maxTokens {max_tokens}, tokenRatio {token_ratio}): {failures_to_stop} failures in a row "
        f"stop retries, and the count only recovers while fewer than {break_even_failure_share} of calls fail. "
        f"With one backend in {POOL} failing its calls ({failing_share} failing) a client at {call_rate} reaches "
        f"the threshold after {calls_to_throttle} calls, {time_to_throttle}, and 0 after {time_to_empty}; riding it "
        f"out needs a tokenRatio above {token_ratio_needed}. Finagle's default lets a client at {low_rate} retry "
        f"{finagle_low_share} of its requests, at {high_rate} {finagle_high_share}."
    )
