"""Ticket booking worked example: every assumption the estimates start from, and why.

Scope: one ticket seller of Ticketmaster's order, assigned seats only, sized at Ticketmaster's
published ticket count for 2023. The hot on-sale it designs for is one stadium show with millions of
accounts in its waiting room, sized from the Eras Tour presale that Ticketmaster described. The
payment processor's defaults are Stripe's published ones, imported from the ride-hailing example that
already cites them; the limit the example runs at is a raised one, assumed and said why. The
capacities of a server and a database shard are the reference pages'.

Change a value here and rebuild: every figure that depends on it changes, on every page.
Run `.venv/bin/python docs/snippets/ticket_booking_assumptions.py` to print the table.
"""

from chat_assumptions import (
    store_reads_per_node_per_second,
    store_write_utilization_target,
    store_writes_per_node_per_second,
)
from concept_ids_btree import LINE_POINTER
from concept_migrate_assumptions import REPLICA_APPLY_ROWS
from concept_tx_outbox import HEAP_HEADER
from reference_availability import SLO_WINDOW
from reference_capacity import relational_shard_bytes, target_utilization
from reference_peaks import waking_16_hours
from ride_hailing_assumptions import (
    STRIPE_IDEMPOTENCY,
    STRIPE_RATE_LIMITS,
    primary_failover,
    processor_default_endpoint_limit,
    processor_default_write_limit,
    processor_key_lifetime,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    count,
    duration,
    fraction,
    markdown_table,
    size,
    throughput,
    times,
)

# Live Nation's results for 2023 (its press release of 22 February 2024): Ticketmaster sold over 620
# million tickets in the year.
LIVE_NATION_2023 = (
    "https://www.prnewswire.com/news-releases/"
    "live-nation-entertainment-reports-full-year-and-fourth-quarter-2023-results-302069252.html"
)
# Live Nation's third quarter of 2023 (its press release): 257 million fee-bearing tickets year to date, on track
# to manage over 600 million tickets in the year, well over 300 million of them fee-bearing.
LIVE_NATION_Q3_2023 = (
    "https://www.prnewswire.com/news-releases/"
    "live-nation-entertainment-reports-third-quarter-2023-results-301976388.html"
)
# Ticketmaster's account of the Eras Tour presale of 15 November 2022: over 3.5 million people
# registered for Verified Fan, over 2 million tickets sold that day, 3.5 billion system requests.
ERAS_ONSALE = "https://business.ticketmaster.com/press-release/taylor-swift-the-eras-tour-onsale-explained/"
# SoFi Stadium: about 70,000 seats for football.
SOFI_STADIUM = "https://en.wikipedia.org/wiki/SoFi_Stadium"
# PostgreSQL's page layout: a 23-byte tuple header (padded to 24) and a 4-byte line pointer a row.
POSTGRES_PAGE_LAYOUT = "https://www.postgresql.org/docs/current/storage-page-layout.html"
# PostgreSQL's checkpoint_completion_target: 0.9 by default. Its checkpointer starts a checkpoint after
# max_wal_size / (1 + that target) of WAL (CalculateCheckpointSegments in xlog.c), not after max_wal_size.
POSTGRES_CHECKPOINT_TARGET = (
    "https://www.postgresql.org/docs/current/runtime-config-wal.html#GUC-CHECKPOINT-COMPLETION-TARGET"
)
POSTGRES_XLOG = "https://github.com/postgres/postgres/blob/master/src/backend/access/transam/xlog.c"
# Stripe's metadata: up to 50 keys a payment, values up to 500 characters.
STRIPE_METADATA = "https://docs.stripe.com/metadata"
# Stripe's server-side confirmation: a confirm may answer requires_action, which the buyer's browser completes.
STRIPE_NEXT_ACTION = "https://docs.stripe.com/js/payment_intents/handle_next_action"
# Stripe's list calls: a limit of 1 to 100 objects a page.
STRIPE_PAGINATION = "https://docs.stripe.com/api/pagination"

# --- Published scale (context and the year's volume) -------------------------------------------------
ticketmaster_tickets_2023 = count(620e6)
eras_registrations = count(3.5e6)
eras_tickets_in_a_day = count(2e6)

# --- A normal day ------------------------------------------------------------------------------------
tickets_per_year = count(ticketmaster_tickets_2023)
tickets_per_order = count(2.5)
page_views_per_order = count(40)
# Buyers are mostly in one region's waking hours: the reference page's factor for a day of 16 active hours.
peak_to_average = times(waking_16_hours)
# Submitted orders the card networks or the processor decline, on a normal day and in an on-sale.
decline_share = fraction(0.05)

# --- One hot on-sale -----------------------------------------------------------------------------------
stadium_seats = count(60_000)
queue_accounts = count(2e6)
queue_join_window = duration(600)
queue_join_burst = times(4)
queue_poll_interval = duration(30)
queue_insert_timeout = duration(2)
clock_skew = duration(1)
draw_build_time = duration(7)
draw_delay = duration(10)
# A waiting-room server holds a lease in the queue store, renewed each second; shows go to the live servers
# by rendezvous hashing, and each server reads the lease table each second, timing a lapse on its own clock.
owner_lease = duration(5)
owner_check_interval = duration(1)
# From the draw's scan start, each waiting-room server reads the show's drawn flag on its shard's primary
# this often, and loads the list from there once it is set.
draw_check_interval = duration(0.1)
pick_time = duration(60)
hold_time = duration(600)
buy_share = fraction(0.6)
time_to_submit = duration(240)
hold_attempts_per_buyer = count(1.5)
repick_time = duration(10)
partial_match_share = fraction(0.1)
account_seat_limit = count(6)
access_token_lifetime = duration(600)
closing_seats = count(2)
room_trigger_share = fraction(0.5)
room_trigger_window = duration(10)
position_block = count(1000)
threshold_max_step = duration(2)
map_open_share = fraction(1.0)
repeat_order_share = fraction(0.1)
max_orders_per_hold = count(3)
seat_map_refresh = duration(5)
order_poll_interval = duration(2)
order_poll_interval_late = duration(15)
seat_snapshot_interval = duration(1)
sweeper_interval = duration(1)

# --- The payment processor -----------------------------------------------------------------------------
# Stripe's defaults: all of an account's calls together, and any one endpoint.
processor_account_default = throughput(processor_default_write_limit)
processor_endpoint_default = throughput(processor_default_endpoint_limit)
# The payment call's endpoint (POST /v1/payment_intents), raised by arrangement; every on-sale figure scales
# with it. The account's limit is raised above it, by three endpoints' defaults: the retrieves, the lists
# and the cancels.
payment_endpoint_limit = throughput(100)
OTHER_ENDPOINTS = ("retrieve", "list", "cancel")
account_limit = throughput(payment_endpoint_limit + len(OTHER_ENDPOINTS) * processor_endpoint_default)
processor_list_page = count(100)
processor_calls_per_order = count(1)
processor_call_time = duration(2)
processor_key_expiry = duration(processor_key_lifetime)
action_time = duration(300)
# Submitted orders whose bank asks the buyer to confirm (3-D Secure): each ends in a retrieve.
action_share = fraction(0.2)
# The token bucket refills at this share of the payment endpoint's limit, just under it.
bucket_share = fraction(0.95)
processor_outage_share = fraction(0.5)
processor_recovered_share = fraction(0.1)
# The share of the limit the release plan may use, as a CPU is planned (reference_capacity).
processor_planned_share = fraction(target_utilization)
backlog_threshold = duration(30)
backlog_clear = duration(5)
release_cut = fraction(0.5)
calls_in_flight_per_worker = count(100)
# Step 7's case: the processor completes only this share of its limit for a while.
processor_slowdown_share = fraction(0.5)

# --- Servers and stores (the reference pages' capacities, and the page's own floors) -------------------
zones = count(3)
stateless_floor_per_zone = count(2)
store_floor_per_zone = count(1)
partition_row_writes = throughput(REPLICA_APPLY_ROWS)
shard_bytes = size(relational_shard_bytes)
queue_store_writes_per_node = throughput(store_writes_per_node_per_second)
queue_store_write_share = fraction(store_write_utilization_target)
queue_store_reads_per_node = throughput(store_reads_per_node_per_second)
page_response_bytes = size(20e3)
seats_sold_share = fraction(0.8)

# --- How long and how safely we keep it ---------------------------------------------------------------
order_retention_years = count(7)
seat_retention_years = count(1)
backup_retention_days = count(35)
full_backup_interval_days = count(7)
checkpoint_timeout = duration(900)
checkpoint_completion_target = fraction(0.9)
archive_timeout = duration(60)
copies = times(zones)
standby_copies = times(zones)
row_overhead = size(HEAP_HEADER + LINE_POINTER)  # a heap tuple's header and its line pointer
shard_failover = duration(primary_failover)

# --- Targets (step 1) -----------------------------------------------------------------------------------
availability_target = fraction(0.9995)
slo_window_days = count(SLO_WINDOW / SECONDS_PER_DAY)
hot_onsales_per_window = count(1)
hold_latency_target = duration(0.5)
# The latency and freshness targets are p99s: a hundredth of holds (or seat changes) may be slower.
percentile_budget_share = fraction(0.01)
settle_target = duration(60)
seat_map_staleness_target = duration(3)
region_rpo = duration(5)
region_rto = duration(1800)
pending_order_page = duration(900)
audit_interval = duration(SECONDS_PER_DAY)
audit_margin = duration(3600)
processor_error_ticket = fraction(0.01)
release_stall_age = duration(10)
release_stall_share = fraction(0.5)
rate_below_plan_ticket = duration(1800)
wal_archive_ticket = duration(300)

TABLE = [
    (
        "Tickets Ticketmaster sold in 2023",
        ticketmaster_tickets_2023,
        f"Live Nation's [results for 2023]({LIVE_NATION_2023}): over 620 million. Context, and the year's "
        "volume below.",
    ),
    (
        "Tickets a year",
        tickets_per_year,
        "The example is sized at Ticketmaster's 2023 volume, so its normal day is a large seller's. About half "
        f"are fee-bearing ([Live Nation, Q3 2023]({LIVE_NATION_Q3_2023})), the rest processed for clients; the "
        "example sizes at the whole, the conservative case.",
    ),
    (
        "Tickets an order",
        tickets_per_order,
        "Assumed: pairs, families and groups of friends; to be read from past orders.",
    ),
    (
        "Page views an order",
        page_views_per_order,
        "Assumed: event lists, event pages and seat maps over the visits before a purchase, across "
        "every visitor who does not buy; to be measured.",
    ),
    (
        "Busy hour over the day's average, normal days",
        peak_to_average,
        "The peak-factors reference for a day of 16 active hours: buyers of one market buy in their own waking hours.",
    ),
    (
        "Submitted orders declined",
        decline_share,
        "Assumed: cards declined by their bank or by the processor; to be read from the processor's reports.",
    ),
    (
        "Seats on sale for one stadium show",
        stadium_seats,
        f"A round figure under a stadium's full count ([SoFi Stadium]({SOFI_STADIUM}) seats about "
        "70,000 for football): the stage and its sight lines take seats away.",
    ),
    (
        "Accounts in one show's waiting room",
        queue_accounts,
        f"Over {eras_registrations} people registered for the Eras Tour presale ([Ticketmaster]({ERAS_ONSALE})), "
        f"and over {eras_tickets_in_a_day} tickets sold that day. The page sizes for a tour's opening show drawing 2 "
        "million accounts to one waiting room.",
    ),
    (
        "Time over which they join",
        queue_join_window,
        "Assumed: most arrive around the announced start, as many before it as after: the window is "
        "centered on it; the next row sets the joins' peak. A random place for anyone on time (step 6) may "
        "draw more of the crowd early: that grows the draw's scan and list (step 2), not the queue store's "
        "write peak.",
    ),
    (
        "Joins in the minute after the start, against the window's average",
        queue_join_burst,
        "Assumed: the crowd arriving at the announced time. These joins come after the start, so each "
        "needs a position from the show's row. The waiting room and the queue store are sized for them "
        "(step 5); to be measured at each on-sale, and servers added ahead of one whose registrations "
        "promise more.",
    ),
    (
        "A join's insert in the queue store, given up after",
        queue_insert_timeout,
        "The page's choice (step 6): a join whose insert has not committed by then is answered with an error "
        "and tried again. A write that lands later anyway (giving up does not cancel it) is missed by the "
        "draw's scan and placed as a join after the start (step 6), the rare cost of a tight scan start.",
    ),
    (
        "Skew between two servers' clocks, at most",
        clock_skew,
        "Assumed bound, kept: a server whose NTP offset passes half of it stops taking joins and hands on its "
        "shows' draws. A row stamped before the start by a clock more than this behind the draw server's may "
        "commit after the scan starts: placed as a join after the start, it loses fairness, never a place.",
    ),
    (
        "The draw's build: the scan, HMAC, sort, the list's write and every server's load of it",
        draw_build_time,
        "Assumed budget, from the scan's start, to be measured in each on-sale's rehearsal; step 2 bounds the "
        "scan's part of it, and step 6 says what a draw later than that costs.",
    ),
    (
        "The draw in place (written and loaded by every waiting-room server), after the start, at the latest",
        draw_delay,
        "The page's choice (step 6): the scan starts once the insert timeout and the skew have passed, and "
        "the build's budget ends here. A join after the start made before it takes its position at a later "
        "poll, so the waiting room is sized for those writes too (step 2).",
    ),
    (
        "A waiting-room server's lease, lost after this long without a renewal",
        owner_lease,
        "The page's choice (step 6): five renewals missed in a row, longer than a garbage-collection pause or a "
        "retried write; its shows then hash to the next server. Each server times it on its own clock from when "
        "it last saw the lease change, so no clock skew enters.",
    ),
    (
        "The servers' renewal of their own lease and read of the lease table, every",
        owner_check_interval,
        "The page's choice (step 6): a queue-store read of its own, in the same once-a-second loop as the "
        "thresholds' reload from the shows' shards, so the next server takes a lapsed lease's shows within a "
        "second of the lapse.",
    ),
    (
        "A waiting-room server's read of the show's drawn flag on its shard's primary, from the scan's start, every",
        draw_check_interval,
        "The page's choice (step 6): a read of the flag alone, so a server loads the list within this of its "
        "write. From the primary, since a replica can lag by more than the build's rest (step 6).",
    ),
    (
        "Interval between a waiting buyer's polls",
        queue_poll_interval,
        "The page's choice (step 3): often enough that a released buyer hears soon after the release, "
        "seldom enough for millions of open tabs.",
    ),
    (
        "Time a released buyer takes to pick seats",
        pick_time,
        "Assumed: a minute on the seat map before the hold; to be measured.",
    ),
    (
        "Time a hold lasts",
        hold_time,
        "The page's choice (step 1): long enough to fill in details and pay, short enough that "
        "abandoned seats come back within the on-sale.",
    ),
    (
        "Holds that end in a purchase",
        buy_share,
        "Assumed for a hot show: most buyers who reach a hold buy; some balk at the price, some do not "
        "finish in time, some are declined and try no other card. To be read from past on-sales.",
    ),
    (
        "Time from a hold's start to submitting payment, for those who buy",
        time_to_submit,
        "Assumed: details and card entry; to be measured.",
    ),
    (
        "Hold attempts a released buyer makes",
        hold_attempts_per_buyer,
        "Assumed, while free seats last: a seat taken since the map was drawn fails the hold, and the "
        "buyer picks again. Once every seat is claimed, the buyers on the map race for the returned seats "
        "instead, at the rate of the next row.",
    ),
    (
        "Time a buyer on a full map takes to try another hold",
        repick_time,
        "Assumed: a buyer watching for returned seats tries one as the map shows it, and after a "
        "`409 seats_taken` picks another in about this long; to be measured.",
    ),
    (
        "Failed hold attempts that find some of their seats still free",
        partial_match_share,
        "Assumed: a returned hold's seats come back together, so a buyer who loses the race mostly finds "
        "none of them free and writes nothing; one in ten picks across two returns and finds some. To be "
        "measured from the holds' answers.",
    ),
    (
        "Most seats an account may hold or buy for a show",
        account_seat_limit,
        "The page's choice (step 1): the one limit against bulk buying in scope.",
    ),
    (
        "Life of a show's access token",
        access_token_lifetime,
        "The page's choice (step 3): a released buyer's access lasts the positions released in this long "
        "at the rate planned for the on-sale, fixed on the show's row; a buyer holding nothing after it "
        "rejoins the queue at its end.",
    ),
    (
        "Seats free or held, at most, when a show is sold out",
        closing_seats,
        "The page's choice (step 6): a tail cutoff. The last waves return a seat or two to tens of thousands "
        "of watchers, and the cutoff saves hours of releases for about 1 seat; these few stay on sale to the "
        "buyers already released. The sell-out model ends at the wave that leaves this many or fewer.",
    ),
    (
        "Hold attempts that open a waiting room on a show without one, against a hot show's plan",
        room_trigger_share,
        "The page's choice (step 3): a share of the hold attempts a show released at the planned rate "
        "makes, so a show nobody planned as hot gets a room before its orders take the on-sale's part "
        "of the processor's limit.",
    ),
    (
        "... kept up for this long",
        room_trigger_window,
        "The page's choice (step 3): long enough that one busy second opens no room, short against a crowd's minutes.",
    ),
    (
        "Positions a waiting-room server claims at a time",
        position_block,
        "The page's choice (step 6): one increment of the show's counter a block, not a position.",
    ),
    (
        "Most time one advance of the threshold may cover",
        threshold_max_step,
        "The page's choice (step 6): a stalled advancer, or a failover, never releases a burst.",
    ),
    (
        "Released buyers without a hold who keep the map open",
        map_open_share,
        "Assumed, the conservative case: every released buyer without a hold whose access lasts is on the "
        "map, picking or watching for a returned seat; to be measured.",
    ),
    (
        "Released buyers who submit a second order",
        repeat_order_share,
        "Assumed: a buyer under the seat limit buying again, or declined buyers trying more cards than "
        "the decline share counts; to be read from past on-sales.",
    ),
    (
        "Orders a hold may have, at most",
        max_orders_per_hold,
        "The page's choice (step 4): a mistyped card and a second card after a decline, with one to spare; "
        "a stolen-card tester needs many tries a hold, and gets a 429 after these.",
    ),
    (
        "Interval between a seat map's refreshes in the browser",
        seat_map_refresh,
        "The page's choice (step 3): seats taken and returned show within seconds.",
    ),
    (
        "Interval between a submitted order's polls, within the settle target",
        order_poll_interval,
        "The page's choice (step 3): a buyer watching a spinner with money at stake hears of the outcome "
        "within seconds; each poll reads one row on the show's primary, and its answer sets the next "
        "poll's delay.",
    ),
    (
        "... once past it, while waiting on the buyer's bank, or while the processor is down",
        order_poll_interval_late,
        "The page's choice (step 3): an order that has missed its target waits on a queue or an outage, "
        "not on seconds, so its polls slow down and their count is bounded by the orders waiting.",
    ),
    (
        "Interval between a show's seat-map snapshots",
        seat_snapshot_interval,
        "The page's choice (step 6): one read of the show's seats a second serves every map.",
    ),
    (
        "Interval between the sweeper's passes",
        sweeper_interval,
        "The page's choice (step 4): a lapsed hold's seats show as free on the next snapshot; a pass "
        "reads one index of the show's active holds.",
    ),
    (
        "Processor's limit, all of the account's calls, by default",
        processor_account_default,
        f"Stripe's live-mode default ([rate limits]({STRIPE_RATE_LIMITS})), as the ride-hailing example cites it.",
    ),
    (
        "Processor's limit on any one endpoint, by default",
        processor_endpoint_default,
        "The same page: each named API operation is an endpoint of its own, so the payment call, "
        "`POST /v1/payment_intents`, gets this alone: too low for this seller, as step 2 shows.",
    ),
    (
        "Payment endpoint's limit, raised",
        payment_endpoint_limit,
        "Assumed: the payment call's endpoint raised by arrangement to the account's default figure, asked "
        "of Stripe at least six weeks ahead, as that page asks for a large increase, and its concurrency "
        "limit. Every on-sale figure below scales with it.",
    ),
    (
        "Account's limit, all calls, raised",
        account_limit,
        "Assumed, asked with it: the payment endpoint's limit and three other endpoints at their default "
        "at once, the retrieves, the lists and the cancels of step 6, so they never take the payments' room.",
    ),
    (
        "Payments a list call returns, at most",
        processor_list_page,
        f"Stripe's largest page ([pagination]({STRIPE_PAGINATION})).",
    ),
    (
        "Processor calls a submitted order makes",
        processor_calls_per_order,
        "The page's design (step 6): one call that authorizes and captures, keyed by the order's ID with its "
        f"attempt number, its [metadata]({STRIPE_METADATA}) naming the order, hold, show, seats and account.",
    ),
    (
        "A processor call's time, at the worst",
        processor_call_time,
        "Assumed: the calls a worker keeps in flight are the rate times this.",
    ),
    (
        "Life of the processor's idempotency keys",
        processor_key_expiry,
        f"Stripe's: keys may be removed once at least 24 hours old ([idempotent requests]({STRIPE_IDEMPOTENCY})), "
        "as the ride-hailing example cites it.",
    ),
    (
        "Time a buyer has to complete a card's authentication",
        action_time,
        f"The page's choice (step 6): a bank may ask the buyer to confirm a payment ([next action]"
        f"({STRIPE_NEXT_ACTION})), an app's approval or a code by text, a minute or two; the seats wait "
        "no longer than this after the processor asked, time in a processor's outage, once detected, left out.",
    ),
    (
        "Submitted orders whose bank asks the buyer to confirm",
        action_share,
        "Assumed: 3-D Secure is common where strong customer authentication applies, and each such order "
        "ends in a retrieve of its payment (step 6); to be read from the processor's reports.",
    ),
    (
        "Token bucket's refill, against the payment endpoint's limit",
        bucket_share,
        "The page's choice (step 6): the processor's limiter keeps its own clock and window, so a bucket "
        "refilled at the full limit would still draw 429s at the edges; just under it, they are rare.",
    ),
    (
        "Processor calls failing, over a minute, that mark it down",
        processor_outage_share,
        "The page's choice (step 6): server errors and timeouts, declines left out. Half is an outage, not "
        "noise: the buyer's browser completes the bank's check through the same processor, so while it is "
        "down the buyer's time stops.",
    ),
    (
        "... under which, for a whole minute, it is marked up again",
        processor_recovered_share,
        "The page's choice (step 6): well under the level that marks it down, so a processor failing near "
        "that level does not flap between the two.",
    ),
    (
        "Share of the processor's limit the release plan uses",
        processor_planned_share,
        "The reference page's planned utilization, as a CPU is planned: room for a buy share above "
        "the plan and for retries.",
    ),
    (
        "Pending orders that lower the release rates",
        backlog_threshold,
        "The page's choice (step 6): a queue deeper than this many seconds of the payment endpoint's limit.",
    ),
    (
        "Pending orders under which release rates return",
        backlog_clear,
        "The page's choice (step 6): in seconds of the payment endpoint's limit, well under the threshold, so "
        "the rates do not flap.",
    ),
    (
        "Release rates while the queue is deep, against the plan",
        release_cut,
        "The page's choice (step 6): halved, for the shows still releasing buyers; the reason is on that page.",
    ),
    (
        "Processor calls a payment worker keeps in flight",
        calls_in_flight_per_worker,
        "Assumed: calls that wait on the network, not the CPU.",
    ),
    (
        "A processor's slowdown, step 7's case",
        processor_slowdown_share,
        "The page's example: the processor completes half its limit, its latency up or its 429s many.",
    ),
    ("Availability zones a region runs in", zones, "Every tier runs in three zones and must survive losing one."),
    (
        "Fewest servers a stateless tier keeps in a zone",
        stateless_floor_per_zone,
        "The page's rule (step 5): one crash in a zone still leaves a server there.",
    ),
    (
        "Fewest nodes a store keeps in a zone",
        store_floor_per_zone,
        "The page's rule (step 5): a copy in every zone.",
    ),
    (
        "Row changes one database shard takes a second",
        partition_row_writes,
        "The schema-migration page's figure for what one shard's replica applies, taken as the shard's "
        "ceiling so that its replicas keep up: a primary writing faster would leave the replicas, and the "
        "seat maps read from them, behind.",
    ),
    (
        "Bytes one relational shard is kept to",
        shard_bytes,
        "The capacity reference's figure, from Vitess's advice on restore time.",
    ),
    (
        "Writes a queue-store node takes a second",
        queue_store_writes_per_node,
        "The chat example's figure for a node of a replicated store of small rows, each write's conflict check "
        "included; the read that tests its condition is counted among the reads, as in the chat example.",
    ),
    (
        "Share of those writes the queue store is sized to use at its peak",
        queue_store_write_share,
        "The chat example's planned share for a store of the same kind, kept there for a sustained load; here "
        "the peak lasts about a poll interval, and the room is for a draw later than its budget (step 6).",
    ),
    (
        "Reads a queue-store node serves a second",
        queue_store_reads_per_node,
        "The chat example's figure for point reads, a guess for a benchmark to replace; a scan reads rows "
        "in order and costs less a row, so the draw's scan counted at it is a bound (step 2).",
    ),
    (
        "Bytes of an event page or an event list",
        page_response_bytes,
        "Assumed: compressed JSON for one page, its images from the CDN.",
    ),
    (
        "Seats on sale that sell, over a year",
        seats_sold_share,
        "Assumed: the seats a year are the tickets over this share.",
    ),
    (
        "Years orders and tickets are kept",
        order_retention_years,
        "The page's choice: money records, kept as long as tax and chargeback rules need.",
    ),
    (
        "Years a show's seat rows are kept",
        seat_retention_years,
        "The page's choice: a show's seats matter until it has played; a year covers the sale and the show.",
    ),
    (
        "Days each shard's backups and archived WAL are kept",
        backup_retention_days,
        "The page's choice: long enough to find a bad change at a month's end and restore to before it; "
        "the oldest full and its WAL are kept up to a full interval more (step 5).",
    ),
    (
        "Days between a shard's full backups",
        full_backup_interval_days,
        "The page's choice (step 5): a restore replays at most a week of WAL; daily fulls would hold a "
        "copy a day of a database that changes little.",
    ),
    (
        "checkpoint_timeout: a checkpoint at least this often",
        checkpoint_timeout,
        "The page's choice: a page changed again before the next checkpoint logs no second image, so "
        "longer means fewer full-page images; crash recovery replays up to about twice this much WAL. "
        "max_wal_size is raised above the busy hour's floor storage computes, so the timeout starts checkpoints.",
    ),
    (
        "checkpoint_completion_target: the share of the interval a checkpoint's writes are spread over",
        checkpoint_completion_target,
        f"PostgreSQL's default ([checkpoint_completion_target]({POSTGRES_CHECKPOINT_TARGET})), kept. The "
        f"checkpointer starts a checkpoint once max_wal_size / (1 + this) of WAL is written since the last "
        f"one ([CalculateCheckpointSegments]({POSTGRES_XLOG})), so that the WAL written while it runs "
        f"still fits under max_wal_size.",
    ),
    (
        "archive_timeout: a WAL segment switched and archived at least this often",
        archive_timeout,
        "PostgreSQL archives only full segments (step 5) and its docs suggest about a minute ([archive_timeout]"
        "(https://www.postgresql.org/docs/current/runtime-config-wal.html#GUC-ARCHIVE-TIMEOUT)); "
        "pgBackRest compresses the mostly empty segments a switch closes.",
    ),
    (
        "Bytes a row costs beyond its fields",
        row_overhead,
        f"PostgreSQL's tuple header (23 bytes, padded to 24) and its line pointer (4 bytes) ([page "
        f"layout]({POSTGRES_PAGE_LAYOUT})).",
    ),
    (
        "A shard's primary replaced by a replica in another zone",
        shard_failover,
        "The ride-hailing example's assumption, to be measured: detect the lost primary, promote a "
        "synchronous replica, fence the old one; the shard's writes stop meanwhile.",
    ),
    (
        "Availability target, booking calls",
        availability_target,
        f"The page's choice, over {slo_window_days} days: pages, waiting-room answers, seat maps, holds, submits, "
        "order polls (the budget counts the polls out, low).",
    ),
    (
        f"Hot on-sales counted in the error budget's {slo_window_days} days",
        hot_onsales_per_window,
        "Assumed, the fewest a month with a stadium on-sale has: the fewer counted, the smaller the budget, "
        "so a failover's share of it is the largest.",
    ),
    (
        "Hold latency target",
        hold_latency_target,
        "The page's choice: p99 from the request's arrival to the hold's answer.",
    ),
    (
        "Share of holds (or seat changes) the p99 targets let be slower",
        percentile_budget_share,
        "Targets are p99: one in a hundred may be slower, a budget burned like the error budget (step 7).",
    ),
    (
        "Settle target, a submitted order",
        settle_target,
        "The page's choice: p99 from submit to captured or declined, while the processor serves its limit.",
    ),
    (
        "Seat map staleness target",
        seat_map_staleness_target,
        "The page's choice: a sweeper pass and a snapshot, a second each at most, and a second for the "
        "replica's lag behind its primary and the scan; held while the shard's writes stay under what a "
        "replica applies.",
    ),
    (
        "Oldest pending order that pages",
        pending_order_page,
        "The page's choice (step 7): far past the settle target, far short of the processor's key life.",
    ),
    (
        "Interval between the daily audit's runs",
        audit_interval,
        "The page's choice (step 7): each run checks one interval's payments and the next row's margin more, so "
        "runs overlap.",
    ),
    (
        "... the newest payments it checks, this long before the run",
        audit_margin,
        "The page's choice (step 7): late webhooks and the processor's own records settle first.",
    ),
    (
        "Processor calls failing that open a ticket",
        processor_error_ticket,
        "The page's choice (step 7): errors and 429s over five minutes, declines left out.",
    ),
    (
        "A hot show's threshold not advanced for this long pages",
        release_stall_age,
        "The page's choice (step 7): ten of the advancer's seconds missed. A shard's failover stops the "
        "advance for longer, so it pages too.",
    ),
    (
        "... or advancing over a minute under this share of the most it could: a minute at the rate, or the joins ahead",
        release_stall_share,
        "The page's choice (step 7): a release slowed by a losing compare-and-set or a broken advancer, which "
        "no error budget sees, since every poll is still answered. The rate is the row's field as now set, an "
        "operator's included, halved while the payment flag is set: a show slowed on purpose pages no one.",
    ),
    (
        "A show's rate left under its plan this long opens a ticket",
        rate_below_plan_ticket,
        "The page's choice (step 7): long enough for a slowdown meant by the on-call to run its course, short "
        "beside a stadium's sell-out, so a rate slowed by hand, or kept low after an outage, is not forgotten.",
    ),
    (
        "WAL archiving behind by this long opens a ticket",
        wal_archive_ticket,
        "The page's choice (step 7): a late archive only makes a restore's last point older; the "
        "standby's stream, paged by Standby lag, holds the region RPO.",
    ),
    (
        "Region loss: committed changes lost, a target",
        region_rpo,
        "The page's choice: the standby region's replication lag, paged above half of it.",
    ),
    (
        "Region loss: time to resume",
        region_rto,
        f"The page's choice: a person decides, the standby is promoted, the fleets are grown, the processor's "
        f"records are reconciled ([idempotency keys]({STRIPE_IDEMPOTENCY}) last 24 hours), then sales resume; "
        "step 7 sums the four steps' assumed times against it.",
    ),
]

# Other snippets import this module for its values; run on its own (or by the docs build),
# it prints the table.
if __name__ != "ticket_booking_assumptions":
    print(markdown_table(("Assumption", "Value", "Why"), TABLE))
