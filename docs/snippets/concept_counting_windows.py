"""Concepts, counting at scale: what allowed lateness costs in state, what a sliding window costs
per event, and what a checkpoint interval costs after a failure.

The job is the URL shortener's click counter, counting per link and one-minute window at its rates
(url_shortener_traffic), on its stream servers (url_shortener_servers: each reads 10,000 clicks a
second). A window stays open for its own minute plus the allowed lateness, and holds one entry per
link clicked in it: at most one new entry per click, so the entries held are at most the clicks of
the open span, at the day's average rate. The lateness options are the example's few minutes, the
hour in which most CDN standard logs arrive, and the 24 hours within which the last of them do
(CloudFront's access-log documentation).

Sliding windows: Flink's sliding assigner puts an element into size / slide windows, each with its
own accumulator. Trends in the Twitter example count per one-minute bucket over a sliding hour.
"""

from twitter_traffic import tweets_per_second_peak
from url_shortener_assumptions import click_events_per_stream_server
from url_shortener_servers import stream_servers
from url_shortener_traffic import redirects_per_second, redirects_per_second_peak

from sdw.estimation import count, duration, markdown_table, peak, size, throughput, times

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
    return redirects_per_second * (WINDOW + lateness)


lateness_rows = [
    (
        name,
        duration(late) if late else "0",
        count(open_windows(late)),
        count(state_entries(late)),
        size(state_entries(late) * ENTRY_BYTES),
    )
    for name, late in LATENESS
]
lateness_chosen = duration(5 * 60)
windows_open_chosen = count(open_windows(5 * 60))
state_bytes_no_lateness = size(state_entries(0) * ENTRY_BYTES)
state_bytes_chosen = size(state_entries(5 * 60) * ENTRY_BYTES)
state_bytes_day = size(state_entries(86_400) * ENTRY_BYTES)
day_over_chosen = times(state_entries(86_400) / state_entries(5 * 60))

# --- Sliding windows: an accumulator per window, or panes ----------------------------------------------
SLIDE = 60
SIZE = 3_600
windows_per_event = count(SIZE / SLIDE)
sliding_updates = peak(tweets_per_second_peak * SIZE / SLIDE)  # a term a tweet, each in 60 windows
pane_updates = peak(tweets_per_second_peak)  # each event into its one minute's pane

# --- Checkpoints: replay after a failure ----------------------------------------------------------------
RESTART = 30  # assumed: seconds to notice the failure, reschedule and restore the last checkpoint
restart_time = duration(RESTART)
job_capacity = throughput(stream_servers * click_events_per_stream_server)
headroom = job_capacity - redirects_per_second_peak
INTERVALS = [10, 60, 300]


def checkpoint_row(interval: float) -> tuple:
    redone = redirects_per_second_peak * interval  # at worst, everything since the last checkpoint
    backlog = redirects_per_second_peak * (interval + RESTART)
    catch_up = backlog / headroom
    return (
        duration(interval),
        count(redone),
        duration(RESTART + catch_up),
        duration(interval),
        throughput(state_entries(5 * 60) * ENTRY_BYTES / interval, "B/s"),
    )


checkpoint_rows = [checkpoint_row(interval) for interval in INTERVALS]
redone_at_minute = count(redirects_per_second_peak * 60)
stale_at_minute = duration(RESTART + redirects_per_second_peak * (60 + RESTART) / headroom)
stale_at_ten_seconds = duration(RESTART + redirects_per_second_peak * (10 + RESTART) / headroom)
snapshot_rate_at_ten_seconds = throughput(state_entries(5 * 60) * ENTRY_BYTES / 10, "B/s")

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
        f"{sliding_updates} updates at the Twitter example's tweet peak, against {pane_updates} into panes."
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
            checkpoint_rows,
        )
    )
    print()
    print(
        f"At the peak of {redirects_per_second_peak}, a job that can read {job_capacity} catches up at "
        f"{throughput(headroom)} after a {restart_time} restart."
    )
