package io.logmaster.infra.stack;

import io.logmaster.infra.StackConfig;
import io.logmaster.infra.elasticsearch.ElasticsearchConfig;
import io.logmaster.infra.kafka.KafkaConfig;
import io.logmaster.infra.postgres.PostgresConfig;
import io.logmaster.infra.support.DataDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Settings of the whole local stack, read once from {@code LOGMASTER_*} environment variables over
 * the defaults in {@code infra/logmaster.env}. Immutable; every value validated.
 *
 * @param adminPassword password of the {@code admin} user; generated and stored in {@code secrets/}
 *     when not given
 * @param adminPasswordGenerated whether {@code adminPassword} was generated (so it is printed)
 */
public record LocalStackConfig(
        Path home,
        DataDirs dirs,
        String bind,
        String syslogBind,
        int syslogPort,
        int apiPort,
        int flinkUiPort,
        int kafkaPort,
        int kafkaControllerPort,
        int esPort,
        int esTransportPort,
        int pgPort,
        int tsaPort,
        ZoneId zone,
        String adminPassword,
        boolean adminPasswordGenerated,
        String pgPassword,
        String pkiPassword,
        List<String> externalTsaUrls,
        Map<String, String> passThrough) {

    public LocalStackConfig {
        home = home.toAbsolutePath().normalize();
        port(syslogPort, "LOGMASTER_SYSLOG_PORT");
        port(apiPort, "LOGMASTER_API_PORT");
        port(flinkUiPort, "LOGMASTER_FLINK_UI_PORT");
        port(kafkaPort, "LOGMASTER_KAFKA_PORT");
        port(kafkaControllerPort, "LOGMASTER_KAFKA_CONTROLLER_PORT");
        port(esPort, "LOGMASTER_ES_PORT");
        port(esTransportPort, "LOGMASTER_ES_TRANSPORT_PORT");
        port(pgPort, "LOGMASTER_PG_PORT");
        port(tsaPort, "LOGMASTER_TSA_PORT");
        externalTsaUrls = List.copyOf(externalTsaUrls);
        if (adminPassword == null || adminPassword.length() < 8) {
            throw new IllegalArgumentException(
                    "LOGMASTER_ADMIN_PASSWORD must have at least 8 characters");
        }
        passThrough = Map.copyOf(passThrough);
    }

    /** Reads the environment over the defaults file {@code <home>/infra/logmaster.env}. */
    public static LocalStackConfig load(Path home, Map<String, String> environment) {
        Map<String, String> values = new HashMap<>(defaults(home.resolve("infra/logmaster.env")));
        environment.forEach(
                (k, v) -> {
                    if (k.startsWith("LOGMASTER_") && v != null && !v.isBlank()) {
                        values.put(k, v);
                    }
                });
        Function<String, String> get = values::get;
        Path dataDir =
                home.resolve(
                        get.apply("LOGMASTER_DATA_DIR") == null
                                ? "data"
                                : get.apply("LOGMASTER_DATA_DIR"));
        DataDirs dirs = new DataDirs(dataDir);
        String admin = values.get("LOGMASTER_ADMIN_PASSWORD");
        boolean generated = admin == null;
        if (generated) {
            admin = Secrets.getOrCreate(dirs.secrets(), "admin-password", 16);
        }
        int kafkaPort = number(values, "LOGMASTER_KAFKA_PORT", 19092);
        int esPort = number(values, "LOGMASTER_ES_PORT", 19200);
        Map<String, String> passThrough = new HashMap<>();
        for (String key :
                new String[] {
                    "LOGMASTER_FLINK_PARALLELISM",
                    "LOGMASTER_CHECKPOINT_INTERVAL",
                    "LOGMASTER_GATEWAY_ID",
                    "LOGMASTER_MAX_FRAME",
                    "LOGMASTER_GATEWAY_METRICS_PORT",
                    "LOGMASTER_TOKEN_TTL",
                    "LOGMASTER_SEAL_GRACE",
                    "LOGMASTER_SEAL_KEY_P12",
                    "LOGMASTER_SEAL_KEY_PASSWORD",
                    "LOGMASTER_RETENTION_ARCHIVE",
                    "LOGMASTER_RETENTION_LIVE",
                    "LOGMASTER_RETENTION_SEARCH",
                    "LOGMASTER_RETENTION_EVENTS"
                }) {
            if (values.containsKey(key)) {
                passThrough.put(key, values.get(key));
            }
        }
        return new LocalStackConfig(
                home,
                dirs,
                values.getOrDefault("LOGMASTER_BIND", "127.0.0.1"),
                values.getOrDefault("LOGMASTER_SYSLOG_BIND", "0.0.0.0"),
                number(values, "LOGMASTER_SYSLOG_PORT", 5514),
                number(values, "LOGMASTER_API_PORT", 8080),
                number(values, "LOGMASTER_FLINK_UI_PORT", 8081),
                kafkaPort,
                number(values, "LOGMASTER_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
                esPort,
                number(values, "LOGMASTER_ES_TRANSPORT_PORT", esPort + 100),
                number(values, "LOGMASTER_PG_PORT", 15432),
                number(values, "LOGMASTER_TSA_PORT", 8318),
                zone(values.getOrDefault("LOGMASTER_ZONE", "Europe/Istanbul")),
                admin,
                generated,
                Secrets.getOrCreate(dirs.secrets(), "postgres-password", 24),
                Secrets.getOrCreate(dirs.secrets(), "pki-password", 24),
                values.containsKey("LOGMASTER_TSA_URLS")
                        ? List.of(values.get("LOGMASTER_TSA_URLS").split(","))
                        : List.of(),
                passThrough);
    }

    /** The third-party services on this configuration's ports and data directory. */
    public StackConfig services() {
        return new StackConfig(
                dirs,
                KafkaConfig.of(dirs, kafkaPort, kafkaControllerPort),
                ElasticsearchConfig.of(dirs, esPort, esTransportPort),
                PostgresConfig.of(dirs, pgPort, pgPassword));
    }

    public String pgUrl() {
        return services().postgres().jdbcUrl();
    }

    /** Whether the built-in TSA runs: only when no real TSA is configured. */
    public boolean builtInTsa() {
        return externalTsaUrls.isEmpty();
    }

    /** The TSAs the seal uses, in order of preference. */
    public String tsaUrls() {
        return builtInTsa()
                ? "http://127.0.0.1:" + tsaPort + "/"
                : String.join(",", externalTsaUrls);
    }

    public String apiUrl() {
        return "http://" + bind + ":" + apiPort;
    }

    public String flinkUrl() {
        return "http://" + bind + ":" + flinkUiPort;
    }

    public Path archiveDir() {
        return dirs.root().resolve("archive").resolve("live");
    }

    /** The environment every one of our processes gets. */
    public Map<String, String> componentEnv() {
        Map<String, String> env = new HashMap<>(passThrough);
        env.putAll(services().clientEnv());
        env.put("LOGMASTER_ZONE", zone.getId());
        env.put("LOGMASTER_TSA_URLS", tsaUrls());
        return env;
    }

    static Map<String, String> defaults(Path file) {
        Map<String, String> values = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(
                            file + ": expected KEY=VALUE, got '" + trimmed + "'");
                }
                String value = trimmed.substring(eq + 1).trim();
                if (!value.isEmpty()) {
                    values.put(trimmed.substring(0, eq).trim(), value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return values;
    }

    private static int number(Map<String, String> values, String key, int fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + text + "'");
        }
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("LOGMASTER_ZONE is not a time zone: '" + id + "'");
        }
    }

    private static void port(int port, String key) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(key + " must be 1..65535, got " + port);
        }
    }
}
