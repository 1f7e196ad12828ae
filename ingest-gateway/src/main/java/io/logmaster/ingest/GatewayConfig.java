package io.logmaster.ingest;

import io.logmaster.ingest.spool.SpoolSettings;
import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gateway's configuration, parsed once from environment variables by {@link #fromEnv} and
 * checked by the constructor, which names the variable and the bad value in its message.
 *
 * @param kafkaBootstrap {@code LOGMASTER_KAFKA_BOOTSTRAP}: comma-separated {@code host:port} list
 * @param syslogBind {@code LOGMASTER_SYSLOG_BIND}: IP literal the syslog listeners bind to
 * @param udpPort {@code LOGMASTER_SYSLOG_UDP_PORT}: 0 binds any free port
 * @param tcpPort {@code LOGMASTER_SYSLOG_TCP_PORT}: 0 binds any free port
 * @param gatewayId {@code LOGMASTER_GATEWAY_ID}: the {@code lm.gateway} header value
 * @param maxFrame {@code LOGMASTER_MAX_FRAME}: largest message in bytes; longer ones are cut
 * @param metricsPort {@code LOGMASTER_GATEWAY_METRICS_PORT}: 0 = no metrics endpoint
 * @param spoolDir {@code LOGMASTER_SPOOL_DIR}: the disk spool's directory
 * @param spoolMaxBytes {@code LOGMASTER_SPOOL_MAX}: bound on the spool's size on disk
 * @param spoolFsyncInterval {@code LOGMASTER_SPOOL_FSYNC_MS}: spooled data is forced to disk at
 *     most this long after it was written (0 = after every write)
 */
public record GatewayConfig(
        String kafkaBootstrap,
        String syslogBind,
        int udpPort,
        int tcpPort,
        String gatewayId,
        int maxFrame,
        int metricsPort,
        Path spoolDir,
        long spoolMaxBytes,
        Duration spoolFsyncInterval) {

    static final String KAFKA_BOOTSTRAP = "LOGMASTER_KAFKA_BOOTSTRAP";
    static final String SYSLOG_BIND = "LOGMASTER_SYSLOG_BIND";
    static final String UDP_PORT = "LOGMASTER_SYSLOG_UDP_PORT";
    static final String TCP_PORT = "LOGMASTER_SYSLOG_TCP_PORT";
    static final String GATEWAY_ID = "LOGMASTER_GATEWAY_ID";
    static final String MAX_FRAME = "LOGMASTER_MAX_FRAME";
    static final String METRICS_PORT = "LOGMASTER_GATEWAY_METRICS_PORT";
    static final String DATA_DIR = "LOGMASTER_DATA_DIR";
    static final String SPOOL_DIR = "LOGMASTER_SPOOL_DIR";
    static final String SPOOL_MAX = "LOGMASTER_SPOOL_MAX";
    static final String SPOOL_FSYNC_MS = "LOGMASTER_SPOOL_FSYNC_MS";

    static final long DEFAULT_SPOOL_MAX = 1024L * 1024 * 1024;
    static final long MIN_SPOOL_MAX = SpoolSettings.MIN_MAX_BYTES;
    static final int DEFAULT_SPOOL_FSYNC_MS = 100;

    static final String DEFAULT_KAFKA_BOOTSTRAP = "127.0.0.1:19092";
    static final String DEFAULT_BIND = "0.0.0.0";
    static final int DEFAULT_SYSLOG_PORT = 5514;
    static final int DEFAULT_MAX_FRAME = 64 * 1024;

    /**
     * Smallest accepted frame limit. RFC 5426 section 3.2 and RFC 6587 expect receivers to take at
     * least 480 octets; 256 leaves room for tests that exercise the limit with small payloads.
     */
    static final int MIN_MAX_FRAME = 256;

    /** Largest accepted frame limit; the Kafka producer's max.request.size follows it. */
    static final int MAX_MAX_FRAME = 16 * 1024 * 1024;

    public GatewayConfig {
        kafkaBootstrap = requireBootstrap(kafkaBootstrap);
        if (syslogBind == null || NetUtil.createByteArrayFromIpAddressString(syslogBind) == null) {
            throw new IllegalArgumentException(
                    SYSLOG_BIND + " must be an IP address literal, got '" + syslogBind + "'");
        }
        requirePort(UDP_PORT, udpPort, 0);
        requirePort(TCP_PORT, tcpPort, 0);
        requirePort(METRICS_PORT, metricsPort, 0);
        if (gatewayId == null || gatewayId.isBlank()) {
            throw new IllegalArgumentException(
                    GATEWAY_ID + " must not be blank, got '" + gatewayId + "'");
        }
        if (gatewayId.length() > 255 || !gatewayId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(
                    GATEWAY_ID
                            + " must be 1-255 printable ASCII characters without spaces, got '"
                            + gatewayId
                            + "'");
        }
        if (spoolDir == null) {
            throw new IllegalArgumentException(SPOOL_DIR + " must be set");
        }
        if (spoolMaxBytes < Math.max(MIN_SPOOL_MAX, 4L * maxFrame)) {
            throw new IllegalArgumentException(
                    SPOOL_MAX
                            + " must be at least 1MiB and 4 times "
                            + MAX_FRAME
                            + ", got "
                            + spoolMaxBytes);
        }
        if (spoolFsyncInterval == null
                || spoolFsyncInterval.isNegative()
                || spoolFsyncInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(
                    SPOOL_FSYNC_MS + " must be 0-60000 ms, got " + spoolFsyncInterval);
        }
        if (maxFrame < MIN_MAX_FRAME || maxFrame > MAX_MAX_FRAME) {
            throw new IllegalArgumentException(
                    MAX_FRAME
                            + " must be between "
                            + MIN_MAX_FRAME
                            + " and "
                            + MAX_MAX_FRAME
                            + " bytes, got "
                            + maxFrame);
        }
    }

    /** The configuration with the spool defaults under {@code ./data}: for tests. */
    public GatewayConfig(
            String kafkaBootstrap,
            String syslogBind,
            int udpPort,
            int tcpPort,
            String gatewayId,
            int maxFrame,
            int metricsPort) {
        this(
                kafkaBootstrap,
                syslogBind,
                udpPort,
                tcpPort,
                gatewayId,
                maxFrame,
                metricsPort,
                Path.of("./data", "gateway", "spool"),
                DEFAULT_SPOOL_MAX,
                Duration.ofMillis(DEFAULT_SPOOL_FSYNC_MS));
    }

    /** Whether {@code /metrics} and {@code /health} are served. */
    public boolean metricsEnabled() {
        return metricsPort > 0;
    }

    /** Reads the configuration from {@code env}; unset or empty variables take their defaults. */
    public static GatewayConfig fromEnv(Map<String, String> env, Supplier<String> hostName) {
        String gatewayId = value(env, GATEWAY_ID);
        String spoolDir = value(env, SPOOL_DIR);
        Path spool =
                spoolDir != null
                        ? Path.of(spoolDir)
                        : Path.of(orDefault(value(env, DATA_DIR), "./data"), "gateway", "spool");
        return new GatewayConfig(
                orDefault(value(env, KAFKA_BOOTSTRAP), DEFAULT_KAFKA_BOOTSTRAP),
                orDefault(value(env, SYSLOG_BIND), DEFAULT_BIND),
                parsePort(env, UDP_PORT, DEFAULT_SYSLOG_PORT),
                parsePort(env, TCP_PORT, DEFAULT_SYSLOG_PORT),
                gatewayId != null ? gatewayId : hostName.get(),
                parseSize(env, MAX_FRAME, DEFAULT_MAX_FRAME),
                parsePort(env, METRICS_PORT, 0),
                spool,
                parseLongSize(env, SPOOL_MAX, DEFAULT_SPOOL_MAX),
                Duration.ofMillis(parseMillis(env, SPOOL_FSYNC_MS, DEFAULT_SPOOL_FSYNC_MS)));
    }

    /** Reads the process environment; the gateway id defaults to this host's name. */
    public static GatewayConfig fromEnv() {
        return fromEnv(System.getenv(), GatewayConfig::localHostName);
    }

    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "logmaster-gateway";
        }
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String orDefault(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static int parsePort(Map<String, String> env, String name, int fallback) {
        String text = value(env, name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a port number 0-65535, got '" + text + "'", e);
        }
    }

    private static long parseMillis(Map<String, String> env, String name, long fallback) {
        String text = value(env, name);
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a number of milliseconds, got '" + text + "'", e);
        }
    }

    /** Bytes as a plain number, or with a {@code k}/{@code KiB} or {@code m}/{@code MiB} suffix. */
    static int parseSize(Map<String, String> env, String name, int fallback) {
        long bytes = parseLongSize(env, name, fallback);
        if (bytes > Integer.MAX_VALUE || bytes < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(
                    name
                            + " must be a size in bytes (for example 65536 or 64KiB), got '"
                            + value(env, name)
                            + "'");
        }
        return (int) bytes;
    }

    /** Like {@link #parseSize}, also with {@code g}/{@code GiB}. */
    static long parseLongSize(Map<String, String> env, String name, long fallback) {
        String text = value(env, name);
        if (text == null) {
            return fallback;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        long unit = 1;
        String digits = lower;
        if (lower.endsWith("kib") || lower.endsWith("k")) {
            unit = 1024;
            digits = lower.substring(0, lower.length() - (lower.endsWith("kib") ? 3 : 1));
        } else if (lower.endsWith("mib") || lower.endsWith("m")) {
            unit = 1024 * 1024;
            digits = lower.substring(0, lower.length() - (lower.endsWith("mib") ? 3 : 1));
        } else if (lower.endsWith("gib") || lower.endsWith("g")) {
            unit = 1024L * 1024 * 1024;
            digits = lower.substring(0, lower.length() - (lower.endsWith("gib") ? 3 : 1));
        }
        try {
            return Math.multiplyExact(Long.parseLong(digits.trim()), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    name
                            + " must be a size in bytes (for example 65536 or 64KiB), got '"
                            + text
                            + "'",
                    e);
        }
    }

    private static void requirePort(String name, int port, int min) {
        if (port < min || port > 65535) {
            throw new IllegalArgumentException(
                    name + " must be a port number " + min + "-65535, got " + port);
        }
    }

    private static String requireBootstrap(String bootstrap) {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException(
                    KAFKA_BOOTSTRAP + " must list host:port pairs, got '" + bootstrap + "'");
        }
        for (String server : bootstrap.split(",", -1)) {
            String s = server.trim();
            int colon = s.lastIndexOf(':');
            boolean ok = colon > 0 && colon < s.length() - 1;
            if (ok) {
                try {
                    int port = Integer.parseInt(s.substring(colon + 1));
                    ok = port >= 1 && port <= 65535;
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
            if (!ok) {
                throw new IllegalArgumentException(
                        KAFKA_BOOTSTRAP
                                + " must list host:port pairs separated by commas, got '"
                                + bootstrap
                                + "' (bad entry '"
                                + s
                                + "')");
            }
        }
        return bootstrap;
    }
}
