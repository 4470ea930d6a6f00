"""Concepts, caching: what the hit rate does to the store behind a cache, and what a stampede costs.

Assumed workload (round numbers, to show the shape): a read path of READS_PER_SECOND through a
cache; one hot key read HOT_KEY_READS_PER_SECOND times a second; a refill (query the store, write
the cache) that takes REFILL_SECONDS; and a batch of keys written in the same minute with the same
time to live.
"""

from sdw.estimation import SECONDS_PER_MINUTE, count, duration, fraction, markdown_table, peak, per_second, times

READS_PER_SECOND = 100_000  # a mid-sized read path
HIT_RATES = [0.90, 0.95, 0.99, 0.999]
HOT_KEY_READS_PER_SECOND = 10_000  # one very popular item, such as a viral post
REFILL_SECONDS = 0.050  # a store query plus the cache write
KEYS_WRITTEN_TOGETHER = 1_000_000  # e.g. a cache warmed by a batch job within one minute
TTL_SECONDS = 3_600  # one hour
TTL_JITTER = 0.10  # each TTL drawn at random within 10% either side (±10%)

rows = [(fraction(hit), per_second(READS_PER_SECOND * (1 - hit)), times(1 / (1 - hit))) for hit in HIT_RATES]

# A stampede: while the first reader refills an expired hot key, every other reader misses too
# and goes to the store, unless the misses are coalesced into one refill.
stampede_store_queries = count(HOT_KEY_READS_PER_SECOND * REFILL_SECONDS)

# Keys written evenly over one minute with one TTL expire evenly over one minute: the refill rate
# is flat, so its peak is its average. With jitter, a key's expiry is its write time (spread over
# the minute) plus a TTL drawn evenly from a band 2 x jitter x TTL wide. The sum of the two spreads
# is a trapezoid: it rises, holds a plateau, and falls, over the minute plus the band. The plateau,
# the peak the store must absorb, is the keys over the wider of the two spreads; here the band.
expiry_window_plain = duration(SECONDS_PER_MINUTE)
jitter_band = duration(2 * TTL_JITTER * TTL_SECONDS)
expiry_window_jittered = duration(SECONDS_PER_MINUTE + jitter_band)
refills_plain = peak(KEYS_WRITTEN_TOGETHER / expiry_window_plain)
refills_jittered = peak(KEYS_WRITTEN_TOGETHER / max(expiry_window_plain, jitter_band))

# Figures the pages quote.
reads_per_second = per_second(READS_PER_SECOND)
store_reads_at_90 = per_second(READS_PER_SECOND * (1 - 0.90))
store_reads_at_99 = per_second(READS_PER_SECOND * (1 - 0.99))
hit_99_over_90 = times((1 - 0.90) / (1 - 0.99))
miss_multiplier_at_99 = times(1 / (1 - 0.99))
hot_key_reads = per_second(HOT_KEY_READS_PER_SECOND)
refill_time = duration(REFILL_SECONDS)
keys_written_together = count(KEYS_WRITTEN_TOGETHER)
ttl = duration(TTL_SECONDS)
ttl_jitter = fraction(TTL_JITTER)

if __name__ != "concept_caching":
    print(markdown_table(("Hit rate", "Reads that reach the store", "Store load if the cache is lost"), rows))
    print()
    print(
        f"Stampede: a hot key read {hot_key_reads} that takes {refill_time} to refill sends "
        f"{stampede_store_queries} queries to the store when it expires, or one with coalescing."
    )
    print(
        f"Expiry: {keys_written_together} keys with a {ttl} TTL expire within {expiry_window_plain} "
        f"({refills_plain} refills at peak); with ±{ttl_jitter} jitter (a {jitter_band} band), "
        f"within {expiry_window_jittered} "
        f"({refills_jittered} at peak)."
    )
