package io.logmaster.compliance.status;

import java.util.List;

/** Where the per-day seal status is published for the API (the {@code compliance_days} table). */
public interface DayStatusStore {

    /**
     * Inserts or replaces the status row of each day, all or nothing.
     *
     * @throws StatusStoreException if the store cannot be reached or refuses the rows
     */
    void upsert(List<DayStatus> days) throws StatusStoreException;
}
