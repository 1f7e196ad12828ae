package io.logmaster.compliance.seal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Outcome of sealing one day: {@code SEALED} (signed and time-stamped), {@code PENDING} (sealed and
 * signed, waiting for a time stamp: {@link #reason()} says why), {@code FAILED} (not sealed, with
 * the reason) or {@code SKIPPED} (nothing to do).
 */
public record DayResult(LocalDate day, State state, String reason) {
    /** Day states of the sealed-day contract. */
    public enum State {
        SEALED,
        PENDING,
        FAILED,
        SKIPPED
    }

    public DayResult {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    static DayResult sealed(LocalDate day, String how) {
        return new DayResult(day, State.SEALED, how);
    }

    static DayResult pending(LocalDate day, String reason) {
        return new DayResult(day, State.PENDING, reason);
    }

    static DayResult failed(LocalDate day, String reason) {
        return new DayResult(day, State.FAILED, reason);
    }

    static DayResult skipped(LocalDate day, String reason) {
        return new DayResult(day, State.SKIPPED, reason);
    }

    @Override
    public String toString() {
        return day + " " + state.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason;
    }
}
