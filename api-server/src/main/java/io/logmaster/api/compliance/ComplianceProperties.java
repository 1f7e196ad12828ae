package io.logmaster.api.compliance;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Compliance settings ({@code logmaster.compliance.*}).
 *
 * @param zone zone whose calendar day is sealed (LOGMASTER_ZONE): decides which days are past
 * @param sealedDir directory of sealed days {@code YYYY-MM-DD/} (LOGMASTER_SEALED_DIR, default
 *     {@code ${LOGMASTER_DATA_DIR}/archive/sealed}), read for auditor bundles
 */
@Validated
@ConfigurationProperties("logmaster.compliance")
public record ComplianceProperties(@NotNull ZoneId zone, @NotNull Path sealedDir) {}
