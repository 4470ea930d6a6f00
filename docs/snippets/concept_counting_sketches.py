"""Concepts, counting at scale: HyperLogLog for distinct counts, count-min for heavy hitters, and
why neither fits a counter with a hard limit.

Sources:
- HyperLogLog (Flajolet, Fusy, Gandouet and Meunier, 2007): m registers give a relative standard
  error of 1.04 / sqrt(m). Redis uses m = 2^14 registers of 6 bits, "up to 12 KB" with a standard
  error of 0.81% (Redis's HyperLogLog documentation), and a sparse encoding while a key has seen
  few elements (up to hll-sparse-max-bytes, 3,000 bytes by default, redis.conf).
- Count-min sketch (Cormode and Muthukrishnan, J. Algorithms 55(1), 2005): d = ceil(ln(1 / delta))
  rows of w = ceil(e / eps) counters; an estimate never falls below the true count and exceeds it by
  more than eps * N (N, the total of all counts) with probability at most delta. Each row's counter
  for a key also holds the counts of the other keys hashed to it, N / w on average, so with many
  small keys the typical overcount is about N / w.
- Count-mean-min subtracts each row's expected noise, (N - estimate) / (w - 1), and takes the
  median of the rows (probabilistic-collections' CountMedianBiasStrategy, docs.rs): no longer
  biased upwards, but it can err both ways. With many
  small terms a counter's noise is about Poisson, so its spread is at least sqrt(N / w).
- Trends (the Twitter example's step 1) score a term by how far its rate exceeds its usual rate:
  here, a term going from 50 to 800 uses an hour, both hours counted at the busiest hour's N (tweets
  at their peak rate for an hour, one counted term a tweet, all regions: a region's N is a share
  of it, so this is the bound).
- Space-Saving (Metwally, Agrawal and El Abbadi, ICDT 2005): k counters, each an estimate that
  exceeds the true count by at most N / k; mergeable (Agarwal et al., "Mergeable Summaries", PODS
  2012). A counter holds the term, its count and its error: 64 B assumed.
- The viral link (url_shortener_traffic), tweets (twitter_traffic), and the rate limiter's checks
  and default limit (rate_limiter_traffic, rate_limiter_assumptions).
"""

import math

from rate_limiter_assumptions import limit_per_minute
from rate_limiter_state import token_bucket_memory
from rate_limiter_traffic import checks_per_second_peak
from twitter_traffic import tweets_per_day, tweets_per_second_peak
from url_shortener_assumptions import count_freshness_target
from url_shortener_traffic import viral_hits_per_second

from sdw.estimation import (
    SECONDS_PER_HOUR,
    KiB,
    Quantity,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    size,
    throughput,
    times,
)

# --- HyperLogLog against an exact set --------------------------------------------------------------------
REGISTERS = 2**14
REGISTER_BITS = 6
ID_BYTES = 8  # a visitor's (daily-rotated) address hash, or a user ID
hll_registers = count(REGISTERS)
hll_bytes = size(REGISTERS * REGISTER_BITS / 8)
hll_kib = count(REGISTERS * REGISTER_BITS / 8 / KiB)  # Redis's "12k bytes"
hll_error = fraction(1.04 / math.sqrt(REGISTERS))
hll_error_two_sigma = fraction(2 * 1.04 / math.sqrt(REGISTERS))
# The viral link's minute: at most one distinct visitor a click.
viral_visitors = count(viral_hits_per_second * 60)
exact_set_bytes = size(viral_visitors * ID_BYTES)  # the IDs alone, with no hash-table overhead
exact_over_hll = times(exact_set_bytes / hll_bytes)
hll_error_visitors = count(viral_visitors * 1.04 / math.sqrt(REGISTERS))
hll_error_visitors_two_sigma = count(viral_visitors * 2 * 1.04 / math.sqrt(REGISTERS))
# Below this many distinct IDs, a dense HLL is larger than the bare IDs.
dense_crossover = count(REGISTERS * REGISTER_BITS / 8 / ID_BYTES)

# --- Count-min for heavy hitters ----------------------------------------------------------------------
MINUTES_PER_HOUR = SECONDS_PER_HOUR // 60
EPS = 1e-4
DELTA = 0.01
COUNTER_BYTES = 4
cms_eps = fraction(EPS)
cms_delta = fraction(DELTA)
cms_width = count(math.ceil(math.e / EPS))
cms_depth = count(math.ceil(math.log(1 / DELTA)))
cms_bytes = size(cms_width * cms_depth * COUNTER_BYTES)
terms_per_hour = count(tweets_per_day / 24)  # one counted term (hashtag or phrase) a tweet, assumed
terms_peak_hour = count(tweets_per_second_peak * SECONDS_PER_HOUR)  # the busiest hour, all regions
cms_overcount = count(EPS * terms_per_hour)
cms_expected_overcount = count(terms_per_hour / cms_width)
cms_overcount_peak = count(EPS * terms_peak_hour)
cms_expected_overcount_peak = count(terms_peak_hour / cms_width)
# A trend is a rate against the term's usual rate. Counted at the busiest hour's N, both hours
# carry the same expected noise N / w, which flattens the rise.
TREND_USUAL, TREND_NOW = 50, 800  # uses an hour: a term's usual hour, and its hour now
trend_usual, trend_now = count(TREND_USUAL), count(TREND_NOW)
trend_rise = times(TREND_NOW / TREND_USUAL)


def seen_rise(noise: float) -> Quantity:
    return times((TREND_NOW + noise) / (TREND_USUAL + noise))


trend_rise_seen = seen_rise(cms_expected_overcount_peak)
# Per-minute counts: N and each term's count both shrink 60 times, so the noise against a term's
# count is unchanged.
terms_peak_minute = count(tweets_per_second_peak * 60)
cms_expected_overcount_minute = count(terms_peak_minute / cms_width)
trend_now_minute = count(TREND_NOW / 60)
# Widened to eps = 1e-5: ten times the width, a tenth of the noise.
WIDE_EPS = 1e-5
wide_eps = fraction(WIDE_EPS)
wide_width = count(math.ceil(math.e / WIDE_EPS))
wide_bytes = size(wide_width * cms_depth * COUNTER_BYTES)
wide_sliding_hour_bytes = size(MINUTES_PER_HOUR * wide_width * cms_depth * COUNTER_BYTES)
wide_expected_overcount_peak = count(terms_peak_hour / wide_width)
trend_rise_seen_wide = seen_rise(wide_expected_overcount_peak)
# Subtracting the expected noise leaves its spread, at least sqrt(N / w).
noise_spread_peak = count(math.sqrt(terms_peak_hour / cms_width))
wide_noise_spread_peak = count(math.sqrt(terms_peak_hour / wide_width))
# Space-Saving for the same error: k = 1 / eps counters.
SPACE_SAVING_COUNTER_BYTES = 64
space_saving_counters = count(math.ceil(1 / EPS))
space_saving_bytes = size(space_saving_counters * SPACE_SAVING_COUNTER_BYTES)
space_saving_error = count(terms_per_hour / space_saving_counters)
space_saving_error_peak = count(terms_peak_hour / space_saving_counters)
sliding_hour_bytes = size(MINUTES_PER_HOUR * cms_width * cms_depth * COUNTER_BYTES)

# --- A hard limit: the rate limiter --------------------------------------------------------------------
# A sketch shared by every client: N is all requests in the minute at peak.
requests_per_minute_peak = count(checks_per_second_peak * 60)
limiter_eps = fraction(1e-3)
limiter_overcount = count(1e-3 * requests_per_minute_peak)
limiter_overcount_over_limit = times(1e-3 * requests_per_minute_peak / limit_per_minute)
LIMITER_WIDTH = math.ceil(math.e / 1e-3)
limiter_sketch_bytes = size(LIMITER_WIDTH * cms_depth * COUNTER_BYTES)
# The bound above holds but for a chance of delta; the typical overcount, N / w, is what every
# client is charged on top of its own requests.
limiter_expected_overcount = count(requests_per_minute_peak / LIMITER_WIDTH)
limiter_expected_over_limit = times(requests_per_minute_peak / LIMITER_WIDTH / limit_per_minute)
# To err by at most one request: eps = 1 / N.
limiter_exact_width = count(math.ceil(math.e * requests_per_minute_peak))
limiter_exact_sketch_bytes = size(limiter_exact_width * cms_depth * COUNTER_BYTES)
exact_counters_bytes = token_bucket_memory  # the rate limiter's exact buckets, one per client seen in a day
# Even so, a share delta of estimates may miss by more: that share of checks at peak.
limiter_wrong_checks = peak(DELTA * checks_per_second_peak)
# A counter fed by a stream that runs a minute late: a client sending 1,000 a second is refused only
# after the stream catches up with it.
ABUSER_RATE = 1_000
abuser_rate = throughput(ABUSER_RATE)
stream_lag = duration(count_freshness_target)
abuser_let_through = count(ABUSER_RATE * count_freshness_target)
abuser_over_limit = times(ABUSER_RATE * count_freshness_target / limit_per_minute)

if __name__ != "concept_counting_sketches":
    print(
        markdown_table(
            ("What is counted", "Exact", "Sketch", "The sketch's error"),
            [
                (
                    f"Distinct visitors in the viral link's minute, up to {viral_visitors}",
                    f"{exact_set_bytes} of bare IDs",
                    f"HyperLogLog, {hll_bytes}",
                    f"{hll_error} ({hll_error_visitors} visitors) at one standard error",
                ),
                (
                    f"Uses of each term in an hour of tweets, {terms_per_hour} in all ({terms_peak_hour} in the "
                    "busiest hour)",
                    "A map of every term seen",
                    f"Count-min, eps {cms_eps}: {cms_bytes}",
                    f"Typically {cms_expected_overcount} too high ({cms_expected_overcount_peak} in the busiest "
                    f"hour); more than {cms_overcount} ({cms_overcount_peak}) only with a chance of {cms_delta}",
                ),
                (
                    "The same, widened",
                    "A map of every term seen",
                    f"Count-min, eps {wide_eps}: {wide_bytes}",
                    f"Typically {wide_expected_overcount_peak} too high in the busiest hour; after subtracting "
                    f"that, off by at least {wide_noise_spread_peak} either way",
                ),
                (
                    "The same, heavy hitters only",
                    "A map of every term seen",
                    f"Space-Saving, {space_saving_counters} counters: {space_saving_bytes}",
                    f"At most {space_saving_error} too high ({space_saving_error_peak} in the busiest hour), always",
                ),
                (
                    f"Each client's requests in a minute, {requests_per_minute_peak} in all at peak",
                    f"{exact_counters_bytes} of token buckets",
                    f"Count-min, eps {limiter_eps}: {limiter_sketch_bytes}",
                    f"Typically {limiter_expected_overcount} too high, {limiter_expected_over_limit} "
                    f"the limit of {limit_per_minute}; more than {limiter_overcount} only with a chance of {cms_delta}",
                ),
                (
                    "The same, to within one request",
                    f"{exact_counters_bytes}",
                    f"Count-min, {limiter_exact_width} wide: {limiter_exact_sketch_bytes}",
                    f"Still more than one too high on up to {limiter_wrong_checks} checks",
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("A trend from 50 to 800 uses an hour, counted in the busiest hour", "Rise seen", "Sketches for an hour"),
            [
                ("Exact", trend_rise, "none"),
                (
                    f"Count-min, eps {cms_eps} (noise {cms_expected_overcount_peak} on both hours)",
                    trend_rise_seen,
                    sliding_hour_bytes,
                ),
                (
                    f"Count-min, eps {wide_eps} (noise {wide_expected_overcount_peak})",
                    trend_rise_seen_wide,
                    wide_sliding_hour_bytes,
                ),
                (
                    f"Count-min, eps {wide_eps}, expected noise subtracted (spread at least {wide_noise_spread_peak})",
                    f"about {trend_rise}",
                    wide_sliding_hour_bytes,
                ),
            ],
        )
    )
    print()
    print(
        f"Under {dense_crossover} distinct IDs a dense HyperLogLog is larger than the IDs. Sixty one-minute "
        f"count-min sketches for a sliding hour take {sliding_hour_bytes}. A limit counted from a stream "
        f"{stream_lag} late lets a client at {abuser_rate} through {abuser_let_through} times, {abuser_over_limit} "
        "its limit."
    )
