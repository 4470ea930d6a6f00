"""Concepts, authentication: what checking a credential costs on every request, for a session in a
store, a signed self-contained token and an opaque token, at the Twitter example's peak.

Signature check: one Ed25519 verification a request, its published cycles on one core turned into
seconds at the assumed clock; cores = requests a second x seconds a verification, and at the
reference's 60% target utilisation that over 0.6. The Twitter example's API servers (16 cores each in
the reference's machine) give the fleet the share is taken of.

Session or introspection lookup: one in-memory GET a request; processes = requests / GETs a process,
rounded up; each adds a round trip within the data center to the request's path.

Token size: a JWT is base64url(header) . base64url(payload) . base64url(signature), without padding.
The header and claims below are the example's (its scopes, a 64-bit user ID, a 128-bit token ID in
22 characters); the signature is 64 bytes for EdDSA and ES256, 256 for RS256 with a 2048-bit key. An
opaque token is 32 random bytes, 43 characters. Every request carries "Authorization: Bearer " and
the token; HTTP/2's HPACK cannot shrink it to an index, since encoders such as nghttp2 never index
the Authorization header (RFC 7541, section 7.1.3), so the whole token is sent every time (Huffman
coding aside). Bandwidth = header bytes x requests a second.

How often is one token used? A daily user's requests a day = the day's requests / daily users.

Deny-list: a revoked session's access tokens stay valid until they expire, so the gateway refuses
them by session ID; an entry is needed for one lifetime plus the skew after the revocation, so
entries = revocations a second (at the peak) x (lifetime + skew), and bytes = entries x entry bytes.
"""

import base64
import json

from concept_auth_assumptions import (
    ACCESS_TOKEN_LIFETIME_S,
    CLOCK_SKEW_S,
    CORE_HZ,
    DENY_ENTRY_BYTES,
    ED25519_SIGNATURE_BYTES,
    ED25519_VERIFY_CYCLES_LIB25519,
    ED25519_VERIFY_CYCLES_OPENSSL,
    ES256_SIGNATURE_BYTES,
    RS256_SIGNATURE_BYTES,
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
    per_second,
    size,
    throughput,
    times,
    whole_up,
)


def b64url_len(n_bytes: int) -> int:
    return len(base64.urlsafe_b64encode(b"\0" * n_bytes).rstrip(b"="))


def compact(value: dict) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


HEADER = {"alg": "EdDSA", "kid": "2025-06-a", "typ": "JWT"}
CLAIMS = {
    "iss": "https://id.example.com",
    "sub": "2244994945",
    "aud": "api.example.com",
    "iat": 1748000000,
    "exp": 1748000900,
    "sid": "Qm9ndXNTZXNzaW9uSWQxMjM",
    "jti": "c2lnbmVkVG9rZW5JZDEyMzQ",
    "scope": "tweet.read tweet.write like.write follows.write notifications.write offline.access",
}
BEARER_PREFIX = len("Authorization: Bearer ")
OPAQUE_BYTES = 32


def jwt_len(signature_bytes: int) -> int:
    return b64url_len(len(compact(HEADER))) + 1 + b64url_len(len(compact(CLAIMS))) + 1 + b64url_len(signature_bytes)


# --- Signature checks at the peak -----------------------------------------------------------------
verify_s_openssl = ED25519_VERIFY_CYCLES_OPENSSL / CORE_HZ
verify_s_lib25519 = ED25519_VERIFY_CYCLES_LIB25519 / CORE_HZ
verify_time_openssl = duration(verify_s_openssl)
verify_time_lib25519 = duration(verify_s_lib25519)
verifies_per_core_openssl = throughput(1 / verify_s_openssl)
verifies_per_core_lib25519 = throughput(1 / verify_s_lib25519)
verify_cores_openssl = count(twitter_requests_peak * verify_s_openssl)
verify_cores_lib25519 = count(twitter_requests_peak * verify_s_lib25519)
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
eddsa_token_bytes = size(jwt_len(ED25519_SIGNATURE_BYTES))
es256_token_bytes = size(jwt_len(ES256_SIGNATURE_BYTES))
rs256_token_bytes = size(jwt_len(RS256_SIGNATURE_BYTES))
opaque_token_bytes = size(b64url_len(OPAQUE_BYTES))
eddsa_signature_chars = count(b64url_len(ED25519_SIGNATURE_BYTES))
rs256_signature_chars = count(b64url_len(RS256_SIGNATURE_BYTES))
eddsa_bandwidth_peak = bandwidth((BEARER_PREFIX + eddsa_token_bytes) * twitter_requests_peak, peak=True)
rs256_bandwidth_peak = bandwidth((BEARER_PREFIX + rs256_token_bytes) * twitter_requests_peak, peak=True)
opaque_bandwidth_peak = bandwidth((BEARER_PREFIX + opaque_token_bytes) * twitter_requests_peak, peak=True)
rs256_over_opaque = times((BEARER_PREFIX + rs256_token_bytes) / (BEARER_PREFIX + opaque_token_bytes))
eddsa_gbit_peak = count(eddsa_bandwidth_peak * 8 / 1e9)

# --- How many requests share a token --------------------------------------------------------------
requests_per_daily_user = count(twitter_requests_average * SECONDS_PER_DAY / twitter_daily_users)

# --- The deny-list --------------------------------------------------------------------------------
revocations_average = per_second(revocations_per_day / SECONDS_PER_DAY)
revocations_peak = peak(revocations_average * twitter_peak_factor)
deny_window = duration(ACCESS_TOKEN_LIFETIME_S + CLOCK_SKEW_S)
deny_entries = count(revocations_peak * deny_window)
deny_bytes = size(deny_entries * DENY_ENTRY_BYTES)

if __name__ != "concept_auth":
    print(
        markdown_table(
            (f"Checking a credential at {twitter_requests_peak}", "Figure", "Value"),
            [
                ("Signed token, OpenSSL", "One Ed25519 verification", verify_time_openssl),
                ("Signed token, OpenSSL", "Cores, all busy", verify_cores_openssl),
                (
                    "Signed token, OpenSSL",
                    f"Cores at {fraction(target_utilization)} utilisation",
                    verify_cores_openssl_at_target,
                ),
                ("Signed token, lib25519", "One Ed25519 verification", verify_time_lib25519),
                ("Signed token, lib25519", "Cores, all busy", verify_cores_lib25519),
                ("Session or introspection", "Store processes, all busy", store_processes),
                ("Session or introspection", "Round trip added to each request", added_round_trip),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Token", "Characters", "Authorization header at the peak"),
            [
                ("JWT, EdDSA", eddsa_token_bytes, eddsa_bandwidth_peak),
                ("JWT, ES256", es256_token_bytes, ""),
                ("JWT, RS256 (2048-bit key)", rs256_token_bytes, rs256_bandwidth_peak),
                ("Opaque, 32 random bytes", opaque_token_bytes, opaque_bandwidth_peak),
            ],
        )
    )
    print()
    print(
        f"The JWT's header is {header_b64} characters and its claims {claims_b64}. A daily user sends "
        f"{requests_per_daily_user} requests a day. The deny-list holds {deny_entries} sessions "
        f"({deny_bytes}) at a peak of {revocations_peak} revocations, each kept {deny_window}."
    )
