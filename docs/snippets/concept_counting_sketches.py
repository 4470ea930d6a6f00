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
  for a key also holds the counts of the other keys hashed to it, N / w on average.
- Skew, this page's own assumption (no source measures it for these tweets): an hour's terms follow
  a Zipf distribution with exponent 1 over 10 million distinct terms, so the term of rank r is used
  N / (r H_V) times, H_n the n-th harmonic number (ln n + 0.5772 + 1 / 2n - 1 / 12n^2), and the
  top K hold H_K / H_V of N. A top-K heap beside the sketch tracks them, H their counts. They
  occupy at most K of a row's w counters, so a rare term's counter holds one of them in a row with
  probability 1 - (1 - 1 / w)^K (about K / w only when K is small against w), and the median of
  five rows only when three rows do. The rest, ranks K+1
  to V, land in a counter with probability 1 / w each: its noise has mean (N - H) / w and variance
  (sum of c^2 over those ranks) / w, each count c itself Poisson, so c^2 averages c^2 + c. The sum
  of 1 / r^2 from K+1 to V is 1 / (K + 1/2) - 1 / (V + 1/2) to within 1 / K^3, checked against the
  full sum of ten million terms. That variance is dominated by the terms just past the heap, so K
  sets it: K = 1,000 and K = 10,000 are compared. Their noise is right-skewed (now and then a counter
  holds a term with hundreds of uses), so the median of the rows sits below the noise's mean: it
  is unbiased only for symmetric noise. This page does not compute that gap; it is a fraction of a
  spread. A heap entry holds the term, its count and its error: 64 B assumed, as Space-Saving's.
- Count-mean-min (Deng and Rafiei, "New estimation algorithms for streaming data: Count-min can do
  more", 2007) subtracts each row's expected noise, (N - c) / (w - 1) for the term's counter c, and
  takes the median of the rows. Under skew that subtracts about N / w from counters holding
  (N - H) / w: H / w too much. Subtracting (N - H - c) / (w - 1) instead leaves each row unbiased for a term
  outside the heap.
- Conservative update (Estan and Varghese, "New directions in traffic measurement and accounting",
  SIGCOMM 2002) raises only the counters below a key's new estimate: estimates stay at or above the
  true count and at or below plain count-min's, but the noise no longer has a closed form.
- Trends (the Twitter example's step 1) score a term by how far its rate exceeds its usual rate:
  here, a term going from 50 to 800 uses an hour, both hours counted at the busiest hour's N (tweets
  at their peak rate for an hour, all regions: a region's N is a share of it, so this is the bound).
- Counted terms a tweet, this page's own assumption: hashtags only, one a tweet on average (most
  tweets carry none, a few several). Counting short phrases too multiplies N by the phrases a tweet
  holds; three a tweet is worked as an example. A usual rate is floored at three spreads of the residual noise,
  assumed, so that a term rising from nothing is not divided by noise.
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
# Assumed: the trends job counts hashtags only, one a tweet on average (most tweets carry none, a few
# several). Counting short phrases too would multiply N by the phrases a tweet holds.
COUNTED_TERMS_PER_TWEET = 1
counted_terms_per_tweet = count(COUNTED_TERMS_PER_TWEET)
terms_per_hour = count(tweets_per_day / 24 * COUNTED_TERMS_PER_TWEET)
terms_peak_hour = count(tweets_per_second_peak * SECONDS_PER_HOUR * COUNTED_TERMS_PER_TWEET)  # the busiest hour
cms_overcount = count(EPS * terms_per_hour)
cms_expected_overcount = count(terms_per_hour / cms_width)
cms_overcount_peak = count(EPS * terms_peak_hour)
cms_expected_overcount_peak = count(terms_peak_hour / cms_width)
# Skew (assumed, the page's own): Zipf with exponent 1 over VOCABULARY distinct terms an hour.
VOCABULARY = 10_000_000
EULER_GAMMA = 0.5772156649


def harmonic(n: int) -> float:
    return math.log(n) + EULER_GAMMA + 1 / (2 * n) - 1 / (12 * n * n)


def inverse_squares_after(k: int) -> float:
    """The sum of 1 / r^2 for r from k + 1 to VOCABULARY, to within 1 / k^3."""
    return 1 / (k + 0.5) - 1 / (VOCABULARY + 0.5)


vocabulary = count(VOCABULARY)
top_term_peak_hour = count(terms_peak_hour / harmonic(VOCABULARY))  # rank 1: N / H_V


def heap_share(k: int) -> float:
    return harmonic(k) / harmonic(VOCABULARY)


def residual_variance(k: int, width: int, n: float = terms_peak_hour) -> float:
    """A counter's noise from the terms past a top-k heap: (sum of c^2 + sum of c) / w."""
    top = n / harmonic(VOCABULARY)
    return (top * top * inverse_squares_after(k) + n * (1 - heap_share(k))) / width


SMALL_HEAP, HEAP = 1_000, 10_000
HEAP_ENTRY_BYTES = 64
top_terms, top_share = count(HEAP), fraction(heap_share(HEAP))
small_heap_terms, small_heap_share = count(SMALL_HEAP), fraction(heap_share(SMALL_HEAP))
heap_bytes = size(HEAP * HEAP_ENTRY_BYTES)
residual_peak_hour = count(terms_peak_hour * (1 - heap_share(HEAP)))
top_collision_row = fraction(1 - (1 - 1 / cms_width) ** HEAP)  # a row in which a rare term's counter holds a heap term
rare_noise_peak = count(residual_peak_hour / cms_width)
# A trend is a rate against the term's usual rate. Counted at the busiest hour's N, both hours
# carry the same noise, which flattens the rise.
TREND_USUAL, TREND_NOW = 50, 800  # uses an hour: a term's usual hour, and its hour now
trend_usual, trend_now = count(TREND_USUAL), count(TREND_NOW)
trend_rise = times(TREND_NOW / TREND_USUAL)


def seen_rise(noise: float) -> Quantity:
    return times((TREND_NOW + noise) / (TREND_USUAL + noise))


trend_rise_seen = seen_rise(rare_noise_peak)  # at the mean of the counters free of a heap term
# Plain count-min reads the smallest of the five rows, about a spread below the mean (as the widened
# sketch's below): both plain reads are given on that basis.
noise_spread_peak = count(math.sqrt(residual_variance(HEAP, cms_width)))
min_row_noise_peak = count(rare_noise_peak - noise_spread_peak)
trend_rise_seen_min_row = seen_rise(rare_noise_peak - noise_spread_peak)
# Widened to eps = 1e-5: ten times the width, a tenth of the noise.
WIDE_EPS = 1e-5
wide_eps = fraction(WIDE_EPS)
WIDE_WIDTH = math.ceil(math.e / WIDE_EPS)
wide_width = count(WIDE_WIDTH)
wide_bytes = size(WIDE_WIDTH * cms_depth * COUNTER_BYTES)
wide_sliding_hour_bytes = size(MINUTES_PER_HOUR * WIDE_WIDTH * cms_depth * COUNTER_BYTES)
wide_expected_overcount_peak = count(terms_peak_hour / WIDE_WIDTH)  # the average counter, N / w
P_HIT = 1 - (1 - 1 / WIDE_WIDTH) ** HEAP  # a row in which a rare term's counter holds a heap term
wide_top_collision_row = fraction(P_HIT)
# The median of five rows holds a heap term only if three or more rows do.
wide_median_hit = fraction(sum(math.comb(5, j) * P_HIT**j * (1 - P_HIT) ** (5 - j) for j in range(3, 6)))
wide_rare_noise_peak = count(residual_peak_hour / WIDE_WIDTH)  # the mean of what a rare term's counters hold
trend_rise_seen_wide = seen_rise(wide_rare_noise_peak)  # at the counters' mean, not what plain count-min reads
# Per-minute counts at the wide eps: N and each term's count both shrink 60 times, so the noise's
# mean against a term's count is unchanged.
terms_peak_minute = count(tweets_per_second_peak * 60)
rare_noise_minute = count(terms_peak_minute * (1 - heap_share(HEAP)) / WIDE_WIDTH)
trend_now_minute = count(TREND_NOW / 60)
# Count-mean-min as published subtracts about N / w: H / w more than a rare term's counters hold.
wide_oversubtraction = count(terms_peak_hour * heap_share(HEAP) / WIDE_WIDTH)
trend_usual_full_subtracted = count(TREND_USUAL - wide_oversubtraction)
trend_now_full_subtracted = count(TREND_NOW - wide_oversubtraction)
# Subtracting the residual's mean leaves its spread: sqrt(sum of c^2 / w) over the ranks past the heap.
wide_noise_spread_peak = count(math.sqrt(residual_variance(HEAP, WIDE_WIDTH)))
small_heap_spread_peak = count(math.sqrt(residual_variance(SMALL_HEAP, WIDE_WIDTH)))
poisson_spread_peak = count(math.sqrt(wide_rare_noise_peak))  # the spread were every count small
# Read plainly, the denominator is the term's own noise: one spread either side of its mean. Plain
# count-min reads the smallest of the five rows, about a spread below the mean: the high end.
wide_min_row_noise_peak = count(wide_rare_noise_peak - wide_noise_spread_peak)
trend_rise_seen_wide_low = seen_rise(wide_rare_noise_peak + wide_noise_spread_peak)
trend_rise_seen_wide_high = seen_rise(wide_rare_noise_peak - wide_noise_spread_peak)
FLOOR_SPREADS = 3  # assumed: a usual rate is floored at three spreads
trend_floor = count(FLOOR_SPREADS * wide_noise_spread_peak)
small_heap_floor = count(FLOOR_SPREADS * small_heap_spread_peak)
# Below the floor, the usual rate reads as the floor: the floor sets the ratio.
trend_now_spreads = count(TREND_NOW / wide_noise_spread_peak)
trend_rise_floored = times(TREND_NOW / max(TREND_USUAL, trend_floor))
small_heap_rise_floored = times(TREND_NOW / max(TREND_USUAL, small_heap_floor))
# Counting phrases too: N grows by the phrases a tweet holds, and the spread with it (the counts past
# the heap grow in proportion, so sum of c^2 grows by the square), the floor with the spread.
PHRASES_PER_TWEET = 3  # an example: three counted terms a tweet
phrases_per_tweet = count(PHRASES_PER_TWEET)
phrases_peak_hour = terms_peak_hour * PHRASES_PER_TWEET / COUNTED_TERMS_PER_TWEET
phrases_spread_peak = count(math.sqrt(residual_variance(HEAP, WIDE_WIDTH, phrases_peak_hour)))
phrases_floor = count(FLOOR_SPREADS * phrases_spread_peak)
phrases_rise_floored = times(TREND_NOW / max(TREND_USUAL, phrases_floor))
# To bring the spread back, the width must grow by the spread's factor squared (spread ~ 1 / sqrt(w)).
phrases_width_factor = times((float(phrases_spread_peak) / float(wide_noise_spread_peak)) ** 2)
phrases_sliding_hour_bytes = size(
    MINUTES_PER_HOUR * WIDE_WIDTH * float(phrases_width_factor) * cms_depth * COUNTER_BYTES
)
trend_rise_full_floored = times(trend_now_full_subtracted / max(trend_usual_full_subtracted, trend_floor))
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
                    f"{cms_expected_overcount} too high on average ({cms_expected_overcount_peak} in the busiest "
                    f"hour, {rare_noise_peak} for a rare term); more than {cms_overcount} ({cms_overcount_peak}) "
                    f"only with a chance of {cms_delta}",
                ),
                (
                    "The same, widened",
                    "A map of every term seen",
                    f"Count-min, eps {wide_eps}: {wide_bytes}",
                    f"{wide_rare_noise_peak} too high for a rare term in the busiest hour at the counters' mean "
                    f"({wide_expected_overcount_peak} for the average counter); after subtracting that mean, off by "
                    f"about {wide_noise_spread_peak} either way (one spread)",
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
            (
                f"A trend from {trend_usual} to {trend_now} uses an hour, in the busiest hour, terms Zipf-distributed "
                f"over {vocabulary}, the top {top_terms} ({top_share} of uses) in a heap",
                "Rise seen",
                "Sketches for an hour",
            ),
            [
                ("Exact", trend_rise, "none"),
                (
                    f"Count-min, eps {cms_eps}, read plainly (a rare term's noise {rare_noise_peak} at the mean on "
                    f"both hours; the smallest row, which it reads, about a spread below: {min_row_noise_peak})",
                    f"about {trend_rise_seen_min_row} ({trend_rise_seen} at the mean)",
                    sliding_hour_bytes,
                ),
                (
                    f"Count-min, eps {wide_eps}, read plainly (noise {wide_rare_noise_peak} at the mean; the "
                    f"smallest row, which it reads, about a spread below: {wide_min_row_noise_peak})",
                    f"about {trend_rise_seen_wide_high} ({trend_rise_seen_wide} at the mean)",
                    wide_sliding_hour_bytes,
                ),
                (
                    f"Count-min, eps {wide_eps}, N/w ({wide_expected_overcount_peak}) subtracted: count-mean-min as "
                    "published",
                    f"usual rate {trend_usual_full_subtracted}, now {trend_now_full_subtracted}: "
                    f"{trend_rise_full_floored} at the floor of {trend_floor}",
                    wide_sliding_hour_bytes,
                ),
                (
                    f"Count-min, eps {wide_eps}, the residual's noise ({wide_rare_noise_peak}) subtracted",
                    f"{trend_rise_floored} at the floor of {trend_floor}, each count right on average but give or "
                    f"take {wide_noise_spread_peak}",
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
