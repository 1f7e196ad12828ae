package io.logmaster.infra;

import io.logmaster.infra.elasticsearch.ElasticsearchService;
import io.logmaster.infra.kafka.KafkaService;
import io.logmaster.infra.postgres.PostgresService;
import io.logmaster.infra.support.ServiceStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The third-party services of the local stack: PostgreSQL, Kafka and Elasticsearch, started in
 * parallel (they do not depend on each other) and stopped in reverse order. Used by {@code
 * ./logmaster up} and, once per test run, by the integration tests.
 */
public final class ServiceStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceStack.class);

    private final StackConfig config;
    private final PostgresService postgres;
    private final KafkaService kafka;
    private final ElasticsearchService elasticsearch;
    private final List<ManagedService> services;
    private Thread shutdownHook;

    public ServiceStack(StackConfig config) {
        this(config, InfraLayout.detect());
    }

    public ServiceStack(StackConfig config, InfraLayout layout) {
        this.config = config;
        this.postgres = new PostgresService(config.postgres(), layout);
        this.kafka = new KafkaService(config.kafka(), layout);
        this.elasticsearch = new ElasticsearchService(config.elasticsearch(), layout);
        this.services = List.of(postgres, kafka, elasticsearch);
    }

    public StackConfig config() {
        return config;
    }

    public PostgresService postgres() {
        return postgres;
    }

    public KafkaService kafka() {
        return kafka;
    }

    public ElasticsearchService elasticsearch() {
        return elasticsearch;
    }

    /** The services in start order. */
    public List<ManagedService> services() {
        return services;
    }

    /**
     * Starts all services in parallel and returns when all are ready. If any fails, the others are
     * stopped and the first failure is thrown, with the others suppressed.
     */
    public void start() {
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(services.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ManagedService service : services) {
                futures.add(pool.submit(service::start));
            }
            RuntimeException failure = null;
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    RuntimeException cause =
                            e.getCause() instanceof RuntimeException r
                                    ? r
                                    : new ServiceStartException(
                                            services.get(i).name() + " failed to start",
                                            e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new ServiceStartException("Interrupted while starting the stack", e);
                    break;
                }
            }
            if (failure != null) {
                stop();
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
        LOG.info(
                "Service stack ready in {} ms: {}",
                (System.nanoTime() - begin) / 1_000_000,
                startupTimes());
    }

    /**
     * Also stops the stack when the JVM exits (Ctrl-C, end of a test run), so no service outlives
     * an orderly JVM exit. A killed JVM leaves them running: {@link #stopLeftovers} handles that.
     */
    public synchronized ServiceStack stopOnJvmExit() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::stop, "logmaster-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return this;
    }

    /** Stops Elasticsearch, Kafka, then PostgreSQL; a failure to stop one does not skip others. */
    public void stop() {
        List<ManagedService> reversed = new ArrayList<>(services);
        java.util.Collections.reverse(reversed);
        for (ManagedService service : reversed) {
            try {
                service.stop();
            } catch (RuntimeException e) {
                LOG.error("Could not stop {}", service.name(), e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Time from start to ready of each service, in start order. */
    public Map<String, Duration> startupTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        for (ManagedService service : services) {
            times.put(service.name(), service.startupTime());
        }
        return times;
    }

    /** See {@link StackConfig#clientEnv()}. */
    public Map<String, String> clientEnv() {
        return config.clientEnv();
    }

    /**
     * The service processes recorded for this data directory that still run (by name, in start
     * order), e.g. for {@code ./logmaster status}; works without a {@code ServiceStack} instance.
     */
    public static Map<String, ProcessHandle> running(Path dataDir) {
        Map<String, ProcessHandle> running = new LinkedHashMap<>();
        PostgresService.findRunning(dataDir).ifPresent(p -> running.put("postgresql", p));
        KafkaService.findRunning(dataDir).ifPresent(p -> running.put("kafka", p));
        ElasticsearchService.findRunning(dataDir).ifPresent(p -> running.put("elasticsearch", p));
        return running;
    }

    /**
     * Stops services that an earlier run left on this data directory (after a crash or a killed
     * JVM), in reverse start order; returns the names of those that were running.
     */
    public static List<String> stopLeftovers(Path dataDir) {
        List<String> stopped = new ArrayList<>();
        if (ElasticsearchService.stopLeftover(dataDir)) {
            stopped.add("elasticsearch");
        }
        if (KafkaService.stopLeftover(dataDir)) {
            stopped.add("kafka");
        }
        if (PostgresService.stopLeftover(dataDir)) {
            stopped.add("postgresql");
        }
        return stopped;
    }
}
