"""Concepts, search: what each way of partitioning an index costs a query and a write.

- Partitioned by document, every query goes to every shard and waits for the slowest. If each
  shard's answer straggles (runs past its own 99th percentile: a pause, a queue) with chance 1%,
  independently, a query over N shards waits for a straggler with chance 1 - 0.99^N (Dean and
  Barroso, The Tail at Scale, 2013, give the 100-server case; reference_availability_chains).
- A hedged request, a second copy of the call sent to another replica once the first has waited
  past its 95th percentile, for at most 5% more calls, has only the time between the p95 and the
  p99 to answer. The lateness model is the Twitter example's (twitter_read_path): lognormal
  latency, a share of hedges late, so a shard call stays slow when its first copy straggles and its
  hedge is late. Both copies past their p99, 1% x 1%, holds only for a hedge sent at once, with
  the call, which doubles the calls: the best case.
- Partitioned by term, a query goes only to the shards of its terms, but a document's terms land
  on many shards: with t distinct terms hashed over S shards, S (1 - (1 - 1/S)^t) shards on average.
  A query of two terms on two shards must bring them together: a planner ships the shorter list to
  the other's shard. An AND needs only the document numbers, so both lists are counted without
  positions; gap sizes and the corpus as in concept_search.
"""

from concept_search import (
    INDEX_SERVERS_PER_COPY,
    MID_TERM_SHARE,
    TERMS_PER_TWEET,
    documents,
    mid_term_postings,
    vbyte_bytes,
)
from reference_availability_chains import fanout_100_slow_share, per_backend_slow_share
from twitter_read_path import hedge_late_share, hedged_extra_request_share, hedged_slow_request_share
from twitter_traffic import searches_per_second_peak, tweets_per_second_peak

from sdw.estimation import count, fraction, markdown_table, peak, size

SHARD_SLOW = float(per_backend_slow_share)  # a shard's answer is beyond its p99
HEDGED_SLOW = float(hedged_slow_request_share)  # first copy past its p99 and the hedge late
HEDGED_SLOW_BEST = SHARD_SLOW * SHARD_SLOW  # a hedge sent at once: both copies past their p99
EXAMPLE_SHARDS = round(INDEX_SERVERS_PER_COPY)  # the Twitter example's servers in one copy
SHARD_COUNTS = tuple(sorted({1, EXAMPLE_SHARDS, 20, 100, 1_000}))
TERM_SHARDS = 20  # a term-partitioned index over 20 shards
COMMON_TERM_SHARE = 0.05  # a common term: in 1 tweet in 20


def slow_query(shards: int, slow: float) -> float:
    return 1 - (1 - slow) ** shards


rows = [
    (
        count(n) if n != EXAMPLE_SHARDS else f"{count(n)} (the Twitter example's copy)",
        fraction(slow_query(n, SHARD_SLOW)),
        fraction(slow_query(n, HEDGED_SLOW)),
        fraction(slow_query(n, HEDGED_SLOW_BEST)),
        peak(searches_per_second_peak * n),
    )
    for n in SHARD_COUNTS
]

# Figures the page quotes.
shard_slow = per_backend_slow_share
slow_at_20 = fraction(slow_query(20, SHARD_SLOW))
slow_at_100 = fanout_100_slow_share
assert abs(float(slow_at_100) - slow_query(100, SHARD_SLOW)) < 1e-12
example_shards = count(EXAMPLE_SHARDS)
slow_at_example = fraction(slow_query(EXAMPLE_SHARDS, SHARD_SLOW))
hedged_slow_at_example = fraction(slow_query(EXAMPLE_SHARDS, HEDGED_SLOW))
hedge_late = hedge_late_share
hedged_slow_call = hedged_slow_request_share
hedged_slow_at_100 = fraction(slow_query(100, HEDGED_SLOW))
hedged_slow_at_100_best_case = fraction(slow_query(100, HEDGED_SLOW_BEST))
hedge_extra_calls = hedged_extra_request_share
shard_calls_at_100 = peak(searches_per_second_peak * 100)

term_shards = count(TERM_SHARDS)
shards_per_tweet_by_term = count(TERM_SHARDS * (1 - (1 - 1 / TERM_SHARDS) ** TERMS_PER_TWEET))
shard_writes_by_term = peak(tweets_per_second_peak * float(shards_per_tweet_by_term))
shard_writes_by_document = tweets_per_second_peak
common_term_share = fraction(COMMON_TERM_SHARE)
common_term_list_bytes = size(documents * COMMON_TERM_SHARE * vbyte_bytes(COMMON_TERM_SHARE))
# Common and mid-frequency: the mid-frequency list travels, document numbers only, as the common one.
shorter_list_bytes = size(mid_term_postings * vbyte_bytes(MID_TERM_SHARE))

if __name__ != "concept_search_shards":
    print(
        markdown_table(
            (
                "Shards a query visits",
                f"Queries held up by a straggler (each shard straggles {shard_slow} of the time)",
                f"Hedged after the p95 ({hedge_extra_calls} more calls at most; {hedge_late} of hedges late)",
                "Best case, a hedge sent at once (twice the calls)",
                "Shard calls a second, at the peak search rate",
            ),
            rows,
        )
    )
    print()
    print(
        f"By term over {term_shards} shards, a tweet of {TERMS_PER_TWEET} terms writes to {shards_per_tweet_by_term} "
        f"shards on average: {shard_writes_by_term} shard writes at peak, against {shard_writes_by_document} by "
        f"document. A two-term query ships the shorter list to the other term's shard: {shorter_list_bytes} for "
        f"a common and a mid-frequency term, {common_term_list_bytes} for two terms each in {common_term_share} "
        "of tweets."
    )
