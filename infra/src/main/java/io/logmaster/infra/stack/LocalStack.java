package io.logmaster.infra.stack;

import io.logmaster.infra.ServiceStack;
import io.logmaster.infra.component.Components;
import io.logmaster.infra.component.JavaComponent;
import io.logmaster.infra.support.DataDirs;
import io.logmaster.infra.support.PidFile;
import io.logmaster.infra.support.ProcessStopper;
import io.logmaster.infra.support.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The whole product on one machine, every part its own process: PostgreSQL, Kafka and
 * Elasticsearch, then api-server (schema and index template), the IngestJob in a local Flink
 * cluster, and the gateway. What {@code ./logmaster up} runs and what the end-to-end tests use.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    /**
     * Our processes in stop order (input first), each with a text its command line must contain to
     * be recognised.
     */
    private static final java.util.Map<String, String> COMPONENT_MARKERS = componentMarkers();

    private static java.util.Map<String, String> componentMarkers() {
        java.util.Map<String, String> markers = new java.util.LinkedHashMap<>();
        for (String name :
                List.of(
                        Components.GATEWAY,
                        Components.FLINK,
                        Components.API_SERVER,
                        Components.TSA)) {
            markers.put(name, Components.marker(name));
        }
        return java.util.Collections.unmodifiableMap(markers);
    }

    private final LocalStackConfig config;
    private final ServiceStack services;
    private final JavaComponent apiServer;
    private final JavaComponent flink;
    private final JavaComponent gateway;
    private final JavaComponent tsa;
    private final List<JavaComponent> started = new ArrayList<>();
    private boolean closed;

    private LocalStack(LocalStackConfig config) {
        this.config = config;
        this.services = new ServiceStack(config.services());
        Components components = new Components(config);
        this.apiServer = components.apiServer();
        this.flink = components.flink();
        this.gateway = components.gateway();
        this.tsa = config.builtInTsa() ? components.tsa() : null;
    }

    /**
     * Stops what an earlier run left behind on {@code config}'s data directory, then starts
     * everything; on failure, what was started is stopped again and the failure thrown.
     */
    public static LocalStack start(LocalStackConfig config, Consumer<String> progress) {
        List<String> leftovers = stopLeftovers(config.dirs());
        if (!leftovers.isEmpty()) {
            progress.accept("Stopped leftovers of an earlier run: " + leftovers);
        }
        LocalStack stack = new LocalStack(config);
        try {
            progress.accept("Starting PostgreSQL, Kafka and Elasticsearch...");
            stack.services.start();
            StringBuilder times = new StringBuilder("  ready:");
            stack.services
                    .startupTimes()
                    .forEach(
                            (name, time) ->
                                    times.append(' ')
                                            .append(name)
                                            .append(" in ")
                                            .append(time.toMillis())
                                            .append(" ms"));
            progress.accept(times.toString());
            for (JavaComponent c : stack.components()) {
                progress.accept("Starting " + c.name() + "...");
                c.start();
                stack.started.add(c);
                progress.accept(
                        "  " + c.name() + " ready in " + c.startupTime().toMillis() + " ms");
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public LocalStackConfig config() {
        return config;
    }

    public ServiceStack services() {
        return services;
    }

    /** The Flink process (for failure drills: {@link JavaComponent#kill()}, then start). */
    public JavaComponent flink() {
        return flink;
    }

    public JavaComponent gateway() {
        return gateway;
    }

    public JavaComponent apiServer() {
        return apiServer;
    }

    /** Our processes in start order: the built-in TSA (if used), api-server, Flink, gateway. */
    public List<JavaComponent> components() {
        List<JavaComponent> all = new ArrayList<>();
        if (tsa != null) {
            all.add(tsa);
        }
        all.addAll(List.of(apiServer, flink, gateway));
        return all;
    }

    /** Stops the gateway first (no new input), then Flink, api-server and the services. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<JavaComponent> reversed = new ArrayList<>(components());
        Collections.reverse(reversed);
        for (JavaComponent c : reversed) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                LOG.error("Could not stop {}", c.name(), e);
            }
        }
        services.stop();
    }

    /** Whether each of our processes named in a PID file under {@code dirs} is alive. */
    public static java.util.Map<String, java.util.OptionalLong> componentStatus(DataDirs dirs) {
        java.util.Map<String, java.util.OptionalLong> status = new java.util.TreeMap<>();
        COMPONENT_MARKERS.forEach(
                (name, marker) ->
                        status.put(
                                name,
                                PidFile.liveProcess(dirs.pidFile(name), List.of(marker))
                                        .map(p -> java.util.OptionalLong.of(p.pid()))
                                        .orElse(java.util.OptionalLong.empty())));
        return status;
    }

    /**
     * Stops processes of an earlier run on this data directory that are still alive (after a crash
     * of the launcher or {@code kill -9}): our components by their PID files, then the services
     * (PostgreSQL by its {@code postmaster.pid}). Returns what was running.
     */
    public static List<String> stopLeftovers(DataDirs dirs) {
        List<String> stopped = new ArrayList<>();
        for (var component : COMPONENT_MARKERS.entrySet()) {
            String name = component.getKey();
            var process = PidFile.liveProcess(dirs.pidFile(name), List.of(component.getValue()));
            if (process.isPresent()) {
                ProcessStopper.stop(
                        name,
                        process.get(),
                        List.of(
                                new ProcessStopper.Step(Signal.TERM, Duration.ofSeconds(30)),
                                new ProcessStopper.Step(Signal.KILL, Duration.ofSeconds(10))));
                stopped.add(name);
            }
            PidFile.delete(dirs.pidFile(name));
        }
        stopped.addAll(ServiceStack.stopLeftovers(dirs.root()));
        return stopped;
    }
}
