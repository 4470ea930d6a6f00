"""Chat service worked example: the estimator's ten-input model beside this example's own figures."""

from chat_connections import connection_servers
from chat_storage import media_bytes_kept, message_bytes_per_day, message_bytes_total
from chat_traffic import deliveries_per_second, messages_per_second

from sdw.estimation import estimate, markdown_table, per_second, servers, size, size_per_day, times
from sdw.presets import chat

model = estimate(chat()["inputs"])
model_writes_per_second = per_second(model["write_qps_avg"])
model_reads_per_second = per_second(model["read_qps_avg"])
model_storage_per_day = size_per_day(model["storage_per_day_bytes"])
model_storage_total = size(model["storage_total_bytes"])
model_servers = servers(model["servers"])
servers_ratio = times(connection_servers / model_servers)

if __name__ != "chat_estimator":
    print(
        markdown_table(
            ("Figure", "Estimator (ten inputs)", "This example"),
            [
                ("Writes a second, average", model_writes_per_second, messages_per_second),
                ("Reads a second, average", model_reads_per_second, deliveries_per_second),
                ("Storage a day, one copy", model_storage_per_day, message_bytes_per_day),
                (
                    "Storage over the horizon, all copies",
                    model_storage_total,
                    f"{message_bytes_total} + {media_bytes_kept} of media",
                ),
                ("Servers", model_servers, f"{connection_servers} connection servers alone"),
            ],
        )
    )
