"""Where the site's sourced facts come from: one name, one title and one stable address each.

Snippets cite a source with `cite(name)`, which prints a Markdown link, so a table's "Source"
column links every fact it sources (tests/test_build.py checks that it does). Addresses are DOIs,
conference pages, or the author's or company's own page.
"""

SOURCES: dict[str, tuple[str, str]] = {
    # Papers and talks.
    "Breslau 1999": (
        "Breslau et al., Web Caching and Zipf-like Distributions, INFOCOM 1999",
        "https://doi.org/10.1109/INFCOM.1999.749260",
    ),
    "GFS 2003": (
        "Ghemawat, Gobioff and Leung, The Google File System, SOSP 2003",
        "https://doi.org/10.1145/945445.945450",
    ),
    "Dean 2009": (
        "Jeff Dean, Designs, Lessons and Advice from Building Large Distributed Systems, LADIS 2009 keynote",
        "https://www.cs.cornell.edu/projects/ladis2009/talks/dean-keynote-ladis2009.pdf",
    ),
    "Azure 2012": (
        "Huang et al., Erasure Coding in Windows Azure Storage, USENIX ATC 2012",
        "https://www.usenix.org/conference/atc12/technical-sessions/presentation/huang",
    ),
    "Timelines 2012": (
        "Raffi Krikorian, Timelines at Scale, QCon San Francisco 2012",
        "https://www.infoq.com/presentations/Twitter-Timeline-Scalability/",
    ),
    "TAO 2013": (
        "Bronson et al., TAO: Facebook's Distributed Data Store for the Social Graph, USENIX ATC 2013",
        "https://www.usenix.org/conference/atc13/technical-sessions/presentation/bronson",
    ),
    "Tail at Scale 2013": (
        "Dean and Barroso, The Tail at Scale, Communications of the ACM, 2013",
        "https://doi.org/10.1145/2408776.2408794",
    ),
    "Raft 2014": (
        "Ongaro and Ousterhout, In Search of an Understandable Consensus Algorithm, USENIX ATC 2014",
        "https://www.usenix.org/conference/atc14/technical-sessions/presentation/ongaro",
    ),
    "f4 2014": (
        "Muralidhar et al., f4: Facebook's Warm BLOB Storage System, OSDI 2014",
        "https://www.usenix.org/conference/osdi14/technical-sessions/presentation/muralidhar",
    ),
    "Google 2020": (
        "Kumar et al., Swift: Delay is Simple and Effective for Congestion Control in the Datacenter, SIGCOMM 2020",
        "https://doi.org/10.1145/3387514.3406591",
    ),
    # Company and project posts and documentation.
    "Snowflake 2010": (
        "Twitter Engineering, Announcing Snowflake, 2010",
        "https://blog.twitter.com/engineering/en_us/a/2010/announcing-snowflake",
    ),
    "Twitter 2013": (
        "Twitter Engineering, New Tweets per second record, and how!, 2013",
        "https://blog.twitter.com/engineering/en_us/a/2013/new-tweets-per-second-record-and-how",
    ),
    "WhatsApp 2012": ("WhatsApp, 1 million is so 2011, 2012", "https://blog.whatsapp.com/1-million-is-so-2011"),
    "Redis": (
        "Redis 2.2 documentation, Benchmarks: How fast is Redis?",
        "https://github.com/redis/redis/blob/2.2.14/doc/Benchmarks.html",
    ),
    "SRE workbook": (
        "Google, The Site Reliability Workbook, Alerting on SLOs",
        "https://sre.google/workbook/alerting-on-slos/",
    ),
    "SRE book": (
        "Google, Site Reliability Engineering, Monitoring Distributed Systems",
        "https://sre.google/sre-book/monitoring-distributed-systems/",
    ),
    "HDFS": (
        "Apache Hadoop, HDFS Architecture (replication)",
        "https://hadoop.apache.org/docs/stable/hadoop-project-dist/hadoop-hdfs/HdfsDesign.html",
    ),
    "HDFS EC": (
        "Apache Hadoop, HDFS Erasure Coding",
        "https://hadoop.apache.org/docs/stable/hadoop-project-dist/hadoop-hdfs/HDFSErasureCoding.html",
    ),
    "AWS zones": (
        "AWS, Regions and Availability Zones",
        "https://aws.amazon.com/about-aws/global-infrastructure/regions_az/",
    ),
    "Linux ports": (
        "Linux kernel documentation, IP sysctl: ip_local_port_range",
        "https://www.kernel.org/doc/html/latest/networking/ip-sysctl.html",
    ),
    # Benchmarks, reviews and data sheets.
    "Gist 2012": (
        "Jonas Bonér, Latency Numbers Every Programmer Should Know, GitHub gist, 2012",
        "https://gist.github.com/jboner/2841832",
    ),
    "AnandTech 2019": (
        "AnandTech, AMD Rome Second Generation EPYC Review, 2019",
        "https://www.anandtech.com/show/14694/amd-rome-epyc-2nd-gen",
    ),
    "AnandTech 2020": (
        "AnandTech, The Samsung 980 PRO PCIe 4.0 SSD Review, 2020",
        "https://www.anandtech.com/show/16087/the-samsung-980-pro-pcie-4-ssd-review",
    ),
    "Viennot 2022": (
        "Nicolas Viennot, core-to-core-latency, GitHub, 2022",
        "https://github.com/nviennot/core-to-core-latency",
    ),
    "LZ4 2019": ("LZ4 README, benchmarks", "https://github.com/lz4/lz4"),
    "Samsung 2022": (
        "Samsung 990 PRO product page",
        "https://semiconductor.samsung.com/consumer-storage/internal-ssd/990-pro/",
    ),
    "Seagate 2021": ("Seagate Exos X20 product page", "https://www.seagate.com/products/enterprise-drives/exos-x/x20/"),
}


def link(name: str) -> str:
    """The source's address."""
    return SOURCES[name][1]


def cite(name: str, text: str | None = None) -> str:
    """A Markdown link to the source, showing `text` (the source's name by default)."""
    return f"[{text or name}]({link(name)})"


if __name__ != "sources":
    print("| Source | Where |\n|---|---|")
    for name, (title, url) in SOURCES.items():
        print(f"| {name} | [{title}]({url}) |")
