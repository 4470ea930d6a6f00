"""Concepts, counting at scale: what a counter per event costs, what pre-aggregation and sharded
counters save on a hot key, and what recomputing from the log (kappa) takes.

Sources:
- DynamoDB: each partition takes at most 1,000 write units and 3,000 read units a second ("Understanding
  DynamoDB warm throughput", uneven access patterns); one write unit is one write of an item up to 1 KB,
  so a counter increment is one unit. BatchGetItem reads at most 100 items a call (its API reference).
- The hot key is the URL shortener's viral link (url_shortener_traffic), counted by its stream job:
  rows per link, minute and log partition, each written at most once per write interval
  (url_shortener_partitioning, url_shortener_servers).
- A new on-demand DynamoDB table starts warm at 4,000 write units a second; more must be pre-warmed
  ("Pre-warming a table for on-demand capacity mode"). Sub-keys hash to partitions at random, so the
  margin below is the smallest N from which every larger N keeps the busiest of the table's
  partitions under its limit with probability 99% (a union bound over the partitions of the
  binomial tail). The risk is not monotone in N: a partition is overloaded by floor(1000 N / rate) + 1
  sub-keys, a threshold that steps up every 333 sub-counters, and just below each step the risk is
  at its highest.
- A relational row: every increment holds the row's lock until its commit, assumed 1 ms (the
  statement, and the commit's flush of the log to SSD), so one row takes about 1 / 1 ms increments
  a second, however many connections send them.
- The replay is the URL shortener's: 90 days of clicks, which a kappa design would keep in the click
  log as the edge's raw lines (600 B each) in every copy, read by its consumers at a fixed rate each,
  at most one consumer per log partition since each keeps its partitions' state.
"""

import math

from url_shortener_assumptions import click_copies, click_events_per_stream_server, edge_log_line_bytes, raw_click_days
from url_shortener_partitioning import log_partitions
from url_shortener_reliability import catch_up_capacity, catch_up_servers
from url_shortener_servers import stream_write_interval
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
# A relational row: increments take its lock in turn, each holding it until its commit.
ROW_LOCK_HOLD = 0.001  # assumed: seconds a commit holds the row's lock (statement plus log flush)
row_lock_hold = duration(ROW_LOCK_HOLD)
row_lock_increments = throughput(1 / ROW_LOCK_HOLD)
naive_over_row_lock = times(viral_hits_per_second * ROW_LOCK_HOLD)
# Where a stream job pays: a key past a tenth of one partition's limit is near enough to it that a
# burst of a few times its rate overloads the partition.
stream_job_threshold = throughput(PARTITION_WRITES / 10)
# But sub-keys land on partitions by hash, so some partitions draw several. For a table warmed to a
# multiple of the spike (at least that many partitions), the smallest N from which no partition
# passes its limit, but for a chance of 1%, for that N and every larger one.
MISS = 0.01


def binomial_tail(n: int, p: float, at_least: int) -> float:
    """P(X >= at_least) for X ~ Binomial(n, p), summed until the terms vanish."""
    total = 0.0
    for k in range(at_least, min(n, at_least + 400) + 1):
        log_term = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
        term = math.exp(log_term + k * math.log(p) + (n - k) * math.log1p(-p))
        total += term
        if term < total * 1e-12:
            break
    return total


def safe_sub_counters(warm_multiple: int) -> tuple[int, int]:
    partitions = math.ceil(warm_multiple * viral_hits_per_second / PARTITION_WRITES)

    def risk(n: int, too_many: int) -> float:
        return partitions * binomial_tail(n, 1 / partitions, too_many)

    # A partition is overloaded by `too_many` = floor(1000 N / rate) + 1 sub-keys. Between two steps
    # of that threshold the risk only grows with N, so each step is riskiest at its top N; past the
    # minimum the tops' risks fall step by step. The answer is one past the top of the last unsafe
    # step: scan the steps until a top's risk is a hundred times under the miss.
    last_unsafe_top = int(sub_counters) - 1
    step = math.floor(PARTITION_WRITES * int(sub_counters) / viral_hits_per_second)
    while True:
        top = math.ceil((step + 1) * viral_hits_per_second / PARTITION_WRITES) - 1  # the step's largest N
        top_risk = risk(top, step + 1)
        if top_risk > MISS:
            last_unsafe_top = top
        elif top_risk < MISS / 100 and top > last_unsafe_top:
            return partitions, last_unsafe_top + 1
        step += 1


margin_rows = []
for multiple in (2, 10):
    table_partitions, n_safe = safe_sub_counters(multiple)
    margin_rows.append(
        (
            times(multiple),
            count(table_partitions),
            count(n_safe),
            times(n_safe / sub_counters),
            count(math.ceil(n_safe / BATCH_GET_ITEMS)),
        )
    )
warm_twice_partitions, safe_sub_counters_warm_twice = margin_rows[0][1], margin_rows[0][2]
sub_counter_margin_warm_twice = margin_rows[0][3]
safe_sub_counters_warm_tenfold = margin_rows[1][2]
sub_counter_margin_warm_tenfold = margin_rows[1][3]
ON_DEMAND_START_WRITES = 4_000  # DynamoDB: a new on-demand table's warm write throughput
on_demand_start_writes = throughput(ON_DEMAND_START_WRITES)
spike_over_on_demand_start = times(viral_hits_per_second / ON_DEMAND_START_WRITES)
# Pre-aggregation: each consumer adds up its events per key and window, and writes one row per key,
# window and log partition per write interval, however many clicks the key draws.
preaggregated_hot_key_writes = throughput(log_partitions / stream_write_interval)
clicks_per_hot_key_write = count(viral_hits_per_second / preaggregated_hot_key_writes)  # clicks a row write carries
# The whole service at its peak: an increment a click against, at most, the same number of rows (a
# row per key and window is written only if one of its events arrived), which pre-aggregation turns
# into far fewer only where a key draws many events a window.
naive_service_writes = peak(redirects_per_second_peak)


def hot_key_row(how: str, writes_per_second: float) -> tuple:
    return (how, throughput(writes_per_second), times(writes_per_second / PARTITION_WRITES))


hot_key_rows = [
    hot_key_row("An increment per click", viral_hits_per_second),
    hot_key_row(
        f"{sub_counters} sub-counters, each, if each had its own partition", viral_hits_per_second / sub_counters
    ),
    hot_key_row(
        f"{safe_sub_counters_warm_twice} sub-counters (99% safe on a table warmed to twice the spike), each",
        viral_hits_per_second / safe_sub_counters_warm_twice,
    ),
    hot_key_row(f"A row per log partition ({log_partitions}) a second", log_partitions / 1),
    hot_key_row(
        f"A row per log partition every {stream_write_interval} (the URL shortener)", preaggregated_hot_key_writes
    ),
    hot_key_row("A row per log partition a minute", log_partitions / 60),
]

# --- Recomputing from the log (kappa) against a nightly batch ------------------------------------------
replay_events = count(redirects_per_day * raw_click_days)
replay_time = duration(replay_events / catch_up_capacity)
most_replay_servers = servers(int(log_partitions))  # one consumer per partition, as the example's keep state
fastest_replay_time = duration(replay_events / (log_partitions * click_events_per_stream_server))
# The log must keep what the replay reads: the edge's raw lines, not the parsed events, in every copy.
replay_log_bytes = size(replay_events * edge_log_line_bytes)
replay_log_bytes_replicated = size(replay_events * edge_log_line_bytes * click_copies)
recount_day_events = count(redirects_per_day)

if __name__ != "concept_counting":
    print(
        markdown_table(
            (
                "One viral link's writes",
                "Writes a second on the hottest key",
                "Against a DynamoDB partition's limit (rows into ClickHouse: for comparison)",
            ),
            hot_key_rows,
        )
    )
    print()
    print(
        markdown_table(
            (
                "Table warmed to, times the spike",
                "Partitions, at least",
                "Sub-counters for 99%, at that N and every larger one",
                "Over the bare minimum",
                "BatchGetItem calls a read",
            ),
            margin_rows,
        )
    )
    print()
    print(
        f"Recomputing {raw_click_days} days from the log is {replay_events} events: {replay_time} on the "
        f"{catch_up_servers} catch-up servers, {fastest_replay_time} on {most_replay_servers} (one a partition), "
        f"with {replay_log_bytes} of raw lines kept in the log, {replay_log_bytes_replicated} replicated "
        f"({click_copies}); a nightly recount reads one day, {recount_day_events} events. "
        f"Per second, spread over all keys, an increment a click is {naive_service_writes} at peak. A row whose "
        f"lock each commit holds for {row_lock_hold} takes {row_lock_increments}: the viral link asks "
        f"{naive_over_row_lock} that."
    )
