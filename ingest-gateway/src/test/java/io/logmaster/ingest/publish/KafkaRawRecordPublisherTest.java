package io.logmaster.ingest.publish;

import io.logmaster.event.RawRecord;
import io.logmaster.event.RawRecordHeaders;
import io.logmaster.ingest.GatewayConfig;
import io.logmaster.ingest.metrics.DropReason;
import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.support.Await;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class KafkaRawRecordPublisherTest {
    private static final long WEIGHT = PendingBudget.weight(5);

    private final GatewayMetrics metrics = new GatewayMetrics();
    private MockProducer<byte[], byte[]> producer;
    private KafkaRawRecordPublisher publisher;

    private void start(boolean autoComplete, long highWatermark, Duration closeTimeout) {
        producer =
                new MockProducer<>(
                        autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
        publisher =
                new KafkaRawRecordPublisher(
                        producer,
                        "test.raw",
                        new PendingBudget(highWatermark, Math.max(1, highWatermark / 2)),
                        metrics,
                        closeTimeout);
    }

    @AfterEach
    void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    private static RawRecord record(int n) {
        return new RawRecord(
                "id-" + n,
                1_000_000_000L * n,
                "10.0.0." + n,
                514,
                "tcp",
                5514,
                "gw",
                false,
                ("msg-" + n).getBytes(UTF_8));
    }

    private List<ProducerRecord<byte[], byte[]>> history() {
        return producer.history();
    }

    private static String id(ProducerRecord<byte[], byte[]> record) {
        return new String(record.headers().lastHeader(RawRecordHeaders.ID).value(), UTF_8);
    }

    @Test
    void sendsRecordsToTopicAndCountsAcknowledgements() {
        start(true, 1 << 20, Duration.ofSeconds(5));

        publisher.publish(record(1));
        publisher.publish(record(2));

        Await.until("both acknowledged", () -> metrics.publishedCount() == 2);
        assertThat(history()).extracting(ProducerRecord::topic).containsOnly("test.raw");
        assertThat(history())
                .extracting(r -> new String(r.value(), UTF_8))
                .containsExactly("msg-1", "msg-2");
        assertThat(history())
                .extracting(r -> new String(r.key(), UTF_8))
                .containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(metrics.kafkaSendErrors()).isZero();
    }

    @Test
    void retriesRetriableFailureWithTheSameId() {
        start(false, 1 << 20, Duration.ofSeconds(5));

        publisher.publish(record(1));
        Await.until("first send", () -> history().size() == 1);
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
        Await.until("second send", () -> history().size() == 2);
        producer.completeNext();

        Await.until("acknowledged", () -> metrics.publishedCount() == 1);
        assertThat(history())
                .extracting(KafkaRawRecordPublisherTest::id)
                .containsExactly("id-1", "id-1");
        assertThat(metrics.kafkaSendErrors()).isEqualTo(1);
        assertThat(metrics.kafkaRetries()).isEqualTo(1);
        assertThat(metrics.drops(DropReason.KAFKA_REJECTED)).isZero();
        assertThat(metrics.renderPrometheus()).contains("logmaster_gateway_pending_records 0\n");
    }

    @Test
    void dropsAndCountsNonRetriableFailure() {
        start(false, 1 << 20, Duration.ofSeconds(5));

        publisher.publish(record(1));
        Await.until("first send", () -> history().size() == 1);
        producer.errorNext(new RecordTooLargeException("too large"));

        Await.until("dropped", () -> metrics.drops(DropReason.KAFKA_REJECTED) == 1);
        assertThat(metrics.kafkaSendErrors()).isEqualTo(1);
        assertThat(metrics.publishedCount()).isZero();
        assertThat(history()).hasSize(1);
        assertThat(metrics.renderPrometheus()).contains("logmaster_gateway_pending_records 0\n");
    }

    @Test
    void isBackedUpUntilKafkaAcknowledges() {
        start(false, 2 * WEIGHT, Duration.ofSeconds(5));
        AtomicInteger resumed = new AtomicInteger();

        publisher.publish(record(1));
        assertThat(publisher.isBackedUp()).isFalse();
        publisher.publish(record(2));
        assertThat(publisher.isBackedUp()).isTrue();
        publisher.whenDrained(resumed::incrementAndGet);
        Await.until("both sent", () -> history().size() == 2);

        producer.completeNext();
        assertThat(resumed).hasValue(0);
        producer.completeNext();

        assertThat(resumed).hasValue(1);
        assertThat(publisher.isBackedUp()).isFalse();
    }

    @Test
    void closeWaitsForPendingAcknowledgements() throws Exception {
        start(false, 1 << 20, Duration.ofSeconds(10));
        publisher.publish(record(1));
        Await.until("sent", () -> history().size() == 1);

        Thread closer = new Thread(publisher::close);
        closer.start();
        producer.completeNext();
        closer.join(10_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(metrics.publishedCount()).isEqualTo(1);
        assertThat(metrics.drops(DropReason.SHUTDOWN)).isZero();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void countsRecordsStillPendingAtCloseDeadline() {
        start(false, 1 << 20, Duration.ofMillis(200));
        publisher.publish(record(1));
        publisher.publish(record(2));
        Await.until("sent", () -> history().size() == 2);

        publisher.close();

        assertThat(metrics.drops(DropReason.SHUTDOWN)).isEqualTo(2);
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void countsPublishAfterCloseAsShutdownDrop() {
        start(true, 1 << 20, Duration.ofSeconds(1));
        publisher.close();

        publisher.publish(record(1));

        assertThat(metrics.drops(DropReason.SHUTDOWN)).isEqualTo(1);
    }

    @Test
    void configuresAnIdempotentLz4Producer() {
        GatewayConfig config =
                new GatewayConfig("k1:9092", "0.0.0.0", 5514, 5514, "gw-1", 2 * 1024 * 1024, 0);

        Map<String, Object> props = KafkaRawRecordPublisher.producerConfig(config);

        assertThat(props)
                .containsEntry("bootstrap.servers", "k1:9092")
                .containsEntry("client.id", "logmaster-gateway-gw-1")
                .containsEntry("enable.idempotence", true)
                .containsEntry("acks", "all")
                .containsEntry("max.in.flight.requests.per.connection", 5)
                .containsEntry("linger.ms", 5)
                .containsEntry("compression.type", "lz4")
                .containsEntry("max.request.size", 2 * 1024 * 1024 + 64 * 1024);
    }
}
