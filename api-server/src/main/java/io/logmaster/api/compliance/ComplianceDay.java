package io.logmaster.api.compliance;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One day of {@code GET /api/v1/compliance/days}: either a row the compliance batch recorded
 * ({@link Recorded}) or a past day without any row ({@link Unsealed}), so a missing seal shows.
 */
sealed interface ComplianceDay permits ComplianceDay.Recorded, ComplianceDay.Unsealed {

    LocalDate day();

    /** {@code sealed}, {@code pending}, {@code failed} or {@code unsealed}. */
    String state();

    /**
     * A row of {@code compliance_days}; fields other than day and state are null when unknown.
     *
     * @param manifestSha256 SHA-256 (hex) of the sealed manifest.json
     * @param stampedAt genTime of the time stamp
     * @param detail pending: why no TSA answered; failed: the reason; sealed: manifest warnings
     */
    record Recorded(
            LocalDate day,
            String state,
            Integer devices,
            Long records,
            @JsonProperty("manifest_sha256") String manifestSha256,
            @JsonProperty("sealed_at") Instant sealedAt,
            @JsonProperty("stamped_at") Instant stampedAt,
            String tsa,
            String detail)
            implements ComplianceDay {}

    /** A past day the batch has recorded nothing for. */
    record Unsealed(LocalDate day, String state) implements ComplianceDay {
        Unsealed(LocalDate day) {
            this(day, "unsealed");
        }
    }
}
