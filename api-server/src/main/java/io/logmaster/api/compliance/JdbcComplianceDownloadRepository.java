package io.logmaster.api.compliance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** {@link ComplianceDownloadRepository} on the {@code compliance_downloads} table. */
@Repository
class JdbcComplianceDownloadRepository implements ComplianceDownloadRepository {

    private final JdbcClient jdbc;

    JdbcComplianceDownloadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(ComplianceDownload d) {
        jdbc.sql(
                        "INSERT INTO compliance_downloads"
                                + " (at, username, remote_addr, from_day, to_day, device, days)"
                                + " VALUES (:at, :username, :remoteAddr, :from, :to, :device,"
                                + " :days)")
                .param("at", OffsetDateTime.ofInstant(d.at(), ZoneOffset.UTC))
                .param("username", d.username())
                .param("remoteAddr", d.remoteAddr())
                .param("from", d.from())
                .param("to", d.to())
                .param("device", d.device())
                .param("days", d.days())
                .update();
    }
}
