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

Retiring a key at once (everyone's tokens at a breach): the removal is pushed, so every verifier
refuses the key within the push delay, and every open session's next request fails and sends it to
refresh. What bounds the storm is how often a session makes a request: refreshes a second =
min(requests a second at the peak, sessions open at the peak / max(push delay, mean time between one
session's requests)), against the usual refresh peak. The identity service is sized for the usual
peak, at the reference's target utilization; the rest is shed with a 503 and a Retry-After drawn
uniformly over a spread. The usual refreshes are the app opens, and they keep arriving during the
storm, so only the headroom above them carries the storm: headroom = usual refresh peak / target
utilization - usual refresh peak, and spread = sessions / headroom, the time that headroom takes to
refresh every open session once.

What the two outages cost the Twitter example's error budget (its 99.99% over 30 days, as minutes of
full downtime: twitter_reliability.error_budget_downtime). An identity service down altogether: open
sessions' access tokens expire uniformly over one lifetime, and each is refused once its exp plus the
skew has passed, so an outage of lifetime + skew has failed every session by its end, and on average
each session for half a lifetime: lifetime / 2 of full downtime (at least: an app opened after more
than a lifetime idle fails at once). A key retired at once: every open session fails at its next
request and waits a Retry-After drawn uniformly over the spread, half of it on average: spread / 2.
Each as a share of the month's budget, whose minutes are at the average rate. In the busy hour (the
storm is sized for it) the same minutes fail peak-to-average times as many requests, so each costs
that many times as much of the budget.
"""

from concept_auth import active_sessions_peak, refreshes_peak, session_request_gap, twitter_requests_peak
from concept_auth_assumptions import (
    ACCESS_TOKEN_LIFETIME_S,
    CLOCK_SKEW_S,
    KEY_SET_CACHE_LONG_S,
    KEY_SET_CACHE_S,
    KEY_SET_STALE_CAP_S,
    PUSH_DELAY_S,
    VERIFYING_PROCESSES,
)
from reference_capacity import target_utilization
from twitter_assumptions import peak_to_average
from twitter_reliability import error_budget_downtime

from sdw.estimation import duration, fraction, markdown_table, peak, throughput, times

publish_lead = duration(KEY_SET_CACHE_S)
retire_overlap = duration(ACCESS_TOKEN_LIFETIME_S + CLOCK_SKEW_S)
leak_refused_after = duration(KEY_SET_CACHE_S)
leak_refused_pushed = duration(PUSH_DELAY_S)
leak_refused_cap = duration(KEY_SET_STALE_CAP_S)
retire_storm_refreshes = peak(min(twitter_requests_peak, active_sessions_peak / max(PUSH_DELAY_S, session_request_gap)))
retire_storm_over_usual = times(retire_storm_refreshes / refreshes_peak)
# The identity service's all-busy capacity less the usual refreshes, which the storm does not stop.
retire_storm_headroom = throughput(refreshes_peak / target_utilization - refreshes_peak)
retire_storm_spread = duration(active_sessions_peak / retire_storm_headroom)
leak_refused_after_long_cache = duration(KEY_SET_CACHE_LONG_S)
max_exp_ahead = duration(ACCESS_TOKEN_LIFETIME_S + CLOCK_SKEW_S)
# What each outage costs the Twitter example's monthly error budget, as full downtime.
identity_outage_all_failed = duration(ACCESS_TOKEN_LIFETIME_S + CLOCK_SKEW_S)
identity_outage_failed_time = duration(ACCESS_TOKEN_LIFETIME_S / 2)
identity_outage_over_budget = times(identity_outage_failed_time / error_budget_downtime)
retire_failed_time = duration(retire_storm_spread / 2)
retire_share_of_budget = fraction(retire_failed_time / error_budget_downtime)
# The same outages in the busy hour: every failed minute fails peak-to-average times the requests.
busy_over_average = peak_to_average
identity_outage_failed_time_peak = duration(identity_outage_failed_time * float(peak_to_average))
identity_outage_over_budget_peak = times(identity_outage_failed_time_peak / error_budget_downtime)
retire_failed_time_peak = duration(retire_failed_time * float(peak_to_average))
retire_share_of_budget_peak = fraction(retire_failed_time_peak / error_budget_downtime)
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
                ("... over the usual refresh peak", retire_storm_over_usual),
                ("Capacity left above the usual refreshes, at the target utilization", retire_storm_headroom),
                ("Retry-After spread over which that headroom refreshes every session once", retire_storm_spread),
                ("Identity service down: every session failed after", identity_outage_all_failed),
                ("... each session failed, on average, by then", identity_outage_failed_time),
                (f"... over the Twitter example's {error_budget_downtime} a month", identity_outage_over_budget),
                ("... in the busy hour, as full downtime at the average rate", identity_outage_failed_time_peak),
                ("... over the month's budget", identity_outage_over_budget_peak),
                ("Key retired at once: each session failed, on average", retire_failed_time),
                (f"... share of the {error_budget_downtime} a month", retire_share_of_budget),
                ("... in the busy hour, as full downtime at the average rate", retire_failed_time_peak),
                ("... share of the month's budget", retire_share_of_budget_peak),
                ("Key-set fetches a second, all verifiers", key_set_fetches),
                ("... with an hour's cache instead", key_set_fetches_long_cache),
            ],
        )
    )
