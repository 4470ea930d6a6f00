"""Rate limiter worked example: every assumption the estimates start from, and why.

Change a value here and rebuild: every figure that depends on it changes, on every page, and so
does the estimator's `rate_limiter` preset, which is derived from this module.
Run `python docs/snippets/rate_limiter_assumptions.py` to print the table.
"""

from sdw.estimation import count, duration, markdown_table, per_day, size, throughput, times

RFC_6585_429 = "https://www.rfc-editor.org/rfc/rfc6585#section-4"
CLOUDFLARE_COUNTERS = "https://developers.cloudflare.com/waf/rate-limiting-rules/request-rate/"

# --- Traffic through the gateway --------------------------------------------------------------
api_requests_per_day = per_day(5e9)
active_clients_per_day = count(10e6)
peak_to_average = times(3)

# --- The policy -------------------------------------------------------------------------------
limit_per_minute = count(100)
burst_allowance = count(20)

# --- Bytes of state per client (step 4) --------------------------------------------------------
key_bytes = size(32)
timestamp_bytes = size(8)
token_count_bytes = size(8)
entry_overhead_bytes = size(64)

# --- Hardware and the network -------------------------------------------------------------------
ops_per_store_server = throughput(100e3)
store_copies = times(2)
in_zone_round_trip = duration(0.0005)

TABLE = [
    (
        "API requests a day",
        api_requests_per_day,
        "A large public API; every request passes the limiter once.",
    ),
    (
        "Clients seen a day",
        active_clients_per_day,
        "API keys, or addresses for anonymous calls: each gets its own bucket.",
    ),
    ("Peak-to-average traffic", peak_to_average, "The busiest hour of a normal day."),
    (
        "Requests allowed per client a minute",
        limit_per_minute,
        f"The default plan; a client over it gets [429 Too Many Requests]({RFC_6585_429}).",
    ),
    ("Burst above the steady rate", burst_allowance, "Room for a page that fires a few calls at once."),
    ("Bytes per key", key_bytes, "A prefix, the client ID and the rule ID."),
    ("Bytes per timestamp", timestamp_bytes, "Milliseconds since the epoch in a 64-bit integer."),
    ("Bytes per token count", token_count_bytes, "A 64-bit float, so refills can add part of a token."),
    (
        "Overhead per entry in the store",
        entry_overhead_bytes,
        "Hash-table slot, expiry and allocator rounding in an in-memory key-value store.",
    ),
    (
        "Operations per store server a second",
        ops_per_store_server,
        "One in-memory store process running a small atomic script per check.",
    ),
    (
        "Copies of the counters",
        store_copies,
        "A primary and a replica; a lost counter only forgets a minute of history.",
    ),
    (
        "Round trip inside a zone",
        in_zone_round_trip,
        f"Gateway to store in the same zone. Counters stay local, as [Cloudflare keeps its own per data center]({CLOUDFLARE_COUNTERS}).",
    ),
]

# Other snippets import this module for its values; run on its own (or by the docs build),
# it prints the table.
if __name__ != "rate_limiter_assumptions":
    print(markdown_table(("Assumption", "Value", "Why"), TABLE))
