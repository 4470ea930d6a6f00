"""Concepts, timeouts, retries and overload: a timeout set from the callee's measured tail, what a
round number or no timeout holds when the callee hangs, and a deadline split down a chain of calls.

A timeout is the callee's measured p99.9 plus a margin, so at most about 0.1% of healthy calls time
out. While the callee hangs, every call waits the whole timeout, so by Little's law the caller holds
rate x timeout calls open (threads, connections, memory). With no timeout at all (the default of
Python's requests and of Go's http.Client), the calls pile up for as long as the hang lasts.

A connect timeout has TCP's retransmission under it: before any round trip is measured, the
retransmission timeout is 1 s (RFC 6298, 2.1), so a lost SYN is sent again only after 1 s (Linux's
first SYN retransmit), the next after the timeout doubles, 2 s more (Linux since 6.5 sends its first
five SYN retransmits 1 s apart, at 1, 2, 3, 4 and 5 s, and only then doubles: with
tcp_syn_linear_timeouts = 4 its timeouts run 1, 1, 1, 1, 1, 2, 4 s, per the kernel's ip-sysctl). A
connect timeout below 1 s fails on one lost SYN; one just above it survives one loss. A timeout of a
few round trips is right only where the client then tries another host at once, and it is the only
one that fits inside a call timeout shorter than 1 s.

A deadline is an absolute time carried with the request (gRPC sends the time left in its
grpc-timeout header). Each hop spends some of it, keeps some for its own work after the answer, and
passes the rest down; a hop with too little left refuses at once instead of starting work its
caller will throw away.
"""

import math

from concept_overload import DEPENDENCY_P999, DEPENDENCY_RATE, HUNG_TIMEOUT, RATE, dependency_p999

from sdw.estimation import count, duration, fraction, markdown_table, per_second, times

# --- A timeout from the callee's tail ------------------------------------------------------------
CALLEE_P99 = 0.045  # seconds: measured at the caller, network included
CALLEE_P999 = 0.120
MARGIN = 0.25  # a quarter on top of the p99.9, for drift between measurements
HANG_SECONDS = 60  # how long the callee hangs

callee_p99 = duration(CALLEE_P99)
callee_p999 = duration(CALLEE_P999)
margin = fraction(MARGIN)
TIMEOUT = CALLEE_P999 * (1 + MARGIN)  # seconds
timeout = duration(TIMEOUT)
rate = per_second(RATE)
round_timeout = duration(HUNG_TIMEOUT)
held_at_timeout = count(RATE * TIMEOUT)
held_at_round = count(RATE * HUNG_TIMEOUT)
hang_time = duration(HANG_SECONDS)
held_without_timeout = count(RATE * HANG_SECONDS)
# The bulkhead of concept_overload sized from its dependency's timeout (the call rate x the timeout),
# the timeout set by the same rule from that dependency's p99.9, and from a round 1 s timeout.
DEPENDENCY_TIMEOUT = DEPENDENCY_P999 * (1 + MARGIN)  # seconds
dependency_timeout = duration(DEPENDENCY_TIMEOUT)
bulkhead_at_timeout = count(math.ceil(DEPENDENCY_RATE * DEPENDENCY_TIMEOUT))
bulkhead_at_round_timeout = count(math.ceil(DEPENDENCY_RATE * HUNG_TIMEOUT))

# --- Connect timeouts: TCP's SYN retransmission ----------------------------------------------------
INITIAL_RTO = 1.0  # seconds: RFC 6298's initial retransmission timeout; Linux resends a lost SYN after it
ROUND_TRIP = 0.002  # seconds: a round trip between zones of one region
CONNECT_ROUND_TRIPS = 5  # round trips of margin
initial_rto = duration(INITIAL_RTO)
second_syn_retransmit = duration(INITIAL_RTO + 2 * INITIAL_RTO)  # the timeout doubles: 1 s, then 2 s more
linux_second_syn_retransmit = duration(2 * INITIAL_RTO)  # Linux 6.5+: the first five retransmits 1 s apart
round_trip = duration(ROUND_TRIP)
connect_round_trips = count(CONNECT_ROUND_TRIPS)
connect_timeout_one_loss = duration(INITIAL_RTO + CONNECT_ROUND_TRIPS * ROUND_TRIP)  # survives one lost SYN
connect_timeout_fast = duration(CONNECT_ROUND_TRIPS * ROUND_TRIP)  # then another host at once

# --- A deadline through a chain: edge -> A -> B -> C ----------------------------------------------
DEADLINE = 0.500  # seconds the client gives the whole request
# (hop, seconds spent before it calls down, seconds it keeps for its own work after the answer)
HOPS = [("Edge", 0.005, 0.002), ("Service A", 0.030, 0.020), ("Service B", 0.010, 0.010)]
NETWORK = 0.001  # seconds each hop down costs on the wire


def chain_rows() -> list[tuple[object, ...]]:
    rows, left = [], DEADLINE
    for name, before, after in HOPS:
        passed = left - before - after - NETWORK
        rows.append((name, duration(left), duration(before), duration(after), duration(NETWORK), duration(passed)))
        left = passed
    return rows


deadline = duration(DEADLINE)
network = duration(NETWORK)
chain = chain_rows()
deadline_at_c = chain[-1][-1]
# Without propagation, B runs on its own timer: a 1 s timeout to C and three attempts.
B_OWN_TIMEOUT = HUNG_TIMEOUT
B_ATTEMPTS = 3
b_own_timeout = duration(B_OWN_TIMEOUT)
b_attempts = count(B_ATTEMPTS)
b_work_without_deadline = duration(B_OWN_TIMEOUT * B_ATTEMPTS)
b_wasted_over_deadline = times(B_OWN_TIMEOUT * B_ATTEMPTS / DEADLINE)

HEADER = (
    "Hop",
    "Deadline left on arrival",
    "Spent before calling down",
    "Kept for after the answer",
    "On the wire to the next hop",
    "Passed down",
)

if __name__ != "concept_overload_timeouts":
    print(markdown_table(HEADER, chain))
    print()
    print(
        f"Without the deadline, B waits up to {b_attempts} x {b_own_timeout} = {b_work_without_deadline} on C, "
        f"{b_wasted_over_deadline} the client's whole {deadline}."
    )
    print()
    print(
        f"Timeout: the callee's p99.9 of {callee_p999} plus {margin} = {timeout}. While the callee hangs, "
        f"{rate} of calls hold {held_at_timeout} open at that timeout, {held_at_round} at a round "
        f"{round_timeout}, and {held_without_timeout} after {hang_time} with no timeout at all."
    )
    print()
    print(
        f"The bulkhead's dependency: its p99.9 of {dependency_p999} plus {margin} = {dependency_timeout}; "
        f"sized from that timeout the bulkhead holds {bulkhead_at_timeout}, from a round {round_timeout} "
        f"{bulkhead_at_round_timeout}."
    )
    print()
    print(
        f"Connect: a lost SYN is resent after {initial_rto} (the next at {second_syn_retransmit}, "
        f"{linux_second_syn_retransmit} on Linux 6.5+); a connect timeout of {connect_timeout_one_loss} survives "
        f"one loss, one of {connect_timeout_fast} ({connect_round_trips} round trips of {round_trip}) only if the "
        "client then tries another host at once."
    )
