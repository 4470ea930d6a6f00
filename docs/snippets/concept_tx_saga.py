"""Concepts, transactions across services: how much intermediate state a saga leaves visible, and how
long an orchestrator may retry a step under one idempotency key.

An order saga: reserve the stock, authorize the card, confirm the order; a declined card runs the
compensation, releasing the stock. By Little's law the sagas in flight are the rate times the time
one takes, and every one of them shows its intermediate state (stock reserved, order pending) to
every reader; the declined share of them will be undone. The rates and the decline share are
assumptions.

Retries. An orchestrator that retries a step reuses the step's idempotency key, so the key must
still be known to the service when the last retry arrives: Stripe may remove a key once it is 24
hours old (its API reference, "Idempotent requests"). Backoff doubles from 1 s to a cap of 15
minutes; the orchestrator stops retrying an hour short of the key's 24 hours and escalates.
"""

from sdw.estimation import SECONDS_PER_DAY, SECONDS_PER_HOUR, count, duration, fraction, markdown_table, per_second

ORDER_RATE = 100  # orders a second at peak (assumed)
SAGA_SECONDS = 3.0  # from the reservation to the card's answer and the confirmation (assumed)
DECLINE_SHARE = 0.05  # share of card authorizations declined (assumed)

order_rate = per_second(ORDER_RATE, peak=True)
saga_time = duration(SAGA_SECONDS)
decline_share = fraction(DECLINE_SHARE)
sagas_in_flight = count(ORDER_RATE * SAGA_SECONDS)
doomed_in_flight = count(ORDER_RATE * SAGA_SECONDS * DECLINE_SHARE)
compensations_per_hour = count(ORDER_RATE * DECLINE_SHARE * SECONDS_PER_HOUR)

# Pessimistic ordering: authorize the card first, reserve the stock only once it is authorized. The
# stock is then held only by sagas that will be confirmed, unless the reservation itself fails
# (out of stock), whose compensation voids the authorization instead.
CARD_SECONDS = 2.0  # of the saga's time, the card's answer (assumed)
held_if_card_first = count(ORDER_RATE * (SAGA_SECONDS - CARD_SECONDS))
ordering_rows = [
    ("Reserve the stock, then authorize the card", sagas_in_flight, doomed_in_flight),
    ("Authorize the card, then reserve the stock", held_if_card_first, count(0)),
]

# --- Retrying one step under one key ----------------------------------------------------------------
KEY_LIFETIME = SECONDS_PER_DAY  # Stripe: keys may be removed once at least 24 hours old
MARGIN = SECONDS_PER_HOUR
FIRST_DELAY, CAP = 1.0, 900.0


def attempts_within(horizon: float) -> tuple[int, float]:
    """Retries whose start falls within the horizon, with doubling delays capped at CAP."""
    elapsed, delay, attempts = 0.0, FIRST_DELAY, 0
    while elapsed + delay <= horizon:
        elapsed += delay
        attempts += 1
        delay = min(2 * delay, CAP)
    return attempts, elapsed


retry_horizon = duration(KEY_LIFETIME - MARGIN)
key_lifetime = duration(KEY_LIFETIME)
backoff_cap = duration(CAP)
retries, last_retry_at = attempts_within(KEY_LIFETIME - MARGIN)
retries_in_horizon = count(retries)
last_retry = duration(last_retry_at)

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
        f"{compensations_per_hour} compensations an hour at peak. Retries doubling to {backoff_cap}, stopped "
        f"{retry_horizon} after the first attempt: {retries_in_horizon} retries, the last at {last_retry}, "
        f"inside the key's {key_lifetime}."
    )
