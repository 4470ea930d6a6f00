"""Reference: rules of thumb for estimates, each with its figure, its basis and where it breaks.

Every figure is imported from the snippet that computes it (or from its source data); this file
only lays them side by side.
"""

from reference_availability_chains import fanout_100_slow_share
from reference_bandwidth import hdd_capacity, hdd_full_read
from reference_cache_skew import top_20_at_08
from reference_capacity import api_read_per_server, api_write_per_server
from reference_fiber import sf_amsterdam_rtt_floor, zone_pair_rtt_floor
from reference_peaks import smooth_day_max, smooth_day_third, twitter_2013_spike, waking_12_hours
from reference_powers import ephemeral_ports
from reference_replication import five_replicas_tolerate, rs_6_3_overhead, three_copies_overhead
from sources import cite
from twitter_traffic import page_loads_per_tweet, tweet_views_per_tweet

from sdw.estimation import count, fraction, markdown_table, round_significant, times

# TAO (Bronson et al., USENIX ATC 2013): reads were 99.8% of requests to Facebook's social graph store.
# A share given to one decimal place puts the ratio anywhere from 99.75/0.25 = 399 to
# 99.85/0.15 = 666, so it is quoted to one significant digit: about 500, not 499.
tao_read_share = 0.998
tao_reads_per_write = count(float(round_significant(tao_read_share / (1 - tao_read_share), 1)))
# A cache in front of a store: the store sees only the misses, and all of them if the cache is lost.
cache_hit_rate = 0.95
miss_multiplier = times(1 / (1 - cache_hit_rate))

RULES = [
    (
        "A fifth of the items take most requests",
        f"Top 20% get {top_20_at_08} (Zipf 0.8)",
        cite("Breslau 1999", "Breslau et al. 1999") + "; computed below",
        "Access is flat: scans, crawlers, batch jobs",
    ),
    (
        "A cache shields the store from all but misses",
        f"{miss_multiplier} more store load without a {fraction(cache_hit_rate)} cache",
        "Reasoning: the store sees 1 - hit rate",
        "Cold start, mass expiry, a lost cache node",
    ),
    (
        "Social products read far more than they write",
        f"About {tao_reads_per_write} reads per write",
        cite("TAO 2013", "TAO, USENIX ATC 2013"),
        "Metrics, logs, IoT: writes dominate",
    ),
    (
        "Feeds show each write many times",
        f"{tweet_views_per_tweet} tweets shown on home and profile pages per tweet written; "
        f"{page_loads_per_tweet} page loads per tweet written",
        "This site's Twitter model",
        "Chat: each message is read by few",
    ),
    (
        "A normal day peaks at one and a half to about three times its average",
        f"{smooth_day_third}–{smooth_day_max} (smooth waves), {waking_12_hours} (12 busy hours)",
        "Reasoning: the shape of the day, computed below",
        "Events, launches, retry storms",
    ),
    (
        "Events break the daily shape",
        f"{twitter_2013_spike} Twitter's 2013 average",
        cite("Twitter 2013", "Twitter Engineering blog, 2013"),
        "Users act alone, with no shared live moments (back-office tools)",
    ),
    (
        "Keep three copies",
        f"{three_copies_overhead} storage; erasure coding {rs_6_3_overhead}",
        cite("GFS 2003", "GFS 2003") + ", " + cite("HDFS", "HDFS defaults"),
        "Copies share a rack, zone or bad deploy",
    ),
    (
        "Rebuilds are slow on big disks",
        f"{hdd_full_read} to read one drive",
        cite("Seagate 2024", f"a {hdd_capacity} drive, 2024")
        + ", read at "
        + cite("Seagate 2021", "the Exos X20's rate")
        + "; computed",
        "Copies spread over many disks (GFS, HDFS) are re-copied from all of them at once",
    ),
    (
        "Five voters survive two failures",
        f"{five_replicas_tolerate} of 5 may fail",
        cite("Raft 2014", "Raft, USENIX ATC 2014") + ": majority quorum",
        "Three of the five share one zone",
    ),
    (
        "Zones are close, regions are far",
        f"Floors: {zone_pair_rtt_floor} for zones 100 km apart vs {sf_amsterdam_rtt_floor} (San Francisco-Amsterdam)",
        cite("AWS zones", "AWS zones within 100 km") + "; fiber physics",
        "Two regions in one metropolitan area are close too",
    ),
    (
        "Fan-out turns rare slowness into the norm",
        f"{fanout_100_slow_share} of requests hit a slow backend (100)",
        cite("Tail at Scale 2013", "The Tail at Scale, CACM 2013"),
        "Slow calls are correlated, not independent",
    ),
    (
        "Outbound connections to one backend are finite",
        f"{ephemeral_ports} ports per destination",
        cite("Linux ports", "Linux default ip_local_port_range"),
        "More source addresses or a wider port range raise the cap",
    ),
    (
        "One API server: thousands of reads a second",
        f"{api_read_per_server} reads, {api_write_per_server} writes",
        "Reasoning: CPU ms per request (below)",
        "Slow runtimes, chatty ORMs: measure",
    ),
]

if __name__ != "reference_rules":
    print(markdown_table(("Rule of thumb", "Figure", "Source or reasoning", "Breaks when"), RULES))
