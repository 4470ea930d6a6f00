"""Concepts, search: what typeahead's index takes in memory, and how many requests typing makes.

Sizing the suggestions (stated guesses, not measurements):
- 10M distinct queries kept as suggestions (those searched often enough, over a window of weeks, to
  be worth suggesting), 20 bytes each on average, with a 4-byte score.
- Each prefix answers with its 10 best completions, precomputed and stored as 4-byte query numbers.
- A compacted trie (radix tree) over Q strings has at most 2Q - 1 nodes: Q ends and at most Q - 1
  places where paths branch. Only a branching node needs its own top 10: a prefix that ends inside
  an edge has the completions of the node below it. A node costs 32 bytes (its edge's place in the
  string pool, its children, its top-10 list's place).
- A plain trie, one node a character, has up to 20 nodes a query (fewer where queries share
  prefixes; the bound is taken here) and a top 10 at every node.

Requests: the Twitter example's peak search rate (twitter_traffic), 8 characters typed before a
query is chosen or sent (a guess). People type on phones at 36.2 words a minute on average (Palin
et al., MobileHCI 2019, 37,000 volunteers), 5 characters a word, one keystroke every 0.33 s. A
debounce sends a request only once the user has paused for 250 ms, and always after the last
keystroke. Taking the gaps between keystrokes as exponential (a simplification: real gaps vary
less, so measure them), a gap outlasts the debounce with chance e^(-250 ms / mean gap).
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

strings = QUERIES * (QUERY_BYTES + SCORE_BYTES)
radix_nodes = 2 * QUERIES - 1
radix_bytes = strings + radix_nodes * NODE_BYTES + (QUERIES - 1) * TOP_K * ID_BYTES
plain_nodes = QUERIES * QUERY_BYTES
plain_bytes = strings + plain_nodes * (NODE_BYTES + TOP_K * ID_BYTES)

keystroke_gap = 60 / (WORDS_PER_MINUTE * CHARACTERS_PER_WORD)
pause_chance = math.exp(-DEBOUNCE / keystroke_gap)
requests_per_search = 1 + (CHARACTERS_TYPED - 1) * pause_chance

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
searches_peak = searches_per_second_peak

if __name__ != "concept_search_typeahead":
    print(
        markdown_table(
            ("Structure", "Nodes, at most", f"Memory for {queries_kept} suggestions, top {top_k} a prefix"),
            [
                ("Compacted trie, top 10 at branching nodes", count(radix_nodes), radix_memory),
                ("Plain trie, top 10 at every node", count(plain_nodes), plain_memory),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Requests, at the peak search rate", "Per search", "A second"),
            [
                ("One per keystroke", characters_typed, requests_undebounced),
                (f"Debounced, {debounce} pause", requests_per_search_debounced, requests_debounced),
            ],
        )
    )
