"""Chat service worked example: renewing access tokens on open sockets.

Chat's access tokens live as long as the authentication concept page's (concept_auth_assumptions,
15 minutes). A socket outlives its token, so each connected device renews once a lifetime of connected
time, in-band (step 3): renewals a second = connections at the peak / the lifetime. Each is a refresh at
the identity service, which the concept page sizes at one read and one write of the refresh-token store,
so the store takes twice that. The same count is the reconnects in-band renewal avoids: closing every
socket at its token's exp would make each device reconnect once a lifetime instead, a TLS handshake, a
hello, a registry write and a sync each, against the connects the fleet takes at the peak.
"""

from chat_assumptions import tls_handshake_cpu
from chat_connections import connections_peak
from chat_presence import connects_per_second_peak, handshakes_per_second_peak
from concept_auth_assumptions import ACCESS_TOKEN_LIFETIME_S, access_token_lifetime

from sdw.estimation import count, fraction, markdown_table, peak

token_lifetime = access_token_lifetime
renewals_per_second_peak = peak(connections_peak / ACCESS_TOKEN_LIFETIME_S)
renewal_store_ops_peak = peak(2 * renewals_per_second_peak)  # one read and one write a refresh
reconnects_avoided_peak = peak(renewals_per_second_peak)
reconnects_avoided_share_of_connects = fraction(reconnects_avoided_peak / connects_per_second_peak)
reconnects_avoided_share_of_handshakes = fraction(reconnects_avoided_peak / handshakes_per_second_peak)
reconnects_avoided_handshake_cores = count(reconnects_avoided_peak * tls_handshake_cpu)

if __name__ != "chat_tokens":
    print(
        markdown_table(
            ("Renewing tokens on open sockets", "Value"),
            [
                ("Access-token lifetime (the authentication page's)", token_lifetime),
                ("In-band renewals at the peak, all to the identity service", renewals_per_second_peak),
                ("... reads and writes of its refresh-token store", renewal_store_ops_peak),
                ("Reconnects avoided at the peak, had sockets closed at exp", reconnects_avoided_peak),
                ("... over the device connects at the peak", reconnects_avoided_share_of_connects),
                ("... over all TLS handshakes at the peak", reconnects_avoided_share_of_handshakes),
                ("... their handshakes, in cores all busy", reconnects_avoided_handshake_cores),
            ],
        )
    )
