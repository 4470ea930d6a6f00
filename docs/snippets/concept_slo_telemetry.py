"""Concepts, observability and SLOs: telemetry as a sizing problem (metrics series, log bytes, trace
sampling), at the Twitter example's rates.

Metrics: a metric has one series for each combination of its label values that occurs, at most the
product of the labels' cardinalities, and a histogram multiplies that by its bucket series (buckets,
+Inf, _sum, _count). Each series is sampled once a scrape interval, and a stored sample costs about
BYTES_PER_SAMPLE. A user-ID label multiplies the product by the daily users; combinations that
occur are bounded instead by the requests themselves, one new combination at most a request, each
bringing a histogram's worth of series: the metric becomes a log, stored at a series' cost. In the
pull model each instance's client keeps every label combination it has seen and exports it at every
scrape until the process restarts: up to the requests one server sees in a day x bucket series.
Native histograms with custom buckets (Prometheus 3) keep a histogram's explicit bounds but store
the whole histogram, its buckets, count and sum, as one series a label set: routes x status classes x
instances, each sample larger.

Logs: bytes a day = requests a second x lines a request x bytes a line x a day; kept for the
retention, one copy before replication and compression. Three options: every service logs every
request; the edge logs every request and the services only state changes and errors; and, on top of
the second, every debug line of a sampled share of requests.

Traces, at the API's peak: head sampling decides at the root, so it keeps its rate of every kind of
trace, errors and slow ones alike. Tail sampling keeps every error, every trace over the latency
threshold and a random baseline of the rest, but must hold every span of every trace for the
decision wait before it knows: in memory across the collector tier, traces a second x spans x bytes
a span x wait, and every span must cross the network to the collectors. The processor's default
num_traces holds that many traces, which at the peak rate is num_traces / traces a second of
traffic, far short of the wait: the collectors it takes at the default. The same at a shorter wait.
The spans cross the network twice: to the tier that routes by trace ID, then to the sampler.
"""

import math

from concept_slo_assumptions import (
    ACCESS_LINE_BYTES,
    API_RATE,
    API_RATE_PEAK,
    BYTES_PER_SAMPLE,
    DAILY_USERS,
    DEBUG_LINES_PER_REQUEST,
    DEBUG_SAMPLE,
    DECISION_WAIT_S,
    ERROR_SHARE,
    EVENT_LINES_PER_REQUEST,
    HEAD_RATE,
    HISTOGRAM_SERIES,
    INSTANCES,
    LINES_PER_REQUEST,
    LOG_RETENTION_DAYS,
    NUM_TRACES_DEFAULT,
    ROUTES,
    SCRAPE_INTERVAL_S,
    SHORT_DECISION_WAIT_S,
    SLOW_TRACE_SHARE,
    SPAN_BYTES,
    SPANS_PER_TRACE,
    STATUS_CLASSES,
    TAIL_BASELINE,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    bandwidth,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    servers,
    size,
    size_per_day,
    times,
)

# --- Metrics: series are a product ---------------------------------------------------------------------
label_product = ROUTES * STATUS_CLASSES * INSTANCES
latency_series = count(label_product * HISTOGRAM_SERIES)
samples_per_second = per_second(latency_series / SCRAPE_INTERVAL_S)
metric_bytes_per_day = size_per_day(samples_per_second * SECONDS_PER_DAY * BYTES_PER_SAMPLE)
without_instance_series = count(ROUTES * STATUS_CLASSES * HISTOGRAM_SERIES)
# Native histograms with custom buckets: the same bounds, one series a label set.
series_nhcb = count(label_product)
with_user_product = count(latency_series * DAILY_USERS)
requests_per_day = count(API_RATE * SECONDS_PER_DAY)
with_user_bound_per_day = count(requests_per_day * HISTOGRAM_SERIES)
with_user_over_without = times(with_user_bound_per_day / latency_series)
# Per instance: each server's client keeps every child it has made until it restarts.
per_server_requests_per_day = count(API_RATE / INSTANCES * SECONDS_PER_DAY)
per_server_user_series_per_day = count(per_server_requests_per_day * HISTOGRAM_SERIES)

# --- Logs ------------------------------------------------------------------------------------------------
access_log_per_day = size_per_day(API_RATE * ACCESS_LINE_BYTES * SECONDS_PER_DAY)
access_log_retained = size(access_log_per_day * LOG_RETENTION_DAYS)
app_log_per_day = size_per_day(API_RATE * LINES_PER_REQUEST * ACCESS_LINE_BYTES * SECONDS_PER_DAY)
app_log_retained = size(app_log_per_day * LOG_RETENTION_DAYS)
access_log_rate = bandwidth(API_RATE * ACCESS_LINE_BYTES)
edge_events_log_per_day = size_per_day(API_RATE * (1 + EVENT_LINES_PER_REQUEST) * ACCESS_LINE_BYTES * SECONDS_PER_DAY)
edge_events_log_retained = size(edge_events_log_per_day * LOG_RETENTION_DAYS)
debug_log_per_day = size_per_day(
    API_RATE * DEBUG_SAMPLE * DEBUG_LINES_PER_REQUEST * ACCESS_LINE_BYTES * SECONDS_PER_DAY
)
debug_log_retained = size(debug_log_per_day * LOG_RETENTION_DAYS)
# The decision: the edge log, events and errors, and the sampled debug lines.
chosen_log_per_day = size_per_day(edge_events_log_per_day + debug_log_per_day)
chosen_log_retained = size(chosen_log_per_day * LOG_RETENTION_DAYS)
chosen_over_every_service = fraction(chosen_log_per_day / app_log_per_day)
every_service_over_edge = times(app_log_per_day / access_log_per_day)

# --- Traces: head or tail ------------------------------------------------------------------------------
trace_bytes = SPANS_PER_TRACE * SPAN_BYTES
errors_peak = peak(API_RATE_PEAK * ERROR_SHARE)
slow_peak = peak(API_RATE_PEAK * SLOW_TRACE_SHARE)
head_kept = peak(API_RATE_PEAK * HEAD_RATE)
head_errors_kept = peak(errors_peak * HEAD_RATE)
head_errors_kept_per_minute = count(head_errors_kept * 60)
head_slow_kept = peak(slow_peak * HEAD_RATE)
head_collector_bandwidth = bandwidth(head_kept * trace_bytes, peak=True)
tail_kept = peak(errors_peak + slow_peak + API_RATE_PEAK * TAIL_BASELINE)
tail_over_head = times(tail_kept / head_kept)
tail_collector_bandwidth = bandwidth(API_RATE_PEAK * trace_bytes, peak=True)
tail_collector_over_head = times(tail_collector_bandwidth / head_collector_bandwidth)
tail_traces_in_flight = count(API_RATE_PEAK * DECISION_WAIT_S)
tail_buffer = size(tail_traces_in_flight * trace_bytes)
default_buffer_covers = duration(NUM_TRACES_DEFAULT / API_RATE_PEAK)
collectors_at_default = servers(math.ceil(tail_traces_in_flight / NUM_TRACES_DEFAULT))
# At a shorter wait, the same arithmetic.
short_wait_traces_in_flight = count(API_RATE_PEAK * SHORT_DECISION_WAIT_S)
short_wait_buffer = size(short_wait_traces_in_flight * trace_bytes)
short_wait_collectors_at_default = servers(math.ceil(short_wait_traces_in_flight / NUM_TRACES_DEFAULT))
# Every span crosses the network twice: host to the routing tier, routing tier to the sampler.
tail_network_bandwidth = bandwidth(2 * API_RATE_PEAK * trace_bytes, peak=True)
kept_bytes_per_day_head = size_per_day(head_kept * trace_bytes * SECONDS_PER_DAY)  # at the peak rate: an upper bound
kept_share_tail = fraction(tail_kept / API_RATE_PEAK)

if __name__ != "concept_slo_telemetry":
    print(
        markdown_table(
            ("Metrics: one latency histogram", "Value"),
            [
                ("Series: routes × status classes × instances × bucket series", latency_series),
                ("Samples a second, one every scrape", samples_per_second),
                ("Stored a day", metric_bytes_per_day),
                ("Series without the instance label", without_instance_series),
                ("Series as native histograms with custom buckets (the same bounds)", series_nhcb),
                ("With a user-ID label: the product", with_user_product),
                ("... bounded by the day's requests × bucket series", with_user_bound_per_day),
                ("... on one instance: its day's requests", per_server_requests_per_day),
                ("... × bucket series, kept until it restarts", per_server_user_series_per_day),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Logs, at the API's average rate", "A day", f"Kept {LOG_RETENTION_DAYS} days"),
            [
                ("Every service logs every request", app_log_per_day, app_log_retained),
                ("Edge log, one line a request", access_log_per_day, access_log_retained),
                (
                    "Edge log plus the services' state changes and errors",
                    edge_events_log_per_day,
                    edge_events_log_retained,
                ),
                ("Sampled debug lines, on top", debug_log_per_day, debug_log_retained),
                ("Chosen: edge, events and errors, sampled debug", chosen_log_per_day, chosen_log_retained),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Traces at the API's peak", "Head sampling", "Tail sampling"),
            [
                ("Traces kept a second", head_kept, tail_kept),
                ("Error traces kept a second", head_errors_kept, errors_peak),
                ("Slow traces kept a second", head_slow_kept, slow_peak),
                ("Spans sent to the collectors", head_collector_bandwidth, tail_collector_bandwidth),
                ("Collector memory for the decision wait (wire size)", "none", tail_buffer),
                (f"... at a {duration(SHORT_DECISION_WAIT_S)} wait", "none", short_wait_buffer),
                ("Collectors at the default num_traces", "no buffer", collectors_at_default),
                (f"... at a {duration(SHORT_DECISION_WAIT_S)} wait", "no buffer", short_wait_collectors_at_default),
                ("Span bytes on the network, routing tier included", head_collector_bandwidth, tail_network_bandwidth),
            ],
        )
    )
