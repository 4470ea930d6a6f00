"""Rate limiter worked example: counter-store shards and gateway servers for the peak, and what a
runaway client, local batches and a lost zone do to them."""

import math
from collections import defaultdict
from fractions import Fraction

from rate_limiter_accuracy import retry_after_seconds
from rate_limiter_assumptions import (
    burst_allowance,
    failover_time,
    flood_requests_per_second,
    gateway_requests_per_server,
    kv_gets_per_process,
    large_plan_limit_per_minute,
    largest_region_peak_share,
    limit_per_minute,
    region_sync_interval,
    regions,
    script_cost_in_gets,
    shard_target_utilization,
    shared_check_share,
    store_copies,
    token_batch,
    zones,
)
from rate_limiter_state import token_bucket_memory
from rate_limiter_traffic import checks_per_second_peak, store_ops_per_second_peak

from sdw.estimation import count, fraction, markdown_table, peak, size, throughput, times

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
# some sub-buckets empty while others still hold tokens. Exact expectation over every sequence of
# picks (a small dynamic program over the sub-buckets' levels, no refill within the burst): a burst
# of as many requests as the whole burst's tokens, each request trying `tries` distinct tags before
# it is refused. Returns the requests served on average and the chance that at least one is refused.
def split_key_burst(tags: int, tokens_each: int, requests: int, tries: int) -> tuple[float, float]:
    states = {tuple([tokens_each] * tags): Fraction(1)}
    served = Fraction(0)
    for _ in range(requests):
        after: defaultdict[tuple[int, ...], Fraction] = defaultdict(Fraction)
        for levels, p in states.items():
            empty = levels.count(0)
            # Tags are tried in a random order, none twice. The chance that the first k tried were all
            # empty is p_empty_so_far; the next is then any of the tags - k left, each equally likely.
            p_empty_so_far = Fraction(1)
            for k in range(min(tries, tags)):
                for i, level in enumerate(levels):
                    if level > 0:
                        q = p * p_empty_so_far / (tags - k)
                        after[tuple(sorted((*levels[:i], level - 1, *levels[i + 1 :])))] += q
                        served += q
                p_empty_so_far *= Fraction(max(empty - k, 0), tags - k)
            if p_empty_so_far:
                after[levels] += p * p_empty_so_far  # refused: nothing taken
        states = after
    p_every_token_spent = states.get(tuple([0] * tags), Fraction(0))
    return float(served), float(1 - p_every_token_spent)


split_example_tags = store_shards_per_region
split_example_tokens_each = count(burst_allowance / split_example_tags)
_random, _retry_once, _every_tag = (
    split_key_burst(int(split_example_tags), int(split_example_tokens_each), int(burst_allowance), tries)
    for tries in (1, 2, int(split_example_tags))
)
split_burst_served_random = count(_random[0])
split_burst_refused_early_random = fraction(_random[1])
split_burst_served_retry_once = count(_retry_once[0])
split_burst_refused_early_retry_once = fraction(_retry_once[1])
split_burst_served_every_tag = count(_every_tag[0])

# --- Gateways: stateless, so they carry the peak with a zone gone ------------------------------
# Each region runs its own gateways, built alike to the busiest region's share of the peak, and a zone
# belongs to one region: a lost zone's load moves to the other zones of its region, never to another
# region's gateways.
# A refused request still costs the gateway TLS, authentication and rule matching (counted here at a
# whole request's CPU, since proxying is the small part), and a runaway client's flood lands on the
# gateways of whichever region it reaches: every region is sized for its peak plus one flood.
region_gateway_load_peak = peak(region_checks_per_second_peak + flood_requests_per_second)
zone_headroom = times(zones / (zones - 1))
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

# --- A runaway client: every request is a check on the one shard that holds its bucket --------
flood_over_shard = times(flood_requests_per_second / scripts_per_shard)
# With a refusal cached in each gateway until Retry-After, each gateway asks once per wait.
flood_checks_with_deny_cache = peak(gateway_servers / retry_after_seconds)
# Trying every tag before refusing costs up to N operations for a refused request, and only then: the
# refusal is cached. A runaway client on a split key then costs the store N times the cached-refusal
# checks of one key.
split_key_flood_checks_with_deny_cache = peak(flood_checks_with_deny_cache * split_example_tags)

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
zone_loss_unchecked_requests = count(region_checks_per_second_peak * zone_loss_clients_share * failover_time)

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
                ("A shard's utilization at peak, busiest region", shard_utilization_at_peak),
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
                (
                    f"A burst of the default plan's {burst_allowance} on a key split over a region's shards: "
                    "tokens a sub-bucket",
                    split_example_tokens_each,
                ),
                ("... requests served, one random tag each, on average", split_burst_served_random),
                ("... chance of a refusal while other sub-buckets hold tokens", split_burst_refused_early_random),
                ("... served, a refusal retried once on another tag", split_burst_served_retry_once),
                ("... chance of an early refusal even so", split_burst_refused_early_retry_once),
                ("... served, every tag tried before a refusal", split_burst_served_every_tag),
                ("A runaway client against one shard's capacity", flood_over_shard),
                ("... its checks at the store with refusals cached, at peak", flood_checks_with_deny_cache),
                ("... on a split key whose refusals try every tag, at peak", split_key_flood_checks_with_deny_cache),
                ("Batching: most tokens one client can hold unspent or overspend", batching_overshoot),
                ("... against the default plan's minute", batching_overshoot_default),
                ("... against a large plan's minute", batching_overshoot_large),
                ("Zone lost: primaries it held, at most, of a region's shards", primaries_in_worst_zone),
                ("... share of its region's clients whose shard fails over", zone_loss_clients_share),
                ("... share of all clients, busiest region", zone_loss_clients_share_of_all),
                (
                    "... requests let through unchecked meanwhile, at the busiest region's peak",
                    zone_loss_unchecked_requests,
                ),
            ],
        )
    )
