"""URL shortener worked example: what the rate limits allow, and what they cost an abuser."""

from concept_consensus import LWT_ROUND_TRIPS_V1
from rate_limiter_assumptions import cross_zone_round_trip, script_cost_in_gets
from reference_capacity import expired_row_life, machine_cores, utilization_target
from url_shortener_assumptions import (
    account_links_per_day,
    accounts_failover_time,
    alias_claim_row_bytes,
    anonymous_link_share,
    anonymous_links_per_hour,
    api_key_links_per_second,
    botnet_addresses,
    cache_ops_per_server,
    cdn_cache_tiers,
    cellular_ipv4_unknown_key_multiple,
    compaction_window,
    create_deadline,
    daily_active_users,
    expiring_share,
    expiry_days_mean,
    expiry_index_days_past_day,
    expiry_index_entry_bytes,
    fail_open_limit_multiple,
    gateway_credential_cache_ttl,
    gc_grace,
    idempotency_record_bytes,
    idempotency_window,
    link_copies,
    links_created_per_day,
    not_found_per_ip_per_10_min,
    outbox_row_bytes,
    paid_plan_links_per_day,
    peak_to_average,
    replica_read_lag_limit,
    unknown_key_share,
)
from url_shortener_keys import guesses_per_hit, guesses_per_hit_capacity_length, key_length, length_for_capacity
from url_shortener_servers import condition_reads_peak, create_servers, redirect_servers
from url_shortener_storage import expirations_per_second
from url_shortener_traffic import (
    account_reads_per_second_peak,
    count_queries_per_second_peak,
    creations_per_second_peak,
    custom_aliases_per_day,
    redirects_per_day,
    redirects_per_second_peak,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
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
)

# Creation limits: what one address, account or API key can create in a day.
anonymous_links_per_day = per_day(anonymous_links_per_hour * 24)
api_key_links_per_day = per_day(api_key_links_per_second * SECONDS_PER_DAY)
api_key_share_of_day = fraction(api_key_links_per_day / links_created_per_day)
# What a key may make: the lesser of its pace over a day and its account's allowance.
api_key_allows_free = per_day(min(api_key_links_per_day, account_links_per_day))
api_key_allows_paid = per_day(min(api_key_links_per_day, paid_plan_links_per_day))
# Each allowance is a token bucket (step 4): an account's bucket holds a day, an anonymous address's
# an hour, so a fresh account or address can spend a full bucket at once and the day's refill on top:
# twice the daily allowance in its first day for an account, an hour's more for an anonymous address.
account_links_first_day = count(2 * account_links_per_day)
anonymous_links_first_day = count(anonymous_links_per_day + anonymous_links_per_hour)
# A one-day run of a million links, on fresh free accounts.
accounts_for_a_million_links = count(1e6 / account_links_first_day)

# The gateway reads an API key's or account's record from the accounts primary, and from its
# semi-synchronous replica only when the primary does not answer and the replica's apply lag is under
# replica_read_lag_limit: semi-synchronous replication acknowledges a commit once the replica has
# received it, not applied it, so a lagging replica could return a record from before a revocation.
# A copy read that way is at most the lag limit behind, so a revoked key whose event a gateway missed
# may create for the lag limit plus the copy's time to live. Only while neither copy answers (a
# failover whose survivor is restarting, say) does it serve a copy past its time to live
# (stale-if-error), for twice a failover at most; older, the request gets 503.
gateway_revocation_bound = duration(replica_read_lag_limit + gateway_credential_cache_ttl)
gateway_stale_if_error = duration(2 * accounts_failover_time)
gateway_credential_max_age = duration(gateway_revocation_bound + gateway_stale_if_error)
# The accounts database is a small fixed cluster, but its primary's reads grow with traffic. Each
# create with an owner reads the owner's status there twice (url_shortener_traffic). And each gateway
# keeps its own copy of a key's record and of its account's, read from the primary only when a call
# finds no live copy: at most two reads a signed-in call. Bounded as if no copy were ever reused, at
# two for every such call at peak: the creates with an owner and the owners' reads of their links
# and counts, each a count query (url_shortener_traffic); status changes and key calls are far fewer.
signed_in_calls_peak = peak(creations_per_second_peak * (1 - anonymous_link_share) + count_queries_per_second_peak)
gateway_credential_reads_peak_max = peak(2 * signed_in_calls_peak)
accounts_primary_reads_peak = peak(account_reads_per_second_peak + gateway_credential_reads_peak_max)
# What one primary plans to serve, at the machine's cores and target utilization: step 2 says one
# primary carries them. A read's CPU time is a guess: one small row by its primary key, no join.
accounts_read_cpu = duration(0.1e-3)
accounts_primary_planned_reads = throughput(machine_cores * utilization_target / accounts_read_cpu)
accounts_primary_read_load = fraction(accounts_primary_reads_peak / accounts_primary_planned_reads)
assert accounts_primary_reads_peak < accounts_primary_planned_reads

# A /56 is one home only where the ISP gives each home a /56 or more. Where it gives each home a
# /60 or a /64, one /56 holds this many homes, and they share one /56 allowance.
homes_per_slash56_at_slash60 = count(2 ** (60 - 56))
homes_per_slash56_at_slash64 = count(2 ** (64 - 56))

# An IPv4 address behind carrier-grade NAT pools its users, and no prefix splits them. At the day's
# averages per user (the busy hour has more), how many users one address holds before their own
# traffic reaches each limit: the unknown keys of their redirects in ten minutes, and their anonymous
# links in an hour. A Cellular address gets a multiple of the unknown-key limit (step 3).
redirects_per_user_per_day = count(redirects_per_day / daily_active_users)
anonymous_links_per_user_per_day = count(links_created_per_day * anonymous_link_share / daily_active_users)
users_per_ipv4_at_unknown_key_limit = count(
    not_found_per_ip_per_10_min / (redirects_per_user_per_day * unknown_key_share / (6 * 24))
)
users_per_ipv4_at_anonymous_limit = count(anonymous_links_per_hour / (anonymous_links_per_user_per_day / 24))
cellular_ipv4_not_found_per_10_min = count(not_found_per_ip_per_10_min * cellular_ipv4_unknown_key_multiple)

# Enumeration: misses allowed per address a day before the limit, and links they find. Only a miss
# counts against the limit, so each miss comes with p / (1 - p) hits on average, p = 1 / guesses_per_hit.
guesses_per_ip_per_day = per_day(not_found_per_ip_per_10_min * 6 * 24)


def links_found(misses: float, hits_one_in: float) -> float:
    """Links found by guesses that may miss `misses` times, when one guess in `hits_one_in` hits."""
    p = 1 / hits_one_in
    return misses * p / (1 - p)


links_found_per_ip_per_day = per_day(links_found(guesses_per_ip_per_day, guesses_per_hit))
links_found_per_ip_per_day_capacity_length = per_day(
    links_found(guesses_per_ip_per_day, guesses_per_hit_capacity_length)
)
links_found_by_botnet_per_day = per_day(links_found_per_ip_per_day * botnet_addresses)
# An IPv6 /48 (a business's, or one a tunnel broker routes to anyone, free) holds this many /56s, each
# with its own allowance. With no count per /48 (step 3's decision), one /48 finds links as that many
# addresses do. Counting every /48 instead would pool the homes of an ISP that gives each a /64.
slash56_per_slash48 = count(2 ** (56 - 48))
slash64_per_slash48 = count(2 ** (64 - 48))
links_found_per_slash48_per_day = per_day(links_found_per_ip_per_day * slash56_per_slash48)
slash48_share_of_botnet = fraction(links_found_per_slash48_per_day / links_found_by_botnet_per_day)

# Idempotency keys for creations: one small record per create, kept a day. The record table is
# compacted in windows of a day (compaction_window), each into one file, dropped whole once gc_grace has passed since
# its last row expired (reference_capacity.expired_row_life, the rule the Twitter example uses):
# counted at full size until then, up to a window more than the day and the grace. Written twice: a
# reservation before the link is made, then its result, each later write with the record's remaining
# time to live.
idempotency_store_bytes = size(
    links_created_per_day
    * idempotency_record_bytes
    * expired_row_life(idempotency_window, gc_grace, compaction_window)
    / SECONDS_PER_DAY
    * link_copies
)
idempotency_writes_per_second_peak = peak(creations_per_second_peak * 2)
# The outbox (step 4): a row for each creation's "link created" event, expiring after a day and kept
# on disk by the same rule as the records (same window, same grace). Owners' and review's status
# changes and expiry changes write theirs in StatusOutbox, left out: about 0.1% as many. An account
# deletion's ends write theirs here, at the walk's pace (url_shortener_reliability prices a day of them).
outbox_rows_per_day = count(links_created_per_day)
outbox_store_bytes = size(
    outbox_rows_per_day
    * outbox_row_bytes
    * expired_row_life(SECONDS_PER_DAY, gc_grace, compaction_window)
    / SECONDS_PER_DAY
    * link_copies
)
# The expiry index (step 4's ExpiryIndex): an entry for each link created with an expiry, with no
# time to live: clean-up deletes a day's buckets once it has read them, a few days past the day, one
# partition tombstone a bucket. Leveled compaction: time windows would keep each day's file until the
# farthest expiry written that day. A compaction that merges a tombstone with its bucket drops the
# entries then, and the tombstone after gc_grace; the table is sized for the entries through both
# (entries a day x mean life, Little's law, at the mean time to expiry), which covers a compaction's
# lag (days, at about 2 GB a node). Expiry changes write an entry too but are left out, as for the
# outbox: far fewer than creations.
expiry_index_rows_per_day = per_day(links_created_per_day * expiring_share)
expiry_index_entry_life = duration((expiry_days_mean + expiry_index_days_past_day) * SECONDS_PER_DAY)
expiry_index_store_bytes = size(
    expiry_index_rows_per_day
    * expiry_index_entry_bytes
    * (expiry_index_entry_life + gc_grace)
    / SECONDS_PER_DAY
    * link_copies
)
# Alias claims (step 4's AliasClaim): a row per account and UTC day holding the day's claim count,
# raised by a conditional write before the link's insert. A create sums today's row and the 30 days'
# before it (at most 31 rows, whatever the quota), so a claim counts 30 to 31 days, never less. Rows
# live 31 days, in a table compacted by time window in days, so kept by the same rule; the account's
# last_claim cell expires with them, so no file is held back.
alias_claim_days = count(31)
# How long a row stays on disk: its 31 days, the grace, and the window its file waits for.
alias_claim_disk_days = expired_row_life(alias_claim_days * SECONDS_PER_DAY, gc_grace, SECONDS_PER_DAY)
# At most a row per alias (an account that claims several in a day shares one): an upper bound.
alias_claim_rows_per_day = per_day(custom_aliases_per_day)
alias_claim_store_bytes = size(
    alias_claim_rows_per_day * alias_claim_row_bytes * alias_claim_disk_days / SECONDS_PER_DAY * link_copies
)
alias_claim_reads_per_second_peak = peak(custom_aliases_per_day / SECONDS_PER_DAY * peak_to_average)
# The expiry job's tombstones are conditional too (only while the end state is empty, step 4): a round
# each, paced evenly through the day (so as many at peak), beside the creates' rounds; sizing leaves them out.
expiry_rounds_peak = peak(expirations_per_second)
expiry_round_share = fraction(expiry_rounds_peak / condition_reads_peak)
assert expiry_round_share < 0.02
# One account's claims take turns: each is a quorum read and a Paxos round across zones (Cassandra's
# default paxos_variant v1, concept_consensus), so an account claims at most one per claim time. Racing
# claims waste rounds, so one create server, picked by a hash of the account, makes all of an account's
# claims, one at a time in process (the rest of each create runs wherever it landed), and queues the
# rest within the create's deadline: that many at most, past them a 429.
alias_claim_time = duration((1 + LWT_ROUND_TRIPS_V1) * cross_zone_round_trip)
alias_claims_per_account_max = per_second(1 / alias_claim_time)
alias_claim_pace_headroom = times(alias_claims_per_account_max / api_key_links_per_second)
assert alias_claim_pace_headroom > 1
alias_claims_within_deadline = count(alias_claims_per_account_max * create_deadline)
# The rate-limit store (the rate limiter example's design): bucket operations at peak. A create spends
# two: an API key's pace and its account's daily allowance, or an anonymous address's /64 and /56.
# An unknown key's 404 spends two too, the address's /64 and /56 buckets of the unknown-key limit.
rate_limit_ops_per_create = count(2)
rate_limit_ops_per_unknown_key = count(2)
# An unknown key's 404 is kept at the edge this long (step 3's choice), so a crowd on a key that does
# not exist stays there; a key created just after a miss may answer the 404 for two tiers' copies.
unknown_key_edge_ttl = duration(5)
unknown_key_edge_copy_life_max = duration(unknown_key_edge_ttl * cdn_cache_tiers)
# Nearly every unknown key's 404 still reaches a redirect server and is checked: mistyped and probed
# keys rarely repeat within the edge's few seconds. A crowd on one absent key is held at the edge
# (url_shortener_reliability).
unknown_key_checks_peak = peak(redirects_per_second_peak * unknown_key_share)
rate_limit_ops_peak = peak(
    creations_per_second_peak * rate_limit_ops_per_create + unknown_key_checks_peak * rate_limit_ops_per_unknown_key
)
# Each operation is a script (read, arithmetic, write, expiry), priced as the rate limiter prices one.
rate_limit_script_cost = times(script_cost_in_gets)
# A script that refuses an unknown key publishes the address to every redirect server, which keeps it
# in memory and answers the address's every request with the challenge without asking the store. A
# refusal is at most one a checked unknown key (a server that holds the address checks nothing), so
# the publishes are bounded by the unknown keys' 404s; a publish is priced as one GET for the publish
# and one for each redirect server it is delivered to.
rate_limit_publishes_peak = peak(unknown_key_checks_peak)
rate_limit_publish_cost = times(1 + redirect_servers)
rate_limit_store_load = fraction(
    (rate_limit_ops_peak * rate_limit_script_cost + rate_limit_publishes_peak * rate_limit_publish_cost)
    / cache_ops_per_server
)
# Fail-open backstop while the store cannot answer: the API gateway runs on the create servers, and
# each holds a local bucket of the caller's limit x the multiple / the gateways; the unknown-key checks
# run on the redirect servers, which hold theirs the same way.
gateways = count(create_servers)
gateway_local_bucket_share = fraction(fail_open_limit_multiple / gateways)
redirect_local_bucket_share = fraction(fail_open_limit_multiple / redirect_servers)
fail_open_max_over_limit = times(gateway_local_bucket_share * gateways)
# An API key's pace on one gateway alone while the store is down: below its limit.
api_key_pace_one_gateway = per_second(api_key_links_per_second * gateway_local_bucket_share)

if __name__ != "url_shortener_api":
    print(
        markdown_table(
            ("Limit", "Allows", "What it means"),
            [
                (
                    f"{anonymous_links_per_hour} links an hour per address, anonymous",
                    anonymous_links_per_day,
                    f"per address a day on average; up to {anonymous_links_first_day} in a fresh address's first day",
                ),
                (
                    f"{account_links_per_day} links a day per account",
                    count(account_links_per_day),
                    f"a day on average; up to {account_links_first_day} in a fresh account's first day (a full "
                    f"bucket and a day's refill), so {accounts_for_a_million_links} accounts make a million "
                    "links in a day",
                ),
                (
                    f"{api_key_links_per_second} links a second per API key",
                    f"{api_key_allows_free} (free), {api_key_allows_paid} (example paid plan)",
                    f"the account's allowance; the key's pace alone would be {api_key_links_per_day}, "
                    f"{api_key_share_of_day} of all creations, if a plan allowed it",
                ),
                (
                    f"A key's record at the gateway: {gateway_credential_cache_ttl}, then stale-if-error",
                    gateway_credential_max_age,
                    f"oldest copy served, only while neither accounts copy answers "
                    f"({gateway_stale_if_error} past its time to live)",
                ),
                (
                    f"{not_found_per_ip_per_10_min} unknown keys per address in 10 min",
                    guesses_per_ip_per_day,
                    "misses per address a day; past them, every answer to the address is the challenge",
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Enumeration at the limit", "Links found a day"),
            [
                (f"One address, {key_length}-character keys", links_found_per_ip_per_day),
                (
                    f"One address, {length_for_capacity}-character keys (capacity alone)",
                    links_found_per_ip_per_day_capacity_length,
                ),
                (
                    f"One IPv6 /48 ({slash56_per_slash48} /56s, each its own allowance), {key_length} characters",
                    links_found_per_slash48_per_day,
                ),
                (f"A botnet of {botnet_addresses} addresses, {key_length} characters", links_found_by_botnet_per_day),
            ],
        )
    )
