package io.logmaster.flink.postgres;

import io.logmaster.event.LogEvent;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The PostgreSQL sink of IngestJob: batched at-least-once inserts into {@code events} that skip
 * rows already present, so each event id is stored exactly once.
 */
public final class PostgresEventSink {
    static final int BATCH_SIZE = 500;
    static final long BATCH_INTERVAL_MS = 200;
    static final int MAX_RETRIES = 5;

    private PostgresEventSink() {}

    /** A sink inserting into the {@code events} table of the database at {@code jdbcUrl}. */
    public static Sink<LogEvent> create(String jdbcUrl, String user, String password) {
        return JdbcSink.<LogEvent>builder()
                .withQueryStatement(EventRowBinder.INSERT, new EventRowBinder())
                .withExecutionOptions(
                        JdbcExecutionOptions.builder()
                                .withBatchSize(BATCH_SIZE)
                                .withBatchIntervalMs(BATCH_INTERVAL_MS)
                                .withMaxRetries(MAX_RETRIES)
                                .build())
                .buildAtLeastOnce(
                        new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                                .withUrl(jdbcUrl)
                                .withDriverName("org.postgresql.Driver")
                                .withUsername(user)
                                .withPassword(password)
                                .build());
    }
}
