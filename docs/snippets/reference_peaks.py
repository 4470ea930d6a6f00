"""Reference: peak-to-average factors, from the shape of a day and from one famous spike."""

import math

from sdw.estimation import fraction, markdown_table, peak, per_second, times


# The factor compares the busiest hour, not the busiest moment, with the day's average. Over one hour
# centered on the top of a sine wave of period P hours, sin averages sin(x) / x of its top, with
# x = pi / P (half the phase one hour spans): a shade under 1 for a wave a day long.
def busy_hour_share(period_hours: float) -> float:
    x = math.pi / period_hours
    return math.sin(x) / x


# Every check below samples the wave once a minute and averages the busiest 60 minutes in a row.
MINUTES_A_DAY = 1_440


def busiest_hour_over_average(level: list[float]) -> float:
    n = len(level)
    assert n >= 60, "the busiest hour needs a day sampled by the minute"
    wrapped = level + level[:59]  # the day repeats: the hour starting at 23:30 runs into the next morning
    window = busiest = sum(wrapped[:60])
    for start in range(1, n):  # slide the hour one minute on: add the minute that enters, drop the one that leaves
        window += wrapped[start + 59] - wrapped[start - 1]
        busiest = max(busiest, window)
    return busiest / 60 / (sum(level) / n)


# --- A smooth day: traffic follows a sine wave between a trough and a peak ------------------------------
# The wave's average is halfway between its extremes; its busiest hour sits just under its top, at
# trough + (1 - trough) x (1 + share) / 2, so busiest hour / average = (2 trough + (1 - trough)(1 + share))
# / (1 + trough), where share is busy_hour_share(24). With no trough that is 1 + share, just under 2.
TROUGH_SHARES = [0.5, 1 / 3, 0.1, 0.0]


def smooth_day_peak_to_average(trough_share: float) -> float:
    share = busy_hour_share(24)
    return (2 * trough_share + (1 - trough_share) * (1 + share)) / (1 + trough_share)


def sampled_peak_to_average(trough_share: float) -> float:
    n = MINUTES_A_DAY
    return busiest_hour_over_average(
        [trough_share + (1 - trough_share) * (1 + math.sin(2 * math.pi * s / n)) / 2 for s in range(n)]
    )


# Sampled by the minute, the rolling hour's average differs from the integral by parts in a million.
assert all(math.isclose(smooth_day_peak_to_average(t), sampled_peak_to_average(t), rel_tol=1e-5) for t in TROUGH_SHARES)

smooth_rows = [(fraction(t), times(smooth_day_peak_to_average(t))) for t in TROUGH_SHARES]

# --- A day bunched into waking hours: users in one time zone, a half-sine over their active hours and
# next to nothing the rest of the day. The half-sine averages 2/pi of its top over the hours it lasts,
# so its top / average = pi / (2 x active share of the day), higher than any smooth wave allows; the
# busiest hour is that times busy_hour_share(2 x active hours), the half-sine being half a wave.
ACTIVE_HOURS = [16, 12]


def waking_day_peak_to_average(active_hours: float) -> float:
    return math.pi / (2 * active_hours / 24) * busy_hour_share(2 * active_hours)


def sampled_waking_peak_to_average(active_hours: float) -> float:
    n = MINUTES_A_DAY
    active = round(n * active_hours / 24)
    return busiest_hour_over_average([math.sin(math.pi * s / active) if s < active else 0.0 for s in range(n)])


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
    print(markdown_table(("Quietest moment, as a share of the busiest", "Busiest hour over average"), smooth_rows))
    print()
    print(markdown_table(("Hours of traffic a day, the rest near nothing", "Busiest hour over average"), waking_rows))
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
