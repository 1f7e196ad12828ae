package io.logmaster.flink.postgres;

import io.logmaster.event.EcsJson;
import io.logmaster.event.LogEvent;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Binds one event to {@link #INSERT}: the columns of the {@code events} table (schema in
 * docs/adr/0001-record-contracts.md) with NUL replaced (see {@link PgText}).
 */
final class EventRowBinder implements JdbcStatementBuilder<LogEvent> {
    private static final long serialVersionUID = 1L;

    /** Idempotent by (day, event_id): at-least-once delivery stores each event once. */
    static final String INSERT =
            "INSERT INTO events (day, event_id, received_at, event_time, peer_address, hostname,"
                    + " appname, severity, facility, message, doc)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?::jsonb)"
                    + " ON CONFLICT (day, event_id) DO NOTHING";

    @Override
    public void accept(PreparedStatement ps, LogEvent event) throws SQLException {
        ps.setObject(1, LocalDate.parse(event.day));
        ps.setString(2, PgText.text(event.id));
        ps.setObject(
                3,
                OffsetDateTime.ofInstant(
                        EcsJson.nanosToInstant(event.receivedNanos), ZoneOffset.UTC));
        ps.setObject(
                4,
                OffsetDateTime.ofInstant(
                        Instant.ofEpochMilli(event.timestampMillis), ZoneOffset.UTC));
        ps.setString(5, PgText.text(event.peerAddress));
        ps.setString(6, PgText.text(event.hostname));
        ps.setString(7, PgText.text(event.appname));
        smallint(ps, 8, event.severity);
        smallint(ps, 9, event.facility);
        ps.setString(10, PgText.text(event.message));
        ps.setString(11, PgText.json(EcsJson.write(event)));
    }

    private static void smallint(PreparedStatement ps, int index, Integer value)
            throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.SMALLINT);
        } else {
            ps.setShort(index, value.shortValue());
        }
    }
}
