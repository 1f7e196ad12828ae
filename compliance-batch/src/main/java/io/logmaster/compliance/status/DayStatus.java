package io.logmaster.compliance.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The seal status of one day as the {@code compliance_days} table holds it: {@code sealed} (signed
 * and time-stamped), {@code pending} (sealed and signed, no time stamp yet; {@code detail} says
 * why) or {@code failed} (not sealed; {@code detail} is the reason). Fields other than day, state
 * and detail are null when unknown (a failed day has no manifest).
 *
 * @param manifestSha256 SHA-256 (hex) of the sealed {@code manifest.json} bytes
 * @param previousManifestSha256 the manifest hash of the previous sealed day the manifest links to
 * @param stampedAt genTime of the time stamp
 * @param tsa the time-stamping authority that signed the stamp
 */
public record DayStatus(
        LocalDate day,
        State state,
        Long devices,
        Long records,
        String manifestSha256,
        String previousManifestSha256,
        Instant sealedAt,
        Instant stampedAt,
        String tsa,
        String detail) {

    /** Day states of the sealed-day contract, as stored ({@link #dbValue()}). */
    public enum State {
        SEALED,
        PENDING,
        FAILED;

        /** The value in the {@code state} column: the lower-case name. */
        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DayStatus {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(state, "state");
    }

    /** A day that could not be sealed, with the reason. */
    public static DayStatus failed(LocalDate day, String reason) {
        return new DayStatus(day, State.FAILED, null, null, null, null, null, null, null, reason);
    }
}
