"""Rate limiter worked example: the estimator's ten-input model beside the figures on the pages."""

from rate_limiter_servers import store_shards, store_shards_pooled
from rate_limiter_state import token_bucket_memory, token_bucket_value_bytes
from rate_limiter_traffic import checks_per_second, checks_per_second_peak, store_ops_per_second_peak

from sdw.estimation import bandwidth, estimate, markdown_table, peak, per_second, servers, size, size_per_day
from sdw.presets import rate_limiter as rate_limiter_preset

model = estimate(rate_limiter_preset()["inputs"])

model_checks = per_second(model["write_qps_avg"])
model_checks_peak = peak(model["write_qps_peak"])
model_operations_peak = peak(model["write_qps_peak"] + model["read_qps_peak"])
model_cache = size(model["cache_bytes"])
model_storage = size(model["storage_total_bytes"])
model_servers = servers(model["servers"])
# The model's per-day storage and bandwidth are the bucket state each check writes and reads at the
# store (tokens, refill time and state), 5B times a day: traffic to the store, not data kept (each write
# overwrites a bucket) and not the API's own request and response bytes.
model_state_bytes = token_bucket_value_bytes
model_storage_per_day = size_per_day(model["storage_per_day_bytes"])
model_ingress = bandwidth(model["ingress_bytes_per_sec"])
model_egress = bandwidth(model["egress_bytes_per_sec"])

if __name__ != "rate_limiter_estimator":
    print(
        markdown_table(
            ("Figure", "Estimator (ten inputs)", "This example"),
            [
                ("Checks a second, average", model_checks, checks_per_second),
                ("Checks a second, peak", model_checks_peak, checks_per_second_peak),
                ("Store operations a second, peak", model_operations_peak, store_ops_per_second_peak),
                ("Memory for counters", model_cache, token_bucket_memory),
                ("Storage kept", model_storage, size(0)),
                ("Storage a day, one copy (bucket state, overwritten)", model_storage_per_day, "none kept"),
                ("Bandwidth in, average (bucket state to the store)", model_ingress, "not sized"),
                ("Bandwidth out, average (bucket state from the store)", model_egress, "not sized"),
                ("Store servers (shards), the whole peak in one pool", model_servers, store_shards_pooled),
                ("Store servers (shards), each region built to the busiest", "not modeled", store_shards),
            ],
        )
    )
