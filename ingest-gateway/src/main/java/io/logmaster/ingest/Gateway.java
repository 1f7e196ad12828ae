package io.logmaster.ingest;

import io.logmaster.event.EventIds;
import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.metrics.MetricsHttpServer;
import io.logmaster.ingest.publish.RawRecordPublisher;
import io.logmaster.ingest.support.Transport;
import io.logmaster.ingest.syslog.RawRecordFactory;
import io.logmaster.ingest.syslog.SyslogServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.function.Function;

/**
 * A running gateway: publisher, syslog listeners and (optionally) the metrics endpoint, wired from
 * one {@link GatewayConfig}. Running as soon as the constructor returns; {@link #close()} stops
 * accepting, delivers what was accepted and releases everything.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayMetrics metrics = new GatewayMetrics();
    private final RawRecordPublisher publisher;
    private final SyslogServer server;
    private final MetricsHttpServer metricsServer;
    private volatile boolean running;

    /**
     * Starts the gateway; {@code publisherFactory} creates the publisher (Kafka in production) from
     * the gateway's metrics.
     */
    public Gateway(
            GatewayConfig config,
            Function<GatewayMetrics, RawRecordPublisher> publisherFactory,
            Clock clock) {
        publisher = publisherFactory.apply(metrics);
        try {
            server =
                    new SyslogServer(
                            config,
                            new RawRecordFactory(config.gatewayId(), new EventIds(), clock),
                            publisher,
                            metrics);
        } catch (RuntimeException e) {
            publisher.close();
            throw e;
        }
        MetricsHttpServer http = null;
        if (config.metricsEnabled()) {
            try {
                http = new MetricsHttpServer(config.metricsPort(), metrics, this::downReason);
                LOG.info("Metrics on http://127.0.0.1:{}/metrics and /health", http.port());
            } catch (RuntimeException e) {
                server.close();
                publisher.close();
                throw e;
            }
        }
        metricsServer = http;
        running = true;
    }

    /** Null while healthy, else why {@code /health} says DOWN. */
    private String downReason() {
        if (!running) {
            return "stopping";
        }
        return publisher.healthProblem();
    }

    public int udpPort() {
        return server.udpPort();
    }

    public int tcpPort() {
        return server.tcpPort();
    }

    /** The metrics port actually bound, or 0 when the endpoint is off. */
    public int metricsPort() {
        return metricsServer == null ? 0 : metricsServer.port();
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        LOG.info("Stopping: no new datagrams or connections");
        server.close();
        LOG.info("Listeners closed, flushing the Kafka producer");
        publisher.close();
        if (metricsServer != null) {
            metricsServer.close();
        }
        LOG.info(
                "Gateway stopped: received udp={} tcp={}, published={}, kafka send errors={}",
                metrics.messages(Transport.UDP),
                metrics.messages(Transport.TCP),
                metrics.publishedCount(),
                metrics.kafkaSendErrors());
    }
}
