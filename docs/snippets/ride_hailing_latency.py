"""Ride-hailing worked example, steps 5 and 6: the critical path's latency budget from a request to the
first offer's ack, against the match target; when the next offer goes out after a decline or a
timeout; how many offers fit the answer deadline; and the p99 from a request to an accept, against
the accepted-driver target."""

import itertools
import math

from ride_hailing_assumptions import (
    accept_timeout,
    accepted_latency_target,
    answer_deadline,
    batch_window,
    decline_share,
    driver_decision_time,
    eta_matrix_time,
    index_search_time,
    match_latency_target,
    mobile_round_trip_p99,
    offers_per_request,
    outbox_to_matching,
    percentile_budget_share,
    push_through_pubsub,
    store_commit_time,
)
from ride_hailing_matching import busiest_area_solver_time

from sdw.estimation import count, duration, fraction, markdown_table, times

# (a) Request to the first offer's ack, each part at its worst or its p99: the window is waited in full.
WINDOW_WAIT = "Waiting for the area's window to close, at most"
ASSIGNMENT = "The window's assignment, busiest area"
BUDGET = [
    ("The create's commit", store_commit_time),
    ("Outbox to the matching service", outbox_to_matching),
    (WINDOW_WAIT, batch_window),
    ("Nearby search in the index", index_search_time),
    ("One one-to-many ETA call for the candidates", eta_matrix_time),
    (ASSIGNMENT, busiest_area_solver_time),
    ("The reservation's commit", store_commit_time),
    ("Trip service to the driver's gateway, through the account channel", push_through_pubsub),
    ("The offer down to the phone and its ack up, p99", mobile_round_trip_p99),
]
first_offer_ack = duration(sum(float(t) for _, t in BUDGET))
match_budget_margin = duration(match_latency_target - first_offer_ack)

# (b) The next offer. After a decline it goes out at once: the first offer's path with no window and no
# assignment, the decline's commit in place of the create's: the outbox, a fresh search without the
# declining driver, the ETA call, the reservation, the push and the ack. After a timeout the ride waits
# for the area's next window first.
NEXT_OFFER = [t for what, t in BUDGET if what not in (WINDOW_WAIT, ASSIGNMENT)]
next_offer_after_decline = duration(sum(float(t) for t in NEXT_OFFER))
next_offer_after_timeout = duration(batch_window + next_offer_after_decline)

# (c) The give-up rule: an offer goes out only while it can still expire before the answer deadline, so
# the last one is sent by the deadline less the timeout. When every offer times out, that allows this
# many offers, and the rider hears "no driver near" when the last one expires.
latest_offer_sent = duration(answer_deadline - accept_timeout)
_sent, _offers = float(first_offer_ack), 0
while _sent <= latest_offer_sent:
    _offers += 1
    _sent += accept_timeout + next_offer_after_timeout
max_offers = count(_offers)
no_driver_answer_at = duration(
    float(first_offer_ack) + max_offers * accept_timeout + (max_offers - 1) * next_offer_after_timeout
)

# (d) Request to accept. Each offer is accepted with probability 1 / offers_per_request (so a ride takes
# that many offers on average); one not accepted is declined (decline_share) or times out. A decision,
# accept or decline, takes driver_decision_time after the ack. Every sequence of outcomes is counted
# with its probability, within the give-up rule; the p99 is the time by which 99% of accepted rides
# have their accept committed.
P_FAIL = 1 - 1 / offers_per_request
accept_commit = float(driver_decision_time + store_commit_time)
decline_step = float(driver_decision_time + next_offer_after_decline)
timeout_step = float(accept_timeout + next_offer_after_timeout)


# The most failed offers before one can no longer be sent: each failure moves the next offer on by at
# least the shorter step, so more than this many cannot fit before the last moment an offer may go out.
MAX_FAILURES = math.ceil((latest_offer_sent - first_offer_ack) / min(decline_step, timeout_step))


def accept_times(p_fail: float, max_failures: int = MAX_FAILURES) -> list[tuple[float, float]]:
    """(time from the request to the accept's commit, probability) for every sequence of outcomes."""
    outcomes = []
    for failures in range(max_failures + 1):
        for sequence in itertools.product((True, False), repeat=failures):  # True: declined
            sent = float(first_offer_ack)
            p = (1 - p_fail) * p_fail**failures
            for declined in sequence:
                p *= decline_share if declined else 1 - decline_share
                sent += decline_step if declined else timeout_step
            if sent <= latest_offer_sent:
                outcomes.append((sent + accept_commit, p))
    return outcomes


def quantile(outcomes: list[tuple[float, float]], q: float) -> float:
    total = sum(p for _, p in outcomes)
    running = 0.0
    for t, p in sorted(outcomes):
        running += p / total
        if running >= q:
            return t
    return max(t for t, _ in outcomes)


def share_within(outcomes: list[tuple[float, float]], limit: float) -> float:
    return sum(p for t, p in outcomes if t <= limit) / sum(p for _, p in outcomes)


_outcomes = accept_times(P_FAIL)
failed_offer_share = fraction(P_FAIL)
accept_first_offer = duration(float(first_offer_ack) + accept_commit)
accept_after_one_decline = duration(float(first_offer_ack) + decline_step + accept_commit)
accept_after_one_timeout = duration(float(first_offer_ack) + timeout_step + accept_commit)
P99 = 1 - float(percentile_budget_share)
accept_p99 = duration(quantile(_outcomes, P99))
accept_share_within_target = fraction(share_within(_outcomes, float(accepted_latency_target)))
# A p99 target lets a hundredth be slower: the burn rate the model expects until the ranking ships.
accept_expected_burn = times((1 - accept_share_within_target) / percentile_budget_share)
rides_three_offers_fail = fraction(P_FAIL**3)
# The failed-offer share at which the p99 would meet the target, in steps of a hundredth.
_p = round(P_FAIL, 2)
while _p > 0 and quantile(accept_times(_p), P99) > accepted_latency_target:
    _p = round(_p - 0.01, 2)
failed_offer_share_for_target = fraction(_p)

if __name__ != "ride_hailing_latency":
    print(
        markdown_table(
            ("Request to the first offer's ack", "Time"),
            [
                *BUDGET,
                ("In all", first_offer_ack),
                (f"Margin under the {match_latency_target} target", match_budget_margin),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Offers and accepts", "Value"),
            [
                ("Next offer's ack after a decline", next_offer_after_decline),
                ("... after a timeout (the next window first)", next_offer_after_timeout),
                ("Last moment an offer may go out", latest_offer_sent),
                ("Offers that fit when every one times out", max_offers),
                ('... then "no driver near", at the latest', no_driver_answer_at),
                ("Offers not accepted", failed_offer_share),
                ("Request to accept: the first offer accepted", accept_first_offer),
                ("... after one decline", accept_after_one_decline),
                ("... after one timeout", accept_after_one_timeout),
                ("Rides whose first three offers fail", rides_three_offers_fail),
                ("Request to accept, p99", accept_p99),
                (f"Accepted rides within the {accepted_latency_target} target", accept_share_within_target),
                ("... the burn of a p99 target's 1% this gives", accept_expected_burn),
                ("Offers not accepted at which the p99 meets the target", failed_offer_share_for_target),
            ],
        )
    )
