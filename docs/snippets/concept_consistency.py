"""Concepts, consistency: what a linearizable (strongly consistent) write costs in latency.

A write that must be acknowledged by a majority of replicas before it returns waits for at least
one round trip to the nearest replicas that complete the majority. Distance sets that floor, so
where the replicas sit decides the latency of every strongly consistent write (the "else" half of
PACELC). The floors come from the speed of light in fiber (reference_fiber.py); the zone floor is
for zones at the 100 km that AWS gives as the most that separates the zones of one region, so
closer zones wait less, and real fiber, longer than the straight line, adds to it.
"""

from reference_fiber import sf_amsterdam_rtt_floor, zone_pair_rtt_floor

from sdw.estimation import duration, markdown_table, per_second, times

# Where the replicas of one majority sit, and the round trip a write waits for, at the very least.
PLACEMENTS = [
    ("Three zones of one region, at the 100 km limit", zone_pair_rtt_floor),
    ("A majority that needs a replica across the Atlantic (San Francisco and Amsterdam)", sf_amsterdam_rtt_floor),
]

# A client whose next write must wait for the last one to commit (a compare-and-set loop on one
# key, say) makes at most one write per round trip. Independent writes are pipelined and batched
# by the leader, so they are not limited this way.
rows = [(placement, duration(rtt), per_second(1 / rtt)) for placement, rtt in PLACEMENTS]

# Figures the pages quote.
zone_majority_write_floor = duration(zone_pair_rtt_floor)
ocean_majority_write_floor = duration(sf_amsterdam_rtt_floor)
ocean_serial_writes_per_key = per_second(1 / sf_amsterdam_rtt_floor)
ocean_over_zone = times(sf_amsterdam_rtt_floor / zone_pair_rtt_floor)

if __name__ != "concept_consistency":
    print(
        markdown_table(
            (
                "Where a majority of replicas sits",
                "Least wait per write",
                "Writes that each wait for the last, at most",
            ),
            rows,
        )
    )
