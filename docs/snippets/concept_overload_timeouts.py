"""Concepts, timeouts, retries and overload: a timeout set from the callee's measured tail, what a
round number or no timeout holds when the callee hangs, and a deadline split down a chain of calls.

A timeout is the callee's measured p99.9 plus a margin, so at most about 0.1% of healthy calls time
out. While the callee hangs, every call waits the whole timeout, so by Little's law the caller holds
rate x timeout calls open (threads, connections, memory). With no timeout at all (the default of
Python's requests and of Go's http.Client), the calls pile up for as long as the hang lasts.

A deadline is an absolute time carried with the request (gRPC sends the time left in its
grpc-timeout header). Each hop spends some of it, keeps some for its own work after the answer, and
passes the rest down; a hop with too little left refuses at once instead of starting work its
caller will throw away.
"""

from concept_overload import HUNG_TIMEOUT, RATE

from sdw.estimation import count, duration, fraction, markdown_table, per_second, times

# --- A timeout from the callee's tail ------------------------------------------------------------
CALLEE_P99 = 0.045  # seconds: measured at the caller, network included
CALLEE_P999 = 0.120
MARGIN = 0.25  # a quarter on top of the p99.9, for drift between measurements
HANG_SECONDS = 60  # how long the callee hangs

callee_p99 = duration(CALLEE_P99)
callee_p999 = duration(CALLEE_P999)
margin = fraction(MARGIN)
timeout = duration(CALLEE_P999 * (1 + MARGIN))
rate = per_second(RATE)
round_timeout = duration(HUNG_TIMEOUT)
held_at_timeout = count(RATE * CALLEE_P999 * (1 + MARGIN))
held_at_round = count(RATE * HUNG_TIMEOUT)
hang_time = duration(HANG_SECONDS)
held_without_timeout = count(RATE * HANG_SECONDS)

# --- A deadline through a chain: edge -> A -> B -> C ----------------------------------------------
DEADLINE = 0.500  # seconds the client gives the whole request
# (hop, seconds spent before it calls down, seconds it keeps for its own work after the answer)
HOPS = [("Edge", 0.005, 0.002), ("Service A", 0.030, 0.020), ("Service B", 0.010, 0.010)]
NETWORK = 0.001  # seconds each hop down costs on the wire


def chain_rows() -> list[tuple[object, ...]]:
    rows, left = [], DEADLINE
    for name, before, after in HOPS:
        passed = left - before - after - NETWORK
        rows.append((name, duration(left), duration(before), duration(after), duration(passed)))
        left = passed
    return rows


deadline = duration(DEADLINE)
chain = chain_rows()
deadline_at_c = chain[-1][-1]
# Without propagation, B runs on its own timer: a 1 s timeout to C and three attempts.
B_OWN_TIMEOUT = HUNG_TIMEOUT
B_ATTEMPTS = 3
b_own_timeout = duration(B_OWN_TIMEOUT)
b_attempts = count(B_ATTEMPTS)
b_work_without_deadline = duration(B_OWN_TIMEOUT * B_ATTEMPTS)
b_wasted_over_deadline = times(B_OWN_TIMEOUT * B_ATTEMPTS / DEADLINE)

HEADER = ("Hop", "Deadline left on arrival", "Spent before calling down", "Kept for after the answer", "Passed down")

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
