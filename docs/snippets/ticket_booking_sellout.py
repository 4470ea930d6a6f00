"""Ticket booking worked example: how one hot on-sale sells out, in time, and the seat maps it keeps open.

The sale's clock starts when the first released buyers hear of it: the threshold moves only once the draw
is written, and a buyer learns of the release at the next poll, half an interval later on average. A
released buyer then spends the pick time on the seat map, and only then does the hold start: holds are not
counted from the release. While free seats last, holds take
seats_held_per_second. A hold ends in a purchase (buy_share), its seats sold when the buyer submits
payment, or lapses, its seats free again a hold's time after it started (a declined order returns its
hold to the buyer until that time, step 4, so its seats come back as a lapse's do).

The waiting room releases at the planned rate until the show is sold out (step 6), so once the free seats
run out, buyers are always on the map when seats return, and the model takes every returned seat at
once. So the sale runs in waves a hold's time apart, each with (1 - buy_share) of the seats of the one
before, each spread over the same span as the first.

The show is sold out, and the room closes, once no more than closing_seats seats are free or held, every
other seat sold or pending: a tail cutoff. The last waves return a seat or two to tens of thousands of
watchers, and the cutoff saves hours of releases for about 1 seat; those few go to the buyers already
released, whose window stands still (step 6). In the model that is the moment the first wave whose unbought
holds are that few has had its purchases submitted.

A released buyer's access lasts one window of releases (step 3): after it, a buyer holding nothing
rejoins the queue at its end. So the released buyers without a hold, and the seat maps they keep open,
are at most one window's releases.
"""

import math

from ticket_booking_assumptions import (
    buy_share,
    closing_seats,
    draw_delay,
    hold_time,
    map_open_share,
    pick_time,
    queue_accounts,
    repick_time,
    seat_map_refresh,
    stadium_seats,
    time_to_submit,
)
from ticket_booking_traffic import (
    access_window_positions,
    release_clock_start,
    release_rate,
    seat_map_bytes,
    seats_held_per_second,
)

from sdw.estimation import bandwidth, count, duration, fraction, markdown_table, peak


def threshold_at(t: float) -> float:
    """The threshold's position t from the start: it runs at the rate from the draw."""
    return release_rate * max(t - draw_delay, 0.0)


# The first wave: every seat held once, from the first buyer's hold, a pick time after the first heard release.
first_wave_span = duration(stadium_seats / seats_held_per_second)
# That is the average: a buyer who polls just after the draw and knows its seats holds within seconds, so
# holds may start inside the start's minute (the data-model snippet bounds them there).
first_holds_start = duration(release_clock_start + pick_time)
free_seats_run_out = duration(first_holds_start + first_wave_span)
# The model holds only while the first wave ends before its first holds lapse.
assert first_wave_span <= hold_time, "the first wave outlasts a hold: lapsed seats return before all are held"
first_lapses_return = duration(first_holds_start + hold_time)
gap_without_free_seats = duration(first_lapses_return - free_seats_run_out)

# Releases go on when the free seats run out: the buyers released since find the map full and take the
# seats that return, the first wave's lapsed holds at the rate they return.
released_when_seats_run_out = count(threshold_at(free_seats_run_out))
lapsed_holds_per_second = peak(release_rate * (1 - buy_share))


def wave_start(n: int, hold: float = hold_time) -> float:
    """When the n-th wave's first hold starts (n from 1)."""
    return first_holds_start + (n - 1) * hold


def sold_by(t: float, hold: float = hold_time, share: float = buy_share) -> float:
    """Seats sold by time t: each wave sells its share of its seats, each sale at a hold's start plus
    the time to submit, spread evenly over the wave's span."""
    sold, seats, n = 0.0, float(stadium_seats), 1
    while seats >= 1e-9 * stadium_seats:
        progress = min(max((t - time_to_submit - wave_start(n, hold)) / first_wave_span, 0.0), 1.0)
        sold += seats * share * progress
        seats *= 1 - share
        n += 1
    return sold


def time_to_sell(share_of_seats: float, hold: float = hold_time, share: float = buy_share) -> float:
    """The first moment the given share of the seats is sold (bisection on sold_by)."""
    low, high = 0.0, wave_start(200, hold)
    for _ in range(100):
        middle = (low + high) / 2
        if sold_by(middle, hold, share) >= share_of_seats * stadium_seats:
            high = middle
        else:
            low = middle
    return high


def waves_to_last_hold(share: float = buy_share) -> int:
    """The wave that closes the room: the first whose unbought holds, expected, are closing_seats or fewer."""
    return math.ceil(math.log(stadium_seats / closing_seats) / math.log(1 / (1 - share)))


def last_seats_sold(hold: float = hold_time, share: float = buy_share) -> float:
    """When the room closes: that wave's last hold, and its purchase a time to submit later. The seats free
    or held are then that wave's unbought holds, and every other seat is sold or pending."""
    return wave_start(waves_to_last_hold(share), hold) + first_wave_span + time_to_submit


half_sold = duration(time_to_sell(0.5))
most_sold_share = fraction(0.99)
most_sold = duration(time_to_sell(most_sold_share))
last_wave = count(waves_to_last_hold())
last_seats = duration(last_seats_sold())
seats_in_last_wave = count(stadium_seats * (1 - buy_share) ** (waves_to_last_hold() - 1))
# Left free or held when the room closes, expected: they go to the buyers already released, whose access
# window stands still with the threshold.
seats_left_at_close = count(stadium_seats * (1 - buy_share) ** waves_to_last_hold())
assert seats_left_at_close <= closing_seats < seats_in_last_wave, "the closing wave is not the first to close"
first_wave_sold = fraction(buy_share)

# --- Released buyers without a hold, and the seat maps they keep open -----------------------------------
# A released buyer's access lasts the positions released in one token life at the planned rate
# (access_window_positions, from the traffic snippet); a hold or an order needs no access for its own calls,
# and a buyer holding nothing after it rejoins at the end. So at most one window's releases are without a
# hold at once, whatever the seats do.
map_viewers_peak = count(access_window_positions * map_open_share)
seat_map_reads_peak = peak(map_viewers_peak / seat_map_refresh)
seat_map_egress_peak = bandwidth(seat_map_reads_peak * seat_map_bytes, peak=True)
# Once every seat is claimed, the buyers on the map race for each returned seat: each tries a hold as the
# map shows one, and again a repick time after a 409. At most all of them, each once a repick time.
race_hold_attempts_peak = peak(map_viewers_peak / repick_time)
# The threshold runs at the planned rate until the room closes: the positions released by then. The rest
# are told the show is sold out: the accounts still waiting, counted without rejoins.
positions_released_by_sellout = count(threshold_at(last_seats_sold()))
waiting_at_close = count(queue_accounts - positions_released_by_sellout)
# What the tail cutoff saves: releasing everyone still waiting at the planned rate, for about 1 seat.
releases_saved_by_cutoff = duration(waiting_at_close / release_rate)

# The hold's time against the tail: the same buyers and buy share with shorter and longer holds.
SHORTER_HOLD, LONGER_HOLD = 420, 900
HOLD_OPTIONS = [SHORTER_HOLD, hold_time, LONGER_HOLD]
# The wave model needs every hold to outlast the first wave, as for the chosen hold above.
assert first_wave_span <= min(HOLD_OPTIONS), "a hold in the comparison is shorter than the first wave"
hold_rows = [(duration(h), duration(time_to_sell(0.99, h)), duration(last_seats_sold(h))) for h in HOLD_OPTIONS]
shorter_hold = duration(SHORTER_HOLD)
longer_hold = duration(LONGER_HOLD)
last_seats_shorter_hold = duration(last_seats_sold(SHORTER_HOLD))
last_seats_longer_hold = duration(last_seats_sold(LONGER_HOLD))
# With holds twice as likely to lapse (half the buy share), the tail grows.
half_buy_share = fraction(buy_share / 2)
last_seats_half_buy_share = duration(last_seats_sold(hold_time, half_buy_share))

if __name__ != "ticket_booking_sellout":
    print(
        markdown_table(
            ("Moment of the on-sale", "Time from its start"),
            [
                ("First holds start, on average (the first buyers have heard and picked)", first_holds_start),
                ("Free seats run out: every seat held, pending or sold", free_seats_run_out),
                ("Half the seats sold", half_sold),
                ("First lapsed seats return", first_lapses_return),
                (f"{most_sold_share} of the seats sold", most_sold),
                ("Sold out: the room closes", last_seats),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("The waves", "Value"),
            [
                ("Span of each wave of holds", first_wave_span),
                ("No free seats between the first wave and its lapses", gap_without_free_seats),
                ("Seats the first wave sells", first_wave_sold),
                ("Wave that closes the room", last_wave),
                ("Seats in that wave", seats_in_last_wave),
                ("Seats left free or held when it closes, expected", seats_left_at_close),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Released buyers and the seat maps", "Value"),
            [
                ("Buyers released when the free seats run out", released_when_seats_run_out),
                ("Lapsed holds returning a second, first wave", lapsed_holds_per_second),
                (
                    "Released buyers without a hold, at most: one access window",
                    access_window_positions,
                ),
                ("Buyers with the map open", map_viewers_peak),
                ("Seat-map reads a second", seat_map_reads_peak),
                ("Seat maps out", seat_map_egress_peak),
                ("Hold attempts a second racing for returned seats, at most", race_hold_attempts_peak),
                ("Positions released by the close", positions_released_by_sellout),
                ("Accounts still waiting then, told the show is sold out", waiting_at_close),
                ("Releases the cutoff saves: all of them at the planned rate", releases_saved_by_cutoff),
            ],
        )
    )
    print()
    print(markdown_table(("Hold time", f"{most_sold_share} sold", "Sold out"), hold_rows))
