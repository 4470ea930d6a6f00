"""Rate limiter worked example: counter-store shards and gateway servers for the peak, and what a
runaway client, local batches and a lost zone do to them."""

import math

from rate_limiter_accuracy import retry_after_seconds
from rate_limiter_assumptions import (
    failover_time,
    flood_requests_per_second,
    gateway_requests_per_server,
    kv_gets_per_process,
    large_plan_limit_per_minute,
    limit_per_minute,
    regions,
    script_cost_in_gets,
    shard_target_utilization,
    store_copies,
    token_batch,
    zones,
)
from rate_limiter_state import token_bucket_memory
from rate_limiter_traffic import checks_per_second_peak

from sdw.estimation import count, fraction, markdown_table, peak, size, throughput, times

# --- The counter store: one single-threaded process per shard ---------------------------------
scripts_per_shard = throughput(kv_gets_per_process / script_cost_in_gets)
store_shards = count(math.ceil(checks_per_second_peak / (scripts_per_shard * shard_target_utilization)))
store_processes = count(store_shards * store_copies)
shard_utilization_at_peak = fraction(checks_per_second_peak / store_shards / scripts_per_shard)
memory_per_shard = size(token_bucket_memory / store_shards)

# --- Gateways: stateless, so they carry the peak with a zone gone ------------------------------
zone_headroom = times(zones / (zones - 1))
gateway_servers = count(max(math.ceil(checks_per_second_peak * zone_headroom / gateway_requests_per_server), 2 * zones))

# --- A runaway client: every request is a check on the one shard that holds its bucket --------
flood_over_shard = times(flood_requests_per_second / scripts_per_shard)
# With a refusal cached in each gateway until Retry-After, each gateway asks once per wait.
flood_checks_with_deny_cache = peak(gateway_servers / retry_after_seconds)

# --- Local batches of tokens: worst case, a client holds a batch in every gateway -------------
batching_overshoot = count(gateway_servers * token_batch)
batching_overshoot_default = times(batching_overshoot / limit_per_minute)
batching_overshoot_large = fraction(batching_overshoot / large_plan_limit_per_minute)

# --- A lost zone: the shards whose primaries it held wait for their replicas ------------------
# A zone belongs to one region, and each region runs its own gateways and store on its share of
# the peak: the zone held the primaries of a third of that region's clients, not of the world's.
region_checks_per_second_peak = peak(checks_per_second_peak / regions)
zone_loss_clients_share = fraction(1 / zones)
zone_loss_clients_share_of_all = fraction(1 / (zones * regions))
zone_loss_unchecked_requests = count(region_checks_per_second_peak / zones * failover_time)

if __name__ != "rate_limiter_servers":
    print(
        markdown_table(
            ("Tier", "Sized by", "Count"),
            [
                (
                    "Counter-store shards, all regions",
                    f"{checks_per_second_peak} at peak ÷ ({scripts_per_shard} × {shard_target_utilization})",
                    store_shards,
                ),
                ("Counter-store processes, all regions", "a primary and a replica per shard", store_processes),
                (
                    "Gateway servers, all regions",
                    f"{checks_per_second_peak} at peak × {zone_headroom} zone headroom ÷ {gateway_requests_per_server}",
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
                ("A shard's utilization at peak", shard_utilization_at_peak),
                ("Memory per shard, every client of the day", memory_per_shard),
                ("A runaway client against one shard's capacity", flood_over_shard),
                ("... its checks at the store with refusals cached, at peak", flood_checks_with_deny_cache),
                ("Batching: most tokens one client can hold unspent or overspend", batching_overshoot),
                ("... against the default plan's minute", batching_overshoot_default),
                ("... against a large plan's minute", batching_overshoot_large),
                ("One region's peak, if the regions split it evenly", region_checks_per_second_peak),
                ("Zone lost: share of its region's clients whose shard fails over", zone_loss_clients_share),
                ("... share of all clients", zone_loss_clients_share_of_all),
                ("... requests let through unchecked meanwhile, at the region's peak", zone_loss_unchecked_requests),
            ],
        )
    )
