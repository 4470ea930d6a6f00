"""Concepts, authentication and authorization: the inputs every concept_auth snippet shares, each with
its source or marked as the page's own assumption.

Published figures:
- Ed25519, median cycles on one AMD Zen 3 core (lib25519-20230630's speed table,
  https://lib25519.cr.yp.to/lib25519-20230630/doc/speed.md, which measures OpenSSL 3.1.1 beside
  lib25519; the live page has moved on to newer versions): verification, OpenSSL 370,539 and lib25519
  112,326; signing, OpenSSL 110,711. Its signatures are 64 bytes (RFC 8032,
  https://www.rfc-editor.org/rfc/rfc8032).
- lib25519's table has none for RS256 and ES256. All three algorithms were measured in one run of
  `openssl speed rsa2048 ecdsap256 ed25519` (OpenSSL 3.0.19, as `openssl version` printed it, on one
  x86 core of an AMD EPYC virtual machine): RSA-2048 signs 1,437.7 a second and verifies 50,837.5;
  ECDSA P-256 signs 39,287.4 and verifies 14,280.5; Ed25519 signs 22,344.0 and verifies 8,331.2
  (44.8 and 120 µs, close to the table's 36.9 and 124 µs at 3 GHz). The algorithm comparison takes
  all three from this run, so its rows are like for like; the table's lib25519 figure is the other
  library's point. An assumption, labeled so on the page: measure on your own servers.
- HPACK (RFC 7541, https://www.rfc-editor.org/rfc/rfc7541): `authorization` is entry 23 of the static
  table (Appendix A), so over HTTP/2 its name costs a 2-byte index, never the 15 characters of
  "Authorization: "; a never-indexed literal value is still Huffman-coded (section 5.2), and the
  base64url characters of a token take 5 to 8 bits in Appendix B's code, about 6.4 on average, so a
  token shrinks by about 20%. An encoder that indexes the header sends it once per connection, then a
  1- or 2-byte index a request (section 6.1); 2 bytes is taken.
- JOSE's name for the algorithm (RFC 9864, "Fully-Specified Algorithms for JOSE and COSE", October
  2025, https://www.rfc-editor.org/rfc/rfc9864): a token signed with Ed25519 says "alg":"Ed25519",
  a fully specified name; the older "EdDSA" of RFC 8037 left the curve to the key and is deprecated.
- JWS signature sizes (RFC 7518, https://www.rfc-editor.org/rfc/rfc7518): ES256 is R || S, 64 bytes
  (section 3.4); RS256 is as long as the RSA modulus, 256 bytes for a 2048-bit key (section 3.3).
- OWASP's Password Storage Cheat Sheet
  (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html): Argon2id with at
  least 19 MiB of memory, 2 iterations and 1 degree of parallelism; a hash should take under a second.
- RFC 9106, section 4 (https://www.rfc-editor.org/rfc/rfc9106#section-4): the FIRST RECOMMENDED option
  is Argon2id with t = 1 pass, p = 4 lanes and 2 GiB; the SECOND, for much less memory, t = 3, p = 4 and
  64 MiB. Argon2 fills m KiB of 1 KiB blocks and passes over them t times, so its work is m x t.
- NVIDIA H100 (https://www.nvidia.com/en-us/data-center/h100/): 80 GB of GPU memory, 80 GiB as memory
  is built in binary units (the powers-of-two page); the SXM model's memory bandwidth is 3.35 TB/s.
  Argon2 computes each 1 KiB block from the block just before it, which a GPU keeps on the chip, and
  one earlier reference block it reads from memory, and writes the result; from the second pass on,
  the result is XORed into the old block it replaces, which is read too (RFC 9106, section 3.2). So the first pass moves about 2 blocks of memory traffic per block and
  each later one 3, and on a GPU the guesses a second are bounded by bandwidth / ((2 + 3 (t - 1)) x m).
- Zanzibar (Pang et al., USENIX ATC 2019,
  https://research.google/pubs/zanzibar-googles-consistent-global-authorization-system/): 95th-percentile
  latency under 10 ms and availability above 99.999% over 3 years (the abstract); in a week of December
  2018, more than 2 trillion relation tuples in close to 100 TB, more than 10 million client queries a
  second over more than 10,000 servers, Check peaking at about 4.2 million a second and Write at about
  25,000 (section 4). Its Table 2 splits Check by consistency: Safe requests (which, in the paper's
  words, carry zookies more than 10 seconds old) have a p95 of 9.46 ms, Recent ones (less than 10
  seconds old) about 60 ms, and Safe checks are about 100 times as many.
- The rate limiter example's login rule by address alone: 30 a minute
  (rate_limiter_assumptions.challenge_cgnat_limit_per_minute), counted in each of its 3 regions on its
  own (rate_limiter_assumptions.regions), so an address that reaches all three gets 30 a minute in each.

The worked examples' figures: the Twitter example's API requests at the peak and on average, its
daily users, and its ten home-timeline visits a day per user ("a person opening or refreshing the
app"), taken here as app opens a day (an upper bound, since some visits are refreshes inside one
open); the reference's Redis GETs a process and round trip within a data center. The timeouts page's
client policy bounds how long a refresh is retried: at most 3 attempts (concept_overload_retries.CLIENT_ATTEMPTS),
each given the client deadline (0.5 s, the whole request, concept_overload_timeouts.DEADLINE), with full
jitter between them under gRPC's A6 example backoff (0.1 s, doubling, capped at 1 s). The last attempt is
sent at most (attempts - 1) x deadline + the longest backoffs (0.1 s + 0.2 s) after the first, and reaches
the server within one TCP retransmission timeout more (RFC 6298's initial 1 s, the same page's) or not at
all, since the client resets the connection of each attempt it gives up on (TCP would otherwise keep
resending the queued request, RFC 6298 5.5, and deliver it once the link is back): a link down for longer
than that span outlasts every attempt, and the client presents the old token again only at its next
refresh, after the link is back. Each of an attempt's compare-and-sets starts within its deadline of
reaching the edge (the identity service checks the deadline and the cancel before each), so a client
starts a refresh no sooner than that span plus one deadline after the previous refresh's first attempt,
whether that one failed or not: no attempt of the old refresh then commits after one of the new.

Refresh-token grace windows in identity services (the fixed-window option the page weighs):
- Amazon Cognito's RetryGracePeriodSeconds keeps a rotated-out refresh token valid for up to 60 s, "for
  client-side retries"
  (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html).
- Clerk's refresh-token grace period, up to 60 s, covers its OAuth applications (not its legacy OAuth)
  and starts at 30 s on new instances; existing ones keep none until it is turned on. Within it only the
  token the latest refresh replaced is accepted, and only once
  (https://clerk.com/changelog/2026-12-04-oauth-refresh-token-grace-period).

The page's own assumptions (no public source gives them for a generic service):
- a server core runs at 3 GHz, to turn cycles into seconds;
- access tokens live 15 minutes; verifiers allow 60 s of clock skew; they cache the issuer's key set
  for 5 minutes, and serve a stale one for at most 1 hour while the issuer does not answer, then refuse
  every token; 2,000 verifying processes (gateways and services) fetch it;
- each daily user has the app open 30 minutes a day (so many sessions are open at once);
- the deny-list and key removals reach every gateway within 5 s (the push target), and a gateway that
  hears no heartbeat on that channel for 30 s alerts (an alert threshold, not a bound: it keeps
  serving, since the deny-list is fail-open and the guarantee is the token's lifetime plus the skew);
- 1% of daily users revoke a session a day (sign-out, a password change, a lost phone, a ban), and a
  deny-list entry (a session ID and its expiry, with the store's overhead) takes 64 bytes;
- 2% of daily users sign in with a password a day (refresh tokens keep the rest signed in);
- one Argon2id hash at OWASP's parameters takes 50 ms of one core (to be measured: the reference
  implementation's command-line tool prints the time of each run);
- a credential-stuffing run sends 10,000 login attempts a second; the hash fleet is sized to hash 20%
  of it on top of honest sign-ins, and refuses or challenges the rest;
- an offline attacker tries 1 billion guesses against one stolen hash.
"""

from concept_overload_retries import CLIENT_ATTEMPTS, INITIAL_BACKOFF, MAX_BACKOFF, MULTIPLIER
from concept_overload_timeouts import DEADLINE, INITIAL_RTO
from rate_limiter_assumptions import challenge_cgnat_limit_per_minute
from rate_limiter_assumptions import regions as rate_limiter_regions
from reference_capacity import redis_gets_per_second
from reference_latency import vm_round_trip_budget
from twitter_assumptions import daily_active_users, peak_to_average, timeline_loads_per_user_per_day
from twitter_servers import requests_per_second, requests_per_second_peak

from sdw.estimation import bandwidth, count, duration, fraction, markdown_table, per_day, size, throughput, times

MiB = 2**20
GiB = 2**30

# --- Published figures ---------------------------------------------------------------------------
ED25519_VERIFY_CYCLES_OPENSSL = 370_539  # lib25519 speed table, Zen 3, OpenSSL 3.1.1
ED25519_VERIFY_CYCLES_LIB25519 = 112_326  # the same table, lib25519
ED25519_SIGN_CYCLES_OPENSSL = 110_711  # the same table, OpenSSL 3.1.1 signing
OPENSSL_VERSION = "3.0.19"  # `openssl version` on the machine the next six were measured on
RS256_SIGNS_PER_S = 1_437.7  # openssl speed rsa2048, one core
RS256_VERIFIES_PER_S = 50_837.5
ES256_SIGNS_PER_S = 39_287.4  # openssl speed ecdsap256, one core
ES256_VERIFIES_PER_S = 14_280.5
ED25519_SIGNS_PER_S = 22_344.0  # openssl speed ed25519, the same run, one core
ED25519_VERIFIES_PER_S = 8_331.2
HPACK_NAME_INDEX_BYTES = 2  # static-table entry 23, "authorization", in a never-indexed literal
HPACK_HUFFMAN_RATIO = 0.8  # base64url under Appendix B's code, about 6.4 bits a character
HPACK_INDEXED_BYTES = 2  # an indexed header field, once the encoder has indexed it
ED25519_SIGNATURE_BYTES = 64  # RFC 8032
JOSE_ED25519_ALG = "Ed25519"  # RFC 9864's fully specified name; "EdDSA" is deprecated
ES256_SIGNATURE_BYTES = 64  # RFC 7518, 3.4: R || S, 32 bytes each
RS256_SIGNATURE_BYTES = 256  # RFC 7518, 3.3: the modulus's length, 2048 bits
OWASP_ARGON2_MEMORY = 19 * MiB
OWASP_ARGON2_PASSES = 2
OWASP_ARGON2_LANES = 1
RFC9106_FIRST = (2 * GiB, 1, 4)  # memory, passes, lanes
RFC9106_SECOND = (64 * MiB, 3, 4)
H100_MEMORY_BYTES = 80 * GiB  # NVIDIA's "80GB": memory is built in binary units
H100_BANDWIDTH = 3.35e12  # B/s, H100 SXM
ARGON2_FIRST_PASS_BLOCKS = 2  # blocks moved per block, first pass: the reference read, the result written
ARGON2_LATER_PASS_BLOCKS = 3  # each later pass: the reference and the old block read, the result written
RATE_LIMITER_LOGIN_PER_ADDRESS_PER_MINUTE = float(challenge_cgnat_limit_per_minute)
ZANZIBAR_TUPLES = 2e12
ZANZIBAR_BYTES = 100e12
ZANZIBAR_QPS = 10e6
ZANZIBAR_SERVERS = 10_000
ZANZIBAR_CHECK_QPS = 4.2e6
ZANZIBAR_WRITE_QPS = 25e3
ZANZIBAR_P95_S = 10e-3
ZANZIBAR_SAFE_P95_S = 9.46e-3  # Table 2, Check, Safe
ZANZIBAR_RECENT_P95_S = 60e-3  # Table 2, Check, Recent
ZANZIBAR_SAFE_OVER_RECENT = 100  # Table 2: Safe checks are about 100 times as many
ZANZIBAR_SAFE_ZOOKIE_AGE_S = 10  # section 4: Safe requests carry zookies more than 10 seconds old
ZANZIBAR_AVAILABILITY = 0.99999

# --- The page's assumptions ----------------------------------------------------------------------
CORE_HZ = 3.0e9
ACCESS_TOKEN_LIFETIME_S = 15 * 60
CLOCK_SKEW_S = 60
KEY_SET_CACHE_S = 5 * 60
KEY_SET_CACHE_LONG_S = 60 * 60  # the same fetch at an hour's cache, for comparison
KEY_SET_STALE_CAP_S = 60 * 60  # a stale key set is served at most this long, then every token is refused
ACTIVE_MINUTES_PER_DAY = 30
APP_OPENS_PER_DAY = float(timeline_loads_per_user_per_day)  # the Twitter example's visits a day
CLIENT_TIMEOUT_S = DEADLINE  # the timeouts page's client deadline for a whole request
CLERK_GRACE_DEFAULT_S = 30  # Clerk's refresh-token grace period on new instances (OAuth applications)
COGNITO_GRACE_MAX_S = 60  # Amazon Cognito's RetryGracePeriodSeconds, its maximum
# The longest wait before each of the client's retries: full jitter under A6's example backoff. Not
# sdw.estimation.doubling_waits: A6 caps each wait (MAX_BACKOFF) and the retries are counted, not fitted in a sum.
REFRESH_BACKOFF_CEILINGS_S = [
    min(MAX_BACKOFF, INITIAL_BACKOFF * MULTIPLIER ** (n - 1)) for n in range(1, CLIENT_ATTEMPTS)
]
REFRESH_NETWORK_MARGIN_S = INITIAL_RTO  # the last attempt's trip, one of its segments lost and resent
# From the first attempt to the last one's arrival: a link down for longer outlasts every attempt.
REFRESH_RETRIES_SPAN_S = (
    (CLIENT_ATTEMPTS - 1) * CLIENT_TIMEOUT_S + sum(REFRESH_BACKOFF_CEILINGS_S) + REFRESH_NETWORK_MARGIN_S
)
# A failed refresh's first attempt to the next refresh: its last attempt arrives within the span and
# commits within one deadline of arriving.
REFRESH_NEXT_AFTER_S = REFRESH_RETRIES_SPAN_S + CLIENT_TIMEOUT_S
RATE_LIMITER_REGIONS = float(rate_limiter_regions)  # the limiter counts in each region on its own
PUSH_DELAY_S = 5
PUSH_STALENESS_S = 30
VERIFYING_PROCESSES = 2_000
REVOKING_SHARE_PER_DAY = 0.01
DENY_ENTRY_BYTES = 64
PASSWORD_SIGN_IN_SHARE_PER_DAY = 0.02
OWASP_HASH_CORE_S = 0.050
STUFFING_ATTEMPTS_PER_S = 10e3
STUFFING_SHARE_HASHED = 0.20
OFFLINE_GUESSES = 1e9

# Figures the page quotes.
core_ghz = count(CORE_HZ / 1e9)
active_minutes_per_day = count(ACTIVE_MINUTES_PER_DAY)
refresh_retries_span = duration(REFRESH_RETRIES_SPAN_S)
refresh_next_after = duration(REFRESH_NEXT_AFTER_S)
clerk_grace_default = duration(CLERK_GRACE_DEFAULT_S)
cognito_grace_max = duration(COGNITO_GRACE_MAX_S)
app_opens_per_day = count(APP_OPENS_PER_DAY)
client_timeout = duration(CLIENT_TIMEOUT_S)
refresh_attempts = count(CLIENT_ATTEMPTS)
refresh_timeouts_before_last = duration((CLIENT_ATTEMPTS - 1) * CLIENT_TIMEOUT_S)
refresh_backoffs_longest = duration(sum(REFRESH_BACKOFF_CEILINGS_S))
refresh_network_margin = duration(REFRESH_NETWORK_MARGIN_S)
limiter_regions = count(RATE_LIMITER_REGIONS)
zanzibar_safe_zookie_age = duration(ZANZIBAR_SAFE_ZOOKIE_AGE_S)
push_delay = duration(PUSH_DELAY_S)
push_staleness = duration(PUSH_STALENESS_S)
key_set_stale_cap = duration(KEY_SET_STALE_CAP_S)
h100_bandwidth = bandwidth(H100_BANDWIDTH)
login_per_address_per_minute = count(RATE_LIMITER_LOGIN_PER_ADDRESS_PER_MINUTE)
stuffing_share_hashed = fraction(STUFFING_SHARE_HASHED)
zanzibar_safe_p95 = duration(ZANZIBAR_SAFE_P95_S)
zanzibar_recent_p95 = duration(ZANZIBAR_RECENT_P95_S)
zanzibar_safe_over_recent = times(ZANZIBAR_SAFE_OVER_RECENT)
verify_cycles_openssl = count(ED25519_VERIFY_CYCLES_OPENSSL)
verify_cycles_lib25519 = count(ED25519_VERIFY_CYCLES_LIB25519)
access_token_lifetime = duration(ACCESS_TOKEN_LIFETIME_S)
clock_skew = duration(CLOCK_SKEW_S)
key_set_cache = duration(KEY_SET_CACHE_S)
key_set_cache_long = duration(KEY_SET_CACHE_LONG_S)
verifying_processes = count(VERIFYING_PROCESSES)
revoking_share = fraction(REVOKING_SHARE_PER_DAY)
deny_entry_bytes = size(DENY_ENTRY_BYTES)
sign_in_share = fraction(PASSWORD_SIGN_IN_SHARE_PER_DAY)
owasp_memory_mib = count(OWASP_ARGON2_MEMORY / MiB)
owasp_memory_bytes = size(OWASP_ARGON2_MEMORY)
owasp_passes = count(OWASP_ARGON2_PASSES)
owasp_hash_time = duration(OWASP_HASH_CORE_S)
stuffing_rate = throughput(STUFFING_ATTEMPTS_PER_S)
offline_guesses = count(OFFLINE_GUESSES)
h100_memory = size(H100_MEMORY_BYTES)
h100_memory_gib = count(H100_MEMORY_BYTES / GiB)
twitter_requests_peak = requests_per_second_peak
twitter_requests_average = requests_per_second
twitter_daily_users = daily_active_users
twitter_peak_factor = peak_to_average
kv_gets_per_process = throughput(redis_gets_per_second)
round_trip = vm_round_trip_budget
sign_ins_per_day = per_day(daily_active_users * PASSWORD_SIGN_IN_SHARE_PER_DAY)
revocations_per_day = per_day(daily_active_users * REVOKING_SHARE_PER_DAY)
zanzibar_tuples = count(ZANZIBAR_TUPLES)
zanzibar_bytes = size(ZANZIBAR_BYTES)
zanzibar_qps = throughput(ZANZIBAR_QPS)
zanzibar_servers = count(ZANZIBAR_SERVERS)
zanzibar_check_qps = throughput(ZANZIBAR_CHECK_QPS)
zanzibar_write_qps = throughput(ZANZIBAR_WRITE_QPS)
zanzibar_p95 = duration(ZANZIBAR_P95_S)
zanzibar_availability = fraction(ZANZIBAR_AVAILABILITY)

if __name__ != "concept_auth_assumptions":
    lib25519 = "[lib25519-20230630 speed table](https://lib25519.cr.yp.to/lib25519-20230630/doc/speed.md)"
    owasp = "[OWASP](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)"
    zanzibar = "[Zanzibar](https://research.google/pubs/zanzibar-googles-consistent-global-authorization-system/)"
    print(
        markdown_table(
            ("Input", "Value", "Source"),
            [
                ("Ed25519 verification, OpenSSL 3.1.1, Zen 3 (cycles)", verify_cycles_openssl, lib25519),
                ("Ed25519 verification, lib25519, Zen 3 (cycles)", verify_cycles_lib25519, lib25519),
                ("Ed25519 signing, OpenSSL 3.1.1, Zen 3 (cycles)", count(ED25519_SIGN_CYCLES_OPENSSL), lib25519),
                (
                    "RSA-2048 signs, verifies a second, one core",
                    f"{throughput(RS256_SIGNS_PER_S)}, {throughput(RS256_VERIFIES_PER_S)}",
                    f"Measured: OpenSSL {OPENSSL_VERSION}, `openssl speed`, one x86 core; measure on yours",
                ),
                (
                    "ECDSA P-256 signs, verifies a second, one core",
                    f"{throughput(ES256_SIGNS_PER_S)}, {throughput(ES256_VERIFIES_PER_S)}",
                    f"Measured: OpenSSL {OPENSSL_VERSION}, `openssl speed`, one x86 core; measure on yours",
                ),
                (
                    "Ed25519 signs, verifies a second, one core",
                    f"{throughput(ED25519_SIGNS_PER_S)}, {throughput(ED25519_VERIFIES_PER_S)}",
                    "Measured: the same run as the two above; measure on yours",
                ),
                (
                    'JWT header\'s "alg" for Ed25519',
                    f'"{JOSE_ED25519_ALG}" ("EdDSA" deprecated)',
                    "[RFC 9864](https://www.rfc-editor.org/rfc/rfc9864)",
                ),
                ("Argon2id memory, passes, lanes", f"{owasp_memory_mib} MiB, {owasp_passes}, 1", owasp),
                (
                    "Argon2id, RFC 9106's second option",
                    "64 MiB, 3, 4",
                    "[RFC 9106](https://www.rfc-editor.org/rfc/rfc9106#section-4)",
                ),
                (
                    "GPU memory (H100)",
                    f"{h100_memory_gib} GiB",
                    "[NVIDIA](https://www.nvidia.com/en-us/data-center/h100/)",
                ),
                (
                    "GPU memory bandwidth (H100 SXM)",
                    h100_bandwidth,
                    "[NVIDIA](https://www.nvidia.com/en-us/data-center/h100/)",
                ),
                ("Relation tuples, their bytes", f"{zanzibar_tuples}, {zanzibar_bytes}", zanzibar),
                ("Client queries a second, over servers", f"{zanzibar_qps}, {zanzibar_servers}", zanzibar),
                (
                    "Check and Write a second at the week's peak",
                    f"{zanzibar_check_qps}, {zanzibar_write_qps}",
                    zanzibar,
                ),
                (
                    "Check p95, Safe and Recent snapshots",
                    f"{zanzibar_safe_p95}, {zanzibar_recent_p95}",
                    f"{zanzibar}, Table 2",
                ),
                ("API requests at the peak (Twitter example)", twitter_requests_peak, "Twitter example, step 2"),
                ("Logins a minute from one address", login_per_address_per_minute, "Rate limiter example, step 1"),
                ("Regions, each counting on its own", limiter_regions, "Rate limiter example, step 1"),
                ("Redis GETs a process", kv_gets_per_process, "Reference: capacity"),
                ("Round trip within a data center", round_trip, "Reference: latency"),
                ("Core clock", f"{core_ghz} GHz", "Assumed"),
                ("Access-token lifetime", access_token_lifetime, "Assumed"),
                ("Clock skew allowed", clock_skew, "Assumed"),
                ("Key-set cache in each verifier", key_set_cache, "Assumed"),
                ("Longest a stale key set is served", key_set_stale_cap, "Assumed"),
                (
                    "Deny-list and key-removal push: target, alert threshold",
                    f"{push_delay}, {push_staleness}",
                    "Assumed",
                ),
                ("Minutes a daily user has the app open a day", active_minutes_per_day, "Assumed"),
                ("App opens a day per daily user", app_opens_per_day, "Twitter example: home-timeline visits a day"),
                (
                    "A refresh's attempts, first sent to last arrived",
                    refresh_retries_span,
                    f"{refresh_attempts} attempts (timeouts page): {refresh_timeouts_before_last} of timeouts before the "
                    f"last, its backoffs at most {refresh_backoffs_longest}, a network margin of {refresh_network_margin}",
                ),
                (
                    "A refresh's first attempt to the next refresh, at least",
                    refresh_next_after,
                    f"The span above, plus one deadline ({client_timeout}) for its last attempt's commit",
                ),
                (
                    "Refresh-token grace window, Clerk's default on new instances",
                    clerk_grace_default,
                    "[Clerk](https://clerk.com/changelog/2026-12-04-oauth-refresh-token-grace-period)",
                ),
                (
                    "Refresh-token grace window, Amazon Cognito's maximum",
                    cognito_grace_max,
                    "[Cognito](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/"
                    "API_RefreshTokenRotationType.html)",
                ),
                ("Daily users who revoke a session a day", revoking_share, "Assumed"),
                ("Daily users who sign in with a password a day", sign_in_share, "Assumed"),
                ("One Argon2id hash at OWASP's parameters, one core", owasp_hash_time, "Assumed: to be measured"),
                ("Credential-stuffing attempts", stuffing_rate, "Assumed"),
                ("Share of a stuffing run the hash fleet is sized for", stuffing_share_hashed, "Assumed"),
            ],
        )
    )
