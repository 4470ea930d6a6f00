"""Concepts, authentication: what a deliberately slow password hash costs the service and the attacker.

Sign-ins: daily users x the share who type a password a day, spread over the day, times the Twitter
example's peak-to-average. Argon2's work is its memory m times its passes t (every pass touches every
1 KiB block once), so a parameter set's core time is the assumed time at OWASP's parameters scaled by
(m x t) / (19 MiB x 2). With p lanes the work runs on p cores at once, so a hash's wall time is the
core time over p, and the memory it holds while it runs is m.

Cores at the peak = sign-ins a second x core time. Hashes running at once = sign-ins a second x wall
time (Little's law), and the memory they hold = that x m.

An attacker with a stolen hash tries guesses at one hash a guess: core time = guesses x core time a
hash. On a GPU, Argon2 is bound by memory bandwidth: each block of the first pass moves about 2
blocks (the reference read, the result written; the block before it stays on the chip) and each of a
later pass 3 (the old block read too, to XOR into), so a guess moves (2 + 3 (t - 1)) x m bytes and a
GPU makes at most bandwidth / that guesses a second, and the billion take at least guesses / that.
Its memory holds memory / m guesses at once; at the bandwidth's rate that many in flight is
(memory / m) / (guesses a second) each, so memory binds only if one guess stays in flight longer
than that.

Credential stuffing: the rate limiter's login limit by address, a minute, lets a run through with
rate / (limit / 60) addresses if each address reaches one region; the limiter counts in each region on
its own, so an address that spreads its attempts over all of them needs a region-count-th of that.
The hash fleet is sized for honest sign-ins plus a share of such a run: cores = (sign-ins + share x
run) x core time / 0.6, and a global cap on hashes in flight =
(sign-ins + share x run) x wall time (Little's law), holding that x m of memory. With one lane a
hash holds one core, so that cap is the sized rate's all-busy cores: it admits exactly the sized rate
and keeps the fleet at its target utilization under a run. Honest sign-ins at the target: cores / 0.6.
"""

from concept_auth_assumptions import (
    ARGON2_FIRST_PASS_BLOCKS,
    ARGON2_LATER_PASS_BLOCKS,
    H100_BANDWIDTH,
    H100_MEMORY_BYTES,
    OFFLINE_GUESSES,
    OWASP_ARGON2_LANES,
    OWASP_ARGON2_MEMORY,
    OWASP_ARGON2_PASSES,
    OWASP_HASH_CORE_S,
    RATE_LIMITER_LOGIN_PER_ADDRESS_PER_MINUTE,
    RATE_LIMITER_REGIONS,
    RFC9106_FIRST,
    RFC9106_SECOND,
    STUFFING_ATTEMPTS_PER_S,
    STUFFING_SHARE_HASHED,
    h100_memory_gib,
    sign_ins_per_day,
    twitter_peak_factor,
)
from reference_capacity import target_utilization

from sdw.estimation import (
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    SECONDS_PER_YEAR,
    count,
    duration,
    fraction,
    markdown_table,
    peak,
    per_second,
    size,
    throughput,
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
owasp_cores_peak_at_target = count(owasp_cores_peak / target_utilization)
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
gpu_bytes_per_guess = size(
    OWASP_ARGON2_MEMORY * (ARGON2_FIRST_PASS_BLOCKS + ARGON2_LATER_PASS_BLOCKS * (OWASP_ARGON2_PASSES - 1))
)
gpu_guesses_per_second = throughput(H100_BANDWIDTH / gpu_bytes_per_guess)
gpu_hours_offline = count(OFFLINE_GUESSES / gpu_guesses_per_second / SECONDS_PER_HOUR)
gpu_over_core = times(gpu_guesses_per_second * OWASP_HASH_CORE_S)
gpu_memory_bound_guess_time = duration(gpu_parallel_guesses / gpu_guesses_per_second)

# Stuffing past the rate limiter, and the fleet sized for a share of it.
login_per_address_per_second = RATE_LIMITER_LOGIN_PER_ADDRESS_PER_MINUTE / 60
stuffing_addresses = count(STUFFING_ATTEMPTS_PER_S / login_per_address_per_second)
stuffing_addresses_all_regions = count(stuffing_addresses / RATE_LIMITER_REGIONS)
sized_hash_rate = peak(sign_ins_peak + STUFFING_SHARE_HASHED * STUFFING_ATTEMPTS_PER_S)
sized_hash_cores = count(sized_hash_rate * OWASP_HASH_CORE_S / target_utilization)
hash_cap_in_flight = count(sized_hash_rate * wall_seconds(OWASP))
hash_cap_memory = size(hash_cap_in_flight * OWASP_ARGON2_MEMORY)
sized_hash_cores_all_busy = count(sized_hash_rate * OWASP_HASH_CORE_S)
assert abs(hash_cap_in_flight - sized_hash_cores_all_busy) < 1e-9  # one lane: a hash in flight holds one core

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
        f"{offline_core_years} core-years. A GPU moves {gpu_bytes_per_guess} a guess, so its bandwidth "
        f"bounds it to at most {gpu_guesses_per_second} ({gpu_over_core} a core): the billion take at least "
        f"{gpu_hours_offline} GPU-hours. Memory does not bind: its {h100_memory_gib} GiB holds "
        f"{gpu_parallel_guesses} guesses in flight, which at {gpu_guesses_per_second} is "
        f"{gpu_memory_bound_guess_time} each. Honest sign-ins take {owasp_cores_peak_at_target} cores at "
        f"{fraction(target_utilization)}. A stuffing run of {count(STUFFING_ATTEMPTS_PER_S)} a second passes "
        f"the limiter's per-address login limit from {stuffing_addresses} addresses if each reaches one "
        f"region, {stuffing_addresses_all_regions} across all {count(RATE_LIMITER_REGIONS)}; a fleet sized for "
        f"honest sign-ins and {fraction(STUFFING_SHARE_HASHED)} of it hashes {sized_hash_rate} on "
        f"{sized_hash_cores} cores "
        f"(at {fraction(target_utilization)}), with at most {hash_cap_in_flight} hashes in flight "
        f"({hash_cap_memory}), the sized rate's all-busy cores."
    )
