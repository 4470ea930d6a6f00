"""Concepts, load balancing: how evenly random and two-choice placement spread requests, and how
fast a new server fills when connections are long-lived.

Spread, a seeded simulation: SERVERS servers and IN_FLIGHT requests in flight at once, placed one
after another and none finishing (a snapshot of a burst: the balls-into-bins model of Azar et al.,
Balanced Allocations, and of Berenbrink et al.'s heavily loaded case). Random placement picks one
server uniformly; two choices picks two, independently, and takes the one with fewer requests. The
busiest server's load is averaged over TRIALS runs. The asymptotic formulas, for comparison: random
about m/n + sqrt(2 (m/n) ln n); two choices m/n + ln ln n / ln 2, up to an additive constant (for m
well above n ln n; at ten a server, m is about twice n ln n, and the random formula runs high).

Queueing, a formula: Mitzenmacher's supermarket model (Poisson arrivals at utilization u, one
server's work exponential with mean 1, n servers, n large). A request spends 1 / (1 - u) service
times in the system with one random choice (each server is an M/M/1 queue), and the sum over i >= 1
of u^(2^i - 2) with two choices.
"""

import math
import random
import statistics

from chat_assumptions import computer_workday_hours, minutes_per_phone_session

from sdw.estimation import (
    SECONDS_PER_HOUR,
    SECONDS_PER_MINUTE,
    count,
    duration,
    fraction,
    markdown_table,
    times,
)

# --- Spread --------------------------------------------------------------------------------------
SERVERS = 100
IN_FLIGHT = 1_000  # ten requests a server on average
TRIALS = 200
SEED = 1


def busiest(choices: int, rng: random.Random) -> int:
    """The busiest server's requests after placing IN_FLIGHT, each on the least loaded of `choices`
    servers drawn at random (1: plain random placement)."""
    load = [0] * SERVERS
    draw = rng.randrange
    for _ in range(IN_FLIGHT):
        server = draw(SERVERS)
        for _ in range(choices - 1):  # the first of equals wins, as min() would pick
            other = draw(SERVERS)
            if load[other] < load[server]:
                server = other
        load[server] += 1
    return max(load)


rng = random.Random(SEED)
mean_load = IN_FLIGHT / SERVERS
busiest_random_runs = [busiest(1, rng) for _ in range(TRIALS)]
busiest_two_runs = [busiest(2, rng) for _ in range(TRIALS)]
busiest_random = count(statistics.mean(busiest_random_runs))
busiest_two_choices = count(statistics.mean(busiest_two_runs))
busiest_random_formula = count(mean_load + math.sqrt(2 * mean_load * math.log(SERVERS)))
busiest_two_choices_formula = count(mean_load + math.log(math.log(SERVERS)) / math.log(2))

# The penalty depends on the load per server: the same formulas at ten times the requests in flight.
HEAVIER_LOAD = 100  # requests in flight a server
heavier_load = count(HEAVIER_LOAD)
heavier_random_peak_over_mean = times(1 + math.sqrt(2 * math.log(SERVERS) / HEAVIER_LOAD))
heavier_random_utilization = fraction(1 / (1 + math.sqrt(2 * math.log(SERVERS) / HEAVIER_LOAD)))
heavier_two_choices_peak_over_mean = times(1 + math.log(math.log(SERVERS)) / math.log(2) / HEAVIER_LOAD)
# Each server must be sized for the busiest one's load, so the fleet's average use is the mean over it.
random_peak_over_mean = times(busiest_random / mean_load)
two_choices_peak_over_mean = times(busiest_two_choices / mean_load)
random_utilization = fraction(mean_load / busiest_random)
two_choices_utilization = fraction(mean_load / busiest_two_choices)

# --- Queueing: time in the system, in service times ----------------------------------------------
UTILIZATIONS = [0.5, 0.7, 0.9, 0.99]
UTILIZATION_QUOTED = 0.9


def time_random(u: float) -> float:
    return 1 / (1 - u)


def time_two_choices(u: float) -> float:
    """Mitzenmacher's limit for d = 2: the sum over i >= 1 of u^(2^i - 2), to where terms vanish."""
    return sum(u ** (2**i - 2) for i in range(1, 40))


queue_rows = [
    (fraction(u), count(time_random(u)), count(time_two_choices(u)), times(time_random(u) / time_two_choices(u)))
    for u in UTILIZATIONS
]
utilization_quoted = fraction(UTILIZATION_QUOTED)
time_in_system_random = count(time_random(UTILIZATION_QUOTED))
time_in_system_two_choices = count(time_two_choices(UTILIZATION_QUOTED))
random_over_two_choices = times(time_in_system_random / time_in_system_two_choices)

# --- Long-lived connections: how fast a new server fills -----------------------------------------
# A new server gets only new connections. If connection lifetimes are exponential with mean T, the
# gap between it and the others shrinks as exp(-t / T): to a tenth after T ln 10. The chat example's
# sessions: a phone's few minutes; a linked computer's working-day window, which holds most of the
# computers' connected time (the third left open through the working day).
computer_session = duration(computer_workday_hours * SECONDS_PER_HOUR)
fill_90_phone = duration(minutes_per_phone_session * SECONDS_PER_MINUTE * math.log(10))
fill_90_computer = duration(computer_session * math.log(10))

# Figures the pages quote.
servers = count(SERVERS)
in_flight = count(IN_FLIGHT)
trials = count(TRIALS)
mean_in_flight = count(mean_load)

if __name__ != "concept_load_balancing":
    print(
        markdown_table(
            (
                f"{in_flight} requests on {servers} servers",
                f"Busiest server (mean of {trials} runs)",
                "Asymptotic formula",
                "Busiest over the mean",
                "Average use if the busiest is full",
            ),
            [
                ("Least loaded of all", mean_in_flight, mean_in_flight, times(1), fraction(1)),
                (
                    "Random",
                    busiest_random,
                    busiest_random_formula,
                    random_peak_over_mean,
                    random_utilization,
                ),
                (
                    "Two choices",
                    busiest_two_choices,
                    busiest_two_choices_formula,
                    two_choices_peak_over_mean,
                    two_choices_utilization,
                ),
            ],
        )
    )
    print()
    print(
        markdown_table(
            (
                "Utilization",
                "Time in the system, in service times: random",
                "Two choices",
                "Random over two choices",
            ),
            queue_rows,
        )
    )
    print()
    print(
        f"A new connection server reaches 90% of its share after {fill_90_phone} for phone sessions of "
        f"{minutes_per_phone_session} min, {fill_90_computer} for computer sessions of {computer_session}."
    )
