"""Concepts, load balancing: how long a dead server keeps receiving requests, and what retries at
every layer multiply.

Health checks, arithmetic: an active check marks a server down after THRESHOLD failed checks, one
every INTERVAL, so up to INTERVAL x THRESHOLD after it dies (plus a timeout, if the check has to wait
for one); every request sent to it meanwhile fails or is retried. Passive detection counts errors on
real requests, in each balancer separately, and assumes the dead server fails at once (it refuses
connections, or answers errors): a host that vanishes silently costs each request a connect timeout
before it counts as an error.
"""

from sdw.estimation import (
    count,
    duration,
    fraction,
    markdown_table,
    per_second,
    throughput,
    times,
)

# --- Health checks -------------------------------------------------------------------------------
REQUESTS_PER_SECOND = 10_000  # one service's traffic
POOL_SERVERS = 20
BALANCERS = 50  # proxies or client-side balancers, each judging every server on its own
ALB_INTERVAL, ALB_THRESHOLD = 30, 2  # AWS Application Load Balancer's defaults
HAPROXY_INTERVAL, HAPROXY_THRESHOLD = 2, 3  # HAProxy's defaults: inter 2s, fall 3
ENVOY_CONSECUTIVE_ERRORS = 5  # Envoy outlier detection's default consecutive_5xx

requests_per_second = per_second(REQUESTS_PER_SECOND)
pool_servers = count(POOL_SERVERS)
per_server = per_second(REQUESTS_PER_SECOND / POOL_SERVERS)
balancers = count(BALANCERS)
alb_interval, alb_threshold = duration(ALB_INTERVAL), count(ALB_THRESHOLD)
haproxy_interval, haproxy_threshold = duration(HAPROXY_INTERVAL), count(HAPROXY_THRESHOLD)
alb_detection = duration(ALB_INTERVAL * ALB_THRESHOLD)
alb_lost = count(per_server * alb_detection)
haproxy_detection = duration(HAPROXY_INTERVAL * HAPROXY_THRESHOLD)
haproxy_lost = count(per_server * haproxy_detection)
# Passive: each balancer sends the dead server its share of that server's requests, and ejects it
# after that many consecutive errors of its own.
envoy_consecutive_errors = count(ENVOY_CONSECUTIVE_ERRORS)
passive_detection = duration(ENVOY_CONSECUTIVE_ERRORS / (per_server / BALANCERS))
passive_lost = count(ENVOY_CONSECUTIVE_ERRORS * BALANCERS)
# A server that fails fast finishes its requests at once, so it always has the fewest in flight:
# picking the less loaded of two, it wins every pair it is drawn into, 1 - (1 - 1/n)^2 of picks, about
# twice its share; a scan of every server for the fewest sends it nearly every request.
fast_failing_share = fraction(1 - (1 - 1 / POOL_SERVERS) ** 2)
fast_failing_over_fair = times((1 - (1 - 1 / POOL_SERVERS) ** 2) * POOL_SERVERS)
# Active checks cost the servers too: every balancer checks every server once an interval.
haproxy_checks_per_server = throughput(BALANCERS / HAPROXY_INTERVAL)

# --- Retries: attempts multiply down a chain of layers that each retry ---------------------------
ATTEMPTS_PER_LAYER = 3  # the first try and two retries
RETRYING_LAYERS = 3  # e.g. the client, the edge proxy and a service calling another
attempts_per_layer, retrying_layers = count(ATTEMPTS_PER_LAYER), count(RETRYING_LAYERS)
retry_amplification = times(ATTEMPTS_PER_LAYER**RETRYING_LAYERS)

if __name__ != "concept_health_checks":
    print(
        markdown_table(
            (
                f"A server dies; {requests_per_second} over {pool_servers} servers, an even share each",
                "Time until no new requests reach it",
                "Requests sent to it meanwhile",
            ),
            [
                (
                    f"Active, every {alb_interval}, down after {alb_threshold} failures (AWS ALB's defaults)",
                    alb_detection,
                    alb_lost,
                ),
                (
                    f"Active, every {haproxy_interval}, down after {haproxy_threshold} failures (HAProxy's defaults)",
                    haproxy_detection,
                    haproxy_lost,
                ),
                (
                    f"Passive, {envoy_consecutive_errors} errors in a row, each of {balancers} balancers",
                    passive_detection,
                    passive_lost,
                ),
            ],
        )
    )
    print()
    print(
        f"Retries: {attempts_per_layer} attempts at each of {retrying_layers} layers send up to "
        f"{retry_amplification} the requests to the bottom one."
    )
