package io.logmaster.flink.support;

import io.logmaster.event.EcsJson;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The receive day of a record: the calendar date of its receive time in the configured zone. Daily
 * files, PostgreSQL partitions and {@code logmaster.day} are all cut by this day.
 */
public final class ReceiveDays {
    private ReceiveDays() {}

    /**
     * The day on which a record received at {@code receivedNanos} (epoch nanos) falls in {@code
     * zone}.
     */
    public static LocalDate of(long receivedNanos, ZoneId zone) {
        return LocalDate.ofInstant(EcsJson.nanosToInstant(receivedNanos), zone);
    }

    /** {@link #of} as ISO text, {@code yyyy-MM-dd}. */
    public static String iso(long receivedNanos, ZoneId zone) {
        return of(receivedNanos, zone).toString();
    }
}
