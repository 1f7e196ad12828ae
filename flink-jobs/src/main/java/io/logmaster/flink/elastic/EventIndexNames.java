package io.logmaster.flink.elastic;

import io.logmaster.event.EcsJson;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Daily Elasticsearch index names: {@code logmaster-events-YYYY.MM.DD} from the UTC date of the
 * receive time ({@code event.created}), as docs/adr/0001-record-contracts.md fixes.
 */
public final class EventIndexNames {
    /** Common prefix; searches use {@code logmaster-events-*}. */
    public static final String PREFIX = "logmaster-events-";

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu.MM.dd").withZone(ZoneOffset.UTC);

    private EventIndexNames() {}

    /** The index of an event received at {@code receivedNanos} (epoch nanoseconds). */
    public static String forReceived(long receivedNanos) {
        return PREFIX + DAY.format(EcsJson.nanosToInstant(receivedNanos));
    }
}
