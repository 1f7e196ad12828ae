package io.logmaster.compliance.retention;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionConfigTest {
    private static final Path DATA = Path.of("data");
    private static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");

    @Test
    void defaultsToTwoYearsAndSkipsUnconfiguredServices() {
        RetentionConfig c = RetentionConfig.fromEnv(Map.of(), DATA, ZONE);
        for (DataClass d : DataClass.values()) {
            assertThat(c.daysOf(d)).isEqualTo(730);
        }
        assertThat(c.esUrl()).isNull();
        assertThat(c.pgUrl()).isNull();
    }

    @Test
    void readsPerClassPeriodsAndServiceUrls() {
        RetentionConfig c =
                RetentionConfig.fromEnv(
                        Map.of(
                                "LOGMASTER_RETENTION_ARCHIVE", "1000d",
                                "LOGMASTER_RETENTION_LIVE", "P365D",
                                "LOGMASTER_RETENTION_SEARCH", "90d",
                                "LOGMASTER_RETENTION_EVENTS", "PT48H",
                                "LOGMASTER_ES_URL", "http://127.0.0.1:9200",
                                "LOGMASTER_PG_URL", "jdbc:postgresql://127.0.0.1:5432/lm",
                                "LOGMASTER_PG_PASSWORD", "secret"),
                        DATA,
                        ZONE);
        assertThat(c.daysOf(DataClass.ARCHIVE)).isEqualTo(1000);
        assertThat(c.daysOf(DataClass.LIVE)).isEqualTo(365);
        assertThat(c.daysOf(DataClass.SEARCH)).isEqualTo(90);
        assertThat(c.daysOf(DataClass.EVENTS)).isEqualTo(2);
        assertThat(c.esUrl()).hasToString("http://127.0.0.1:9200/");
        assertThat(c.pgUser()).isEqualTo("logmaster");
        assertThat(c.toString()).doesNotContain("secret").contains("pgPassword=***");
    }

    @Test
    void rejectsBadPeriodsNamingTheVariable() {
        assertThatThrownBy(
                        () ->
                                RetentionConfig.fromEnv(
                                        Map.of("LOGMASTER_RETENTION_SEARCH", "2y"), DATA, ZONE))
                .hasMessageContaining("LOGMASTER_RETENTION_SEARCH")
                .hasMessageContaining("'2y'");
        assertThatThrownBy(
                        () ->
                                RetentionConfig.fromEnv(
                                        Map.of("LOGMASTER_RETENTION_EVENTS", "PT36H"), DATA, ZONE))
                .hasMessageContaining("whole days");
        assertThatThrownBy(
                        () ->
                                RetentionConfig.fromEnv(
                                        Map.of("LOGMASTER_RETENTION_EVENTS", "0d"), DATA, ZONE))
                .hasMessageContaining("at least 1 day");
    }

    @Test
    void liveFilesMustNotOutliveTheirSeal() {
        assertThatThrownBy(
                        () ->
                                RetentionConfig.fromEnv(
                                        Map.of(
                                                "LOGMASTER_RETENTION_LIVE", "800d",
                                                "LOGMASTER_RETENTION_ARCHIVE", "730d"),
                                        DATA,
                                        ZONE))
                .hasMessageContaining("sealed again");
    }

    @Test
    void rejectsANonPostgresJdbcUrl() {
        assertThatThrownBy(
                        () ->
                                RetentionConfig.fromEnv(
                                        Map.of("LOGMASTER_PG_URL", "jdbc:mysql://x/y"), DATA, ZONE))
                .hasMessageContaining("LOGMASTER_PG_URL");
    }
}
