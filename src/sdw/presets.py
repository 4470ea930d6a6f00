"""Named sets of inputs for the sizing model in estimation.py.

Used by the estimator page, `scripts/estimate.py --preset NAME` and the examples' step 2
pages. A worked example's preset is derived from that example's assumptions (a snippet in
docs/snippets/), not retyped: `presets()` reads them afresh, so an edited assumption moves
its preset in the same build.
"""

from __future__ import annotations

from sdw import snippets
from sdw.estimation import KB, MB, SECONDS_PER_DAY

# The snippets each example's preset reads (snippets.load), by the preset's function below. A
# snippet that imports one of those functions from sdw.presets depends on that preset's snippets,
# one that imports anything else from it (presets()) on all of them: its own import lines do not
# show either (sdw.snippets.imported_names adds them; a test holds each list to what is loaded).
READS = {
    "twitter": ("twitter_assumptions",),
    "url_shortener": (
        "url_shortener_assumptions",
        "url_shortener_storage",
        "url_shortener_bandwidth",
    ),
    "chat": (
        "chat_assumptions",
        "chat_traffic",
        "chat_data_model",
    ),
    "rate_limiter": (
        "rate_limiter_assumptions",
        "rate_limiter_state",
    ),
    "ride_hailing": (
        "ride_hailing_assumptions",
        "ride_hailing_traffic",
    ),
    "ticket_booking": (
        "ticket_booking_assumptions",
        "ticket_booking_traffic",
        "ticket_booking_data_model",
        "ticket_booking_storage",
        "reference_capacity",
    ),
}
SNIPPETS_READ = tuple(dict.fromkeys(name for names in READS.values() for name in names))


def presets() -> dict[str, dict]:
    """Every preset: a label and the ten inputs of `estimation.estimate`."""
    return {**{name: globals()[name]() for name in READS}, **OTHER_PRESETS}


def names() -> list[str]:
    """Every preset's name, in presets()' order, without computing any."""
    return [*READS, *OTHER_PRESETS]


def preset(name: str) -> dict:
    """One preset, reading only its own example's snippets (READS[name])."""
    return globals()[name]() if name in READS else OTHER_PRESETS[name]


def twitter() -> dict:
    """The twitter example's preset, from the snippets READS["twitter"] names."""
    tw = snippets.load("twitter_assumptions")
    return {
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
    }


def url_shortener() -> dict:
    """The url shortener example's preset, from the snippets READS["url_shortener"] names."""
    us = snippets.load("url_shortener_assumptions")
    link_record_bytes = snippets.load("url_shortener_storage").link_record_bytes
    redirect_response_bytes = snippets.load("url_shortener_bandwidth").redirect_response_bytes
    return {
        "label": "URL shortener (the worked example, links and redirects)",
        "inputs": {
            "daily_active_users": float(us.daily_active_users),
            "writes_per_user_per_day": us.links_created_per_day / us.daily_active_users,
            "reads_per_user_per_day": us.links_created_per_day * us.redirects_per_link_created / us.daily_active_users,
            "write_size_bytes": float(link_record_bytes),
            "read_size_bytes": float(redirect_response_bytes),
            "peak_to_average": float(us.peak_to_average),
            "replication_factor": float(us.link_copies),
            "retention_years": float(us.retention_years),
            # The shared cache holds a day's clicked links and a day's new ones, as a share of a
            # day's redirects (url_shortener_cache.py sizes it from the popularity curve).
            "cache_fraction": (us.distinct_links_clicked_per_day + us.links_created_per_day)
            / (us.links_created_per_day * us.redirects_per_link_created),
            "requests_per_server": float(us.requests_per_server),
        },
    }


def chat() -> dict:
    """The chat example's preset, from the snippets READS["chat"] names."""
    chat = snippets.load("chat_assumptions")
    chat_traffic = snippets.load("chat_traffic")
    chat_data_model = snippets.load("chat_data_model")
    return {
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
    }


def rate_limiter() -> dict:
    """The rate limiter example's preset, from the snippets READS["rate_limiter"] names."""
    rl = snippets.load("rate_limiter_assumptions")
    rl_state = snippets.load("rate_limiter_state")
    return {
        "label": "Rate limiter (the worked example, one check per API request)",
        "inputs": {
            "daily_active_users": float(rl.active_clients_per_day),
            # Every request is a check that reads and updates its bucket in one script; the
            # model can only count it as a read and a write, so its store operations are twice
            # the page's.
            "writes_per_user_per_day": rl.api_requests_per_day / rl.active_clients_per_day,
            "reads_per_user_per_day": rl.api_requests_per_day / rl.active_clients_per_day,
            # A read or write is the bucket's state: the token count, the refill time and the
            # state byte (normal, share or moved).
            "write_size_bytes": float(rl_state.token_bucket_value_bytes),
            "read_size_bytes": float(rl_state.token_bucket_value_bytes),
            "peak_to_average": float(rl.peak_to_average),
            "replication_factor": float(rl.store_copies),
            # Buckets are overwritten in place and expire within seconds: nothing is kept.
            "retention_years": 0.0,
            # The cache stands for the bucket store itself: every client seen in a day, as a share
            # of a day's read volume, so the model's cache is the page's token-bucket memory.
            "cache_fraction": rl_state.token_bucket_memory
            / (rl.api_requests_per_day * rl_state.token_bucket_value_bytes),
            # One store shard's scripts a second, at full load (the page runs shards at half).
            "requests_per_server": float(rl.kv_gets_per_process / rl.script_cost_in_gets),
        },
    }


def ride_hailing() -> dict:
    """The ride hailing example's preset, from the snippets READS["ride_hailing"] names."""
    ride = snippets.load("ride_hailing_assumptions")
    ride_traffic = snippets.load("ride_hailing_traffic")
    return {
        "label": "Ride-hailing (the worked example, positions and index queries)",
        "inputs": {
            # A "user" is a driver online on the day's average; a write is a position (drivers'
            # and waiting riders'), a read an index query (matching and the map), both at the
            # example's rates over the day.
            "daily_active_users": float(ride_traffic.drivers_online_average),
            "writes_per_user_per_day": ride_traffic.location_writes_average
            * SECONDS_PER_DAY
            / ride_traffic.drivers_online_average,
            "reads_per_user_per_day": ride_traffic.index_queries_average
            * SECONDS_PER_DAY
            / ride_traffic.drivers_online_average,
            "write_size_bytes": float(ride.location_update_wire_bytes),
            # A read is sized as a map response: the map queries are almost all of the index's
            # queries; the matching searches, under one in a hundred, are counted at the same size.
            "read_size_bytes": float(ride.browse_response_bytes),
            "peak_to_average": float(ride.peak_to_average),
            "replication_factor": float(ride.copies),
            # Positions are overwritten in memory; the trails the page keeps (the positions of
            # rides under way, packed to about 20 B a point) and the trips are outside this model,
            # so nothing is kept here.
            "retention_years": 0.0,
            # The index is all in memory already; no cache in front of it.
            "cache_fraction": 0.0,
            # One location server's positions a second (step 5's assumption).
            "requests_per_server": float(ride.positions_per_location_server),
        },
    }


def ticket_booking() -> dict:
    """The ticket booking example's preset, from the snippets READS["ticket_booking"] names."""
    tb = snippets.load("ticket_booking_assumptions")
    tb_traffic = snippets.load("ticket_booking_traffic")
    tb_data_model = snippets.load("ticket_booking_data_model")
    tb_storage = snippets.load("ticket_booking_storage")
    capacity = snippets.load("reference_capacity")
    return {
        "label": "Ticket booking (the worked example, a normal day: orders and page views)",
        "inputs": {
            # A "user" is a purchase: one buyer's order a day, with its tickets, as the write; the page
            # views an order brings as the reads. A hot on-sale's waiting room is outside this model.
            "daily_active_users": float(tb_traffic.purchases_per_day),
            "writes_per_user_per_day": 1.0,
            "reads_per_user_per_day": float(tb.page_views_per_order),
            "write_size_bytes": float(tb_data_model.order_record_bytes),
            "read_size_bytes": float(tb.page_response_bytes),
            "peak_to_average": float(tb.peak_to_average),
            "replication_factor": float(tb_storage.record_copies),
            "retention_years": float(tb.order_retention_years),
            # Pages come from the CDN and the seat maps from an in-memory snapshot, both outside the model.
            "cache_fraction": 0.0,
            # One booking API server's cached reads a second (the capacity reference).
            "requests_per_server": float(capacity.api_read_per_server),
        },
    }


OTHER_PRESETS = {
    # Photos are stored with the posts (write_size_bytes counts the photo, so storage is right),
    # but a read here is a post's metadata: caption, owner, counts and the photo's CDN URLs. The
    # photo bytes themselves are served by the CDN from the object store, so neither the egress
    # nor the cache below counts them; a cache of photos would be the CDN's, sized by its own rules.
    "photo_sharing": {
        "label": "Photo sharing (reads: metadata; photos from the CDN)",
        "inputs": {
            "daily_active_users": 300e6,
            "writes_per_user_per_day": 0.3,
            "reads_per_user_per_day": 50,
            "write_size_bytes": 2 * MB,
            "read_size_bytes": 1 * KB,
            "peak_to_average": 3,
            "replication_factor": 1.5,
            "retention_years": 10,
            "cache_fraction": 0.2,
            "requests_per_server": 1000,
        },
    },
}
