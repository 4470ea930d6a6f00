"""Concepts, load balancing: how long each kind of balancer redundancy takes to fail over (a
floating address, health-checked DNS, anycast), from each protocol's default timers."""

from sdw.estimation import (
    count,
    duration,
    markdown_table,
)

# --- Balancer redundancy: time to fail over ------------------------------------------------------
# VRRP (RFC 9568): the backup takes the address after Master_Down_Interval = 3 x the advertisement
# interval + skew, skew = (256 - priority) / 256 x the interval.
VRRP_ADVERTISEMENT = 1.0  # seconds: the default, 100 centiseconds
VRRP_BACKUP_PRIORITY = 100  # the default for a backup
vrrp_failover = duration(3 * VRRP_ADVERTISEMENT + (256 - VRRP_BACKUP_PRIORITY) / 256 * VRRP_ADVERTISEMENT)
# DNS failover: the health check's detection, then every cached answer's TTL.
DNS_CHECK_INTERVAL, DNS_FAILURE_THRESHOLD = 30, 3  # Route 53's defaults
DNS_TTL = 60  # a common TTL for records that fail over
dns_check_interval, dns_failure_threshold = duration(DNS_CHECK_INTERVAL), count(DNS_FAILURE_THRESHOLD)
dns_ttl = duration(DNS_TTL)
dns_detection = duration(DNS_CHECK_INTERVAL * DNS_FAILURE_THRESHOLD)
dns_failover = duration(dns_detection + DNS_TTL)
# Anycast: a balancer that crashes without withdrawing its route is found dead by its BGP neighbor
# after the hold time (RFC 4271 suggests 90 s) unless BFD is run; a balancer that fails its own
# check and withdraws the route is gone as fast as the routers converge.
BGP_HOLD_TIME = 90
bgp_hold_time = duration(BGP_HOLD_TIME)

if __name__ != "concept_balancer_failover":
    print(
        markdown_table(
            ("Balancer redundancy", "Time to fail over"),
            [
                (
                    f"A pair sharing a floating address (VRRP, {duration(VRRP_ADVERTISEMENT)} advertisements)",
                    vrrp_failover,
                ),
                (
                    f"DNS with health checks (every {dns_check_interval}, {dns_failure_threshold} failures) "
                    f"and a {dns_ttl} TTL",
                    dns_failover,
                ),
                ("Anycast, a crashed balancer's route held until the BGP hold time", bgp_hold_time),
            ],
        )
    )
