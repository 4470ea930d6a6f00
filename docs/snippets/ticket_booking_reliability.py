"""Ticket booking worked example: the one feedback signal between the payment queue and the waiting
room, a slow or failed processor over the sell-out's submits, a lost zone and a lost region, and the
error budget they spend."""

from reference_capacity import api_read_per_server, api_write_per_server
from ticket_booking_assumptions import (
    access_token_lifetime,
    action_share,
    action_time,
    availability_target,
    backlog_clear,
    backlog_threshold,
    buy_share,
    copies,
    decline_share,
    hold_attempts_per_buyer,
    hold_time,
    hot_onsales_per_window,
    order_poll_interval,
    order_poll_interval_late,
    payment_endpoint_limit,
    pending_order_page,
    pick_time,
    position_block,
    processor_call_time,
    processor_calls_per_order,
    processor_endpoint_default,
    processor_list_page,
    processor_outage_share,
    processor_slowdown_share,
    queue_accounts,
    queue_poll_interval,
    queue_store_write_share,
    queue_store_writes_per_node,
    region_rpo,
    region_rto,
    release_cut,
    release_stall_age,
    seat_map_refresh,
    settle_target,
    shard_failover,
    slo_window_days,
    stadium_seats,
    sweeper_interval,
    tickets_per_order,
    time_to_submit,
    zones,
)
from ticket_booking_sellout import (
    first_lapses_return,
    first_wave_span,
    free_seats_run_out,
    lapsed_holds_per_second,
    last_seats,
    positions_released_by_sellout,
    race_hold_attempts_peak,
    wave_start,
)
from ticket_booking_servers import (
    STORE_FLOOR,
    booking_reads_peak,
    booking_servers,
    booking_writes_peak,
    first_pass_attempts,
    queue_store_nodes,
    standby_queue_store_nodes,
    stateless,
    waiting_room_servers,
)
from ticket_booking_traffic import (
    action_orders_at_bucket,
    action_orders_peak,
    bucket_rate,
    calls_per_released_buyer,
    draw_claims_peak,
    joins_end,
    onsale_calls_budget,
    order_polls_peak,
    orders_polled_peak,
    page_views_per_day,
    planned_calls,
    pre_start_joiners,
    processor_calls_peak,
    purchases_per_day,
    queue_joins_peak,
    queue_polls_peak,
    queue_writes_peak,
    release_heard_lag,
    release_rate,
)

from sdw.estimation import (
    SECONDS_PER_MINUTE,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    servers,
    throughput,
    times,
    whole_per_zone,
)

# --- The feedback signal ------------------------------------------------------------------------------
# The pending-order queue is measured in seconds of the payment endpoint's limit. Past the threshold every
# show's release rate is cut; under the clear level it returns to the plan. A cut lowers the calls only
# of shows that still have free seats: a buyer released once every seat is claimed has nothing to hold.
backlog_threshold_orders = count(payment_endpoint_limit * backlog_threshold / processor_calls_per_order)
backlog_clear_orders = count(payment_endpoint_limit * backlog_clear / processor_calls_per_order)
calls_after_cut = peak(processor_calls_peak + onsale_calls_budget * release_cut)
share_after_cut = fraction(calls_after_cut / payment_endpoint_limit)
release_rate_after_cut = peak(release_rate * release_cut)
# A cut acts only on buyers released after it: those released before still pick and submit. Most
# submit a pick time and a time to submit after they hear of their release, half a poll interval after it
# on average; the slowest, up to a hold's end.
cut_lag = duration(release_heard_lag + pick_time + time_to_submit)
cut_lag_longest = duration(release_heard_lag + pick_time + hold_time)
# With releases running at the cut plan, the threshold's queue drains at the bucket's full rate in:
drain_at_limit = duration(backlog_threshold_orders / (bucket_rate - calls_after_cut))

# --- The sell-out's submits ------------------------------------------------------------------------------
# The first wave's holds start a pick time after the first releases are heard, one wave span long, and their
# buyers submit a time to submit later: the on-sale's calls run at the plan over that span, and before and
# after it only the normal day's. The later waves' holds start as the lapsed ones return, a share of the
# release rate.
plan_calls_from = duration(wave_start(1) + time_to_submit)
plan_calls_until = duration(plan_calls_from + first_wave_span)
second_wave_calls_from = duration(wave_start(2) + time_to_submit)
second_wave_calls = peak(processor_calls_peak + lapsed_holds_per_second * calls_per_released_buyer)

# --- Step 7's case: the processor completes half its limit through the on-sale ---------------------------
slow_processor = throughput(payment_endpoint_limit * processor_slowdown_share)
slow_growth = peak(planned_calls - slow_processor)
slow_time_to_threshold = duration(backlog_threshold_orders / slow_growth)
slow_flag_set = duration(plan_calls_from + slow_time_to_threshold)
# The flag comes after the free seats ran out, so the cut lowers no calls: the queue grows through the
# first wave's submits and drains once they pass, on the normal day's calls, before the second wave's.
assert slow_flag_set > free_seats_run_out, "the cut acts on this show's releases: the case needs its lag"
slow_deepest_queue = count(slow_growth * first_wave_span)
assert slow_deepest_queue > backlog_threshold_orders, "the queue never reaches the threshold in this case"
slow_longest_wait = duration(slow_deepest_queue / slow_processor)
slow_drain = peak(slow_processor - processor_calls_peak)
slow_time_to_clear = duration((slow_deepest_queue - backlog_clear_orders) / slow_drain)
assert plan_calls_until + slow_time_to_clear < second_wave_calls_from, "the queue is still deep at the second wave"
assert second_wave_calls < slow_processor, "the later waves grow the queue at this slowdown"
# A cut slows releases from the moment the flag is set, and their buyers hear of it half a poll interval
# later on average and hold a pick time after that: it lowers any of this show's first-wave holds only if
# set that long before the free seats run out. A processor slowed from the on-sale's start to c calls a
# second grows the queue by the normal day's calls less c until the plan's calls start (nothing, if c is the
# more), and by the plan less c after. It reaches the threshold by that moment for c under this, solved on
# the branch where c is under the normal day's calls (asserted): so a cut helps a processor too slow for the
# normal day's own calls, whose queue grows before the on-sale's submits; one slowed earlier trips it sooner.
cut_useful_before = duration(free_seats_run_out - release_heard_lag - pick_time)
assert cut_useful_before > plan_calls_from, "the plan's calls start after the last useful cut"
cut_useful_completion = throughput(
    (
        processor_calls_peak * plan_calls_from
        + planned_calls * (cut_useful_before - plan_calls_from)
        - backlog_threshold_orders * processor_calls_per_order
    )
    / cut_useful_before
)
assert 0 < cut_useful_completion <= processor_calls_peak, "the queue grows before the plan's calls: other branch"
cut_useful_share = fraction(cut_useful_completion / payment_endpoint_limit)

# --- The processor down, through the first wave's submits ------------------------------------------------
# Orders arrive at the plan while nothing completes; once the processor is back and the wave has passed,
# the queue drains by the bucket's rate, just under the limit, less the normal day's calls.
outage_pending_per_minute = count(planned_calls * SECONDS_PER_MINUTE / processor_calls_per_order)
drain_after_outage = peak(bucket_rate - processor_calls_peak)
drain_minutes_per_outage_minute = duration(planned_calls / drain_after_outage * SECONDS_PER_MINUTE)
# An outage of server errors returns no payment IDs: its orders are found by listing the payments created
# from the oldest one's submit on, one pass for all of them, a page for every list page's payments, on
# the list endpoint at its default.
outage_list_pages_per_minute = count(planned_calls * SECONDS_PER_MINUTE / processor_list_page)
outage_list_time_per_minute = duration(outage_list_pages_per_minute / processor_endpoint_default)
# The processor is marked down once the share of calls failing over the last minute passes the level: an
# abrupt outage, every call failing from its start, is detected after that share of the minute.
outage_detected_after = duration(processor_outage_share * SECONDS_PER_MINUTE)
# The order polls in an outage through the whole wave: every order submitted meanwhile pending, each polled
# at the long interval while the processor is marked down, and so are the orders the outage caught waiting on
# their bank, at most those the bank asked about over one action time at the plan. Once it is marked up, the
# new orders poll at the short interval again, those whose bank asks at the bucket's full rate while the
# queue drains; the orders caught waiting on their bank, whose action time starts again in full, hand back
# at the short interval too, counted as if all within one settle target; the backlog still polls at the long
# one. All together, with the maps, pages and writes, in servers' worth of the booking tier's work, against
# its servers with a zone lost: a bound.
outage_pending_orders = count(planned_calls * first_wave_span / processor_calls_per_order)
outage_order_polls = peak(outage_pending_orders / order_poll_interval_late)
outage_action_orders = count(action_orders_peak * action_time)
outage_action_polls = peak(outage_action_orders / order_poll_interval_late)
assert outage_order_polls + outage_action_polls < order_polls_peak, "the outage's polls pass the sized polls"
recovery_new_order_polls = peak((orders_polled_peak + action_orders_at_bucket * settle_target) / order_poll_interval)
recovery_action_done_polls = peak(outage_action_orders / order_poll_interval)
recovery_order_polls = peak(recovery_new_order_polls + recovery_action_done_polls + outage_order_polls)
recovery_booking_work = count(
    (booking_reads_peak - order_polls_peak + recovery_order_polls) / api_read_per_server
    + booking_writes_peak / api_write_per_server
)
booking_servers_zone_lost = servers(booking_servers * (zones - 1) / zones)
assert recovery_booking_work < booking_servers_zone_lost, "the polls after an outage overload the booking tier"

# --- A zone lost: a shard's primary replaced -------------------------------------------------------------
# Holds and submits fail while the shard has no primary, and so do the orders' polls, which read it. The
# waiting room's joins after the start do not: each of the servers a zone's loss leaves holds half a block
# on average when the failover starts; after it, a join that cannot claim a block is answered as one
# before the draw is written (step 3), its row written with no position and "poll again", and it takes a
# position at a later poll, once the shard is back. Worst case, the failover also spans the draw's claims.
waiting_room_servers_zone_lost = servers(waiting_room_servers * (zones - 1) / zones)
assert queue_poll_interval <= shard_failover, "the draw's claims outlast a failover"
failover_positions_needed = queue_joins_peak * shard_failover + draw_claims_peak * queue_poll_interval
position_block_span_zone_lost = duration(position_block / (queue_writes_peak / waiting_room_servers_zone_lost))
failover_positionless_joins = count(failover_positions_needed - waiting_room_servers_zone_lost * position_block / 2)
# Those later claims are writes, as the joins are. All within one poll interval of the shard's return, they
# would come at this rate, and the waiting room's work, at its sizing's peaks, would pass what it keeps
# with a zone lost. So a server makes them only within the writes it is sized for, its joins first: at the
# latest once the joins end, every one is placed within this.
failover_claims_peak = peak(failover_positionless_joins / queue_poll_interval)
failover_claims_work = count(
    queue_polls_peak / api_read_per_server + (queue_writes_peak + failover_claims_peak) / api_write_per_server
)
assert failover_claims_work > waiting_room_servers_zone_lost, "the claims fit at once: they need no pacing"
failover_claims_span = duration(failover_positionless_joins / queue_joins_peak)
# Such a join lands behind the joins made up to its claim: in step 2's on-sale no join after the start is
# released before the last sale, since the releases end inside the draw's places.
assert positions_released_by_sellout < pre_start_joiners, "joins after the start are released: the slip matters"
# What fails depends on when, so each request that needs the shard is given its rate at each moment of the
# on-sale, and a failover is costed as the requests over its length. The holds: the first pass's attempts
# while seats are free; from the first lapses' return, the race's attempts by the buyers on the map. Those
# build up, the model's assumption: a buyer released a pick time before the free seats run out, or later,
# finds the map full and watches it until their access ends, so the watchers grow at the release rate from
# then and reach one window's releases, the race's bound, a token life later. The submits: each wave's
# orders over its span, a time to submit after its holds start (later waves submit less still). The polls:
# each order within its settle target, at the short interval, and as many again for those handed back from
# the bank's check (step 3), with the normal day's orders; every show's orders, though only the hot show's
# read its shard: a bound, like the rest. The joins are answered (above), so none fails.
watchers_from = duration(free_seats_run_out - pick_time)
watchers_full = duration(watchers_from + access_token_lifetime)
race_start_watchers_share = fraction((first_lapses_return - watchers_from) / access_token_lifetime)
assert 0 < race_start_watchers_share < 1, "the watchers are not building up as the race starts"
normal_order_polls = peak(
    processor_calls_peak / processor_calls_per_order * (1 + action_share) * settle_target / order_poll_interval
)
WAVES = (1, 2, 3)


def wave_orders(n: int) -> float:
    """The orders a second that the n-th wave submits, over its span."""
    return release_rate * (1 - buy_share) ** (n - 1) * calls_per_released_buyer / processor_calls_per_order


def failing_rate(t: float) -> float:
    """The requests a second, t from the start, that a failover of the hot show's shard fails."""
    holds = first_pass_attempts if wave_start(1) <= t < free_seats_run_out else 0.0
    if t >= first_lapses_return:
        holds += race_hold_attempts_peak * min((t - watchers_from) / access_token_lifetime, 1.0)
    submits = polled = 0.0
    for n in WAVES:
        start = wave_start(n) + time_to_submit
        end = start + first_wave_span
        submits += wave_orders(n) if start <= t < end else 0.0
        polled += wave_orders(n) * max(0.0, min(t, end) - max(t - settle_target, start))
    return holds + submits + normal_order_polls + polled * (1 + action_share) / order_poll_interval


def failover_from(t0: float) -> float:
    """The requests a failover starting t0 from the start fails: its rate summed second by second."""
    seconds = round(shard_failover)
    return sum(failing_rate(t0 + i + 0.5) for i in range(seconds)) * shard_failover / seconds


# Costed at each phase. The joins, up to their end: the first pass and the normal day's polls, no on-sale
# order submitted yet. The first wave's submits, up to the race: each of its terms at its peak, a bound.
# The race's first failover, its watchers building up, with the first wave's last submits and polls.
# The race at its bound, the watchers a whole window, amid the second wave's submits and polls.
assert joins_end <= plan_calls_from < first_lapses_return, "the joins run on into the submits or the race"
failover_join_phase_requests = count((first_pass_attempts + normal_order_polls) * shard_failover)
failover_first_wave_requests = count((first_pass_attempts + wave_orders(1) + order_polls_peak) * shard_failover)
failover_race_start_requests = count(failover_from(first_lapses_return))
second_wave_orders = peak(wave_orders(2))
# The orders whose bank asked, handed back over one target, are polled at the short interval too (step 3).
second_wave_order_polls = peak(
    second_wave_calls / processor_calls_per_order * (1 + action_share) * settle_target / order_poll_interval
)
failover_race_phase_requests = count(
    (race_hold_attempts_peak + second_wave_orders + second_wave_order_polls) * shard_failover
)
assert second_wave_calls_from + settle_target <= watchers_full, "the watchers fill before the second wave's polls"
assert watchers_full + shard_failover <= second_wave_calls_from + first_wave_span, (
    "the second wave's submits end before the watchers fill"
)
assert abs(failover_from(watchers_full) / failover_race_phase_requests - 1) < 1e-3, "the race's bound is no moment"
# The worst moment is the worst of those, whatever it is; a failover starting at any second, phases
# straddled, fails no more.
failover_moments = (
    failover_join_phase_requests,
    failover_first_wave_requests,
    failover_race_start_requests,
    failover_race_phase_requests,
)
failover_failed_requests = count(max(failover_moments))
scan_end = round(wave_start(WAVES[-1]) + time_to_submit + first_wave_span + settle_target)
assert max(failover_from(t) for t in range(scan_end)) < failover_failed_requests * 1.001, "a moment is missed"
# A block large enough to outlast a failover at the join peak, the draw's claims in it, on the servers a
# zone's loss leaves: the positions one server hands out in it.
failover_block = count(failover_positions_needed / waiting_room_servers_zone_lost)
# The budget counts the calls the target covers (step 1), a 409 as a good one; the orders' polls are left
# out, which counts low, as the on-sale is counted. A normal day: its page
# views, its hold attempts (a hold for every purchase over the buy share) and its submits. A hot on-sale,
# counted low: the joins, the polls of the accounts still waiting at the last sale (those released
# earlier polled too), each released buyer's map for a pick time, hold attempts (the attempts a buyer
# makes while seats are free, for every buyer released: the race for returned seats left out) and the
# orders submitted for the stadium's seats.
normal_day_hold_attempts = count(purchases_per_day / buy_share * hold_attempts_per_buyer)
onsale_hold_attempts = count(positions_released_by_sellout * hold_attempts_per_buyer)
normal_day_submits = count(purchases_per_day / (1 - decline_share))
normal_day_requests = count(page_views_per_day + normal_day_hold_attempts + normal_day_submits)
onsale_requests = count(
    queue_accounts
    + (queue_accounts - positions_released_by_sellout) / queue_poll_interval * last_seats
    + positions_released_by_sellout * pick_time / seat_map_refresh
    + onsale_hold_attempts
    + stadium_seats / tickets_per_order / (1 - decline_share)
)
window_requests = count(normal_day_requests * slo_window_days + onsale_requests * hot_onsales_per_window)
error_budget_requests = count(window_requests * (1 - availability_target))
failover_budget_share = fraction(failover_failed_requests / error_budget_requests)
failovers_in_budget = count(int(error_budget_requests / failover_failed_requests))
failover_join_phase_share = fraction(failover_join_phase_requests / error_budget_requests)
# Step 7's decision on the position counter: had the joins failed instead, they alone would spend this, and
# at the join peak the join phase would then pass the worst of the four moments above and cut the failovers a
# month: answering them is what keeps the worst moment out of the joins.
failover_joins_budget_share = fraction(failover_positionless_joins / error_budget_requests)
assert failover_join_phase_requests < failover_failed_requests, "the join phase is the worst moment"
failover_join_phase_with_joins = count(failover_join_phase_requests + failover_positionless_joins)
assert failover_join_phase_with_joins > failover_failed_requests, "failed joins would not pass the worst moment"
assert int(error_budget_requests / failover_join_phase_with_joins) < failovers_in_budget, (
    "failed joins would not cut the failovers a month, as step 7 says"
)

# --- A region lost: the processor's records to apply before sales resume ---------------------------------
# Every payment the processor recorded that the standby may not reflect: those of orders submitted after
# its last commit, and those of orders whose holds it holds as pending, whatever the order's state
# (pending, waiting on the buyer's bank, cancelling), with a call's time of slack. The oldest of those
# waited a queue's wait (step 7's slow case, the longest here) and its call, then on the buyer's bank
# check for its whole time, counted from the processor's asking, then a sweeper pass and its payment's
# cancel. At most the payment endpoint's limit over that window.
oldest_pending_hold = duration(
    slow_longest_wait + processor_call_time + action_time + sweeper_interval + processor_call_time
)
reconcile_window = duration(region_rpo + oldest_pending_hold + processor_call_time)
reconcile_records_most = count(payment_endpoint_limit * reconcile_window / processor_calls_per_order)
# An order may stay pending past the slow case, up to the oldest-pending page and longer in an outage: at the
# page's age, the records to apply, the list pages that hold them, and the time to read them at the list
# endpoint's default.
reconcile_records_at_page = count(payment_endpoint_limit * pending_order_page / processor_calls_per_order)
reconcile_pages_at_page = count(reconcile_records_at_page / processor_list_page)
reconcile_list_time_at_page = duration(reconcile_pages_at_page / processor_endpoint_default)
# Applying them also cancels the payments, not yet final, of orders the standby lacks: those submitted in
# the lag, at most the payment endpoint's limit over it, each one call on the cancel endpoint at its default.
reconcile_cancels_most = count(payment_endpoint_limit * region_rpo / processor_calls_per_order)
reconcile_cancel_time = duration(reconcile_cancels_most / processor_endpoint_default)
# The time to resume, a budget of four steps, each assumed (to be measured in the failover drill): a person
# decides to fail over; the standby's shards are promoted; the waiting room and booking fleets are grown to
# the on-sale's size, and the queue store for the first polls' write-back (below); the processor's records
# are applied. Summed, it must fit the RTO.
rto_decide = duration(600)
rto_promote = duration(120)
rto_grow_fleets = duration(300)
rto_reconcile = duration(120)
reconcile_known_time = duration(reconcile_list_time_at_page + reconcile_cancel_time)
assert reconcile_known_time < rto_reconcile, "the records' read and the cancels take longer than their budget"
rto_budget = duration(rto_decide + rto_promote + rto_grow_fleets + rto_reconcile)
assert rto_budget <= region_rto, "the region-loss steps do not fit the time to resume"
standby_lag_page = duration(region_rpo / 2)
# An order waiting on its buyer's bank at the loss: its action time runs on through the outage, and sales
# resume only after the decision and the promotion, so it is past that time by then (step 6).
assert rto_decide + rto_promote > action_time, "an order waiting on its bank may still be in its time at the resume"
# A shard's failover stops its shows' thresholds for longer than the release-stalled alert waits: it pages.
assert shard_failover > release_stall_age, "a shard's failover passes unseen by the release-stalled alert"
# The queue store is not copied to the standby; each hot show's position counter is, on its row, behind by
# whatever the lag was at the loss. So no skip is guessed: for one poll interval from the restart a join is
# answered without a position, as before the draw, while the first polls write their rows back and raise
# the counter past them; then joins claim blocks past the highest position any open browser holds, and the
# threshold, resumed from the standby's row, finds ahead of it only positions handed out and the ends of
# blocks, so it never jumps.
# Nor are the queue store's rows: the first poll of each account that joined after the start, whose position
# is past the draw's, writes its row back once, and its answer's token carries a restored mark, so its later
# polls write nothing. At most every such joiner still waiting, all polling within one poll interval of the
# waiting room's start in the new region: a one-time load against the writes the store is sized for (the
# joins and the draw's claims), and the nodes it needs, grown with the fleets in the time to resume. Rejoins
# aside: a pre-start joiner whose rejoin past its window gave it a position writes one back too, and is
# left out of the count.
restore_writes_total = count(queue_accounts - pre_start_joiners)
restore_writes_peak = peak(restore_writes_total / queue_poll_interval)
restore_over_joins = times(restore_writes_peak / queue_writes_peak)
restore_queue_store_nodes = servers(
    max(
        whole_per_zone(restore_writes_peak * copies / (queue_store_writes_per_node * queue_store_write_share), zones),
        STORE_FLOOR,
    )
)
assert restore_queue_store_nodes > queue_store_nodes, "the write-back fits the queue store as sized"
# The waiting-room servers make those inserts, a write each as a join's is (step 5's count), on top of every
# poll's read: the fleet is grown for it with the store.
restore_waiting_room_servers = servers(
    stateless(queue_polls_peak / api_read_per_server + restore_writes_peak / api_write_per_server, 1)
)
assert restore_waiting_room_servers > waiting_room_servers, "the write-back fits the waiting room as sized"

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
                ("The threshold's queue drains, at the bucket's full rate, in", drain_at_limit),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("The sell-out's processor calls", "Value"),
            [
                ("At the plan, from", plan_calls_from),
                ("... until", plan_calls_until),
                ("The second wave's calls, from", second_wave_calls_from),
                ("... at", second_wave_calls),
                ("A cut lowers first-wave holds only if set, from the start, by", cut_useful_before),
                ("... reached by a processor slowed from the start completing under", cut_useful_completion),
                ("... as a share of its limit", cut_useful_share),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (f"The processor at {processor_slowdown_share} of its limit", "Value"),
            [
                ("It completes", slow_processor),
                ("The queue grows, while the calls run at the plan, by", slow_growth),
                ("It reaches the threshold after", slow_time_to_threshold),
                ("... so the flag is set, from the on-sale's start, at", slow_flag_set),
                ("Deepest queue, at the end of the first wave's submits", slow_deepest_queue),
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
                ("Processor down in the first wave's submits: pending orders a minute", outage_pending_per_minute),
                ("Processor back, the wave passed: the queue drains by", drain_after_outage),
                ("... so each minute of outage takes to drain", drain_minutes_per_outage_minute),
                ("Server errors instead: list pages to find a minute's orders", outage_list_pages_per_minute),
                ("... on the list endpoint's default, in", outage_list_time_per_minute),
                ("Processor down, every call failing: marked down after", outage_detected_after),
                ("Processor down through the wave: orders pending at its end", outage_pending_orders),
                ("... their polls a second, at the long interval", outage_order_polls),
                ("Orders the outage caught waiting on their bank, at most", outage_action_orders),
                ("... their polls a second, at the long interval", outage_action_polls),
                ("Processor back: the new orders' polls a second, the queue draining", recovery_new_order_polls),
                ("... the caught orders' polls as they hand back, at most", recovery_action_done_polls),
                ("... with the backlog's, polls a second at most", recovery_order_polls),
                ("... the booking tier's work then, in servers", recovery_booking_work),
                ("... against its servers with a zone lost", booking_servers_zone_lost),
                (
                    "A shard's failover: joins answered without a position once their block runs out",
                    failover_positionless_joins,
                ),
                ("... their claims a second, all in one poll interval of the shard's return", failover_claims_peak),
                ("... the waiting room's work then, at its peaks, in servers", failover_claims_work),
                ("... against its servers with a zone lost", waiting_room_servers_zone_lost),
                ("... so claimed within the joins' room: all placed, once the joins end, within", failover_claims_span),
                (
                    "A failover in the joins: the first pass's holds and the normal day's polls fail",
                    failover_join_phase_requests,
                ),
                (
                    "A failover in the first wave's submits: holds, submits, polls at their peaks",
                    failover_first_wave_requests,
                ),
                ("The map's watchers as the race starts, of one window", race_start_watchers_share),
                ("... a whole window, from the start, at", watchers_full),
                (
                    "A failover as the race starts: attempts, the first wave's last submits, polls",
                    failover_race_start_requests,
                ),
                ("A failover in the race at its bound: attempts, submits, polls", failover_race_phase_requests),
                ("... the worst of them, the failover's worst moment", failover_failed_requests),
                ("Requests a normal day", normal_day_requests),
                ("... a hot on-sale's, to its last sale", onsale_requests),
                ("... in all", window_requests),
                ("... allowed to fail", error_budget_requests),
                (f"... against {slo_window_days} days' error budget of requests", failover_budget_share),
                ("Such failovers the budget holds", failovers_in_budget),
                ("The join phase, against the budget", failover_join_phase_share),
                ("The joins, had they failed instead, against the budget", failover_joins_budget_share),
                ("... and the join phase with them", failover_join_phase_with_joins),
                ("A block that would outlast a failover at the join peak, positions", failover_block),
                ("Region lost: the processor's records to apply, at most", reconcile_records_most),
                ("... with an order pending as long as the oldest-pending page", reconcile_records_at_page),
                ("... list pages that hold them", reconcile_pages_at_page),
                ("... read at the list endpoint's default in", reconcile_list_time_at_page),
                ("Region lost: payments of orders the standby lacks, to cancel, at most", reconcile_cancels_most),
                ("... cancelled at the cancel endpoint's default in", reconcile_cancel_time),
                ("... the list's read and the cancels together", reconcile_known_time),
                ("Standby lag that pages", standby_lag_page),
                (
                    "Region lost: queue rows the first polls write back, once an account, at most, rejoins aside",
                    restore_writes_total,
                ),
                ("... a second, all within one poll interval", restore_writes_peak),
                ("... against the writes the queue store is sized for", restore_over_joins),
                ("... queue store nodes for it, grown with the fleets", restore_queue_store_nodes),
                ("... against the home region's, sized for the joins and draw claims", queue_store_nodes),
                ("... and the standby's, at its floor, which the failover grows", standby_queue_store_nodes),
                ("... waiting-room servers for it, grown with the fleets", restore_waiting_room_servers),
                ("... against the servers sized for the joins, draw claims and polls", waiting_room_servers),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Region lost: time to resume, assumed step by step", "Value"),
            [
                ("A person decides to fail over", rto_decide),
                ("The standby's shards promoted", rto_promote),
                ("The waiting room, booking fleets and queue store grown", rto_grow_fleets),
                ("The processor's records applied", rto_reconcile),
                ("... in all", rto_budget),
                ("... against the time to resume", region_rto),
            ],
        )
    )
