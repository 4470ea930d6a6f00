"""Concepts, transactions across services: how much intermediate state a saga leaves visible, and how
an orchestrator retries a step under one idempotency key.

An order saga: reserve the stock, authorize the card, confirm the order; a declined card runs the
compensation, releasing the stock. By Little's law the sagas in flight are the rate times the time
one takes, and every one of them shows its intermediate state (stock reserved, order pending) to
every reader; the declined share of them will be undone. The rates and the decline share are
assumptions.

Retries. Stripe saves the status and body of the first request made with a key once its endpoint
has begun, 500 errors included, and returns them to every later request with that key; it saves
nothing when a request fails validation or conflicts with a concurrent one under the same key (its
API reference, "Idempotent requests"). So a retry under the same key helps only after a failure
that saved nothing: a network failure before Stripe began, a 409 for a concurrent request (this is
API v1; API v2 instead finishes failed work on a retry). Those are retried with exponential backoff
and full jitter (each delay drawn between zero and the doubled ceiling) until the checkout's
deadline; the count below is the fewest retries that fit, every delay at its ceiling and every
attempt, the first included, running to its own timeout (ATTEMPT_TIMEOUT, assumed), so in an outage
each checkout makes at least that many. A provider that is down mostly fails fast (a refused
connection, a 503), so the outage's load is also given for attempts that take no time against the
deadline, every delay drawn at random: the mean count of retries is the sum over k of the
probability that the first k delays fit in the deadline. A saved 5xx,
or the deadline, ends the retries: the orchestrator settles whether the charge happened before it
compensates. Stripe may remove a key once it is 24
hours old, so a background step that retries for longer stops an hour short of that.
"""

import math
from collections import Counter
from fractions import Fraction
from itertools import product

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    count,
    duration,
    fraction,
    markdown_table,
    per_second,
    times,
)

ORDER_RATE = 100  # orders a second at peak (assumed)
SAGA_SECONDS = 3.0  # from the reservation to the card's answer and the confirmation (assumed)
DECLINE_SHARE = 0.05  # share of card authorizations declined (assumed)

order_rate = per_second(ORDER_RATE, peak=True)
saga_time = duration(SAGA_SECONDS)
decline_share = fraction(DECLINE_SHARE)
sagas_in_flight = count(ORDER_RATE * SAGA_SECONDS)
doomed_in_flight = count(ORDER_RATE * SAGA_SECONDS * DECLINE_SHARE)
compensations_per_hour = count(ORDER_RATE * DECLINE_SHARE * SECONDS_PER_HOUR)

# Pessimistic view: authorize the card first, reserve the stock only once it is authorized. The
# reservation becomes the pivot; stock is held only by sagas that will be confirmed, and a
# reservation that fails (out of stock) voids the authorization instead.
CARD_SECONDS = 2.0  # of the saga's time, the card's answer (assumed)
held_if_card_first = count(ORDER_RATE * (SAGA_SECONDS - CARD_SECONDS))
ordering_rows = [
    ("Reserve the stock, then authorize the card (pivot: the authorization)", sagas_in_flight, doomed_in_flight),
    ("Authorize the card, then reserve the stock (pivot: the reservation)", held_if_card_first, count(0)),
]

# --- Retrying one step under one key ----------------------------------------------------------------
CHECKOUT_DEADLINE = 300.0  # seconds a checkout may wait for the card step before it settles (assumed)
ATTEMPT_TIMEOUT = 10.0  # seconds one attempt may take before the orchestrator gives up on it (assumed)
FIRST_CEILING, CHECKOUT_CAP = 0.5, 30.0  # full jitter: delay drawn from [0, ceiling], ceiling doubling to the cap
KEY_LIFETIME = SECONDS_PER_DAY  # Stripe: keys may be removed once at least 24 hours old
MARGIN = SECONDS_PER_HOUR


def fewest_retries_within(deadline: float, first: float, cap: float, timeout: float) -> int:
    """Retries that fit before the deadline if every jittered delay comes out at its ceiling and every
    attempt, the first included, runs to its timeout. Not sdw.estimation.doubling_waits: that caps the
    waits' sum, where here the cap is on each ceiling and the deadline also counts the attempts' timeouts."""
    elapsed, ceiling, retries = timeout, first, 0
    while elapsed + ceiling + timeout <= deadline:
        elapsed += ceiling + timeout
        retries += 1
        ceiling = min(2 * ceiling, cap)
    return retries


checkout_deadline = duration(CHECKOUT_DEADLINE)
first_ceiling = duration(FIRST_CEILING)
checkout_cap = duration(CHECKOUT_CAP)
attempt_timeout = duration(ATTEMPT_TIMEOUT)
checkout_retries = count(fewest_retries_within(CHECKOUT_DEADLINE, FIRST_CEILING, CHECKOUT_CAP, ATTEMPT_TIMEOUT))
key_lifetime = duration(KEY_LIFETIME)
retry_horizon = duration(KEY_LIFETIME - MARGIN)
# A provider outage: every checkout's card step fails and is retried to its deadline. Without a budget
# each checkout makes its first attempt and all its retries, so the provider gets that many times the
# checkouts' rate, all the outage long. A per-provider retry budget (a share of the traffic, as in
# Finagle's RetryBudget with no floor of retries a second: each first attempt deposits RETRY_BUDGET of
# a token, each retry withdraws one, none while the count is empty) holds retries to that share of
# first attempts; checkouts whose retry finds no token are parked and settled at their deadline. By
# Little's law the parked ones are the rate times the deadline.
RETRY_BUDGET = 0.10  # retries at most a tenth of the orchestrator's first attempts to one provider
ATTEMPTS_PER_CHECKOUT = fewest_retries_within(CHECKOUT_DEADLINE, FIRST_CEILING, CHECKOUT_CAP, ATTEMPT_TIMEOUT) + 1
retry_budget = fraction(RETRY_BUDGET)
attempts_per_checkout = count(ATTEMPTS_PER_CHECKOUT)
outage_rate_unbudgeted = per_second(ORDER_RATE * ATTEMPTS_PER_CHECKOUT)
outage_amplification_budgeted = times(1 + RETRY_BUDGET)
outage_rate_budgeted = per_second(ORDER_RATE * (1 + RETRY_BUDGET))
parked_in_outage = count(ORDER_RATE * CHECKOUT_DEADLINE)


def chance_delays_fit(deadline: float, ceilings: list[float]) -> float:
    """The probability that delays drawn uniformly from [0, ceiling], one per ceiling, add up to at most
    the deadline: the volume of the box of the delays below the plane where they sum to it, over the
    box's volume. By inclusion and exclusion over the box's corners, that is the sum over every subset A
    of the ceilings of (-1)^|A| (deadline - sum of A)^n, where positive, over n! times the product of
    the ceilings. Ceilings that repeat (the cap) are taken j at a time, C(m, j) ways. The terms are large
    and cancel, so the sum is kept exact, in whole units that divide every time (half-seconds here)."""
    unit = math.lcm(*(Fraction(x).limit_denominator().denominator for x in [deadline, *ceilings]))
    whole = Counter(round(c * unit) for c in ceilings)
    limit, n, total = round(deadline * unit), len(ceilings), 0
    for picks in product(*(range(m + 1) for m in whole.values())):
        rest = limit - sum(j * c for c, j in zip(whole, picks, strict=True))
        if rest > 0:
            total += (-1) ** sum(picks) * math.prod(map(math.comb, whole.values(), picks)) * rest**n
    return total / (math.factorial(n) * math.prod(c**m for c, m in whole.items()))


def mean_retries_failing_fast(deadline: float, first: float, cap: float) -> float:
    """The mean count of retries before the deadline when every attempt fails at once and each delay is
    drawn from [0, ceiling] (full jitter): the k-th retry happens if the first k delays fit, so the mean
    is the sum of those chances, summed until they no longer count."""
    mean, ceilings, ceiling = 0.0, [], first
    while True:
        ceilings.append(ceiling)
        chance = chance_delays_fit(deadline, ceilings)
        mean += chance
        if chance < 1e-6:
            return mean
        ceiling = min(2 * ceiling, cap)


MEAN_ATTEMPTS_FAILING_FAST = 1 + mean_retries_failing_fast(CHECKOUT_DEADLINE, FIRST_CEILING, CHECKOUT_CAP)
mean_attempts_failing_fast = count(MEAN_ATTEMPTS_FAILING_FAST)
outage_rate_failing_fast = per_second(ORDER_RATE * MEAN_ATTEMPTS_FAILING_FAST)

# The longest a pending order holds its stock: the saga's steps other than the card, then the
# checkout's deadline for the card, which replaces the card's own time (not counted twice). Settling
# after the deadline adds its own time, unbounded while the provider is down.
pending_hold_max = duration(SAGA_SECONDS - CARD_SECONDS + CHECKOUT_DEADLINE)

if __name__ != "concept_tx_saga":
    print(
        markdown_table(
            (
                f"Order saga at {order_rate} at peak, {saga_time} each",
                "Reservations in flight",
                f"Of them released by a declined card ({decline_share})",
            ),
            ordering_rows,
        )
    )
    print()
    print(
        f"{compensations_per_hour} compensations an hour at peak. Checkout retries with full jitter, ceilings "
        f"from {first_ceiling} doubling to {checkout_cap}, each attempt up to {attempt_timeout}: at least "
        f"{checkout_retries} retries within its {checkout_deadline} deadline, so a pending order holds stock "
        f"{pending_hold_max} plus the time to settle. Background steps stop "
        f"{retry_horizon} after the first attempt, inside the key's {key_lifetime}."
    )
    print()
    print(
        f"A provider outage: at least {attempts_per_checkout} attempts a checkout send the provider at least "
        f"{outage_rate_unbudgeted} without a budget, and {mean_attempts_failing_fast} on average, "
        f"{outage_rate_failing_fast}, when every attempt fails at once; a {retry_budget} retry budget holds it "
        f"to {outage_amplification_budgeted} the checkouts, "
        f"{outage_rate_budgeted}, with up to {parked_in_outage} checkouts parked until their deadline."
    )
