"""Concepts, counting at scale: what allowed lateness costs in state, what a sliding window costs
per event, and what a checkpoint interval costs after a failure.

The job is the URL shortener's click counter, counting per link and one-minute window at its rates
(url_shortener_traffic), on its stream servers (url_shortener_servers: each reads 10,000 clicks a
second). A window stays open for its own minute plus the allowed lateness, and holds one entry per
link clicked in it: at most one new entry per click, so the entries held are at most the clicks of
the open span, at the peak rate for spans up to an hour (a busy hour runs at it) and at the day's
average for a day. Deduplication keeps each request ID (16 B) for the lateness. The lateness
options are the example's few minutes, the hour in which most CDN standard logs arrive, and the
24 hours within which the last of them do (CloudFront's access-log documentation).

Sliding windows: Flink's sliding assigner puts an element into size / slide windows, each with its
own accumulator. Trends in the Twitter example count per one-minute bucket over a sliding hour.

Crashes: a snapshotting job replays from its last completed checkpoint. A checkpoint holds the
offsets at its trigger and completes a checkpoint's time later; a crash just before the next one
completes goes back to the one before, so the replay spans up to the interval plus a checkpoint's
time, and a two-phase-commit sink's output waits as long for the commit. With one checkpoint in
flight at a time (Flink's default), the interval is no shorter than a checkpoint's time. The URL
shortener's consumers snapshot nothing and rebuild their open minutes from the log, from the first
event of the oldest open minute (its step 6), so they re-read the window plus the lateness. Each of
its 6 consumers reads its 8 of the 48 partitions at 10,000 a second. Kafka aborts a transaction open
longer than the producer's transaction.timeout.ms, and the broker refuses a producer whose timeout
is above its transaction.max.timeout.ms, 15 minutes by default (Kafka's configuration reference).
Flink's KafkaSink does not keep Kafka's 60 s default: KafkaSinkBuilder sets transaction.timeout.ms
to DEFAULT_KAFKA_TRANSACTION_TIMEOUT, one hour (flink-connector-kafka's source), above the broker's
cap, so an EXACTLY_ONCE sink left at its defaults fails when it starts. A transaction must outlive
the checkpoint interval, the checkpoint itself and the longest restart, and, for each failed
checkpoint the job tolerates (execution.checkpointing.tolerable-failed-checkpoints), the time that
checkpoint takes to fail, at most execution.checkpointing.timeout: timeout >= interval + tolerated
failures x checkpoint timeout + checkpoint time + restart. Aligned barriers queue behind a backlog,
so under backpressure (a viral spike above the job's size) a checkpoint with a short timeout fails
and the job restarts and replays in the middle of the spike; unaligned checkpoints
(execution.checkpointing.unaligned.enabled, execution.checkpointing.unaligned before Flink 1.20) let
the barrier overtake the buffered records and store them in the checkpoint, so its time no longer
grows with the backlog (Flink's "Checkpointing under backpressure"). Assumed here: an interval of a
minute, a checkpoint that completes in 20 s (incremental, unaligned), a checkpoint timeout of 2
minutes, three tolerated failures; the transaction timeout is set to 10 minutes, above what they
need and under the broker's cap. The cost of a longer timeout: a transaction abandoned by a producer
that never comes back holds every read_committed reader at the last stable offset until the broker
aborts it, up to that timeout.

The crash's share of the URL shortener's monthly allowance of late clicks is set beside what its
planned outage and one viral minute spend of it (url_shortener_reliability).
"""

import math

from twitter_traffic import tweets_per_second_peak
from url_shortener_assumptions import click_events_per_stream_server, count_freshness_target
from url_shortener_partitioning import log_partitions
from url_shortener_reliability import freshness_allowance, outage_share_of_allowance, viral_late_clicks
from url_shortener_servers import stream_servers, stream_write_interval
from url_shortener_traffic import redirects_per_second, redirects_per_second_peak

from sdw.estimation import count, duration, fraction, markdown_table, peak, size, throughput, times

# --- Allowed lateness: state held ---------------------------------------------------------------------
WINDOW = 60  # seconds: a tumbling minute per link
ENTRY_BYTES = 100  # assumed: link ID, window start, count, and the state backend's overhead per entry
window = duration(WINDOW)
entry_bytes = size(ENTRY_BYTES)
LATENESS = [("None (drop at the watermark)", 0), ("A few minutes", 5 * 60), ("An hour", 3_600), ("A day", 86_400)]


def open_windows(lateness: float) -> float:
    """Windows of one key open at once: its own, and every earlier one still inside the lateness."""
    return 1 + lateness / WINDOW


def state_entries(lateness: float) -> float:
    span = WINDOW + lateness
    return (redirects_per_second_peak if span <= 3_600 + WINDOW else redirects_per_second) * span


ID_BYTES = 16  # a request ID, bare
id_bytes = size(ID_BYTES)
dedupe_ids = count(redirects_per_second_peak * 5 * 60)
dedupe_bytes = size(redirects_per_second_peak * 5 * 60 * ID_BYTES)


lateness_rows = [
    (
        name,
        duration(late) if late else "0",
        count(open_windows(late)),
        count(state_entries(late)),
        size(state_entries(late) * ENTRY_BYTES),
    )
    for name, late in LATENESS
] + [("Request IDs for dedupe, at 16 B, bare", duration(5 * 60), "none", dedupe_ids, dedupe_bytes)]
lateness_chosen = duration(5 * 60)
windows_open_chosen = count(open_windows(5 * 60))
state_bytes_no_lateness = size(state_entries(0) * ENTRY_BYTES)
state_bytes_chosen = size(state_entries(5 * 60) * ENTRY_BYTES)
state_bytes_day = size(state_entries(86_400) * ENTRY_BYTES)
day_over_chosen = times(state_entries(86_400) / state_entries(5 * 60))

# --- Sliding windows: an accumulator per window, or one-minute slices ---------------------------------
SLIDE = 60
SIZE = 3_600
windows_per_event = count(SIZE / SLIDE)
sliding_updates = peak(tweets_per_second_peak * SIZE / SLIDE)  # a term a tweet, each in 60 windows
pane_updates = peak(tweets_per_second_peak)  # each event into its one minute's slice

# --- Checkpoints: replay after a failure ----------------------------------------------------------------
RESTART = 30  # assumed: seconds to notice the failure, reschedule and restore the last checkpoint
restart_time = duration(RESTART)
CHECKPOINT_TIME = 20  # assumed: seconds from a checkpoint's trigger to its completion, incremental, unaligned
checkpoint_time = duration(CHECKPOINT_TIME)
job_capacity = throughput(stream_servers * click_events_per_stream_server)
headroom = job_capacity - redirects_per_second_peak
SHORT_INTERVAL = 30  # the shortest shown: one checkpoint in flight at a time must finish within it
INTERVALS = [SHORT_INTERVAL, 60, 300]
assert min(INTERVALS) >= CHECKPOINT_TIME, "with one checkpoint in flight, the interval cannot be shorter"


def replay_seconds(interval: float) -> float:
    """At worst the crash comes just before the next checkpoint completes: back to the one before."""
    return interval + CHECKPOINT_TIME


def stale_seconds(interval: float) -> float:
    """The restart, then the replay and what arrived meanwhile, read at the job's headroom."""
    return RESTART + redirects_per_second_peak * (replay_seconds(interval) + RESTART) / headroom


def checkpoint_row(interval: float) -> tuple:
    return (
        duration(interval),
        count(redirects_per_second_peak * replay_seconds(interval)),
        duration(stale_seconds(interval)),
        duration(interval + CHECKPOINT_TIME),  # a record just after a barrier waits for the next one's completion
        throughput(state_entries(5 * 60) * ENTRY_BYTES / interval, "B/s"),
    )


checkpoint_rows = [checkpoint_row(interval) for interval in INTERVALS]
# No snapshot (the URL shortener): the replay starts at the oldest open minute's first event, the
# window plus the lateness back. A consumer counts its partitions' share of the peak at its own
# rate, so one consumer replaying catches up as fast as all of them: the share of clicks differs.
REPLAY_SPAN = WINDOW + 5 * 60
replay_span = duration(REPLAY_SPAN)
consumer_partitions = count(log_partitions / stream_servers)
rebuilt_redone_all = count(redirects_per_second_peak * REPLAY_SPAN)
rebuilt_redone_one = count(redirects_per_second_peak * REPLAY_SPAN / stream_servers)
rebuilt_catch_up = redirects_per_second_peak * (REPLAY_SPAN + RESTART) / headroom
rebuilt_stale = duration(RESTART + rebuilt_catch_up)
# A click arriving at the crash waits for the restart and the replay of the span before it; later
# ones wait less, as the replay gains on the log. Late are the clicks of the last unwritten write
# interval and those arriving until the wait falls to the freshness target.
load = redirects_per_second_peak / job_capacity
rebuilt_first_wait = duration(RESTART + REPLAY_SPAN * load)
late_after_crash = (RESTART + REPLAY_SPAN * load - count_freshness_target) / (1 - load)
rebuilt_late_all = count(redirects_per_second_peak * (stream_write_interval + late_after_crash))
rebuilt_late_one = count(redirects_per_second_peak * (stream_write_interval + late_after_crash) / stream_servers)
rebuilt_late_all_share = fraction(rebuilt_late_all / freshness_allowance)
rebuilt_late_one_share = fraction(rebuilt_late_one / freshness_allowance)
rebuilt_row = (
    f"None: rebuilt from the log ({replay_span} back)",
    f"{rebuilt_redone_all} (all), {rebuilt_redone_one} (one consumer)",
    duration(RESTART + rebuilt_catch_up),
    "at once (upserts)",
    "none",
)
# What is left of the month's allowance after the planned outage and a viral minute, in full
# replays of every consumer at peak.
viral_share_of_allowance = fraction(viral_late_clicks / freshness_allowance)
allowance_left = 1 - outage_share_of_allowance - viral_share_of_allowance
allowance_left_share = fraction(allowance_left)
full_replays_left = count(math.floor(allowance_left / rebuilt_late_all_share))
# A two-phase-commit sink: the transaction stays open for the interval, the checkpoint that commits
# it, and through a restart before that commit.
FLINK_SINK_TXN_TIMEOUT = 3_600  # Flink KafkaSinkBuilder: DEFAULT_KAFKA_TRANSACTION_TIMEOUT, an hour
BROKER_TXN_CAP = 15 * 60  # Kafka broker, transaction.max.timeout.ms default
CHECKPOINT_INTERVAL = 60  # seconds, the interval the page settles on
CHECKPOINT_TIMEOUT = 120  # assumed: execution.checkpointing.timeout, seconds
TOLERATED_FAILURES = 3  # assumed: execution.checkpointing.tolerable-failed-checkpoints
TXN_TIMEOUT = 600  # decided: transaction.timeout.ms, seconds
min_txn_timeout = duration(CHECKPOINT_INTERVAL + CHECKPOINT_TIME + RESTART)  # no failure tolerated
checkpoint_timeout = duration(CHECKPOINT_TIMEOUT)
tolerated_failures = count(TOLERATED_FAILURES)
TXN_NEEDED = CHECKPOINT_INTERVAL + TOLERATED_FAILURES * CHECKPOINT_TIMEOUT + CHECKPOINT_TIME + RESTART
txn_needed = duration(TXN_NEEDED)
txn_timeout = duration(TXN_TIMEOUT)
assert TXN_NEEDED <= TXN_TIMEOUT <= BROKER_TXN_CAP, "the transaction timeout must cover the failures and fit the cap"
# The most failures a two-minute checkpoint timeout can tolerate before the timeout passes the cap.
most_tolerated_failures = count(
    (BROKER_TXN_CAP - CHECKPOINT_INTERVAL - CHECKPOINT_TIME - RESTART) // CHECKPOINT_TIMEOUT
)
flink_sink_txn_timeout = duration(FLINK_SINK_TXN_TIMEOUT)
broker_txn_cap = duration(BROKER_TXN_CAP)
flink_default_over_cap = times(FLINK_SINK_TXN_TIMEOUT / BROKER_TXN_CAP)
redone_at_minute = count(redirects_per_second_peak * replay_seconds(CHECKPOINT_INTERVAL))
stale_at_minute = duration(stale_seconds(CHECKPOINT_INTERVAL))
short_interval = duration(SHORT_INTERVAL)
stale_at_half_minute = duration(stale_seconds(SHORT_INTERVAL))
snapshot_rate_at_half_minute = throughput(state_entries(5 * 60) * ENTRY_BYTES / SHORT_INTERVAL, "B/s")

if __name__ != "concept_counting_windows":
    print(
        markdown_table(
            ("Allowed lateness", "Lateness", "Minute windows open per link", "Entries held, at most", "State"),
            lateness_rows,
        )
    )
    print()
    print(
        f"A sliding hour moving by the minute puts each event in {windows_per_event} windows: "
        f"{sliding_updates} updates at the Twitter example's tweet peak, against {pane_updates} into slices."
    )
    print()
    print(
        markdown_table(
            (
                "Checkpoint interval",
                "Events read again after a crash, at most",
                "Counts stale for, at most",
                "Two-phase-commit output visible after, at most",
                "Full snapshot of the state, per second",
            ),
            [*checkpoint_rows, rebuilt_row],
        )
    )
    print()
    print(
        f"At the peak of {redirects_per_second_peak}, a job that can read {job_capacity} catches up at "
        f"{throughput(headroom)} after a {restart_time} restart. Rebuilt from the log, a crash at peak counts "
        f"{rebuilt_late_all} clicks later than {count_freshness_target} if every consumer replays "
        f"({rebuilt_late_all_share} of the month's allowance), {rebuilt_late_one} if one does "
        f"({rebuilt_late_one_share}); the first waits {rebuilt_first_wait}. After the planned outage "
        f"({outage_share_of_allowance}) and a viral minute ({viral_share_of_allowance}), {allowance_left_share} of "
        f"the allowance is left: {full_replays_left} full replays. Checkpointing every minute into a Kafka "
        f"transaction needs a timeout of at least {min_txn_timeout} ({checkpoint_time} checkpoints), "
        f"{txn_needed} tolerating {tolerated_failures} failed checkpoints, set to {txn_timeout}; "
        f"{most_tolerated_failures} failures at most "
        f"under the broker's cap; Flink's "
        f"KafkaSink defaults to {flink_sink_txn_timeout}, {flink_default_over_cap} the broker's cap of "
        f"{broker_txn_cap}."
    )
