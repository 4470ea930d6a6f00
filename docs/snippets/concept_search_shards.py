"""Concepts, search: what each way of partitioning an index costs a query and a write.

- Partitioned by document, every query goes to every shard and waits for the slowest. If each
  shard's answer straggles (runs far past its own 99th percentile: a pause, a queue) with chance
  1%, independently, a query over N shards waits for a straggler with chance 1 - 0.99^N (Dean and
  Barroso, The Tail at Scale, 2013, give the 100-server case). A hedged request, a second copy of
  the call sent to another replica once the first has waited past its 95th percentile, leaves a
  shard straggling only if both copies do: at most 1% x 1% if the two are independent, for at most
  5% more calls.
- Partitioned by term, a query goes only to the shards of its terms, but a document's terms land
  on many shards: with t distinct terms hashed over S shards, S (1 - (1 - 1/S)^t) shards on average.
  A query of two terms on two shards must bring them together: one term's posting list crosses the
  network to the other's shard. Bytes a posting and the corpus as in concept_search.
"""

from concept_search import TERMS_PER_TWEET, documents, vbyte_bytes
from twitter_traffic import searches_per_second_peak, tweets_per_second_peak

from sdw.estimation import count, fraction, markdown_table, peak, size

SHARD_SLOW = 0.01  # a shard's answer is beyond its p99
HEDGE_AFTER = 0.95  # a hedge is sent once the first call passes its p95
SHARD_COUNTS = (1, 4, 20, 100, 1_000)
TERM_SHARDS = 20  # a term-partitioned index over 20 shards
COMMON_TERM_SHARE = 0.05  # a common term: in 1 tweet in 20


def slow_query(shards: int, slow: float) -> float:
    return 1 - (1 - slow) ** shards


hedged_slow = SHARD_SLOW * SHARD_SLOW

rows = [
    (
        count(n),
        fraction(slow_query(n, SHARD_SLOW)),
        fraction(slow_query(n, hedged_slow)),
        peak(searches_per_second_peak * n),
    )
    for n in SHARD_COUNTS
]

# Figures the page quotes.
shard_slow = fraction(SHARD_SLOW)
slow_at_20 = fraction(slow_query(20, SHARD_SLOW))
slow_at_100 = fraction(slow_query(100, SHARD_SLOW))
hedged_slow_at_100 = fraction(slow_query(100, hedged_slow))
hedge_extra_calls = fraction(1 - HEDGE_AFTER)
shard_calls_at_100 = peak(searches_per_second_peak * 100)

term_shards = count(TERM_SHARDS)
shards_per_tweet_by_term = count(TERM_SHARDS * (1 - (1 - 1 / TERM_SHARDS) ** TERMS_PER_TWEET))
shard_writes_by_term = peak(tweets_per_second_peak * float(shards_per_tweet_by_term))
shard_writes_by_document = tweets_per_second_peak
common_term_share = fraction(COMMON_TERM_SHARE)
common_term_list_bytes = size(documents * COMMON_TERM_SHARE * vbyte_bytes(COMMON_TERM_SHARE))

if __name__ != "concept_search_shards":
    print(
        markdown_table(
            (
                "Shards a query visits",
                f"Queries held up by a straggler (each shard straggles {shard_slow} of the time)",
                f"With a hedge after the p95 ({hedge_extra_calls} more calls at most)",
                "Shard calls a second, at the peak search rate",
            ),
            rows,
        )
    )
    print()
    print(
        f"By term over {term_shards} shards, a tweet of {TERMS_PER_TWEET} terms writes to {shards_per_tweet_by_term} "
        f"shards on average: {shard_writes_by_term} shard writes at peak, against {shard_writes_by_document} by "
        f"document. A two-term query with a term in {common_term_share} of tweets ships its posting list, "
        f"{common_term_list_bytes}, to the other term's shard."
    )
