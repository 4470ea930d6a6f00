"""Ride-hailing worked example: every assumption the estimates start from, and why.

Scope: one operator of Uber's order, rides only, worldwide. Uber's published trips include food and
grocery deliveries, which this example leaves out, so the rides a day are the page's own figure,
set against Uber's. The moving-driver inputs (drivers online at the peak, the update interval, the
"cars near me" queries, the busy-hour factor) are imported from the proximity-search concept page,
so this example and that page print the same figures for the same drivers.

Change a value here and rebuild: every figure that depends on it changes, on every page.
Run `.venv/bin/python docs/snippets/ride_hailing_assumptions.py` to print the table.
"""

import math

from chat_assumptions import connections_per_server, store_writes_per_node_per_second
from concept_geo_assumptions import (
    UBER_CITY_MOVEMENT,
    city_busy_hours,
    city_day_peak_to_average,
    drivers_online,
    peak_factor,
    rider_queries_peak,
    update_interval,
)
from reference_availability import SLO_WINDOW
from twitter_api_assumptions import key_in_use_retry_after  # the server's Retry-After, as in the Twitter example

from sdw.estimation import (
    KB,
    SECONDS_PER_DAY,
    TB,
    count,
    duration,
    fraction,
    markdown_table,
    per_day,
    size,
    throughput,
    times,
)

# Uber's results for the fourth quarter and full year 2024 (its press release of 5 February 2025, on
# its investor-relations site). Its 10-K for 2024 is linked as the annual report; its text was not
# read for this page, so every figure below is the press release's.
UBER_Q4_2024 = (
    "https://investor.uber.com/news-events/news/press-release-details/2025/"
    "Uber-Announces-Results-for-Fourth-Quarter-and-Full-Year-2024/default.aspx"
)
UBER_10K_2024 = "https://capedge.com/filing/1543151/0001543151-25-000008/UBER-10K-2024FY"
# Uber's developer docs: a trip's driver location notification, every 4 s by default.
UBER_DRIVER_LOCATION = "https://developer.uber.com/docs/guest-rides/references/api/webhooks/driver-location"
# AWS's ClockBound: a daemon beside chrony that reports the clock's error bound, the window true time is within.
CLOCKBOUND = "https://github.com/aws/clock-bound"
FLEET_ENGINE_UPDATES = "https://developers.google.com/maps/documentation/mobility/fleet-engine/essentials/vehicles/on-demand-update-vehicle"
# CockroachDB's leader leases (the default from v25.2): a range whose leaseholder is lost has a new one
# "within a few seconds" (the replication layer's docs); the defaults' own arithmetic, in pkg/base/config.go,
# gives 2.04 to 6.70 s: store liveness's 3 s support lapsing, up to 2 s of election jitter, the election's
# and the lease's round trips.
CRDB_LEADER_LEASES = "https://www.cockroachlabs.com/docs/stable/architecture/replication-layer#leader-leases"
CRDB_LEASE_TIMINGS = "https://github.com/cockroachdb/cockroach/blob/master/pkg/base/config.go"
# Netty's hashed timing wheel runs a timer on the first tick past its deadline; its default tick is 100 ms.
NETTY_TIMER = "https://netty.io/4.2/api/io/netty/util/HashedWheelTimer.html"
# Stripe's API reference: idempotency keys may be removed once they are at least 24 hours old.
STRIPE_IDEMPOTENCY = "https://docs.stripe.com/api/idempotent_requests"
# Jeff Jirsa's TWCS: target fewer than 50 windows (buckets) per table, from the table's TTL.
TWCS = "https://github.com/jeffjirsa/twcs"
# Stripe's guide to idempotent requests: the first response is saved, 500s included; keys may be pruned
# once at least 24 hours old. Its rate limits, in live mode by default: 100 requests a second for all the
# account's calls together, and 25 a second on any one endpoint (each named API operation is one).
STRIPE_IDEMPOTENCY_GUIDE = "https://docs.stripe.com/idempotency"
STRIPE_RATE_LIMITS = "https://docs.stripe.com/rate-limits"
# Stripe's list of PaymentIntents: filtered by `created`, at most 100 a page. Its search guide sends
# read-after-write flows to the list APIs, which are not subject to search's delay.
STRIPE_LIST_INTENTS = "https://docs.stripe.com/api/payment_intents/list"
STRIPE_SEARCH_FRESHNESS = "https://docs.stripe.com/search#data-freshness"
# CockroachDB's physical cluster replication (PCR) overview: the standby's replication lag is "generally
# in the tens-of-seconds range", and failing over to the latest replicated time "should typically happen
# within five minutes". Its known limitations: the standby is a cluster of its own, started empty.
COCKROACH_PCR = "https://www.cockroachlabs.com/docs/stable/physical-cluster-replication-overview"
COCKROACH_NODE_SHUTDOWN = "https://www.cockroachlabs.com/docs/stable/node-shutdown"
COCKROACH_CONFIGURE_ZONE = "https://www.cockroachlabs.com/docs/stable/configure-zone"
KAFKA_SESSION_TIMEOUT = "https://kafka.apache.org/documentation/#consumerconfigs_session.timeout.ms"
KAFKA_HEARTBEAT_INTERVAL = "https://kafka.apache.org/documentation/#consumerconfigs_heartbeat.interval.ms"
KAFKA_BROKER_SESSION_TIMEOUT = "https://kafka.apache.org/documentation/#brokerconfigs_broker.session.timeout.ms"
KAFKA_CONTROLLER_FETCH_TIMEOUT = (
    "https://kafka.apache.org/documentation/#brokerconfigs_controller.quorum.fetch.timeout.ms"
)
KAFKA_CONTROLLER_ELECTION_BACKOFF = (
    "https://kafka.apache.org/documentation/#brokerconfigs_controller.quorum.election.backoff.max.ms"
)
KAFKA_CONSUMER_MIN_SESSION = (
    "https://kafka.apache.org/documentation/#brokerconfigs_group.consumer.min.session.timeout.ms"
)

# The regions the service runs in, each with its share of the busy hour's load, and the region that
# takes its riders and drivers (and keeps its trip store's standby copy) when it is lost.
REGION_SHARES = {
    "North America": 0.25,
    "Latin America": 0.25,
    "Europe": 0.15,
    "Asia-Pacific": 0.25,
    "Middle East and Africa": 0.10,
}
FAILOVER_REGION = {
    "North America": "Latin America",
    "Latin America": "North America",
    "Europe": "Middle East and Africa",
    "Middle East and Africa": "Europe",
    "Asia-Pacific": "North America",
}

# Every region's share counted once, the shares summing to the whole; each region fails over to another.
assert math.isclose(sum(REGION_SHARES.values()), 1)
assert set(FAILOVER_REGION) == set(REGION_SHARES) and set(FAILOVER_REGION.values()) <= set(REGION_SHARES)
assert all(region != to for region, to in FAILOVER_REGION.items())

# --- Uber's published scale (context, not inputs) -------------------------------------------
uber_q4_trips = count(3.1e9)  # Q4 2024, rides and deliveries together
DAYS_IN_Q4 = 92  # October to December
uber_trips_per_day = per_day(uber_q4_trips / DAYS_IN_Q4)
uber_monthly_consumers = count(171e6)  # MAPCs, Q4 2024
uber_mobility_bookings = count(22.8e9)  # dollars, Q4 2024
RIDE_SHARE_LOW, RIDE_SHARE_HIGH = 1 / 2, 2 / 3  # the share of Uber's trips that are rides, a guess either way
rides_range_low = per_day(uber_trips_per_day * RIDE_SHARE_LOW)
rides_range_high = per_day(uber_trips_per_day * RIDE_SHARE_HIGH)

# --- What riders and drivers do ---------------------------------------------------------------
rides_per_day = per_day(15e6)
# Imported from the proximity-search page: 1M drivers online at the busiest hour, a position every
# 4 s from each, 100K "cars near me" map queries a second then, and the busy hour at 3x the average
# (that page's own factor, with headroom: a city's rides are quiet only from 1 to 5 am on weekdays, in
# Uber's New York data, and a half-sine over the other twenty hours gives that page's
# city_day_peak_to_average, imported with its busy hours; a worldwide total peaks lower still).
drivers_online_peak = drivers_online
location_interval = update_interval
browse_queries_peak = rider_queries_peak
peak_to_average = times(peak_factor)
map_refresh_interval = duration(location_interval)
app_opens_per_request = count(3)
pickup_minutes = count(5)
trip_minutes = count(15)
offers_per_request = count(1.5)
accept_timeout = duration(10)
offer_ack_timeout = duration(2)
# What a driver does with an offer (step 6): of the offers not accepted, the share declined (the rest
# time out), the typical time to tap accept or decline, and the pause after an offer times out.
decline_share = fraction(0.75)
driver_decision_time = duration(4)
# A plausible shift in drivers' typical decision time, to check the accept target's pages against.
slow_decision_time = duration(8)
expired_offer_pause = duration(120)
# Offers a driver misses in a row (an expiry, or a second unacked withdrawal) before the driver is set
# offline: each miss before that pauses the driver, the pause doubling each time (step 4).
missed_offers_to_offline = count(3)
# The app's countdown ends this much before the deadline as the phone measures it (the offer's time left less
# its last round trip; the app opens its API connection as the offer arrives, so no handshake is left for the
# tap), and an accept or a decline that lands this long after the deadline ends the offer without the pause.
accept_screen_margin = duration(0.5)
late_accept_grace = duration(2)
batch_window = duration(2)
cars_on_map = count(8)
nearby_frames_per_open = count(2)
regions = count(len(REGION_SHARES))
# The largest region: the largest share; of those tied, the one holding the most standby share (the
# failover target that carries the most), then the first by name (max keeps the first of equals).
largest_region = max(
    sorted(REGION_SHARES),
    key=lambda r: (REGION_SHARES[r], sum(REGION_SHARES[o] for o, to in FAILOVER_REGION.items() if to == r)),
)
largest_region_share = fraction(REGION_SHARES[largest_region])

# --- The routing engine's calls -----------------------------------------------------------------
candidates_ranked = count(10)
eta_refresh_interval = duration(30)
# After a zone's loss, the re-routes of the rides whose cached routes went with it are spread over this
# many refreshes (step 7).
zone_loss_reroute_refreshes = count(2)
# Fare quotes: a requested ride's own (one, and a re-quote for every second request), and the price checks
# of the opens that end without a request: the share of them that enter a drop-off and get a quote.
requested_ride_quotes = count(1.5)
quoting_share_of_other_opens = fraction(0.25)
fare_quotes_per_request = count(requested_ride_quotes + quoting_share_of_other_opens * (app_opens_per_request - 1))
map_matches_per_ride = count(1)
reroute_interval = duration(300)
route_deviations_per_ride = count(2)
# The routes each ride is first given: the driver to the pickup at the match, the pickup to the drop-off.
initial_routes_per_ride = count(2)
eta_matrix_call_cost = times(2)
map_match_call_cost = times(4)

# --- The critical path's latency budget, request to the offer's ack (step 5): to be measured ------
outbox_to_matching = duration(0.1)
index_search_time = duration(0.02)
eta_matrix_time = duration(0.15)
store_commit_time = duration(0.05)
push_through_pubsub = duration(0.02)
mobile_round_trip_p99 = duration(0.6)
# Deadlines (an offer's ack and expiry, a pause's end, a payment wait) run on timers in the trip service, a
# hashed timing wheel that fires a timer on its first tick past the deadline: Netty's default tick. The
# sweeper, which reads the store's indexes, is the backstop for the timers a worker loses (step 4). It
# reads only rows due more than its margin ago, so a live timer has almost always fired and committed first.
deadline_timer_tick = duration(0.1)
sweeper_interval = duration(5)
sweeper_margin = duration(1)

# --- Matching areas (step 6) ---------------------------------------------------------------------
busiest_area_share = fraction(0.005)
busiest_city_share = fraction(0.05)
solver_steps_per_second = throughput(1e8)
# The share of a batch window the solver may take, the rest left to the candidate search and the offers.
solver_share_of_window = fraction(0.25)
pickup_eta_cap = duration(900)

# --- Records a ride writes, and what else it sends ----------------------------------------------
state_changes_per_ride = count(6)
payment_ops_per_ride = count(2)
ratings_per_ride = count(1.5)
cancel_share = fraction(0.05)
unmatched_share = fraction(0.05)
cancel_grace = duration(120)
no_show_wait = duration(300)
notifications_per_ride = count(3)
heartbeat_interval = duration(30)

# --- Bytes ---------------------------------------------------------------------------------------
location_update_wire_bytes = size(200)
# IPv4 (20) and TCP with its timestamp option (20 + 12) under every segment; not in the allowances.
ip_tcp_header_bytes = size(20 + 20 + 12)
tracking_push_bytes = size(150)
browse_response_bytes = size(500)
ride_request_bytes = size(1 * KB)
# A stored trail point and a trip's records are not assumed: step 4 computes them field by field
# (ride_hailing_data_model.py), and the storage figures use those.
trail_row_seconds = duration(60)
# The trail writer writes a row once the newest position it has read from the partition (or its own clock,
# while the partition has nothing new) is this far past the row's minute (step 5).
trail_row_grace = duration(5)
usable_bytes_per_node = size(4 * TB)

# --- The interface (step 3) -------------------------------------------------------------------------
create_deadline = duration(3)
abandoned_transaction_abort = duration(5)
quote_validity = duration(300)
lock_timeout = duration(0.1)
processor_key_lifetime = duration(SECONDS_PER_DAY)
trail_wait_cap = duration(10)

# --- What one server takes (step 5): the page's assumptions, to be measured ------------------------
zones = count(3)
stateless_floor_per_zone = count(2)
store_floor_per_zone = count(1)
connections_per_gateway = count(connections_per_server)
frames_per_gateway = throughput(50e3)
positions_per_location_server = throughput(20e3)
index_queries_per_node = throughput(20e3)
searches_per_matching_server = throughput(200)
eta_calls_per_routing_server = throughput(1000)
publishes_per_pubsub_node = throughput(100e3)
log_events_per_broker = throughput(100e3)
store_writes_per_node = throughput(store_writes_per_node_per_second)
positions_per_eta_worker = throughput(50e3)
positions_per_trail_writer = throughput(50e3)
coordination_nodes_per_region = count(zones)
processor_default_write_limit = throughput(100)
processor_default_endpoint_limit = throughput(25)
processor_list_page = count(100)
# A list call's time, at most: a list is paged by cursor (each call starts after the last intent of the one
# before), so one listing's calls run one after another, and it sets how many run at once (step 7).
processor_list_call_time = duration(1)
# A look-up's range of `created` reaches this far past each end: `created` counts Stripe's whole seconds, on
# Stripe's clock, not the payments server's (step 6).
processor_created_margin = duration(1)
processor_limit_headroom = times(1.5)
# A pub/sub node lost (step 6): its session in the coordination service, from which step 5 works out how
# soon its loss is noticed (the consensus page's takeover), and the window over which phones and gateways
# spread their reconnects and resubscribes.
pubsub_session = duration(5)
# A pub/sub node fences itself: with no answer from the coordination service for two thirds of its session
# (ZooKeeper's client rule for declaring itself disconnected), it stops serving and answers "not mine",
# so it has stopped before its session can expire and its ranges move, the last third to spare.
pubsub_self_fence_after = duration(pubsub_session * 2 / 3)
# It renews its session this often, so that an election of the service's leader (a zone's loss) leaves a
# node still up short of its fence (step 5 checks it).
pubsub_session_renewal = duration(1)
reconnect_spread = duration(30)
# A phone's reconnect backoff grows to at most this, its jitter included, so after a long outage a phone
# may wait this long before its next attempt (gRPC's connection backoff defaults to 120 s).
reconnect_backoff_cap = duration(60)

# --- How long and how safely we keep it ---------------------------------------------------------
trip_retention_years = count(7)
location_retention_years = count(2)
copies = times(zones)
second_region_copies = times(zones)
twcs_window_days = count(15)
# What a write outage costs (step 4): a relational primary's failover, against a range's lease expiry.
primary_failover = duration(60)
range_lease_expiry_low = duration(2.04)
range_lease_expiry = duration(6.7)

# --- Failures (step 7): the page's assumptions, to be measured or set per city --------------------
area_lease = duration(6)
# The log's consumer groups give a silent member's partitions away after this, the area lease's time.
consumer_session_timeout = duration(area_lease)
# The consumers heartbeat at a third of their session, as Kafka advises (heartbeat.interval.ms).
consumer_heartbeat_interval = duration(consumer_session_timeout / 3)
# The log's brokers: the active controller fences a silent broker after the controllers'
# broker.session.timeout.ms (9 s by default), set to the area lease's, and its partitions then take new
# leaders from their in-sync copies.
log_leader_failover = duration(area_lease)
# The controller quorum's leader lost: the other controllers campaign once they have heard nothing for
# controller.quorum.fetch.timeout.ms (2 s by default), and an election takes up to twice
# controller.quorum.election.timeout.ms (1 s by default, randomized up to double), Kafka's defaults kept.
# That holds when the first vote wins. The two controllers left time out about together and may split the
# vote: each then backs off at random and campaigns again, up to another election timeout. Kafka's raft
# client draws the backoff as 100 ms times a random whole number below 2 to the power of the failed rounds
# (binaryExponentialElectionBackoffMs), capped by controller.quorum.election.backoff.max.ms (1 s by
# default), which binds only after about four failed rounds; after the first it is 0 or 100 ms. One split vote:
ELECTION_BACKOFF_AFTER_FIRST_ROUND = 0.1
controller_election_at_most = duration(2 + 2 * 1)
controller_election_split_vote = duration(controller_election_at_most + ELECTION_BACKOFF_AFTER_FIRST_ROUND + 2 * 1)
# A store range with one replica down, or a log partition with exactly two in sync, pages after this.
replica_down_page_after = duration(300)
standby_promotion = duration(300)
# After a region's failover: how long past the failover hold a flagged ride waits for its driver's resent accept.
review_driver_wait = duration(600)
# How often a location server scans its shard's on-ride entries for drivers gone silent (step 7): its own
# schedule, not the trip service's sweeper's.
silence_scan_interval = duration(1)
hold_decline_share = fraction(0.02)
processor_outage_ridden = duration(1800)
city_detour_factor = times(1.3)
city_average_speed_kmh = count(25)
routing_outage = duration(3600)
no_driver_alert_factor = times(3)
no_driver_alert_window = duration(900)
no_driver_alert_minimum = count(50)
# Rides given up with their offers run out (told "no driver near" from fresh cells, so good requests):
# the launch ticket fires at this multiple of the share step 6's model gives at launch.
give_up_ticket_factor = times(2)
probe_interval = duration(60)
probe_misses_to_page = count(3)
probe_timeout = duration(10)
zone_lost_load_ceiling = fraction(0.8)
hellos_per_gateway = throughput(2000)
# A gateway's clock: within this of true time by its synchronization's own error bound, or it takes no new
# streams, so two gateways' clocks differ by at most twice it. A stream's epoch is the clock's time at hello.
gateway_clock_error = duration(1e-3)
gateway_clock_spread = duration(2 * gateway_clock_error)
hold_failure_alert_share = fraction(0.05)
stadium_halo_drivers = count(2000)
stadium_drivers_nearby = count(200)
demand_spike_factor = times(3)
index_write_ratio_band = fraction(0.05)
index_write_alert_window = duration(300)
quiet_hour_to_average = fraction(0.3)
# Under overload, available drivers away from demand report less often (step 7): one position lost
# must still leave them inside the index's time to live.
thinned_location_interval = duration(6)

# --- Targets (step 1) ---------------------------------------------------------------------------
match_latency_target = duration(4)
accepted_latency_target = duration(30)
location_freshness_target = duration(2)
index_lag_target = duration(1)
request_availability_target = fraction(0.9999)
answer_deadline = duration(60)
slo_window_days = count(SLO_WINDOW / SECONDS_PER_DAY)
# A target above PCR's documented normal lag (tens of seconds, no bound given): the busy hour's lag,
# measured continuously, must show this workload stays under it.
trip_rpo = duration(60)
# The latency targets are p99s: a hundredth of requests may be slower than each.
percentile_budget_share = fraction(0.01)
# The lag alert pages past the RPO itself (the promise broken while it lasts), and a ticket opens when
# the busy hour's lag trends toward it.
standby_lag_page = duration(trip_rpo)
standby_lag_ticket = duration(trip_rpo / 2)
# The consumers that act on money (payments on ride events, the trip service on payments' events) page when
# the oldest event they have not applied (recorded in their inbox) was published longer ago than this (step 7);
# a region's promotion re-sends the outbox rows sent in twice this before its cut. The monitoring reads the
# lag at this interval, at most the other half of that margin, since a lag grows at most a second a second.
consumer_lag_page = duration(30)
consumer_lag_sample = duration(15)
# The outbox's gc.ttlseconds: the relay's move deletes each row once sent, and the tombstone stays for at
# least this (the outbox's data is left out of backups, so no backup's protected timestamp holds it longer).
outbox_gc_ttl = duration(10 * 60)

TABLE = [
    (
        "Uber's trips a day, rides and deliveries",
        uber_trips_per_day,
        f"Uber, fourth quarter 2024: {uber_q4_trips} trips over its {DAYS_IN_Q4} days "
        f"([results]({UBER_Q4_2024}); the year's [10-K]({UBER_10K_2024}) is the annual report). "
        "Context for the rides a day, not an input.",
    ),
    (
        "Uber's monthly active platform consumers",
        uber_monthly_consumers,
        f"The same [results]({UBER_Q4_2024}): 171 million in the fourth quarter of 2024. Context only: "
        "the page sizes from rides, not riders.",
    ),
    (
        "Rides a day",
        rides_per_day,
        "A round assumption. Uber does not split its trips between rides and deliveries; if rides "
        f"are half to two-thirds of them, Uber carries {rides_range_low} to {rides_range_high}. "
        "This figure sits a little under that range: an operator somewhat smaller than Uber. Step 2 "
        "checks it against Uber's bookings.",
    ),
    (
        "Drivers online at the busiest hour",
        drivers_online_peak,
        "The proximity-search concept page's assumption, imported so both pages size the same drivers. "
        "Step 2 checks it against the rides: the share of drivers it keeps on a ride.",
    ),
    (
        "Interval between a phone's position updates",
        location_interval,
        f"Uber pushes a trip's driver position to partners every 4 s by default ([driver location "
        f"webhook]({UBER_DRIVER_LOCATION})), so the app uploads at least that often on a trip. Idle drivers "
        "and waiting riders: the same, assumed (below the table).",
    ),
    (
        '"Cars near me" map queries at the busiest hour',
        browse_queries_peak,
        "The proximity-search page's assumption: riders with the app open, before they request. "
        "Step 2 checks it against the ride requests.",
    ),
    (
        "Interval between a rider's map refreshes",
        map_refresh_interval,
        "The page's assumption: the map of nearby cars moves as often as the cars report.",
    ),
    (
        "App opens per ride request",
        app_opens_per_request,
        "The page's assumption: riders open the app to check a price or a wait and close it again "
        "(a price check is a fare quote, counted below).",
    ),
    (
        "Busy hour over the day's average",
        peak_to_average,
        # The page's prose says why: headroom above a city's own busy hour, which each region sees, and
        # more above a worldwide total, which spreads over many time zones.
        "The proximity-search page's, so its figures and these agree: headroom above a city's own busy "
        f"hour (rides are quiet only from 1 to 5 am on weekdays in [Uber's New York data]({UBER_CITY_MOVEMENT}); "
        f"{city_busy_hours} busy hours give {city_day_peak_to_average}), more above a worldwide total. "
        "New Year's Eve is a spike above it (step 7).",
    ),
    (
        "Minutes from a match to the pickup",
        pickup_minutes,
        "The page's assumption: the driver's drive to the rider, as in a city with enough drivers.",
    ),
    (
        "Minutes from pickup to drop-off",
        trip_minutes,
        "The page's assumption: a city trip.",
    ),
    (
        "Offers sent per ride request",
        offers_per_request,
        "The page's assumption: most first offers are accepted; a decline or a timeout sends the "
        "next offer, each after a fresh nearby search.",
    ),
    (
        "Time a driver has to accept an offer",
        accept_timeout,
        "The page's choice, from the reservation's commit: long enough to read the pickup on a mounted phone "
        "and tap, short enough that a second offer still makes a quick match. The app shows it less the "
        "offer's push and round trip and a margin (step 4).",
    ),
    (
        "Offers not accepted that are declined",
        decline_share,
        "The page's assumption, to be measured: the rest time out. A decline sends the next offer at "
        "once; a timeout waits for the next window (step 6).",
    ),
    (
        "A driver's time to accept or decline",
        driver_decision_time,
        "The page's assumption, to be measured: from the offer on the screen to the answer reaching the "
        "service, a typical decision, not the worst.",
    ),
    (
        "A slower typical decision, to check the alerts against",
        slow_decision_time,
        "The page's choice (step 6): twice the typical time, a shift the drivers could make (a new app "
        "screen, a city where drivers look twice) that the pages must not fire on.",
    ),
    (
        "Pause after an offer times out",
        expired_offer_pause,
        "The page's choice (step 4): a driver whose offer expired unanswered is offered nothing for this "
        "long, twice as long after a second miss in a row.",
    ),
    (
        "Offers missed in a row that set a driver offline",
        missed_offers_to_offline,
        "The page's choice (step 4): an answered offer clears the count, so a phone left on a dashboard "
        "costs riders this many timed-out offers, not one every few minutes all shift.",
    ),
    (
        "The app's countdown ends before the deadline by",
        accept_screen_margin,
        "The page's choice (step 4): on top of the phone's last round trip, so a tap at the countdown's "
        "end lands before the server's deadline on a network like the last one (the app opens its API "
        "connection as the offer arrives, so the tap pays no handshake).",
    ),
    (
        "A late accept or decline spares the pause within",
        late_accept_grace,
        "The page's choice (step 4): an answer landing this soon after the deadline was tapped in time on a "
        "slow uplink. An accept gets `409 offer_expired` and a decline is taken, and the driver is not paused.",
    ),
    (
        "Time an offer waits for the driver phone's acknowledgement",
        offer_ack_timeout,
        "The page's choice (step 3): an offer not acknowledged by then is withdrawn and the ride "
        "offered again, since a phone that does not answer at once will not show the offer either.",
    ),
    (
        '"Cars near me": cars on one map',
        cars_on_map,
        "The page's assumption: the nearest few cars the map shows around the rider (step 3 measures the push).",
    ),
    (
        '"nearby" frames per app open',
        nearby_frames_per_open,
        "The page's assumption: one when the map opens, one more when the rider moves it.",
    ),
    (
        "Regions",
        regions,
        "The page's choice; each region's share of the load and its failover region are below the table. "
        "A failover region keeps the standby copy of the trip store and the ledger and takes the lost "
        "region's phones (step 5).",
    ),
    (
        "Matching window",
        batch_window,
        "The page's choice: requests in an area are matched together every this often (step 1).",
    ),
    (
        "Candidates ranked by the routing engine per matching search",
        candidates_ranked,
        "The page's assumption: the nearest few by distance, ranked by estimated time to the pickup.",
    ),
    (
        "Interval between ETA refreshes on a ride under way",
        eta_refresh_interval,
        "The page's assumption: the ETA shown on both phones is recomputed this often, not at every "
        "tracking push; the pushes move the car between refreshes.",
    ),
    (
        "Refreshes a lost zone's re-routes are spread over",
        zone_loss_reroute_refreshes,
        "The page's choice (step 7): a ride whose cached route went with a lost zone is routed again at "
        "its first or second refresh, by its ID, and meanwhile keeps its last ETA counted down.",
    ),
    (
        "Fare quotes per requested ride",
        requested_ride_quotes,
        "The page's assumption: one quote, and a re-quote for every second request (a changed drop-off or product).",
    ),
    (
        "App opens without a request that get a quote",
        quoting_share_of_other_opens,
        "The page's assumption, to be measured (no service publishes it): a rider who enters a drop-off "
        "to check the price, then closes the app. The other such opens only look at the cars and the wait.",
    ),
    (
        "Map-matching calls per ride",
        map_matches_per_ride,
        "The page's assumption: the trail matched to the road graph once, at the drop-off, for the fare.",
    ),
    (
        "Interval between periodic re-routes of a ride",
        reroute_interval,
        "The page's choice (step 6): a ride's cached route is asked again this often for traffic, besides "
        "the re-routes when the driver leaves it.",
    ),
    (
        "Times a driver leaves the route per ride",
        route_deviations_per_ride,
        "The page's assumption, to be measured: each is seen by a point-to-route distance test on a "
        "position and costs a new route (step 6).",
    ),
    (
        "Routes each ride is first given",
        initial_routes_per_ride,
        "The page's design (step 6): the many-to-one call at the match returns times, not a route to follow, "
        "and the quote's route is not kept, so a ride is routed at the match (to the pickup) and at the "
        "pickup (to the drop-off) before its cached route can be reused.",
    ),
    (
        "Cost of a many-to-one ETA call, in routes",
        eta_matrix_call_cost,
        "The page's assumption, to be measured: a backward search from the pickup, over the road graph's "
        "reversed edges, reaches all ten candidates, each time the driver's to the pickup, at about the cost "
        "of two point-to-point routes.",
    ),
    (
        "Cost of map-matching a trail, in routes",
        map_match_call_cost,
        "The page's assumption, to be measured: a ride's points snapped to roads in one call.",
    ),
    (
        "Outbox to the matching service",
        outbox_to_matching,
        "The page's assumption, to be measured: the relay's poll and the log's delivery (step 5's budget).",
    ),
    ("An index search", index_search_time, "The page's assumption, to be measured (step 5's budget)."),
    ("A many-to-one ETA call", eta_matrix_time, "The page's assumption, to be measured (step 5's budget)."),
    (
        "A commit in the trip store",
        store_commit_time,
        "The page's assumption, to be measured: a consensus round across zones (step 5's budget).",
    ),
    (
        "Trip service to the driver's gateway",
        push_through_pubsub,
        "The page's assumption, to be measured: a publish to the driver's account channel (step 5's budget).",
    ),
    (
        "A phone's round trip, p99",
        mobile_round_trip_p99,
        "The page's assumption, to be measured: the offer down and its ack up on a mobile network.",
    ),
    (
        "A deadline's timer fires late by, at most",
        deadline_timer_tick,
        f"A timing wheel's tick: it runs a timer on the first tick past its deadline, and "
        f"[Netty's]({NETTY_TIMER}) default tick is 100 ms. Step 6's model adds it to each expiry.",
    ),
    (
        "The sweeper's period",
        sweeper_interval,
        "The page's choice (step 4): the backstop for the timers a worker loses (a crash, a lease moved), "
        "whose deadlines alone end up to this late, plus its margin.",
    ),
    (
        "The sweeper's margin",
        sweeper_margin,
        "The page's choice (step 4): it takes only rows due this long ago, far more than a timer's tick and "
        "its commit, so it almost never ends first an offer a live timer is about to expire, with the pause "
        "(only if that commit stalls, as in a zone's loss: a miss not counted).",
    ),
    (
        "Busiest matching area's share of requests",
        busiest_area_share,
        "The page's assumption: a busy city district at the busy hour (step 6 sizes its solver).",
    ),
    (
        "Busiest city's share of requests",
        busiest_city_share,
        "The page's assumption: the largest city, were it one matching area (step 6).",
    ),
    (
        "Solver steps a matching server runs a second",
        solver_steps_per_second,
        "The page's assumption, to be measured: simple steps of the Hungarian method's inner loop.",
    ),
    (
        "Share of a batch window the solver may take",
        solver_share_of_window,
        "The page's choice (step 7): the rest of the window is left to the candidate search, the ETAs "
        "and sending the offers, so a crowded area's cap is set where the solver fits in it.",
    ),
    (
        "Longest pickup ETA an assignment may give one ride",
        pickup_eta_cap,
        "The page's choice (step 6), a city may set it lower: a pair above it is left out of the window's "
        "assignment, so a surge or an airport rush cannot hand a rider a driver this far away.",
    ),
    (
        "State changes recorded per ride",
        state_changes_per_ride,
        "Requested, matched, arriving, arrived, on trip, completed (or cancelled).",
    ),
    (
        "Payment operations per ride",
        payment_ops_per_ride,
        "An authorization hold when the ride is requested, and a capture at the drop-off (or a "
        "release, or a fee, when it is cancelled).",
    ),
    (
        "Ratings per completed ride",
        ratings_per_ride,
        "The page's assumption: the driver rates nearly every completed ride, the rider about half; a "
        "ride cancelled after its match is not rated.",
    ),
    (
        "Rides cancelled after a match",
        cancel_share,
        "The page's assumption: a rider's cancel that ends the ride on the way to the pickup. Step 4 "
        "counts their rows; a driver's cancel that sends the ride back to matching is not one of them.",
    ),
    (
        "Requests that end before a match",
        unmatched_share,
        "The page's assumption, to be measured: the rider cancels while the search runs, or no driver is "
        "near. Each releases its payment hold (step 6).",
    ),
    (
        "Grace period before a cancellation fee",
        cancel_grace,
        "The page's choice; the fee itself and the grace vary by city.",
    ),
    (
        "Wait at the pickup before a no-show cancel",
        no_show_wait,
        "The page's choice, set per city: a driver's no-show cancel charges the rider only after this long "
        "at `arrived` (Uber and Lyft make drivers wait minutes, by city).",
    ),
    (
        "Push notifications per ride",
        notifications_per_ride,
        "The page's assumption: driver on the way, driver arrived and the receipt, to a phone whose "
        "app is in the background.",
    ),
    (
        "Heartbeat interval on an open connection",
        heartbeat_interval,
        "The page's choice: short enough to notice a dead phone within a minute, long enough to spare its battery.",
    ),
    (
        "A position update on the wire",
        location_update_wire_bytes,
        "The page's assumption: time, position, speed, heading, accuracy, sequence number and the "
        "seen echo (the driver is the connection's, the status the server's), with framing and TLS "
        "records, on an open connection. Without the IP and TCP headers "
        f"({ip_tcp_header_bytes} with timestamps); step 3 measures both.",
    ),
    (
        "A tracking push to a phone",
        tracking_push_bytes,
        "The page's assumption: the other party's position, heading and ETA, framed.",
    ),
    (
        '"Cars near me" response',
        browse_response_bytes,
        "The page's assumption: a few nearby cars' positions and headings for the map.",
    ),
    ("A ride request", ride_request_bytes, "The page's assumption: pickup, drop-off, product, payment method."),
    (
        "Seconds of a ride's trail in one stored row",
        trail_row_seconds,
        "The page's choice (step 4): the trail writer packs a ride's points into a row a minute, so "
        "the key and the row's overhead are paid once for many points.",
    ),
    (
        "A trail row is written once its partition's newest position is past its minute by",
        trail_row_grace,
        "The page's choice (step 5): a margin over a position's way from the phone to the trail writer, "
        f"which step 1's {location_freshness_target} freshness target bounds at the p99 to the other "
        "phone, so a point still on its way as its minute ends lands in its row, not a row of its own.",
    ),
    (
        "Usable bytes per storage node",
        usable_bytes_per_node,
        "The page's assumption: about half of a node's disks, the rest for compaction, growth and a "
        "failed neighbor's share.",
    ),
    (
        "Years trip records are kept",
        trip_retention_years,
        "The page's assumption: trips are payment records, kept as long as tax and accounting rules "
        "usually ask; check each country's law.",
    ),
    (
        "Years trip trails are kept",
        location_retention_years,
        "The page's assumption: long enough for fare disputes, safety reports and insurance claims.",
    ),
    ("Copies of stored data", copies, "One a zone, three zones."),
    (
        "Copies of the trip store and the ledger in a second region",
        second_region_copies,
        "The page's choice (step 4): the standby cluster that takes a region's rides over, a cluster of "
        "its own in the failover region, keeps a copy in each of its three zones. Trails are not copied "
        "to another region (step 4).",
    ),
    (
        "Days of trails in one compaction window",
        twcs_window_days,
        f"The page's choice (step 4): [TWCS]({TWCS}) asks for fewer than 50 windows a table over its time to live.",
    ),
    (
        "A relational primary's failover",
        primary_failover,
        "The page's assumption, to be measured: detect the lost primary, promote a replica, fence the old "
        "one; the city group's writes stop meanwhile (step 4).",
    ),
    (
        "A range's stall when its leaseholder is lost",
        range_lease_expiry,
        f"CockroachDB's [leader leases]({CRDB_LEADER_LEASES}), the worst case of its defaults' own "
        f"[arithmetic]({CRDB_LEASE_TIMINGS}): store liveness's 3 s support lapses, an election runs "
        "(up to 2 s of jitter, then its round trips) and the new leader takes the lease. To be measured "
        "on the store run.",
    ),
    (
        "A range's new lease after its leader's loss, at the quickest",
        range_lease_expiry_low,
        f"The low end of the same [arithmetic]({CRDB_LEASE_TIMINGS}): a crash just before a store-liveness "
        "heartbeat (its -1 s offset), no election jitter and short round trips; a region's millisecond round "
        "trips land nearer it than the top.",
    ),
    ("Availability zones a region runs in", zones, "Every tier runs in three zones and must survive losing one."),
    (
        "Fewest servers a stateless tier keeps in a zone",
        stateless_floor_per_zone,
        "The page's rule (step 5): one crash in a zone still leaves a server there.",
    ),
    (
        "Fewest copies the index and each store keep in a zone",
        store_floor_per_zone,
        "The page's rule (step 5): a copy in every zone, so losing a zone loses no data.",
    ),
    (
        "Open connections a gateway holds",
        connections_per_gateway,
        "The page's choice, as in the chat example: far below what memory allows (WhatsApp held over two "
        "million on one server in 2012), chosen to bound what one crash drops. To be measured.",
    ),
    (
        "Frames a gateway relays a second",
        frames_per_gateway,
        "The page's assumption, to be measured: decrypt, check and forward a small frame, or encrypt a push.",
    ),
    (
        "Positions a location server handles a second",
        positions_per_location_server,
        "The page's assumption, to be measured: check the (epoch, sequence number), write the index's copies, "
        "append a position on a ride to the log and publish it to the ride.",
    ),
    (
        "Nearest-K queries an index node answers a second",
        index_queries_per_node,
        "The page's assumption, to be measured: a few cell sets read from memory and the candidates ranked "
        "by distance.",
    ),
    (
        "Matching searches a matching server runs a second",
        searches_per_matching_server,
        "The page's assumption, to be measured: a search, its candidates' ETAs awaited and a share of its "
        "area's assignment each window.",
    ),
    (
        "ETA calls a routing server answers a second",
        eta_calls_per_routing_server,
        "The page's assumption, to be measured: a route between two points on a preprocessed road graph "
        "with live speeds.",
    ),
    (
        "Publishes a pub/sub node relays a second",
        publishes_per_pubsub_node,
        "The page's assumption, to be measured: a small message to the one or two subscribers of a ride.",
    ),
    (
        "Small events a log broker appends a second",
        log_events_per_broker,
        "The page's assumption, to be measured, counting each copy a broker stores.",
    ),
    (
        "Replicated writes a trip-store node takes a second",
        store_writes_per_node,
        "The chat example's assumption for the same kind of store (consensus per range), to be measured.",
    ),
    (
        "Positions an ETA worker checks a second",
        positions_per_eta_worker,
        "The page's assumption, to be measured: a point-to-route distance test on each position of a ride.",
    ),
    (
        "Positions a trail writer packs a second",
        positions_per_trail_writer,
        "The page's assumption, to be measured: each position of a ride added to its ride's row of the "
        "minute, written once the minute closes.",
    ),
    (
        "Coordination-service nodes a region",
        coordination_nodes_per_region,
        "The page's choice: one consensus group a region, a node in each zone; it holds the leases, the "
        "shard map and the channel map (step 6).",
    ),
    (
        "Payment processor's limit, all calls, by default",
        processor_default_write_limit,
        f"Stripe's live-mode default: 100 requests a second for all the account's calls together ([rate "
        f"limits]({STRIPE_RATE_LIMITS})); a higher limit is asked of its support, weeks ahead (step 6).",
    ),
    (
        "Payment processor's limit on one endpoint, by default",
        processor_default_endpoint_limit,
        "The same page: 25 requests a second on any one endpoint unless it says otherwise, each named "
        "API operation (creating a payment, capturing one) an endpoint of its own.",
    ),
    (
        "Payment processor's intents returned by one list call, at most",
        processor_list_page,
        f"Stripe's [list of PaymentIntents]({STRIPE_LIST_INTENTS}) takes a `limit` of 1 to 100 and a `created` "
        f"range; list calls read what was written, unlike search ([data freshness]({STRIPE_SEARCH_FRESHNESS})).",
    ),
    (
        "A list call's time, at most",
        processor_list_call_time,
        "The page's assumption, to be measured: a page of intents back within a second. A list is paged by "
        f"cursor (`starting_after`, [list PaymentIntents]({STRIPE_LIST_INTENTS})), so its calls run one "
        "after another, and this sets how many slices of `created` are paged at once (step 7).",
    ),
    (
        "A listed range of `created`, widened each side by",
        processor_created_margin,
        "The page's choice: `created`, which [list PaymentIntents]"
        f"({STRIPE_LIST_INTENTS}) filters on, counts whole seconds on Stripe's clock, not the payments "
        "server's, so a look-up lists from a second before the call to a second after it; the ride ID in "
        "the metadata keeps out other rides' intents (step 6).",
    ),
    (
        "Payment processor's limit to ask for, over the busy hour's calls",
        processor_limit_headroom,
        "The page's choice (step 6): room for a month of growth and a spike while a higher limit is "
        "asked for again, weeks ahead.",
    ),
    (
        "A pub/sub node's session in the coordination service",
        pubsub_session,
        "The page's choice (step 6): the session is a lease, revoked once it runs out; step 5 adds the "
        "service's expiry check, and its leader's election when a zone takes the leader too.",
    ),
    (
        "A pub/sub node stops serving with no answer from the coordination service for",
        pubsub_self_fence_after,
        "Two thirds of its session, the point at which a ZooKeeper client declares itself disconnected "
        "([`readTimeout`](https://github.com/apache/zookeeper/blob/master/zookeeper-server/src/main/java/"
        "org/apache/zookeeper/ClientCnxn.java)); the last third, far more than clocks drift apart over a "
        "session, is left before the session can expire and the node's ranges move (step 6).",
    ),
    (
        "A pub/sub node renews its session every",
        pubsub_session_renewal,
        "The page's choice (step 6): more often than the consensus page's third of a session, so that after "
        "an election of the coordination service's leader a renewal is answered before the node's fence.",
    ),
    (
        "Window over which phones reconnect after a zone's loss",
        reconnect_spread,
        "The page's choice (step 6): each phone's backoff is jittered over it.",
    ),
    (
        "Longest wait between a phone's reconnect attempts",
        reconnect_backoff_cap,
        "The page's choice (step 7): the backoff's cap, jitter included; a phone that has failed for "
        "minutes may wait this long, so the failover hold adds it as margin.",
    ),
    (
        "Deadline of a ride request's create call",
        create_deadline,
        "The page's choice (step 3): the call only commits one transaction in the trip store; "
        "matching and the payment hold run after it answers.",
    ),
    (
        "Time for the trip store to abort a transaction whose server died",
        abandoned_transaction_abort,
        "An assumption, to be set from the chosen store's transaction-liveness setting: until then "
        "a retry of the same create finds the first attempt's rows locked (step 3).",
    ),
    (
        "`Retry-After` on a 409 idempotency_key_in_use",
        key_in_use_retry_after,
        "The page's choice (step 3): the server's `Retry-After: 1`, as in the Twitter example. The client "
        "never retries sooner: its waits double from twice it, with equal jitter, within the cap.",
    ),
    (
        "Time a create waits for a locked idempotency row",
        lock_timeout,
        "The page's choice (step 3): the store's lock timeout for the create's read of its key; a retry "
        "that finds the first attempt's row locked is answered 409 at once, not queued behind it.",
    ),
    (
        "Lifetime of the payment processor's idempotency keys",
        processor_key_lifetime,
        f"Stripe's: keys may be removed once they are at least 24 hours old ([idempotent requests]({STRIPE_IDEMPOTENCY}), "
        f"[guide]({STRIPE_IDEMPOTENCY_GUIDE})). "
        "A retry older than that looks the operation up first (step 4).",
    ),
    (
        "Longest the fare waits for the trail writer",
        trail_wait_cap,
        "The page's choice (step 5): the trip service's fare worker prices the ride once the trail writer "
        "says the trail is written to the drop-off; past this, from what the trail holds, routing the gap itself.",
    ),
    (
        "Time a fare quote stays valid",
        quote_validity,
        "The page's choice (step 3): long enough to read the price and request, short enough that "
        "the drivers nearby and the surge area have not changed much.",
    ),
    (
        "A matching area's lease",
        area_lease,
        "The page's choice (step 7): renewed every third of it; a lost owner's areas pass to another "
        "server once it expires.",
    ),
    (
        "Session timeout of the event log's consumer groups",
        consumer_session_timeout,
        "Step 7's choice: the area lease's, so a lost zone's log partitions move with matching's areas. "
        f"Kafka's default is 45 s ([`session.timeout.ms`]({KAFKA_SESSION_TIMEOUT})); the classic protocol "
        "allows 6 s by default (`group.min.session.timeout.ms`), KIP-848's no less than 45 s "
        f"by default ([`group.consumer.min.session.timeout.ms`]({KAFKA_CONSUMER_MIN_SESSION})).",
    ),
    (
        "Heartbeat interval of the event log's consumers",
        consumer_heartbeat_interval,
        f"The page's choice (step 7): a third of the session, as Kafka advises for `heartbeat.interval.ms` "
        f"([consumer configs]({KAFKA_HEARTBEAT_INTERVAL})), whose 3 s default is half of a 6 s session.",
    ),
    (
        "Time the event log takes to move a lost broker's partitions",
        log_leader_failover,
        f"The page's choice (step 5): the active controller fences a broker silent for the controllers' "
        f"`broker.session.timeout.ms`, 9 s by default ([broker configs]({KAFKA_BROKER_SESSION_TIMEOUT})), set "
        "to the area lease's; its partitions' new leaders, from their in-sync copies, follow at once.",
    ),
    (
        "The controller quorum's election, its leader lost",
        controller_election_at_most,
        "Kafka's defaults kept: the other controllers campaign after 2 s without the leader "
        f"([`controller.quorum.fetch.timeout.ms`]({KAFKA_CONTROLLER_FETCH_TIMEOUT})), and a vote takes up to "
        "twice `controller.quorum.election.timeout.ms`, 1 s, as its timeout is randomized; that is when the "
        "first vote wins.",
    ),
    (
        "... with one split vote",
        controller_election_split_vote,
        "The two left campaign about together and may split the vote; each backs off at random, at most "
        "100 ms after the first failed round (the backoff doubles each round, capped at 1 s by "
        f"[`controller.quorum.election.backoff.max.ms`]({KAFKA_CONTROLLER_ELECTION_BACKOFF})), and campaigns "
        "again, up to another 2 s.",
    ),
    (
        "A store range or log partition one copy short, before it pages",
        replica_down_page_after,
        f"CockroachDB's default wait before it declares a node dead, five minutes ([`server.time_until_store_dead`]"
        f"({COCKROACH_NODE_SHUTDOWN})): a restart ends sooner, so outside a planned one the copy is lost.",
    ),
    (
        "Wait for a flagged ride's driver after a region's failover hold",
        review_driver_wait,
        "The page's choice (step 7): far past a phone's backoff cap; a ride with no "
        "resent accept by then is settled, its driver set offline.",
    ),
    (
        "Interval between a location server's scans for silent drivers on a ride",
        silence_scan_interval,
        "The page's choice (step 7): each scan is a range read of the shard's on-ride entries past the TTL, "
        "so a silence is noticed at most this long after the TTL; the location servers' own schedule.",
    ),
    (
        "Promoting the standby copy of the trip store and the ledger",
        standby_promotion,
        f"CockroachDB's [PCR overview]({COCKROACH_PCR}): failing over to the latest replicated time "
        "should typically take within five minutes. To be measured in the failover drill (step 7).",
    ),
    (
        "Holds declined when retried after a processor outage",
        hold_decline_share,
        "The page's assumption, to be measured from the ledger: the share of rides let through without a "
        "hold whose later hold the bank declines, the money at risk (step 7).",
    ),
    (
        "Processor outage a city rides through",
        processor_outage_ridden,
        "The page's choice (step 7): the per-city cap on unheld fares covers this long at the city's busy "
        "hour; past it, rides wait for their hold.",
    ),
    (
        "Road distance over straight-line distance",
        city_detour_factor,
        "The page's assumption, fitted per city from its past trips: the fallback ETA's factor when the "
        "routing engine is down (step 7).",
    ),
    (
        "A city's average driving speed, km/h",
        city_average_speed_kmh,
        "The page's assumption, 25 km/h, fitted per city and hour from past trips: the fallback ETA's speed (step 7).",
    ),
    (
        "A routing-engine outage, for the fares' backlog",
        routing_outage,
        "The page's example (step 7): an hour without map-matching.",
    ),
    (
        '"No driver near" alert: multiple of the city\'s baseline',
        no_driver_alert_factor,
        "The page's choice (step 7): the share of such answers from fresh cells, against the same hour "
        "of the same weekday.",
    ),
    (
        '"No driver near" alert: window',
        no_driver_alert_window,
        "The page's choice (step 7).",
    ),
    (
        '"No driver near" alert: fewest answers in the window',
        no_driver_alert_minimum,
        "The page's choice (step 7): a small city's quiet hour does not page on a handful of answers.",
    ),
    (
        "Rides given up with their offers run out: ticket at this multiple of the model's share",
        give_up_ticket_factor,
        "The page's choice (step 7): twice what step 6's model gives at launch, for a day, until the "
        "acceptance-aware ranking ships.",
    ),
    (
        "Interval between synthetic ride requests",
        probe_interval,
        "The page's choice (step 7): a test rider and a test driver in a test area of each region, from "
        "each zone and from outside the cloud provider.",
    ),
    (
        "Synthetic requests failed in a row to page",
        probe_misses_to_page,
        "The page's choice (step 7): one probe lost on a network does not page.",
    ),
    (
        "A synthetic request's deadline to be matched",
        probe_timeout,
        "The page's choice (step 7): a probe that has no match by then counts as a miss.",
    ),
    (
        "Most of its capacity a tier may use at the busy hour with a zone lost",
        zone_lost_load_ceiling,
        "The page's choice (step 7): the headroom for the reconnect wave and for a month of growth "
        "while servers are bought; past it, a ticket, and a server a zone in that region.",
    ),
    (
        "Hellos a gateway can finish a second",
        hellos_per_gateway,
        "The page's assumption, to be measured in a load test: a token check, a subscription and one "
        "trip-store read each (step 7).",
    ),
    (
        "A gateway's clock error, at most",
        gateway_clock_error,
        f"The page's choice: chrony against the cloud's time service, its error bound read with [ClockBound]({CLOCKBOUND}); "
        "a gateway past it takes no new streams until back within it. A stream's epoch is that clock's time (step 4).",
    ),
    (
        "Holds failing at the processor that open a ticket",
        hold_failure_alert_share,
        "The page's choice (step 7): over 15 min, declines excluded.",
    ),
    (
        "Interval for available drivers away from demand, under overload",
        thinned_location_interval,
        "The page's choice (step 7): two of these, one position lost, stay inside the index's time to live.",
    ),
    (
        "Standby lag that pages",
        standby_lag_page,
        "The page's choice (step 7): the region-loss RPO itself, held for a minute: the promise is broken "
        f"while it lasts; PCR's lag is generally tens of seconds ([overview]({COCKROACH_PCR})), so no lower.",
    ),
    (
        "Consumer lag that pages: payments, and the trip service's payment events",
        consumer_lag_page,
        "The page's choice (step 7): a few seconds is their normal lag; half a minute is a stuck consumer, "
        "and it bounds the outbox rows a region's promotion must send again.",
    ),
    (
        "Consumer lag read every",
        consumer_lag_sample,
        "The page's choice (step 7): half the page's threshold, so a lag the page has not fired on has grown for "
        "at most this since it was read, inside the re-send margin's other half.",
    ),
    (
        "Outbox's garbage-collection TTL (`gc.ttlseconds`)",
        outbox_gc_ttl,
        "The page's choice (step 4), down from CockroachDB's default of 4 h "
        f"([CONFIGURE ZONE]({COCKROACH_CONFIGURE_ZONE})): the relay's reads step over each deleted row until it is "
        "collected, and nothing reads the outbox's history (sent rows are kept, a day, in outbox_sent).",
    ),
    (
        "Standby lag that opens a ticket",
        standby_lag_ticket,
        "The page's choice (step 7): half the RPO, as the busy hour's p99 over a week, a trend toward the promise.",
    ),
    (
        "Drivers in a stadium area's halo once drivers have come in",
        stadium_halo_drivers,
        "The page's example (step 7): a crowd with no driver queue, where drivers are plentiful too, "
        "the case that sizes the matching area's cap. An airport lot's queue never runs the solver.",
    ),
    (
        "Drivers near a stadium when a game ends",
        stadium_drivers_nearby,
        "The page's example (step 7): the same crowd of riders at the final whistle, before drivers arrive.",
    ),
    (
        '"No driver near" alert: a cell\'s demand spike that is left out',
        demand_spike_factor,
        "The page's choice (step 7): requests in the cell over this multiple of the same hour's baseline, "
        "counted by the trip service; such a cell is short of drivers by demand, not by a lost position.",
    ),
    (
        "Index writes per driver position: the band around step 5's ratio",
        index_write_ratio_band,
        "The page's choice (step 7): a shard's index writes per driver position accepted for it, counted "
        "at two tiers over the same window, may stray this far either way before it alerts; to be "
        "narrowed once a quiet week has been measured.",
    ),
    (
        "Index writes per driver position: the alert's window",
        index_write_alert_window,
        "The page's choice (step 7): long enough to smooth a shard's counters, short beside the minutes "
        "a region's riders notice; its short window is the SLO page's twelfth of it.",
    ),
    (
        "A region's quietest hour against its day's average hour",
        quiet_hour_to_average,
        "The page's assumption (step 7), to be read off the region's own hourly counts: its requests "
        "at about 4 a.m. in its main time zones, when a failover drill runs. A region spans several "
        "time zones, so its trough is shallower than a single city's.",
    ),
    (
        "Match latency target",
        match_latency_target,
        "The page's choice: p99 from a request reaching the service to the first offer reaching a "
        "driver's phone, the matching window included.",
    ),
    (
        "Accepted-driver target",
        accepted_latency_target,
        "The page's choice: p99 from a request reaching the service to a driver's accept, declines "
        "and timeouts included.",
    ),
    (
        "Location freshness target",
        location_freshness_target,
        "The page's choice: p99 from a position reaching the service to the rider's phone showing it. "
        "The interval adds its own age on top.",
    ),
    (
        "Index lag target",
        index_lag_target,
        "The page's choice: p99 from a position reaching the service to matching searches seeing it.",
    ),
    (
        "Availability target, ride requests",
        request_availability_target,
        f"The page's choice, over {slo_window_days} days: a failed request is a lost ride and a rider "
        "who opens a competitor's app.",
    ),
    (
        "Deadline for answering a request",
        answer_deadline,
        "The page's choice: a request not matched or told no driver is near within it counts as failed.",
    ),
    (
        "Trips lost in a region's loss, at most",
        trip_rpo,
        "The page's target, above PCR's documented lag, generally in the tens of seconds with no bound "
        f"given ([overview]({COCKROACH_PCR})): the busy hour's measured lag must show this workload meets it.",
    ),
    (
        "Requests a latency target lets be slower",
        percentile_budget_share,
        "The targets are p99s: a hundredth of requests may take longer, the latency alerts' budget (step 7).",
    ),
]

REGION_TABLE = [(name, fraction(share), FAILOVER_REGION[name]) for name, share in REGION_SHARES.items()]
NOTES = [
    "**Interval between a phone's position updates.** The same interval for idle drivers is this page's "
    "assumption, imported from the proximity-search page, and a rider's phone sends at it while it waits "
    "for its pickup. For comparison, Google's ride-hailing backend, fed by custom code, "
    f"[expects a position at least once a minute and at most once every 5 s]({FLEET_ENGINE_UPDATES}).",
    "**Regions.** Each region's share of the busy hour's load is an assumption, as is the region that "
    "takes over when it is lost:",
]

# Other snippets import this module for its values; run on its own (or by the docs build),
# it prints the table, the notes on its longer rows, and the regions.
if __name__ != "ride_hailing_assumptions":
    print(markdown_table(("Assumption", "Value", "Why"), TABLE))
    print()
    for note in NOTES:
        print(f"- {note}")
    print()
    print(markdown_table(("Region", "Share of the busy hour's load", "Fails over to"), REGION_TABLE))
