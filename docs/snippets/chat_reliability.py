"""Chat service worked example: the error budget of the send target, the latency budget of the send
and deliver targets, and the burn rates that page.

Each p99 target becomes a threshold share: at most percentile_budget_share (1%) of sends (or
deliveries) slower than the target, a budget burned like the error budget; the offline-delivery target
lets 1 - push_handoff_share of offline deliveries reach APNs or FCM late, a budget of its own. The
availability target covers reconnects accepted as well as sends acknowledged, each with its own budget
at the same share. Each alert pairs its long window with a short one a twelfth as long (the SRE
workbook's), so a page stops soon after the burning does; two burn rates page, the third opens a ticket.

A total latency regression (every send over the target) fills the fast page's long window to its
threshold after window x burn rate x budget / 1, the scrape and the rule evaluation coming after.
"""

from chat_assumptions import (
    availability_target,
    deliver_latency_target,
    percentile_budget_share,
    push_handoff_share,
    slo_window,
    zones,
)
from chat_traffic import messages_per_day

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    burn_rate,
    count,
    duration,
    fraction,
    markdown_table,
)

# Error budget: the share of sends that may fail, the same as full downtime, and as sends.
error_budget_share = fraction(1 - availability_target)
error_budget_downtime = duration(error_budget_share * slo_window)
failed_sends_allowed = count(messages_per_day * (slo_window / SECONDS_PER_DAY) * error_budget_share)

# Burn-rate alerts (Google SRE workbook, https://sre.google/workbook/alerting-on-slos/): page when
# 2% of the window's budget burns in one hour, or 5% in six hours; open a ticket when 10% burns in
# three days, as on the Twitter example.
fast_burn_budget_spent = fraction(0.02)
fast_burn_window = duration(SECONDS_PER_HOUR)
slow_burn_budget_spent = fraction(0.05)
slow_burn_window = duration(6 * SECONDS_PER_HOUR)
fast_burn_rate = burn_rate(fast_burn_budget_spent, fast_burn_window, slo_window)
slow_burn_rate = burn_rate(slow_burn_budget_spent, slow_burn_window, slo_window)
ticket_burn_budget_spent = fraction(0.10)
ticket_burn_window = duration(3 * SECONDS_PER_DAY)
ticket_burn_rate = burn_rate(ticket_burn_budget_spent, ticket_burn_window, slo_window)
# The share of sends failing over the alert's window that burns at that rate.
fast_burn_error_share = fraction(fast_burn_rate * error_budget_share)
slow_burn_error_share = fraction(slow_burn_rate * error_budget_share)
ticket_burn_error_share = fraction(ticket_burn_rate * error_budget_share)
# Each long window is paired with a short one a twelfth as long; an alert fires only while both are over.
fast_burn_short_window = duration(fast_burn_window / 12)
slow_burn_short_window = duration(slow_burn_window / 12)
ticket_burn_short_window = duration(ticket_burn_window / 12)

# Latency as a threshold share: a p99 target lets percentile_budget_share of sends (or deliveries) be
# slower, and the same burn rates page at that budget times the rate.
latency_budget_share = fraction(percentile_budget_share)
fast_burn_slow_share = fraction(fast_burn_rate * latency_budget_share)
slow_burn_slow_share = fraction(slow_burn_rate * latency_budget_share)
ticket_burn_slow_share = fraction(ticket_burn_rate * latency_budget_share)
# A total latency regression (every send slower than the target): the fast page's long window reaches
# its threshold after this long, before the scrape and the rule evaluation.
total_regression_detect = duration(fast_burn_window * fast_burn_rate * latency_budget_share / 1.0)
# Offline delivery: the share handed to APNs or FCM later than the target is a budget of its own.
push_handoff_budget_share = fraction(1 - push_handoff_share)
fast_burn_late_push_share = fraction(fast_burn_rate * push_handoff_budget_share)
slow_burn_late_push_share = fraction(slow_burn_rate * push_handoff_budget_share)
ticket_burn_late_push_share = fraction(ticket_burn_rate * push_handoff_budget_share)

# The end-to-end probes (step 7). A synthetic client in each zone sends to one in another zone every
# zone_probe_interval, and a message is late when its deliver comes after the deliver target. That p99
# target lets 1% of deliveries be late by design, so one late probe message means nothing: the probes
# page after zone_probe_misses_to_page messages in a row lost or late. Were each message late by chance
# alone, independently, a run that long would start at a message with 1% to that power, so the zones'
# probes would page by chance this many times a window (and one fewer in a row, many times more often).
zone_probe_interval = duration(5)
zone_probe_misses_to_page = count(4)
zone_probe_page_after = duration(zone_probe_interval * zone_probe_misses_to_page)
zone_probe_messages_per_window = count(zones * slo_window / zone_probe_interval)
zone_probe_chance_pages = count(zone_probe_messages_per_window * latency_budget_share**zone_probe_misses_to_page)
zone_probe_chance_pages_one_fewer = count(
    zone_probe_messages_per_window * latency_budget_share ** (zone_probe_misses_to_page - 1)
)
zone_probe_chance_page_every = duration(slo_window / zone_probe_chance_pages)
# The prober outside the cloud provider connects through the public endpoint and sends the same way
# every minute; it pages after this many failures in a row, so one probe lost on the internet does not.
outside_probe_interval = duration(60)
outside_probe_failures_to_page = count(3)
outside_probe_page_after = duration(outside_probe_interval * outside_probe_failures_to_page)

if __name__ != "chat_reliability":
    print(
        markdown_table(
            ("Error budget", "Value"),
            [
                ("Sends allowed to fail", error_budget_share),
                (f"... as full downtime per {slo_window}", error_budget_downtime),
                (f"... as sends per {slo_window}", failed_sends_allowed),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (
                "Alert when",
                "Short window",
                "Burn rate",
                "Sends failing (or reconnects refused) over both windows",
                f"Over the target's latency ({latency_budget_share} budget)",
                f"Offline deliveries handed off late ({push_handoff_budget_share} budget)",
            ),
            [
                (
                    f"Page: {fast_burn_budget_spent} of the budget spent in {fast_burn_window}",
                    fast_burn_short_window,
                    fast_burn_rate,
                    fast_burn_error_share,
                    fast_burn_slow_share,
                    fast_burn_late_push_share,
                ),
                (
                    f"Page: {slow_burn_budget_spent} of the budget spent in {slow_burn_window}",
                    slow_burn_short_window,
                    slow_burn_rate,
                    slow_burn_error_share,
                    slow_burn_slow_share,
                    slow_burn_late_push_share,
                ),
                (
                    f"Ticket: {ticket_burn_budget_spent} of the budget spent in {ticket_burn_window}",
                    ticket_burn_short_window,
                    ticket_burn_rate,
                    ticket_burn_error_share,
                    ticket_burn_slow_share,
                    ticket_burn_late_push_share,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Every send over the target", "Value"),
            [("The fast page's long window crosses its threshold after", total_regression_detect)],
        )
    )
    print()
    print(
        markdown_table(
            ("End-to-end probes", "Value"),
            [
                (
                    f"Zone probes: a message each {zone_probe_interval} from each of {zones} zones",
                    zone_probe_messages_per_window,
                ),
                (f"... late past {deliver_latency_target} or lost, in a row, to page", zone_probe_misses_to_page),
                ("... which pages within", zone_probe_page_after),
                (
                    f"... pages by chance per {slo_window}, {latency_budget_share} late at random",
                    zone_probe_chance_pages,
                ),
                ("... one in every", zone_probe_chance_page_every),
                ("... with one fewer in a row", zone_probe_chance_pages_one_fewer),
                (
                    f"Outside prober: a probe each {outside_probe_interval}, failures in a row to page",
                    outside_probe_failures_to_page,
                ),
                ("... which pages within", outside_probe_page_after),
            ],
        )
    )
