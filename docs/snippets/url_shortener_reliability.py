"""URL shortener worked example: error budgets, and what losing a part or a viral link costs."""

from url_shortener_assumptions import (
    cache_warm_rate,
    count_freshness_target,
    edge_locations,
    edge_log_line_bytes,
    edge_ttl,
    outage_for_backlog,
    reads_per_database_server,
    redirect_availability_target,
    requests_per_server,
    slo_window,
    zones,
)
from url_shortener_cache import cache_entry_bytes, database_reads_peak, in_process_hit_rate, shared_cache_bytes_per_zone
from url_shortener_servers import link_db_servers, redirect_servers, zone_headroom
from url_shortener_storage import quorum_replicas
from url_shortener_traffic import (
    redirects_per_day,
    redirects_per_second,
    redirects_per_second_peak,
    viral_hits_per_second,
)

from sdw.estimation import (
    SECONDS_PER_HOUR,
    SECONDS_PER_MINUTE,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    size,
    times,
)

# Error budget for redirects, as a share, as downtime and as failed redirects per window.
error_budget_share = fraction(1 - redirect_availability_target)
error_budget_downtime = duration(error_budget_share * slo_window)
failed_redirects_allowed = count(redirects_per_second * slo_window * error_budget_share)
# Burn-rate pages (Google SRE workbook): 2% of the budget in an hour, 5% in six hours.
fast_burn_rate = times(0.02 * slo_window / SECONDS_PER_HOUR)
slow_burn_rate = times(0.05 * slo_window / (6 * SECONDS_PER_HOUR))
fast_burn_error_share = fraction(fast_burn_rate * error_budget_share)
slow_burn_error_share = fraction(slow_burn_rate * error_budget_share)

# Every shared cache lost at peak: the in-process caches still answer their share, the rest
# goes to the link store, which was sized for disk and has reads to spare. Each quorum read
# costs two replica reads. The capacity is the worst case, what the servers of two zones can read
# with the third zone down; both shares below are of that.
cold_cache_database_reads = peak(redirects_per_second_peak * (1 - in_process_hit_rate))
database_read_capacity = per_second(link_db_servers * reads_per_database_server * (zones - 1) / zones)
cold_cache_database_load = fraction(cold_cache_database_reads * quorum_replicas / database_read_capacity)
normal_database_load = fraction(database_reads_peak * quorum_replicas / database_read_capacity)
cache_refill_load = fraction(cache_warm_rate * quorum_replicas / database_read_capacity)
cache_refill_time = duration(shared_cache_bytes_per_zone / cache_entry_bytes / cache_warm_rate)

# A viral link: against the whole redirect fleet without the edge, and what the origin sees with it.
redirect_fleet_capacity = per_second(redirect_servers * requests_per_server)
viral_over_fleet = times(viral_hits_per_second / redirect_fleet_capacity)
viral_origin_requests_with_edge = per_second(edge_locations / edge_ttl)

# Analytics down for an hour at peak: clicks wait in the log, then drain with the spare capacity
# kept for a zone loss.
click_backlog = count(redirects_per_second_peak * outage_for_backlog)
click_backlog_bytes = size(click_backlog * edge_log_line_bytes)
click_drain_time = duration(outage_for_backlog / (zone_headroom - 1))

# A viral minute in the click pipeline. Partitioning by request ID spreads the clicks evenly, but
# the total still passes what the pipeline can count (the peak with the zone headroom). Clicks
# queue in arrival order, so a click is late once the backlog ahead of it passes a minute of
# counting: late clicks arrive from when the backlog reaches that size during the spike until it
# falls back below it while draining. They are counted late, never lost.
click_pipeline_capacity = per_second(redirects_per_second_peak * zone_headroom)
viral_click_rate = peak(redirects_per_second_peak + viral_hits_per_second)
viral_over_click_pipeline = times(viral_click_rate / click_pipeline_capacity)
viral_click_backlog = count((viral_click_rate - click_pipeline_capacity) * SECONDS_PER_MINUTE)
viral_click_drain_time = duration(viral_click_backlog / (click_pipeline_capacity - redirects_per_second_peak))
late_backlog = click_pipeline_capacity * count_freshness_target
late_from = late_backlog / (viral_click_rate - click_pipeline_capacity)
late_until = SECONDS_PER_MINUTE + (viral_click_backlog - late_backlog) / (
    click_pipeline_capacity - redirects_per_second_peak
)
viral_late_clicks = count(
    viral_click_rate * (SECONDS_PER_MINUTE - late_from) + redirects_per_second_peak * (late_until - SECONDS_PER_MINUTE)
)
viral_late_share_of_day = fraction(viral_late_clicks / redirects_per_day)
viral_late_share_of_window = fraction(viral_late_clicks / (redirects_per_second * slo_window))

if __name__ != "url_shortener_reliability":
    print(
        markdown_table(
            ("Error budget, redirects", "Value"),
            [
                ("Redirects allowed to fail", error_budget_share),
                (f"... as full downtime per {slo_window}", error_budget_downtime),
                (f"... as failed redirects per {slo_window}", failed_redirects_allowed),
                (f"Page: error share over 1 h (burn rate {fast_burn_rate})", fast_burn_error_share),
                (f"Page: error share over 6 h (burn rate {slow_burn_rate})", slow_burn_error_share),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Failure", "Figure", "Value"),
            [
                ("Shared caches lost at peak", "Reads on the link store", cold_cache_database_reads),
                (
                    "",
                    "... share of its read capacity with a zone down (with the caches up)",
                    f"{cold_cache_database_load} ({normal_database_load})",
                ),
                ("", "Time to reload a zone's cache in bulk", cache_refill_time),
                ("", "... share of the store's read capacity with a zone down", cache_refill_load),
                ("Viral link, no edge cache", "Its clicks over the redirect fleet's capacity", viral_over_fleet),
                ("Viral link, edge cache", "Requests for it reaching the origin", viral_origin_requests_with_edge),
                (f"Analytics down {outage_for_backlog} at peak", "Click events waiting", click_backlog),
                ("", "... bytes held in the log", click_backlog_bytes),
                ("", "Time to drain them", click_drain_time),
                ("Viral minute in the click pipeline", "Clicks over what it can count", viral_over_click_pipeline),
                ("", "Click events waiting after the minute", viral_click_backlog),
                ("", "Time to drain them", viral_click_drain_time),
                ("", f"Clicks counted later than {count_freshness_target}", viral_late_clicks),
                ("", "... share of a day's clicks", viral_late_share_of_day),
                ("", f"... share of {slo_window} of clicks", viral_late_share_of_window),
            ],
        )
    )
