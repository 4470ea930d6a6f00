"""Concepts, web crawling: the inputs every concept_crawl snippet shares, each with its source or
marked as the page's own assumption.

Published figures:
- Common Crawl, December 2024 (https://commoncrawl.org/blog/december-2024-crawl-archive-now-available):
  2.64 billion pages, 394 TiB of uncompressed content, crawled between December 1st and 15th, from
  47.5 million hosts; 1.05 billion of its URLs had not been visited in any earlier crawl. Its pages are
  nearly all HTML, so the content a page averages is close to one HTML response with its headers.
- IRLbot (Lee, Leonard, Wang and Loguinov, "IRLbot: Scaling to 6 Billion Pages and Beyond", WWW 2008,
  https://archives.iw3c2.org/www2008/papers/fp865.html): one server crawled 6.3 billion valid HTML pages in 41
  days, 1,789 pages a second on average.
- Google, "We knew the web was big" (2008,
  https://googleblog.blogspot.com/2008/07/we-knew-web-was-big.html): a trillion unique URLs known,
  duplicates removed; far more URLs than any index keeps pages.
- Manning, Raghavan and Schuetze, Introduction to Information Retrieval, section 20.2.3
  (https://nlp.stanford.edu/IR-book/html/htmledition/the-url-frontier-1.html): the gap between two
  fetches from one host is set an order of magnitude above the time the last fetch took; the
  section describes the front and back queues of the Mercator frontier and its rule of three back
  queues per crawler thread, both from Najork and Heydon, "High-Performance Web Crawling" (Compaq
  SRC report 173, 2001; Handbook of Massive Data Sets, 2002).
- RFC 9309 (https://www.rfc-editor.org/rfc/rfc9309): a robots.txt should not be cached for more than
  24 hours unless unreachable; parsers read at least the first 500 KiB; at least five redirects
  should be followed to fetch it.
- Manku, Jain and Das Sarma, "Detecting Near-Duplicates for Web Crawling", WWW 2007
  (https://doi.org/10.1145/1242572.1242592): 64-bit SimHash fingerprints, near-duplicates within a
  Hamming distance of 3, for a collection of 8 billion pages.
- Manku et al. size their tables for 2^34 fingerprints (their 8 billion pages, rounded up to a power
  of two).
- Drive writes a day: an SSD's endurance is rated in full-capacity writes a day over its warranty
  (https://blocksandfiles.com/2022/04/24/dwpd/, whose example is a 1 DWPD drive); read-intensive data
  center drives are rated at about 1, mixed-use ones at about 3. The page takes a read-intensive drive.
- Googlebot, as Google revised the page in February 2026
  (https://developers.google.com/search/docs/crawling-indexing/googlebot): for Search it fetches the
  first 2 MB of an HTML or text file, HTTP headers included, and the first 64 MB of a PDF; 15 MB is
  the default of Google's crawlers and fetchers in general.

The page's own assumptions (no published figure we could confirm):
- The crawl: 10 billion pages kept fresh, each fetched every 10 days on average. The crawler makes its
  own load, so its peak is a choice: sized at twice the average, enough to catch up a day lost to an
  outage within one further day while the normal schedule runs.
- Compression: HTML compressed with gzip (or stored in compressed WARC files) takes a quarter of its
  bytes.
- A fetch takes 500 ms on average, connection, first byte and body; the gap before the next fetch
  from the same host is ten times that (the IR book's order of magnitude), so a host gives one fetch
  per fetch time plus gap.
- One crawler node makes 1,000 fetches a second, under what IRLbot did on one server; the fleet runs
  one node more than the peak needs, so the peak holds with a node lost.
- A large site holds 10 million pages; a hundred URLs of one site are found together.
- URLs seen: ten for every page kept, 100 billion, counting links never crawled (Google's trillion shows
  the known URLs outrun the pages). A normalized URL averages 80 B.
- The URL-seen test: a Bloom filter at a 1% false-positive rate, for comparison; the exact set keeps
  64-bit fingerprints of normalized URLs (as Mercator's URL-seen test did), in memory as an
  open-addressed table 1.5 times their size (two-thirds full).
- A crawler node: the reference machine's RAM and usable share (reference_capacity), of whose usable
  memory the URL table may take half (the SimHash tables and the queues' heads, buffers and DNS cache
  share the rest); one NVMe SSD, the reference page's data-center drive (reference_capacity: Intel's
  D7-P5500, 3.84 TB, its rated random 4 KiB reads (nvme_random_reads) planned at the utilization the
  reference page plans a CPU at), which holds the frontier: an entry (URL, priority,
  next fetch time) of 100 B for every URL seen, an upper bound on those queued; a checkpoint read
  back from the object store at 1 GB a second; a lost node's table rebuilt at 20 million inserts a
  second. A batched URL-set merge, if used, runs once an hour.
- Politeness per address: 2 fetches a second to one IP address across the fleet; a shared-hosting
  address serves 1,000 sites.
- Retention: old versions are dropped by compacting an archive once its live share falls to half.
- Retention: the latest copy of every page and two older versions.
- Pages per host: as in Common Crawl's December 2024 crawl.
- DNS: a lookup that misses every cache takes 50 ms, and 1 s while an upstream server is slow or
  losing packets; a blocking resolver call (getaddrinfo) ties up one of 64 threads for that time.
- Links: each page holds as many links as IRLbot parsed per page (394 billion links from 6.3 billion
  pages). The exact URL set is merged against sorted batches, read sequentially at 1 GB a second and
  written back at 1 GB a second; the read and the write share the drive, so a pass takes both times.
- Revisits: half the pages change daily, half monthly.
- Traps: a wildcard DNS record mints 1,000 host names for one trap.
- Failures: a host's queue lease lasts 30 s; clocks drift by at most 1 s over it; a fetch's total
  deadline is 30 s; 1 fetch in 1,000 meets a
  server that drips bytes slowly enough to pass every read timeout, and without a total deadline it
  holds its connection for 10 minutes; a page is cut off where Googlebot cuts HTML off.
"""

from reference_capacity import (
    memory_bytes,
    nvme_drive_bytes,
    nvme_planned_reads,
    nvme_random_reads,
    usable_memory_share,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_MINUTE,
    GiB,
    TiB,
    count,
    duration,
    fraction,
    markdown_table,
    per_day,
    per_second,
    size,
    throughput,
    times,
)

# --- Published anchors ------------------------------------------------------------------------------------
COMMON_CRAWL_PAGES = 2.64e9
COMMON_CRAWL_BYTES = 394 * TiB  # uncompressed content
COMMON_CRAWL_DAYS = 15  # December 1st to 15th, 2024
COMMON_CRAWL_HOSTS = 47.5e6
COMMON_CRAWL_NEW_URLS = 1.05e9
IRLBOT_PAGES_PER_SECOND = 1_789
IRLBOT_PAGES = 6.3e9
IRLBOT_LINKS = 394e9
GOOGLE_2008_URLS = 1e12
POLITENESS_MULTIPLE = 10  # IR book: gap an order of magnitude above the last fetch's time
BACK_QUEUES_PER_THREAD = 3  # Najork and Heydon 2002, via the IR book
ROBOTS_CACHE_SECONDS = SECONDS_PER_DAY  # RFC 9309, section 2.4: SHOULD NOT cache longer
SIMHASH_BITS = 64  # Manku et al.
SIMHASH_DISTANCE = 3
MANKU_PAGES = 8e9
MANKU_LOG2_FINGERPRINTS = 34  # Manku et al.'s d: 8B pages taken as 2^34
GOOGLEBOT_HTML_BYTES = 2e6  # for Search, HTTP headers included
GOOGLEBOT_PDF_BYTES = 64e6
GOOGLE_CRAWLER_DEFAULT_BYTES = 15e6  # Google's crawlers and fetchers in general
SSD_RATED_DRIVE_WRITES_PER_DAY = 1  # a read-intensive data center drive

# --- The page's assumptions -------------------------------------------------------------------------------
TARGET_PAGES = 10e9
REVISIT_DAYS = 10
PEAK_TO_AVERAGE = 2
COMPRESSION = 4
FETCH_SECONDS = 0.5
NODE_FETCHES_PER_SECOND = 1_000
SPARE_NODES = 1  # the peak still met with one node lost
BIG_HOST_PAGES = 10e6
SITE_BURST = 100  # URLs of one site found together
URLS_PER_PAGE_KEPT = 10
URL_BYTES = 80  # a normalized URL, on average
BLOOM_FALSE_POSITIVE = 0.01
FINGERPRINT_BYTES = 8
DNS_MISS_SECONDS = 0.05
DNS_SLOW_SECONDS = 1
SEQUENTIAL_READ_BYTES_PER_SECOND = 1e9
SEQUENTIAL_WRITE_BYTES_PER_SECOND = 1e9  # shares the drive with the reads: a pass's read and write add
TABLE_OVERHEAD = 1.5  # open addressing, two-thirds full
TABLE_RAM_SHARE = 0.5  # of the node's usable memory
SSD_RANDOM_READS_PER_SECOND = float(nvme_random_reads)
SSD_PLANNED_READS_PER_SECOND = float(nvme_planned_reads)  # at the reference page's CPU utilization
SSD_BYTES = float(nvme_drive_bytes)
MERGE_INTERVAL_SECONDS = SECONDS_PER_HOUR  # a batched URL-set merge, if used: once an hour
TABLE_INSERTS_PER_SECOND = 20e6  # rebuilding a lost node's share of the in-memory table
ADDRESS_FETCHES_PER_SECOND = 2  # fleet-wide cap on one IP address
SHARED_HOST_SITES = 1_000
COMPACT_LIVE_SHARE = 0.5  # an archive is compacted once half its bytes are dropped versions
FRONTIER_ENTRY_BYTES = 100
RESTORE_BYTES_PER_SECOND = 1e9
RETAINED_VERSIONS = 3  # the latest copy and two older ones
RESOLVER_THREADS = 64
LEASE_SECONDS = 30
CLOCK_MARGIN_SECONDS = 1
FETCH_DEADLINE_SECONDS = 30
SLOW_DRIP_SHARE = 0.001
SLOW_DRIP_HOLD_SECONDS = 10 * SECONDS_PER_MINUTE
PAGE_CAP_BYTES = GOOGLEBOT_HTML_BYTES
FAST_CHANGES_PER_DAY = 1  # half the pages change daily...
SLOW_CHANGES_PER_DAY = 1 / 30  # ...and half monthly
FAST_PAGE_SHARE = 0.5
TRAP_SUBDOMAINS = 1_000  # host names a wildcard DNS record mints for one trap

# Common Crawl's December 2024 crawl, turned into rates and sizes.
common_crawl_pages = count(COMMON_CRAWL_PAGES)
common_crawl_bytes = size(COMMON_CRAWL_BYTES)
common_crawl_days = duration(COMMON_CRAWL_DAYS * SECONDS_PER_DAY)
common_crawl_rate = per_second(COMMON_CRAWL_PAGES / (COMMON_CRAWL_DAYS * SECONDS_PER_DAY))
common_crawl_hosts = count(COMMON_CRAWL_HOSTS)
common_crawl_new_urls = count(COMMON_CRAWL_NEW_URLS)
PAGE_BYTES = COMMON_CRAWL_BYTES / COMMON_CRAWL_PAGES  # mean uncompressed content a page
page_bytes = size(PAGE_BYTES)
PAGES_PER_HOST = COMMON_CRAWL_PAGES / COMMON_CRAWL_HOSTS
pages_per_host = count(PAGES_PER_HOST)
irlbot_rate = throughput(IRLBOT_PAGES_PER_SECOND)
LINKS_PER_PAGE = IRLBOT_LINKS / IRLBOT_PAGES
links_per_page = count(LINKS_PER_PAGE)
google_2008_urls = count(GOOGLE_2008_URLS)
politeness_multiple = count(POLITENESS_MULTIPLE)
back_queues_per_thread = count(BACK_QUEUES_PER_THREAD)
robots_cache = duration(ROBOTS_CACHE_SECONDS)
simhash_bits = count(SIMHASH_BITS)
simhash_distance = count(SIMHASH_DISTANCE)
manku_pages = count(MANKU_PAGES)
manku_log2_fingerprints = count(MANKU_LOG2_FINGERPRINTS)
ssd_rated_drive_writes = per_day(SSD_RATED_DRIVE_WRITES_PER_DAY)
googlebot_html_limit = size(GOOGLEBOT_HTML_BYTES)
googlebot_pdf_limit = size(GOOGLEBOT_PDF_BYTES)
google_crawler_default_limit = size(GOOGLE_CRAWLER_DEFAULT_BYTES)

target_pages = count(TARGET_PAGES)
revisit_interval = duration(REVISIT_DAYS * SECONDS_PER_DAY)
peak_to_average = count(PEAK_TO_AVERAGE)
compression = count(COMPRESSION)
fetch_time = duration(FETCH_SECONDS)
node_rate = throughput(NODE_FETCHES_PER_SECOND)
big_host_pages = count(BIG_HOST_PAGES)
site_burst = count(SITE_BURST)
URLS_SEEN = TARGET_PAGES * URLS_PER_PAGE_KEPT
urls_seen = count(URLS_SEEN)
url_bytes = size(URL_BYTES)
bloom_false_positive = fraction(BLOOM_FALSE_POSITIVE)
fingerprint_bytes = size(FINGERPRINT_BYTES)
dns_miss_time = duration(DNS_MISS_SECONDS)
dns_slow_time = duration(DNS_SLOW_SECONDS)
sequential_read = throughput(SEQUENTIAL_READ_BYTES_PER_SECOND, "B/s")
sequential_write = throughput(SEQUENTIAL_WRITE_BYTES_PER_SECOND, "B/s")
table_overhead = times(TABLE_OVERHEAD)
node_ram = size(memory_bytes)
node_ram_gib = count(memory_bytes / GiB)
usable_ram_share = fraction(usable_memory_share)
table_ram_share = fraction(TABLE_RAM_SHARE)
ssd_random_reads = throughput(SSD_RANDOM_READS_PER_SECOND)
ssd_planned_reads = throughput(SSD_PLANNED_READS_PER_SECOND)
ssd_bytes = size(SSD_BYTES)
merge_interval = duration(MERGE_INTERVAL_SECONDS)
table_insert_rate = throughput(TABLE_INSERTS_PER_SECOND)
address_rate = throughput(ADDRESS_FETCHES_PER_SECOND)
shared_host_sites = count(SHARED_HOST_SITES)
compact_live_share = fraction(COMPACT_LIVE_SHARE)
frontier_entry_bytes = size(FRONTIER_ENTRY_BYTES)
restore_rate = throughput(RESTORE_BYTES_PER_SECOND, "B/s")
retained_versions = count(RETAINED_VERSIONS)
resolver_threads = count(RESOLVER_THREADS)
lease_time = duration(LEASE_SECONDS)
clock_margin = duration(CLOCK_MARGIN_SECONDS)
spare_nodes = count(SPARE_NODES)
fetch_deadline = duration(FETCH_DEADLINE_SECONDS)
slow_drip_share = fraction(SLOW_DRIP_SHARE)
slow_drip_hold = duration(SLOW_DRIP_HOLD_SECONDS)
page_cap = size(PAGE_CAP_BYTES)
fast_changes = per_day(FAST_CHANGES_PER_DAY)
slow_changes = per_day(SLOW_CHANGES_PER_DAY)
fast_page_share = fraction(FAST_PAGE_SHARE)
trap_subdomains = count(TRAP_SUBDOMAINS)

if __name__ != "concept_crawl_assumptions":
    print(
        markdown_table(
            ("Input", "Value", "Source"),
            [
                ("Common Crawl, December 2024: pages", common_crawl_pages, "Common Crawl"),
                ("... uncompressed content", common_crawl_bytes, "Common Crawl (394 TiB)"),
                ("... crawled in", common_crawl_days, "Common Crawl"),
                ("... hosts", common_crawl_hosts, "Common Crawl"),
                ("... URLs never visited before", common_crawl_new_urls, "Common Crawl"),
                ("IRLbot, one server, pages a second", irlbot_rate, "Lee et al., WWW 2008"),
                ("IRLbot, links parsed a page", links_per_page, "Lee et al.: 394 billion from 6.3 billion"),
                ("Unique URLs Google knew in 2008", google_2008_urls, "Google"),
                ("Gap before a host's next fetch, in fetch times", politeness_multiple, "IR book, 20.2.3"),
                ("Back queues per crawler thread", back_queues_per_thread, "Najork and Heydon 2002, via the IR book"),
                ("robots.txt cached for no more than", robots_cache, "RFC 9309 (should not)"),
                ("SimHash bits; near-duplicate distance", f"{simhash_bits}; {simhash_distance}", "Manku et al."),
                ("SimHash tables sized for 2 to the power", manku_log2_fingerprints, "Manku et al.: 8B as 2^34"),
                (
                    "A data center SSD's rated drive writes",
                    ssd_rated_drive_writes,
                    "Read-intensive class (Blocks and Files)",
                ),
                (
                    "Googlebot reads of an HTML file; of a PDF",
                    f"{googlebot_html_limit}; {googlebot_pdf_limit}",
                    "Google, 2026",
                ),
                ("Google's crawlers in general read", google_crawler_default_limit, "Google, 2026"),
                ("Pages kept fresh", target_pages, "Assumed"),
                ("Mean revisit interval", revisit_interval, "Assumed"),
                ("Peak to average", peak_to_average, "Assumed: catch up a lost day in a day"),
                ("HTML shrinks by compression to one part in", compression, "Assumed"),
                ("A fetch takes", fetch_time, "Assumed"),
                ("One node's fetches a second", node_rate, "Assumed, under IRLbot's"),
                ("Spare nodes beyond the peak's", spare_nodes, "Assumed: survive one lost node"),
                ("Pages on a large site", big_host_pages, "Assumed"),
                ("URLs of one site found together", site_burst, "Assumed"),
                ("URLs seen", urls_seen, "Assumed: ten per page kept"),
                ("A normalized URL", url_bytes, "Assumed"),
                ("Bloom filter false positives, for comparison", bloom_false_positive, "Assumed"),
                ("Exact set: bytes a URL fingerprint", fingerprint_bytes, "Assumed, as Mercator"),
                ("DNS lookup missing every cache", dns_miss_time, "Assumed"),
                ("... while an upstream server is slow", dns_slow_time, "Assumed"),
                ("Sequential read of the URL set", sequential_read, "Assumed"),
                ("... and write back", sequential_write, "Assumed: shares the drive, so adds to the read"),
                ("In-memory table over its fingerprints", table_overhead, "Assumed: two-thirds full"),
                (
                    "A node's RAM; usable share",
                    f"{node_ram_gib} GiB ({node_ram}); {usable_ram_share}",
                    "The reference machine",
                ),
                ("Share of usable RAM the URL table may take", table_ram_share, "Assumed"),
                (
                    "One NVMe SSD: capacity; random 4 KiB reads, rated; planned",
                    f"{ssd_bytes}; {ssd_random_reads}; {ssd_planned_reads}",
                    "Intel D7-P5500, planned as a CPU, via the reference page",
                ),
                ("A batched URL-set merge, if used, every", merge_interval, "Assumed"),
                ("Rebuilding a lost share of the URL table", table_insert_rate, "Assumed"),
                ("Fetches to one IP address, whole fleet", address_rate, "Assumed"),
                ("Sites on a shared-hosting address", shared_host_sites, "Assumed"),
                ("Archive compacted when its live share falls to", compact_live_share, "Assumed"),
                ("A frontier entry", frontier_entry_bytes, "Assumed"),
                ("Checkpoint read from the object store", restore_rate, "Assumed"),
                ("Versions kept of a page", retained_versions, "Assumed: latest and two older"),
                ("Threads for blocking lookups", resolver_threads, "Assumed"),
                ("Host-queue lease; clock drift margin", f"{lease_time}; {clock_margin}", "Assumed"),
                ("A fetch's total deadline", fetch_deadline, "Assumed"),
                ("Fetches meeting a slow-drip server", slow_drip_share, "Assumed"),
                ("... held without a deadline for", slow_drip_hold, "Assumed"),
                ("Page size cap", page_cap, "As Googlebot (Google, 2026)"),
                ("Changes of a fast page; of a slow page", f"{fast_changes}; {slow_changes}", "Assumed"),
                ("Share of pages that change fast", fast_page_share, "Assumed"),
                ("Host names a wildcard trap mints", trap_subdomains, "Assumed"),
            ],
        )
    )
