"""URL shortener worked example: creations and redirects a second, average and peak."""

from url_shortener_assumptions import (
    anonymous_link_share,
    count_queries_per_day,
    custom_alias_share,
    links_created_per_day,
    peak_to_average,
    redirects_per_link_created,
    requests_per_server,
    viral_hits_first_minute,
    zones,
)

from sdw.estimation import SECONDS_PER_DAY, count, markdown_table, peak, per_day, per_second, times, whole_per_zone

# Writes: new links, a few of them with a custom alias.
creations_per_second = per_second(links_created_per_day / SECONDS_PER_DAY)
creations_per_second_peak = peak(creations_per_second * peak_to_average)
custom_aliases_per_day = per_day(links_created_per_day * custom_alias_share)

# The accounts database's primary is read twice for each creation with an owner: by the create
# after its insert, and by the account checker from the "link created" event (step 4).
account_reads_per_second_peak = peak(creations_per_second_peak * (1 - anonymous_link_share) * 2)

# Reads: every redirect is one lookup of one key.
redirects_per_day = per_day(links_created_per_day * redirects_per_link_created)
redirects_per_second = per_second(redirects_per_day / SECONDS_PER_DAY)
redirects_per_second_peak = peak(redirects_per_second * peak_to_average)

# Every stateless tier carries its peak with a zone gone (the two left take 3 / 2 of it), the same whole
# count in each zone; the redirect and create tiers add a spare in each zone (N+1, step 7's rule; step 2
# says why). The redirect servers are counted here, since their in-process caches' hit rate needs them.
zone_headroom = times(zones / (zones - 1))


def spare_per_zone(servers: float) -> int:
    return whole_per_zone(servers, zones) + int(zones)


redirect_servers = count(spare_per_zone(redirects_per_second_peak * zone_headroom / requests_per_server))

# Owners reading counts: queries to the analytics store, with the same busy hour as the links.
count_queries_per_second = per_second(count_queries_per_day / SECONDS_PER_DAY)
count_queries_per_second_peak = peak(count_queries_per_second * peak_to_average)

# How lopsided is it?
read_to_write = times(redirects_per_day / links_created_per_day)

# One viral link (a QR code in a televised ad) against the busy hour's redirects (creations left out).
viral_hits_per_second = peak(viral_hits_first_minute / 60)
viral_over_peak = times(viral_hits_per_second / redirects_per_second_peak)

if __name__ != "url_shortener_traffic":
    print(
        markdown_table(
            ("Figure", "Average", "Peak (busy hour)"),
            [
                ("Links created", creations_per_second, creations_per_second_peak),
                ("Redirects", redirects_per_second, redirects_per_second_peak),
                ("Count queries (stats and link totals)", count_queries_per_second, count_queries_per_second_peak),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("Redirects a day", redirects_per_day),
                ("Custom aliases a day", custom_aliases_per_day),
                (
                    "Account status reads from the primary at peak, two a creation with an owner",
                    account_reads_per_second_peak,
                ),
                ("Redirects per link created", read_to_write),
                ("One viral link, first minute", viral_hits_per_second),
                ("... over the redirect peak", viral_over_peak),
            ],
        )
    )
