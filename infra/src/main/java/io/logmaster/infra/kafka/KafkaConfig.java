package io.logmaster.infra.kafka;

import io.logmaster.event.Topics;
import io.logmaster.infra.support.DataDirs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of the single-node KRaft broker: where it keeps its data, which ports it binds, its
 * heap and the topics created once it is up.
 *
 * @param dirs the stack's data directory layout; the broker lives in {@code <data>/kafka}
 * @param host address of both listeners (a loopback address for the local stack)
 * @param port client listener port (PLAINTEXT)
 * @param controllerPort KRaft controller listener port (CONTROLLER)
 * @param maxHeap the broker JVM's {@code -Xmx} value, e.g. {@code 512m}
 * @param topics topics to create after start-up (idempotent)
 * @param topicPartitions partitions of each created topic
 * @param startTimeout how long to wait for the broker to answer
 */
public record KafkaConfig(
        DataDirs dirs,
        String host,
        int port,
        int controllerPort,
        String maxHeap,
        List<String> topics,
        int topicPartitions,
        Duration startTimeout) {

    public static final String SERVICE = "kafka";
    public static final int DEFAULT_PORT = 19092;

    public KafkaConfig {
        Objects.requireNonNull(dirs, "dirs");
        requireText(host, "host");
        requirePort(port, "port");
        requirePort(controllerPort, "controllerPort");
        if (port == controllerPort) {
            throw new IllegalArgumentException(
                    "Kafka port and controller port must differ: " + port);
        }
        if (maxHeap == null || !maxHeap.matches("\\d+[kmgKMG]?")) {
            throw new IllegalArgumentException("maxHeap must look like 512m: " + maxHeap);
        }
        topics = List.copyOf(topics);
        for (String topic : topics) {
            if (topic == null || !topic.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new IllegalArgumentException("invalid topic name: " + topic);
            }
        }
        if (topicPartitions < 1) {
            throw new IllegalArgumentException(
                    "topicPartitions must be positive: " + topicPartitions);
        }
        if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
        }
    }

    /**
     * The local-stack defaults: 127.0.0.1, controller on {@code port + 1}, 512 MB heap, the
     * LogMaster topics with 3 partitions each, 2 minutes to start.
     */
    public static KafkaConfig of(DataDirs dirs, int port) {
        return of(dirs, port, port + 1);
    }

    /** Like {@link #of(DataDirs, int)} with an explicit controller port. */
    public static KafkaConfig of(DataDirs dirs, int port, int controllerPort) {
        return new KafkaConfig(
                dirs,
                "127.0.0.1",
                port,
                controllerPort,
                "512m",
                List.of(Topics.RAW, Topics.EVENTS, Topics.DLQ),
                3,
                Duration.ofMinutes(2));
    }

    /** {@code host:port} for clients ({@code bootstrap.servers}). */
    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** The broker's own directory: {@code <data>/kafka}. */
    public Path dir() {
        return dirs.serviceDir(SERVICE);
    }

    /** Kafka's {@code log.dirs} (also the KRaft metadata log). */
    public Path logDir() {
        return dir().resolve("data");
    }

    public Path propertiesFile() {
        return dir().resolve("server.properties");
    }

    public Path log4jFile() {
        return dir().resolve("log4j2.properties");
    }

    static void requirePort(int port, String name) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 1..65535: " + port);
        }
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
