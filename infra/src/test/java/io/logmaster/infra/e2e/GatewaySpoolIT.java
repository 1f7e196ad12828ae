package io.logmaster.infra.e2e;

import io.logmaster.infra.kafka.KafkaService;
import io.logmaster.infra.stack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka stopped for about 10 s in the middle of a 2,000 lines/s TCP stream: the gateway keeps
 * accepting (its disk spool holds what Kafka cannot take), and when Kafka is back every line is in
 * {@code logmaster.raw} exactly once, by token and by event id.
 */
class GatewaySpoolIT {
    private static final String TOPIC = "logmaster.raw";
    private static final int RATE = 2_000;
    private static final Duration STREAM = Duration.ofSeconds(20);
    private static final Duration KAFKA_DOWN_AT = Duration.ofSeconds(5);
    private static final Duration KAFKA_DOWN_FOR = Duration.ofSeconds(10);

    @Test
    void everyLineArrivesExactlyOnceAcrossAKafkaOutage() throws Exception {
        LocalStack stack = SharedStack.get();
        KafkaService kafka = stack.services().kafka();
        String run = "spool" + Long.toHexString(System.nanoTime());
        Pattern token = Pattern.compile(Pattern.quote(run) + "-(\\d+)");

        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka.bootstrapServers())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(TOPIC, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            CompletableFuture<Void> outage =
                    CompletableFuture.runAsync(
                            () -> {
                                sleep(KAFKA_DOWN_AT);
                                kafka.stop();
                                sleep(KAFKA_DOWN_FOR);
                                kafka.start();
                            });
            int sent = stream(stack.config().syslogPort(), run);
            outage.get(3, TimeUnit.MINUTES);
            assertThat(sent).isGreaterThanOrEqualTo(RATE * (int) STREAM.toSeconds() * 9 / 10);

            Map<Integer, Integer> byToken = new HashMap<>();
            Map<String, Integer> byId = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (byToken.size() < sent && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Matcher m = token.matcher(new String(r.value(), StandardCharsets.UTF_8));
                    if (!m.find()) {
                        continue;
                    }
                    byToken.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
                    Header id = r.headers().lastHeader("lm.id");
                    assertThat(id).as("lm.id header").isNotNull();
                    byId.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                }
            }
            // A little longer, so a late duplicate would be seen too.
            for (int i = 0; i < 6; i++) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Matcher m = token.matcher(new String(r.value(), StandardCharsets.UTF_8));
                    if (m.find()) {
                        byToken.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
                        byId.merge(
                                new String(
                                        r.headers().lastHeader("lm.id").value(),
                                        StandardCharsets.UTF_8),
                                1,
                                Integer::sum);
                    }
                }
            }

            assertThat(byToken.size()).as("distinct tokens in %s", TOPIC).isEqualTo(sent);
            assertThat(byToken.entrySet().stream().filter(e -> e.getValue() != 1).toList())
                    .as("tokens not exactly once")
                    .isEmpty();
            assertThat(byId.size()).as("distinct event ids").isEqualTo(sent);
            assertThat(byId.values().stream().mapToInt(Integer::intValue).sum())
                    .as("records with our tokens")
                    .isEqualTo(sent);
        }

        // Let the Flink job (which restarts by itself after the outage) catch up, so the tests
        // after this one see a quiet pipeline.
        ApiClient api = new ApiClient(stack.config().apiUrl(), "admin", SharedStack.ADMIN_PASSWORD);
        long indexed =
                Await.until(
                        Duration.ofMinutes(4),
                        () -> api.total(PipelineEndToEndIT.query(run)),
                        n -> n >= sent());
        assertThat(indexed).as("events searchable through the API").isEqualTo(sent());
    }

    private int sentCount;

    private int sent() {
        return sentCount;
    }

    /** Sends newline-framed lines at {@link #RATE} per second for {@link #STREAM}. */
    private int stream(int port, String run) throws Exception {
        int n = 0;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            long start = System.nanoTime();
            long end = start + STREAM.toNanos();
            while (System.nanoTime() < end) {
                long due = (System.nanoTime() - start) * RATE / 1_000_000_000L;
                while (n < due) {
                    String line =
                            "<13>1 2026-12-03T10:15:30Z host-spool app - - - spool token "
                                    + run
                                    + "-"
                                    + n
                                    + "\n";
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    n++;
                }
                out.flush();
                Thread.sleep(5);
            }
            out.flush();
        }
        sentCount = n;
        return n;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
