"""Concepts, search: what typeahead's index takes in memory, and how many requests typing makes.

Sizing the suggestions (stated guesses, not measurements):
- 10M distinct queries kept as suggestions (those searched often enough, over a window of weeks, to
  be worth suggesting), 20 bytes each on average, with a 4-byte score.
- Each prefix answers with its 10 best completions, precomputed and stored as 4-byte query numbers.
- A compacted trie (radix tree) over Q strings has at most 2Q - 1 nodes: Q ends and at most Q - 1
  places where paths branch. A prefix that ends inside an edge has the completions of the node
  below it, so a top 10 is needed only at a branching node and at an end with one child (a query
  that is the prefix of exactly one longer one); a leaf's list is itself. The lists are taken as
  about Q - 1 (most ends are leaves or branch), so the memory is about, not at most. A node costs
  32 bytes (its edge's place in the string pool, its children, its top-10 list's place).
- A plain trie, one node a character, has up to 20 nodes a query (fewer where queries share
  prefixes; the bound is taken here) and a top 10 at every node.

Requests: the Twitter example's peak search rate (twitter_traffic), 8 characters typed before a
query is chosen or sent (a guess). People type on phones at 36.2 words a minute on average (Palin
et al., MobileHCI 2019, 37,000 volunteers), 5 characters a word, one keystroke every 0.33 s. A
debounce sends a request only once the user has paused for 250 ms, and always after the last
keystroke, so what it cuts depends on the share of gaps between keystrokes longer than 250 ms, which
the mean gap alone does not set: it is to be measured on real typing. As an illustration, were the
gaps exponential, a gap would outlast the debounce with chance e^(-250 ms / mean gap). Bursts inside
a word and pauses between words can leave fewer gaps that long, and the debounce would cut more;
were every gap the mean, each would outlast 250 ms and it would cut nothing. So servers are sized
for one request a keystroke, and the cut, once measured, is headroom. A longer debounce, 500 ms,
cuts more under the same illustration, but the suggestions then appear half a second after the user
stops, on top of the round trip.
"""

import math

from twitter_traffic import searches_per_second_peak

from sdw.estimation import count, duration, fraction, markdown_table, peak, size, times

QUERIES = 10e6
QUERY_BYTES = 20
SCORE_BYTES = 4
TOP_K = 10
ID_BYTES = 4
NODE_BYTES = 32
CHARACTERS_TYPED = 8
WORDS_PER_MINUTE = 36.2  # phones, Palin et al. 2019
CHARACTERS_PER_WORD = 5
DEBOUNCE = 0.250  # seconds
DEBOUNCE_LONG = 0.500  # seconds, the longer debounce weighed

strings = QUERIES * (QUERY_BYTES + SCORE_BYTES)
radix_nodes = 2 * QUERIES - 1
radix_bytes = strings + radix_nodes * NODE_BYTES + (QUERIES - 1) * TOP_K * ID_BYTES
plain_nodes = QUERIES * QUERY_BYTES
plain_bytes = strings + plain_nodes * (NODE_BYTES + TOP_K * ID_BYTES)

keystroke_gap = 60 / (WORDS_PER_MINUTE * CHARACTERS_PER_WORD)


def debounced_requests(debounce: float) -> float:
    """Requests a search under a debounce, were the gaps exponential: an illustration, not a bound."""
    return 1 + (CHARACTERS_TYPED - 1) * math.exp(-debounce / keystroke_gap)


requests_per_search = debounced_requests(DEBOUNCE)
requests_per_search_long = debounced_requests(DEBOUNCE_LONG)

# Figures the page quotes.
queries_kept = count(QUERIES)
query_bytes = size(QUERY_BYTES)
top_k = count(TOP_K)
radix_memory = size(radix_bytes)
plain_memory = size(plain_bytes)
plain_over_radix = times(plain_bytes / radix_bytes)
characters_typed = count(CHARACTERS_TYPED)
typing_speed = count(WORDS_PER_MINUTE)
keystroke_interval = duration(keystroke_gap)
debounce = duration(DEBOUNCE)
requests_undebounced = peak(searches_per_second_peak * CHARACTERS_TYPED)
requests_per_search_debounced = count(requests_per_search)
requests_debounced = peak(searches_per_second_peak * requests_per_search)
debounce_cut = fraction(1 - requests_per_search / CHARACTERS_TYPED)
debounce_long = duration(DEBOUNCE_LONG)
requests_per_search_debounced_long = count(requests_per_search_long)
requests_debounced_long = peak(searches_per_second_peak * requests_per_search_long)
searches_peak = searches_per_second_peak

if __name__ != "concept_search_typeahead":
    print(
        markdown_table(
            ("Assumption", "Value", "Why"),
            [
                (
                    "Suggestions kept",
                    queries_kept,
                    "Queries typed by enough distinct users over a few weeks: a guess, until the logs count them",
                ),
                ("Bytes a suggestion", query_bytes, "Two or three words"),
                (
                    "Characters typed a search",
                    characters_typed,
                    "A word or two before a suggestion is picked or the query sent: a guess",
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Structure", "Nodes, at most", f"Memory for {queries_kept} suggestions, top {top_k} a prefix"),
            [
                ("Compacted trie, top 10 at branching nodes (about)", count(radix_nodes), radix_memory),
                ("Plain trie, top 10 at every node", count(plain_nodes), plain_memory),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Requests, at the peak search rate", "Per search", "A second"),
            [
                ("One per keystroke: what servers are sized for", characters_typed, requests_undebounced),
                (
                    f"Debounced, {debounce} pause, were the gaps exponential",
                    requests_per_search_debounced,
                    requests_debounced,
                ),
                (
                    f"Debounced, {debounce_long} pause, were the gaps exponential",
                    requests_per_search_debounced_long,
                    requests_debounced_long,
                ),
            ],
        )
    )
