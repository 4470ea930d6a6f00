"""Ticket booking worked example: a normal day's orders and page views, then one hot on-sale: the
release rate the payment processor allows, the waiting room's joins and polls, and how long a position
waits. The seat maps' load depends on how the sale plays out, so ticket_booking_sellout.py computes it."""

from datetime import UTC, datetime, timedelta

from ticket_booking_assumptions import (
    access_token_lifetime,
    action_share,
    action_time,
    audit_interval,
    audit_margin,
    bucket_share,
    buy_share,
    clock_skew,
    decline_share,
    draw_build_time,
    draw_delay,
    hold_attempts_per_buyer,
    hold_time,
    max_orders_per_hold,
    order_poll_interval,
    page_views_per_order,
    payment_endpoint_limit,
    peak_to_average,
    pick_time,
    processor_calls_per_order,
    processor_endpoint_default,
    processor_error_ticket,
    processor_planned_share,
    queue_accounts,
    queue_insert_timeout,
    queue_join_burst,
    queue_join_window,
    queue_poll_interval,
    repeat_order_share,
    room_trigger_share,
    settle_target,
    stadium_seats,
    tickets_per_order,
    tickets_per_year,
)

from sdw.estimation import (
    DAYS_PER_YEAR,
    SECONDS_PER_DAY,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_day,
    per_second,
    size,
    times,
)

# --- A normal day: every show, no waiting room ------------------------------------------------------
# Purchases are captured orders; a declined order is submitted and calls the processor, but buys nothing.
purchases_per_day = per_day(tickets_per_year / tickets_per_order / DAYS_PER_YEAR)
purchases_per_second = per_second(purchases_per_day / SECONDS_PER_DAY)
purchases_peak = peak(purchases_per_second * peak_to_average)
processor_calls_per_second = per_second(purchases_per_second / (1 - decline_share) * processor_calls_per_order)
processor_calls_peak = peak(processor_calls_per_second * peak_to_average)
page_views_per_day = per_day(purchases_per_day * page_views_per_order)
page_views_per_second = per_second(page_views_per_day / SECONDS_PER_DAY)
page_views_peak = peak(page_views_per_second * peak_to_average)

# --- The on-sale's release rate: set by the processor, not by the servers ------------------------------
# At Stripe's default for one endpoint, the plan's share of it is under the normal day's busy hour alone:
# the payment endpoint needs a raised limit before any on-sale.
default_planned_calls = peak(processor_endpoint_default * processor_planned_share)
# The plan uses a share of the payment endpoint's limit; the normal day's busy hour takes its part first (an
# on-sale starts in the morning, in the busy hours), and the rest is the on-sale's. A released buyer
# becomes a submitted order (one processor call) with the chance buy_share / (1 - decline_share): the
# purchases, and the declined orders that went before them.
planned_calls = peak(payment_endpoint_limit * processor_planned_share)
onsale_calls_budget = peak(planned_calls - processor_calls_peak)
calls_per_released_buyer = count(buy_share / (1 - decline_share) * processor_calls_per_order)
release_rate = peak(onsale_calls_budget / calls_per_released_buyer)
onsale_orders_peak = peak(release_rate * buy_share / (1 - decline_share))
onsale_purchases_peak = peak(release_rate * buy_share)
seats_held_per_second = peak(release_rate * tickets_per_order)
# The worst case for the plan: every released buyer submits one order (each hold bought, or declined).
calls_if_every_buyer_submits = peak(processor_calls_peak + release_rate * processor_calls_per_order)
worst_share_of_limit = fraction(calls_if_every_buyer_submits / payment_endpoint_limit)
# Worse: a share of them submits a second order as well, and the share that would reach the limit.
calls_with_repeats = peak(processor_calls_peak + release_rate * (1 + repeat_order_share) * processor_calls_per_order)
repeats_share_of_limit = fraction(calls_with_repeats / payment_endpoint_limit)

# The token bucket refills just under the payment endpoint's limit: the most payment calls the workers make.
bucket_rate = peak(payment_endpoint_limit * bucket_share)
# The normal day's calls are its busy hour's mean, but on-sales open at round times, so other shows' first
# submits bunch into the hot show's minutes. With the on-sale at its part of the plan, the normal day's calls
# may reach this before the bucket's rate is reached and orders wait, this many times their mean.
normal_calls_room = peak(bucket_rate - onsale_calls_budget)
normal_calls_room_over_mean = times(normal_calls_room / processor_calls_peak)
# The share of released buyers ordering twice, on top of every one ordering once, at which the calls would
# pass the bucket's rate, where the payment queue starts to grow.
repeat_share_at_bucket = fraction((bucket_rate - processor_calls_peak) / (release_rate * processor_calls_per_order) - 1)
# The cap on a hold's orders (step 4) bounds the worst case: every released buyer using every order a hold may have.
calls_at_order_cap = peak(processor_calls_peak + release_rate * max_orders_per_hold * processor_calls_per_order)
order_cap_share_of_limit = fraction(calls_at_order_cap / payment_endpoint_limit)

# --- The retrieves: the bank's checks and the lookups -------------------------------------------------
# Each order whose bank asks the buyer to confirm ends in a retrieve of its payment once the check is
# handed back; each call that fails with its payment ID known is looked up by a retrieve too, and the
# failures are counted at the level that opens a ticket (step 7), above which the processor is in trouble.
# At the plan (the on-sale's orders and the normal day's, a call each), and at the bucket's full rate, the
# most payment calls there can be, against the retrieve endpoint's default.


def retrieves(calls: float) -> float:
    """Retrieves a second behind payment calls at this rate: the bank checks and the lookups."""
    return calls / processor_calls_per_order * action_share + calls * processor_error_ticket


retrieves_peak = peak(retrieves(planned_calls))
retrieves_at_bucket = peak(retrieves(bucket_rate))
retrieves_share_of_endpoint = fraction(retrieves_at_bucket / processor_endpoint_default)
assert retrieves_at_bucket < processor_endpoint_default, "the retrieves pass their endpoint's default"

# --- Where the processor's client secret waits for the buyer's browser (step 6's options) ---------------
# Orders a second whose bank asks the buyer, at the plan and at the bucket's full rate. Read from the
# processor when the polling browser first sees requires_action, each is one more retrieve on top of those
# above.
action_orders_peak = peak(planned_calls / processor_calls_per_order * action_share)
action_orders_at_bucket = peak(bucket_rate / processor_calls_per_order * action_share)
secret_reads_retrieves_peak = peak(retrieves_peak + action_orders_peak)
secret_reads_share_at_plan = fraction(secret_reads_retrieves_peak / processor_endpoint_default)
secret_reads_retrieves_at_bucket = peak(retrieves_at_bucket + action_orders_at_bucket)
secret_reads_share_at_bucket = fraction(secret_reads_retrieves_at_bucket / processor_endpoint_default)
# Held in a memory-only cache until the action time ends instead: the most secrets held at once, and their
# characters. A secret is the payment ID, "_secret_" and 25 characters: 60 in Stripe's example.
client_secret_chars = 60
secrets_held_most = count(action_orders_at_bucket * action_time)
secrets_held_bytes = size(secrets_held_most * client_secret_chars)
# The cache's fallback, a retrieve from the retrieve bucket. That bucket refills at the same share of its
# endpoint's default as the payment bucket does of its limit, since the polls' retrieves and the workers'
# together may run it flat out: the room it leaves at the payment bucket's full rate.
retrieve_bucket_rate = peak(processor_endpoint_default * bucket_share)
assert retrieves_at_bucket < retrieve_bucket_rate, "the workers' retrieves fill the retrieve bucket"
retrieve_room_at_bucket = peak(retrieve_bucket_rate - retrieves_at_bucket)
# At the plan it leaves more, yet less than the orders whose bank asks: a cache that stops answering
# leaves some of them without their secret (step 7's alert).
retrieve_room_at_plan = peak(retrieve_bucket_rate - retrieves_peak)
assert retrieve_room_at_plan < action_orders_peak, "the fallback's room holds every bank check at the plan"
# Reading every secret from the processor instead would pass that bucket even at the plan.
secret_reads_share_of_bucket_at_plan = fraction(secret_reads_retrieves_peak / retrieve_bucket_rate)

# --- The waiting room ---------------------------------------------------------------------------------
# The join window is centered on the on-sale's start: the joins end half a window after it. Their average
# over the window, and their peak: the crowd that arrives at the announced time, in the minute after the
# start, at the burst factor over that average. The waiting room and the queue store are sized for the peak.
START_MINUTE = 60
queue_joins_mean = per_second(queue_accounts / queue_join_window)
queue_joins_peak = peak(queue_joins_mean * queue_join_burst)
start_minute_join_share = fraction(queue_join_burst * START_MINUTE / queue_join_window)
joins_end = duration(queue_join_window / 2)
# Half the window lies before the start: those joiners get a pre-queue token and a place drawn at the start.
pre_start_joiners = count(queue_accounts / 2)
assert start_minute_join_share <= 0.5, "the start minute's joins are more than those after the start"
queue_polls_peak = peak(queue_accounts / queue_poll_interval)
waiting_room_requests_peak = peak(queue_joins_peak + queue_polls_peak)
# A join after the start made before the draw is in place is answered without a position (step 3) and takes
# one at its first poll after the draw, a write like a join. The tabs' phases are spread, so those claims
# come evenly over one poll interval after the draw, inside the start's minute, on top of its joins: the
# queue store's writes at their peak, and the waiting room's, whose polls already count these.
draw_claims_peak = peak(queue_joins_peak * draw_delay / queue_poll_interval)
assert draw_delay + queue_poll_interval <= START_MINUTE, "the draw's claims come after the start's minute"
queue_writes_peak = peak(queue_joins_peak + draw_claims_peak)
onsale_over_normal_day = times(waiting_room_requests_peak / page_views_peak)
# The draw (step 6): the show's owner scans the pre-start rows once the queue store's insert timeout and the
# servers' clock skew have passed, then has the build's budget to compute, write and load the list, all by
# the moment the claims above count from. The scan's reads, in the join peak, are bounded in step 5's snippet.
draw_scan_start = duration(queue_insert_timeout + clock_skew)
assert draw_scan_start + draw_build_time <= draw_delay, "the draw's build ends after the draw is due in place"
# A draw later than that: joins after the start go on without positions, so each second late adds this to the
# claims a second over the poll interval after the draw.
draw_late_claims_per_second = peak(queue_joins_peak / queue_poll_interval)
# The threshold is capped at the positions claimed, none until the draw is in place, so releases start at the
# draw; a released buyer hears of it at its next poll, half an interval later on average, the tabs' phases
# spread. The sale's clock (the sell-out snippet) starts there: a position waits its place in line over the
# release rate, counted from the on-sale's start, and the threshold runs at that rate until the show is sold out.
release_heard_lag = duration(queue_poll_interval / 2)
release_clock_start = duration(draw_delay + release_heard_lag)
wait_for_position_10k = duration(release_clock_start + 10e3 / release_rate)
# Released buyers who can still find a free seat in the first pass: the seats over the seats a buyer
# holds (the sell-out snippet times it).
first_pass_buyers = count(stadium_seats / tickets_per_order)
# Step 3's example buyer holds position 48,213 (its tokens carry it) in a sale that starts at EXAMPLE_START.
# The threshold reaches it that long after the draw. The poll the example shows is its first after the draw,
# half an interval after it on average, so the estimated wait that poll gives (the positions ahead of the
# threshold over the rate, step 6) is that less the half interval, to 10 s. Told
# it is released at the next poll, it picks for a minute and holds, so its hold expires the hold's time later,
# counted from the start: the hold's expires_at. Its access lasts one window of releases (step 3): the
# positions released in a token's life at the planned rate (the sell-out snippet counts the buyers in it),
# set on the show as a whole number of positions, so it ends once the threshold reaches its position and a
# window more. A test holds the page's literals to these.
EXAMPLE_START = datetime(2025, 3, 14, 15, 0, tzinfo=UTC)
example_position = count(48_213)
example_reached_after_draw = duration(example_position / release_rate)
example_estimated_wait = duration(example_reached_after_draw - release_heard_lag)
example_wait_answer = int(round(float(example_estimated_wait), -1))
example_release = duration(release_clock_start + example_position / release_rate)
example_hold_expires = duration(example_release + pick_time + hold_time)
example_expires_at = (EXAMPLE_START + timedelta(seconds=round(float(example_hold_expires)))).strftime(
    "%Y-%m-%dT%H:%M:%SZ"
)
access_window_positions = count(release_rate * access_token_lifetime)
example_access_end = count(example_position + round(float(access_window_positions)))

# A show nobody planned as hot opens a waiting room mid-sale once its hold attempts, summed over the booking
# servers, pass a share of those a show released at the planned rate makes, for the trigger's time (step 3).
room_trigger_attempts = peak(release_rate * hold_attempts_per_buyer * room_trigger_share)


# Its rate, unplanned: what the on-sales planned and still releasing leave of the on-sale's part of the
# limit, over the calls a released buyer makes; none, and the on-call plans one, if they leave nothing. So
# the calls stay within the plan, under the bucket. Alone, a room gets a hot show's rate; beside step 2's
# on-sale, which takes the whole part, none.
def mid_sale_room_rate(planned_onsale_calls: float) -> float:
    """Releases a second for a room opened mid-sale, beside on-sales planned at these calls a second."""
    return max(0.0, onsale_calls_budget - planned_onsale_calls) / calls_per_released_buyer


room_rate_alone = peak(mid_sale_room_rate(0.0))
room_rate_beside_onsale = peak(mid_sale_room_rate(release_rate * calls_per_released_buyer))
for planned, room in ((0.0, room_rate_alone), (onsale_calls_budget, room_rate_beside_onsale)):
    assert processor_calls_peak + planned + room * calls_per_released_buyer <= bucket_rate, "past the bucket"
# Its access window, set with its rate: the positions released in a token's life at that rate. At 0/s none
# is set until the on-call plans a rate, as nobody is released before.
room_window_alone = count(room_rate_alone * access_token_lifetime)

# A payment the processor creates late for an order's old key, after a server error, is a second charge:
# refunded when its webhook comes, or else by the next daily audit, which checks the payments of one interval
# ending a margin before its run. A payment made just after one run's cutoff waits for the next run.
late_charge_refunded_within = duration(audit_interval + audit_margin)

# --- The order polls -------------------------------------------------------------------------------------
# A submitted order's browser polls it until it settles, each poll a read of one row on the show's primary,
# whose answer sets the next poll's delay: the short interval while the order is within the settle target
# of its submit, or within one settle target of its action-done (a bound, since the target leaves out the
# bank's wait), the long one after it (and while it waits on the buyer's bank, its check not yet handed
# back, or the processor is marked down). At the plan, the
# orders within their target are at most those submitted over one target (the on-sale's and the normal
# day's, a call each) and those whose bank asked, handed back over one target, each polled at the short
# interval: the polls the booking tier is sized for, while the processor serves its limit. Orders past
# their target then add a few, at the long interval; step 7 bounds them when the processor is down.
orders_polled_peak = count(planned_calls / processor_calls_per_order * settle_target)
action_done_orders_polled_peak = count(action_orders_peak * settle_target)
order_polls_peak = peak((orders_polled_peak + action_done_orders_polled_peak) / order_poll_interval)

# A seat map's answer: a bit a seat, free or not, sent base64 in JSON, four characters for every three
# bytes, and counted uncompressed (the layout, sections, rows and seats, comes from the CDN, the same for
# every show in the venue; each seat's tier and the tiers' prices come in the show's tiers answer).
seat_map_bytes = size(stadium_seats / 8 * 4 / 3)
# The show's tiers answer carries each seat's tier, a byte a seat in layout order, base64 in the JSON the same
# way, counted uncompressed: fixed for the sale, so the CDN caches it for the sale, apart from the show's
# answer and its changing state, and it compresses well, a tier running along whole rows and sections.
seat_tiers_bytes = size(stadium_seats * 4 / 3)

if __name__ != "ticket_booking_traffic":
    print(
        markdown_table(
            ("A normal day", "Average", "Peak (busy hour)"),
            [
                ("Purchases (captured orders)", purchases_per_second, purchases_peak),
                ("Processor calls (declined orders included)", processor_calls_per_second, processor_calls_peak),
                ("Page views: event lists, event pages, seat maps", page_views_per_second, page_views_peak),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("One hot on-sale", "Value"),
            [
                ("Processor calls the plan could use at the default endpoint limit", default_planned_calls),
                ("Processor calls the plan may use, the endpoint's limit raised", planned_calls),
                ("... of which the normal day's busy hour", processor_calls_peak),
                ("... left for the on-sale", onsale_calls_budget),
                ("Processor calls a released buyer makes, on average", calls_per_released_buyer),
                ("Release rate: buyers a second", release_rate),
                ("Submitted orders a second from the on-sale", onsale_orders_peak),
                ("Purchases a second from the on-sale", onsale_purchases_peak),
                ("Seats held a second while seats are free", seats_held_per_second),
                ("Processor calls if every released buyer submitted one order", calls_if_every_buyer_submits),
                ("... against the limit", worst_share_of_limit),
                (f"... and {repeat_order_share} of them a second", calls_with_repeats),
                ("... against the limit", repeats_share_of_limit),
                ("Share submitting a second order that would pass the bucket's rate", repeat_share_at_bucket),
                (f"Processor calls if every released buyer submitted {max_orders_per_hold}", calls_at_order_cap),
                ("... against the limit", order_cap_share_of_limit),
                ("Token bucket's refill: payment calls a second at most", bucket_rate),
                ("... of which the normal day's calls may take, the on-sale at its part", normal_calls_room),
                ("... over the normal day's busy-hour mean", normal_calls_room_over_mean),
                ("Retrieves a second at the plan (bank checks, lookups)", retrieves_peak),
                ("... at the bucket's full rate", retrieves_at_bucket),
                ("... against the retrieve endpoint's default", retrieves_share_of_endpoint),
                ("Orders a second whose bank asks the buyer, at the plan", action_orders_peak),
                ("... at the bucket's full rate", action_orders_at_bucket),
                ("Retrieves a second if each such order's secret is read, at the plan", secret_reads_retrieves_peak),
                ("... against the retrieve endpoint's default", secret_reads_share_at_plan),
                ("... against the retrieve bucket's refill (below)", secret_reads_share_of_bucket_at_plan),
                ("... at the payment bucket's full rate", secret_reads_retrieves_at_bucket),
                ("... against the retrieve endpoint's default", secret_reads_share_at_bucket),
                ("Client secrets held at once in memory, at most", secrets_held_most),
                ("... their bytes, a byte a character", secrets_held_bytes),
                ("Retrieve bucket's refill: retrieves a second at most", retrieve_bucket_rate),
                ("Retrieves a second it leaves, at the plan", retrieve_room_at_plan),
                ("... at the payment bucket's full rate", retrieve_room_at_bucket),
                ("Waiting room: joins a second, the window's average", queue_joins_mean),
                ("... in the minute after the start, the peak", queue_joins_peak),
                ("... the share of the accounts that join in that minute", start_minute_join_share),
                ("... which end, counted from the on-sale's start, at", joins_end),
                ("Accounts that join before the start, placed by the draw", pre_start_joiners),
                ("... positions taken a second after the draw by joins made before it", draw_claims_peak),
                ("... with the joins, the queue store's writes at their peak", queue_writes_peak),
                ("The draw's scan starts, after the start, at", draw_scan_start),
                ("... each second the draw is late adds claims a second of", draw_late_claims_per_second),
                ("First releases heard after the start, on average (draw, half a poll)", release_clock_start),
                ("Waiting room: polls a second", queue_polls_peak),
                ("Waiting room requests over the normal day's peak page views", onsale_over_normal_day),
                ("Orders within their settle target at once, at the plan", orders_polled_peak),
                ("... and within that of their action-done, back from the bank", action_done_orders_polled_peak),
                ("Polls a second of the orders within either target", order_polls_peak),
                ("Buyers who can find a seat in the first pass", first_pass_buyers),
                ("Position 10,000 let in, after the start", wait_for_position_10k),
                ("Step 3's example: the threshold reaches its position after the draw", example_reached_after_draw),
                ("... the wait its first poll after the draw estimates, half a poll later", example_estimated_wait),
                ("... that poll's estimated_wait_s, to 10 s", f"`{example_wait_answer}`"),
                ("... its release heard, after the start", example_release),
                ("... its hold expires, after the start", example_hold_expires),
                (f"... its hold's expires_at, the sale starting at {EXAMPLE_START:%H:%M}", f"`{example_expires_at}`"),
                ("... its access ends at the threshold", example_access_end),
                ("Hold attempts a second that open a room on a show without one", room_trigger_attempts),
                ("... that room's releases a second, no other on-sale releasing", room_rate_alone),
                ("... its access window, positions", room_window_alone),
                ("... beside step 2's on-sale, which takes the on-sale's whole part", room_rate_beside_onsale),
                ("A late second charge refunded within, at most", late_charge_refunded_within),
                ("A seat map's answer, base64 in JSON", seat_map_bytes),
                ("Each seat's tier in the show's tiers answer, base64 in JSON", seat_tiers_bytes),
            ],
        )
    )
