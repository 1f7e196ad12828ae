package io.logmaster.flink.source;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka source deserializer of {@code logmaster.raw}: emits exactly one {@link IncomingRecord} per
 * Kafka record, a raw record or a dead letter, and never throws.
 */
public final class RawRecordDeserializer
        implements KafkaRecordDeserializationSchema<IncomingRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<IncomingRecord> out) {
        out.collect(
                RawRecordDecoder.decode(
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.key(),
                        record.value(),
                        record.headers()));
    }

    @Override
    public TypeInformation<IncomingRecord> getProducedType() {
        return TypeInformation.of(IncomingRecord.class);
    }
}
