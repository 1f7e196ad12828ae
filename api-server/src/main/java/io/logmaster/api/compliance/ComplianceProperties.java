package io.logmaster.api.compliance;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.ZoneId;

/**
 * Compliance settings ({@code logmaster.compliance.*}).
 *
 * @param zone zone whose calendar day is sealed (LOGMASTER_ZONE): decides which days are past
 */
@Validated
@ConfigurationProperties("logmaster.compliance")
public record ComplianceProperties(@NotNull ZoneId zone) {}
