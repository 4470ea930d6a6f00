"""Concepts, authentication: what a deliberately slow password hash costs the service and the attacker.

Sign-ins: daily users x the share who type a password a day, spread over the day, times the Twitter
example's peak-to-average. Argon2's work is its memory m times its passes t (every pass touches every
1 KiB block once), so a parameter set's core time is the assumed time at OWASP's parameters scaled by
(m x t) / (19 MiB x 2). With p lanes the work runs on p cores at once, so a hash's wall time is the
core time over p, and the memory it holds while it runs is m.

Cores at the peak = sign-ins a second x core time. Hashes running at once = sign-ins a second x wall
time (Little's law), and the memory they hold = that x m.

An attacker with a stolen hash tries guesses at one hash a guess: core time = guesses x core time a
hash. A GPU's parallel guesses are capped by its memory: memory / m.
"""

from concept_auth_assumptions import (
    H100_MEMORY_BYTES,
    OFFLINE_GUESSES,
    OWASP_ARGON2_LANES,
    OWASP_ARGON2_MEMORY,
    OWASP_ARGON2_PASSES,
    OWASP_HASH_CORE_S,
    RFC9106_FIRST,
    RFC9106_SECOND,
    STUFFING_ATTEMPTS_PER_S,
    h100_memory,
    sign_ins_per_day,
    twitter_peak_factor,
)

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_YEAR,
    count,
    duration,
    markdown_table,
    peak,
    per_second,
    size,
    times,
)

OWASP = (OWASP_ARGON2_MEMORY, OWASP_ARGON2_PASSES, OWASP_ARGON2_LANES)
OWASP_WORK = OWASP_ARGON2_MEMORY * OWASP_ARGON2_PASSES


def core_seconds(params: tuple[float, int, int]) -> float:
    memory, passes, _ = params
    return OWASP_HASH_CORE_S * memory * passes / OWASP_WORK


def wall_seconds(params: tuple[float, int, int]) -> float:
    return core_seconds(params) / params[2]


sign_ins_average = per_second(sign_ins_per_day / SECONDS_PER_DAY)
sign_ins_peak = peak(sign_ins_average * twitter_peak_factor)


def costs(params: tuple[float, int, int], rate: float) -> tuple:
    cores = rate * core_seconds(params)
    in_flight = rate * wall_seconds(params)
    return count(cores), count(in_flight), size(in_flight * params[0])


owasp_cores_peak, owasp_in_flight, owasp_memory_peak = costs(OWASP, sign_ins_peak)
second_cores_peak, second_in_flight, second_memory_peak = costs(RFC9106_SECOND, sign_ins_peak)
first_cores_peak, first_in_flight, first_memory_peak = costs(RFC9106_FIRST, sign_ins_peak)
stuffing_cores, stuffing_in_flight, stuffing_memory = costs(OWASP, STUFFING_ATTEMPTS_PER_S)

second_work_over_owasp = times(core_seconds(RFC9106_SECOND) / OWASP_HASH_CORE_S)
first_work_over_owasp = times(core_seconds(RFC9106_FIRST) / OWASP_HASH_CORE_S)
second_core_time = duration(core_seconds(RFC9106_SECOND))
second_wall_time = duration(wall_seconds(RFC9106_SECOND))
first_core_time = duration(core_seconds(RFC9106_FIRST))
first_wall_time = duration(wall_seconds(RFC9106_FIRST))

# The attacker's side.
guesses_per_core_second = count(1 / OWASP_HASH_CORE_S)
offline_core_years = count(OFFLINE_GUESSES * OWASP_HASH_CORE_S / SECONDS_PER_YEAR)
gpu_parallel_guesses = count(H100_MEMORY_BYTES / OWASP_ARGON2_MEMORY)

if __name__ != "concept_auth_passwords":
    print(
        markdown_table(
            (f"Argon2id at {sign_ins_peak} sign-ins", "One hash, core time", "Cores", "Hashes at once", "Their memory"),
            [
                (
                    "OWASP: 19 MiB, t = 2, p = 1",
                    duration(OWASP_HASH_CORE_S),
                    owasp_cores_peak,
                    owasp_in_flight,
                    owasp_memory_peak,
                ),
                (
                    "RFC 9106 second: 64 MiB, t = 3, p = 4",
                    second_core_time,
                    second_cores_peak,
                    second_in_flight,
                    second_memory_peak,
                ),
                (
                    "RFC 9106 first: 2 GiB, t = 1, p = 4",
                    first_core_time,
                    first_cores_peak,
                    first_in_flight,
                    first_memory_peak,
                ),
                (
                    f"OWASP, a stuffing run of {count(STUFFING_ATTEMPTS_PER_S)} attempts a second, unlimited",
                    duration(OWASP_HASH_CORE_S),
                    stuffing_cores,
                    stuffing_in_flight,
                    stuffing_memory,
                ),
            ],
        )
    )
    print()
    print(
        f"Sign-ins average {sign_ins_average}. An attacker holding one OWASP-parameter hash tries "
        f"{guesses_per_core_second} guesses a core-second: {count(OFFLINE_GUESSES)} guesses take "
        f"{offline_core_years} core-years, and a GPU with {h100_memory} holds {gpu_parallel_guesses} "
        "guesses in memory at once."
    )
