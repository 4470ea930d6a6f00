"""Concepts, search: the query-cost assumptions the search page and the Twitter example's search tier
share. twitter_search sizes the example's copies with them and concept_search shows those copies, so
they sit in a module of their own that imports neither.

- The share of queries whose page today's index leaves short, so they reach back through the older
  daily indices: rare terms, and nearly every query just after midnight, when today's index is
  almost empty. An assumption, 25%.
- The CPU a shard search costs: a query of a few terms on a shard-day sorted newest first stops at
  its top k, so it decodes a few blocks of each term's postings and pays the shard request's fixed
  work. An assumption, 1 ms, to be measured with a benchmark of the query mix on a sample day.
"""

from sdw.estimation import duration, fraction, markdown_table

SHARE_REACHING_BACK = 0.25  # assumption: queries whose page today's index leaves short
SHARD_SEARCH_CPU_S = 0.001  # assumption, to be measured: CPU a shard search costs

share_reaching_back = fraction(SHARE_REACHING_BACK)
shard_search_cpu = duration(SHARD_SEARCH_CPU_S)

if __name__ != "concept_search_assumptions":
    print(
        markdown_table(
            ("Assumption", "Value"),
            [
                ("Queries that reach back past today's index", share_reaching_back),
                ("CPU a shard search costs", shard_search_cpu),
            ],
        )
    )
