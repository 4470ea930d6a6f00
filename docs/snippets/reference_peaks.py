"""Reference: peak-to-average factors, from the shape of a day and from one famous spike."""

import math

from sdw.estimation import fraction, markdown_table, peak, per_second, times

# --- A smooth day: traffic follows a sine wave between a trough and a peak ------------------------------
# The average of a sine wave is halfway between its extremes, so peak / average = 2 / (1 + trough/peak).
TROUGH_SHARES = [0.5, 1 / 3, 0.1, 0.0]


def smooth_day_peak_to_average(trough_share: float) -> float:
    return 2 / (1 + trough_share)


# Check the closed form against the wave itself, sampled every minute of a day.
def sampled_peak_to_average(trough_share: float, samples: int = 1_440) -> float:
    level = [trough_share + (1 - trough_share) * (1 + math.sin(2 * math.pi * s / samples)) / 2 for s in range(samples)]
    return max(level) / (sum(level) / samples)


assert all(math.isclose(smooth_day_peak_to_average(t), sampled_peak_to_average(t), rel_tol=1e-9) for t in TROUGH_SHARES)

smooth_rows = [(fraction(t), times(smooth_day_peak_to_average(t))) for t in TROUGH_SHARES]

# --- A day bunched into waking hours: users in one time zone, a half-sine over their active hours and
# next to nothing the rest of the day. The half-sine averages 2/pi of its peak over the hours it lasts,
# so peak / average = pi / (2 x active share of the day): higher than any smooth wave allows.
ACTIVE_HOURS = [16, 12]


def waking_day_peak_to_average(active_hours: float) -> float:
    return math.pi / (2 * active_hours / 24)


def sampled_waking_peak_to_average(active_hours: float, samples: int = 1_440) -> float:
    active = round(samples * active_hours / 24)
    level = [math.sin(math.pi * s / active) if s < active else 0.0 for s in range(samples)]
    return max(level) / (sum(level) / samples)


# Sampled by the minute, the half-sine's sum falls short of its integral by about a part in a million.
assert all(
    math.isclose(waking_day_peak_to_average(h), sampled_waking_peak_to_average(h), rel_tol=1e-5) for h in ACTIVE_HOURS
)

waking_rows = [(f"{h} of 24", times(waking_day_peak_to_average(h))) for h in ACTIVE_HOURS]

# --- One event: Twitter's record second (Twitter Engineering blog, August 2013) --------------------------
# 143,199 tweets in one second during a broadcast of Castle in the Sky in Japan, against "about 5,700
# tweets a second on average" (500 million a day) in the same post.
record_tweets_per_second = peak(143_199)
twitter_2013_average = per_second(5_700)
twitter_2013_spike = times(record_tweets_per_second / twitter_2013_average)

# Figures the page quotes.
smooth_day_max = times(smooth_day_peak_to_average(0.0))
smooth_day_third = times(smooth_day_peak_to_average(1 / 3))
waking_16_hours = times(waking_day_peak_to_average(16))
waking_12_hours = times(waking_day_peak_to_average(12))
record_second = peak(record_tweets_per_second)

if __name__ != "reference_peaks":
    print(markdown_table(("Quietest moment, as a share of the busiest", "Busiest over average"), smooth_rows))
    print()
    print(markdown_table(("Hours of traffic a day, the rest near nothing", "Busiest over average"), waking_rows))
    print()
    print(
        markdown_table(
            ("Twitter, August 2013", "Value"),
            [
                ("Average tweets a second", twitter_2013_average),
                ("Record second", record_second),
                ("Record over the 2013 average", twitter_2013_spike),
            ],
        )
    )
