package io.logmaster.ingest;

import io.logmaster.ingest.publish.KafkaRawRecordPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Entry point: reads the configuration from the environment (see {@link GatewayConfig}), starts the
 * gateway, prints {@code gateway ready udp=<port> tcp=<port>} on stdout once both listeners are
 * bound, and on SIGTERM or SIGINT stops accepting, flushes the Kafka producer and exits 0.
 */
public final class GatewayMain {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayMain.class);

    /** Exit status for a configuration error. */
    static final int EXIT_CONFIG = 2;

    /** Exit status for a failure to start (for example a port in use). */
    static final int EXIT_START = 1;

    private GatewayMain() {}

    public static void main(String[] args) {
        GatewayConfig config;
        try {
            config = GatewayConfig.fromEnv();
        } catch (IllegalArgumentException e) {
            LOG.error("Invalid configuration: {}", e.getMessage());
            System.exit(EXIT_CONFIG);
            return;
        }
        LOG.info(
                "Starting LogMaster ingest gateway {} (Kafka {}, bind {}, udp={}, tcp={},"
                        + " metrics port {}, spool {} max {} bytes fsync {} ms)",
                config.gatewayId(),
                config.kafkaBootstrap(),
                config.syslogBind(),
                config.udpPort(),
                config.tcpPort(),
                config.metricsPort(),
                config.spoolDir(),
                config.spoolMaxBytes(),
                config.spoolFsyncInterval().toMillis());
        Gateway gateway;
        try {
            gateway =
                    new Gateway(
                            config,
                            metrics -> KafkaRawRecordPublisher.create(config, metrics),
                            Clock.systemUTC());
        } catch (RuntimeException e) {
            LOG.error("Gateway failed to start", e);
            System.exit(EXIT_START);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(gateway), "gateway-shutdown"));
        // The launcher waits for this exact line on stdout (logs go to stderr).
        System.out.println("gateway ready udp=" + gateway.udpPort() + " tcp=" + gateway.tcpPort());
        System.out.flush();
        // Netty's event loop threads and the Kafka sender are non-daemon: they keep the JVM up.
    }

    /**
     * Runs in the shutdown hook. The JVM exits with 143 after SIGTERM; a clean stop is not a
     * failure, so once everything is flushed we halt with 0 (1 if stopping failed). Log4j's own
     * shutdown hook is disabled in log4j2.xml and its console output is flushed per line, so
     * halting loses no log lines.
     */
    private static void stop(Gateway gateway) {
        int status = 0;
        try {
            gateway.close();
        } catch (RuntimeException e) {
            LOG.error("Gateway did not stop cleanly", e);
            status = 1;
        } finally {
            Runtime.getRuntime().halt(status);
        }
    }
}
