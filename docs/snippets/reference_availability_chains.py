"""Reference: availability of parts in series (all must work) and in parallel (one must work).

Both formulas assume the parts fail independently. Shared power, a shared deploy, a shared
config push or a shared dependency break that assumption; see the page.
"""

from sdw.estimation import SECONDS_PER_DAY, availability, count, duration, fraction, markdown_table

SLO_WINDOW = 30 * SECONDS_PER_DAY


def in_series(availability: float, parts: int) -> float:
    """Every one of `parts` must be up: the availabilities multiply."""
    return availability**parts


def in_parallel(availability: float, copies: int) -> float:
    """At least one of `copies` must be up: the unavailabilities multiply."""
    return 1 - (1 - availability) ** copies


def fanout_slow_share(backends: int) -> float:
    """A request that waits for every one of `backends`, each slow on backend_slow_share of its calls
    independently: the share of requests that meet at least one slow call."""
    return 1 - (1 - backend_slow_share) ** backends


def up_and_down(share: float) -> tuple:
    """A total and its downtime in the window. availability() rounds what is down (100% less the
    total) to three significant digits and prints the total from it, and the downtime is that same
    rounded share of the window, so each row can be redone by hand: ten parts at 99.9% leave
    99.004% up, and 100% - 99.004% = 0.996% of 720 h is 7.17 h."""
    total = availability(share, SLO_WINDOW)
    return total, total.downtime()


# --- Serial chains: a request that needs every service on its path ---------------------------------
CHAIN_LENGTHS = [1, 2, 3, 5, 10, 20]
PER_SERVICE = [0.999, 0.9999]
chain_rows = [(count(n), *(cell for a in PER_SERVICE for cell in up_and_down(in_series(a, n)))) for n in CHAIN_LENGTHS]

# --- Redundant copies: a request that needs any one of them -------------------------------------------
PER_COPY = [0.99, 0.999]
COPIES = [1, 2, 3]
redundancy_rows = [(count(k), *(cell for a in PER_COPY for cell in up_and_down(in_parallel(a, k)))) for k in COPIES]

# --- Fan-out: a request that waits for every one of many backends (The Tail at Scale, 2013) ------------
# Each backend is slow (over its p99) on 1% of calls; the user's request waits for all of them.
backend_slow_share = 0.01
FANOUT_EXAMPLE = 100  # the paper's request fanned out to a hundred backends
FANOUTS = [1, 10, FANOUT_EXAMPLE, 1000]
fanout_rows = [(count(n), fraction(fanout_slow_share(n))) for n in FANOUTS]

# Figures the page quotes.
chain_of_10_at_three_nines = availability(in_series(0.999, 10), SLO_WINDOW)
chain_of_10_downtime = chain_of_10_at_three_nines.downtime()
# What ten parts at four nines leave of a three-nines product's budget.
three_nines_budget_left_by_ten_four_nines = duration(
    (1 - 0.999) * SLO_WINDOW - (1 - in_series(0.9999, 10)) * SLO_WINDOW
)
# The pair the page quotes: two copies, each up 99% of the time.
PAIR_COPY_AVAILABILITY, PAIR_COPIES = 0.99, 2
two_copies_at_99 = fraction(in_parallel(PAIR_COPY_AVAILABILITY, PAIR_COPIES))
three_copies_at_99 = fraction(in_parallel(PAIR_COPY_AVAILABILITY, 3))
fanout_100_slow_share = fraction(fanout_slow_share(FANOUT_EXAMPLE))
per_backend_slow_share = fraction(backend_slow_share)
# Failover is downtime too: two one-minute failovers in a window, against a four-nines budget.
failover_minutes, failovers_per_window = 1, 2
four_nines_budget = (1 - 0.9999) * SLO_WINDOW
failover_budget_share = fraction(failovers_per_window * failover_minutes * 60 / four_nines_budget)

if __name__ != "reference_availability_chains":
    print(
        markdown_table(
            ("Services in series", "Each 99.9%: total", "Down per 30 days", "Each 99.99%: total", "Down per 30 days"),
            chain_rows,
        )
    )
    print()
    print(
        markdown_table(
            ("Independent copies", "Each 99%: total", "Down per 30 days", "Each 99.9%: total", "Down per 30 days"),
            redundancy_rows,
        )
    )
    print()
    print(markdown_table(("Backends per request", "Requests that wait on a slow backend"), fanout_rows))
