package io.logmaster.api.compliance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** {@link ComplianceDayRepository} on the {@code compliance_days} table. */
@Repository
class JdbcComplianceDayRepository implements ComplianceDayRepository {

    private final JdbcClient jdbc;

    JdbcComplianceDayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public java.util.Optional<LocalDate> firstCollectedDay() {
        // min(day) is answered from the primary-key indexes of both tables.
        List<LocalDate> first =
                jdbc.sql(
                                "SELECT least((SELECT min(day) FROM events),"
                                        + " (SELECT min(day) FROM compliance_days))")
                        .query(LocalDate.class)
                        .list();
        // least() of two NULLs is NULL: nothing collected yet.
        return first.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(first.get(0));
    }

    @Override
    public List<ComplianceDay.Recorded> findBetween(LocalDate from, LocalDate to) {
        return jdbc.sql(
                        "SELECT day, state, devices, records, manifest_sha256, sealed_at,"
                                + " stamped_at, tsa, detail FROM compliance_days"
                                + " WHERE day BETWEEN :from AND :to ORDER BY day DESC")
                .param("from", from)
                .param("to", to)
                .query(
                        (rs, n) ->
                                new ComplianceDay.Recorded(
                                        rs.getObject("day", LocalDate.class),
                                        rs.getString("state"),
                                        rs.getObject("devices", Integer.class),
                                        rs.getObject("records", Long.class),
                                        rs.getString("manifest_sha256"),
                                        instant(rs, "sealed_at"),
                                        instant(rs, "stamped_at"),
                                        rs.getString("tsa"),
                                        rs.getString("detail")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
