"""Concepts, counting at scale: what a counter per event costs, what pre-aggregation and sharded
counters save on a hot key, and what recomputing from the log (kappa) takes.

Sources:
- DynamoDB: each partition takes at most 1,000 write units and 3,000 read units a second ("Understanding
  DynamoDB warm throughput", uneven access patterns); one write unit is one write of an item up to 1 KB,
  so a counter increment is one unit. BatchGetItem reads at most 100 items a call (its API reference).
- The hot key is the URL shortener's viral link (url_shortener_traffic), counted by its stream job:
  rows per link, minute and log partition, each written at most once per write interval
  (url_shortener_partitioning, url_shortener_servers).
- The replay is the URL shortener's: raw clicks kept 90 days, read by stream servers at a fixed rate
  each, at most one server per log partition.
"""

import math

from url_shortener_assumptions import click_events_per_stream_server, raw_click_days
from url_shortener_partitioning import log_partitions
from url_shortener_reliability import catch_up_capacity, catch_up_servers
from url_shortener_servers import stream_write_interval
from url_shortener_storage import raw_click_bytes
from url_shortener_traffic import redirects_per_day, redirects_per_second_peak, viral_hits_per_second

from sdw.estimation import count, duration, markdown_table, peak, servers, size, throughput, times

# --- One hot key: a row write per event against pre-aggregation --------------------------------------
PARTITION_WRITES = 1_000  # DynamoDB: write units a second one partition takes
BATCH_GET_ITEMS = 100  # DynamoDB: items one BatchGetItem call reads at most
partition_write_limit = throughput(PARTITION_WRITES)
naive_hot_key_writes = throughput(viral_hits_per_second)  # one increment a click, all on one key
naive_over_partition = times(viral_hits_per_second / PARTITION_WRITES)
# A sharded counter: the key's increments spread over N sub-counters, each on its own partition, so
# N must cover the rate; a read of the total reads all N.
sub_counters = count(math.ceil(viral_hits_per_second / PARTITION_WRITES))
sub_counter_batch_calls = count(math.ceil(sub_counters / BATCH_GET_ITEMS))
# Pre-aggregation: each consumer adds up its events per key and window, and writes one row per key,
# window and log partition per write interval, however many clicks the key draws.
preaggregated_hot_key_writes = throughput(log_partitions / stream_write_interval)
preaggregation_saving = times(viral_hits_per_second / preaggregated_hot_key_writes)
# The whole service at its peak: an increment a click against, at most, the same number of rows (a
# row per key and window is written only if one of its events arrived), which pre-aggregation turns
# into far fewer only where a key draws many events a window.
naive_service_writes = peak(redirects_per_second_peak)


def hot_key_row(how: str, writes_per_second: float) -> tuple:
    return (how, throughput(writes_per_second), times(writes_per_second / PARTITION_WRITES))


hot_key_rows = [
    hot_key_row("An increment per click", viral_hits_per_second),
    hot_key_row(f"A sharded counter of {sub_counters} sub-counters, each", viral_hits_per_second / sub_counters),
    hot_key_row(f"A row per log partition ({log_partitions}) a second", log_partitions / 1),
    hot_key_row(
        f"A row per log partition every {stream_write_interval} (the URL shortener)", preaggregated_hot_key_writes
    ),
    hot_key_row("A row per log partition a minute", log_partitions / 60),
]

# --- Recomputing from the log (kappa) against a nightly batch ------------------------------------------
replay_events = count(redirects_per_day * raw_click_days)
replay_time = duration(replay_events / catch_up_capacity)
most_replay_servers = servers(int(log_partitions))  # one consumer per partition at most
fastest_replay_time = duration(replay_events / (log_partitions * click_events_per_stream_server))
replay_log_bytes = size(raw_click_bytes)  # the log must keep what the replay reads
recount_day_events = count(redirects_per_day)

if __name__ != "concept_counting":
    print(
        markdown_table(
            ("One viral link's writes", "Writes a second on the hottest key", "Against one partition's limit"),
            hot_key_rows,
        )
    )
    print()
    print(
        f"Recomputing {raw_click_days} days from the log is {replay_events} events: {replay_time} on the "
        f"{catch_up_servers} catch-up servers, {fastest_replay_time} on {most_replay_servers} (one a partition), "
        f"with {replay_log_bytes} kept in the log; a nightly recount reads one day, {recount_day_events} events. "
        f"Per second, spread over all keys, an increment a click is {naive_service_writes} at peak."
    )
