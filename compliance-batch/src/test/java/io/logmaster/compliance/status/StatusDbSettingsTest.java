package io.logmaster.compliance.status;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusDbSettingsTest {
    @Test
    void needsUrlAndPasswordUserDefaultsToLogmaster() {
        assertThat(StatusDbSettings.fromEnv(Map.of())).isEmpty();
        assertThat(StatusDbSettings.fromEnv(Map.of("LOGMASTER_PG_URL", "jdbc:postgresql://h/db")))
                .isEmpty();
        StatusDbSettings s =
                StatusDbSettings.fromEnv(
                                Map.of(
                                        "LOGMASTER_PG_URL",
                                        " jdbc:postgresql://h:5432/db ",
                                        "LOGMASTER_PG_PASSWORD",
                                        "s3cret"))
                        .orElseThrow();
        assertThat(s.url()).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThat(s.user()).isEqualTo("logmaster");
        assertThat(s.password()).isEqualTo("s3cret");
        assertThat(s.toString()).doesNotContain("s3cret");
    }

    @Test
    void rejectsANonPostgresUrl() {
        assertThatThrownBy(
                        () ->
                                StatusDbSettings.fromEnv(
                                        Map.of(
                                                "LOGMASTER_PG_URL",
                                                "http://h/db",
                                                "LOGMASTER_PG_PASSWORD",
                                                "p")))
                .hasMessageContaining("LOGMASTER_PG_URL is not a jdbc:postgresql: URL");
    }
}
