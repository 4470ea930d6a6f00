"""Chat service worked example: a rough count of servers, tier by tier."""

from chat_assumptions import store_write_utilization_target
from chat_connections import connection_servers, connections_peak, zone_headroom
from chat_presence import registry_nodes
from chat_sequencing import chat_busiest_over_mean_zone_lost
from chat_storage import (
    database_nodes_for_writes,
    database_nodes_year_one,
    store_writes_per_second_peak,
    years_until_data_outgrows_writes,
)
from chat_traffic import chat_servers, chat_work_per_message, messages_per_second_peak

from sdw.estimation import count, markdown_table, servers

# The store's first-year size: writes size it until data outgrows them, then it grows with data.
database_nodes = count(max(database_nodes_for_writes, database_nodes_year_one))
total_servers = servers(connection_servers + chat_servers + registry_nodes + database_nodes)

if __name__ != "chat_servers":
    print(
        markdown_table(
            ("Tier", "Sized by", "Servers"),
            [
                ("Connection servers", f"{connections_peak} connections at peak × {zone_headroom}", connection_servers),
                (
                    "Chat servers",
                    f"{messages_per_second_peak} messages at peak × {chat_work_per_message} for receipts, reads, "
                    f"typing and media lookups × {zone_headroom} × {chat_busiest_over_mean_zone_lost} for the busiest, "
                    "plus a spare a zone",
                    chat_servers,
                ),
                (
                    "Session registry",
                    "lookups, presence and replicated writes, with a lost zone's reconnect wave, plus a spare a zone",
                    registry_nodes,
                ),
                (
                    "Message database, first year",
                    f"{store_writes_per_second_peak} writes at peak, three copies, at {store_write_utilization_target} "
                    f"of a node's rate; data after "
                    f"{years_until_data_outgrows_writes} years",
                    database_nodes,
                ),
                ("Total", "", total_servers),
            ],
        )
    )
