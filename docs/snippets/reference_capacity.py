"""Reference: requests one server handles by kind of work, and how many things fit in one machine.

Most rows are reasoning, not measurement: a CPU cost per request (stated, and worth replacing with
your own profile) turned into a rate. The sourced rows anchor the scale.
"""

import math

from reference_bandwidth import hdd_capacity_bytes, hdd_full_read
from sources import cite

from sdw.estimation import (
    GB,
    KB,
    MB,
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    GiB,
    count,
    duration,
    fraction,
    markdown_table,
    size,
    throughput,
)

# --- The machine the rows assume -------------------------------------------------------------------------
# vCPUs (hardware threads) of a mid-size cloud instance. Every rate below counts one worker per vCPU,
# each as fast as the core its cost was measured on: optimistic where a vCPU is half a physical core.
cores = 16
# Headroom for the busy second, garbage collection and tail latency. Room to lose a zone is not
# in it: the server count multiplies by Z / (Z - 1) for that (step 7).
target_utilization = 0.6
# Memory is built in binary units: a "256 GB" machine holds 256 GiB, 275 GB (the powers-of-two reference).
memory_bytes = 256 * GiB
usable_memory_share = 0.7  # the rest: operating system, allocator fragmentation, replication buffers

# --- CPU time per request, by kind of work (stated assumptions, except where a source is named) ----------
# Redis 2.2 documentation, "How fast is Redis?" (about 2011): about 81,000 GETs a second from one
# single-threaded process on a 2.5 GHz Xeon X3320, 50 clients over the loopback, no pipelining.
redis_gets_per_second = 81_000
WORK = [
    (
        "In-memory key-value GET",
        1 / redis_gets_per_second,
        cite("Redis", "Redis 2.2 docs") + ": measured for one process on a physical core; one process per vCPU assumed",
    ),
    ("Static or cached response", 0.1e-3, "Assumed: parse, look up, write"),
    ("API read served from a cache", 2e-3, "Assumed: auth, a cache call, JSON"),
    ("API write with a database transaction", 10e-3, "Assumed: validation, ORM, commit"),
    ("Server-rendered HTML page", 30e-3, "Assumed: several queries, templates"),
    ("Image resize or short transcode", 300e-3, "Assumed: CPU-bound media work"),
]
work_rows = [
    (
        kind,
        duration(cpu_seconds),
        throughput(1 / cpu_seconds),
        throughput(cores * target_utilization / cpu_seconds),
        basis,
    )
    for kind, cpu_seconds, basis in WORK
]

# --- How many things fit in one machine's memory -----------------------------------------------------------
ITEMS = [
    ("Session or counter (key and value)", 100),
    ("User profile row", 1 * KB),
    ("Rendered page fragment", 10 * KB),
    ("Thumbnail image", 100 * KB),
    ("Photo", 2 * MB),
]
usable_memory = usable_memory_share * memory_bytes
memory_rows = [(item, size(item_bytes), count(usable_memory / item_bytes)) for item, item_bytes in ITEMS]

# --- Connections ---------------------------------------------------------------------------------------------
# WhatsApp blog, "1 million is so 2011" (January 2012): 2,277,845 open TCP connections on one FreeBSD
# server with 24 hardware threads and 103,062,118,400 bytes of physical memory, with CPU and memory to spare.
whatsapp_connections = 2_277_845
whatsapp_memory_bytes = 103_062_118_400
memory_per_connection_ceiling = size(whatsapp_memory_bytes / whatsapp_connections)
connections_in_our_machine = count(usable_memory / (whatsapp_memory_bytes / whatsapp_connections))

# --- Disk -----------------------------------------------------------------------------------------------------
drives_per_storage_server = 24  # assumed: a dense storage chassis
drive_bytes = hdd_capacity_bytes  # a large drive of today (latency reference)
raw_disk_per_server = size(drives_per_storage_server * drive_bytes)
# Data stored per server once every byte is kept three times, or erasure coded 6 data + 3 parity.
disk_rows = [
    ("Raw capacity", raw_disk_per_server),
    ("Data held with three full copies", size(drives_per_storage_server * drive_bytes / 3)),
    ("Data held with 6+3 erasure coding", size(drives_per_storage_server * drive_bytes * 6 / 9)),
    ("Time to read one drive end to end", hdd_full_read),
]

# --- One data-center NVMe SSD ---------------------------------------------------------------------------------
# Intel SSD D7-P5500, 3.84 TB (PCIe 4.0 x4, TLC; Intel 2020, its product specification): random 4 KiB reads
# over the whole drive, up to 1,000,000 a second, the series' headline rating at a deep queue (a single read
# waits tens of microseconds to about a tenth of a millisecond across drive generations, reference_latency).
# The pages that keep an index on local SSD take this drive and plan its reads at the utilization a CPU
# is planned at (target_utilization): near its rating a drive holds many reads queued, each waiting behind
# the others (Little's law), and the rating assumes reads alone, no writes sharing the drive.
nvme_drive_bytes = size(3.84e12)
nvme_random_reads = throughput(1_000_000)
nvme_planned_reads = throughput(target_utilization * nvme_random_reads)
nvme_rows = [
    ("Capacity", nvme_drive_bytes),
    ("Random 4 KiB reads a second, whole drive, deep queue", nvme_random_reads),
    (f"... planned at {fraction(target_utilization)}, as a CPU is", nvme_planned_reads),
]

# --- A relational shard ------------------------------------------------------------------------------------
# The data one relational shard (one primary and its replicas) is kept to, so that restoring it from a backup
# or rebuilding a replica finishes in time: Vitess recommends about 250 GB a shard, "driven primarily by the
# recovery time should an instance fail", a full restore from backup taking less than 15 minutes
# (https://vitess.io/docs/faq/operating-vitess/overview/). A server's disk could hold far more, and a whole
# drive takes hdd_full_read to read once. The worked examples count a table's relational shards as the
# bytes of one copy over this size, rounded up.
relational_shard_bytes = size(250 * GB)

# --- A wide-column store (Cassandra's row format) --------------------------------------------------------------
# The worked examples that keep rows in one size them with these. A partition carries its key, a partition
# header, an index entry and cell timestamps beyond its data; a row inside a shared partition (a clustering
# row) its flags, clustering header, two size fields, a timestamp and a flag byte a cell. A server answers
# reads of recent partitions mostly from its block cache, and reads of old ones with an SSD read each.
wide_column_partition_overhead = size(100)
wide_column_row_overhead = size(16)
wide_column_recent_reads_per_server = throughput(20e3)
wide_column_cold_reads_per_server = throughput(10e3)

# Figures the page quotes.
kv_gets_per_process = throughput(redis_gets_per_second)
kv_gets_per_server = throughput(cores * target_utilization * redis_gets_per_second)
api_read_per_server = throughput(cores * target_utilization / WORK[2][1])
api_write_per_server = throughput(cores * target_utilization / WORK[3][1])
machine_cores = count(cores)
utilization_target = fraction(target_utilization)
machine_memory = size(memory_bytes)
machine_memory_gib = count(memory_bytes / GiB)
usable_memory_size = size(usable_memory)
profiles_in_memory = count(usable_memory / KB)
whatsapp_connection_count = count(whatsapp_connections)

# --- Kafka: why an append stalls when a zone is lost (shared by the Twitter and URL shortener examples) ---
# Kafka's defaults, quoted (https://kafka.apache.org/documentation/): a follower in the lost zone stays
# in the in-sync set until its broker is fenced (broker.session.timeout.ms, KRaft) or until it has
# lagged replica.lag.time.max.ms, and the producer retries the append until delivery.timeout.ms. Fencing
# needs an active KRaft controller: a controller that has not heard from the active one for
# controller.quorum.fetch.timeout.ms stands for election, and a vote waits up to twice
# controller.quorum.election.timeout.ms (it is randomized up to double).
kafka_broker_session_timeout = duration(9)
kafka_controller_fetch_timeout = duration(2)
kafka_controller_election_timeout = duration(1)
kafka_replica_lag_max = duration(30)
kafka_delivery_timeout = duration(120)

# --- Cassandra: expired rows and conditional writes (shared by the Twitter and URL shortener examples) ---
# gc_grace_seconds, kept at Cassandra's default of ten days
# (https://cassandra.apache.org/doc/latest/cassandra/managing/operating/compaction/tombstones.html).
cassandra_gc_grace = duration(10 * SECONDS_PER_DAY)

# A logged batch whose write timed out after its batch log was stored: the nodes holding that log
# replay it once it is older than twice the write timeout (write_request_timeout, 2 s by default),
# on a pass every ten seconds (BatchlogManager, Cassandra 5.0), so its rows land within the sum.
cassandra_write_timeout = duration(2)
cassandra_batch_replay_age = duration(2 * cassandra_write_timeout)
cassandra_batchlog_pass = duration(10)
cassandra_batch_lands_within = duration(cassandra_batch_replay_age + cassandra_batchlog_pass)


# Tables whose rows expire by age are compacted by time window where a partition's rows land in one
# window; the Twitter example's key table, whose partitions a user's posts share all day, is leveled
# instead (twitter_api). The Twitter example chooses windows of six hours for its outbox (twcs_window); the URL shortener weighs an hour, six hours and Cassandra's default of a day
# (https://cassandra.apache.org/doc/latest/operating/compaction/twcs.html) and keeps the day
# (url_shortener_assumptions.compaction_window). A row waits on disk for its window's last one
# (expired_row_life). Windows of an hour would keep over five times the files of six-hour windows, each
# one more Bloom filter that a read of an absent key checks (and, at the filter's false-positive rate,
# sometimes one more file read).
twcs_window = duration(6 * SECONDS_PER_HOUR)

# What the guidance on the window counts, and what a table keeps. Cassandra's docs advise a window that
# gives "approximately 20-30 windows" over the data's time to live (a 90-day one in 3-day windows,
# twcs.html above); the strategy's author, "fewer than 50 buckets per table based on your TTL"
# (https://github.com/jeffjirsa/twcs). Both count windows over the time to live. For a day's time to
# live the docs' rule points to hour windows (twcs_hour_windows_over_day); six-hour windows
# (windows_over_ttl, well below the docs' range, within the author's) depart from it. The reason is
# the grace: each file also stays on disk for it (files_on_disk), so with the ten-day grace hour
# windows keep over five times the files six-hour windows do, each one more Bloom filter, and more while
# the newest window, which is compacted size-tiered until it closes (twcs.html), holds several. The
# examples keep the grace rather than shorten it: batch-log replay skips a batch older than the
# shortest grace among the tables it writes, and a logged batch writes the outbox (both examples) and
# Twitter's key table.
twcs_windows_advised_low = count(20)
twcs_windows_advised_high = count(30)
twcs_hour_window = duration(SECONDS_PER_HOUR)


def windows_over_ttl(ttl, window=twcs_window):
    """How many compaction windows a time to live spans: what the guidance on choosing the window counts."""
    return count(math.ceil(ttl / window))


twcs_hour_windows_over_day = windows_over_ttl(SECONDS_PER_DAY, twcs_hour_window)


def twcs_files_note(ttl, gc_grace, window=twcs_window):
    """The one sentence the examples print on how the window departs from the guidance, and why.
    Written for a day's time to live, the ten-day grace and six-hour windows."""
    assert ttl == SECONDS_PER_DAY and gc_grace == cassandra_gc_grace and window == twcs_window
    return (
        f"{windows_over_ttl(ttl, window)} windows over the time to live, where the "
        "[Cassandra docs](https://cassandra.apache.org/doc/latest/operating/compaction/twcs.html) "
        f"advise about {twcs_windows_advised_low}–{twcs_windows_advised_high} and the strategy's "
        "[author](https://github.com/jeffjirsa/twcs) fewer than 50: the docs' rule points to hour "
        f"windows ({twcs_hour_windows_over_day} over a day); six-hour windows depart from it "
        f"because the ten-day grace keeps {files_on_disk(ttl, gc_grace, twcs_hour_window)} hour files "
        f"against {files_on_disk(ttl, gc_grace, window)}, each one more Bloom filter (more in the current "
        "window, compacted size-tiered until it closes), and the grace stays because batch-log replay needs it"
    )


# A Bloom filter's false-positive rate for the storage-engines concept page's LSM model: 10 bits per
# key (RocksDB's commonly used setting) and the number of hash functions that minimizes errors,
# round(bits per key × ln 2).
BLOOM_BITS_PER_KEY = 10
bloom_hashes = round(BLOOM_BITS_PER_KEY * math.log(2))
bloom_false_positive = fraction((1 - math.exp(-bloom_hashes / BLOOM_BITS_PER_KEY)) ** bloom_hashes)
# The examples' time-windowed tables (the URL shortener's idempotency records and outbox, the Twitter
# example's outbox) keep Cassandra's default bloom_filter_fp_chance: 0.01 for every compaction strategy
# but leveled (0.1)
# (https://cassandra.apache.org/doc/latest/operating/bloom_filters.html).
cassandra_bloom_fp_chance = fraction(0.01)


def wasted_file_reads(files, false_positive=cassandra_bloom_fp_chance):
    """File reads wasted, on average, by one lookup of an absent key that checks `files` Bloom filters:
    each filter answers "maybe here" at the false-positive rate (Cassandra's default unless told)."""
    return count(files * false_positive)


def files_on_disk(ttl, gc_grace, window=twcs_window):
    """How many window files a table compacted by time window keeps on each replica: a file stays for
    as long as a row does (expired_row_life), and a new one starts every window."""
    return count(math.ceil(expired_row_life(ttl, gc_grace, window) / window))


def expired_row_life(ttl, gc_grace, window=twcs_window):
    """How long, at most, a row written with a time to live stays on disk, from its write, in a table
    compacted by time window. Each window is compacted into one file, and a file is dropped whole only
    once its newest expiry is gc_grace old (CompactionController.getFullyExpiredSSTables tests
    getMaxLocalDeletionTime() < gcBefore,
    https://github.com/apache/cassandra/blob/trunk/src/java/org/apache/cassandra/db/compaction/CompactionController.java),
    so a row written at the start of a window waits for the window's last one: the time to live, the
    grace and one window. Disks are sized for that most."""
    return duration(ttl + gc_grace + window)


# A conditional write (lightweight transaction) is a Paxos round among the row's replicas. Each replica
# saves its promise, then the accepted proposal, then the commit record into the system Paxos table
# (three writes, besides the commit's write of the row itself), and reads its Paxos state when it
# prepares and when it accepts (two reads, at most: since Cassandra 4.1 a cache of recent Paxos state
# can spare them) (PaxosState.java: legacyPrepare, legacyPropose, applyCommit; paxos_variant v2 saves
# the same three in promiseIfNewer, acceptIfLatest and commit,
# https://github.com/apache/cassandra/blob/trunk/src/java/org/apache/cassandra/service/paxos/PaxosState.java).
paxos_state_writes_per_replica = 3
paxos_state_reads_per_replica = 2


def paxos_state_kept(gc_grace):
    """Paxos keeps its state, with a copy of each committed update, for max(3 hours, gc_grace)
    (SystemKeyspace.paxosTtlSec,
    https://github.com/apache/cassandra/blob/trunk/src/java/org/apache/cassandra/db/SystemKeyspace.java)."""
    return duration(max(3 * SECONDS_PER_HOUR, gc_grace))


if __name__ != "reference_capacity":
    print(
        markdown_table(
            (
                "Kind of work",
                "CPU per request",
                "Per vCPU",
                f"Per {cores}-vCPU server at {fraction(target_utilization)}",
                "Basis",
            ),
            work_rows,
        )
    )
    print()
    print(markdown_table(("Item", "Size", f"Fit in {size(usable_memory)} of usable memory"), memory_rows))
    print()
    print(
        markdown_table(
            (f"A storage server with {drives_per_storage_server} drives of {size(drive_bytes)}", "Value"), disk_rows
        )
    )
    print()
    print(
        markdown_table(
            (f"One data-center NVMe SSD ({cite('Intel 2020', 'Intel D7-P5500, 3.84 TB')})", "Value"), nvme_rows
        )
    )
    print()
    print(
        markdown_table(
            ("Connections", "Value"),
            [
                ("Open TCP connections on one server (WhatsApp, 2012)", whatsapp_connection_count),
                ("Physical memory per connection, at most", memory_per_connection_ceiling),
                (f"Connections that memory budget allows in {size(usable_memory)}", connections_in_our_machine),
            ],
        )
    )
