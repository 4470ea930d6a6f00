"""URL shortener worked example: where a redirect's time goes, at the origin and for the person clicking."""

from rate_limiter_assumptions import cross_zone_round_trip
from url_shortener_assumptions import (
    cache_lookup_time,
    database_read_time,
    percentile_budget_share,
    redirect_budget_lookups,
    redirect_budget_network,
    redirect_budget_store_read,
    redirect_latency_target,
    round_trips_new_connection,
    rtt_client_to_origin_far,
    rtt_edge_to_origin,
    rtt_to_edge,
    server_processing_time,
)
from url_shortener_cache import in_process_hit_rate
from url_shortener_misses import edge_pass_share_peak, origin_miss_share, origin_unknown_share

from sdw.estimation import duration, fraction, markdown_table

# Inside the origin: where a redirect is answered; an unknown key adds its limit script.
server_time_in_process = duration(server_processing_time)
server_time_shared_cache = duration(server_processing_time + cache_lookup_time)
server_time_database = duration(server_processing_time + cache_lookup_time + database_read_time)
server_time_unknown_key = duration(server_time_database + cross_zone_round_trip)
# Shares of the redirects that reach the origin at peak. The edge takes hot links' repeats, which the
# in-process caches would have answered (nearly all of those links are in them), so their hits lose
# what the edge takes; the misses and unknown keys, at most (url_shortener_misses), stay.
edge_taken = fraction(1 - edge_pass_share_peak)
assert edge_taken < in_process_hit_rate
in_process_share = fraction((in_process_hit_rate - edge_taken) / edge_pass_share_peak)
store_share = fraction(origin_miss_share + origin_unknown_share)
shared_hit_share = fraction(1 - store_share - in_process_share)
# Step 7's dashboard floors: the share answered without a store read, and the shared cache's own hit
# rate, of the lookups the in-process caches pass on (the edge does not move it).
hit_floor = fraction(1 - store_share)
shared_cache_own_hit_rate = fraction(shared_hit_share / (1 - in_process_share))
server_time_mean = duration(
    in_process_share * server_time_in_process
    + shared_hit_share * server_time_shared_cache
    + origin_miss_share * server_time_database
    + origin_unknown_share * server_time_unknown_key
)
# The share a p99 leaves out all reads the store, so the p99 is this percentile of store reads.
database_percentile_for_p99 = fraction(1 - percentile_budget_share / store_share)

# The redirect's budget at the p99: the parts assumed, the server's own work as assumed, and
# what the parts leave of step 1's target kept spare. The total adds up every part.
budget_response = duration(server_processing_time)
budget_parts = redirect_budget_network + redirect_budget_lookups + redirect_budget_store_read + budget_response
budget_spare = duration(redirect_latency_target - budget_parts)
if budget_spare < 0:
    raise ValueError(f"the redirect's budget is {duration(budget_parts)}, over its {redirect_latency_target} target")
budget_total = duration(budget_parts + budget_spare)

# For the person clicking: a first click opens a new connection (TCP, TLS 1.3, request).
first_click_origin_far = duration(round_trips_new_connection * rtt_client_to_origin_far + server_time_mean)
first_click_via_edge = duration(round_trips_new_connection * rtt_to_edge + rtt_edge_to_origin + server_time_mean)
first_click_edge_hit = duration(round_trips_new_connection * rtt_to_edge)
edge_saving = duration(first_click_origin_far - first_click_via_edge)

if __name__ != "url_shortener_latency":
    print(
        markdown_table(
            ("Answered from", "Share of the origin's redirects at peak", "Server time"),
            [
                ("In-process cache", in_process_share, server_time_in_process),
                ("Shared cache", shared_hit_share, server_time_shared_cache),
                ("Database", origin_miss_share, server_time_database),
                ("Unknown key (store read and limit script)", origin_unknown_share, server_time_unknown_key),
                ("**Mean**", "", server_time_mean),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("A first click, far from the origin region", "Time to the redirect"),
            [
                ("Straight to one origin region", first_click_origin_far),
                ("TLS ended at a nearby edge, origin over a warm connection", first_click_via_edge),
                ("Answered by the edge's own cache", first_click_edge_hit),
            ],
        )
    )
