package io.logmaster.flink.source;

import io.logmaster.event.RawRecordHeaders;
import io.logmaster.event.Topics;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a {@link DeadLetter} to {@link Topics#DLQ}: key, value and headers as read, plus {@link
 * RawRecordHeaders#DLQ_REASON}.
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            DeadLetter dead, KafkaSinkContext context, Long timestamp) {
        return toProducerRecord(dead);
    }

    static ProducerRecord<byte[], byte[]> toProducerRecord(DeadLetter dead) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < dead.headerKeys.length; i++) {
            if (!RawRecordHeaders.DLQ_REASON.equals(dead.headerKeys[i])) {
                headers.add(dead.headerKeys[i], dead.headerValues[i]);
            }
        }
        headers.add(
                RawRecordHeaders.DLQ_REASON,
                RawRecordHeaders.value(dead.reason == null ? "unknown" : dead.reason));
        return new ProducerRecord<>(Topics.DLQ, null, null, dead.key, dead.value, headers);
    }
}
