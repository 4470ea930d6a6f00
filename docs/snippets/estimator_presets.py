"""Named sets of inputs for the sizing model in estimation.py.

Used by the estimator page, `scripts/estimate.py --preset NAME` and the step 2 example.
The Twitter and chat presets are derived from their worked examples' assumptions, not retyped.
"""

import chat_assumptions as chat
import chat_data_model
import chat_traffic
import twitter_assumptions as tw
from estimation import KB, MB

PRESETS = {
    "twitter": {
        "label": "Twitter (the worked example, tweets only)",
        "inputs": {
            "daily_active_users": float(tw.daily_active_users),
            "writes_per_user_per_day": tw.tweets_per_day / tw.daily_active_users,
            "reads_per_user_per_day": float(tw.timeline_loads_per_user_per_day),
            "write_size_bytes": float(tw.tweet_text_bytes + tw.tweet_metadata_bytes),
            "read_size_bytes": float(tw.tweets_per_timeline_page * (tw.tweet_text_bytes + tw.tweet_metadata_bytes)),
            "peak_to_average": float(tw.peak_to_average),
            "replication_factor": float(tw.text_copies),
            "retention_years": float(tw.retention_years),
            "cache_fraction": 0.2,
            "requests_per_server": float(tw.requests_per_server),
        },
    },
    "url_shortener": {
        "label": "URL shortener",
        "inputs": {
            "daily_active_users": 100e6,
            "writes_per_user_per_day": 0.1,
            "reads_per_user_per_day": 10,
            "write_size_bytes": 500,
            "read_size_bytes": 500,
            "peak_to_average": 3,
            "replication_factor": 3,
            "retention_years": 10,
            "cache_fraction": 0.2,
            "requests_per_server": 5000,
        },
    },
    "chat": {
        "label": "Chat service (the worked example, messages only)",
        "inputs": {
            "daily_active_users": float(chat.daily_active_users),
            "writes_per_user_per_day": float(chat.messages_sent_per_user_per_day),
            # Each message sent is delivered to this many devices: the reads of a chat service.
            "reads_per_user_per_day": float(
                chat.messages_sent_per_user_per_day * chat_traffic.device_deliveries_per_message
            ),
            "write_size_bytes": float(chat_data_model.message_row_bytes),
            "read_size_bytes": float(chat_data_model.message_row_bytes),
            "peak_to_average": float(chat.peak_to_average),
            "replication_factor": float(chat.message_copies),
            "retention_years": float(chat.retention_years),
            # Deliveries are pushed by the chat server that just wrote the message: no read cache.
            "cache_fraction": 0.0,
            "requests_per_server": float(chat.frames_per_connection_server_per_second),
        },
    },
    "photo_sharing": {
        "label": "Photo sharing",
        "inputs": {
            "daily_active_users": 300e6,
            "writes_per_user_per_day": 0.3,
            "reads_per_user_per_day": 50,
            "write_size_bytes": 2 * MB,
            "read_size_bytes": 200 * KB,
            "peak_to_average": 3,
            "replication_factor": 1.5,
            "retention_years": 10,
            "cache_fraction": 0.2,
            "requests_per_server": 1000,
        },
    },
}
