"""Twitter worked example: how many push notifications the service sends, and the worst burst."""

from twitter_assumptions import (
    alert_opt_in_share,
    cache_item_overhead_bytes,
    cache_ops_per_server,
    celebrity_followers,
    deleted_tweet_share,
    devices_per_daily_user,
    mention_tweet_share,
    peak_to_average,
    tweets_per_day,
    users_notified_per_mention_tweet,
    zone_headroom,
)
from twitter_traffic import deliveries_per_second, tweets_per_second, tweets_per_second_peak

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    size,
)

# Mentions and replies: a few people per tweet.
mention_pushes_per_second = per_second(tweets_per_second * mention_tweet_share * users_notified_per_mention_tweet)
# Opted-in alerts ride on the follow graph, like fan-out, but for a small share of edges.
alert_pushes_per_second = per_second(deliveries_per_second * alert_opt_in_share)
pushes_per_second = per_second(mention_pushes_per_second + alert_pushes_per_second)
pushes_per_second_peak = peak(pushes_per_second * peak_to_average)
# The tweet service resolves a post's mentions and a reply's parent once, at post time (step 4),
# and stores the user IDs in the tweet row: a handle lookup in the user store's handle table for
# each user mentioned (every user notified counted as one, an upper bound, since a reply's author
# comes from its parent), and a read of the parent for each reply (every such tweet counted as a
# reply, an upper bound), a tweet-cache lookup like any other.
mention_or_reply_tweets_per_second_peak = peak(tweets_per_second * mention_tweet_share * peak_to_average)
handle_lookups_per_second_peak_at_most = peak(mention_pushes_per_second * peak_to_average)

# Every rate here counts notified users. A push goes to each of the user's devices: up to
# devices_per_daily_user calls to the push services per user, which is what the senders make.
push_sends_per_second_peak_at_most = peak(pushes_per_second_peak * devices_per_daily_user)
# The senders are sized like every stateless tier, for the peak with a zone lost.
sender_capacity = peak(push_sends_per_second_peak_at_most * zone_headroom)
# At peak, with every zone up, what the peak's own sends leave them: a burst's sends, to Android and
# iPhones alike, go through it, so it bounds a burst as the FCM quota's headroom bounds its Android
# half (concept_push compares the two).
sender_spare_peak = peak(sender_capacity - push_sends_per_second_peak_at_most)

# The worst burst: one tweet from the largest account, to every follower who opted in.
celebrity_alert_burst = count(celebrity_followers * alert_opt_in_share)
celebrity_alert_devices_at_most = count(celebrity_alert_burst * devices_per_daily_user)
celebrity_alert_drain_time = duration(celebrity_alert_burst / pushes_per_second_peak)
celebrity_alert_fleet_drain_time = duration(celebrity_alert_devices_at_most / sender_spare_peak)

# Claims (step 5): the service claims each event's ID before sending, and a "tweet deleted" event sets
# the claim of its tweet's "created" event, so a late "created" pushes nothing. A claim must outlive the
# latest copy of the event the service acts on. The log can get a "created" up to a day after its write
# (its outbox and retry rows live a day, step 4), and the service reads it after its lag on top; it
# bounds both by sending nothing for a "created" whose tweet, by its ID's time, is more than a day less
# a margin old (a push about a day-old tweet is worth little). Every claim is set after the post, the
# first copy's when it is acted on and the deletion's when the tweet is deleted, so a day's life covers
# every copy acted on, the deletion's claim as well as the event's. The margin covers the drift between
# the tweet server's clock, which stamps the ID, and the notification worker's, which judges its age (the
# claim's expiry is relative, timed by the cache on its own clock from when it sets the claim, so that
# clock's offset cancels out): milliseconds under NTP, so a minute is ample.
event_claim_life = duration(SECONDS_PER_DAY)
deleted_tweet_claim_life = duration(event_claim_life)
claim_clock_margin = duration(60)

# A worker that claims an event writes its send tasks in the same step, one per chunk of the users to
# notify (the chunk size a guess; it cuts the users as the fan-out cuts a follower list), and a sender
# claims each task's ID (the event's ID, the queue and the chunk's number, so the two queues' first chunks
# differ). Tasks go to two queues, mentions and alerts (every alert to subscribers, a huge account's burst
# and an ordinary account's alike), so a tweet writes at most one task on each it needs: one on the alerts
# queue for any tweet (every author counted as having subscribers, an upper bound), one more on the
# mentions queue for a tweet that mentions or replies to someone, plus one per chunk of alerts beyond the
# first. Senders take alerts only when the mentions queue is empty, so an ordinary account's alert can wait
# behind a huge account's burst, up to celebrity_alert_fleet_drain_time (below).
NOTIFY_CHUNK_USERS = 1_000
notify_chunk_users = count(NOTIFY_CHUNK_USERS)
deletion_events_per_second_peak = peak(tweets_per_second_peak * deleted_tweet_share)
send_task_claims_per_second_peak_at_most = peak(
    tweets_per_second_peak
    + mention_or_reply_tweets_per_second_peak
    + alert_pushes_per_second * peak_to_average / NOTIFY_CHUNK_USERS
)
claims_per_second_peak_at_most = peak(
    tweets_per_second_peak + deletion_events_per_second_peak + send_task_claims_per_second_peak_at_most
)
# An event's claim holds its holder, the time and a state (SET NX GET, Redis 7.0+, hands a worker that loses
# the race the value): pending, set to written once the tasks are (a compare-and-set, as the release is), one
# more operation a tweet event. A redelivered event whose claim still reads pending is a lost hand-off, counted.
claim_flips_per_second_peak = peak(tweets_per_second_peak)
claim_cache_ops_per_second_peak_at_most = peak(claims_per_second_peak_at_most + claim_flips_per_second_peak)
claim_cache_server_load = fraction(claim_cache_ops_per_second_peak_at_most / cache_ops_per_server)
# The claim cache holds event_claim_life of tweet events' claims, each a key of about 16 B (the event's kind
# and tweet ID) and that value, and deleted_tweet_claim_life of deletions', with the cache's per-item
# bookkeeping; and the send tasks' claims, which need outlive only their task, whose pushes expire after an
# hour (a late alert is worth little): at most an hour of them at the peak rate.
CLAIM_KEY_BYTES = 16
CLAIM_VALUE_BYTES = 16
send_task_life = duration(SECONDS_PER_HOUR)
claim_cache_bytes = size(
    tweets_per_day
    * (event_claim_life / SECONDS_PER_DAY)
    * (CLAIM_KEY_BYTES + CLAIM_VALUE_BYTES + cache_item_overhead_bytes)
    + tweets_per_day
    * deleted_tweet_share
    * (deleted_tweet_claim_life / SECONDS_PER_DAY)
    * (CLAIM_KEY_BYTES + cache_item_overhead_bytes)
    + send_task_claims_per_second_peak_at_most * send_task_life * (CLAIM_KEY_BYTES + cache_item_overhead_bytes)
)

if __name__ != "twitter_notifications":
    print(
        markdown_table(
            ("Push notifications", "Average", "Peak"),
            [
                (
                    "Mentions and replies",
                    mention_pushes_per_second,
                    peak(mention_pushes_per_second * peak_to_average),
                ),
                (
                    "Opted-in account alerts",
                    alert_pushes_per_second,
                    peak(alert_pushes_per_second * peak_to_average),
                ),
                ("Total, users notified", pushes_per_second, pushes_per_second_peak),
                (
                    f"Calls to the push services, at most {devices_per_daily_user} devices a user",
                    "",
                    push_sends_per_second_peak_at_most,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Users alerted by one tweet from the largest account", celebrity_alert_burst),
                ("Their devices, at most", celebrity_alert_devices_at_most),
                ("Time to alert them at the whole peak's rate of sends", celebrity_alert_drain_time),
                ("Senders' capacity, the peak with zone headroom", sender_capacity),
                ("... their spare at peak, every zone up", sender_spare_peak),
                ("Time to send the burst's devices on that spare", celebrity_alert_fleet_drain_time),
                (
                    f"Send-task claims at peak, at most ({notify_chunk_users} users a task)",
                    send_task_claims_per_second_peak_at_most,
                ),
                ("Claims at peak, at most (events, deletions, send tasks)", claims_per_second_peak_at_most),
                (
                    "... with each event claim set to written, operations at peak",
                    claim_cache_ops_per_second_peak_at_most,
                ),
                ("... as a share of what one cache server handles", claim_cache_server_load),
                ("Life of an event's claim", event_claim_life),
                ('Clock margin: a "created" over a day less this old sends nothing', claim_clock_margin),
                ('Life of a deleted tweet\'s claim on its "created" event', deleted_tweet_claim_life),
                ("Claim cache, one copy", claim_cache_bytes),
                ("Tweets at peak that mention or reply to someone", mention_or_reply_tweets_per_second_peak),
                ("Handle lookups at peak to resolve their mentions, at most", handle_lookups_per_second_peak_at_most),
            ],
        )
    )
