"""Rate limiter worked example: the response a refused client on the default plan gets."""

import math

from concept_overload_retries import client_attempts
from rate_limiter_accuracy import retry_after_seconds
from rate_limiter_assumptions import (
    anonymous_burst,
    anonymous_limit_per_minute,
    burst_allowance,
    challenge_cgnat_burst,
    challenge_cgnat_limit_per_minute,
    challenge_solves_per_second_peak,
    challenge_verify_headroom,
    large_plan_burst_share,
    large_plan_limit_per_minute,
    limit_per_minute,
    window_seconds,
)
from rate_limiter_servers import (
    gateways_per_region,
    store_down_gateway_limit_per_minute,
    store_down_large_local_per_gateway,
)
from rate_limiter_state import token_bucket_ttl

from sdw.estimation import count, duration, fraction, markdown_table, peak, times

# Every attempt takes its tokens, the client's own retries included (step 3): a client that keeps the
# site's retry policy (concepts: timeouts, retries and overload) makes at most client_attempts attempts
# per action, so a one-token action costs at most that many tokens, this share of the default burst.
retry_tokens_per_action_at_most = count(client_attempts)
retry_tokens_share_of_burst = fraction(client_attempts / burst_allowance)

# The IETF draft's fields: the policy's quota (q) and window (w), what is left (r) and a number of
# seconds (t); Retry-After in whole seconds. Revision 08 (Oct 2024, expired Apr 2025) made t the
# seconds until the quota resets, and asked that it name the same moment as Retry-After; revision 11
# (May 2026, the newest this was checked against) makes r the available quota and t the effective window within which no
# more than r may be used, and asks that Retry-After name no moment before that window ends. So a
# refusal sends r = 0 and t = Retry-After, valid under both. On an allowed response, t is the time
# until the bucket is full again, at most a whole burst's refill, never shorter than the effective
# window, so a client reading it as revision 11 is only cautious.
reset_on_refusal = retry_after_seconds
reset_when_allowed_at_most = token_bucket_ttl
# The draft lets RateLimit-Policy list several policies. Beside the plan's quota a minute, a second
# policy states the burst: the bucket's size, over the time an empty bucket takes to fill. The
# bucket's state (r, t) is reported under it, since r never exceeds the burst.
burst_policy_quota = burst_allowance
burst_policy_window_seconds = token_bucket_ttl
# The header carries whole seconds, and w is rounded up: a client reading "at most q in any w seconds"
# is never refused for bunching only if w is at least burst / rate. Rounded down, a rule whose burst /
# rate is not whole would advertise a window shorter than the refill (12.6 s printed as 12).
burst_policy_window_printed = count(math.ceil(burst_policy_window_seconds))
# A customer's override sets its own limit, and its own burst; left empty, the burst scales with the
# limit at the rule's burst share, so the burst policy's window (burst / rate) stays the rule's. The
# example: a contract raising a default-plan key to a large plan's limit. Kept at the rule's burst, the
# window would be a fraction of a second, printed rounded up as w=1: a policy of the burst in any
# second, far below the rate, so a client that obeys both policies is held to the burst a second. So
# the rules API refuses a burst below one second of the rate, a rule's or an override's.
override_example_limit = large_plan_limit_per_minute
override_scaled_burst = count(override_example_limit * burst_allowance / limit_per_minute)
override_scaled_burst_window = duration(override_scaled_burst / (override_example_limit / window_seconds))
override_unscaled_burst_window_printed = count(math.ceil(burst_allowance / (override_example_limit / window_seconds)))
# Anonymous reads from an address in a listed shared range (CGNAT pools, listed NATs; step 1) count against
# the read rule's limit_shared, in place of its limit, not on top of it. An assumption: sized for a few hundred
# of the app's readers behind one address at once, each loading one screen of up to ten calls about once a minute.
# The multiplier follows from those two figures. Its burst scales with it at the rule's burst share, as an
# override's empty burst does. Past it, a 429 with Retry-After, as for any address.
shared_readers_at_once = count(300)
shared_reader_calls_per_minute = count(10)
shared_range_limit_times = times(shared_readers_at_once * shared_reader_calls_per_minute / anonymous_limit_per_minute)
anonymous_limit_shared_per_minute = count(anonymous_limit_per_minute * shared_range_limit_times)
anonymous_shared_burst = count(anonymous_limit_shared_per_minute * anonymous_burst / anonymous_limit_per_minute)
# While the store is down each gateway holds a listed address to the backstop's bucket at its limit_shared
# (step 1); that is under the floor, so every gateway keeps it whole and its burst scales by a ratio of 1.
# A runaway listed address spread over a region's gateways gets every gateway's bucket, and their bursts once.
_shared_gateway_limit = store_down_gateway_limit_per_minute(anonymous_limit_shared_per_minute)
anonymous_shared_store_down_max_per_second = peak(gateways_per_region * _shared_gateway_limit / window_seconds)
anonymous_shared_store_down_max_burst = count(
    gateways_per_region * anonymous_shared_burst * _shared_gateway_limit / anonymous_limit_shared_per_minute
)
# A soft key's ceiling (step 1) is the backstop's bucket in each gateway, used while the store answers too: a
# request the store finds within the soft limit always passes and takes a token, into debt if need be, but never
# below minus the bucket's burst; one over it passes only while the bucket holds a token. The requests within the
# limit spend the ceiling first, so a runaway soft key whose requests the balancer spreads over the gateways gets
# the backstop's rate, no more (pinned to a few gateways, somewhat more). The floor bounds what that costs if the
# store then fails: the bucket starts the outage at most a burst in debt, and that gateway passes none of the
# key's requests until it has refilled a burst (where a hard key's starts full). A large-plan key's bucket in
# each gateway (its rate, step 2's, at the large plan's burst share), and the wait, a burst's refill:
soft_backstop_debt_large_tokens = count(store_down_large_local_per_gateway * window_seconds * large_plan_burst_share)
soft_backstop_debt_wait = duration(soft_backstop_debt_large_tokens / store_down_large_local_per_gateway)
# Two alerts on anonymous reads (step 7), both counted by the gateways as minutes of a day in which an address
# got a 429 from the read rule. A listed address refused at limit_shared for longer than this goes to the
# operators who set the rules (raise the figure, or block a scraper); an unlisted address refused at the
# plain limit for longer than this goes to the operators' listing queue (list it, or block it). An
# assumption: half an hour, longer than a busy evening's peak minutes and short enough to catch a shared
# address the registries' data and the feed lack within a day.
shared_limit_alert_minutes_a_day = duration(30 * 60)
# Verifying a challenge token calls the provider, and a challenge outcome takes nothing from the
# empty challenge_cgnat bucket (and is refunded), so without limits of their own junk tokens could make
# one provider call each. Two bounds (step 3). A token bucket of verification attempts per address, keyed
# by the address alone and shared by the login and sign-up routes (one bucket, not one under each rule), in
# the region's counter store (one more script call, only on the challenge path; a store outage already
# fails login and sign-up closed), at the challenge_cgnat rule's own limit and burst: an address is
# verified as often as its rule would have let it through, once a region. Kept in each gateway's memory
# instead, behind the L7 balancer that spreads an address's requests over every gateway, it would allow
# the region's gateways times that. In any 60 s, a token bucket allows its burst plus a minute's refill:
challenge_verifications_per_address_region_max = count(challenge_cgnat_limit_per_minute + challenge_cgnat_burst)
challenge_verifications_per_address_if_per_gateway = count(
    challenge_verifications_per_address_region_max * gateways_per_region
)
# And each gateway caps its provider calls a second, whatever the address, at the busiest region's
# solves at peak with headroom, shared over the region's gateways. The gateway checks its breaker, then that
# a slot of this cap is free without taking it (local, free), then takes the address's token from the store,
# and only then the slot, so an address whose bucket is empty never holds a slot for a store round trip; if
# the cap filled in between (rare), it refunds the address's token. It takes no store token when it will
# not call the provider:
challenge_provider_calls_per_gateway = peak(
    math.ceil(challenge_solves_per_second_peak * challenge_verify_headroom / gateways_per_region)
)
challenge_provider_calls_region_max = peak(challenge_provider_calls_per_gateway * gateways_per_region)
# How many addresses, each verifying junk at its rule's full rate, fill the region's cap: the cap's calls
# a minute over the rule's limit a minute. Hundreds: one bot's address takes a small slice of the cap, so
# no ceiling per address is added within each gateway's cap; a flood from that many listed addresses
# (a botnet) fills it, and other addresses' solves then wait and are resent.
challenge_addresses_filling_region_cap = count(
    math.ceil(challenge_provider_calls_region_max * window_seconds / challenge_cgnat_limit_per_minute)
)
# A breaker opens after challenge_breaker_errors errors or timeouts in a row: for challenge_breaker_open
# the gateway answers 503 without calling the provider, then lets one call through to test it.
# The body's type is the one the draft proposes (revisions 10 and 11); IANA registers it only when the
# draft is published, so it names no registry entry yet, and the body follows whatever name is registered.
RESPONSE_429 = f"""HTTP/1.1 429 Too Many Requests
Content-Type: application/problem+json
Retry-After: {int(retry_after_seconds)}
RateLimit-Policy: "default-burst";q={int(burst_policy_quota)};w={int(burst_policy_window_printed)}, \
"default";q={int(limit_per_minute)};w={int(window_seconds)}
RateLimit: "default-burst";r=0;t={int(reset_on_refusal)}

{{"type": "https://iana.org/assignments/http-problem-types#quota-exceeded",
 "title": "Quota exceeded",
 "violated-policies": ["default-burst"]}}"""

HEADERS = [
    ("Retry-After", retry_after_seconds, "Seconds until the request's tokens are back, rounded up: here one token"),
    ('RateLimit-Policy "default-burst" q', burst_policy_quota, "The bucket's size: the most sent at once"),
    ('RateLimit-Policy "default-burst" w', burst_policy_window_seconds, "Time for an empty bucket to fill again"),
    ('RateLimit-Policy "default" q', limit_per_minute, "The plan's quota"),
    ('RateLimit-Policy "default" w', f"{int(window_seconds)} s", "The quota's window, in seconds"),
    ("RateLimit t, on a 429", reset_on_refusal, "The same moment as Retry-After"),
    ("RateLimit t, when allowed (at most)", reset_when_allowed_at_most, "Time for an empty bucket to fill again"),
]

if __name__ != "rate_limiter_api":
    print(markdown_table(("Field", "Value", "From"), HEADERS))
    print()
    print("```http")
    print(RESPONSE_429)
    print("```")
    print()
    print(
        markdown_table(
            ("Challenge verification", "Value"),
            [
                (
                    "Verifications per address per region, at most, in any 60 s",
                    challenge_verifications_per_address_region_max,
                ),
                (
                    "... had the bucket been in each gateway's memory",
                    challenge_verifications_per_address_if_per_gateway,
                ),
                ("Provider calls a gateway, at most", challenge_provider_calls_per_gateway),
                ("... a region", challenge_provider_calls_region_max),
                (
                    "Addresses at their rule's full rate that fill the region's cap",
                    challenge_addresses_filling_region_cap,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("An override raising a default-plan key's limit", "Value"),
            [
                ("Its limit a minute", override_example_limit),
                ("Its burst, scaled with the limit at the rule's burst share (the default)", override_scaled_burst),
                ("... so the burst policy's window stays", override_scaled_burst_window),
                ("The burst policy's w, had it kept the rule's burst", override_unscaled_burst_window_printed),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Anonymous reads from a listed shared address", "Value"),
            [
                ("`limit_shared`, times the limit (readers × calls ÷ limit)", shared_range_limit_times),
                ("`limit_shared` a minute, in place of the limit", anonymous_limit_shared_per_minute),
                ("Its burst, scaled at the rule's burst share", anonymous_shared_burst),
                (
                    "A runaway listed address while the store is down, over a region's gateways",
                    anonymous_shared_store_down_max_per_second,
                ),
                ("... and every gateway's burst, once", anonymous_shared_store_down_max_burst),
                ("Readers behind one address it is sized for (an assumption)", shared_readers_at_once),
                ("... their calls a minute each (an assumption)", shared_reader_calls_per_minute),
                ("Time a day an address is refused before an alert (an assumption)", shared_limit_alert_minutes_a_day),
            ],
        )
    )
