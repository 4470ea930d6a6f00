"""Concepts, observability and SLOs: the inputs every concept_slo snippet shares, each with its source
or marked as the page's own assumption.

Published figures:
- The alerting scheme of Google's SRE workbook, "Alerting on SLOs"
  (https://sre.google/workbook/alerting-on-slos/): page when 2% of a 30-day budget goes in an hour or
  5% in six hours, open a ticket when 10% goes in three days; each long window is paired with a short
  one a twelfth as long (5 minutes, 30 minutes, 6 hours). Its first, naive option alerts when the
  error ratio over the last 10 minutes passes the SLO's own error ratio.
- Prometheus stores "around 1-2 bytes per sample" on disk
  (https://prometheus.io/docs/prometheus/latest/storage/); the page takes the upper figure.
- Prometheus's Go client's default histogram buckets, DefBuckets, have 11 upper bounds, .005 to 10
  seconds, with no 0.2 (client_golang, prometheus/histogram.go); a classic histogram is exported as one
  series a bucket plus the +Inf bucket, _sum and _count. A share under a threshold is counted exactly
  only when the threshold is a bucket bound, so the page sizes its own bucket set: DefBuckets with
  0.25 replaced by 0.2, keeping 0.5, the Twitter example's timeline and post targets.
- The OpenTelemetry Collector's tail sampling processor waits decision_wait = 30 s from a trace's
  first span before deciding, and holds num_traces = 50,000 traces by default
  (https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/processor/tailsamplingprocessor).
- The SRE workbook's third option, "incrementing alert duration", holds a threshold for a set time
  before firing (Prometheus's `for:`); the workbook's example holds 1 h, this page takes 5 min.

From this site: the 30-day SLO window of the availability reference; the Twitter example's request
rates, API servers, daily users, peak-to-average ratio, availability target and timeline and post
latency targets, so the figures here tie to that example's own.

The page's own assumptions (to be measured on a real system): a probe a minute; 20 routes and 4
status classes as metric labels; a scrape and a rule evaluation every 15 s; a 400 B access-log line,
10 log lines a request across the services it touches when every service logs every request, half a
line a request for state changes and errors, 50 debug lines a request kept for 1% of requests; 20
spans a trace of 500 B each; head sampling at 1%, a tail sampler's random baseline of 0.1% and a
shorter decision wait of 10 s; the latency mix of the averages example and the hosts of the
percentile one; a 1-minute full outage for the reset comparison.
"""

from reference_availability import SLO_WINDOW
from sources import cite
from twitter_assumptions import (
    availability_target,
    daily_active_users,
    peak_to_average,
    percentile_budget_share,
    post_latency_target,
    timeline_latency_target,
)
from twitter_servers import api_servers, requests_per_second, requests_per_second_peak
from twitter_traffic import timeline_loads_per_second, tweets_per_second

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_MINUTE,
    count,
    duration,
    fraction,
    markdown_table,
    per_second,
    size,
)

# --- The SLO window and the targets compared -------------------------------------------------------
slo_window = duration(SLO_WINDOW)  # 30 days, the availability reference's window
TARGETS = (0.99, 0.999, 0.9995, 0.9999)
# The requests the Twitter example's availability target covers: posts and home-timeline loads.
SLO_REQUEST_RATE = tweets_per_second + timeline_loads_per_second
slo_request_rate = per_second(SLO_REQUEST_RATE)
twitter_target = fraction(availability_target)

# --- The SRE workbook's alerts: (kind, share of the budget spent, long window) ---------------------
ALERTS = (
    ("Page", 0.02, SECONDS_PER_HOUR),
    ("Page", 0.05, 6 * SECONDS_PER_HOUR),
    ("Ticket", 0.10, 3 * SECONDS_PER_DAY),
)
SHORT_WINDOW_SHARE = 1 / 12  # the short window is a twelfth of the long one
THRESHOLD_ALERT_WINDOW = 10 * SECONDS_PER_MINUTE  # the workbook's naive option: error ratio over 10 minutes
fast_budget_share = fraction(ALERTS[0][1])
slow_budget_share = fraction(ALERTS[1][1])
ticket_budget_share = fraction(ALERTS[2][1])
fast_window = duration(ALERTS[0][2])
slow_window = duration(ALERTS[1][2])
ticket_window = duration(ALERTS[2][2])
threshold_alert_window = duration(THRESHOLD_ALERT_WINDOW)
# The outage the reset-time comparison follows: a full outage of this length, then recovery.
OUTAGE_S = 1 * SECONDS_PER_MINUTE
# The workbook's "incrementing alert duration": a threshold held this long before it fires (`for: 5m`).
FOR_DURATION_S = 5 * SECONDS_PER_MINUTE
for_duration = duration(FOR_DURATION_S)
# The workbook's own example of that option holds its threshold for an hour (`for: 1h`).
WORKBOOK_FOR_DURATION_S = SECONDS_PER_HOUR
workbook_for_duration = duration(WORKBOOK_FOR_DURATION_S)
# Between the error ratio crossing and the page: the next scrape, then the next rule evaluation.
RULE_EVALUATION_INTERVAL_S = 15.0
rule_evaluation_interval = duration(RULE_EVALUATION_INTERVAL_S)
# The Twitter example's busy hour against its average.
PEAK_TO_AVERAGE = float(peak_to_average)
outage = duration(OUTAGE_S)

# --- Where to measure: a synthetic probe ------------------------------------------------------------
PROBE_INTERVAL_S = 60.0
probe_interval = duration(PROBE_INTERVAL_S)

# --- Latency: why an average misleads (the Twitter timeline's threshold and budget) ----------------
LATENCY_THRESHOLD_S = float(timeline_latency_target)  # 200 ms
LATENCY_BUDGET = float(percentile_budget_share)  # 1% may be slower
FAST_S, SLOW_S = 0.050, 2.0  # most loads take 50 ms; some wait out a 2 s timeout on a sick replica
SLOW_SHARE = 0.02  # the share that waits
latency_threshold = duration(LATENCY_THRESHOLD_S)
fast_latency = duration(FAST_S)
slow_latency = duration(SLOW_S)
slow_share = fraction(SLOW_SHARE)

# --- Metrics: the labels of one request-latency histogram ------------------------------------------
ROUTES = 20  # API routes, templated (/tweets/{id}, not /tweets/123)
STATUS_CLASSES = 4  # 2xx, 3xx, 4xx, 5xx
INSTANCES = int(api_servers)  # the Twitter example's API servers
GO_DEFAULT_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)  # client_golang DefBuckets
# The thresholds the Twitter example's latency SLIs count against must be bucket bounds.
SLI_THRESHOLDS = (float(timeline_latency_target), float(post_latency_target))  # 0.2 s and 0.5 s
BUCKET_BOUNDS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10)  # DefBuckets with 0.2 for 0.25
assert not all(t in GO_DEFAULT_BUCKETS for t in SLI_THRESHOLDS)  # the default cannot count 200 ms
assert all(t in BUCKET_BOUNDS for t in SLI_THRESHOLDS)
HISTOGRAM_SERIES = len(BUCKET_BOUNDS) + 1 + 2  # and +Inf, then _sum and _count
bucket_bounds = count(len(BUCKET_BOUNDS))
post_threshold = duration(float(post_latency_target))
SCRAPE_INTERVAL_S = 15.0
BYTES_PER_SAMPLE = 2.0  # Prometheus's storage page: around 1-2 bytes a sample
DAILY_USERS = float(daily_active_users)
routes = count(ROUTES)
status_classes = count(STATUS_CLASSES)
instances = count(INSTANCES)
histogram_series = count(HISTOGRAM_SERIES)
scrape_interval = duration(SCRAPE_INTERVAL_S)
bytes_per_sample = size(BYTES_PER_SAMPLE)
daily_users = count(DAILY_USERS)

# --- Logs ---------------------------------------------------------------------------------------------
API_RATE = float(requests_per_second)  # the Twitter example's API requests, average
ACCESS_LINE_BYTES = 400  # one JSON access-log line: time, route, status, latency, sizes, IDs, user agent
LINES_PER_REQUEST = 10  # lines written by every service a request touches, at info level
EVENT_LINES_PER_REQUEST = 0.5  # state changes and errors, all services, on average a request
DEBUG_LINES_PER_REQUEST = 50  # every debug line a request's services can write
DEBUG_SAMPLE = 0.01  # requests whose debug lines are kept, chosen at the root like a head-sampled trace
LOG_RETENTION_DAYS = 30
api_rate = per_second(API_RATE)
access_line_bytes = size(ACCESS_LINE_BYTES)
lines_per_request = count(LINES_PER_REQUEST)
log_retention = duration(LOG_RETENTION_DAYS * SECONDS_PER_DAY)
event_lines_per_request = count(EVENT_LINES_PER_REQUEST)
debug_lines_per_request = count(DEBUG_LINES_PER_REQUEST)
debug_sample = fraction(DEBUG_SAMPLE)

# --- Traces ---------------------------------------------------------------------------------------------
API_RATE_PEAK = float(requests_per_second_peak)
SPANS_PER_TRACE = 20
SPAN_BYTES = 500
HEAD_RATE = 0.01
TAIL_BASELINE = 0.001  # the tail sampler also keeps a random 0.1% of ordinary traces
ERROR_SHARE = 1 - float(availability_target)  # errors at exactly the Twitter target's budget
SLOW_TRACE_SHARE = LATENCY_BUDGET  # traces over the latency threshold, at exactly its budget
DECISION_WAIT_S = 30.0  # tail sampling processor's default decision_wait
SHORT_DECISION_WAIT_S = 10.0  # a shorter wait, enough when the slowest traces finish within it
NUM_TRACES_DEFAULT = 50_000  # and its default num_traces
api_rate_peak = per_second(API_RATE_PEAK, peak=True)
spans_per_trace = count(SPANS_PER_TRACE)
span_bytes = size(SPAN_BYTES)
head_rate = fraction(HEAD_RATE)
tail_baseline = fraction(TAIL_BASELINE)
decision_wait = duration(DECISION_WAIT_S)
short_decision_wait = duration(SHORT_DECISION_WAIT_S)
num_traces_default = count(NUM_TRACES_DEFAULT)

# --- Percentiles across hosts -----------------------------------------------------------------------
HOSTS = 10
HEALTHY_MIX = ((0.98, 0.040), (0.02, 0.150))  # (share, latency in s): a healthy host's requests
SICK_LATENCY_S = 2.0  # every request on the sick host waits this long
SICK_TRAFFIC_SHARES = (0.10, 0.005)  # the balancer sends it its even share, or (least-requests) much less
hosts = count(HOSTS)

WORKBOOK = cite("SRE workbook", "Google SRE workbook, Alerting on SLOs")
PROMETHEUS_STORAGE = "[Prometheus storage](https://prometheus.io/docs/prometheus/latest/storage/)"
GO_BUCKETS = "[client_golang DefBuckets](https://github.com/prometheus/client_golang/blob/main/prometheus/histogram.go)"
TAIL_SAMPLING = (
    "[OpenTelemetry tail sampling processor](https://github.com/open-telemetry/opentelemetry-collector-contrib/"
    "tree/main/processor/tailsamplingprocessor)"
)

if __name__ != "concept_slo_assumptions":
    print(
        markdown_table(
            ("Input", "Value", "Source"),
            [
                ("SLO window", slo_window, "This site: the availability reference"),
                ("Posts and home-timeline loads, average", slo_request_rate, "This site: the Twitter example"),
                ("Pages: budget spent in the long window", f"{fast_budget_share} in {fast_window}", WORKBOOK),
                ("", f"{slow_budget_share} in {slow_window}", WORKBOOK),
                ("Ticket: budget spent in the long window", f"{ticket_budget_share} in {ticket_window}", WORKBOOK),
                ("Short window, of the long", "a twelfth", WORKBOOK),
                ("Bytes a stored metric sample", bytes_per_sample, PROMETHEUS_STORAGE),
                (
                    "Series a latency histogram exports, its bounds DefBuckets' with 0.2 s for 0.25 s",
                    histogram_series,
                    GO_BUCKETS,
                ),
                ("Threshold held before firing (`for:`), the workbook's example", workbook_for_duration, WORKBOOK),
                ("Threshold held before firing (`for:`), this page's", for_duration, "Assumed on this page"),
                ("Tail sampler's wait before deciding", decision_wait, TAIL_SAMPLING),
                ("Tail sampler's traces held, by default", num_traces_default, TAIL_SAMPLING),
                ("API servers (instances)", instances, "This site: the Twitter example"),
                ("API requests, average", api_rate, "This site: the Twitter example"),
                ("Daily users", daily_users, "This site: the Twitter example"),
                ("Routes and status classes as labels", f"{routes} and {status_classes}", "Assumed on this page"),
                (
                    "Scrape interval; rule evaluation interval",
                    f"{scrape_interval}; {rule_evaluation_interval}",
                    "Assumed on this page",
                ),
                ("Busy hour against the average", peak_to_average, "This site: the Twitter example"),
                ("Access-log line", access_line_bytes, "Assumed: to be measured"),
                ("Log lines a request, all services", lines_per_request, "Assumed: to be measured"),
                ("... of them state changes and errors", event_lines_per_request, "Assumed: to be measured"),
                (
                    "Debug lines a request; requests whose debug lines are kept",
                    f"{debug_lines_per_request}; {debug_sample}",
                    "Assumed: to be measured",
                ),
                ("Spans a trace, bytes a span", f"{spans_per_trace}, {span_bytes}", "Assumed: to be measured"),
                (
                    "Head sampling rate; tail sampler's baseline",
                    f"{head_rate}; {tail_baseline}",
                    "Assumed on this page",
                ),
                ("Tail sampler's shorter wait", short_decision_wait, "Assumed on this page"),
                ("Synthetic probe interval", probe_interval, "Assumed on this page"),
            ],
        )
    )
