"""Ticket booking worked example: the one feedback signal between the payment queue and the waiting
room, a slow or failed processor, a lost zone and a lost region, and the error budget they spend."""

from ticket_booking_assumptions import (
    availability_target,
    backlog_clear,
    backlog_threshold,
    hold_time,
    pick_time,
    processor_call_time,
    processor_limit,
    processor_slowdown_share,
    region_rpo,
    release_cut,
    shard_failover,
    slo_window_days,
    time_to_submit,
)
from ticket_booking_servers import booking_writes_peak
from ticket_booking_traffic import (
    onsale_calls_budget,
    page_views_per_day,
    planned_calls,
    processor_calls_peak,
    release_rate,
)

from sdw.estimation import SECONDS_PER_MINUTE, count, duration, fraction, markdown_table, peak, throughput

# --- The feedback signal ------------------------------------------------------------------------------
# The pending-order queue is measured in seconds of the processor's limit. Past the threshold every
# show's release rate is cut; under the clear level it returns to the plan.
backlog_threshold_orders = count(processor_limit * backlog_threshold)
backlog_clear_orders = count(processor_limit * backlog_clear)
calls_after_cut = peak(processor_calls_peak + onsale_calls_budget * release_cut)
share_after_cut = fraction(calls_after_cut / processor_limit)
release_rate_after_cut = peak(release_rate * release_cut)
# A cut acts only on buyers released after it: those released before still pick and submit. Most
# submit a pick time and a time to submit after their release; the slowest, up to a hold's end.
cut_lag = duration(pick_time + time_to_submit)
cut_lag_longest = duration(pick_time + hold_time)
# At the processor's full limit, the threshold's queue drains in:
drain_at_limit = duration(backlog_threshold_orders / (processor_limit - calls_after_cut))

# --- Step 7's case: the processor completes half its limit ----------------------------------------------
slow_processor = throughput(processor_limit * processor_slowdown_share)
slow_growth = peak(planned_calls - slow_processor)
slow_time_to_threshold = duration(backlog_threshold_orders / slow_growth)
# Through the lag the orders still arrive at the plan's rate.
slow_deepest_queue = count(backlog_threshold_orders + slow_growth * cut_lag)
slow_longest_wait = duration(slow_deepest_queue / slow_processor)
slow_drain = peak(slow_processor - calls_after_cut)
slow_time_to_clear = duration((slow_deepest_queue - backlog_clear_orders) / slow_drain)
assert slow_drain > 0, "the cut does not drain the queue at this slowdown"

# --- The processor down --------------------------------------------------------------------------------
# Orders keep arriving at the cut rate while nothing completes; once the processor is back, the queue
# drains by the limit less those arrivals (the rates return only under the clear level).
outage_pending_per_minute = count(calls_after_cut * SECONDS_PER_MINUTE)
drain_after_outage = peak(processor_limit - calls_after_cut)
drain_minutes_per_outage_minute = duration(calls_after_cut / drain_after_outage * SECONDS_PER_MINUTE)

# --- A zone lost: a shard's primary replaced -------------------------------------------------------------
failover_failed_writes = count(booking_writes_peak * shard_failover)
window_requests = count(page_views_per_day * slo_window_days)
error_budget_requests = count(window_requests * (1 - availability_target))
failover_budget_share = fraction(failover_failed_writes / error_budget_requests)

# --- A region lost: the processor's records to apply before sales resume ---------------------------------
# Every payment the processor recorded that the standby may not reflect: those of orders submitted after
# its last commit, and those of orders it holds as pending, the oldest submitted one queue's wait before
# that (the queue kept under its threshold), with a call's time of slack. At most the limit over that window.
reconcile_window = duration(region_rpo + backlog_threshold + processor_call_time)
reconcile_records_most = count(processor_limit * reconcile_window)
standby_lag_page = duration(region_rpo / 2)

if __name__ != "ticket_booking_reliability":
    print(
        markdown_table(
            ("The feedback signal", "Value"),
            [
                ("Pending orders that cut the release rates", backlog_threshold_orders),
                ("Pending orders under which they return", backlog_clear_orders),
                ("Release rate of the hot show, cut", release_rate_after_cut),
                ("Processor calls planned once cut", calls_after_cut),
                ("... as a share of the limit", share_after_cut),
                ("The cut takes effect after about", cut_lag),
                ("... and wholly after", cut_lag_longest),
                ("The threshold's queue drains, at the full limit, in", drain_at_limit),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (f"The processor at {processor_slowdown_share} of its limit", "Value"),
            [
                ("It completes", slow_processor),
                ("The queue grows by", slow_growth),
                ("It reaches the threshold after", slow_time_to_threshold),
                ("Deepest queue, once the lag has passed", slow_deepest_queue),
                ("Longest wait from submit to the processor's call", slow_longest_wait),
                ("Then it drains by", slow_drain),
                ("... to the clear level in", slow_time_to_clear),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Outages", "Value"),
            [
                ("Processor down: pending orders a minute, rates cut", outage_pending_per_minute),
                ("Processor back: the queue drains by", drain_after_outage),
                ("... so each minute of outage takes to drain", drain_minutes_per_outage_minute),
                ("A shard's failover: holds and submits that fail", failover_failed_writes),
                (f"... against {slo_window_days} days' error budget of requests", failover_budget_share),
                ("Region lost: the processor's records to apply, at most", reconcile_records_most),
                ("Standby lag that pages", standby_lag_page),
            ],
        )
    )
