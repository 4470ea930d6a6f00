"""Concepts, authentication: rotating the keys that sign tokens, and what a leaked one costs.

Rotation: a verifier learns a new key when its cached key set expires, so a new key is published at
least one cache lifetime before anything is signed with it (lead). A retired key stays in the set
until every token it signed has expired: the longest token lifetime plus the clock skew verifiers
allow (overlap). A leaked key is refused everywhere one cache lifetime after it leaves the set;
tokens it signed meanwhile can claim any expiry, so verifiers also refuse an exp further ahead than
the lifetime plus the skew. Fetch load = verifying processes / cache lifetime.
"""

from concept_auth_assumptions import (
    ACCESS_TOKEN_LIFETIME_S,
    CLOCK_SKEW_S,
    KEY_SET_CACHE_LONG_S,
    KEY_SET_CACHE_S,
    VERIFYING_PROCESSES,
)

from sdw.estimation import duration, markdown_table, throughput

publish_lead = duration(KEY_SET_CACHE_S)
retire_overlap = duration(ACCESS_TOKEN_LIFETIME_S + CLOCK_SKEW_S)
leak_refused_after = duration(KEY_SET_CACHE_S)
leak_refused_after_long_cache = duration(KEY_SET_CACHE_LONG_S)
max_exp_ahead = duration(ACCESS_TOKEN_LIFETIME_S + CLOCK_SKEW_S)
key_set_fetches = throughput(VERIFYING_PROCESSES / KEY_SET_CACHE_S)
key_set_fetches_long_cache = throughput(VERIFYING_PROCESSES / KEY_SET_CACHE_LONG_S)

if __name__ != "concept_auth_keys":
    print(
        markdown_table(
            ("Key rotation", "Value"),
            [
                ("Publish a new key this long before signing with it", publish_lead),
                ("Keep a retired key in the set for", retire_overlap),
                ("A leaked key, removed from the set, is refused everywhere after", leak_refused_after),
                ("... with an hour's cache instead", leak_refused_after_long_cache),
                ("Key-set fetches a second, all verifiers", key_set_fetches),
                ("... with an hour's cache instead", key_set_fetches_long_cache),
            ],
        )
    )
