package io.logmaster.flink.source;

import io.logmaster.event.Topics;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The Kafka side of raw records: the source of {@link Topics#RAW} (committed offsets of group
 * {@value #GROUP_ID}, else the earliest) and the dead-letter sink to {@link Topics#DLQ}.
 */
public final class RawKafkaSource {
    /** Consumer group of IngestJob; offsets are committed on checkpoints (for monitoring). */
    public static final String GROUP_ID = "logmaster-ingest";

    private RawKafkaSource() {}

    /** The source of {@code logmaster.raw}: one {@link IncomingRecord} per Kafka record. */
    public static KafkaSource<IncomingRecord> create(String bootstrapServers) {
        return KafkaSource.<IncomingRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(Topics.RAW)
                .setGroupId(GROUP_ID)
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperty("partition.discovery.interval.ms", "60000")
                .build();
    }

    /**
     * The sink of dead letters. At-least-once is enough here: a dead letter is evidence to look at,
     * and a rare duplicate after a failure does no harm.
     */
    public static KafkaSink<DeadLetter> deadLetterSink(String bootstrapServers) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new DeadLetterSerializer())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
