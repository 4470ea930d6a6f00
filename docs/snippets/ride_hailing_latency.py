"""Ride-hailing worked example, steps 5 and 6: the critical path's latency budget from a request to the
first offer's ack, against the match target; when the next offer goes out after a decline or a
timeout; how many offers fit the answer deadline; and the p99 from a request to an accept, against
the accepted-driver target."""

import math

from ride_hailing_assumptions import (
    accept_screen_margin,
    accept_timeout,
    accepted_latency_target,
    answer_deadline,
    batch_window,
    deadline_timer_tick,
    decline_share,
    driver_decision_time,
    eta_matrix_time,
    give_up_ticket_factor,
    index_search_time,
    match_latency_target,
    mobile_round_trip_p99,
    offers_per_request,
    outbox_to_matching,
    percentile_budget_share,
    push_through_pubsub,
    slow_decision_time,
    store_commit_time,
)
from ride_hailing_matching import busiest_area_solver_time

from sdw.estimation import count, duration, fraction, markdown_table, times

# (a) Request to the first offer's ack, each part at its p99 or its usual worst: the window is waited in
# full, and the assignment is the busiest area's at the usual load (an area at step 7's crowd cap, a
# sliver of the requests, takes longer; step 7 checks it against the margin).
WINDOW_WAIT = "Waiting for the area's window to close, at most"
ASSIGNMENT = "The window's assignment, busiest area at the usual load"
BUDGET = [
    ("The create's commit", store_commit_time),
    ("Outbox to the matching service", outbox_to_matching),
    (WINDOW_WAIT, batch_window),
    ("Nearby search in the index", index_search_time),
    ("One many-to-one ETA call for the candidates", eta_matrix_time),
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
# for the area's next window first, and the expiry itself starts up to a timer's tick after the deadline
# (step 4: the offer's timer, not a sweep). The timeout runs from the reservation's commit (the store sets
# offer_expires_at there), so it ends the push and the phone's round trip sooner than the ack: that is
# the time the driver has to answer. The app shows a little less: it counts down the time left in the frame
# (the timeout less the push that brought it) less its last round trip (the downlink before it, the
# accept's uplink after) and a margin.
OFFER_DELIVERY = float(push_through_pubsub + mobile_round_trip_p99)
NEXT_OFFER = [t for what, t in BUDGET if what not in (WINDOW_WAIT, ASSIGNMENT)]
next_offer_after_decline = duration(sum(float(t) for t in NEXT_OFFER))
next_offer_after_timeout = duration(batch_window + deadline_timer_tick + next_offer_after_decline)
offer_time_to_answer = duration(accept_timeout - OFFER_DELIVERY)
offer_time_on_screen = duration(accept_timeout - OFFER_DELIVERY - accept_screen_margin)

# (c) The give-up rule. Step 1 counts an answer when the rider's phone acknowledges it within the answer
# deadline, so "no driver near" is told (its commit begun) by the deadline less its commit, the push and
# the phone's round trip. An offer goes out (its reservation committed) only while it can still expire by
# then, its timer's tick included. When every offer times out, that allows this many offers, and the
# rider's phone has "no driver near" once the last one has expired and that answer has been delivered.
latest_no_driver_answer = duration(answer_deadline - store_commit_time - OFFER_DELIVERY)
latest_offer_sent = duration(latest_no_driver_answer - accept_timeout - deadline_timer_tick)
_reserved, _offers = float(first_offer_ack) - OFFER_DELIVERY, 0
while _reserved <= latest_offer_sent:
    _offers += 1
    _reserved += offer_time_to_answer + next_offer_after_timeout
max_offers = count(_offers)
no_driver_answer_at = duration(
    float(first_offer_ack)
    + (max_offers - 1) * (offer_time_to_answer + next_offer_after_timeout)
    + offer_time_to_answer
    + deadline_timer_tick
    + store_commit_time
    + OFFER_DELIVERY
)
assert no_driver_answer_at <= answer_deadline
# A driver's decision, the slower one included, fits the time the app shows.
assert slow_decision_time < offer_time_on_screen < offer_time_to_answer

# (d) Request to accept. Each offer is accepted with probability 1 / offers_per_request (so a ride takes
# that many offers on average); one not accepted is declined (decline_share) or times out. A decision,
# accept or decline, takes the drivers' decision time after the ack. Every count of declines and timeouts
# is taken with its probability (its orders counted by the binomial), within the give-up rule; the p99 is
# the time by which 99% of accepted rides have their accept committed. The pages burn on the service's
# part of that time: the same, less each answered offer's decision (from its ack to the answer).
P_FAIL = 1 - 1 / offers_per_request
accept_commit = float(driver_decision_time + store_commit_time)
decline_step = float(driver_decision_time + next_offer_after_decline)
timeout_step = float(offer_time_to_answer + next_offer_after_timeout)


def accept_times(
    p_fail: float, decision: float = driver_decision_time, service: bool = False, added_wait: float = 0.0
) -> list[tuple[float, float]]:
    """(time from the request to the accept's commit, probability) for every count of failed offers; with
    `service`, the time less the drivers' decisions; `added_wait` lengthens every commit (two before each
    offer: the create's or the decline's or timeout's, and the reservation's; one for the accept)."""
    outcomes, failures = [], 0
    while True:
        fits = False
        for declines in range(failures + 1):
            timeouts = failures - declines
            sent = first_offer_ack + declines * (decision + next_offer_after_decline) + timeouts * timeout_step
            sent += 2 * (failures + 1) * added_wait
            if sent - OFFER_DELIVERY > latest_offer_sent:
                continue
            fits = True
            p = (1 - p_fail) * p_fail**failures * math.comb(failures, declines)
            p *= decline_share**declines * (1 - decline_share) ** timeouts
            t = sent + decision + store_commit_time + added_wait - (declines + 1) * decision * service
            outcomes.append((float(t), p))
        if not fits:  # each failure moves the next offer on: none fits from here on
            return outcomes
        failures += 1


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


def bound_for_target(decision: float) -> float:
    """The failed-offer share, in steps of a hundredth, at which the whole wait's p99 meets the target."""
    p = round(P_FAIL, 2)
    while p > 0 and quantile(accept_times(p, decision), P99) > accepted_latency_target:
        p = round(p - 0.01, 2)
    return p


P99 = 1 - float(percentile_budget_share)
failed_offer_share = fraction(P_FAIL)
accept_first_offer = duration(float(first_offer_ack) + accept_commit)
accept_after_one_decline = duration(float(first_offer_ack) + decline_step + accept_commit)
accept_after_one_timeout = duration(float(first_offer_ack) + timeout_step + accept_commit)
rides_three_offers_fail = fraction(P_FAIL**3)
# The rider's whole wait, at the typical decision time and at the slower one.
_outcomes = accept_times(P_FAIL)
accept_p99 = duration(quantile(_outcomes, P99))
accept_share_within_target = fraction(share_within(_outcomes, float(accepted_latency_target)))
# A p99 target lets a hundredth be slower: the burn rate this wait would give.
accept_expected_burn = times((1 - accept_share_within_target) / percentile_budget_share)
assert accept_expected_burn > 1  # over the three-day ticket's burn: the pages say it holds the ticket open
accept_p99_slow_decisions = duration(quantile(accept_times(P_FAIL, slow_decision_time), P99))
failed_offer_share_for_target = fraction(bound_for_target(driver_decision_time))
failed_offer_share_for_target_slow = fraction(bound_for_target(slow_decision_time))
# The service's part, which the pages burn on, at both decision times: only which rides fit the give-up
# rule depends on the decisions.
_service = accept_times(P_FAIL, service=True)
accept_service_p99 = duration(quantile(_service, P99))
accept_service_share_within = fraction(share_within(_service, float(accepted_latency_target)))
accept_service_burn = times((1 - accept_service_share_within) / percentile_budget_share)
_service_slow = accept_times(P_FAIL, slow_decision_time, service=True)
accept_service_burn_slow = times(
    (1 - share_within(_service_slow, float(accepted_latency_target))) / percentile_budget_share
)
assert accept_service_burn < 1 and accept_service_burn_slow < 1


def service_burn(added_wait: float, decision: float = driver_decision_time) -> float:
    """The pages' burn on the service's part of the wait when every commit waits `added_wait` longer."""
    within = share_within(accept_times(P_FAIL, decision, True, added_wait), float(accepted_latency_target))
    return (1 - within) / float(percentile_budget_share)


def added_wait_limit() -> float:
    """The largest added wait a commit, in whole milliseconds, that keeps the service's burn under 1 at both
    decision times."""
    ms = 0
    while service_burn((ms + 1) / 1000) < 1 and service_burn((ms + 1) / 1000, slow_decision_time) < 1:
        ms += 1
    return ms / 1000


# Why the service's burn falls with slower decisions: a ride whose offers run out before one is
# accepted is given up ("no driver near" from fresh cells, a good request) and leaves the accept
# indicator, and slower decisions run more rides out. The share of requests given up so:
accept_give_up_share = fraction(1 - sum(p for _, p in _outcomes))
# The mean time from a request to the offer its driver accepted (the reservation's commit): each accepted
# ride's accept commit less the decision, the accept's commit, and the push and round trip that brought
# the offer's ack. Step 7 counts the rides a region's loss flags from it.
mean_to_accepted_offer = duration(
    sum(t * p for t, p in _outcomes) / sum(p for _, p in _outcomes)
    - driver_decision_time
    - store_commit_time
    - push_through_pubsub
    - mobile_round_trip_p99
)
accept_give_up_share_slow = fraction(1 - sum(p for _, p in accept_times(P_FAIL, slow_decision_time)))
# Watched by a ticket until the ranking ships: at a multiple of the launch share, which the slower
# decisions pass.
give_up_ticket_share = fraction(give_up_ticket_factor * accept_give_up_share)
assert accept_give_up_share_slow > give_up_ticket_share > accept_give_up_share

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
                ("... after a timeout (the expiry's timer tick, then the next window)", next_offer_after_timeout),
                ("An offer's time to answer, from its ack to its expiry", offer_time_to_answer),
                ("... as the app counts it down, at the p99 round trip", offer_time_on_screen),
                ('Last moment to tell "no driver near", its ack inside the deadline', latest_no_driver_answer),
                ("Last moment an offer may go out (its reservation)", latest_offer_sent),
                ("Offers that fit when every one times out", max_offers),
                ('... then "no driver near" acknowledged, at the latest', no_driver_answer_at),
                ("Offers not accepted", failed_offer_share),
                ("Request to accept: the first offer accepted", accept_first_offer),
                ("... after one decline", accept_after_one_decline),
                ("... after one timeout", accept_after_one_timeout),
                ("Rides whose first three offers fail", rides_three_offers_fail),
                ("Request to the offer its driver accepted, mean", mean_to_accepted_offer),
                ("Request to accept, p99", accept_p99),
                (f"Accepted rides within the {accepted_latency_target} target", accept_share_within_target),
                ("... the burn of a p99 target's 1% this gives", accept_expected_burn),
                ("Offers not accepted at which the p99 meets the target", failed_offer_share_for_target),
                (f"Request to accept, p99, with {slow_decision_time} decisions", accept_p99_slow_decisions),
                ("... offers not accepted at which it meets the target", failed_offer_share_for_target_slow),
                ("The service's part (decisions left out), p99", accept_service_p99),
                (f"... accepted rides within {accepted_latency_target}", accept_service_share_within),
                ("... the burn it gives the pages", accept_service_burn),
                (f"... with {slow_decision_time} decisions", accept_service_burn_slow),
            ],
        )
    )
