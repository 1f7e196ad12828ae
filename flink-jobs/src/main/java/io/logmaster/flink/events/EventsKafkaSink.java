package io.logmaster.flink.events;

import io.logmaster.event.EcsJson;
import io.logmaster.event.LogEvent;
import io.logmaster.event.Topics;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * Publishes parsed events to {@link Topics#EVENTS} exactly once (Kafka transactions committed on
 * checkpoints), keyed by peer address so one device's events stay in order. Consumers must read
 * with {@code isolation.level=read_committed}.
 */
public final class EventsKafkaSink {
    /** Unique per job in the Kafka cluster; lingering transactions are aborted by this prefix. */
    static final String TRANSACTIONAL_ID_PREFIX = "logmaster-ingest-events";

    /**
     * Below the broker's default {@code transaction.max.timeout.ms} (15 min); the sink's own
     * default of 1 h would be rejected by a default broker.
     */
    static final String TRANSACTION_TIMEOUT_MS = "600000";

    private EventsKafkaSink() {}

    /** The sink to {@code logmaster.events}. */
    public static KafkaSink<LogEvent> create(String bootstrapServers) {
        return KafkaSink.<LogEvent>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new EventSerializer())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(TRANSACTIONAL_ID_PREFIX)
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .build();
    }

    /** Key = peer address, value = the ECS JSON document, both UTF-8. */
    static final class EventSerializer implements KafkaRecordSerializationSchema<LogEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                LogEvent event, KafkaSinkContext context, Long timestamp) {
            byte[] key =
                    event.peerAddress == null
                            ? null
                            : event.peerAddress.getBytes(StandardCharsets.UTF_8);
            return new ProducerRecord<>(
                    Topics.EVENTS, key, EcsJson.write(event).getBytes(StandardCharsets.UTF_8));
        }
    }
}
