"""Twitter worked example: memory for the home timeline cache and the tweet cache."""

import math

from twitter_api_assumptions import fanout_page_write_limit, follow_change_note_bytes, follow_limit
from twitter_assumptions import (
    busy_pulled_accounts,
    cache_item_overhead_bytes,
    cache_memory_per_server,
    cache_ops_per_server,
    celebrities_followed_per_user,
    celebrity_threshold_followers,
    count_cache_entry_bytes,
    daily_active_users,
    event_log_retention_days,
    follow_changes_per_user_per_day,
    follows_per_user,
    hedged_extra_request_share,
    lapsed_daily_user_share,
    mode_switch_band,
    peak_to_average,
    spare_servers_per_zone,
    timeline_cache_copies,
    timeline_cache_memory_target,
    timeline_entries_cached,
    timeline_entry_bytes,
    timeline_expiry_days,
    timeline_header_bytes,
    timeline_key_bytes,
    timeline_loads_per_user_per_day,
    tweet_cache_copies,
    tweet_cache_days,
    tweet_cache_entry_bytes,
    tweets_per_day,
    tweets_per_timeline_page,
    user_cache_entry_bytes,
    weekly_active_users,
    zone_headroom,
    zones,
)
from twitter_notifications import mention_or_reply_tweets_per_second_peak, pushes_per_second_peak
from twitter_traffic import (
    deliveries_per_second_peak,
    favorites_per_second_peak,
    follow_changes_per_second_peak,
    profile_views_per_second_peak,
    searches_per_second_peak,
    timeline_loads_per_second_peak,
    tweet_deletes_per_second_peak,
    tweet_views_per_second_peak,
    tweets_per_second_peak,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    size,
    size_per_day,
    whole_per_zone,
)

# Home timelines: a list of recent tweet IDs for every active user, kept in memory, packed as
# one array of fixed-size entries per timeline (step 6), so an entry costs its bytes and no more.
timeline_bytes_per_user = size(timeline_entries_cached * timeline_entry_bytes)

# Beside the entries, the same value holds a header and two short lists (step 6): the pulled
# accounts the reader follows, whose recent IDs the timeline server merges in, and the accounts the
# reader unfollowed in the last fanout_page_write_limit. Pulled are the huge accounts and the busy
# ones the cost rule alone pulls; each busy one has fewer followers than the band's top, and loads come
# from daily users, so even if every follower is one, a daily user follows at most this many busy
# ones on average (step 6), and at most this many pulled ones in all:
busy_followed_per_user_most = count(
    busy_pulled_accounts * celebrity_threshold_followers * (1 + mode_switch_band) / daily_active_users
)
pulled_followed_per_user_most = count(celebrities_followed_per_user + busy_followed_per_user_most)
pulled_list_bytes_per_user_most = size(pulled_followed_per_user_most * 8)
# The unfollowed list keeps an unfollow that long, a follow-change note each; at a user's average
# rate of follows and unfollows (all counted as unfollows, an upper bound) it is nearly always empty.
unfollowed_list_bytes_per_user = size(
    follow_changes_per_user_per_day * fanout_page_write_limit / SECONDS_PER_DAY * follow_change_note_bytes
)
# A second key on the same server holds the reader's follow-change record (step 6), whose notes
# live follow_change_note_life (below); counted for every reader, an upper bound, at the average rate.
# Each of the two keys carries the cache's per-item bookkeeping and the key itself.
follow_change_note_life = duration(SECONDS_PER_DAY + event_log_retention_days * SECONDS_PER_DAY)
follow_change_record_bytes_per_user = size(
    follow_changes_per_user_per_day * follow_change_note_life / SECONDS_PER_DAY * follow_change_note_bytes
)
timeline_keys_per_user = count(2)
timeline_overhead_bytes_per_user = size(
    timeline_keys_per_user * (cache_item_overhead_bytes + timeline_key_bytes)
    + timeline_header_bytes
    + pulled_list_bytes_per_user_most
    + unfollowed_list_bytes_per_user
    + follow_change_record_bytes_per_user
)
timeline_cached_bytes_per_user = size(timeline_bytes_per_user + timeline_overhead_bytes_per_user)
timeline_overhead_share = fraction(timeline_overhead_bytes_per_user / timeline_cached_bytes_per_user)
# A timeline expires after a week unread, so the cache holds the users active in the last week.
timeline_cache_bytes = size(weekly_active_users * timeline_cached_bytes_per_user * timeline_cache_copies)

# Why a week and not a day: with a one-day expiry, a daily user last seen more than a day
# before finds no timeline on the first load of the day, and its rebuild reads the recent tweets
# of every account followed while the user waits (the pull path of step 6).
day_expiry_rebuild_load_share = fraction(lapsed_daily_user_share / timeline_loads_per_user_per_day)
day_expiry_rebuild_reads_peak = peak(day_expiry_rebuild_load_share * timeline_loads_per_second_peak * follows_per_user)
day_expiry_cache_bytes = size(daily_active_users * timeline_cached_bytes_per_user * timeline_cache_copies)

# Tweets themselves: the last few days cover nearly every home timeline read, kept in two copies:
# the least memory the tweet cache needs. Profile pages reach further back: twitter_servers counts
# those reads against the store. An entry is the stored record with its key and the per-key
# bookkeeping every cache here is charged (twitter_assumptions), so a day's tweets take this much.
tweet_cache_bytes_per_day = size_per_day(tweets_per_day * tweet_cache_entry_bytes)
tweet_cache_bytes = size(tweet_cache_bytes_per_day * tweet_cache_days)
tweet_cache_bytes_all_copies = size(tweet_cache_bytes * tweet_cache_copies)

# How long a reader's follow-change note lives beside its timeline (step 6), follow_change_note_life
# above: long enough to outrank a late, older follow event. The event log keeps events at least
# event_log_retention_days, and may keep them longer (it deletes whole segments), so the fan-out
# itself applies a follow event only within those days of its write timestamp; an older one makes
# it read the graph edge instead. So the log's days plus a day of margin.
# Those notes are the fan-out's ordering record, read only by the worker applying a follow event.
# A user who empties the follow bucket, then follows at its refill rate, holds this many, too many
# to return with every timeline load:
follow_change_notes_most = count(follow_limit * (1 + follow_change_note_life / SECONDS_PER_DAY))
follow_change_notes_most_bytes = size(follow_change_notes_most * follow_change_note_bytes)
# So a second, short list sits beside the timeline, checked by the fan-out's insert (which refuses
# an entry whose author is on it) and returned with the timeline: the unfollows of the last
# fanout_page_write_limit, the longest a delivery can be in flight after one. The follow bucket
# caps it at a full bucket and that window's refill.
unfollow_filter_notes_most = count(follow_limit * (1 + fanout_page_write_limit / SECONDS_PER_DAY))
unfollow_filter_most_bytes = size(unfollow_filter_notes_most * follow_change_note_bytes)

# How many cache servers? Enough memory, and enough operations a second: every delivery attempt
# is an operation on each copy, whether or not it finds a timeline to write; every timeline load is
# one read, hedged at most hedged_extra_request_share of the time (a second read, of another zone's
# copy, step 6); and every follow or unfollow is about
# four operations on each copy (step 6): read the follow-change record, write it, update the
# unfollowed list (add the account, or take it off), and change the timeline (an unfollow removes
# the account's entries, a follow copies its recent tweets in). A copy lives in each zone, so each
# zone needs the same whole count of servers to hold its copy. A load reads one copy, its own
# zone's, and touches the other zones' copies, which resets their expiry (step 6): one operation
# on each, so that every copy of a timeline expires together.
timeline_ops_per_follow_change = count(4)
timeline_cache_fanout_ops_per_copy_peak = peak(
    deliveries_per_second_peak + follow_changes_per_second_peak * timeline_ops_per_follow_change
)
timeline_cache_hedged_reads_peak = peak(timeline_loads_per_second_peak * hedged_extra_request_share)
# Why touch: were each copy kept alive only by its own reads, a user who loads this many times a
# week, each load in a zone picked at random, would leave a given copy unread all week this often.
copy_drift_example_loads_per_week = count(2)
copy_drift_unread_week_share = fraction((1 - 1 / timeline_cache_copies) ** copy_drift_example_loads_per_week)
timeline_cache_touches_peak = peak(timeline_loads_per_second_peak * (timeline_cache_copies - 1))
timeline_cache_ops_peak = peak(
    timeline_cache_fanout_ops_per_copy_peak * timeline_cache_copies
    + timeline_loads_per_second_peak
    + timeline_cache_hedged_reads_peak
    + timeline_cache_touches_peak
)
timeline_memory_per_server = size(cache_memory_per_server * timeline_cache_memory_target)
servers_for_memory = count(whole_per_zone(timeline_cache_bytes / timeline_memory_per_server, zones))
servers_for_operations = count(whole_per_zone(timeline_cache_ops_peak / cache_ops_per_server, zones))
timeline_cache_servers = count(max(servers_for_memory, servers_for_operations))
day_expiry_servers_for_memory = count(whole_per_zone(day_expiry_cache_bytes / timeline_memory_per_server, zones))
week_expiry_extra_servers = count(timeline_cache_servers - max(day_expiry_servers_for_memory, servers_for_operations))

# The tweet cache the same way: every tweet shown at peak is one lookup, of its first copy (step 6).
# Its copies are not one per zone, so losing a zone moves a third of the lookups onto the
# servers left: they need the zone headroom the API tier has. (The timeline cache needs none:
# a lost zone takes its copy's writes with it, step 7.)
# Search pages are hydrated the same way (step 5), a lookup for every result shown, and so is a
# tweet opened from a push (step 3): at most one a user notified, the upper bound twitter_servers takes.
# Fills are operations too. The cache fills only tweets younger than the days it holds (a tweet's
# ID carries its time, step 4), and each entry expires at that age, so an old tweet read from the
# store for a profile page is not cached and cannot push out the days home timelines read. Each
# tweet is then filled at most once into each copy: at most the posting rate times the copies.
# Before each fill the reader has asked the key's other copy (step 6's read path: first copy, other
# copy, store), so as many lookups again on the other copies; older tweets skip that step.
# Hedging (step 6) sends a lookup still unanswered at its p95 to the key's other copy too: at most
# hedged_extra_request_share more lookups, which the clients' budget caps. Counted in full, also
# with a zone lost, an upper bound then: a key whose other copy was there has nowhere to hedge to.
search_tweet_views_per_second_peak = peak(searches_per_second_peak * tweets_per_timeline_page)
tweet_cache_fills_per_second_peak = peak(tweets_per_second_peak * tweet_cache_copies)
tweet_cache_other_copy_lookups_peak = peak(tweet_cache_fills_per_second_peak)
# The lookups alone (what hydration asks for, first copies), then the operations that size it: the
# hedges, the other-copy lookups and the fills included.
tweet_cache_lookups_peak = peak(
    tweet_views_per_second_peak + search_tweet_views_per_second_peak + pushes_per_second_peak
)
tweet_cache_hedged_lookups_peak = peak(tweet_cache_lookups_peak * hedged_extra_request_share)
# Left out of those lookups: the writes' checks. A favorite checks that its tweet exists, a reply
# reads its parent at post time (every mention or reply tweet counted as a reply, an upper bound),
# a delete checks its author (left out too: at the assumed share of tweets deleted, a small share of
# these checks). Against the operations below:
write_check_lookups_peak_at_most = peak(favorites_per_second_peak + mention_or_reply_tweets_per_second_peak)
write_check_delete_share = fraction(tweet_deletes_per_second_peak / write_check_lookups_peak_at_most)
tweet_cache_ops_peak = peak(
    tweet_cache_lookups_peak
    + tweet_cache_hedged_lookups_peak
    + tweet_cache_other_copy_lookups_peak
    + tweet_cache_fills_per_second_peak
)
write_check_lookup_share_at_most = fraction(write_check_lookups_peak_at_most / tweet_cache_ops_peak)
tweet_cache_servers_for_memory = count(math.ceil(tweet_cache_bytes_all_copies / cache_memory_per_server))
tweet_cache_servers_for_operations = count(
    whole_per_zone(tweet_cache_ops_peak * zone_headroom / cache_ops_per_server, zones)
)
tweet_cache_servers_for_load = count(max(tweet_cache_servers_for_memory, tweet_cache_servers_for_operations))
# And a spare a zone (N+1): one more ring member, serving lookups like the rest, so the load with a
# zone lost is over all the servers left. A dead node's keys move to its ring neighbors, which fill
# each miss from the key's other copy (the store only when both miss: step 6's read path, which
# every reader follows); with a zone already lost,
# its keys whose other copy was there miss until they fill (twitter_reliability, step 7). The
# spares' memory is left out of the days held, as margin.
cache_spare_servers = count(spare_servers_per_zone * zones)
tweet_cache_servers = count(tweet_cache_servers_for_load + cache_spare_servers)
tweet_cache_load_zone_lost = fraction(
    tweet_cache_ops_peak / ((tweet_cache_servers * (zones - 1) / zones) * cache_ops_per_server)
)

# Operations size the tweet cache, so it has more memory than the recent days need. It keeps what
# that memory holds, without counting the spares: whole days of the newest tweets, each copy on
# half the servers, each entry expiring when its tweet is that many days old. twitter_servers counts
# every read past those days as a miss.
tweet_cache_days_held = count(
    math.floor(tweet_cache_servers_for_load * cache_memory_per_server / tweet_cache_copies / tweet_cache_bytes_per_day)
)
tweet_cache_bytes_held_all_copies = size(tweet_cache_bytes_per_day * tweet_cache_days_held * tweet_cache_copies)
# The spares are ring members and hold keys too, so those days fill this share of all the servers'
# memory: what is left is the margin for a shard that holds more than its share, and nothing is evicted.
tweet_cache_memory_used_share = fraction(
    tweet_cache_bytes_held_all_copies / (tweet_cache_servers * cache_memory_per_server)
)

# Hydration also reads each tweet's author and its favorite count, in two more caches with two
# copies each. They hold little, so operations decide, with the same zone headroom and spares. The
# count cache takes a lookup per tweet shown and as many fills as the tweet cache. The user cache
# takes a lookup per author on a page (step 3's includes.users): at most one a tweet on a home or
# search page, one a profile page or opened push; its fills, a profile per daily user a day into
# each copy, each after a lookup of the other copy.
# The count cache also takes the counting job's writes: each new total it writes to TweetCounts,
# it also sets in both count-cache copies (only for tweets younger than the days held, like a
# fill), so a cached count follows its row within seconds. The job sums a few seconds of events
# per tweet, so at most one write per favorite event into each copy.
# The count cache holds the counts of the days the
# tweet cache holds; its memory would hold more, but an old tweet read from the store is counted as
# reading its count row there too (twitter_servers): seldom-posting authors' pages reach back months.
user_cache_bytes = size(daily_active_users * user_cache_entry_bytes * tweet_cache_copies)
count_cache_bytes = size(tweets_per_day * tweet_cache_days_held * count_cache_entry_bytes * tweet_cache_copies)
user_cache_servers_for_memory = count(math.ceil(user_cache_bytes / cache_memory_per_server))
count_cache_servers_for_memory = count(math.ceil(count_cache_bytes / cache_memory_per_server))
count_cache_fills_per_second_peak = peak(tweet_cache_fills_per_second_peak)
count_cache_job_writes_per_second_peak = peak(favorites_per_second_peak * tweet_cache_copies)
count_cache_ops_peak = peak(tweet_cache_ops_peak + count_cache_job_writes_per_second_peak)
count_cache_servers_for_operations = count(
    whole_per_zone(count_cache_ops_peak * zone_headroom / cache_ops_per_server, zones)
)
user_cache_lookups_peak = peak(
    timeline_loads_per_second_peak * tweets_per_timeline_page
    + profile_views_per_second_peak
    + search_tweet_views_per_second_peak
    + pushes_per_second_peak
)
user_cache_hedged_lookups_peak = peak(user_cache_lookups_peak * hedged_extra_request_share)
user_cache_fills_per_second_peak = peak(daily_active_users / SECONDS_PER_DAY * peak_to_average * tweet_cache_copies)
user_cache_ops_peak = peak(
    user_cache_lookups_peak + user_cache_hedged_lookups_peak + 2 * user_cache_fills_per_second_peak
)
user_cache_servers_for_operations = count(
    whole_per_zone(user_cache_ops_peak * zone_headroom / cache_ops_per_server, zones)
)
user_cache_servers = count(max(user_cache_servers_for_memory, user_cache_servers_for_operations) + cache_spare_servers)
count_cache_servers = count(
    max(count_cache_servers_for_memory, count_cache_servers_for_operations) + cache_spare_servers
)
# What the count cache's memory could hold instead, if measured rates showed it worth crediting.
count_cache_days_affordable = count(
    math.floor(
        (count_cache_servers - cache_spare_servers)
        * cache_memory_per_server
        / tweet_cache_copies
        / (tweets_per_day * count_cache_entry_bytes)
    )
)


# What counting the hedges costs: the three hydration caches' servers with the hedged lookups left out.
def servers_for_ops(ops_peak: float, servers_for_memory: float) -> int:
    """A hydration cache's servers: the larger of memory and operations with zone headroom, and the spares."""
    operations = whole_per_zone(ops_peak * zone_headroom / cache_ops_per_server, zones)
    return max(servers_for_memory, operations) + cache_spare_servers


hydration_cache_servers = count(tweet_cache_servers + user_cache_servers + count_cache_servers)
hydration_cache_servers_unhedged = count(
    servers_for_ops(tweet_cache_ops_peak - tweet_cache_hedged_lookups_peak, tweet_cache_servers_for_memory)
    + servers_for_ops(user_cache_ops_peak - user_cache_hedged_lookups_peak, user_cache_servers_for_memory)
    + servers_for_ops(count_cache_ops_peak - tweet_cache_hedged_lookups_peak, count_cache_servers_for_memory)
)
hedged_lookup_servers = count(hydration_cache_servers - hydration_cache_servers_unhedged)

if __name__ != "twitter_cache":
    print(
        markdown_table(
            ("Cache", "Size"),
            [
                ("One user's cached timeline, its entries", timeline_bytes_per_user),
                (
                    "and beside them: two keys, a header, the pulled accounts followed (at most "
                    f"{pulled_followed_per_user_most} on average), the unfollowed list and the follow-change record",
                    timeline_overhead_bytes_per_user,
                ),
                (f"All home timelines, all copies (kept {timeline_expiry_days} days unread)", timeline_cache_bytes),
                (f"Tweet cache, the {tweet_cache_days} days home timelines read, one copy", tweet_cache_bytes),
                ("Tweet cache, those days, both copies", tweet_cache_bytes_all_copies),
                ("User cache (daily users' profiles), both copies", user_cache_bytes),
                (
                    f"Count cache, the {tweet_cache_days_held} days of counts its tweets need, both copies",
                    count_cache_bytes,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Tweet cache, sized by operations", "Value"),
            [
                ("Lookups at peak: tweets shown on home and profile pages", tweet_views_per_second_peak),
                ("and on search pages", search_tweet_views_per_second_peak),
                ("and opened from a push, at most one a user notified", pushes_per_second_peak),
                (f"Hedged lookups at peak, at most {hedged_extra_request_share}", tweet_cache_hedged_lookups_peak),
                ("Fills at peak, at most: each new tweet once into each copy", tweet_cache_fills_per_second_peak),
                ("and the other copy asked before each fill", tweet_cache_other_copy_lookups_peak),
                (
                    f"Days of newest tweets its {tweet_cache_servers_for_load} servers' memory holds, a copy "
                    "(spares not counted)",
                    tweet_cache_days_held,
                ),
                ("Those days' tweets, both copies", tweet_cache_bytes_held_all_copies),
                ("Their share of all the servers' memory, spares included", tweet_cache_memory_used_share),
                ("Days of counts the count cache's memory could hold", count_cache_days_affordable),
                (
                    "Count cache: the counting job's writes at peak, at most a favorite event into each copy",
                    count_cache_job_writes_per_second_peak,
                ),
                ("Load on each tweet cache server with a zone lost", tweet_cache_load_zone_lost),
                ("User cache: author lookups at peak, one per author on a page", user_cache_lookups_peak),
                ("... its hedged lookups at peak, at most", user_cache_hedged_lookups_peak),
                ("... its fills at peak, a profile per daily user a day a copy", user_cache_fills_per_second_peak),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Servers needed for", "Timeline cache", "Tweet cache", "User cache", "Count cache"),
            [
                (
                    "memory",
                    servers_for_memory,
                    tweet_cache_servers_for_memory,
                    user_cache_servers_for_memory,
                    count_cache_servers_for_memory,
                ),
                (
                    f"operations at peak: timeline {timeline_cache_ops_peak} (its copy in each zone covers a lost "
                    f"zone), tweet {tweet_cache_ops_peak}, user {user_cache_ops_peak}, count {count_cache_ops_peak}, "
                    f"the last three × {zone_headroom} zone headroom (what each counts: the text)",
                    servers_for_operations,
                    tweet_cache_servers_for_operations,
                    user_cache_servers_for_operations,
                    count_cache_servers_for_operations,
                ),
                (
                    f"so, the larger, plus {spare_servers_per_zone} spare a zone for the last three",
                    timeline_cache_servers,
                    tweet_cache_servers,
                    user_cache_servers,
                    count_cache_servers,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("If a timeline expired after one day unread", "Value"),
            [
                ("Loads that rebuild the timeline", day_expiry_rebuild_load_share),
                ("Tweet-list reads for rebuilds at peak", day_expiry_rebuild_reads_peak),
                ("Timeline cache memory, all copies", day_expiry_cache_bytes),
                ("Servers a week's expiry adds", week_expiry_extra_servers),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Hedging counted (step 6)", "Value"),
            [
                ("Timeline cache: hedged reads at peak, at most", timeline_cache_hedged_reads_peak),
                ("Timeline cache: touches of the other zones' copies at peak", timeline_cache_touches_peak),
                ("Tweet and count caches: hedged lookups at peak, on each", tweet_cache_hedged_lookups_peak),
                ("User cache: hedged lookups at peak", user_cache_hedged_lookups_peak),
                ("Their servers without the hedges", hydration_cache_servers_unhedged),
                ("... and with them", hydration_cache_servers),
            ],
        )
    )
