"""Concepts, search: what a scan costs against a posting list, and how small an inverted index is.

The corpus is the Twitter example's searchable window (twitter_assumptions): 500M tweets a day for 7
days, 140 bytes of text each, at its peak search rate (twitter_traffic).

- A scan (`WHERE text LIKE '%word%'`) cannot use a B-tree index, whose order starts at the first
  character, so it reads every row. Taken here at the best a core can do, streaming memory at the
  reference's measured 13.7 GB/s (reference_latency): a real database matching rows is slower.
- An index lookup reads one term's posting list. A term in 1 tweet in 10,000 is a mid-frequency one.
- Postings hold document numbers in increasing order, stored as gaps (deltas) from the previous
  one, each gap in variable-byte form: 7 bits a byte, the top bit marking "more bytes follow", so a
  gap below 128 takes 1 byte, below 16,384 2 bytes, and so on. With a term's documents spread at
  random, a gap is at least g with chance (1 - p)^(g - 1), p the share of documents holding the
  term, so a gap's expected bytes are the sum over k of (1 - p)^(128^k - 1).
- Term frequencies follow Zipf's law (the r-th commonest term is used in proportion to 1/r) over a
  vocabulary of 100M distinct terms (words, hashtags, handles, misspellings): a stated guess, as are
  the 20 distinct terms a tweet (about 25 words of 140 bytes, fewer once repeats are counted once,
  with stop words kept, since the Twitter example promises phrase search, and the `from:` term of
  its author). Each posting also keeps one position, for phrase queries: tweets are short, so it
  fits in 1 byte.
- The slack left in the Twitter example's index bytes a tweet (search_index_bytes_per_tweet),
  after the postings: each document keeps its tweet ID and author ID (8 bytes each, the first to
  hydrate results, the second to drop blocked and muted authors before hydration); skip data is at
  most one 8-byte entry per block of 128 postings; and the term dictionary holds each term in about
  16 bytes (the term and its list's place, prefix-shared).
- The dictionary is not one for the window. Each shard of a daily index is a Lucene index of its
  own, and each of its segments keeps its own dictionary, so a term is stored again in every segment
  whose tweets use it. Once its day ends, a daily index takes no new tweets, and the design
  force-merges it to one segment (Elasticsearch's ILM forcemerge action, max_num_segments 1, in the
  warm phase; a force merge to one segment is not held to max_merged_segment), so each finished
  shard-day (one server's part of a daily index) is one segment. Today's index, still written, is
  counted at TieredMergePolicy's budget of segments per tier, 8 segments of equal size, an
  estimate: the policy allows about that many in each tier of sizes, but the smaller tiers hold few
  of the day's tweets (a tier-shaped day holds less dictionary than equal segments, so the estimate
  is high). The dictionary a tweet is the average over the daily indices held at a day's end
  (twitter_stores), the finished ones at one segment each and today's at 8, each index a day's
  tweets. A segment's
  distinct terms are the expected count under the Zipf model above, each tweet's terms drawn
  independently: a term in a share p of tweets is in at least one of n tweets
  with chance 1 - (1 - p)^n. That chance is summed over the same rank buckets as the postings, each
  rank taken at its bucket's middle (tests/test_estimation.py checks the sum against one over
  buckets a hundred times finer). Real rare terms come in bursts (a misspelling, a tag trending for
  an hour), so a real segment likely holds fewer distinct terms than this.
- What Elasticsearch adds to every document, an estimate to be measured, not a measurement: the
  `_id` (the tweet ID, which Elasticsearch packs to about 10 bytes for a numeric string) both as a
  term of its own, a new dictionary entry and a one-entry posting list, about 10 bytes, and as a
  stored field, about 10 bytes; `_seq_no` as doc values and a points index, about 6 bytes; `_version`
  (the source's version, an external version) as doc values, about 4 bytes; `_primary_term`,
  constant within a segment, about nothing. `_source` is disabled: the text is hydrated from the
  tweet cache and store, never read back from the index.
- Segments (Lucene, as Elasticsearch and OpenSearch use it): a refresh, every second by default in
  Elasticsearch, turns the documents buffered since the last one into a new immutable segment, and
  merges combine about 8 segments of similar size at a time (TieredMergePolicy, segments per tier 8)
  up to 5 GiB (max_merged_segment, "5gb": Elasticsearch's byte units are powers of 1,024), so a
  posting is rewritten about once per tier between the refresh's size and 5 GiB. Lucene counts a
  segment below floor_segment (16 MiB) as 16 MiB when it picks merges; the count of rewrites here
  ignores that, and the finished day's force merge, which rewrites each posting once more. Both
  defaults are Lucene's and Elasticsearch's since 2025: Lucene raised the floor from 2 MiB
  (apache/lucene#14189, in 10.2) and lowered the segments per tier from 10
  (apache/lucene#14823), and Elasticsearch took both in September 2025
  (elastic/elasticsearch#133946). Elasticsearch picks another policy, LogByteSizeMergePolicy merging
  32 adjacent segments at a time, for an index whose mapping has a @timestamp field
  (elastic/elasticsearch#92684, #94134); the example's daily indices have none (a tweet's time is in
  its ID, which the index is sorted by), so TieredMergePolicy applies.
- A fresh segment is counted by the same model as the rest: its tweets' postings, tweet and author
  IDs, skip data and the engine's fields, and a dictionary of the distinct terms its tweets use. A
  refresh's few hundred tweets use many terms once each, so a tweet takes about twice the example's
  budget there; the budget holds for the day's index as a whole, where terms repeat.
- Refresh interval, the options the page weighs: Elasticsearch's default of 1 s, 5 s, or the
  freshness target less the pipeline's lag. The Twitter example's 15 s target leaves room for
  about 5 s, and its figures are computed for both 1 s and 5 s.
- The Twitter example's index servers: twitter_stores sizes the servers to hold one copy in
  memory, search_days + 1 daily indices. Each daily index is split into as many shards as a copy has
  servers, one on each, so the newest takes every server's share of the new tweets, and each server
  holds one shard of every daily index.
- Query CPU: each server of a copy takes a shard search for every query its copy serves, once for
  each daily index the query reaches. Searching every daily index at once, that is all of them;
  searching today's index first and reaching back a day at a time only while the page of results is
  short, it is one, plus the older days for the queries whose page today's index leaves short. That
  share is an assumption (concept_search_assumptions, 25%). Those queries are counted as reaching
  back through every older index, an upper bound. The copies sharing the peak are the example's
  (twitter_search), which sizes them for its queries with a zone lost.
- Query CPU against cores: a shard search is assumed to cost 1 ms of CPU (concept_search_assumptions).
  A query of a few terms on a shard-day sorted newest first stops at its top k (track_total_hits
  false), so it decodes a few blocks of each term's postings and pays the shard request's fixed work
  (parsing, a search context, collecting and returning the top k). To measure: a benchmark
  (Elasticsearch's Rally) of the query mix on a sample day's index. The search servers are taken as
  the reference's 16-vCPU machine at its 60% target utilization. Since every server of a copy takes
  every query of its copy, CPU sets the number of copies, not the servers a copy: the copies left
  with a zone lost must carry a server position's shard searches at peak, hedges included, within
  one server's usable cores each (twitter_search's rule). The break-even cost is the usable cores
  over the shard searches each server left then takes; past it the example needs more copies.
"""

import math

from concept_search_assumptions import SHARD_SEARCH_CPU_S, SHARE_REACHING_BACK
from reference_capacity import cores, target_utilization
from reference_latency import one_core_memory_bytes_per_s
from twitter_assumptions import (
    search_days,
    search_freshness_target,
    search_index_bytes_per_tweet,
    tweet_text_bytes,
    tweets_per_day,
)
from twitter_search import (
    copies_for,
    search_copies,
    search_shard_searches_per_position_peak,
    search_shard_searches_per_server_peak_zone_lost,
    search_three_copy_servers,
)
from twitter_stores import search_daily_indices, search_servers_per_copy
from twitter_traffic import searches_per_second_peak, tweets_per_second

from sdw.estimation import (
    GiB,
    MiB,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    size,
    throughput,
)

TERMS_PER_TWEET = 20  # distinct terms a tweet, a guess: stop words kept, plus the from: author term
VOCABULARY = 100e6  # distinct terms over the window, a guess
MID_TERM_SHARE = 1e-4  # a mid-frequency term: in 1 tweet in 10,000
POSITION_BYTES = 1  # one position a posting, below 128 in a tweet
DOC_ID_BYTES_RAW = 4  # a 32-bit document number, uncompressed
REFRESH_SECONDS = 1.0  # Elasticsearch's default index.refresh_interval
REFRESH_SECONDS_CHOSEN = 5.0  # the Twitter example's choice, a third of its 15 s freshness target
MAX_SEGMENT_GIB = 5
MAX_SEGMENT_BYTES = MAX_SEGMENT_GIB * GiB  # Elasticsearch's default index.merge.policy.max_merged_segment
SEGMENTS_PER_TIER = 8  # TieredMergePolicy's default since apache/lucene#14823
SEGMENTS_PER_TIER_BEFORE = 10  # its default before, as in Elasticsearch 8.x
FLOOR_SEGMENT_MIB = 16
FLOOR_SEGMENT_BYTES = FLOOR_SEGMENT_MIB * MiB  # index.merge.policy.floor_segment since 2025 (2 MiB before)
TWEET_ID_BYTES = 8  # a 64-bit tweet ID a document, to hydrate results
AUTHOR_ID_BYTES = 8  # a 64-bit author ID a document, to drop blocked and muted authors
DICTIONARY_BYTES_PER_TERM = 16  # a term and its list's place, prefix-shared
SKIP_ENTRY_BYTES = 8  # one skip entry a block
BLOCK_POSTINGS = 128  # postings a block: Lucene 9.x to 10.3; 256 since 10.4, which halves the skip data
ID_TERM_BYTES = 10  # estimate: the _id as a term, its dictionary entry and one-entry posting list
ID_STORED_BYTES = 10  # estimate: the _id as a stored field
SEQ_NO_BYTES = 6  # estimate: _seq_no doc values and points
VERSION_BYTES = 4  # estimate: _version doc values, the source's external version
PRIMARY_TERM_BYTES = 0  # estimate: _primary_term doc values, constant within a segment
COSTLY_SHARD_SEARCH_CPU_S = 0.005  # a costlier query mix, to show what CPU would then set
INDEX_SERVERS_PER_COPY = float(search_servers_per_copy)
DAILY_INDICES = float(search_daily_indices)

documents = tweets_per_day * search_days
corpus_bytes = documents * tweet_text_bytes


def vbyte_bytes(share: float) -> float:
    """Expected bytes of one delta-encoded, variable-byte gap, for a term in `share` of the documents."""
    if share >= 1:
        return 1.0
    return math.fsum((1 - share) ** (128**k - 1) for k in range(6))


# --- A scan against a posting list --------------------------------------------------------------------
scan_seconds = corpus_bytes / one_core_memory_bytes_per_s
mid_term_postings = documents * MID_TERM_SHARE
mid_term_bytes = mid_term_postings * (vbyte_bytes(MID_TERM_SHARE) + POSITION_BYTES)
mid_term_read_seconds = mid_term_bytes / one_core_memory_bytes_per_s

# --- Bytes a posting, over a Zipf vocabulary ----------------------------------------------------------
# Sum over ranks in buckets 1% wide (ranks within a bucket take the frequency of the bucket's middle
# rank; the first 1,000 ranks are summed one by one). Documents spread at random: under time-ordered
# IDs a bursty term (a hashtag trending for an hour) has its documents close together, so smaller
# gaps and fewer bytes than this.
postings_total = documents * TERMS_PER_TWEET
harmonic = math.log(VOCABULARY) + 0.5772156649 + 1 / (2 * VOCABULARY)


def zipf_buckets():
    rank = 1.0
    while rank <= VOCABULARY:
        width = 1.0 if rank < 1_000 else max(1.0, math.floor(rank * 0.01))
        width = min(width, VOCABULARY - rank + 1)
        yield rank, width
        rank += width


def zipf_share(rank: float) -> float:
    """The share of tweets holding the term of this rank."""
    return min(1.0, TERMS_PER_TWEET / (rank * harmonic))


weighted_bytes = 0.0
weighted_postings = 0.0
for first, width in zipf_buckets():
    middle = first + (width - 1) / 2
    share = zipf_share(middle)
    postings = share * documents * width
    weighted_bytes += postings * vbyte_bytes(share)
    weighted_postings += postings

doc_id_bytes = weighted_bytes / weighted_postings
posting_bytes = doc_id_bytes + POSITION_BYTES
postings_per_tweet = count(TERMS_PER_TWEET)
vocabulary = count(VOCABULARY)

# --- Figures the page quotes ---------------------------------------------------------------------------
documents_indexed = count(documents)
corpus_size = size(corpus_bytes)
memory_scan_rate = throughput(one_core_memory_bytes_per_s, "B/s")
scan_time = duration(scan_seconds)
scan_cores_at_peak = count(scan_seconds * searches_per_second_peak)
searches_peak = searches_per_second_peak
mid_term_share = fraction(MID_TERM_SHARE)
mid_term_posting_count = count(mid_term_postings)
mid_term_list_bytes = size(mid_term_bytes)
mid_term_read_time = duration(mid_term_read_seconds)
scan_over_lookup = count(corpus_bytes / mid_term_bytes)

common_gap_bytes = size(vbyte_bytes(0.05))  # a term in 1 tweet in 20
mid_gap_bytes = size(vbyte_bytes(MID_TERM_SHARE))
rare_gap_bytes = size(vbyte_bytes(1e-7))  # a term in 350 tweets of the window
doc_id_raw_bytes = size(DOC_ID_BYTES_RAW)
average_doc_id_bytes = size(doc_id_bytes)
average_posting_bytes = size(posting_bytes)
compression_saving = fraction(1 - doc_id_bytes / DOC_ID_BYTES_RAW)
postings_bytes_per_tweet = size(TERMS_PER_TWEET * posting_bytes)
postings_bytes_total = size(postings_total * posting_bytes)
postings_over_text = fraction(TERMS_PER_TWEET * posting_bytes / tweet_text_bytes)


def distinct_terms(tweets: float) -> float:
    """Expected distinct terms in `tweets` tweets, each rank in a bucket taken at the bucket's middle."""
    total = 0.0
    for first, width in zipf_buckets():
        share = zipf_share(first + (width - 1) / 2)
        total += width * (1.0 if share >= 1 else -math.expm1(tweets * math.log1p(-share)))
    return total


# --- The term dictionary: one in every segment of every shard-day -------------------------------------
# A finished shard-day is force-merged to one segment; today's is counted at the merge policy's budget
# of segments per tier, all of equal size. The window's dictionary a tweet weights them by days.
shard_day_tweets = tweets_per_day / INDEX_SERVERS_PER_COPY
FINISHED_DAY_SEGMENTS = 1  # ILM's forcemerge, max_num_segments 1
TODAY_SEGMENTS = SEGMENTS_PER_TIER  # TieredMergePolicy's budget for one tier, an estimate
finished_segment_tweets = shard_day_tweets / FINISHED_DAY_SEGMENTS
today_segment_tweets = shard_day_tweets / TODAY_SEGMENTS


def dictionary_per_tweet(segments: int) -> float:
    """Dictionary bytes a tweet, each of a shard-day's segments keeping the terms of its own tweets."""
    tweets = shard_day_tweets / segments
    return distinct_terms(tweets) * DICTIONARY_BYTES_PER_TERM / tweets


finished_day_dictionary_bytes = dictionary_per_tweet(FINISHED_DAY_SEGMENTS)
today_dictionary_bytes = dictionary_per_tweet(TODAY_SEGMENTS)
dictionary_bytes_per_tweet = (
    (DAILY_INDICES - 1) * finished_day_dictionary_bytes + today_dictionary_bytes
) / DAILY_INDICES
tweets_per_shard_day = count(shard_day_tweets)
shard_day_bytes = size(shard_day_tweets * search_index_bytes_per_tweet)
terms_per_finished_shard_day = count(distinct_terms(finished_segment_tweets))
finished_day_dictionary_per_tweet = size(finished_day_dictionary_bytes)
tweets_per_segment_today = count(today_segment_tweets)
terms_per_segment_today = count(distinct_terms(today_segment_tweets))
today_dictionary_per_tweet = size(today_dictionary_bytes)

# --- What the example's search_index_bytes_per_tweet leaves once the postings and the rest are in ------
skip_bytes_per_tweet = TERMS_PER_TWEET * SKIP_ENTRY_BYTES / BLOCK_POSTINGS
index_bytes_used_per_tweet = (
    TERMS_PER_TWEET * posting_bytes
    + TWEET_ID_BYTES
    + AUTHOR_ID_BYTES
    + dictionary_bytes_per_tweet
    + skip_bytes_per_tweet
)
metadata_bytes = ID_TERM_BYTES + ID_STORED_BYTES + SEQ_NO_BYTES + VERSION_BYTES + PRIMARY_TERM_BYTES
dictionary_share_per_tweet = size(dictionary_bytes_per_tweet)
skip_share_per_tweet = size(skip_bytes_per_tweet)
index_used_per_tweet = size(index_bytes_used_per_tweet)
metadata_per_tweet = size(metadata_bytes)
index_with_metadata_per_tweet = size(index_bytes_used_per_tweet + metadata_bytes)
# The example's budget must hold the estimate with the engine's own fields; what is left is the room
# for what the estimate misses, until a sample day is measured.
index_slack_per_tweet = size(float(search_index_bytes_per_tweet) - float(index_with_metadata_per_tweet))
assert float(index_slack_per_tweet) > 0, "the Twitter example's search bytes a tweet must hold this estimate"

# --- Segments: how soon a tweet is searchable, and what merging rewrites -------------------------------
refresh_interval = duration(REFRESH_SECONDS)
tweets_per_index_server = tweets_per_second / INDEX_SERVERS_PER_COPY
# A fresh segment by the model: every per-tweet part, and a dictionary of its own tweets' distinct terms.
bytes_per_tweet_without_dictionary = index_bytes_used_per_tweet - dictionary_bytes_per_tweet + metadata_bytes


def segment_bytes(tweets: float) -> float:
    """Bytes of a segment of `tweets` tweets: the per-tweet parts and its own dictionary."""
    return tweets * bytes_per_tweet_without_dictionary + distinct_terms(tweets) * DICTIONARY_BYTES_PER_TERM


refresh_tweets = count(tweets_per_index_server * REFRESH_SECONDS)
refresh_segment_terms = count(distinct_terms(float(refresh_tweets)))
segment_bytes_per_refresh = size(segment_bytes(float(refresh_tweets)))
refresh_segment_bytes_per_tweet = size(float(segment_bytes_per_refresh) / float(refresh_tweets))
# Elasticsearch's settings, in its binary units: the pages print them as GiB and MiB.
max_segment_gib = count(MAX_SEGMENT_GIB)
floor_segment_mib = count(FLOOR_SEGMENT_MIB)
segments_per_tier = count(SEGMENTS_PER_TIER)
merge_rewrites = count(math.log(MAX_SEGMENT_BYTES / segment_bytes_per_refresh, SEGMENTS_PER_TIER))
merge_rewrites_before = count(math.log(MAX_SEGMENT_BYTES / segment_bytes_per_refresh, SEGMENTS_PER_TIER_BEFORE))
segments_made_per_hour = count(3_600 / REFRESH_SECONDS)
index_servers_per_copy = count(INDEX_SERVERS_PER_COPY)
refresh_interval_chosen = duration(REFRESH_SECONDS_CHOSEN)
refresh_left_for_pipeline = duration(float(search_freshness_target) - REFRESH_SECONDS_CHOSEN)
segment_bytes_per_refresh_chosen = size(segment_bytes(tweets_per_index_server * REFRESH_SECONDS_CHOSEN))
segments_made_per_hour_chosen = count(3_600 / REFRESH_SECONDS_CHOSEN)
merge_rewrites_chosen = count(math.log(MAX_SEGMENT_BYTES / segment_bytes_per_refresh_chosen, SEGMENTS_PER_TIER))
# Query CPU: each server of a copy takes every query its copy serves, the example's copies (twitter_search)
# sharing the peak, and for each query one shard search per daily index it reaches.
COPIES = float(search_copies)
queries_per_index_server = peak(searches_per_second_peak / COPIES)
daily_indices = search_daily_indices
share_reaching_back = fraction(SHARE_REACHING_BACK)
shard_searches_per_server_all_days = peak(float(queries_per_index_server) * DAILY_INDICES)
shard_searches_per_server_today_first = peak(
    float(queries_per_index_server) * (1 + SHARE_REACHING_BACK * (DAILY_INDICES - 1))
)
# A query that reaches back through every day makes one round per older daily index, one after another.
rounds_back_max = count(DAILY_INDICES - 1)
# Those shard searches in cores, against what one search server offers at the target utilization.
shard_search_cpu = duration(SHARD_SEARCH_CPU_S)
search_cores_per_server = count(float(shard_searches_per_server_today_first) * SHARD_SEARCH_CPU_S)
search_server_cores = count(cores)
search_server_usable_cores = count(cores * target_utilization)
search_cpu_load = fraction(float(search_cores_per_server) / float(search_server_usable_cores))
assert float(search_cpu_load) < 1, "the example's copies must hold the assumed query CPU"
# The cost a shard search may take before the servers left with a zone lost pass their target, with
# the example's rounds back and hedges (twitter_search).
shard_search_cpu_break_even = duration(
    float(search_server_usable_cores) / float(search_shard_searches_per_server_peak_zone_lost)
)
# At a costlier mix, the copies CPU would need, by the example's rule: each server takes every query of
# its copy, so the copies left with a zone lost share every server position's shard searches at peak.
costly_shard_search_cpu = duration(COSTLY_SHARD_SEARCH_CPU_S)
copies_at_costly_cpu = count(
    copies_for(
        math.ceil(
            float(search_shard_searches_per_position_peak)
            * COSTLY_SHARD_SEARCH_CPU_S
            / float(search_server_usable_cores)
        )
    )
)
servers_at_costly_cpu = count(float(copies_at_costly_cpu) * INDEX_SERVERS_PER_COPY)
servers_for_memory = search_three_copy_servers

if __name__ != "concept_search":
    print(
        markdown_table(
            ("Assumption", "Value", "Why"),
            [
                (
                    "Distinct terms a tweet",
                    postings_per_tweet,
                    "About 25 words in 140 bytes, repeats counted once; stop words kept for phrase search; "
                    "plus the author's from: term",
                ),
                (
                    "Distinct terms over the window",
                    vocabulary,
                    "Words in many languages, hashtags, handles, misspellings: a guess, large because rare "
                    "terms never stop arriving",
                ),
                ("A mid-frequency term", mid_term_share, "A term that is neither a stop word nor a one-off"),
                (
                    "Dictionary bytes a term",
                    size(DICTIONARY_BYTES_PER_TERM),
                    "The term, prefix-shared with its neighbor, and its list's place",
                ),
            ],
        )
    )
    print()
    rows = [
        ("Common, in 1 tweet in 20", fraction(0.05), size(vbyte_bytes(0.05))),
        ("Mid-frequency, in 1 tweet in 10,000", mid_term_share, mid_gap_bytes),
        ("Rare, in 1 tweet in 10 million", fraction(1e-7), rare_gap_bytes),
        (f"Average over a Zipf vocabulary of {vocabulary} terms", "", average_doc_id_bytes),
    ]
    print(markdown_table(("Term", "Share of tweets", "Document number, delta and variable-byte"), rows))
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                (f"Tweets searchable ({search_days} days)", documents_indexed),
                ("Their text", corpus_size),
                ("One scan, one core at memory speed", scan_time),
                (f"Cores to scan for every search at peak ({searches_peak})", scan_cores_at_peak),
                ("Posting list of a mid-frequency term", mid_term_list_bytes),
                ("Streaming it, one core, before decoding", mid_term_read_time),
                ("Bytes a posting (document number and one position)", average_posting_bytes),
                (f"Postings, {postings_per_tweet} a tweet", postings_bytes_total),
                ("Postings over the text they index", postings_over_text),
                (f"Tweets a shard-day (a daily index over {index_servers_per_copy} servers)", tweets_per_shard_day),
                ("Its bytes, at the example's budget a tweet", shard_day_bytes),
                (
                    "Distinct terms in a finished shard-day, force-merged to one segment (Zipf model)",
                    terms_per_finished_shard_day,
                ),
                ("Its dictionary a tweet", finished_day_dictionary_per_tweet),
                (f"Tweets a segment of today's shard-day, counted as {segments_per_tier}", tweets_per_segment_today),
                ("Distinct terms in each (Zipf model)", terms_per_segment_today),
                ("Today's dictionary a tweet", today_dictionary_per_tweet),
                (
                    f"Index bytes a tweet: postings, tweet and author IDs, dictionary {dictionary_share_per_tweet} "
                    f"(over the {daily_indices} daily indices), "
                    f"skip data {skip_share_per_tweet}",
                    index_used_per_tweet,
                ),
                (
                    "Elasticsearch's own fields a document, an estimate (_id term and stored, _seq_no, _version)",
                    metadata_per_tweet,
                ),
                ("Index bytes a tweet with them", index_with_metadata_per_tweet),
                (f"Slack left of the example's {search_index_bytes_per_tweet} a tweet", index_slack_per_tweet),
                ("Index servers in one copy of the example's index", index_servers_per_copy),
                (f"Tweets a new segment holds per index server, refresh every {refresh_interval}", refresh_tweets),
                ("... their distinct terms (Zipf model)", refresh_segment_terms),
                ("... the segment, by the model", segment_bytes_per_refresh),
                ("... a tweet in it", refresh_segment_bytes_per_tweet),
                (f"... the segment, refresh every {refresh_interval_chosen}", segment_bytes_per_refresh_chosen),
                (
                    f"Times a posting is rewritten by merges up to {max_segment_gib} GiB, {refresh_interval} refresh",
                    merge_rewrites,
                ),
                (f"... {refresh_interval_chosen} refresh", merge_rewrites_chosen),
                (f"... {refresh_interval}, {SEGMENTS_PER_TIER_BEFORE} a tier (before 2025)", merge_rewrites_before),
                (
                    f"Queries each index server takes at peak, {search_copies} copies sharing them",
                    queries_per_index_server,
                ),
                (f"... shard searches, all {daily_indices} daily indices at once", shard_searches_per_server_all_days),
                (
                    f"... shard searches, today first ({share_reaching_back} reaching back through every day, at most)",
                    shard_searches_per_server_today_first,
                ),
                (f"... cores they keep busy, at {shard_search_cpu} a shard search (assumed)", search_cores_per_server),
                (
                    f"... against a {search_server_cores}-vCPU server's {search_server_usable_cores} at its target",
                    search_cpu_load,
                ),
                (
                    "Shard-search CPU at which the servers left with a zone lost reach their target (with hedges)",
                    shard_search_cpu_break_even,
                ),
                (f"Copies CPU would need at {costly_shard_search_cpu} a shard search", copies_at_costly_cpu),
                (f"... servers, against {servers_for_memory} for memory", servers_at_costly_cpu),
            ],
        )
    )
