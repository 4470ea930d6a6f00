"""Concepts, authorization: what Zanzibar's published figures say about a relationship-based
authorization service (Pang et al., USENIX ATC 2019: the abstract and section 4).

Queries a server = client queries a second / servers; bytes a relation tuple = bytes / tuples; checks
for each write at the sample week's peak; the downtime a year that 99.999% availability allows; the
price of freshness, the p95 of a Recent check over a Safe one (Table 2).
"""

from concept_auth_assumptions import (
    ZANZIBAR_AVAILABILITY,
    ZANZIBAR_BYTES,
    ZANZIBAR_CHECK_QPS,
    ZANZIBAR_QPS,
    ZANZIBAR_RECENT_P95_S,
    ZANZIBAR_SAFE_P95_S,
    ZANZIBAR_SERVERS,
    ZANZIBAR_TUPLES,
    ZANZIBAR_WRITE_QPS,
    zanzibar_availability,
)

from sdw.estimation import SECONDS_PER_YEAR, duration, markdown_table, size, throughput, times

zanzibar_qps_per_server = throughput(ZANZIBAR_QPS / ZANZIBAR_SERVERS)
zanzibar_bytes_per_tuple = size(ZANZIBAR_BYTES / ZANZIBAR_TUPLES)
zanzibar_checks_over_writes = times(ZANZIBAR_CHECK_QPS / ZANZIBAR_WRITE_QPS)
zanzibar_recent_over_safe_p95 = times(ZANZIBAR_RECENT_P95_S / ZANZIBAR_SAFE_P95_S)
zanzibar_downtime_per_year = duration((1 - ZANZIBAR_AVAILABILITY) * SECONDS_PER_YEAR)

if __name__ != "concept_auth_authz":
    print(
        markdown_table(
            ("Zanzibar, derived from its published figures", "Value"),
            [
                ("Client queries a second for each server", zanzibar_qps_per_server),
                ("Bytes a relation tuple, indexes and copies aside", zanzibar_bytes_per_tuple),
                ("Checks for each write at the sample week's busiest", zanzibar_checks_over_writes),
                ("p95 of a Recent check over a Safe one", zanzibar_recent_over_safe_p95),
                (f"Downtime a year at {zanzibar_availability}", zanzibar_downtime_per_year),
            ],
        )
    )
