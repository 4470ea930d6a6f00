"""Concepts, authentication: what checking a credential costs on every request, for a session in a
store, a signed self-contained token and an opaque token, at the Twitter example's peak.

Signature check: one verification a request, its time on one core (Ed25519's published cycles turned
into seconds at the assumed clock, OpenSSL beside lib25519 in one table; for the three algorithms side
by side, all three from one run of `openssl speed`, 1 / verifications a second); cores = requests a
second x seconds a verification, and at the reference's 60% target utilization that over 0.6. The
Twitter example's API servers (16 cores each in the reference's machine) give the fleet the share is
taken of.

Session or introspection lookup: one in-memory GET a request; processes = requests / GETs a process,
rounded up; each adds a round trip within the data center to the request's path.

Token size: a JWT is base64url(header) . base64url(payload) . base64url(signature), without padding.
The header and claims below are the example's (its scopes, a 64-bit user ID of 19 digits, a 128-bit
session ID in 22 characters); each header names its own algorithm, Ed25519's by the fully specified
"Ed25519" of RFC 9864 (https://www.rfc-editor.org/rfc/rfc9864), not the deprecated "EdDSA", two
characters longer than "ES256" or "RS256". The signature is 64 bytes for Ed25519 and ES256, 256 for
RS256 with a 2048-bit key. An opaque token is 32 random bytes, 43 characters.

Header bytes a request, as bounds. Upper: HTTP/1.1 sends "Authorization: Bearer " (22 characters) and
the token every time; so does an HTTP/2 encoder that never indexes the header (nghttp2), except that
the name is the static table's entry 23 (2 bytes) and the value "Bearer " + token is Huffman-coded,
x 0.8. Lower: an HTTP/2 client that indexes the header sends the token once per connection, then a
2-byte index a request. Bandwidth = bytes a request x requests a second.

How often is one token used? A daily user's requests a day = the day's requests / daily users.

Refreshes: sessions open at the peak = daily users x minutes open a day / minutes in a day x the
peak-to-average. A session refreshes once an access-token lifetime while the app is open, and every
app open after more than a lifetime idle refreshes at once, so a daily user refreshes max(opens a day,
minutes open a day / lifetime in minutes) times a day; refreshes a second = daily users x that / the
seconds in a day x the peak-to-average. Each is one read and one conditional write (a compare-and-set)
of the refresh-token store. The issuer signs one token a refresh: cores = refreshes x seconds a
signature / 0.6.

Mean time between one open session's requests = sessions open at the peak / requests a second at the
peak (the same as seconds open a day / requests a day per daily user).

Deny-list: a revoked session's access tokens stay valid until they expire, so the gateway refuses
them by session ID; an entry is needed for one lifetime plus the skew after the revocation, so
entries = revocations a second (at the peak) x (lifetime + skew), and bytes = entries x entry bytes.
"""

import base64
import json

from chat_operations import deny_list_keep
from concept_auth_assumptions import (
    ACCESS_TOKEN_LIFETIME_S,
    ACTIVE_MINUTES_PER_DAY,
    APP_OPENS_PER_DAY,
    CLOCK_SKEW_S,
    CORE_HZ,
    DENY_ENTRY_BYTES,
    ED25519_SIGNATURE_BYTES,
    ED25519_SIGNS_PER_S,
    ED25519_VERIFIES_PER_S,
    ED25519_VERIFY_CYCLES_LIB25519,
    ED25519_VERIFY_CYCLES_OPENSSL,
    ES256_SIGNATURE_BYTES,
    ES256_SIGNS_PER_S,
    ES256_VERIFIES_PER_S,
    HPACK_HUFFMAN_RATIO,
    HPACK_INDEXED_BYTES,
    HPACK_NAME_INDEX_BYTES,
    JOSE_ED25519_ALG,
    OPENSSL_VERSION,
    RS256_SIGNATURE_BYTES,
    RS256_SIGNS_PER_S,
    RS256_VERIFIES_PER_S,
    core_ghz,
    kv_gets_per_process,
    revocations_per_day,
    round_trip,
    twitter_daily_users,
    twitter_peak_factor,
    twitter_requests_average,
    twitter_requests_peak,
)
from reference_capacity import cores as server_cores
from reference_capacity import target_utilization
from twitter_servers import api_servers

from sdw.estimation import (
    SECONDS_PER_DAY,
    bandwidth,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_day,
    per_second,
    size,
    throughput,
    times,
    whole_up,
)

SECONDS_PER_MINUTE = 60
MINUTES_PER_DAY = SECONDS_PER_DAY / SECONDS_PER_MINUTE


def b64url_len(n_bytes: int) -> int:
    return len(base64.urlsafe_b64encode(b"\0" * n_bytes).rstrip(b"="))


def compact(value: dict) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


# JOSE's "alg" for each signature: RFC 9864 registers the fully specified "Ed25519" and deprecates "EdDSA".
ED25519_ALG = JOSE_ED25519_ALG
ES256_ALG = "ES256"
RS256_ALG = "RS256"


def header(alg: str) -> dict:
    return {"alg": alg, "kid": "2025-06-a", "typ": "JWT"}


HEADER = header(ED25519_ALG)
CLAIMS = {
    "iss": "https://id.example.com",
    "sub": "1790000000000000000",
    "aud": "api.example.com",
    "iat": 1748000000,
    "exp": 1748000900,
    "sid": "Qm9ndXNTZXNzaW9uSWQxMj",
    "scope": "tweet.read tweet.write like.write follows.write notifications.write",
}
BEARER_PREFIX = len("Authorization: Bearer ")
BEARER_VALUE_PREFIX = len("Bearer ")
OPAQUE_BYTES = 32


def jwt_len(alg: str, signature_bytes: int) -> int:
    head = b64url_len(len(compact(header(alg))))
    return head + 1 + b64url_len(len(compact(CLAIMS))) + 1 + b64url_len(signature_bytes)


# --- Signature checks at the peak -----------------------------------------------------------------
verify_s_openssl = ED25519_VERIFY_CYCLES_OPENSSL / CORE_HZ
verify_s_lib25519 = ED25519_VERIFY_CYCLES_LIB25519 / CORE_HZ
verify_time_openssl = duration(verify_s_openssl)
verify_time_lib25519 = duration(verify_s_lib25519)
verifies_per_core_openssl = throughput(1 / verify_s_openssl)
verifies_per_core_lib25519 = throughput(1 / verify_s_lib25519)
verify_cores_openssl = count(twitter_requests_peak * verify_s_openssl)
verify_cores_lib25519 = count(twitter_requests_peak * verify_s_lib25519)
verify_cores_lib25519_at_target = count(verify_cores_lib25519 / target_utilization)
verify_cores_openssl_at_target = count(verify_cores_openssl / target_utilization)
fleet_cores = count(api_servers * server_cores)
verify_share_of_fleet = fraction(verify_cores_openssl_at_target / fleet_cores)

# --- A lookup a request ---------------------------------------------------------------------------
store_lookups_peak = peak(twitter_requests_peak)
store_processes = count(whole_up(twitter_requests_peak / kv_gets_per_process))
added_round_trip = duration(round_trip)

# --- Bytes a request ------------------------------------------------------------------------------
header_b64 = count(b64url_len(len(compact(HEADER))))
claims_b64 = count(b64url_len(len(compact(CLAIMS))))
eddsa_token_bytes = size(jwt_len(ED25519_ALG, ED25519_SIGNATURE_BYTES))
es256_token_bytes = size(jwt_len(ES256_ALG, ES256_SIGNATURE_BYTES))
rs256_token_bytes = size(jwt_len(RS256_ALG, RS256_SIGNATURE_BYTES))
opaque_token_bytes = size(b64url_len(OPAQUE_BYTES))
eddsa_signature_chars = count(b64url_len(ED25519_SIGNATURE_BYTES))
rs256_signature_chars = count(b64url_len(RS256_SIGNATURE_BYTES))


def never_indexed_bytes(token: float) -> int:
    """HTTP/2, never indexed: the static table's name, and "Bearer " + token Huffman-coded."""
    return HPACK_NAME_INDEX_BYTES + whole_up(HPACK_HUFFMAN_RATIO * (BEARER_VALUE_PREFIX + token))


eddsa_bandwidth_peak = bandwidth((BEARER_PREFIX + eddsa_token_bytes) * twitter_requests_peak, peak=True)
rs256_bandwidth_peak = bandwidth((BEARER_PREFIX + rs256_token_bytes) * twitter_requests_peak, peak=True)
opaque_bandwidth_peak = bandwidth((BEARER_PREFIX + opaque_token_bytes) * twitter_requests_peak, peak=True)
rs256_h2_never_indexed_peak = bandwidth(never_indexed_bytes(rs256_token_bytes) * twitter_requests_peak, peak=True)
opaque_h2_never_indexed_peak = bandwidth(never_indexed_bytes(opaque_token_bytes) * twitter_requests_peak, peak=True)
rs256_over_opaque = times((BEARER_PREFIX + rs256_token_bytes) / (BEARER_PREFIX + opaque_token_bytes))
eddsa_gbit_peak = count(eddsa_bandwidth_peak * 8 / 1e9)
eddsa_h2_never_indexed_bytes = size(never_indexed_bytes(eddsa_token_bytes))
eddsa_h2_never_indexed_peak = bandwidth(eddsa_h2_never_indexed_bytes * twitter_requests_peak, peak=True)
indexed_header_bytes = size(HPACK_INDEXED_BYTES)
indexed_bandwidth_peak = bandwidth(HPACK_INDEXED_BYTES * twitter_requests_peak, peak=True)

# --- How many requests share a token --------------------------------------------------------------
requests_per_daily_user = count(twitter_requests_average * SECONDS_PER_DAY / twitter_daily_users)

# --- Refreshes: the identity service's load --------------------------------------------------------
active_sessions_peak = count(twitter_daily_users * ACTIVE_MINUTES_PER_DAY / MINUTES_PER_DAY * twitter_peak_factor)
refreshes_per_user_per_day = count(
    max(APP_OPENS_PER_DAY, ACTIVE_MINUTES_PER_DAY * SECONDS_PER_MINUTE / ACCESS_TOKEN_LIFETIME_S)
)
refreshes_per_day = per_day(twitter_daily_users * refreshes_per_user_per_day)
refreshes_peak = peak(refreshes_per_day / SECONDS_PER_DAY * twitter_peak_factor)
refresh_store_ops_peak = peak(2 * refreshes_peak)  # one read and one conditional write a refresh
session_request_gap = duration(active_sessions_peak / twitter_requests_peak)

# --- Signing algorithms side by side --------------------------------------------------------------
ED25519_ROW = "Ed25519 (EdDSA)"
ALGORITHMS = {
    # row: (the header's "alg", seconds a signature, seconds a verification, signature bytes)
    ED25519_ROW: (ED25519_ALG, 1 / ED25519_SIGNS_PER_S, 1 / ED25519_VERIFIES_PER_S, ED25519_SIGNATURE_BYTES),
    "ES256": (ES256_ALG, 1 / ES256_SIGNS_PER_S, 1 / ES256_VERIFIES_PER_S, ES256_SIGNATURE_BYTES),
    "RS256": (RS256_ALG, 1 / RS256_SIGNS_PER_S, 1 / RS256_VERIFIES_PER_S, RS256_SIGNATURE_BYTES),
}


def algorithm_costs(name: str) -> tuple:
    alg, sign_s, verify_s, signature = ALGORITHMS[name]
    return (
        duration(sign_s),
        duration(verify_s),
        size(jwt_len(alg, signature)),
        count(twitter_requests_peak * verify_s / target_utilization),
        count(refreshes_peak * sign_s / target_utilization),
    )


eddsa_sign, eddsa_verify, _, eddsa_verifier_cores, eddsa_issuer_cores = algorithm_costs(ED25519_ROW)
es256_sign, es256_verify, _, es256_verifier_cores, es256_issuer_cores = algorithm_costs("ES256")
rs256_sign, rs256_verify, _, rs256_verifier_cores, rs256_issuer_cores = algorithm_costs("RS256")
es256_saves_verifier_cores = count(eddsa_verifier_cores - es256_verifier_cores)
es256_saves_share_of_fleet = fraction(es256_saves_verifier_cores / fleet_cores)
eddsa_verify_share_of_fleet = fraction(eddsa_verifier_cores / fleet_cores)
rs256_issuer_over_eddsa = times(rs256_issuer_cores / eddsa_issuer_cores)

# --- The deny-list --------------------------------------------------------------------------------
revocations_average = per_second(revocations_per_day / SECONDS_PER_DAY)
revocations_peak = peak(revocations_average * twitter_peak_factor)
deny_window = duration(ACCESS_TOKEN_LIFETIME_S + CLOCK_SKEW_S)
deny_entries = count(revocations_peak * deny_window)
deny_bytes = size(deny_entries * DENY_ENTRY_BYTES)
# A verifier that relaxes exp by a grace (chat's connection servers, through an identity outage) needs each
# entry kept the grace longer: chat_operations.deny_list_keep, lifetime, skew and grace.
deny_entries_with_grace = count(revocations_peak * deny_list_keep)
deny_bytes_with_grace = size(deny_entries_with_grace * DENY_ENTRY_BYTES)

if __name__ != "concept_auth":
    # Both rows' machine: lib25519's speed table (Zen 3), its cycles at the assumed clock.
    openssl_row = f"Signed token, OpenSSL 3.1.1, speed table (Zen 3, {core_ghz} GHz assumed)"
    lib25519_row = "Signed token, lib25519, speed table"
    print(
        markdown_table(
            (f"Checking a credential at {twitter_requests_peak}", "Figure", "Value"),
            [
                (openssl_row, "One Ed25519 verification", verify_time_openssl),
                (openssl_row, "Cores, all busy", verify_cores_openssl),
                (
                    openssl_row,
                    f"Cores at {fraction(target_utilization)} utilization",
                    verify_cores_openssl_at_target,
                ),
                (lib25519_row, "One Ed25519 verification", verify_time_lib25519),
                (lib25519_row, "Cores, all busy", verify_cores_lib25519),
                (
                    lib25519_row,
                    f"Cores at {fraction(target_utilization)} utilization",
                    verify_cores_lib25519_at_target,
                ),
                ("Session or introspection", "Store processes, all busy", store_processes),
                ("Session or introspection", "Round trip added to each request", added_round_trip),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (
                f"Algorithm (OpenSSL {OPENSSL_VERSION}, all three in one run of `openssl speed`)",
                "Sign",
                "Verify",
                "Token",
                f"Verifier cores at {twitter_requests_peak}",
                f"Issuer cores at {refreshes_peak} refreshes",
            ),
            [(name, *algorithm_costs(name)) for name in ALGORITHMS],
        )
    )
    print()
    print(
        markdown_table(
            ("Token", "Bytes", "HTTP/1.1 (upper)", "HTTP/2, never indexed", "HTTP/2, indexed (lower)"),
            [
                (
                    f"JWT, {ED25519_ROW}",
                    eddsa_token_bytes,
                    eddsa_bandwidth_peak,
                    eddsa_h2_never_indexed_peak,
                    indexed_bandwidth_peak,
                ),
                (
                    "JWT, RS256 (2048-bit key)",
                    rs256_token_bytes,
                    rs256_bandwidth_peak,
                    rs256_h2_never_indexed_peak,
                    indexed_bandwidth_peak,
                ),
                (
                    "Opaque, 32 random bytes",
                    opaque_token_bytes,
                    opaque_bandwidth_peak,
                    opaque_h2_never_indexed_peak,
                    indexed_bandwidth_peak,
                ),
            ],
        )
    )
    print()
    print(
        f"The Ed25519 JWT's header is {header_b64} characters and its claims {claims_b64}. A daily user sends "
        f"{requests_per_daily_user} requests a day, one every {session_request_gap} of an open session, and "
        f"refreshes {refreshes_per_user_per_day} times a day ({refreshes_per_day}). At the peak "
        f"{active_sessions_peak} sessions are open, and refreshes reach {refreshes_peak}, "
        f"{refresh_store_ops_peak} reads and conditional writes of the refresh-token store. The deny-list holds "
        f"{deny_entries} sessions ({deny_bytes}) at a peak of {revocations_peak} revocations, each kept "
        f"{deny_window}; kept {deny_list_keep} for a verifier with an expiry grace, {deny_entries_with_grace} "
        f"({deny_bytes_with_grace})."
    )
