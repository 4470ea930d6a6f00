"""Concepts, messaging: how many messages at-least-once delivery hands out twice, and what dedupe costs.

A consumer that records its progress (commits its offset) every COMMIT_INTERVAL_SECONDS and then
crashes is handed again every message it processed since the last commit. Consumers must therefore
be idempotent; one common way is to remember each message ID processed for a window.
"""

from twitter_assumptions import cache_item_overhead_bytes

from sdw.estimation import SECONDS_PER_DAY, count, duration, markdown_table, per_second, size

MESSAGES_PER_SECOND = 10_000  # one consumer group's share of a busy topic
COMMIT_INTERVALS = [0.1, 1, 5]  # seconds between offset commits (5 s is the Kafka consumer's default)
MESSAGE_ID_BYTES = 16  # a 128-bit ID
# The producer's republish horizon, with offsets stored with the effects (transactions-across-services.md).
DEDUPE_WINDOW_SECONDS = SECONDS_PER_DAY

rows = [(duration(interval), count(MESSAGES_PER_SECOND * interval)) for interval in COMMIT_INTERVALS]

# Figures the pages quote.
messages_per_second = per_second(MESSAGES_PER_SECOND)
commit_interval = duration(COMMIT_INTERVALS[-1])
redelivered_after_crash = count(MESSAGES_PER_SECOND * COMMIT_INTERVALS[-1])
dedupe_window = duration(DEDUPE_WINDOW_SECONDS)
dedupe_entries = count(MESSAGES_PER_SECOND * DEDUPE_WINDOW_SECONDS)
# Each ID is a key in an in-memory key-value store, priced as the Twitter example prices a cache key:
# the store's bookkeeping per key (its hash-table slot, links, sizes and expiry) plus the key itself.
dedupe_entry_bytes = size(MESSAGE_ID_BYTES + cache_item_overhead_bytes)
dedupe_store_bytes = size(dedupe_entries * dedupe_entry_bytes)

if __name__ != "concept_messaging":
    print(markdown_table(("Offset committed every", "Messages delivered again after a crash, at most"), rows))
    print()
    print(
        f"Remembering every message ID for {dedupe_window} at {messages_per_second} takes "
        f"{dedupe_entries} entries, about {dedupe_store_bytes}."
    )
