package io.logmaster.flink.elastic;

import io.logmaster.event.EcsJson;
import io.logmaster.event.LogEvent;
import org.elasticsearch.action.index.IndexRequest;
import org.elasticsearch.common.xcontent.XContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventIndexNamesTest {
    static long nanos(String instant) {
        Instant t = Instant.parse(instant);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Test
    void namesIndexByUtcDateOfReceiveTime() {
        assertThat(EventIndexNames.forReceived(nanos("2026-12-03T10:15:30.456789012Z")))
                .isEqualTo("logmaster-events-2026.12.03");
        // Already 00:30 on Dec 3 in Istanbul, but the index follows UTC.
        assertThat(EventIndexNames.forReceived(nanos("2026-12-02T21:30:00Z")))
                .isEqualTo("logmaster-events-2026.12.02");
        assertThat(EventIndexNames.forReceived(nanos("2027-01-01T00:00:00Z")))
                .isEqualTo("logmaster-events-2027.01.01");
        assertThat(EventIndexNames.forReceived(nanos("2026-12-31T23:59:59.999999999Z")))
                .isEqualTo("logmaster-events-2026.12.31");
    }

    @Test
    void indexRequestUsesEventIdAndEcsDocument() {
        LogEvent event = new LogEvent();
        event.id = "0193a1b2-0000-7000-8000-000000000001";
        event.receivedNanos = nanos("2026-12-03T10:15:30.456789012Z");
        event.timestampMillis = Instant.parse("2026-12-03T10:15:30.123Z").toEpochMilli();
        event.peerAddress = "10.1.2.3";
        event.transport = "udp";
        event.message = "hello";
        event.day = "2026-12-03";

        IndexRequest request = EventIndexEmitter.request(event);

        assertThat(request.index()).isEqualTo("logmaster-events-2026.12.03");
        assertThat(request.id()).isEqualTo(event.id);
        assertThat(request.source().utf8ToString()).isEqualTo(EcsJson.write(event));
        assertThat(request.getContentType()).isEqualTo(XContentType.JSON);
    }
}
