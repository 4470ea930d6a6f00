"""Step 7: how much spare capacity a service needs to lose one zone, by the number of zones.

With Z zones sharing the load evenly, losing one leaves Z - 1 to carry all of it: each survivor
takes Z / (Z - 1) of its normal load. So every zone must run at most (Z - 1) / Z of its planned
capacity on a normal peak, and the fleet needs Z / (Z - 1) times the servers the peak alone would take.

Planned capacity is a server's rate at the rules of thumb's utilization target (reference_capacity),
not its saturation rate, as the worked examples plan: with a zone lost each server is at the target,
and with every zone up at the target times (Z - 1) / Z of what it can do.
"""

from reference_capacity import target_utilization

from sdw.estimation import fraction, markdown_table, zone_loss_headroom

ZONES = (2, 3, 4, 5)

rows = [
    (
        zones,
        zone_loss_headroom(zones),
        fraction((zones - 1) / zones),
        fraction(target_utilization * (zones - 1) / zones),
    )
    for zones in ZONES
]

two_zone_headroom = zone_loss_headroom(2)
three_zone_headroom = zone_loss_headroom(3)
three_zone_ceiling = fraction(2 / 3)

if __name__ != "step7_zone_headroom":
    print(
        markdown_table(
            (
                "Zones",
                "Capacity over the peak, to lose one",
                "Highest share of planned capacity at a normal peak",
                f"Of raw capacity, at the {fraction(target_utilization)} target",
            ),
            rows,
        )
    )
