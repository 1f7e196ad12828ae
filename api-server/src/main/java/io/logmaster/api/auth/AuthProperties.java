package io.logmaster.api.auth;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Authentication settings ({@code logmaster.auth.*}).
 *
 * @param adminPassword password of the built-in {@code admin} user, applied at every start
 *     (LOGMASTER_ADMIN_PASSWORD, required, at least 8 characters)
 * @param tokenTtl lifetime of an API token (LOGMASTER_TOKEN_TTL, default 12h)
 */
@Validated
@ConfigurationProperties("logmaster.auth")
public record AuthProperties(
        @NotNull
                @Size(min = 8, message = "LOGMASTER_ADMIN_PASSWORD must have at least 8 characters")
                String adminPassword,
        @NotNull Duration tokenTtl) {

    public AuthProperties {
        if (tokenTtl != null && (tokenTtl.isNegative() || tokenTtl.isZero())) {
            throw new IllegalArgumentException(
                    "logmaster.auth.token-ttl (LOGMASTER_TOKEN_TTL) must be positive: " + tokenTtl);
        }
    }

    @Override
    public String toString() {
        return "AuthProperties[adminPassword=<redacted>, tokenTtl=" + tokenTtl + "]";
    }
}
