package io.logmaster.flink.source;

import io.logmaster.event.RawRecordHeaders;
import io.logmaster.event.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterSerializerTest {
    @Test
    void writesRecordAsReadPlusReason() {
        RecordHeaders h = RawRecordDecoderTest.fullHeaders();
        h.remove(RawRecordHeaders.ID);
        DeadLetter dead =
                RawRecordDecoder.decode(
                                "logmaster.raw",
                                1,
                                9,
                                "k".getBytes(StandardCharsets.UTF_8),
                                RawRecordDecoderTest.PAYLOAD,
                                h)
                        .dead;

        ProducerRecord<byte[], byte[]> out = DeadLetterSerializer.toProducerRecord(dead);

        assertThat(out.topic()).isEqualTo(Topics.DLQ);
        assertThat(out.partition()).isNull();
        assertThat(out.key()).isEqualTo("k".getBytes(StandardCharsets.UTF_8));
        assertThat(out.value()).isEqualTo(RawRecordDecoderTest.PAYLOAD);
        List<String> keys = new ArrayList<>();
        for (Header header : out.headers()) {
            keys.add(header.key());
        }
        assertThat(keys)
                .containsExactly(
                        RawRecordHeaders.RECEIVED,
                        RawRecordHeaders.PEER_ADDRESS,
                        RawRecordHeaders.PEER_PORT,
                        RawRecordHeaders.TRANSPORT,
                        RawRecordHeaders.LISTENER_PORT,
                        RawRecordHeaders.GATEWAY,
                        RawRecordHeaders.DLQ_REASON);
        assertThat(
                        RawRecordHeaders.text(
                                out.headers().lastHeader(RawRecordHeaders.DLQ_REASON).value()))
                .isEqualTo("missing header lm.id");
    }

    @Test
    void replacesAReasonHeaderThatCameWithTheRecord() {
        RecordHeaders h = new RecordHeaders();
        h.add(RawRecordHeaders.DLQ_REASON, RawRecordHeaders.value("forged"));
        DeadLetter dead =
                RawRecordDecoder.decode("logmaster.raw", 0, 0, null, new byte[] {1}, h).dead;

        ProducerRecord<byte[], byte[]> out = DeadLetterSerializer.toProducerRecord(dead);

        assertThat(out.headers().headers(RawRecordHeaders.DLQ_REASON)).hasSize(1);
        assertThat(
                        RawRecordHeaders.text(
                                out.headers().lastHeader(RawRecordHeaders.DLQ_REASON).value()))
                .isEqualTo("missing header lm.id");
        assertThat(out.key()).isNull();
    }
}
