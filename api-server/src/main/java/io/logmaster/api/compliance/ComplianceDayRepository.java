package io.logmaster.api.compliance;

import java.time.LocalDate;
import java.util.List;

/** Reads the per-day seal status the compliance batch records. */
interface ComplianceDayRepository {

    /** Rows with {@code from <= day <= to}, in any order. */
    List<ComplianceDay.Recorded> findBetween(LocalDate from, LocalDate to);

    /**
     * The first day this installation holds anything for (events or a seal record); days before it
     * are not gaps, nothing was being collected yet.
     */
    java.util.Optional<LocalDate> firstCollectedDay();
}
