"""Rate limiter worked example: counter-store shards and gateway servers for the peak, and what a
runaway client, local batches and a lost zone do to them."""

import math
import random
from collections import defaultdict

from rate_limiter_accuracy import (
    held_report_delay,
    held_retry_after_in_debt_seconds,
    held_share_retry_after_in_debt_seconds,
    overshoot_between_regions,
    retry_after_in_debt_seconds,
    seconds_per_token,
    share_retry_after_in_debt_seconds,
    takeover_report_delay_bound,
    takeover_retry_after_in_debt_seconds,
    takeover_share_retry_after_in_debt_seconds,
)
from rate_limiter_assumptions import (
    added_latency_budget,
    api_bytes_per_request,
    api_requests_per_day,
    balancer_cpu_per_request,
    burst_allowance,
    check_timeout,
    cluster_hash_slots,
    cores,
    cross_zone_price_per_gb,
    cross_zone_round_trip,
    cross_zone_round_trip_p99,
    failover_election,
    failover_time,
    flood_requests_per_second,
    gateway_requests_per_server,
    in_zone_round_trip,
    in_zone_round_trip_p99,
    kv_gets_per_process,
    large_plan_burst_share,
    large_plan_limit_per_minute,
    largest_region_peak_share,
    limit_per_minute,
    region_sync_interval,
    regions,
    rules_pull_period,
    script_cost_in_gets,
    shard_target_utilization,
    share_floor,
    shared_check_share,
    split_simulation_load,
    store_breaker_failure_share,
    store_breaker_min_checks,
    store_breaker_timeouts,
    store_breaker_window,
    store_copies,
    store_down_example_mid_limit_per_minute,
    tag_switch_lead_pulls,
    target_utilization,
    token_batch,
    window_seconds,
    zones,
)
from rate_limiter_state import token_bucket_memory
from rate_limiter_traffic import (
    added_latency_average,
    checks_per_second_peak,
    store_ops_per_second_peak,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_MONTH,
    GiB,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    size,
    size_per_day,
    throughput,
    times,
    whole_up,
    zone_loss_headroom,
)

# --- The counter store: one single-threaded process per shard ---------------------------------
scripts_per_shard = throughput(kv_gets_per_process / script_cost_in_gets)
# The whole peak in one pool would need this many: what the estimator's one-pool model prints.
store_shards_pooled = count(math.ceil(store_ops_per_second_peak / (scripts_per_shard * shard_target_utilization)))
# But each region runs its own store, and the busy hour does not split evenly between regions: the
# busiest region takes largest_region_peak_share of the checks. Its exchange is its own shared
# checks' read-and-delete scripts plus one apply for each other region's shared check, so at most
# the global peak's shared checks (traffic.py's bound, regions x shared checks, spread over regions).
region_checks_per_second_peak = peak(checks_per_second_peak * largest_region_peak_share)
region_exchange_ops_peak = peak(checks_per_second_peak * shared_check_share)
region_store_ops_peak = peak(region_checks_per_second_peak + region_exchange_ops_peak)
# Every region is built to the busiest region's size.
store_shards_per_region = count(math.ceil(region_store_ops_peak / (scripts_per_shard * shard_target_utilization)))
store_shards = count(store_shards_per_region * regions)
store_processes = count(store_shards * store_copies)
shard_utilization_at_peak = fraction(region_store_ops_peak / store_shards_per_region / scripts_per_shard)
# The share of checks from shared clients at which the exchange uses up the busiest region's headroom.
shared_check_share_at_ceiling = fraction(
    (store_shards_per_region * scripts_per_shard * shard_target_utilization - region_checks_per_second_peak)
    / checks_per_second_peak
)
# The busiest region holds, we assume, the same share of the day's clients as of the busy hour.
memory_per_shard = size(token_bucket_memory * largest_region_peak_share / store_shards_per_region)
# A hot key split over N tags (step 6) has one sub-bucket, mark and delta on each of N shards, so N is
# at most a region's shards. Its deltas are read one per sub-key named, which stays within one read per
# check; each region still sends one report a key an interval (the sub-deltas summed), and each other
# region applies it as N writes of 1/N each instead of one. traffic.py's bound allows one write in each
# other region per shared check, so a report costs nothing beyond it when the sending region made at
# least N checks of the key in the interval, as a hot key does; at worst (each region reporting after
# a single check) a split key adds (N - 1) writes per report in each other region, every region reporting.
split_key_extra_exchange_ops_peak = peak(regions * (regions - 1) * (store_shards_per_region - 1) / region_sync_interval)


# A split key's sub-buckets each hold burst / N, so a burst whose requests pick tags at random finds
# some sub-buckets empty while others still hold tokens. Expectation over every sequence of picks (a
# small dynamic program over the sub-buckets' levels, no refill within the burst): a burst of as many
# requests as the whole burst's tokens, each request trying `tries` distinct tags before it is refused.
# Returns the requests served on average and the chance that at least one is refused.
def split_key_burst(tags: int, tokens_each: int, requests: int, tries: int) -> tuple[float, float]:
    states = {tuple([tokens_each] * tags): 1.0}
    served = 0.0
    for _ in range(requests):
        after: defaultdict[tuple[int, ...], float] = defaultdict(float)
        for levels, p in states.items():
            empty = levels.count(0)
            # Tags are tried in a random order, none twice. The chance that the first k tried were all
            # empty is p_empty_so_far; the next is then any of the tags - k left, each equally likely.
            p_empty_so_far = 1.0
            for k in range(min(tries, tags)):
                for i, level in enumerate(levels):
                    if level > 0:
                        q = p * p_empty_so_far / (tags - k)
                        after[tuple(sorted((*levels[:i], level - 1, *levels[i + 1 :])))] += q
                        served += q
                p_empty_so_far *= max(empty - k, 0) / (tags - k)
            if p_empty_so_far:
                after[levels] += p * p_empty_so_far  # refused: nothing taken
        states = after
    return served, 1 - states.get(tuple([0] * tags), 0.0)


# Tags matter most where sub-buckets are smallest. A sub-bucket held to the floor's share must still
# serve a take of at least a token (step 7), so none the rules service allows holds under 1 / floor
# tokens; the figures take that one, over a region's shards. (The default plan's split is refused.)
split_example_tags = store_shards_per_region
split_example_tokens_each = count(math.ceil(1 / share_floor))
split_example_burst = count(split_example_tokens_each * split_example_tags)
assert split_example_tokens_each * share_floor >= 1 > burst_allowance / split_example_tags * share_floor
_random, _retry_once, _every_tag = (
    split_key_burst(int(split_example_tags), int(split_example_tokens_each), int(split_example_burst), tries)
    for tries in (1, 2, int(split_example_tags))
)
split_burst_served_random = count(_random[0])
split_burst_refused_early_random = fraction(_random[1])
split_burst_served_retry_once = count(_retry_once[0])
split_burst_refused_early_retry_once = fraction(_retry_once[1])
split_burst_served_every_tag = count(_every_tag[0])

# What each way of picking tags adds to a request. A split key's tags sit one on each of the region's
# shards, whose primaries are spread over the zones as evenly as whole shards go (2/2/1 for 5 over 3,
# kept so by the rebalancing rule below), and tries in turn are round trips in sequence. Trying every
# tag in turn, a refusal from a gateway in a zone holding the fewest primaries makes N - that many
# cross-zone trips and that many in its zone: over the budget, near the check's timeout.
split_fewest_primaries_in_a_zone = count(store_shards_per_region // zones)
split_every_tag_refusal_latency = duration(
    (split_example_tags - split_fewest_primaries_in_a_zone) * cross_zone_round_trip
    + split_fewest_primaries_in_a_zone * in_zone_round_trip
)
# Two tries on tags chosen at random: both can cross zones.
split_retry_once_latency = duration(2 * cross_zone_round_trip)
# Reading every tag's level in parallel, then taking from the fullest: two trips in sequence on every
# check, each the slowest of its parallel calls, so a cross-zone trip each.
split_read_then_take_latency = duration(2 * cross_zone_round_trip)
# The decision (step 6): at most two tries, one of them to a tag whose primary is in the gateway's own
# zone: a random tag first; on a refusal, a tag in the gateway's zone if the first was elsewhere, else
# a tag in another zone. The worst case is one cross-zone trip and one in the zone. That needs a tag
# in every zone, so the rules service splits a key over N >= zones tags whose primaries cover every
# zone (one tag on each shard here, every zone holding a primary by the rebalancing rule), and
# re-picks them whenever a failover or a rebalance moves a primary.
split_two_tries_latency = duration(cross_zone_round_trip + in_zone_round_trip)
# At the 99th percentile of a second try, both round trips at theirs: the whole budget, nothing left for
# the store's work (a share of a split key's takes, split_second_try_share_at_load below).
split_two_tries_latency_p99 = duration(cross_zone_round_trip_p99 + in_zone_round_trip_p99)
assert split_two_tries_latency_p99 <= added_latency_budget
# Which zone each tag's primary is in: shard i in zone i mod Z, 2/2/1 for 5 shards over 3 zones.
_tag_zones = tuple(i % int(zones) for i in range(int(split_example_tags)))
assert split_example_tags >= zones and set(_tag_zones) == set(range(int(zones))), "a split's tags must cover every zone"
# Until a re-picked set switches, a gateway in a zone the move left with no tag makes both tries across
# zones: over the budget, as two random tries are.
split_uncovered_zone_latency = duration(2 * cross_zone_round_trip)
# Any two cross-zone trips in sequence (two random tries, read then take, a zone with no tag, a check sent
# again after ASK) at the 99th percentile of each: over the check's budget.
two_cross_zone_trips_p99 = duration(2 * cross_zone_round_trip_p99)
assert two_cross_zone_trips_p99 > added_latency_budget


def _second_tags(first: int, gateway_zone: int) -> list[int]:
    """The tags the decision's second try picks from, at random: in the gateway's zone if the first
    try was elsewhere, else in another zone."""
    if _tag_zones[first] != gateway_zone:
        return [t for t, z in enumerate(_tag_zones) if z == gateway_zone]
    return [t for t, z in enumerate(_tag_zones) if z != gateway_zone]


# A burst on the decision's two tries, over every gateway zone and pick (a dynamic program over the
# sub-buckets' levels, no refill within the burst; tags in one zone are alike, so their levels are kept
# sorted). Returns the requests served, the chance of a refusal while tokens remain, and the store
# operations, all on average over the burst.
_zone_tags = [[t for t, z in enumerate(_tag_zones) if z == zone] for zone in range(int(zones))]


_zone_tags_of = [_zone_tags[zone] for zone in _tag_zones]
_seconds = [[_second_tags(first, zone) for zone in range(int(zones))] for first in range(len(_tag_zones))]


def _taken(levels: tuple[int, ...], t: int) -> tuple[int, ...]:
    """`levels` with a token taken from tag t, kept in order (each zone's levels ascending, its tags
    alike): the zone's first tag at t's level gives it, which keeps the zone ascending."""
    first = next(u for u in _zone_tags_of[t] if levels[u] == levels[t])
    return (*levels[:first], levels[first] - 1, *levels[first + 1 :])


def _zoned_step(levels):
    """One request from these levels: where they go, with what chance; the chance it is served; its
    store operations on average."""
    taken_from = [0.0] * len(levels)  # the chance the request's token comes from each tag
    refused = ops = 0.0
    q = 1 / zones / len(_tag_zones)
    for gateway_zone in range(int(zones)):
        for first in range(len(_tag_zones)):
            ops += q
            if levels[first] > 0:
                taken_from[first] += q
                continue
            ops += q  # the second try
            seconds = _seconds[first][gateway_zone]
            for second in seconds:
                if levels[second] > 0:
                    taken_from[second] += q / len(seconds)
                else:
                    refused += q / len(seconds)  # nothing taken
    after = defaultdict(float)
    for t, q in enumerate(taken_from):
        if q:
            after[_taken(levels, t)] += q
    if refused:
        after[levels] += refused
    return after, 1 - refused, ops


def split_key_burst_zoned(tokens_each: int, requests: int) -> tuple[float, float, float]:
    steps = {}  # each level's step, worked out once
    states = {tuple([tokens_each] * len(_tag_zones)): 1.0}
    served = ops = 0.0
    for _ in range(requests):
        after: defaultdict[tuple[int, ...], float] = defaultdict(float)
        for levels, p in states.items():
            if levels not in steps:
                steps[levels] = _zoned_step(levels)
            moves, served_here, ops_here = steps[levels]
            served += p * served_here
            ops += p * ops_here
            for moved, q in moves.items():
                after[moved] += p * q
        states = after
    return served, 1 - states.get(tuple([0] * len(_tag_zones)), 0.0), ops


_zoned = split_key_burst_zoned(int(split_example_tokens_each), int(split_example_burst))
split_burst_served_two_tries = count(_zoned[0])
split_burst_refused_early_two_tries = fraction(_zoned[1])
split_burst_ops_two_tries = count(_zoned[2])


# The same two tries in steady use, on the smallest key one would split: the burst figures above are
# the smallest sub-bucket the rules service allows, a worst case. A key is split when its own
# traffic is too much for a shard, far hotter than a large plan; the figures take a large plan's rate,
# the smallest such key, since a hotter key has bigger sub-buckets and so fewer second tries and
# refusals. Such a key is batched, so its bucket is counted in takes of token_batch tokens; its burst
# is an assumption (large_plan_burst_share, the default plan's share of its minute).
hot_split_limit_per_minute = large_plan_limit_per_minute
hot_split_burst_tokens = count(hot_split_limit_per_minute * large_plan_burst_share)
hot_split_takes_each = count(hot_split_burst_tokens / token_batch / split_example_tags)
hot_split_takes_per_second = throughput(hot_split_limit_per_minute / 60 / token_batch)


# A client sending at `load` of the split key's limit, takes arriving at random (Poisson) through
# gateways in every zone alike, each sub-bucket refilling at 1/N of the rate up to 1/N of the burst. A
# seeded simulation (the exact chain over continuous levels has no short closed form), from full
# buckets. Over the limit the levels drain within minutes (a bucket of C takes, at (load - 1) x r
# takes a second more than it refills) and stay near empty, so the run forgets its start; under the
# limit a level is pulled back toward full and a second try is too rare to see (at 0.9 of the limit,
# odds about exp(-53) per stretch); at exactly the limit nothing pulls it, and a bucket of C takes at
# r a second needs about C^2 / r seconds to forget its start (split_mixing_at_limit below), hours,
# more than a build can simulate. Counts store operations before the refusal cache.
def split_key_at_load(
    cap: float, rate: float, load: float, arrivals: int = 200_000, seed: int = 1
) -> tuple[float, float, float, float, float]:
    rng = random.Random(seed)
    n, zone_count = len(_tag_zones), int(zones)
    cap, sub_rate = cap / n, rate / n
    # A sub-bucket is refilled only when a request reaches it: the refill is linear and capped, so
    # catching up at the next touch gives the same level as refilling every sub-bucket every time.
    levels, touched = [float(cap)] * n, [0.0] * n
    now = 0.0
    allowed = second_tries_allowed = refused = 0
    uniform, arrival_rate = rng.random, rate * load  # bound once: the loop runs `arrivals` times
    for _ in range(arrivals):
        now += -math.log(1.0 - uniform()) / arrival_rate  # random.expovariate's own formula, inlined
        gateway_zone, tag = int(uniform() * zone_count), int(uniform() * n)
        for attempt in (1, 2):
            level = min(cap, levels[tag] + sub_rate * (now - touched[tag]))
            touched[tag] = now
            if level >= 1:
                levels[tag] = level - 1
                allowed += 1
                second_tries_allowed += attempt == 2
                break
            levels[tag] = level
            if attempt == 1:
                choices = _seconds[tag][gateway_zone]
                tag = choices[int(uniform() * len(choices))]
        else:
            refused += 1
    ops_allowed = allowed + second_tries_allowed
    return (
        ops_allowed / allowed,
        second_tries_allowed / allowed,
        refused / arrivals,
        (ops_allowed + 2 * refused) / arrivals,
        now,
    )


def _two_figures(x: float) -> float:
    """A simulated share to two significant figures: seeds 1-3 agree to that over the limit, not beyond."""
    return float(f"{x:.2g}")


_hot_cap = float(hot_split_takes_each * split_example_tags)
_at_load = split_key_at_load(_hot_cap, float(hot_split_takes_per_second), float(split_simulation_load))
split_simulated_minutes = duration(round(_at_load[4] / 60) * 60)
split_simulated_takes_per_second = throughput(hot_split_takes_per_second * split_simulation_load)
split_ops_per_allowed_at_load = count(_two_figures(_at_load[0]))
split_second_try_share_at_load = fraction(_two_figures(_at_load[1]))
split_refused_share_at_load = fraction(_two_figures(_at_load[2]))
split_ops_per_request_at_load = count(_two_figures(_at_load[3]))
# A client over its limit is refused at least this share of its takes whatever the split does: all it
# sends beyond the refill, less the full bucket it starts with.
split_refused_share_floor = fraction(
    _two_figures(
        1
        - (hot_split_takes_per_second * _at_load[4] + _hot_cap)
        / (hot_split_takes_per_second * split_simulation_load * _at_load[4])
    )
)
# At exactly the limit: about C^2 / r for the whole bucket to forget a full start.
split_mixing_at_limit = duration(_hot_cap**2 / hot_split_takes_per_second)

# A split key's Retry-After: each sub-bucket refills at 1/N of the rate, so a request refused by two
# empty sub-buckets waits N times as long as on the whole bucket, and a request costing c waits c
# times that. A take is max(cost, batch) tokens (the request's cost when the rule is not batched), and
# a split serves none that costs more than a sub-bucket holds (burst / N), nor, at the floor's share, more
# than floor x burst / N, so the rules service refuses a split where it would (split_share_largest_cost
# below).
# In debt: the exchange applies a report as N writes of 1/N each, so a sub-bucket holds 1/N of the
# debt and refills at 1/N of the rate: (debt / N + take) tokens at rate / N, in whole seconds.


def split_retry_after_in_debt(debt: float, take: float, seconds_each: float) -> int:
    """The wait on a split key's sub-bucket `debt` tokens down, for a take, at `seconds_each` a token."""
    return whole_up((debt / split_example_tags + take) * split_example_tags * seconds_each)


# The key the design splits: a take of token_batch tokens on a sub-bucket refilling at 1/N of the
# hot plan's rate, rounded up to whole seconds.
hot_split_seconds_per_token = duration(60 / hot_split_limit_per_minute)
hot_split_retry_after_seconds = count(whole_up(token_batch * split_example_tags * hot_split_seconds_per_token))
# ... and in debt: the hot plan's overspend between regions (accuracy.py's bound, at its burst and
# rate), a 1/N share on each sub-bucket, then one take.
hot_split_overshoot = count(overshoot_between_regions(hot_split_burst_tokens, hot_split_limit_per_minute / 60))
# A new tag set switches a few pulls after it is published, so a gateway that missed the push and
# some pulls (the rules service down for minutes) still switches with the others.
tag_switch_lead = duration(rules_pull_period * tag_switch_lead_pulls)
# A failover or a rebalance that moves a tag's primary to another zone can leave a zone with no tag.
# The rules service reads the shard map every interval (as the exchanger does) and publishes a
# re-picked set, which switches tag_switch_lead later: that long, at most, a zone goes without a tag
# (longer only if the move left the zone with no primary at all, until the rebalance puts one back).
split_uncovered_zone_window = duration(region_sync_interval + tag_switch_lead)
hot_split_retry_after_in_debt_seconds = count(
    split_retry_after_in_debt(hot_split_overshoot, token_batch, hot_split_seconds_per_token)
)
# The longest wait a refused one-token request is told, splits the rules service accepts included, while
# reports arrive on time.
longest_one_token_retry_after_seconds = count(max(retry_after_in_debt_seconds, hot_split_retry_after_in_debt_seconds))
# The same after a report held for the longest hold, and after an exchanger's takeover, the largest
# delay the design accepts (rate_limiter_accuracy), the hot plan's debt growing likewise.
_hot_held_overshoot = overshoot_between_regions(
    hot_split_burst_tokens, hot_split_limit_per_minute / 60, held_report_delay
)
_hot_takeover_overshoot = overshoot_between_regions(
    hot_split_burst_tokens, hot_split_limit_per_minute / 60, takeover_report_delay_bound
)
held_longest_one_token_retry_after_seconds = count(
    max(
        held_retry_after_in_debt_seconds,
        split_retry_after_in_debt(_hot_held_overshoot, token_batch, hot_split_seconds_per_token),
    )
)
takeover_longest_one_token_retry_after_seconds = count(
    max(
        takeover_retry_after_in_debt_seconds,
        split_retry_after_in_debt(_hot_takeover_overshoot, token_batch, hot_split_seconds_per_token),
    )
)

# The same in the share state (regions cut apart, or a shard's counts dropped at the hold's cap): a
# shared key's bucket, or each sub-bucket of a split one, refills at its region's share of the rate and
# holds that share of the debt (rate_limiter_accuracy), slowest at the floor: the debt's wait is the
# normal state's, and the take's own tokens come back at the floor's rate.
_share_seconds_per_token = seconds_per_token / share_floor
_hot_share_seconds_per_token = hot_split_seconds_per_token / share_floor
share_longest_one_token_retry_after_seconds = count(
    max(
        share_retry_after_in_debt_seconds,
        split_retry_after_in_debt(hot_split_overshoot * share_floor, token_batch, _hot_share_seconds_per_token),
    )
)
held_share_longest_one_token_retry_after_seconds = count(
    max(
        held_share_retry_after_in_debt_seconds,
        split_retry_after_in_debt(_hot_held_overshoot * share_floor, token_batch, _hot_share_seconds_per_token),
    )
)
takeover_share_longest_one_token_retry_after_seconds = count(
    max(
        takeover_share_retry_after_in_debt_seconds,
        split_retry_after_in_debt(_hot_takeover_overshoot * share_floor, token_batch, _hot_share_seconds_per_token),
    )
)
assert takeover_share_longest_one_token_retry_after_seconds >= max(
    share_longest_one_token_retry_after_seconds,
    held_share_longest_one_token_retry_after_seconds,
    takeover_longest_one_token_retry_after_seconds,
)
# The costliest take a split key serves in the share state: a sub-bucket's floor share of the burst.
split_share_largest_cost = count(math.floor(burst_allowance * share_floor / split_example_tags))
hot_split_share_largest_cost = count(math.floor(hot_split_burst_tokens * share_floor / split_example_tags))
# A large plan's key against its shard: its checks a second, unbatched, over one shard's scripts.
large_key_shard_share = fraction(large_plan_limit_per_minute / 60 / scripts_per_shard)

# --- Gateways: stateless, so they carry the peak with a zone gone ------------------------------
# Each region runs its own gateways, built alike to the busiest region's share of the peak, and a zone
# belongs to one region: a lost zone's load moves to the other zones of its region, never to another
# region's gateways.
# A refused request still costs the gateway TLS records on Envoy's connections, authentication and rule
# matching (counted here at a whole request's CPU, since proxying is the small part), and a runaway
# client's flood lands on the gateways of whichever region it reaches: every region is sized for its
# peak plus one flood.
region_gateway_load_peak = peak(region_checks_per_second_peak + flood_requests_per_second)
zone_headroom = zone_loss_headroom(zones)
# Pooled across a region's zones, the headroom would ask for this many; but servers sit in zones.
gateways_per_region_pooled = count(math.ceil(region_gateway_load_peak * zone_headroom / gateway_requests_per_server))
# Whole servers in each zone, enough that the zones left carry the region's whole load, and never
# fewer than two in a zone, so that one server lost is not the zone lost.
gateways_per_zone = count(
    max(math.ceil(region_gateway_load_peak / zones * zone_headroom / gateway_requests_per_server), 2)
)
gateways_per_region = count(gateways_per_zone * zones)
gateway_servers = count(gateways_per_region * regions)
gateway_minimum = count(2 * zones * regions)
# The L7 balancer in front of the gateways (step 5) carries every request the gateways do: the region's
# peak plus one flood, all of it through the zones left when one is lost. The NLB sends a client's
# connections to the zone its DNS answer names, so the flood is not spread: one zone left takes its half of
# the peak and the whole flood.
balancer_requests_per_second = peak(region_gateway_load_peak)
balancer_per_zone_with_zone_lost = peak(region_checks_per_second_peak / (zones - 1) + flood_requests_per_second)
# The Envoy tier ends each client's TLS and HTTP/2 and routes the request: its nodes in a zone carry the
# zone's share with one zone lost, on the site's server, never fewer than two.
balancer_requests_per_node = throughput(cores * target_utilization / balancer_cpu_per_request)
balancer_nodes_per_zone = count(max(math.ceil(balancer_per_zone_with_zone_lost / balancer_requests_per_node), 2))
# The flood's zone runs its nodes this close to their target: little margin, so the tier is the first thing
# to grow if the flood assumed grows.
balancer_flood_zone_load_share = fraction(
    balancer_per_zone_with_zone_lost / (balancer_nodes_per_zone * balancer_requests_per_node)
)
balancer_nodes_per_region = count(balancer_nodes_per_zone * zones)
balancer_nodes = count(balancer_nodes_per_region * regions)
# Spreading each client's requests over every gateway of the region, in all its zones, sends the share in
# other zones than the balancer's node across a zone. The alternative step 5 weighs, zone-local balancing,
# still makes a hop, to a gateway in the node's own zone, so what the spread adds is the difference: a
# cross-zone round trip instead of an in-zone one on that share of requests, on average this much a request.
balancer_cross_zone_share = fraction((zones - 1) / zones)
balancer_cross_zone_added_latency = duration(balancer_cross_zone_share * (cross_zone_round_trip - in_zone_round_trip))
# At the 99th percentile at most the p99s' difference, a bound. The spread serves only the
# backstop (step 5): a cost of the design, beyond the check's budget.
assert in_zone_round_trip_p99 <= cross_zone_round_trip_p99
balancer_cross_zone_added_latency_p99 = duration(cross_zone_round_trip_p99 - in_zone_round_trip_p99)
# The spread's bill: every request and response byte of the share sent across a zone pays the cross-zone
# price out of one zone and again into the other, billed per GB of 2^30 bytes (the site's rule for cloud
# bills), over an average month, a twelfth of a year (SECONDS_PER_MONTH, the site's month for bills). The
# checks' own bytes cross zones whatever the balancer does.
BILL_DAYS_PER_MONTH = SECONDS_PER_MONTH / SECONDS_PER_DAY
_cross_zone_requests_per_day = api_requests_per_day * balancer_cross_zone_share
balancer_cross_zone_bytes_per_day = size_per_day(_cross_zone_requests_per_day * api_bytes_per_request)
balancer_cross_zone_cost_per_month = count(
    balancer_cross_zone_bytes_per_day * BILL_DAYS_PER_MONTH / GiB * cross_zone_price_per_gb * 2
)
# What the design adds in all, the check and the spread's extra: on average; where hop and check both cross
# zones, at the typical round trips; and at p99, the check's budget and the spread's p99 (all but the slowest).
design_added_latency_average = duration(added_latency_average + balancer_cross_zone_added_latency)
design_both_cross_share = fraction(balancer_cross_zone_share * (zones - 1) / zones)
design_added_latency_both_cross = duration(cross_zone_round_trip + (cross_zone_round_trip - in_zone_round_trip))
design_added_latency_p99_both = duration(added_latency_budget + balancer_cross_zone_added_latency_p99)

# The gateway's breaker on a shard (step 7). At the busiest region's peak each gateway sends each shard this
# many checks a second. Under the rule turned down, a count of timeouts in a row, a stall of the shard a
# little longer than the check's timeout opened it: the first check of the stall times out, and the next
# ones, sent while the shard is still stalled, come at this rate. So every gateway's breaker on the shard
# opened at once on any stall this long, at peak, and longer off-peak.
_gateway_share_peak = region_checks_per_second_peak / gateways_per_region
gateway_shard_checks_per_second_peak = peak(_gateway_share_peak / store_shards_per_region)
breaker_trip_stall_peak = duration(check_timeout + (store_breaker_timeouts - 1) / gateway_shard_checks_per_second_peak)
# The rule chosen opens it once at least a share of the checks in a sliding window timed out, the window
# holding at least store_breaker_min_checks: a check sent during a stall times out when the stall outlasts it
# by the timeout, so the window's share is reached by a stall of this long, and a dead shard opens the
# breaker in about that.
assert gateway_shard_checks_per_second_peak * store_breaker_window >= store_breaker_min_checks
breaker_trip_stall_window_rule = duration(check_timeout + store_breaker_failure_share * store_breaker_window)

# Adding a shard moves hash slots to it (step 7). On the legacy migration a slot's keys sit partly on
# each node while it moves, and a missing key counts as moved, so most checks (whose shared mark and
# delta do not exist) get TRYAGAIN for the whole move and apply on_store_down. A check whose keys all
# exist and have all left gets ASK and is sent again, a second round trip to a primary most likely in
# another zone. Only the keys of the slots in flight are touched: a slot holds about this share of them.
slot_move_retry_latency = duration(2 * cross_zone_round_trip)
slot_share_of_keys = fraction(1 / cluster_hash_slots)

# A set per hash slot, the alternative step 6 turns down (the gateways send the exchanger the shared keys'
# names instead), would cost one read a slot each interval; not a load of the design, so not in the shards.
slot_set_reads_per_second = per_second(cluster_hash_slots / region_sync_interval)

# --- A runaway client: every request is a check on the one shard that holds its bucket --------
flood_over_shard = times(flood_requests_per_second / scripts_per_shard)
# A refusal is cached in each gateway until the tokens it lacked can be back (step 6): for a one-token
# request, the next token. So each gateway asks once per token's refill, sooner than Retry-After,
# which is rounded up to whole seconds.
# A shard sees only its own region's gateways, so a flood on one region reaches its shard this often;
# the total over every region's gateways (a flood spraying every region, each region's shard its own
# share) is the second figure.
flood_checks_with_deny_cache_per_shard = peak(gateways_per_region / seconds_per_token)
flood_checks_with_deny_cache = peak(gateway_servers / seconds_per_token)
# The whole store down (or a shard's circuit breaker open): failing open forwards a runaway client's
# flood to the API services, on top of the busiest region's peak, once its cached refusals run out.
store_down_flood_share_of_region_peak = fraction(flood_requests_per_second / region_checks_per_second_peak)
# The backstop (step 1): meanwhile each gateway checks ordinary rules against a token bucket in its own
# memory, at the rule's own limit and burst. A client whose requests all reach one gateway gets its
# whole limit, so no client within its limit is refused for the outage; a flood spread over every
# gateway of a region gets every gateway's rate, and every gateway's burst once:
store_down_local_max_per_second = peak(gateways_per_region * limit_per_minute / window_seconds)
store_down_local_max_burst = count(gateways_per_region * burst_allowance)
store_down_local_overshoot = times(gateways_per_region)
store_down_flood_stopped_share = fraction(1 - store_down_local_max_per_second / flood_requests_per_second)
# Those figures are the default plan's. On a large plan the rule's own limit and burst in every gateway
# would let a runaway large key through at every gateway's rate, a good part of the flood itself:
store_down_large_unscaled_max_per_second = peak(gateways_per_region * large_plan_limit_per_minute / window_seconds)
store_down_large_unscaled_flood_share = fraction(store_down_large_unscaled_max_per_second / flood_requests_per_second)
store_down_large_unscaled_max_burst = count(gateways_per_region * large_plan_limit_per_minute * large_plan_burst_share)
# So each gateway's bucket for a key is min(L, max(factor x L / gateways, floor)) a minute, L the key's
# effective limit (its override's, if it has one; for a listed shared address, the rule's limit_shared;
# else the rule's), its burst scaled by the same ratio.
# The floor is what a large-plan key gets in each gateway at the factor: factor x large plan / gateways.
# At or below the floor a key keeps its own limit in every gateway (the default plan's among them); from
# the floor up to gateways / factor times it (the large plan) each gateway gives the floor; above that,
# the factor times the limit divided among the gateways. The bucket never drops as the limit rises, so a
# key just above the floor keeps nearly all of it on one gateway (a threshold, below it the whole limit
# and above it factor / gateways of it, would cut a 5,001-a-minute key's bucket twelvefold), and a
# runaway key up to the large plan gets at most every gateway's floor in a region, factor x L above it.
# The choice goes by the limit, not by the rule's batch, so an override is scaled like a plan.
# The cost: a key above the floor whose requests land on few gateways is refused below its limit while
# the store is down, down to floor / L on a single gateway (factor / gateways for a key at the large
# plan or above).
store_down_large_local_factor = times(2)
store_down_scale_above_per_minute = count(
    store_down_large_local_factor * large_plan_limit_per_minute / gateways_per_region
)


def store_down_gateway_limit_per_minute(limit: float) -> float:
    """The local bucket's rate a minute in each gateway, while the store is down, for a key of this limit."""
    return min(
        limit, max(store_down_large_local_factor * limit / gateways_per_region, store_down_scale_above_per_minute)
    )


store_down_proportional_above_per_minute = count(
    store_down_scale_above_per_minute * gateways_per_region / store_down_large_local_factor
)
_large_gateway_limit = store_down_gateway_limit_per_minute(large_plan_limit_per_minute)
store_down_large_local_per_gateway = peak(_large_gateway_limit / window_seconds)
store_down_large_max_per_second = peak(gateways_per_region * _large_gateway_limit / window_seconds)
store_down_large_max_burst = count(gateways_per_region * _large_gateway_limit * large_plan_burst_share)
store_down_large_flood_stopped_share = fraction(1 - store_down_large_max_per_second / flood_requests_per_second)
store_down_large_share_of_region_peak = fraction(store_down_large_max_per_second / region_checks_per_second_peak)
store_down_large_one_gateway_share = fraction(_large_gateway_limit / large_plan_limit_per_minute)
# A key just above the floor, on one gateway, keeps most of its limit; runaway over every gateway, it
# gets the same at most as a large-plan key, which is many times its own limit (the backstop holds the
# flood, not the limit).
_mid_gateway_limit = store_down_gateway_limit_per_minute(store_down_example_mid_limit_per_minute)
store_down_mid_one_gateway_share = fraction(_mid_gateway_limit / store_down_example_mid_limit_per_minute)
store_down_mid_max_per_second = peak(gateways_per_region * _mid_gateway_limit / window_seconds)
store_down_mid_overshoot = times(gateways_per_region * _mid_gateway_limit / store_down_example_mid_limit_per_minute)
store_down_default_share_of_region_peak = fraction(store_down_local_max_per_second / region_checks_per_second_peak)
# The alternative step 5 weighs: a balancer that keeps each request in its own zone (no cross-zone hop), so
# a client whose connections reach one zone's balancer nodes meets that zone's gateways only. With the
# backstop as it is (scaled to the region's gateways) a large-plan key seen in one zone keeps only
# gateways_per_zone of its gateways' buckets. With a backstop scaled to the zone's gateways instead, the
# floor and the share are each gateways_per_region / gateways_per_zone times larger, and a runaway key
# whose connections reach every zone's balancer meets every gateway of the region at that size.
zone_local_region_backstop_one_zone_share = fraction(
    gateways_per_zone * _large_gateway_limit / large_plan_limit_per_minute
)
_zone_gateway_large_limit = store_down_large_local_factor * large_plan_limit_per_minute / gateways_per_zone
zone_local_large_local_per_gateway = peak(_zone_gateway_large_limit / window_seconds)
zone_local_large_max_per_second = peak(gateways_per_region * _zone_gateway_large_limit / window_seconds)
zone_local_large_flood_stopped_share = fraction(1 - zone_local_large_max_per_second / flood_requests_per_second)
zone_local_large_share_of_region_peak = fraction(zone_local_large_max_per_second / region_checks_per_second_peak)
# On a split key the cache is per tag: a gateway refuses from memory only when every tag a request
# would try (its two tries) is known empty, and skips a try it knows empty, so it refuses only what
# the store would have. Each tag's entry lasts until a take of token_batch tokens can be back on its
# sub-bucket (the hot plan's, which the design splits); when it runs out, the next request that would
# try that tag asks the store once. So each gateway asks each tag once a wait: N operations a wait,
# one on each of the key's shards.
_split_take_wait = token_batch * split_example_tags * hot_split_seconds_per_token
split_key_flood_checks_region = peak(gateways_per_region * split_example_tags / _split_take_wait)
split_key_flood_checks_per_shard = peak(gateways_per_region / _split_take_wait)
split_key_flood_checks_with_deny_cache = peak(gateway_servers * split_example_tags / _split_take_wait)

# --- Local batches of tokens: worst case, a client holds a batch in every gateway -------------
batching_overshoot = count(gateway_servers * token_batch)
batching_overshoot_default = times(batching_overshoot / limit_per_minute)
batching_overshoot_large = fraction(batching_overshoot / large_plan_limit_per_minute)

# --- A lost zone: the shards whose primaries it held wait for their replicas ------------------
# A zone belongs to one region, and each region runs its own gateways and store. Primaries are whole
# shards, spread as evenly as they go over the region's zones, so the worst zone to lose holds
# ceil(shards / zones) of them, not shards / zones: with 5 shards over 3 zones, 2/2/1, and losing a
# zone with 2 takes 2/5 of the region's clients (keys hash evenly over shards). The busiest region
# holds half the world's.
primaries_in_worst_zone = count(math.ceil(store_shards_per_region / zones))
zone_loss_clients_share = fraction(primaries_in_worst_zone / store_shards_per_region)
zone_loss_clients_share_of_all = fraction(largest_region_peak_share * zone_loss_clients_share)
zone_even_clients_share = fraction(1 / zones)
# A bound: the region's whole peak over the failover; fewer arrive, as the lost zone's address reaches no node.
zone_loss_unchecked_requests = count(
    region_checks_per_second_peak * zone_loss_clients_share * (failover_time + failover_election)
)
# That layout is an operating rule, not a given: Redis Cluster leaves a promoted replica primary, and a
# returning node rejoins as a replica. A replica is promoted only with the votes of a majority of the
# primaries, so losing a zone must leave a majority of them standing.
primaries_majority = count(store_shards_per_region // 2 + 1)
primaries_left_after_worst_zone = count(store_shards_per_region - primaries_in_worst_zone)
# Without rebalancing, after one zone is lost and comes back, the other zones hold all the primaries,
# one of them at least half rounded up. Losing that zone next leaves the rest; if they are short of a
# majority, no replica is promoted, and the primaries left stop answering too: a Redis Cluster node
# that reaches fewer than a majority of the primaries marks the cluster failed and refuses every
# query. The whole region's store is then down, not just the lost zone's share.
unbalanced_worst_zone_primaries = count(math.ceil(store_shards_per_region / (zones - 1)))
unbalanced_primaries_left = count(store_shards_per_region - unbalanced_worst_zone_primaries)
unbalanced_zone_loss_clients_share = fraction(
    1 if unbalanced_primaries_left < primaries_majority else unbalanced_worst_zone_primaries / store_shards_per_region
)

if __name__ != "rate_limiter_servers":
    print(
        markdown_table(
            ("Tier", "Sized by", "Count"),
            [
                (
                    "Counter-store shards in a region",
                    f"({region_checks_per_second_peak} checks + {region_exchange_ops_peak} exchange) in the busiest "
                    f"region at peak ÷ ({scripts_per_shard} × {shard_target_utilization}), rounded up",
                    store_shards_per_region,
                ),
                (
                    "Counter-store shards, all regions",
                    f"{store_shards_per_region} a region × {regions} regions, built alike",
                    store_shards,
                ),
                ("Counter-store processes, all regions", "a primary and a replica per shard", store_processes),
                (
                    "Gateway servers in a zone",
                    f"({region_checks_per_second_peak} in the busiest region at peak "
                    f"+ {flood_requests_per_second} flood) "
                    f"÷ {zones} zones × {zone_headroom} zone headroom ÷ {gateway_requests_per_server}, "
                    "rounded up, at least 2",
                    gateways_per_zone,
                ),
                ("Gateway servers in a region", f"{gateways_per_zone} a zone × {zones} zones", gateways_per_region),
                (
                    "Gateway servers, all regions",
                    f"{gateways_per_region} a region × {regions} regions",
                    gateway_servers,
                ),
                (
                    "Envoy nodes in a zone",
                    f"{balancer_per_zone_with_zone_lost} in the zone a flood lands in, one lost "
                    f"÷ {balancer_requests_per_node}, rounded up, at least 2",
                    balancer_nodes_per_zone,
                ),
                (
                    "Envoy nodes in a region",
                    f"{balancer_nodes_per_zone} a zone × {zones} zones",
                    balancer_nodes_per_region,
                ),
                (
                    "Envoy nodes, all regions",
                    f"{balancer_nodes_per_region} a region × {regions} regions",
                    balancer_nodes,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("The busiest region's peak, checks", region_checks_per_second_peak),
                ("... with one runaway client's flood on its gateways", region_gateway_load_peak),
                ("... exchange operations on its store, at most", region_exchange_ops_peak),
                ("... store operations in all", region_store_ops_peak),
                ("Shards the whole peak would need in one pool (the estimator's model)", store_shards_pooled),
                ("Gateways a region would need if servers were not tied to zones", gateways_per_region_pooled),
                ("Fewest gateways, two in each zone of every region", gateway_minimum),
                (
                    "Requests the L7 balancer carries a second, busiest region with a flood",
                    balancer_requests_per_second,
                ),
                ("... in the zone left that takes the flood, one zone lost", balancer_per_zone_with_zone_lost),
                ("... requests an Envoy node carries a second", balancer_requests_per_node),
                ("... the flood's zone's nodes, share of their target", balancer_flood_zone_load_share),
                ("... share it sends to a gateway in another zone", balancer_cross_zone_share),
                (
                    "... what that adds over a hop in the zone, on average",
                    balancer_cross_zone_added_latency,
                ),
                (
                    "... and at the 99th percentile, at most the round trips' difference",
                    balancer_cross_zone_added_latency_p99,
                ),
                ("... bytes it sends across a zone a day", balancer_cross_zone_bytes_per_day),
                ("... their price a month, US dollars, both ways", balancer_cross_zone_cost_per_month),
                ("The limiter's design in all (check, spread's extra), on average", design_added_latency_average),
                ("... share of requests whose hop and check both cross zones", design_both_cross_share),
                ("... which add, at the typical round trips", design_added_latency_both_cross),
                ("... at the 99th percentile, the check's budget", design_added_latency_p99_both),
                (
                    "Zone-local balancing, backstop as it is: a large-plan key seen in one zone keeps",
                    zone_local_region_backstop_one_zone_share,
                ),
                (
                    "... backstop scaled to the zone's gateways: a large key's rate in each",
                    zone_local_large_local_per_gateway,
                ),
                ("... a runaway large key over every zone", zone_local_large_max_per_second),
                ("... share of the flood stopped", zone_local_large_flood_stopped_share),
                ("... on top of the busiest region's peak", zone_local_large_share_of_region_peak),
                ("A shard's utilization at peak, busiest region", shard_utilization_at_peak),
                ("Checks a gateway sends each shard, busiest region at peak", gateway_shard_checks_per_second_peak),
                (
                    f"... a stall that opened every gateway's breaker, {store_breaker_timeouts} timeouts in a row",
                    breaker_trip_stall_peak,
                ),
                ("... a stall that opens it, a share of a window's checks", breaker_trip_stall_window_rule),
                (
                    "Share of checks from shared clients that fills the busiest region's shards to half",
                    shared_check_share_at_ceiling,
                ),
                ("Memory per shard, busiest region, every client of the day", memory_per_shard),
                ("Most tags a hot key splits over: a region's shards", store_shards_per_region),
                (
                    "... exchange writes one split key adds beyond the bound, all regions, at most",
                    split_key_extra_exchange_ops_peak,
                ),
                ("Smallest sub-bucket a split may have (a token over the floor), tokens", split_example_tokens_each),
                ("... its burst over a region's shards, and as many requests at once", split_example_burst),
                ("... requests served, one random tag each, on average", split_burst_served_random),
                ("... chance of a refusal while other sub-buckets hold tokens", split_burst_refused_early_random),
                ("... served, a refusal retried once on another tag", split_burst_served_retry_once),
                ("... chance of an early refusal even so", split_burst_refused_early_retry_once),
                ("... served, every tag tried before a refusal", split_burst_served_every_tag),
                ("... which a refusal pays in round trips in sequence, at worst", split_every_tag_refusal_latency),
                ("... two tries on random tags, at worst", split_retry_once_latency),
                ("... every tag's level read in parallel, then a take: every check", split_read_then_take_latency),
                (
                    "The decision: two tries at most, one in the gateway's zone: served of the burst",
                    split_burst_served_two_tries,
                ),
                ("... chance of an early refusal", split_burst_refused_early_two_tries),
                ("... store operations for the burst's requests, on average", split_burst_ops_two_tries),
                ("... latency added, one cross-zone and one in-zone trip, typical", split_two_tries_latency),
                ("... at the 99th percentile of both, the whole budget", split_two_tries_latency_p99),
                (
                    "... from a zone a moved primary left with no tag, both tries across zones",
                    split_uncovered_zone_latency,
                ),
                ("... until the re-picked tags switch, at most", split_uncovered_zone_window),
                ("Any two cross-zone trips in sequence, each at its 99th percentile", two_cross_zone_trips_p99),
                (
                    f"The smallest key one would split: {hot_split_limit_per_minute} a minute, burst of "
                    f"{hot_split_burst_tokens} tokens (assumed), in takes of {token_batch}: takes a sub-bucket",
                    hot_split_takes_each,
                ),
                ("... takes a second at its limit", hot_split_takes_per_second),
                (
                    f"... a client at {split_simulation_load} of it ({split_simulated_takes_per_second}), run for",
                    split_simulated_minutes,
                ),
                ("... store operations per allowed take", split_ops_per_allowed_at_load),
                (
                    "... allowed takes that needed the second try (two significant figures)",
                    split_second_try_share_at_load,
                ),
                ("... takes refused (two significant figures)", split_refused_share_at_load),
                ("... of which any split or none must refuse, sending over the limit", split_refused_share_floor),
                ("... store operations per take, before the refusal cache", split_ops_per_request_at_load),
                (
                    "... at exactly its limit, traffic the whole bucket needs to forget a full start",
                    split_mixing_at_limit,
                ),
                ("... Retry-After of a refused take, seconds, rounded up", hot_split_retry_after_seconds),
                ("... its overspend between regions, tokens, at most", hot_split_overshoot),
                ("... Retry-After of a take, sub-bucket in debt, seconds", hot_split_retry_after_in_debt_seconds),
                (
                    "Longest Retry-After of a one-token request, split keys included",
                    longest_one_token_retry_after_seconds,
                ),
                (
                    "... while a shard's counts are held for the longest hold",
                    held_longest_one_token_retry_after_seconds,
                ),
                ("... after an exchanger's takeover", takeover_longest_one_token_retry_after_seconds),
                ("... in the share state (a cut, or a dropped hold)", share_longest_one_token_retry_after_seconds),
                ("... and with the debt of a held report", held_share_longest_one_token_retry_after_seconds),
                ("... and with a takeover's debt (the longest)", takeover_share_longest_one_token_retry_after_seconds),
                ("Costliest take a default-plan key split so would serve in the share state", split_share_largest_cost),
                ("... and on the smallest key one would split (tokens)", hot_split_share_largest_cost),
                ("A large plan's key, unbatched, against one shard's capacity", large_key_shard_share),
                ("A runaway client against one shard's capacity", flood_over_shard),
                (
                    "... its checks at its shard with refusals cached (its region's gateways)",
                    flood_checks_with_deny_cache_per_shard,
                ),
                ("... at every region's shards together, spraying every region", flood_checks_with_deny_cache),
                (
                    "... on a split key: refusals cached per tag, each until a take can be back there, one region",
                    split_key_flood_checks_region,
                ),
                ("... on each of its shards", split_key_flood_checks_per_shard),
                ("... every region's together, spraying every region", split_key_flood_checks_with_deny_cache),
                (
                    "The whole store down, failing open: one flood on top of the busiest region's peak",
                    store_down_flood_share_of_region_peak,
                ),
                (
                    "... with a local bucket in each gateway (the rule's limit and burst): the flood let through",
                    store_down_local_max_per_second,
                ),
                ("... and every gateway's burst, once", store_down_local_max_burst),
                ("... so a client on every gateway of a region gets, against its limit", store_down_local_overshoot),
                ("... and the share of the flood stopped", store_down_flood_stopped_share),
                (
                    "... on the default plan, on top of the busiest region's peak",
                    store_down_default_share_of_region_peak,
                ),
                (
                    "A large plan's key at its own limit and burst in every gateway: the flood let through",
                    store_down_large_unscaled_max_per_second,
                ),
                ("... against the flood", store_down_large_unscaled_flood_share),
                ("... and every gateway's burst, once", store_down_large_unscaled_max_burst),
                (
                    "Keys above the floor: the limit times this, divided among a region's gateways, at least the floor",
                    store_down_large_local_factor,
                ),
                ("... each gateway's rate for a large key", store_down_large_local_per_gateway),
                ("... a runaway large key, over every gateway of a region", store_down_large_max_per_second),
                ("... and every gateway's burst, once", store_down_large_max_burst),
                ("... so the share of the flood stopped", store_down_large_flood_stopped_share),
                ("... on top of the busiest region's peak", store_down_large_share_of_region_peak),
                ("... what a large key on a single gateway gets of its limit", store_down_large_one_gateway_share),
                (
                    "A key's bucket in each gateway: its own limit up to this a minute, then at least this",
                    store_down_scale_above_per_minute,
                ),
                (
                    "... and the factor's share of its limit above this a minute",
                    store_down_proportional_above_per_minute,
                ),
                ("... a key of this limit a minute (an example override)", store_down_example_mid_limit_per_minute),
                ("... keeps this of it on a single gateway", store_down_mid_one_gateway_share),
                ("... and runaway over every gateway of a region gets", store_down_mid_max_per_second),
                ("... against its limit", store_down_mid_overshoot),
                (
                    "A set per hash slot (turned down, step 6): reads a region would make a second",
                    slot_set_reads_per_second,
                ),
                (
                    "A shard added, legacy slot migration: a check sent again after ASK",
                    slot_move_retry_latency,
                ),
                ("... share of a region's keys in one moving slot", slot_share_of_keys),
                ("Batching: most tokens one client can hold unspent or overspend", batching_overshoot),
                ("... against the default plan's minute", batching_overshoot_default),
                ("... against a large plan's minute", batching_overshoot_large),
                ("Zone lost: primaries it held, at most, of a region's shards", primaries_in_worst_zone),
                ("... share of its region's clients whose shard fails over", zone_loss_clients_share),
                ("... share of all clients, busiest region", zone_loss_clients_share_of_all),
                ("... against an even share of the zones", zone_even_clients_share),
                (
                    "... requests checked only by the gateways' local buckets meanwhile, busiest region's peak, up to",
                    zone_loss_unchecked_requests,
                ),
                ("... primaries left, still a majority", primaries_left_after_worst_zone),
                ("Majority of a region's primaries, which a replica's promotion needs", primaries_majority),
                (
                    "Not rebalanced after a zone comes back: primaries in the fullest zone, at least",
                    unbalanced_worst_zone_primaries,
                ),
                ("... share of the region's clients that losing it takes", unbalanced_zone_loss_clients_share),
                ("... primaries left, short of a majority", unbalanced_primaries_left),
            ],
        )
    )
