"""URL shortener worked example: the estimator's ten-input model beside the figures on the pages."""

from url_shortener_assumptions import distinct_links_clicked_per_day, zones
from url_shortener_bandwidth import egress, ingress, redirect_response_bytes
from url_shortener_cache import cache_copies_per_zone, shared_cache_bytes_all_zones, shared_cache_bytes_per_zone
from url_shortener_servers import create_servers, redirect_servers
from url_shortener_storage import link_bytes_total, storage_total
from url_shortener_traffic import creations_per_second, redirects_per_second_peak

from sdw.estimation import bandwidth, estimate, markdown_table, peak, per_second, servers, size
from sdw.presets import url_shortener as url_shortener_preset

model = estimate(url_shortener_preset()["inputs"])

model_writes = per_second(model["write_qps_avg"])
model_reads_peak = peak(model["read_qps_peak"])
model_storage = size(model["storage_total_bytes"])
model_egress = bandwidth(model["egress_bytes_per_sec"])
# The model counts in only the bytes each write stores; the page counts every request that
# arrives, the redirect requests included.
model_ingress = bandwidth(model["ingress_bytes_per_sec"])
model_cache = size(model["cache_bytes"])
# Step 2's conversion 5 caps a first guess at the distinct items a day's reads touch: the links
# clicked, at the model's read size. The model's cache also holds the day's new links, written in
# at creation before their first click, which that cap leaves out.
model_cache_cap = size(distinct_links_clicked_per_day * redirect_response_bytes)
model_servers = servers(model["servers"])
page_servers = servers(redirect_servers + create_servers)

if __name__ != "url_shortener_estimator":
    print(
        markdown_table(
            ("Figure", "Estimator (ten inputs)", "This example"),
            [
                ("Links created a second, average", model_writes, creations_per_second),
                ("Redirects a second, peak", model_reads_peak, redirects_per_second_peak),
                ("Link storage, all copies", model_storage, link_bytes_total),
                ("All storage, clicks included", model_storage, storage_total),
                ("Ingress, average", model_ingress, ingress),
                ("Egress, average", model_egress, egress),
                (
                    "Cache",
                    model_cache,
                    f"{shared_cache_bytes_per_zone} a copy, {cache_copies_per_zone} copies in each of {zones} zones: "
                    f"{shared_cache_bytes_all_zones} in all",
                ),
                ("Redirect and create servers", model_servers, page_servers),
            ],
        )
    )
