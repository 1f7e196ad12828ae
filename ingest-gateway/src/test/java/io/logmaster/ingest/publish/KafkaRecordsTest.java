package io.logmaster.ingest.publish;

import io.logmaster.event.RawRecord;
import io.logmaster.event.RawRecordHeaders;
import io.logmaster.event.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class KafkaRecordsTest {
    private static final byte[] PAYLOAD = {'<', '1', '3', '>', 0, (byte) 0xFF, 'x'};

    private static RawRecord record(boolean truncated) {
        return new RawRecord(
                "0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b",
                1_796_292_930_456_789_012L,
                "2001:db8::1",
                514,
                "udp",
                5514,
                "gw1",
                truncated,
                PAYLOAD);
    }

    private static Map<String, String> headers(ProducerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            assertThat(headers).doesNotContainKey(h.key());
            headers.put(h.key(), new String(h.value(), UTF_8));
        }
        return headers;
    }

    @Test
    void mapsEnvelopeToValueKeyTimestampAndHeaders() {
        ProducerRecord<byte[], byte[]> record =
                KafkaRecords.toProducerRecord(Topics.RAW, record(false));

        assertThat(record.topic()).isEqualTo("logmaster.raw");
        assertThat(record.partition()).isNull();
        assertThat(record.value()).isEqualTo(PAYLOAD);
        assertThat(record.key()).isEqualTo("2001:db8::1".getBytes(UTF_8));
        assertThat(record.timestamp()).isEqualTo(1_796_292_930_456L);
        assertThat(headers(record))
                .containsExactly(
                        Map.entry(RawRecordHeaders.ID, "0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"),
                        Map.entry(RawRecordHeaders.RECEIVED, "1796292930456789012"),
                        Map.entry(RawRecordHeaders.PEER_ADDRESS, "2001:db8::1"),
                        Map.entry(RawRecordHeaders.PEER_PORT, "514"),
                        Map.entry(RawRecordHeaders.TRANSPORT, "udp"),
                        Map.entry(RawRecordHeaders.LISTENER_PORT, "5514"),
                        Map.entry(RawRecordHeaders.GATEWAY, "gw1"));
    }

    @Test
    void addsTruncatedHeaderOnlyWhenCut() {
        ProducerRecord<byte[], byte[]> record =
                KafkaRecords.toProducerRecord(Topics.RAW, record(true));

        assertThat(headers(record)).containsEntry("lm.truncated", "true").hasSize(8);
        assertThat(Arrays.equals(record.value(), PAYLOAD)).isTrue();
    }
}
