"""Ticket booking worked example: the burn-rate alerts that hold step 1's targets (step 7).

The alerts are the observability page's (concept_slo_assumptions, concept_slo_alerts): two burn rates
page, the third opens a ticket, each long window paired with a short one a twelfth as long. A p99
target is a budget of its own, 1% of the events slower (or later) than the target, burned the same way.

The page states a burn as an error ratio over the window, burn rate x budget share, which spends the
intended share of the budget only while traffic is spread evenly over the 30 days. A hot on-sale is
not: it brings a large share of the window's calls in about two hours (ticket_booking_reliability
counts both, counted low). So the alerts count bad events against the budget in events, the 30 days'
budget times the alert's share: equal to the ratio rule at the window's average hourly rate, and
still the set share of the budget during an on-sale, where the ratio rule lets a large multiple of it
go before the fast page. An on-sale hour is taken at the on-sale's average rate over its length to
the last sale (ticket_booking_sellout), its calls and holds spread evenly over it.

Holds are ticket_booking_reliability's hold attempts, counted as its window counts calls: a normal
day's (a hold for every purchase over the buy share, times the attempts a buyer makes) for every day
of the window, and each hot on-sale's (every buyer released before the sell-out, times the attempts).
The on-sale's are counted low, as its calls are: the race for returned seats once every seat is
claimed (ticket_booking_sellout.race_hold_attempts_peak, a bound) is left out. Counting it would only
make the on-sale's hours heavier against the window's average, and the share of the budget the ratio
rule lets go in them larger.
"""

from concept_slo_alerts import (
    fast_burn,
    fast_short_window,
    slow_burn,
    slow_short_window,
    ticket_burn,
    ticket_short_window,
)
from concept_slo_assumptions import (
    fast_budget_share,
    fast_window,
    slow_budget_share,
    slow_window,
    ticket_budget_share,
    ticket_window,
)
from ticket_booking_assumptions import (
    availability_target,
    decline_share,
    hot_onsales_per_window,
    peak_to_average,
    pending_order_page,
    percentile_budget_share,
    settle_target,
    slo_window_days,
    stadium_seats,
    tickets_per_order,
)
from ticket_booking_reliability import (
    error_budget_requests,
    normal_day_hold_attempts,
    normal_day_submits,
    onsale_hold_attempts,
    onsale_requests,
    window_requests,
)
from ticket_booking_sellout import last_seats

from sdw.estimation import SECONDS_PER_DAY, SECONDS_PER_HOUR, count, duration, fraction, markdown_table, times

WINDOW_HOURS = float(slo_window_days) * SECONDS_PER_DAY / SECONDS_PER_HOUR

# --- The page's rule, as error ratios ---------------------------------------------------------------
error_budget_share = fraction(1 - float(availability_target))
fast_error_ratio = fraction(float(fast_burn) * float(error_budget_share))
slow_error_ratio = fraction(float(slow_burn) * float(error_budget_share))
ticket_error_ratio = fraction(float(ticket_burn) * float(error_budget_share))
fast_late_share = fraction(float(fast_burn) * float(percentile_budget_share))
slow_late_share = fraction(float(slow_burn) * float(percentile_budget_share))
ticket_late_share = fraction(float(ticket_burn) * float(percentile_budget_share))

# --- What an on-sale does to the ratio rule -----------------------------------------------------------
onsale_hours = float(last_seats) / SECONDS_PER_HOUR
assert onsale_hours > 1, "an on-sale shorter than the fast window: its hour holds all of it"
onsale_hour_requests = count(float(onsale_requests) / onsale_hours)
average_hour_requests = count(float(window_requests) / WINDOW_HOURS)
onsale_hour_over_average = times(float(onsale_hour_requests) / float(average_hour_requests))
# Failed calls the fast page's ratio lets through in an on-sale hour, against the 30 days' budget.
onsale_budget_before_fast_page = fraction(
    float(fast_error_ratio) * float(onsale_hour_requests) / float(error_budget_requests)
)

# --- Availability, counted in calls ---------------------------------------------------------------------
fast_failed_calls = count(float(fast_budget_share) * float(error_budget_requests))
slow_failed_calls = count(float(slow_budget_share) * float(error_budget_requests))
ticket_failed_calls = count(float(ticket_budget_share) * float(error_budget_requests))
fast_calls_ratio_average_hour = fraction(float(fast_failed_calls) / float(average_hour_requests))
fast_calls_ratio_onsale_hour = fraction(float(fast_failed_calls) / float(onsale_hour_requests))

# --- Hold latency, counted in holds ---------------------------------------------------------------------
onsale_holds = count(float(onsale_hold_attempts))  # one on-sale's
window_holds = count(
    float(normal_day_hold_attempts) * float(slo_window_days)
    + float(onsale_hold_attempts) * float(hot_onsales_per_window)
)
slow_hold_budget = count(float(window_holds) * float(percentile_budget_share))
fast_slow_holds = count(float(fast_budget_share) * float(slow_hold_budget))
slow_slow_holds = count(float(slow_budget_share) * float(slow_hold_budget))
ticket_slow_holds = count(float(ticket_budget_share) * float(slow_hold_budget))
average_hour_holds = float(window_holds) / WINDOW_HOURS
onsale_hour_holds = count(float(onsale_holds) / onsale_hours)
# Every hold slower than the target: the fast page's count is reached after this long.
total_regression_detect_average = duration(float(fast_slow_holds) / average_hour_holds * SECONDS_PER_HOUR)
total_regression_detect_onsale = duration(float(fast_slow_holds) / float(onsale_hour_holds) * SECONDS_PER_HOUR)
# The ratio rule in an on-sale hour: slow holds it lets through before the fast page, against the budget.
onsale_hold_budget_before_fast_page = fraction(
    float(fast_late_share) * float(onsale_hour_holds) / float(slow_hold_budget)
)

# --- Settle latency, counted in orders -----------------------------------------------------------------
# Step 1's settle target is a p99 too: 1% of the window's orders may settle later than it. The orders are
# counted as the holds are: a normal day's submits for every day, and each hot on-sale's submits for the
# stadium's seats, the declined orders with them.
onsale_orders = count(float(stadium_seats) / float(tickets_per_order) / (1 - float(decline_share)))
window_orders = count(
    float(normal_day_submits) * float(slo_window_days) + float(onsale_orders) * float(hot_onsales_per_window)
)
settle_late_budget = count(float(window_orders) * float(percentile_budget_share))
fast_late_orders = count(float(fast_budget_share) * float(settle_late_budget))
slow_late_orders = count(float(slow_budget_share) * float(settle_late_budget))
ticket_late_orders = count(float(ticket_budget_share) * float(settle_late_budget))
# A stall (a stopped outbox relay, a stuck worker partition) settles nothing: every order submitted is counted
# late once the target has passed since its submit, while it still waits. So the fast page comes the target
# after the stall's start plus the time the orders take to reach its count: at the window's average hour of
# orders, and at a normal day's busy hour. Before the oldest-pending page in those hours; in an hour with
# fewer orders than this share of the average, the oldest-pending page comes first.
average_hour_orders = float(window_orders) / WINDOW_HOURS
settle_stall_detect_average = duration(
    float(fast_late_orders) / average_hour_orders * SECONDS_PER_HOUR + float(settle_target)
)
settle_stall_detect_busy_hour = duration(
    float(fast_late_orders) / (average_hour_orders * float(peak_to_average)) * SECONDS_PER_HOUR + float(settle_target)
)
assert settle_stall_detect_average < pending_order_page, "a stall pages later than the oldest-pending page"
stall_hours_before_page = (float(pending_order_page) - float(settle_target)) / SECONDS_PER_HOUR
settle_stall_page_first_share = fraction(float(fast_late_orders) / stall_hours_before_page / average_hour_orders)

if __name__ != "ticket_booking_alerts":
    print(
        markdown_table(
            (
                "Alert",
                "Long window",
                "Short window",
                "Burn rate",
                f"Share of the {slo_window_days}-day budget",
                "As an error ratio",
                "As a share of holds slow (or changes late)",
                "Counted: failed calls",
                "Counted: slow holds",
                "Counted: late orders",
            ),
            [
                (
                    "Page",
                    fast_window,
                    fast_short_window,
                    fast_burn,
                    fast_budget_share,
                    fast_error_ratio,
                    fast_late_share,
                    fast_failed_calls,
                    fast_slow_holds,
                    fast_late_orders,
                ),
                (
                    "Page",
                    slow_window,
                    slow_short_window,
                    slow_burn,
                    slow_budget_share,
                    slow_error_ratio,
                    slow_late_share,
                    slow_failed_calls,
                    slow_slow_holds,
                    slow_late_orders,
                ),
                (
                    "Ticket",
                    ticket_window,
                    ticket_short_window,
                    ticket_burn,
                    ticket_budget_share,
                    ticket_error_ratio,
                    ticket_late_share,
                    ticket_failed_calls,
                    ticket_slow_holds,
                    ticket_late_orders,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Why the burns are counted", "Value"),
            [
                (f"Calls in {slo_window_days} days, counted low", window_requests),
                ("... allowed to fail", error_budget_requests),
                ("An on-sale's calls, an hour, over its length", onsale_hour_requests),
                ("... against the window's average hour", onsale_hour_over_average),
                ("Budget the fast page's error ratio lets go in an on-sale hour", onsale_budget_before_fast_page),
                ("The fast page's count, as an error ratio in the average hour", fast_calls_ratio_average_hour),
                ("... in an on-sale hour", fast_calls_ratio_onsale_hour),
                (f"Hold attempts in {slo_window_days} days", window_holds),
                ("... an on-sale's, the race for returned seats left out", onsale_holds),
                (f"... allowed over the target ({percentile_budget_share})", slow_hold_budget),
                ("Budget the fast page's share lets go in an on-sale hour", onsale_hold_budget_before_fast_page),
                (f"Orders submitted in {slo_window_days} days", window_orders),
                ("... an on-sale's, declined ones included", onsale_orders),
                (f"... allowed to settle later than the target ({percentile_budget_share})", settle_late_budget),
                (
                    "Every hold slow: the fast page's count reached, at the average hour's holds",
                    total_regression_detect_average,
                ),
                ("... in an on-sale hour", total_regression_detect_onsale),
                (
                    "Settling stalled: the fast page's late orders reached, at the average hour's orders",
                    settle_stall_detect_average,
                ),
                ("... at a normal day's busy hour", settle_stall_detect_busy_hour),
                (
                    "... after the oldest-pending page in hours under this share of the average hour's orders",
                    settle_stall_page_first_share,
                ),
            ],
        )
    )
