package io.logmaster.compliance.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * {@link DayStatusStore} on the {@code compliance_days} table (created by the api-server's Flyway
 * migration V2): one connection and one transaction per call, short timeouts so an unreachable
 * database delays a seal run by seconds, not minutes.
 */
public final class JdbcDayStatusStore implements DayStatusStore {
    static final String UPSERT =
            "INSERT INTO compliance_days (day, state, devices, records, manifest_sha256,"
                    + " previous_manifest_sha256, sealed_at, stamped_at, tsa, detail, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                    + " ON CONFLICT (day) DO UPDATE SET state = EXCLUDED.state,"
                    + " devices = EXCLUDED.devices, records = EXCLUDED.records,"
                    + " manifest_sha256 = EXCLUDED.manifest_sha256,"
                    + " previous_manifest_sha256 = EXCLUDED.previous_manifest_sha256,"
                    + " sealed_at = EXCLUDED.sealed_at, stamped_at = EXCLUDED.stamped_at,"
                    + " tsa = EXCLUDED.tsa, detail = EXCLUDED.detail,"
                    + " updated_at = EXCLUDED.updated_at";

    private final StatusDbSettings settings;

    public JdbcDayStatusStore(StatusDbSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void upsert(List<DayStatus> days) throws StatusStoreException {
        if (days.isEmpty()) {
            return;
        }
        Properties props = new Properties();
        props.setProperty("user", settings.user());
        props.setProperty("password", settings.password());
        props.setProperty("connectTimeout", "10");
        props.setProperty("loginTimeout", "10");
        props.setProperty("socketTimeout", "60");
        props.setProperty("ApplicationName", "logmaster-compliance-batch");
        try (Connection c = DriverManager.getConnection(settings.url(), props)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (DayStatus d : days) {
                    ps.setObject(1, d.day());
                    ps.setString(2, d.state().dbValue());
                    setLong(ps, 3, d.devices(), Types.INTEGER);
                    setLong(ps, 4, d.records(), Types.BIGINT);
                    ps.setString(5, d.manifestSha256());
                    ps.setString(6, d.previousManifestSha256());
                    setInstant(ps, 7, d.sealedAt());
                    setInstant(ps, 8, d.stampedAt());
                    ps.setString(9, d.tsa());
                    ps.setString(10, d.detail());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StatusStoreException(
                    "storing the status of " + days.size() + " day(s) in " + settings.url(), e);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long value, int type)
            throws SQLException {
        if (value == null) {
            ps.setNull(i, type);
        } else if (type == Types.INTEGER) {
            ps.setInt(i, Math.toIntExact(value));
        } else {
            ps.setLong(i, value);
        }
    }

    private static void setInstant(PreparedStatement ps, int i, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
