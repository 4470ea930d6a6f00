"""Rate limiter worked example: whose record of a key's spending splits its limit when regions are cut
apart, checked on the cut's timelines (step 7)."""

import itertools
import math
import random

from rate_limiter_accuracy import region_cut_unshared_span, region_share
from rate_limiter_assumptions import burst_allowance, limit_per_minute, region_sync_interval, regions, window_seconds

from sdw.estimation import count, fraction, markdown_table

# Whose record of the spending sets s_r? Not each region's own view (its own checks, and the reports it
# applied): the unshared stretch shows each region all of its own spending and none of the others',
# whose batches the cut loses, so every region overrates its own part. The record is kept alike in
# every region instead. For each region it holds a total that decays by e every window (so no window
# start for the regions to disagree on), each amount added at its batch's time: another region's as
# its reports are applied, a region's own only once every other region has acknowledged the batch that
# carried it (the exchanger adds it with its next read-and-delete of the key). So every region's record
# holds at least as much of each other region's spending, and no more of its own, as that region counts
# of itself, and each s_r is at most region r's share of those common numbers: the shares sum to at most
# 1. The record takes nothing more while the key is in the share state, and decay scales every total
# alike, so when a region computes its share does not change it. A region whose record holds nothing
# splits evenly. (A dropped hold: the batch that names the keys carries the dropping region's record of
# each, and every region uses it, so all the shares come from one record and sum to 1.)
_cut_window = round(window_seconds / region_sync_interval)
_cut_stretch = round(region_cut_unshared_span / region_sync_interval)
_cut_entry = 2 * _cut_window  # the interval the share state begins in; intervals before it are 0 to entry - 1
_last_sent = _cut_entry - _cut_stretch - 1  # the last interval whose batch can reach the others


def decayed_totals(spend):
    """spend[q][k], what region q spent in interval k, as record totals: for each region and interval,
    everything spent up to that interval, decayed to the share state's start."""
    return [
        list(itertools.accumulate(x * math.exp((k - _cut_entry) / _cut_window) for k, x in enumerate(row)))
        for row in spend
    ]


def common_record_shares(prefix, delivered, acked):
    """Each region's share from the record kept alike: prefix is decayed_totals(spend), delivered[q][r]
    the last of q's batches that region r applied before the cut, acked[q][r] the last of those whose
    acknowledgement reached q."""
    n = len(prefix)
    shares = []
    for r in range(n):
        own = prefix[r][min(acked[r][q] for q in range(n) if q != r)]
        others = sum(prefix[q][delivered[q][r]] for q in range(n) if q != r)
        shares.append(region_share(own / (own + others) if own + others > 0 else 1 / n))
    return shares


def own_view_shares(spend, delivered):
    """Each region's share from its own view of the minute before the share state: its own checks up to
    then, and the reports it applied."""
    n, start = len(spend), _cut_entry - _cut_window
    shares = []
    for r in range(n):
        own = sum(spend[r][start:_cut_entry])
        others = sum(sum(spend[q][start : delivered[q][r] + 1]) for q in range(n) if q != r)
        shares.append(region_share(own / (own + others) if own + others > 0 else 1 / n))
    return shares


# Timelines, spending per region per interval: a client spraying every region evenly; one idle before
# the cut that starts spraying every region during the unshared stretch (a batch job started
# everywhere); one that spends only in the last two intervals whose batches may reach the others; and
# seeded random ones, some regions silent.
_rng = random.Random(30)
_even = [[limit_per_minute / window_seconds * region_sync_interval / regions] * _cut_entry for _ in range(int(regions))]
_spray = [[0.0] * (_cut_entry - _cut_stretch) + [1.0] * _cut_stretch for _ in range(int(regions))]
_timelines = [_even, _spray]
for _ in range(4):
    _timelines.append(
        [
            [0.0] * (_last_sent - 1) + [_rng.random(), _rng.random()] + [_rng.random()] * _cut_stretch
            for _ in range(int(regions))
        ]
    )
    _timelines.append([[_rng.random() * (_rng.random() < 0.7) for _ in range(_cut_entry)] for _ in range(int(regions))])
# Every way the cut can meet the last batches: each region's last batch reaching each other region or
# lost in flight, and each acknowledgement back or lost. That is 2^(2n(n-1)) patterns for n regions, 4,096
# at three; above three, where the count grows past what an import can afford (2^24 at four), a fixed
# number of seeded random patterns, as many as three regions have (the sum couples acked[q][r] to
# delivered[q][r], so the regions cannot be checked one at a time).
_pairs = [(q, r) for q in range(int(regions)) for r in range(int(regions)) if q != r]
_exhaustive_regions = 3
_sampled_patterns = 2 ** (2 * _exhaustive_regions * (_exhaustive_regions - 1))  # the three-region count


def _cut_patterns():
    """(delivery, lost acknowledgement) choices, one of each per region pair."""
    if regions <= _exhaustive_regions:
        for delivery in itertools.product((_last_sent - 1, _last_sent), repeat=len(_pairs)):
            for lost_acks in itertools.product((0, 1), repeat=len(_pairs)):
                yield delivery, lost_acks
        return
    rng = random.Random(31)
    for _ in range(_sampled_patterns):
        yield (
            [_last_sent - rng.getrandbits(1) for _ in _pairs],
            [rng.getrandbits(1) for _ in _pairs],
        )


_cut_share_sums = []
_totals = [decayed_totals(t) for t in _timelines]
for _delivery, _lost_acks in _cut_patterns():
    delivered = [[_last_sent] * int(regions) for _ in range(int(regions))]
    for (q, r), d in zip(_pairs, _delivery, strict=True):
        delivered[q][r] = d
    acked = [[_last_sent] * int(regions) for _ in range(int(regions))]
    for (q, r), lost in zip(_pairs, _lost_acks, strict=True):
        acked[q][r] = delivered[q][r] - lost
    _cut_share_sums += [sum(common_record_shares(t, delivered, acked)) for t in _totals]
assert max(_cut_share_sums) <= 1 + 1e-12, "the regions' shares must sum to at most 1"
region_cut_common_share_sum_max = fraction(max(_cut_share_sums))
# A split key keeps a record under each tag: the reports land 1/N on each, a region's own amounts on the
# tag that spent them. s = x / (x + others) is concave in x, and a region's share is affine in s with a
# positive slope (share_floor < 1 / regions), so by Jensen's inequality the tags' shares average at most
# the share of the key's totals, for any N tags: the shares still sum to at most 1, as above.
# Each region's own view instead, every batch before the stretch delivered: the even sprayer, and the
# client idle before the cut that sprays during the stretch, where each region sees only its own spending
# and keeps share_single_region.
_all_sent = [[_last_sent] * int(regions) for _ in range(int(regions))]
region_cut_own_view_even_share_sum = fraction(sum(own_view_shares(_even, _all_sent)))
region_cut_own_view_spray_share_sum = fraction(sum(own_view_shares(_spray, _all_sent)))
region_cut_own_view_max_per_window = count(region_cut_own_view_spray_share_sum * (limit_per_minute + burst_allowance))

if __name__ != "rate_limiter_shares":
    print(
        markdown_table(
            ("Shares of a key's limit in the share state, summed over the regions", "Value"),
            [
                (
                    "Each region from its own view: a client spraying every region evenly",
                    region_cut_own_view_even_share_sum,
                ),
                (
                    "... a client idle before the cut that sprays every region during the unshared stretch",
                    region_cut_own_view_spray_share_sum,
                ),
                (
                    "... which would allow, in any 60 s after the split, in all regions",
                    region_cut_own_view_max_per_window,
                ),
                (
                    "From the record kept alike, every timeline and every lost batch and acknowledgement"
                    f"{'' if regions <= _exhaustive_regions else ' (a seeded sample of them)'}: at most",
                    region_cut_common_share_sum_max,
                ),
            ],
        )
    )
