"""Twitter worked example: a 64-bit, time-ordered tweet ID, and how long and how fast it lasts."""

from twitter_assumptions import retention_years, tweets_per_day
from twitter_traffic import record_tweets_per_second, tweets_per_second_peak

from sdw.estimation import DAYS_PER_YEAR, SECONDS_PER_YEAR, count, markdown_table, servers, throughput, times

# The layout, high bits first: one unused sign bit (so the ID stays positive in signed
# 64-bit integers), a millisecond timestamp, a machine number, a per-millisecond sequence.
sign_bits = count(1)
timestamp_bits = count(41)
machine_bits = count(10)
sequence_bits = count(12)
id_bits = count(sign_bits + timestamp_bits + machine_bits + sequence_bits)

# How long the timestamp lasts, counted from the service's own epoch.
id_lifetime_years = count(2**timestamp_bits / 1000 / SECONDS_PER_YEAR)

# How many generators, and how many IDs each can hand out.
machines = servers(2**machine_bits)
ids_per_machine_per_ms = count(2**sequence_bits)
ids_per_machine_per_second = throughput(ids_per_machine_per_ms * 1000)
machine_headroom_at_peak = times(ids_per_machine_per_second / tweets_per_second_peak)
machine_headroom_at_record = times(ids_per_machine_per_second / record_tweets_per_second)

# How many tweets the retention period holds: far below what 64 bits can number.
tweets_kept = count(tweets_per_day * DAYS_PER_YEAR * retention_years)

if __name__ != "twitter_ids":
    print(
        markdown_table(
            ("Field", "Bits", "What it gives"),
            [
                ("Sign", sign_bits, "Always 0: the ID is a positive signed integer"),
                ("Timestamp (ms since our epoch)", timestamp_bits, f"{id_lifetime_years} years of IDs"),
                ("Machine number", machine_bits, f"{machines} generators at once"),
                (
                    "Sequence within the millisecond",
                    sequence_bits,
                    f"{ids_per_machine_per_ms} IDs per ms per generator",
                ),
                ("Total", id_bits, ""),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "Value"),
            [
                ("IDs one generator can issue", ids_per_machine_per_second),
                ("One generator over our peak tweet rate", machine_headroom_at_peak),
                ("One generator over the record second", machine_headroom_at_record),
                (f"Tweets kept over {retention_years} years", tweets_kept),
            ],
        )
    )
