"""Twitter worked example: the home timeline built on write, on read, or both, and its caches."""

import math
from statistics import NormalDist

from concept_life_assumptions import gdpr_answer_within
from twitter_api import post_limit_per_day, tweets_per_user_per_day
from twitter_api_assumptions import following_cap, home_scroll_depth_days, read_limit, read_window
from twitter_assumptions import (
    busy_pulled_accounts,
    cache_ops_per_server,
    celebrities_followed_per_user,
    celebrity_threshold_followers,
    cost_rule_floor_followers,
    follows_per_user,
    hedge_percentile,
    hedged_extra_request_share,
    mode_switch_band,
    reads_per_database_server,
    registered_users,
    request_latency_log_sigma,
    store_read_target_zone_lost,
    timeline_cache_copies,
    timeline_entries_cached,
    timeline_entry_bytes,
    timeline_expiry_days,
    tweets_per_timeline_page,
    weekly_active_follow_edge_share_what_if,
    weekly_active_users,
    zones,
)
from twitter_cache import (
    busy_followed_per_user_most,
    count_cache_servers,
    pulled_followed_per_user_most,
    tweet_cache_servers,
    user_cache_servers,
)
from twitter_fanout import fanout_fleet_capacity, launch_hybrid_attempts_peak_most, merge_reads_per_second_peak
from twitter_servers import database_servers, read_copies_per_zone_zone_lost, store_margin_after_writes_servers
from twitter_traffic import (
    deliveries_per_day,
    deliveries_per_second_peak,
    entries_written_per_timeline_per_day,
    timeline_loads_per_second_peak,
    tweets_per_day,
    written_deliveries_per_tweet,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    size,
    throughput,
    times,
)

# Fan-out on write: every delivery attempt (append-if-present) is an operation on each copy of the
# follower's timeline, sent in pipelined batches in the background; a timeline load is one read.
push_cache_ops_per_second_peak = peak(deliveries_per_second_peak * timeline_cache_copies)


# Every load, however its list of IDs is built, then hydrates its page (step 5): each tweet, its
# author and its count from the tweet, user and count caches, and one read of the reader's own
# favorites among them. A page's keys land on random servers of each cache; the client sends one
# batched request (a multi-get) to each server it needs, the expected number of distinct servers
# that a page's keys hit.
def servers_touched(keys, servers):
    return servers * (1 - (1 - 1 / servers) ** keys)


hydration_cache_requests_per_load = count(
    round(
        sum(
            servers_touched(tweets_per_timeline_page, servers)
            for servers in (tweet_cache_servers, user_cache_servers, count_cache_servers)
        )
    )
)
hydration_requests_per_load = count(hydration_cache_requests_per_load + 1)

# Fan-out on read: every load reads the recent tweets of each account followed, while the
# user waits, and waits for the slowest of them. If each request is slower than its own p99
# one time in a hundred, this is the share of loads that wait on at least one such request,
# counting the reads that build the list alone, and then with hydration too.
pull_reads_per_second_peak = peak(timeline_loads_per_second_peak * follows_per_user)
# Those are tweet-list reads of the wide-column store, not in-memory operations: the store servers
# they need, sized as step 2 sizes the store (twitter_servers): each is a quorum read, and with a zone
# lost each surviving zone serves read_copies_per_zone_zone_lost of every one, at the read target, in
# whole servers a zone, all at the recent-read rate (a quiet author's list, read cold, would cost more).
# Against the database_servers the design's store has for all its reads:
pull_store_servers_worth = count(
    math.ceil(
        pull_reads_per_second_peak
        * read_copies_per_zone_zone_lost
        / reads_per_database_server
        / store_read_target_zone_lost
    )
    * zones
)
pull_store_over_design_store = times(pull_store_servers_worth / database_servers)
pull_slow_load_share = fraction(1 - 0.99**follows_per_user)
pull_requests_per_load = count(follows_per_user + hydration_requests_per_load)
pull_all_slow_load_share = fraction(1 - 0.99**pull_requests_per_load)

# Push and hybrid: push for most accounts, merge the pulled ones (huge, and busy by the cost rule)
# at read time. The design keeps the pulled accounts' recent IDs in each timeline server's memory (step 6), so a
# load makes one remote read for its list, the cached timeline, as under push, then hydrates.
celebrity_edge_share = fraction(celebrities_followed_per_user / follows_per_user)
hybrid_reads_per_load = count(1)
hybrid_slow_load_share = fraction(1 - 0.99**hybrid_reads_per_load)
hybrid_requests_per_load = count(hybrid_reads_per_load + hydration_requests_per_load)
hybrid_all_slow_load_share = fraction(1 - 0.99**hybrid_requests_per_load)

# Hedged requests (Dean and Barroso, "The Tail at Scale"): every cache and store here keeps at
# least two copies, so a request still unanswered at its p95 goes to another copy too, for at most
# hedged_extra_request_share more requests (the share still unanswered at the p95; a budget in each
# client caps them there, and twitter_cache counts them in the caches' sizes). The hedge starts late: it has only
# p99 − p95 to answer before the request is past its p99. So a request is still slow when the
# first copy is (1%) and the hedge takes longer than p99 − p95, if copies are slow independently.
# That chance depends on the latency's shape: lognormal here, its spread assumed in twitter_assumptions.
# 1% × 1% would hold only for a hedge sent at once, which doubles the requests: a best case.
latency = NormalDist(0, request_latency_log_sigma)  # the logarithm of a request's latency, median 1
latency_p95 = math.exp(latency.inv_cdf(hedge_percentile))
latency_p99 = math.exp(latency.inv_cdf(0.99))
latency_p99_over_p95 = times(latency_p99 / latency_p95)
hedge_late_share = fraction(1 - latency.cdf(math.log(latency_p99 - latency_p95)))
hedged_slow_request_share = fraction(0.01 * hedge_late_share)
hedged_slow_request_share_best_case = fraction(0.01**2)
hybrid_hedged_slow_load_share = fraction(1 - (1 - hedged_slow_request_share) ** hybrid_requests_per_load)
# The option step 6 rejects: hedge only where there is room already, the timeline read and the
# favorites read (the store), not the hydration caches' requests, most of a load's.
hybrid_store_only_hedged_slow_load_share = fraction(
    1 - (1 - hedged_slow_request_share) ** (hybrid_reads_per_load + 1) * 0.99 ** (hydration_requests_per_load - 1)
)
# One tweet at the follower threshold, on the whole fan-out fleet (twitter_fanout's capacity, the
# same the celebrity tweet is timed on).
threshold_fanout_time = duration(celebrity_threshold_followers / fanout_fleet_capacity)
# A pushed account turns pulled only past the band above the threshold: the largest fan-out a tweet makes.
largest_pushed_followers = count(celebrity_threshold_followers * (1 + mode_switch_band))
largest_pushed_fanout_time = duration(largest_pushed_followers / fanout_fleet_capacity)

# Cost is followers times tweets: an account just below the follower threshold, posting at the
# post limit's sustained rate, would add this share of all deliveries on its own. So the switch to pull compares
# an account's deliveries a day with what the threshold's followers cost at the average daily
# user's posting rate.
busy_account_deliveries_per_day = count(celebrity_threshold_followers * post_limit_per_day)
busy_account_delivery_share = fraction(busy_account_deliveries_per_day / deliveries_per_day)
pull_threshold_deliveries_per_day = count(celebrity_threshold_followers * tweets_per_user_per_day)
# The cost rule weighs only accounts above a follower floor: below it, an account at that rate
# adds this share of all deliveries, which push absorbs. At the floor, an account crosses the rule
# once it posts this many tweets a day.
floor_account_deliveries_per_day = count(cost_rule_floor_followers * post_limit_per_day)
floor_account_delivery_share = fraction(floor_account_deliveries_per_day / deliveries_per_day)
floor_account_posts_to_pull = count(pull_threshold_deliveries_per_day / cost_rule_floor_followers)
# Without the floor, an account posting at that rate would cross the rule with this few
# followers (the first whole follower count whose deliveries exceed the rule's):
cap_account_followers_to_pull = count(math.ceil(pull_threshold_deliveries_per_day / post_limit_per_day))
# What the busy accounts pulled by cost add to the read-time merge. Each timeline server keeps
# every pulled account's recent IDs in memory, as many as a cached timeline holds, packed the same way, at
# most: a "tweet deleted" on the tweet topic the servers consume drops its ID (an account's purge deletes
# each of its tweets), a list goes once it is empty or its account stops being pulled, and each refresh,
# each merge and an hourly sweep drop IDs older than timeline_entry_age_limit (below), as a server loading
# the lists from a peer or the store (whose lists keep deleted tweets' IDs) keeps only those within it.
merge_list_bytes = size(timeline_entries_cached * timeline_entry_bytes)
busy_lists_bytes_per_timeline_server = size(busy_pulled_accounts * merge_list_bytes)
# That is a count, not a span: at the post limit an account's list covers only this long, and any
# account posting more than this many a day falls short of the days a home page scrolls back (step 3).
# So each list's oldest ID is the merge's horizon for that account: a page that reaches past it
# reads the account's tweet list from the store (step 6).
merge_list_span_at_post_limit = duration(timeline_entries_cached / post_limit_per_day * SECONDS_PER_DAY)
merge_list_short_posts_per_day = count(timeline_entries_cached / home_scroll_depth_days)
# The huge accounts' lists: no assumption counts those accounts (the ones pulled for their follower
# count), but they hold celebrity_edge_share of all follow edges, and each has at least the followers at
# the bottom of the band under the threshold (below it, an account is pushed again), so there are at most this many.
smallest_pulled_followers = count(celebrity_threshold_followers * (1 - mode_switch_band))
huge_accounts_most = count(registered_users * follows_per_user * celebrity_edge_share / smallest_pulled_followers)
huge_lists_bytes_per_timeline_server_most = size(huge_accounts_most * merge_list_bytes)
# Such a page makes at most one partition read per pulled account the reader follows (bucket 0 holds
# a year). With a zone lost each zone's store serves every read, out of its room for reads to grow:
# the share of home loads at peak such pages could be, each making all of those reads, before they
# fill it.
horizon_page_room_load_share = fraction(
    store_margin_after_writes_servers
    * reads_per_database_server
    / (pulled_followed_per_user_most * timeline_loads_per_second_peak)
)
# A home page past the reader's own cached timeline (step 3) is built by pull, as a rebuild is: a store
# read for each account followed and one for the reader's own list, and it waits on the slowest. A
# cached timeline gains the average entries a day for each account followed, so its cap spans less
# than the days a page scrolls back for any reader who follows more than this many accounts, and for
# one at the following cap it spans only this long.
entries_per_followed_account_per_day = count(entries_written_per_timeline_per_day / follows_per_user)
deep_scroll_follows_least = count(
    math.ceil(timeline_entries_cached / home_scroll_depth_days / entries_per_followed_account_per_day)
)
deep_scroll_cap_span_at_following_cap = duration(
    timeline_entries_cached / (following_cap * entries_per_followed_account_per_day) * SECONDS_PER_DAY
)
# So such a page counts against the read bucket (step 3) its call, and one more for each follows_per_user
# accounts followed or part of them, which the timeline service debits once it finds the cursor past the
# cache: a page of the default size never makes more than follows_per_user reads a call, so at the
# bucket's refill one reader's deep pages make at most this many store reads a second, however many
# accounts the reader follows. No assumption counts the readers who scroll that far at peak, so the
# store's budget (step 2) leaves these reads out; the charge bounds what one reader, or one script, adds.
# The reader pays in calls: at the following cap, a full bucket (and each window's refill after it)
# buys this many such pages, from the bucket their home and profile pages draw on too.
deep_page_calls_most = count(1 + math.ceil(following_cap / follows_per_user))
deep_page_reads_per_second_per_reader_most = throughput(read_limit / read_window * follows_per_user)
deep_pages_per_window_at_following_cap = count(read_limit / deep_page_calls_most)
# The timeline module drops a timeline's entries older than this on every command that reaches the timeline
# (an insert, a read, a touch, a copy-in), an entry's age counted from the time in its tweet ID, so an entry
# copied or inserted again keeps its age (a design choice). A copy that no command reaches keeps its old
# entries until it expires, timeline_expiry_days after its last read or touch, so an entry's life in memory is
# at most the two together, a tweet ID with its author's: a deleted tweet's, which hydration hides until then,
# or a deleted account's. That must stay inside the legal deadline's shortest month, and the age past the days
# a page scrolls back, so no scroll reaches it. A timeline gains entries_per_followed_account_per_day for each
# account followed, so the age trims only the timelines of readers who follow fewer than this many accounts;
# the others reach the cap first, and the memory, sized for full timelines, is an upper bound.
timeline_entry_age_limit = duration(14 * SECONDS_PER_DAY)
timeline_entry_life_most = duration(timeline_entry_age_limit + timeline_expiry_days * SECONDS_PER_DAY)
assert home_scroll_depth_days * SECONDS_PER_DAY < timeline_entry_age_limit
assert timeline_entry_life_most < gdpr_answer_within, "an entry's age plus the expiry must end inside the deadline"
# The pulled accounts' lists on the timeline servers: an ID past that age goes at the next sweep at the latest
# (a design choice: hourly), so a tweet ID with its author's stays there at most this long.
pulled_list_sweep_interval = duration(SECONDS_PER_HOUR)
pulled_list_id_life_most = duration(timeline_entry_age_limit + pulled_list_sweep_interval)
assert pulled_list_id_life_most < gdpr_answer_within
age_trimmed_follows_below = count(
    math.ceil(
        timeline_entries_cached / (timeline_entry_age_limit / SECONDS_PER_DAY) / entries_per_followed_account_per_day
    )
)
# The option step 6 rejects: each list keeps the days a page scrolls back, up to the post limit,
# and the busy and huge accounts' lists on each timeline server, at most.
week_merge_list_bytes_most = size(post_limit_per_day * home_scroll_depth_days * timeline_entry_bytes)
week_lists_bytes_per_timeline_server_most = size(
    (busy_pulled_accounts + huge_accounts_most) * week_merge_list_bytes_most
)
# And a lookup in those lists for each one a reader follows: each busy account (pulled for its cost
# alone) has fewer followers than the top of the band above the threshold (past it, an account is
# pulled by followers already, and counts among the huge). Loads come from daily users,
# and at worst every follower is one, so on average a daily user follows at most
# busy_followed_per_user_most of them (twitter_cache computes it, and pulled_followed_per_user_most,
# the huge and busy ones together: each timeline keeps their list), and the merge makes at most
# this many more lookups at peak, all in memory.
busy_merge_lookups_per_second_peak_most = peak(timeline_loads_per_second_peak * busy_followed_per_user_most)
# The attempts the hybrid does not make: none goes to a pulled account's followers. Pure push's total is
# tweets a day times followers per account, which counts every account's tweets at the average rate (as
# if posting did not depend on follower count), so inside it an account's deliveries are its follow edges
# at that rate. The huge accounts (pulled for their follower count) hold celebrity_edge_share of the edges.
# Each busy account (pulled for its cost alone) has at least the cost rule's floor of followers and at most
# the top of the band above the threshold (past it, it counts among the huge), so the busy accounts hold
# between these shares of the edges. What a busy account posts above the average rate is not in pure
# push's total: the cost rule pulls it, so the hybrid never sends it either. Pulled, then, is at least the
# lower share and at most the upper one, if huge accounts post as often as others; the pages size fan-out
# on pure push's attempt rate, an upper bound on the hybrid's at the same posting rates.
follow_edges = count(registered_users * follows_per_user)
busy_edge_share_least = fraction(busy_pulled_accounts * cost_rule_floor_followers / follow_edges)
busy_edge_share_most = fraction(busy_pulled_accounts * largest_pushed_followers / follow_edges)
pulled_delivery_share_at_least = fraction(celebrity_edge_share + busy_edge_share_least)
pulled_delivery_share_at_most = fraction(celebrity_edge_share + busy_edge_share_most)
pulled_deliveries_per_day_at_least = count(deliveries_per_day * pulled_delivery_share_at_least)
pulled_deliveries_per_day_at_most = count(deliveries_per_day * pulled_delivery_share_at_most)
hybrid_deliveries_per_second_peak_at_most = peak(deliveries_per_second_peak * (1 - pulled_delivery_share_at_least))
hybrid_deliveries_per_second_peak_at_least = peak(deliveries_per_second_peak * (1 - pulled_delivery_share_at_most))
# twitter_fanout sizes the fleet on the same most, computed there to keep the imports one way.
assert math.isclose(hybrid_deliveries_per_second_peak_at_most, launch_hybrid_attempts_peak_most)
# Pure push's rate is no bound on the real one, though: it credits every follow edge with the average
# account's tweets, as if posting did not depend on follower count, and active users are followed more
# (step 2). Every tweet comes from a weekly-active account, this many a day each; if those accounts held
# weekly_active_follow_edge_share_what_if of the edges as followees (step 2's what-if, on the other end of
# the edge), the attempts would be this many times pure push's, this many at peak, against the fan-out
# fleet's capacity with a zone lost (two zones of its three) and with every zone up. So step 7 measures
# the busy hour's attempts and tickets them past 90% of the zone-lost capacity, which the fleet was sized to
# put at the hybrid's most at launch, the spare its freshness rests on; the fleet is then sized on the measured rate.
weekly_active_tweets_per_day_each = count(tweets_per_day / weekly_active_users)
followee_skew_attempts_over_pure_push = times(
    weekly_active_follow_edge_share_what_if * registered_users / weekly_active_users
)
followee_skew_deliveries_per_second_peak = peak(deliveries_per_second_peak * followee_skew_attempts_over_pure_push)
followee_skew_fleet_load_zone_lost = fraction(
    followee_skew_deliveries_per_second_peak / (fanout_fleet_capacity * (zones - 1) / zones)
)
followee_skew_fleet_load = fraction(followee_skew_deliveries_per_second_peak / fanout_fleet_capacity)
# And the entries a tweet writes, to followers with a cached timeline: pure push's count, at the
# independence assumption's share, less the same share pulled.
hybrid_written_deliveries_per_tweet_at_most = count(written_deliveries_per_tweet * (1 - pulled_delivery_share_at_least))
hybrid_written_deliveries_per_tweet_at_least = count(written_deliveries_per_tweet * (1 - pulled_delivery_share_at_most))
# The pulled accounts' share of a reader's follow edges, at most on average.
pulled_edge_share_most = fraction(pulled_followed_per_user_most / follows_per_user)
# The alternative step 6 rejects: every pulled account's list in a shared cache, one remote read
# each, on top of the timeline.
shared_merge_reads_per_load = count(1 + pulled_followed_per_user_most)
shared_merge_slow_load_share = fraction(1 - 0.99**shared_merge_reads_per_load)
shared_merge_requests_per_load = count(shared_merge_reads_per_load + hydration_requests_per_load)
shared_merge_all_slow_load_share = fraction(1 - 0.99**shared_merge_requests_per_load)
shared_merge_hedged_slow_load_share = fraction(1 - (1 - hedged_slow_request_share) ** shared_merge_requests_per_load)
shared_merge_reads_per_second_peak = peak(merge_reads_per_second_peak + busy_merge_lookups_per_second_peak_most)
merge_cache_servers = count(math.ceil(shared_merge_reads_per_second_peak / cache_ops_per_server))

pull_over_push = times(pull_reads_per_second_peak / push_cache_ops_per_second_peak)

if __name__ != "twitter_read_path":
    print(
        markdown_table(
            ("At peak", "Push (on write)", "Pull (on read)", "Hybrid, merge in memory", "Hybrid, merge from a cache"),
            [
                (
                    "Timeline cache operations (append-if-present, every copy)",
                    push_cache_ops_per_second_peak,
                    "none",
                    "push, minus pulled accounts",
                    "push, minus pulled accounts",
                ),
                (
                    "Remote reads per load to build its list of IDs",
                    1,
                    follows_per_user,
                    hybrid_reads_per_load,
                    shared_merge_reads_per_load,
                ),
                (
                    "... loads waiting on one slower than its p99",
                    fraction(0.01),
                    pull_slow_load_share,
                    hybrid_slow_load_share,
                    shared_merge_slow_load_share,
                ),
                (
                    "Remote reads a second, all loads, to build the lists",
                    timeline_loads_per_second_peak,
                    pull_reads_per_second_peak,
                    timeline_loads_per_second_peak,
                    peak(timeline_loads_per_second_peak + shared_merge_reads_per_second_peak),
                ),
                (
                    "Remote requests per load, hydration included",
                    hybrid_requests_per_load,
                    pull_requests_per_load,
                    hybrid_requests_per_load,
                    shared_merge_requests_per_load,
                ),
                (
                    "... loads waiting on one slower than its p99",
                    hybrid_all_slow_load_share,
                    pull_all_slow_load_share,
                    hybrid_all_slow_load_share,
                    shared_merge_all_slow_load_share,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Follow edges that point at huge accounts", celebrity_edge_share),
                ("Fleet time for one tweet at the threshold", threshold_fanout_time),
                ("Followers of the largest pushed account, at the band's top", largest_pushed_followers),
                ("Fleet time for one of its tweets", largest_pushed_fanout_time),
                (
                    "Hydration requests per load (batched, one per cache server touched, and the favorites read)",
                    hydration_requests_per_load,
                ),
                ("Extra requests when each is hedged at its p95", hedged_extra_request_share),
                (f"p99 over p95, latency lognormal with σ = {request_latency_log_sigma}", latency_p99_over_p95),
                (
                    f"Hedges that take longer than p99 − p95, latency lognormal with σ = {request_latency_log_sigma}",
                    hedge_late_share,
                ),
                ("Requests slow even with hedging, if copies are slow independently", hedged_slow_request_share),
                ("... best case, a hedge sent at once (twice the requests)", hedged_slow_request_share_best_case),
                ("Loads waiting on a slow request, hedged: hybrid, merge in memory", hybrid_hedged_slow_load_share),
                (
                    "... the same, only the timeline and favorites reads hedged (not the hydration caches)",
                    hybrid_store_only_hedged_slow_load_share,
                ),
                ("... hybrid, merge from a cache", shared_merge_hedged_slow_load_share),
                ("Cache servers for the read-time merge (operations)", merge_cache_servers),
                ("Deliveries a day from one busy account below the threshold", busy_account_deliveries_per_day),
                ("... as a share of all deliveries", busy_account_delivery_share),
                (
                    f"Deliveries a day from one account at the {cost_rule_floor_followers}-follower floor, at the cap",
                    floor_account_deliveries_per_day,
                ),
                ("... as a share of all deliveries", floor_account_delivery_share),
                ("Tweets a day that pull an account at the floor", floor_account_posts_to_pull),
                ("Followers that would pull an account at the cap, without the floor", cap_account_followers_to_pull),
                (f"One pulled account's list in memory ({timeline_entries_cached} IDs)", merge_list_bytes),
                (
                    f"Lists of the {busy_pulled_accounts} busy accounts, on each timeline server",
                    busy_lists_bytes_per_timeline_server,
                ),
                (
                    f"Huge accounts, at most (their share of the follow edges, at least {smallest_pulled_followers} "
                    "followers each)",
                    huge_accounts_most,
                ),
                ("... their lists, on each timeline server, at most", huge_lists_bytes_per_timeline_server_most),
                (f"Time a list covers at the post limit of {post_limit_per_day} a day", merge_list_span_at_post_limit),
                (
                    f"Tweets a day past which a list covers less than the {home_scroll_depth_days} days scrolled",
                    merge_list_short_posts_per_day,
                ),
                (
                    "Home loads at peak the store's room covers, each reading every pulled list",
                    horizon_page_room_load_share,
                ),
                (f"A list holding {home_scroll_depth_days} days at the post limit", week_merge_list_bytes_most),
                (
                    "... the busy and huge accounts' lists, on each timeline server, at most",
                    week_lists_bytes_per_timeline_server_most,
                ),
                ("Busy accounts a daily user follows, at most, on average", busy_followed_per_user_most),
                ("Pulled accounts a daily user follows, huge and busy, at most", pulled_followed_per_user_most),
                ("... as a share of the follow edges, at most", pulled_edge_share_most),
                (
                    f"Follow edges to the {busy_pulled_accounts} busy accounts, as a share of all: at least",
                    busy_edge_share_least,
                ),
                ("... at most", busy_edge_share_most),
                (
                    "Deliveries a day the hybrid leaves to the read-time merge, at least",
                    pulled_deliveries_per_day_at_least,
                ),
                ("... at most", pulled_deliveries_per_day_at_most),
                ("... as a share of all deliveries, at least", pulled_delivery_share_at_least),
                ("... at most", pulled_delivery_share_at_most),
                ("Delivery attempts at peak under the hybrid, at most", hybrid_deliveries_per_second_peak_at_most),
                ("... at least", hybrid_deliveries_per_second_peak_at_least),
                (
                    "Tweets a day from each weekly-active account (every tweet is one's)",
                    weekly_active_tweets_per_day_each,
                ),
                (
                    "Attempts over pure push's, weekly-active accounts holding "
                    f"{weekly_active_follow_edge_share_what_if} of the edges as followees",
                    followee_skew_attempts_over_pure_push,
                ),
                ("... attempts at peak", followee_skew_deliveries_per_second_peak),
                ("... of the fan-out fleet's capacity with a zone lost", followee_skew_fleet_load_zone_lost),
                ("... with every zone up", followee_skew_fleet_load),
                (
                    "Entries a tweet writes under the hybrid, at most (pure push's, less the pulled share)",
                    hybrid_written_deliveries_per_tweet_at_most,
                ),
                ("... at least", hybrid_written_deliveries_per_tweet_at_least),
                ("Merge lookups they add at peak, at most (in memory)", busy_merge_lookups_per_second_peak_most),
                (
                    f"Accounts followed past which a cached timeline spans less than {home_scroll_depth_days} days",
                    deep_scroll_follows_least,
                ),
                (f"... what it spans at the following cap of {following_cap}", deep_scroll_cap_span_at_following_cap),
                ("Age past which the timeline module drops an entry, on every command", timeline_entry_age_limit),
                (
                    f"... an entry's life in memory, at most (with the {timeline_expiry_days}-day expiry)",
                    timeline_entry_life_most,
                ),
                ("A pulled account's ID on the timeline servers, at most (hourly sweep)", pulled_list_id_life_most),
                (
                    "... accounts followed below which it trims a timeline before the cap does",
                    age_trimmed_follows_below,
                ),
                (
                    f"Calls a page past the cached timeline counts, at most (one, plus one per {follows_per_user} "
                    "accounts followed)",
                    deep_page_calls_most,
                ),
                (
                    "... store reads a second one reader's such pages make, at most",
                    deep_page_reads_per_second_per_reader_most,
                ),
                (
                    f"... such pages a reader at the following cap gets per {read_window} of the read bucket",
                    deep_pages_per_window_at_following_cap,
                ),
            ],
        )
    )
