package io.logmaster.ingest.publish;

import io.logmaster.event.RawRecord;
import io.logmaster.event.RawRecordHeaders;
import io.logmaster.ingest.GatewayConfig;
import io.logmaster.ingest.metrics.DropReason;
import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.spool.DiskSpool;
import io.logmaster.ingest.spool.SpoolSettings;
import io.logmaster.ingest.support.Await;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class KafkaRawRecordPublisherTest {
    @TempDir Path dir;

    private GatewayMetrics metrics = new GatewayMetrics();
    private MockProducer<byte[], byte[]> producer;
    private KafkaRawRecordPublisher publisher;

    private void start(boolean autoComplete, long spoolMax, Duration closeTimeout)
            throws IOException {
        metrics = new GatewayMetrics();
        producer =
                new MockProducer<>(
                        autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
        DiskSpool spool =
                DiskSpool.open(
                        new SpoolSettings(
                                dir, spoolMax, spoolMax / 4, Duration.ofMillis(100), 10_000),
                        System::nanoTime);
        publisher =
                new KafkaRawRecordPublisher(
                        producer,
                        "test.raw",
                        spool,
                        new PendingBudget(1 << 20, 1 << 19),
                        metrics,
                        closeTimeout,
                        Clock.systemUTC());
    }

    private void start(boolean autoComplete) throws IOException {
        start(autoComplete, 8L << 20, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    private static RawRecord record(int n, int size) {
        return new RawRecord(
                "id-" + n,
                1_000_000_000L * n,
                "10.0.0." + (n % 3),
                514,
                "tcp",
                5514,
                "gw",
                false,
                ("msg-" + n + "-" + "x".repeat(size)).getBytes(UTF_8));
    }

    private static RawRecord record(int n) {
        return record(n, 0);
    }

    private List<String> sentIds() {
        return producer.history().stream().map(KafkaRawRecordPublisherTest::id).toList();
    }

    private static String id(ProducerRecord<byte[], byte[]> record) {
        return new String(record.headers().lastHeader(RawRecordHeaders.ID).value(), UTF_8);
    }

    private static List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "id-" + i).toList();
    }

    @Test
    void sendsRecordsInOrderAndEmptiesTheSpool() throws IOException {
        start(true);

        for (int i = 0; i < 500; i++) {
            publisher.publish(record(i));
        }

        Await.until("all acknowledged", () -> metrics.publishedCount() == 500);
        Await.until(
                "spool committed",
                () ->
                        publisher.healthProblem() == null
                                && metrics.renderPrometheus()
                                        .contains("logmaster_gateway_spool_records 0\n"));
        assertThat(sentIds()).containsExactlyElementsOf(ids(0, 500));
        ProducerRecord<byte[], byte[]> first = producer.history().get(0);
        assertThat(first.topic()).isEqualTo("test.raw");
        assertThat(new String(first.key(), UTF_8)).isEqualTo("10.0.0.0");
        assertThat(new String(first.value(), UTF_8)).isEqualTo("msg-0-");
        assertThat(metrics.kafkaSendErrors()).isZero();
    }

    @Test
    void resendsFailedRecordsInOrderWithTheSameIds() throws IOException {
        start(false);
        for (int i = 0; i < 3; i++) {
            publisher.publish(record(i));
        }
        Await.until("three sent", () -> producer.history().size() == 3);

        // Kafka down: all three time out, in order.
        for (int i = 0; i < 3; i++) {
            producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
        }
        Await.until("resent", () -> producer.history().size() == 6);
        while (producer.completeNext()) {
            // acknowledge the resends
        }

        Await.until("acknowledged", () -> metrics.publishedCount() == 3);
        assertThat(sentIds()).containsExactly("id-0", "id-1", "id-2", "id-0", "id-1", "id-2");
        assertThat(metrics.kafkaSendErrors()).isEqualTo(3);
        assertThat(metrics.kafkaRetries()).isEqualTo(3);
        assertThat(metrics.drops(DropReason.KAFKA_REJECTED)).isZero();
    }

    @Test
    void holdsNewRecordsBehindFailedOnesUntilTheyAreResent() throws IOException {
        start(false);
        publisher.publish(record(0));
        Await.until("first sent", () -> producer.history().size() == 1);
        producer.errorNext(new TimeoutException("broker down"));
        publisher.publish(record(1));

        Await.until("resent and next sent", () -> producer.history().size() == 3);
        producer.completeNext();
        producer.completeNext();

        Await.until("acknowledged", () -> metrics.publishedCount() == 2);
        assertThat(sentIds()).containsExactly("id-0", "id-0", "id-1");
    }

    @Test
    void dropsAndCountsNonRetriableFailureAndMovesOn() throws IOException {
        start(false);
        publisher.publish(record(1));
        Await.until("first send", () -> producer.history().size() == 1);
        producer.errorNext(new RecordTooLargeException("too large"));
        publisher.publish(record(2));
        Await.until("second send", () -> producer.history().size() == 2);
        producer.completeNext();

        Await.until("dropped", () -> metrics.drops(DropReason.KAFKA_REJECTED) == 1);
        Await.until(
                "committed",
                () -> metrics.renderPrometheus().contains("logmaster_gateway_spool_records 0\n"));
        assertThat(metrics.publishedCount()).isEqualTo(1);
        assertThat(sentIds()).containsExactly("id-1", "id-2");
    }

    @Test
    void replaysUnacknowledgedRecordsAfterRestartWithoutDuplicates() throws IOException {
        start(false, 8L << 20, Duration.ofMillis(300));
        for (int i = 0; i < 100; i++) {
            publisher.publish(record(i));
        }
        Await.until("all sent", () -> producer.history().size() == 100);
        // Kafka acknowledges the first 40, then goes away.
        for (int i = 0; i < 40; i++) {
            producer.completeNext();
        }
        Await.until("40 acknowledged", () -> metrics.publishedCount() == 40);
        Await.until(
                "40 committed",
                () -> metrics.renderPrometheus().contains("logmaster_gateway_spool_records 60\n"));
        publisher.close();
        assertThat(metrics.drops(DropReason.SHUTDOWN)).isZero();

        start(true);

        Await.until("60 replayed", () -> metrics.publishedCount() == 60);
        assertThat(sentIds()).containsExactlyElementsOf(ids(40, 100));
        publisher.publish(record(100));
        Await.until("new one after the replay", () -> metrics.publishedCount() == 61);
        assertThat(sentIds().get(60)).isEqualTo("id-100");
    }

    @Test
    void fullSpoolBacksUpUntilKafkaTakesRecordsAgain() throws IOException {
        start(false, 1L << 20, Duration.ofSeconds(5));
        AtomicInteger resumed = new AtomicInteger();
        int n = 0;
        while (!publisher.isSpoolFull() && n < 5000) {
            publisher.publish(record(n++, 1000));
            if (n % 50 == 0) {
                int sent = n;
                Await.until(
                        "spooled",
                        () -> producer.history().size() >= sent - 60 || publisher.isSpoolFull());
            }
        }
        Await.until("spool full", publisher::isSpoolFull);

        assertThat(publisher.isBackedUp()).isTrue();
        assertThat(publisher.healthProblem()).startsWith("spool full");
        assertThat(metrics.renderPrometheus()).contains("logmaster_gateway_spool_full 1\n");
        publisher.whenDrained(resumed::incrementAndGet);
        assertThat(resumed).hasValue(0);

        while (producer.completeNext()) {
            // Kafka is back
        }
        Await.until("room again", () -> !publisher.isSpoolFull());
        Await.until("resumed", () -> resumed.get() == 1);
        int total = n;
        Await.until(
                "everything delivered",
                () -> {
                    producer.completeNext();
                    return metrics.publishedCount() == total;
                });
        assertThat(sentIds()).containsExactlyElementsOf(ids(0, total));
    }

    @Test
    void countsPublishAfterCloseAsShutdownDrop() throws IOException {
        start(true);
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
