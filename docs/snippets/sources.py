"""Where the site's sourced facts come from: one name, one title and one stable address each.

Snippets cite a source with `cite(name)`, which prints a Markdown link, so a table's "Source"
column links every fact it sources (tests/test_build.py checks that it does). Addresses are DOIs,
conference pages, the author's or company's own page, the standards body's own page for a standard,
or the SEC's copy of a company filing.
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
    "Timelines 2013 write-up": (
        "Todd Hoff, The Architecture Twitter Uses to Deal with 150M Active Users, 300K QPS, a 22 MB/S "
        "Firehose, and Send Tweets in Under 5 Seconds, High Scalability, 2013 (notes on Timelines at Scale)",
        "https://highscalability.com/the-architecture-twitter-uses-to-deal-with-150m-active-users/",
    ),
    "TAO 2013": (
        "Bronson et al., TAO: Facebook's Distributed Data Store for the Social Graph, USENIX ATC 2013",
        "https://www.usenix.org/conference/atc13/technical-sessions/presentation/bronson",
    ),
    "Tail at Scale 2013": (
        "Dean and Barroso, The Tail at Scale, Communications of the ACM, 2013",
        "https://doi.org/10.1145/2408776.2408794",
    ),
    "Facebook photos 2013": (
        "Huang et al., An Analysis of Facebook Photo Caching, SOSP 2013",
        "https://doi.org/10.1145/2517349.2522722",
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
    "Micron 2024": (
        "StorageReview, Micron 9550 MAX review (its specification table)",
        "https://www.storagereview.com/review/micron-9550-max-review-balanced-performance-for-ai-db-and-analytics",
    ),
    "Seagate 2021": ("Seagate Exos X20 product page", "https://www.seagate.com/products/enterprise-drives/exos-x/x20/"),
    "Seagate 2024": (
        "EE Journal, Seagate's 30-Tbyte Exos Hard Drive Writes Large, 2024",
        "https://www.eejournal.com/article/seagates-30tbyte-exos-hard-drive-writes-large/",
    ),
    "AMD 2022": (
        "AMD EPYC 9654 processor specifications",
        "https://www.amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9654.html",
    ),
    "AMD 2023": (
        "AMD, Software Optimization Guide for the AMD Zen4 Microarchitecture, publication 57647, 2023",
        "https://www.amd.com/content/dam/amd/en/documents/processor-tech-docs/software-optimization-guides/57647.zip",
    ),
    "Intel 2017": (
        "Intel SSD DC P4500 Series (1.0 TB) product specifications",
        "https://ark.intel.com/content/www/us/en/ark/products/99030/intel-ssd-dc-p4500-series-1-0tb-2-5in-pcie-3-1-x4-3d1-tlc.html",
    ),
    "Intel 2020": (
        "Intel SSD D7-P5500 Series (3.84 TB) product specifications",
        "https://ark.intel.com/content/www/us/en/ark/products/202705/intel-ssd-d7p5500-series-3-84tb-2-5in-pcie-4-0-x4-3d3-tlc.html",
    ),
    "WD 2018": (
        "Western Digital, Ultrastar DC HC310 SATA hard disk drive OEM specification",
        "https://documents.westerndigital.com/content/dam/doc-library/en_us/assets/public/western-digital/product/"
        "data-center-drives/ultrastar-dc-hc300-series/product-manual-ultrastar-dc-hc310-sata-oem-spec.pdf",
    ),
    "Corning SMF-28 Ultra": (
        "Corning SMF-28 Ultra optical fiber, product information sheet PI1424",
        "https://www.corning.com/media/worldwide/coc/documents/Fiber/product-information-sheets/PI-1424-AEN.pdf",
    ),
    # Standards, on the standards body's own page.
    "IEEE 802.3": ("IEEE 802.3-2022, IEEE Standard for Ethernet", "https://standards.ieee.org/ieee/802.3/10422/"),
    "PCI-SIG": (
        "PCI-SIG, PCI Express 4.0 frequently asked questions",
        "https://pcisig.com/faq?field_category_value%5B%5D=pci_express_4.0&keys=",
    ),
    "JEDEC DDR4": (
        "JEDEC JESD79-4B, DDR4 SDRAM standard",
        "https://www.jedec.org/standards-documents/docs/jesd79-4b",
    ),
    "JEDEC DDR5": ("JEDEC JESD79-5, DDR5 SDRAM standard", "https://www.jedec.org/standards-documents/docs/jesd79-5"),
    # Company filings.
    "Pew 2019": (
        "Wojcik and Hughes, Sizing Up Twitter Users, Pew Research Center, April 2019",
        "https://www.pewresearch.org/internet/2019/04/24/sizing-up-twitter-users/",
    ),
    "Twitter 2022": (
        "Twitter, Inc., Form 10-Q for the quarter ended June 30, 2022 (SEC EDGAR)",
        "https://www.sec.gov/Archives/edgar/data/1418091/000141809122000147/twtr-20220630.htm",
    ),
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
