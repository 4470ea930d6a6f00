"""Concepts, authentication: rotating the keys that sign tokens, and what a leaked one costs.

Rotation: a verifier learns a new key when its cached key set expires, so a new key is published at
least one cache lifetime before anything is signed with it (lead). A retired key stays in the set
until every token it signed has expired: the longest token lifetime plus the clock skew verifiers
allow (overlap). A leaked key's removal is pushed over the deny-list's channel, so it is refused
within the push delay; a verifier that misses the push refuses it at its next fetch, one cache
lifetime later; and one that cannot fetch (the issuer down) serves its stale set at most for the cap,
then refuses every token. Tokens the leaked key signed can claim any expiry, so verifiers also refuse
an exp further ahead than the lifetime plus the skew. Fetch load = verifying processes / cache
lifetime.

Retiring a key at once (everyone's tokens at a breach): every token it signed fails at its next use
once the verifier has dropped the key, and verifiers drop it within one cache lifetime, so the
sessions open at the peak all refresh within about that: refreshes a second = sessions / cache
lifetime, against the usual sessions / token lifetime.
"""

from concept_auth import active_sessions_peak, refreshes_peak
from concept_auth_assumptions import (
    ACCESS_TOKEN_LIFETIME_S,
    CLOCK_SKEW_S,
    KEY_SET_CACHE_LONG_S,
    KEY_SET_CACHE_S,
    KEY_SET_STALE_CAP_S,
    PUSH_DELAY_S,
    VERIFYING_PROCESSES,
)

from sdw.estimation import duration, markdown_table, peak, throughput, times

publish_lead = duration(KEY_SET_CACHE_S)
retire_overlap = duration(ACCESS_TOKEN_LIFETIME_S + CLOCK_SKEW_S)
leak_refused_after = duration(KEY_SET_CACHE_S)
leak_refused_pushed = duration(PUSH_DELAY_S)
leak_refused_cap = duration(KEY_SET_STALE_CAP_S)
retire_storm_refreshes = peak(active_sessions_peak / KEY_SET_CACHE_S)
retire_storm_over_usual = times(retire_storm_refreshes / refreshes_peak)
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
                ("A leaked key, its removal pushed, is refused everywhere after", leak_refused_pushed),
                ("... by a verifier that missed the push, at its next fetch", leak_refused_after),
                ("... with an hour's cache instead", leak_refused_after_long_cache),
                ("... by a verifier that cannot fetch, at the stale cap", leak_refused_cap),
                ("Refreshes a second when a key is retired at once", retire_storm_refreshes),
                ("... over the usual peak", retire_storm_over_usual),
                ("Key-set fetches a second, all verifiers", key_set_fetches),
                ("... with an hour's cache instead", key_set_fetches_long_cache),
            ],
        )
    )
