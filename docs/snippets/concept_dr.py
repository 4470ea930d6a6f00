"""Concepts, multi-region and disaster recovery: what a region loss costs in data and in time.

Data at risk: with asynchronous replication, the writes the lost region had acknowledged and not yet
shipped are gone, so the loss is the write rate x the replication lag, in writes and in bytes (the
Twitter example's tweets and text rows, at the average and at the peak), if its text stores
replicated asynchronously. The example instead mirrors its event log (its step 7) and publishes a
post's event before it answers, so what it loses is the mirror's lag: the
lag's row at the peak is the example's own, in the bytes of the events the mirror carries (the
authors' lists and the counts are rebuilt from them). Its outbox holds only the events whose publish failed or
missed its deadline, the abnormal case, for the sweeper's first-read delay (a day if the log refuses
writes). A daily snapshot with nothing shipped between snapshots risks a whole day.

Time to recover: detection (health check interval x failure threshold) + decision (none when
automatic, a person's minutes otherwise) + cut-over (the DNS TTL; the clients that hold the old
answer longer come back only after the stale tail) + warm-up (caches filling, capacity starting).
Detection is counted on the fast checks whether the failover is automatic or a person decides it:
the checks page the person, and a person's decision is no reason to page later. The default checks
would add their longer detection to every recovery time.
"""

from concept_dr_assumptions import (
    DNS_CHECK_INTERVAL,
    DNS_FAILURE_THRESHOLD,
    DNS_TTL,
    FAST_CHECK_INTERVAL,
    HUMAN_DECISION_S,
    LAG_BACKLOG_S,
    LAG_NORMAL_S,
    LOG_MIRROR_BYTES_PER_DAY,
    SNAPSHOT_INTERVAL_S,
    STALE_TAIL_S,
    WARM_CACHE_S,
    text_write_bytes,
    tweet_rate,
    tweet_rate_peak,
)
from twitter_assumptions import peak_to_average

from sdw.estimation import SECONDS_PER_DAY, count, duration, fraction, markdown_table, size

PEAK = float(peak_to_average)

# --- Data at risk: write rate x lag -----------------------------------------------------------------
tweets_lost_normal = count(tweet_rate * LAG_NORMAL_S)
tweets_lost_normal_peak = count(tweet_rate_peak * LAG_NORMAL_S)
bytes_lost_normal_peak = size(text_write_bytes * PEAK * LAG_NORMAL_S)
tweets_lost_backlog_peak = count(tweet_rate_peak * LAG_BACKLOG_S)
bytes_lost_backlog_peak = size(text_write_bytes * PEAK * LAG_BACKLOG_S)
# The example's own loss: the mirror's lag, at the peak. The mirror carries only the tweet, favorite and
# follow events (the authors' lists and the counts are rebuilt by the replay), so its bytes are those.
tweets_lost_mirror_peak = tweets_lost_normal_peak
bytes_lost_mirror_peak = size(LOG_MIRROR_BYTES_PER_DAY / SECONDS_PER_DAY * PEAK * LAG_NORMAL_S)
tweets_lost_snapshot = count(tweet_rate * SNAPSHOT_INTERVAL_S)
bytes_lost_snapshot = size(text_write_bytes * SNAPSHOT_INTERVAL_S)

# --- Time to recover, term by term -------------------------------------------------------------------
detect_default = duration(DNS_CHECK_INTERVAL * DNS_FAILURE_THRESHOLD)
detect_fast = duration(FAST_CHECK_INTERVAL * DNS_FAILURE_THRESHOLD)
decide_human = duration(HUMAN_DECISION_S)
cut_over = duration(DNS_TTL)
cut_over_tail = duration(DNS_TTL + STALE_TAIL_S)
warm_up = duration(WARM_CACHE_S)
rto_automatic = duration(detect_fast + cut_over + warm_up)
rto_human = duration(detect_fast + decide_human + cut_over + warm_up)
rto_human_tail = duration(detect_fast + decide_human + cut_over_tail + warm_up)
# What the default checks would add to every recovery time, automatic or decided.
default_checks_add = duration(detect_default - detect_fast)
# The decision is the largest term of a failover a person approves.
decision_share_human = fraction(HUMAN_DECISION_S / rto_human)

if __name__ != "concept_dr":
    print(
        markdown_table(
            (
                "Replication (the first three if the text stores replicated asynchronously)",
                "Tweets lost",
                "Text bytes lost",
            ),
            [
                (
                    f"{duration(LAG_NORMAL_S)} behind, average hour",
                    tweets_lost_normal,
                    size(text_write_bytes * LAG_NORMAL_S),
                ),
                (f"{duration(LAG_NORMAL_S)} behind, peak hour", tweets_lost_normal_peak, bytes_lost_normal_peak),
                (f"{duration(LAG_BACKLOG_S)} behind, peak hour", tweets_lost_backlog_peak, bytes_lost_backlog_peak),
                (
                    f"The example's log mirror: {duration(LAG_NORMAL_S)} behind, peak hour",
                    tweets_lost_mirror_peak,
                    bytes_lost_mirror_peak,
                ),
                (f"Daily snapshot only, {duration(SNAPSHOT_INTERVAL_S)}", tweets_lost_snapshot, bytes_lost_snapshot),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Term", "Automatic (fast checks)", "A person decides (fast checks)"),
            [
                ("Detection: interval x failures", detect_fast, detect_fast),
                ("Decision", duration(0), decide_human),
                ("Cut-over: the TTL", cut_over, cut_over),
                ("Warm-up: caches", warm_up, warm_up),
                ("Recovery time", rto_automatic, rto_human),
                (
                    "... for clients holding the old answer past the TTL",
                    duration(rto_automatic + STALE_TAIL_S),
                    rto_human_tail,
                ),
            ],
        )
    )
