"""Practice, estimation drills: every answer, with the wrong answer each drill's usual mistake gives.

Where a worked example or a reference page already makes the same estimate, its figure is imported,
not computed again: Twitter's tweet rates (twitter_traffic), its tweets' bytes a day (twitter_storage)
and its celebrity fan-out (twitter_fanout); chat's phone connections (chat_connections); two database
copies and the fan-out to a hundred backends, with their formulas (reference_availability_chains); the
cache-skew table's figures over its own catalog, for the rule against a Zipf-like law
(reference_cache_skew); a 10 Gbit/s link's TCP payload (reference_powers); Twitter's photo egress and the
views it counts (twitter_bandwidth); Twitter's zone headroom (twitter_assumptions); the day and month
shortcuts and how far each reads low (step2_daily_rates), and the day's add-back (reference_time).

Each drill also has a "head" figure where a person would round on the way (a day taken as 100,000
seconds, say), so that the page can set the two side by side.
"""

import math

from chat_assumptions import daily_active_users as chat_daily_users
from chat_assumptions import minutes_per_phone_session, sessions_per_user_per_day
from chat_connections import phone_connections, phone_connections_peak
from practice_drills_assumptions import (
    BilledGb,
    api_egress,
    cache_copies,
    cache_distinct_items_per_day,
    cache_entry_bytes,
    cache_reads_per_day,
    cdn_first_tier_billed_gb,
    cdn_free_billed_gb,
    cdn_price_first,
    claim_copies,
    claim_daily_users,
    claim_disk_bytes,
    claim_photo_bytes,
    claim_photos_per_user,
    claimed_bytes_per_day,
    database_copies,
    database_copy_availability,
    disk_fill,
    first_guess_read_share,
    gateway_availability,
    hot_item_share,
    hot_read_share,
    item_bytes,
    large_fanout,
    link_ceiling,
    partition_bytes,
    partition_read_units,
    partition_write_units,
    photos_per_day,
    read_unit_bytes,
    request_slow_target,
    service_availability,
    service_peak,
    small_fanout,
    table_bytes,
    table_reads_peak,
    table_writes_peak,
    views_per_photo,
    write_unit_bytes,
    zipf_exponent,
)
from reference_availability_chains import (
    SLO_WINDOW,
    backend_slow_share,
    fanout_100_slow_share,
    fanout_slow_share,
    in_parallel,
    in_series,
    two_copies_at_99,
)
from reference_cache_skew import EXPONENTS, catalog_items, items_for_80, top_20_share
from reference_powers import ten_gbit_in_bytes, ten_gbit_tcp_payload
from reference_time import day_shortcut_correction
from step2_daily_rates import DAY_SHORTCUT, MONTH_SHORTCUT, shortcut_day_error, shortcut_month_low
from twitter_assumptions import (
    celebrity_followers,
    follows_per_user,
    peak_to_average,
    photo_served_bytes,
    photo_uploaded_bytes,
    requests_per_server,
    text_copies,
    timeline_cache_copies,
    tweets_per_day,
    zone_headroom,
    zones,
)
from twitter_bandwidth import photo_egress as twitter_photo_egress
from twitter_bandwidth import tweets_sent_per_second
from twitter_fanout import (
    celebrity_cache_ops,
    celebrity_fanout_time,
    celebrity_written_deliveries,
    fanout_fleet_capacity,
)
from twitter_storage import tweet_bytes_per_day, tweet_bytes_total
from twitter_traffic import deliveries_per_second_peak, tweets_per_second, tweets_per_second_peak

from sdw.estimation import (
    DAYS_PER_YEAR,
    GB,
    SECONDS_PER_DAY,
    SECONDS_PER_MINUTE,
    SECONDS_PER_MONTH,
    TB,
    GiB,
    availability,
    bandwidth,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_day,
    per_second,
    servers,
    size,
    size_per_day,
    throughput,
    times,
    whole_per_zone,
    whole_up,
)

HEAD_DAY = DAY_SHORTCUT  # a day rounded to 100,000 seconds, as people do in their heads (step 2's shortcut)
HEAD_MONTH = MONTH_SHORTCUT  # a month rounded to 2.5 million seconds (step 2's shortcut)
HEAD_YEAR_DAYS = 400  # a year as "times 400, less a tenth"

# --- 1. Requests a second from daily totals (Twitter's, imported) ----------------------------------------
tweets_head = per_second(tweets_per_day / HEAD_DAY)
tweets_head_peak = peak(tweets_head * peak_to_average)
# The shortcut's error and its correction: the reference pages' figures, imported.
day_shortcut_low = shortcut_day_error
day_shortcut_add_back = day_shortcut_correction

# --- 2. Bandwidth in and out, bits against bytes ----------------------------------------------------------
ingress_per_day = size_per_day(photos_per_day * photo_uploaded_bytes)
ingress_head = bandwidth(ingress_per_day / HEAD_DAY)
ingress = bandwidth(ingress_per_day / SECONDS_PER_DAY)
ingress_gbit = count(ingress * 8 / 1e9)
photo_views_per_day = count(photos_per_day * views_per_photo)
egress_per_day = size_per_day(photo_views_per_day * photo_served_bytes)
egress = bandwidth(egress_per_day / SECONDS_PER_DAY)
egress_gbit = count(egress * 8 / 1e9)
egress_over_ingress = times(egress / ingress)
egress_in_ten_gbit_links = times(egress / ten_gbit_in_bytes)
# Links are sized at the peak (drill 1's busy hour), each run at most at the ceiling. The photos are
# application bytes, so a link carries them at its TCP payload rate, not its line rate.
egress_peak = bandwidth(egress * peak_to_average, peak=True)
egress_peak_gbit = count(egress_peak * 8 / 1e9)
links_full = count(whole_up(egress_peak / ten_gbit_tcp_payload))  # every link full, payload only
links_needed = count(whole_up(egress_peak / (ten_gbit_tcp_payload * link_ceiling)))
# The usual slip: the peak's GB/s read as Gbit/s, so an eighth of the links.
slip_links = count(whole_up(egress_peak / 8 / (ten_gbit_tcp_payload * link_ceiling)))
# The Twitter example counts its own views: every tweet shown, on pages, in search and from pushes.
twitter_views_per_tweet = count(tweets_sent_per_second / tweets_per_second)
twitter_photo_egress_imported = twitter_photo_egress

# --- 3. Storage a year, with copies and disk headroom (Twitter's tweets a day, imported) ----------------
year_one_copy = size(tweet_bytes_per_day * DAYS_PER_YEAR)
year_head = size(tweet_bytes_per_day * HEAD_YEAR_DAYS)  # "times 400, less a tenth"
tweet_copies = count(text_copies)  # Twitter's three copies, as a count for the page's givens
year_all_copies = size(year_one_copy * text_copies)
year_disk = size(year_all_copies / disk_fill)
twitter_five_years = tweet_bytes_total  # Twitter's own total, five years of three copies

# --- 4. Availability in series and in parallel -----------------------------------------------------------
database_pair = fraction(in_parallel(database_copy_availability, database_copies))
assert database_pair == two_copies_at_99  # the reference page's two copies at 99%, the same figure
# Each availability beside its downtime is 100% less what is down, rounded to three significant digits,
# and the downtime is worked from that printed share (the reference page's rule, availability()).
path_availability = availability(gateway_availability * service_availability * database_pair, SLO_WINDOW)
path_downtime = path_availability.downtime()
path_down_head = fraction((1 - gateway_availability) + (1 - service_availability) + (1 - database_pair))
# The usual slip: the copies multiplied as if in series, every one of them needed.
slip_series_availability = availability(
    gateway_availability * service_availability * in_series(database_copy_availability, database_copies),
    SLO_WINDOW,
)
slip_series_downtime = slip_series_availability.downtime()
# The ceiling's first reason: copies that fail together are only as good as one.
one_copy_availability = availability(
    gateway_availability * service_availability * database_copy_availability, SLO_WINDOW
)
one_copy_downtime = one_copy_availability.downtime()

# --- 5. Servers from a peak, with a zone to lose ---------------------------------------------------------
servers_for_peak = servers(whole_up(service_peak / requests_per_server))
servers_needed = servers(whole_per_zone(service_peak * zone_headroom / requests_per_server, zones))
servers_per_zone = servers(servers_needed // zones)
# The usual slip: "lose a third, so add a third".
slip_servers = servers(whole_per_zone(service_peak * (1 + 1 / zones) / requests_per_server, zones))
slip_left = servers(slip_servers // zones * (zones - 1))
slip_left_capacity = fraction(slip_left * requests_per_server / service_peak)
zone_lost_capacity = fraction(servers_per_zone * (zones - 1) * requests_per_server / service_peak)

# --- 6. Little's law: chat's phone connections (imported) ------------------------------------------------
session_arrivals = per_second(chat_daily_users * sessions_per_user_per_day / SECONDS_PER_DAY)
session_seconds = duration(minutes_per_phone_session * SECONDS_PER_MINUTE)
connections_by_little = count(session_arrivals * session_seconds)
assert round(connections_by_little) == round(phone_connections)  # the chat example's own figure
phone_sessions_per_day = per_day(chat_daily_users * sessions_per_user_per_day)
connection_minutes_per_day = count(phone_sessions_per_day * minutes_per_phone_session)

# --- 7. Cache for a hot set --------------------------------------------------------------------------------
hot_items = count(cache_distinct_items_per_day * hot_item_share)
cache_one_copy = size(hot_items * cache_entry_bytes)
cache_all_copies = size(cache_one_copy * cache_copies)
# Step 2's first guess (conversion 5, step 6): a share of a day's reads (a fifth) times an entry, one
# copy. A fifth of the reads and a fifth of the items differ by the day's reads per distinct item.
first_guess_entries = count(cache_reads_per_day * first_guess_read_share)
first_guess_cache = size(first_guess_entries * cache_entry_bytes)
first_guess_over_hot = times(first_guess_cache / cache_one_copy)
reads_per_item = count(cache_reads_per_day / cache_distinct_items_per_day)
hot_item_reads = per_day(cache_reads_per_day * hot_read_share)  # what the hot items themselves draw
reads_per_hot_item = count(hot_item_reads / hot_items)
# Step 2 caps the first guess at the bytes of every item the day's reads touch: an upper bound.
slip_all_items_cache = size(cache_distinct_items_per_day * cache_entry_bytes)
capped_first_guess_cache = size(min(first_guess_cache, slip_all_items_cache))
assert first_guess_cache > slip_all_items_cache  # here the cap is what sets the capped guess
# The usual slip: stopping at the capped guess when the items are known, not the hot fifth of them;
# or the replica left out.
slip_capped_over_hot = times(capped_first_guess_cache / cache_one_copy)
# The rule against the reference table's Zipf-like law, over that table's own catalog (one
# computation, one value: the figures are the reference page's, imported; the givens file checks the
# rule's shares against that table's).
zipf_catalogue_items = catalog_items
zipf_top_share = top_20_share[zipf_exponent]
zipf_items_for_hot_reads = items_for_80[zipf_exponent]
zipf_rule_short = times(zipf_items_for_hot_reads / hot_item_share)  # the memory for 80% over the rule's fifth
# The same table's items for 80% hits at the other exponents, against the rule's fifth.
items_for_80_at_06 = items_for_80[EXPONENTS[0]]
items_for_80_at_10 = items_for_80[EXPONENTS[2]]
rule_short_at_06 = times(items_for_80_at_06 / hot_item_share)
rule_over_at_10 = times(hot_item_share / items_for_80_at_10)

# --- 8. A monthly egress bill ------------------------------------------------------------------------------
month_bytes = size(api_egress * SECONDS_PER_MONTH)
month_billed_gb = BilledGb(month_bytes / GiB)  # GB of 2^30 bytes, the site's convention; prints every digit
assert month_billed_gb < cdn_first_tier_billed_gb  # the whole month at the first tier's price
month_list_bill = count(month_billed_gb * cdn_price_first)  # list price, every GB paid
month_bill = count((month_billed_gb - cdn_free_billed_gb) * cdn_price_first)  # after the free terabyte
free_tier_saving = count(cdn_free_billed_gb * cdn_price_first)
decimal_list_bill = count(month_bytes / 1e9 * cdn_price_first)  # list price, a GB read as 10^9 bytes
decimal_gb_over = fraction(decimal_list_bill / month_list_bill - 1)
HEAD_GIB_SHARE = round(1 - GB / GiB, 2)  # a GiB is 7.37% more than a GB: 7% fewer of them, in the head
HEAD_FREE_GB = round(cdn_free_billed_gb, -3)  # the free terabyte, taken as a thousand billed GB in the head
month_head_low = shortcut_month_low  # the month shortcut, used to multiply: step 2's figure, imported
month_head_bytes = size(api_egress * HEAD_MONTH)
# Convert to billed GB first, then take off the free terabyte, counted in the same GB.
month_head_billed_gb = count(round(month_head_bytes / 1e9 * (1 - HEAD_GIB_SHARE), -3))  # to a thousand
month_head_paid_gb = count(month_head_billed_gb - HEAD_FREE_GB)
month_head_bill = count(month_head_paid_gb * cdn_price_first)
month_head_exact = count((month_head_bytes / GiB - cdn_free_billed_gb) * cdn_price_first)  # at 2.5M s
# An aside: 3 MB/s read as 3 Mbit/s leaves an eighth of the bytes, inside the free terabyte.
slip_bits_billed_gb = count(month_billed_gb / 8)
assert slip_bits_billed_gb < cdn_free_billed_gb

# --- 9. Partitions from throughput and size -------------------------------------------------------------
# An item costs its size over a unit's, rounded up: a write unit covers 1 KB, a read unit 4 KB.
write_units_per_item = count(whole_up(item_bytes / write_unit_bytes))
read_units_per_item = count(whole_up(item_bytes / read_unit_bytes))
partitions_for_writes = count(whole_up(table_writes_peak * write_units_per_item / partition_write_units))
partitions_for_reads = count(whole_up(table_reads_peak * read_units_per_item / partition_read_units))
# Reads and writes are throttled separately (AWS), so the throughput needs the larger count, not the sum.
partitions_for_throughput = count(max(partitions_for_writes, partitions_for_reads))
partitions_for_size = count(whole_up(table_bytes / partition_bytes))
partitions_per_terabyte = count(TB / partition_bytes)
partitions = count(max(partitions_for_throughput, partitions_for_size))
throughput_share_of_partitions = fraction(partitions_for_throughput / partitions)
writes_per_partition = peak(table_writes_peak / partitions)  # the peak traffic each partition takes
write_limit_used = fraction(writes_per_partition / partition_write_units)

# --- 10. Tail latency: one slow call in N (the reference page's 100, imported) ----------------------------
small_fanout_slow_share = fraction(fanout_slow_share(small_fanout))
small_fanout_head = fraction(small_fanout * backend_slow_share)
large_fanout_slow_share = fraction(fanout_slow_share(large_fanout))
assert large_fanout_slow_share == fanout_100_slow_share  # the reference page's fan-out of 100
# What each backend's slow share must be for only the target share of fanned-out requests to wait on one.
per_backend_for_target = fraction(1 - (1 - request_slow_target) ** (1 / large_fanout))
# The fan-out from which a backend's p99 is below the request's median: 0.99^N falls under one half.
median_fanout = count(whole_up(math.log(0.5) / math.log(1 - backend_slow_share)))

# --- 11. A celebrity's fan-out on write (Twitter's, imported) ------------------------------------------
celebrity_over_average = times(celebrity_followers / follows_per_user)
celebrity_head_time = duration(celebrity_followers / round(fanout_fleet_capacity, -6))  # 5.47M a second as 5M
timeline_copies = count(timeline_cache_copies)  # a count of copies, for the page's givens
# At peak the fleet is busy with the peak's deliveries: only the zone headroom is free for the burst.
# The Twitter example gives only the idle fleet's figure (celebrity_fanout_time); this one is the drill's.
fanout_spare_at_peak = throughput(fanout_fleet_capacity - deliveries_per_second_peak)
celebrity_time_at_peak = duration(celebrity_followers / fanout_spare_at_peak)
# The unit slip: cache operations over the fleet's deliveries a second, a time of nothing.
slip_ops_over_fleet = duration(celebrity_cache_ops / fanout_fleet_capacity)

# --- 12. Sanity check: the claim is a thousand times too small ---------------------------------------------
claim_photos_per_day = per_day(claim_daily_users * claim_photos_per_user)
true_bytes_per_day = size_per_day(claim_photos_per_day * claim_photo_bytes)
claim_error = times(true_bytes_per_day / claimed_bytes_per_day)
claimed_bytes_per_photo = size(claimed_bytes_per_day / claim_photos_per_day)
claimed_ingress = bandwidth(claimed_bytes_per_day / SECONDS_PER_DAY)
true_ingress = bandwidth(true_bytes_per_day / SECONDS_PER_DAY)
claim_photos_per_second = per_second(claim_photos_per_day / SECONDS_PER_DAY)
claimed_ingress_mbit = count(claimed_ingress * 8 / 1e6)
# Disks filled a day: a rate, left unrounded (a count of disks to buy would be rounded up, a rate is not).
disks_a_day = count(true_bytes_per_day / claim_disk_bytes)
# As drill 3: every copy, on disks filled only to disk_fill. Drill 3's slip stops at the copies.
disks_a_day_copies_only = count(true_bytes_per_day * claim_copies / claim_disk_bytes)
disks_a_day_with_copies = count(true_bytes_per_day * claim_copies / disk_fill / claim_disk_bytes)

if __name__ != "practice_drills":
    print(
        markdown_table(
            ("Drill", "Answer", "Value", "Usual mistake", "Gives"),
            [
                ("1", "Tweets a second, average", tweets_per_second, "Day as 100,000 s", tweets_head),
                ("1", "Tweets a second, peak", tweets_per_second_peak, "Day as 100,000 s", tweets_head_peak),
                ("2", "Photo ingress (bytes; Gbit/s)", f"{ingress}; {ingress_gbit}", "", ""),
                ("2", "Photo egress (bytes; Gbit/s)", f"{egress}; {egress_gbit}", "", ""),
                ("2", "Egress, average, in 10 Gbit/s links at line rate", egress_in_ten_gbit_links, "", ""),
                ("2", "Egress at peak (bytes; Gbit/s)", f"{egress_peak}; {egress_peak_gbit}", "", ""),
                (
                    "2",
                    f"10 Gbit/s links at peak: full, payload only; at {link_ceiling}",
                    f"{links_full}; {links_needed}",
                    "GB/s read as Gbit/s",
                    slip_links,
                ),
                (
                    "2",
                    "The Twitter example: views a tweet; photo egress",
                    f"{twitter_views_per_tweet}; {twitter_photo_egress}",
                    "",
                    "",
                ),
                ("3", "Tweets a year, one copy", year_one_copy, "", ""),
                ("3", "Tweets a year, three copies", year_all_copies, "", ""),
                ("3", "Disk to hold them, half full", year_disk, "Copies only", year_all_copies),
                (
                    "4",
                    "Gateway, service, two database copies",
                    path_availability,
                    "Copies taken in series",
                    slip_series_availability,
                ),
                ("4", "Down in 30 days", path_downtime, "Copies taken in series", slip_series_downtime),
                (
                    "4",
                    "Copies that fail together: as one copy",
                    f"{one_copy_availability}; {one_copy_downtime}",
                    "",
                    "",
                ),
                ("5", "Servers for the peak alone", servers_for_peak, "", ""),
                ("5", "Servers to lose a zone", servers_needed, "Add a third", slip_servers),
                ("5", "Of the peak carried with a zone lost", zone_lost_capacity, "Add a third", slip_left_capacity),
                ("6", "Phone sessions starting a second", session_arrivals, "", ""),
                ("6", "Phone connections, average; peak", f"{phone_connections}; {phone_connections_peak}", "", ""),
                ("7", "Hot items", hot_items, "", ""),
                (
                    "7",
                    "Cache, one copy; with copies",
                    f"{cache_one_copy}; {cache_all_copies}",
                    "Stopping at the capped first guess",
                    capped_first_guess_cache,
                ),
                (
                    "7",
                    f"Step 2's first guess: {first_guess_read_share} of a day's reads, one copy; "
                    "capped at every item touched",
                    f"{first_guess_cache}; {capped_first_guess_cache}",
                    "",
                    "",
                ),
                (
                    "7",
                    f"Zipf 0.8 over the reference's {zipf_catalogue_items} items: reads the top fifth draws; "
                    "items for 80% of reads",
                    f"{zipf_top_share}; {zipf_items_for_hot_reads}",
                    "",
                    "",
                ),
                (
                    "7",
                    "Reference table, items for 80% hits: at 0.6; at 1.0",
                    f"{items_for_80_at_06}; {items_for_80_at_10}",
                    "",
                    "",
                ),
                ("8", "Bytes a month", month_bytes, "", ""),
                (
                    "8",
                    "In the head: billed GB; bill (exact at 2.5M s)",
                    f"{month_head_billed_gb}; {month_head_bill} ({month_head_exact})",
                    "",
                    "",
                ),
                (
                    "8",
                    "Bill a month, US dollars: list; after the free terabyte",
                    f"{month_list_bill}; {month_bill}",
                    "Free tier left out",
                    month_list_bill,
                ),
                ("8", "List price, a GB read as 10^9 bytes", decimal_list_bill, "", ""),
                ("8", "Billed GB if MB/s is read as Mbit/s (all free)", slip_bits_billed_gb, "", ""),
                (
                    "9",
                    "Units an item: to write; to read",
                    f"{write_units_per_item}; {read_units_per_item}",
                    "",
                    "",
                ),
                ("9", "Partitions for writes; reads", f"{partitions_for_writes}; {partitions_for_reads}", "", ""),
                ("9", "Partitions for size", partitions_for_size, "Throughput only", partitions_for_throughput),
                ("9", "Share of a partition's write limit used", write_limit_used, "", ""),
                (
                    "10",
                    "Requests slow, fan-out of 10; of 100",
                    f"{small_fanout_slow_share}; {fanout_100_slow_share}",
                    "",
                    "",
                ),
                ("10", "Each backend's slow share for 1% at 100", per_backend_for_target, "", ""),
                ("10", "Fan-out from which a backend's p99 is below the request's median", median_fanout, "", ""),
                ("11", "Fan-out fleet, peak capacity", fanout_fleet_capacity, "", ""),
                ("11", "One celebrity tweet: fleet busy for", celebrity_fanout_time, "", ""),
                (
                    "11",
                    "One celebrity tweet: cache operations; entries written",
                    f"{celebrity_cache_ops}; {celebrity_written_deliveries}",
                    "",
                    "",
                ),
                (
                    "11",
                    "The fleet's spare at peak; the tweet's time on it",
                    f"{fanout_spare_at_peak}; {celebrity_time_at_peak}",
                    "",
                    "",
                ),
                ("12", "Bytes a day, recomputed", true_bytes_per_day, "The claim", claimed_bytes_per_day),
                ("12", "The claim's bytes a photo", claimed_bytes_per_photo, "", ""),
                (
                    "12",
                    f"Disks a day; with {claim_copies} copies, filled to {disk_fill}",
                    f"{disks_a_day}; {disks_a_day_with_copies}",
                    "Copies only, disks full",
                    disks_a_day_copies_only,
                ),
            ],
        )
    )
