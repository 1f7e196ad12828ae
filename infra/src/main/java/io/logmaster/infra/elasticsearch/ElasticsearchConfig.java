package io.logmaster.infra.elasticsearch;

import io.logmaster.infra.support.DataDirs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the single-node Elasticsearch: ports, heap, names and where it keeps config,
 * data and logs ({@code <data>/elasticsearch/{config,data,logs,tmp}}).
 *
 * @param dirs the stack's data directory layout
 * @param host address of the HTTP and transport listeners
 * @param httpPort REST port
 * @param transportPort node-to-node port (bound, unused by a single node)
 * @param heap the JVM's {@code -Xms}/{@code -Xmx} value, e.g. {@code 512m}
 * @param clusterName {@code cluster.name}
 * @param nodeName {@code node.name}
 * @param diskThresholdEnabled whether the disk watermarks apply (tests on nearly full CI disks turn
 *     them off so shards are still allocated)
 * @param startTimeout how long to wait for yellow health
 */
public record ElasticsearchConfig(
        DataDirs dirs,
        String host,
        int httpPort,
        int transportPort,
        String heap,
        String clusterName,
        String nodeName,
        boolean diskThresholdEnabled,
        Duration startTimeout) {

    public static final String SERVICE = "elasticsearch";
    public static final int DEFAULT_HTTP_PORT = 19200;

    public ElasticsearchConfig {
        Objects.requireNonNull(dirs, "dirs");
        requireText(host, "host");
        requirePort(httpPort, "httpPort");
        requirePort(transportPort, "transportPort");
        if (httpPort == transportPort) {
            throw new IllegalArgumentException(
                    "Elasticsearch HTTP and transport ports must differ: " + httpPort);
        }
        if (heap == null || !heap.matches("\\d+[kmgKMG]?")) {
            throw new IllegalArgumentException("heap must look like 512m: " + heap);
        }
        requireName(clusterName, "clusterName");
        requireName(nodeName, "nodeName");
        if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
        }
    }

    /**
     * Local-stack defaults: 127.0.0.1, transport on {@code httpPort + 100}, 512 MB heap, cluster
     * {@code logmaster}, 3 minutes to start.
     */
    public static ElasticsearchConfig of(DataDirs dirs, int httpPort) {
        return of(dirs, httpPort, httpPort + 100);
    }

    /** Like {@link #of(DataDirs, int)} with an explicit transport port. */
    public static ElasticsearchConfig of(DataDirs dirs, int httpPort, int transportPort) {
        return new ElasticsearchConfig(
                dirs,
                "127.0.0.1",
                httpPort,
                transportPort,
                "512m",
                "logmaster",
                "logmaster-1",
                true,
                Duration.ofMinutes(3));
    }

    /** The same configuration with disk watermarks on or off. */
    public ElasticsearchConfig withDiskThresholdEnabled(boolean enabled) {
        return new ElasticsearchConfig(
                dirs,
                host,
                httpPort,
                transportPort,
                heap,
                clusterName,
                nodeName,
                enabled,
                startTimeout);
    }

    /** Base URL of the REST API, e.g. {@code http://127.0.0.1:19200}. */
    public String url() {
        return "http://" + host + ":" + httpPort;
    }

    /** {@code <data>/elasticsearch}, owned by the service user. */
    public Path dir() {
        return dirs.serviceDir(SERVICE);
    }

    /** {@code ES_PATH_CONF}: a copy of the distribution's config with our elasticsearch.yml. */
    public Path configDir() {
        return dir().resolve("config");
    }

    public Path dataDir() {
        return dir().resolve("data");
    }

    /**
     * Elasticsearch's own logs ({@code path.logs}); stdout goes to {@code logs/elasticsearch.log}.
     */
    public Path logsDir() {
        return dir().resolve("logs");
    }

    public Path tmpDir() {
        return dir().resolve("tmp");
    }

    private static void requirePort(int port, String name) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 1..65535: " + port);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireName(String value, String name) {
        if (value == null || !value.matches("[a-zA-Z0-9._-]+")) {
            throw new IllegalArgumentException(name + " must be [a-zA-Z0-9._-]+: " + value);
        }
    }
}
