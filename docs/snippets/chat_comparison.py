"""Chat service worked example: our figures beside the ones two well-known guides quote, recomputed,
and beside what WhatsApp itself published.

Each guide's figure is recomputed from that guide's own assumptions with this site's
arithmetic, so the table shows both where the guides round and where the assumptions differ.
"""

import math

from chat_assumptions import connections_per_server, daily_active_users, media_retention_days, retention_years
from chat_bandwidth import media_egress, media_ingress, text_egress, text_ingress
from chat_connections import connection_servers, connections_peak
from chat_data_model import message_row_bytes
from chat_storage import media_bytes_per_day, message_bytes_per_day
from chat_traffic import messages_per_day, messages_per_second, recipient_users_per_message

from sdw.estimation import (
    DAYS_PER_YEAR,
    KB,
    SECONDS_PER_DAY,
    bandwidth,
    count,
    markdown_table,
    per_day,
    per_second,
    servers,
    size,
    size_per_day,
    times,
)

# Grokking the System Design Interview, "Designing Facebook Messenger": 500M daily users, 40
# messages each, 100 bytes a message, five years; 500M connections at 50K per chat server.
grokking_users = count(500e6)
grokking_messages_per_day = per_day(grokking_users * 40)
grokking_bytes_per_day = size_per_day(grokking_messages_per_day * 100)
grokking_bytes_five_years = size(grokking_bytes_per_day * DAYS_PER_YEAR * 5)
grokking_bandwidth = bandwidth(grokking_bytes_per_day / SECONDS_PER_DAY)
grokking_connections = count(500e6)
grokking_servers = servers(math.ceil(grokking_connections / 50e3))

# karanpratapsingh/system-design, "WhatsApp": 50M daily users, 40 messages each, 100 bytes a
# message; 5% of messages carry a 100 KB file; ten years; bandwidth from the bytes stored a day.
karan_users = count(50e6)
karan_messages_per_day = per_day(karan_users * 40)
karan_requests_per_second = per_second(karan_messages_per_day / SECONDS_PER_DAY)
karan_text_per_day = size_per_day(karan_messages_per_day * 100)
karan_media_per_day = size_per_day(karan_messages_per_day * 0.05 * 100 * KB)
karan_bytes_ten_years = size((karan_text_per_day + karan_media_per_day) * DAYS_PER_YEAR * 10)
karan_bandwidth = bandwidth((karan_text_per_day + karan_media_per_day) / SECONDS_PER_DAY)

# WhatsApp's own figures, the ones the system-design-primer links for its chat question: over 2
# million connections on one server in 2012 (High Scalability, 2014), and on a record day in 2014,
# 20 billion messages sent and 44 billion received (TIME, 2014).
whatsapp_connections_per_server = count(2e6)
whatsapp_recipients_per_message = count(44e9 / 20e9)
whatsapp_per_server_over_ours = times(whatsapp_connections_per_server / connections_per_server)

# Ours, on their horizons: one copy, text only, so the comparison is like for like.
our_text_five_years_one_copy = size(message_bytes_per_day * DAYS_PER_YEAR * 5)
# One copy beside karanpratapsingh's total, media as data bytes (before erasure coding).
our_text_horizon_one_copy = size(message_bytes_per_day * DAYS_PER_YEAR * retention_years)
our_media_kept_one_copy = size(media_bytes_per_day * media_retention_days)
grokking_connections_over_ours = times(grokking_connections / connections_peak)
message_row_over_guides = times(message_row_bytes / 100)
our_bandwidth_in = bandwidth(text_ingress + media_ingress)
our_bandwidth_out = bandwidth(text_egress + media_egress)

if __name__ != "chat_comparison":
    print(
        markdown_table(
            ("Figure", "Grokking quotes", "Recomputed", "Ours"),
            [
                ("Daily active users", "500M", grokking_users, daily_active_users),
                ("Messages a day", "20B", grokking_messages_per_day, messages_per_day),
                ("Message text stored a day", "2 TB", grokking_bytes_per_day, message_bytes_per_day),
                ("Text over five years, one copy", "3.6 PB", grokking_bytes_five_years, our_text_five_years_one_copy),
                ("Text in", "25 MB/s", grokking_bandwidth, text_ingress),
                ("Text out", "25 MB/s", grokking_bandwidth, text_egress),
                ("Concurrent connections", "500M", grokking_connections, connections_peak),
                ("Connections per chat server", "50K", count(50e3), connections_per_server),
                ("Chat (connection) servers", "10K", grokking_servers, connection_servers),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "WhatsApp published", "Ours"),
            [
                ("Recipients per message sent", whatsapp_recipients_per_message, recipient_users_per_message),
                ("Connections per connection server", whatsapp_connections_per_server, connections_per_server),
            ],
        )
    )
    print()
    print(
        markdown_table(
            ("Figure", "karanpratapsingh quotes", "Recomputed", "Ours"),
            [
                ("Daily active users", "50M", karan_users, daily_active_users),
                ("Messages a day", "2B", karan_messages_per_day, messages_per_day),
                ("Requests a second", "24K/s", karan_requests_per_second, messages_per_second),
                ("Text stored a day", "200 GB", karan_text_per_day, message_bytes_per_day),
                ("Media stored a day", "10 TB", karan_media_per_day, media_bytes_per_day),
                (
                    f"Everything over ten years, one copy (ours: text {retention_years} years, media a month)",
                    "38 PB",
                    karan_bytes_ten_years,
                    f"{our_text_horizon_one_copy} text + {our_media_kept_one_copy} media",
                ),
                ("Bandwidth", "120 MB/s", karan_bandwidth, f"{our_bandwidth_in} in, {our_bandwidth_out} out"),
            ],
        )
    )
