package io.logmaster.flink;

import org.apache.flink.util.TimeUtils;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Configuration of {@link IngestJob}, read once from {@code LOGMASTER_*} environment variables; a
 * {@code --key value} argument overrides the variable, where the key is the variable name without
 * {@code LOGMASTER_}, lower case, {@code -} for {@code _} (e.g. {@code --es-url}), or the full
 * variable name. Validated on construction; {@link #toString()} hides the password.
 *
 * @param kafkaBootstrap Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param esUrls Elasticsearch base URLs (http or https)
 * @param pgUrl PostgreSQL JDBC URL
 * @param pgUser PostgreSQL user
 * @param pgPassword PostgreSQL password
 * @param archiveDir root of the daily files, a file system URI
 * @param checkpointDir where checkpoints are kept (and retained on cancellation), a URI
 * @param zone zone whose calendar days cut daily files and partitions
 * @param parallelism job parallelism
 * @param checkpointInterval time between checkpoints (also how soon daily files are committed)
 * @param uiPort port of the Flink web UI in local mode
 * @param local true: run in a MiniCluster in this process; false: submit to a cluster
 */
public record IngestJobConfig(
        String kafkaBootstrap,
        List<URI> esUrls,
        String pgUrl,
        String pgUser,
        String pgPassword,
        URI archiveDir,
        URI checkpointDir,
        ZoneId zone,
        int parallelism,
        Duration checkpointInterval,
        int uiPort,
        boolean local) {

    static final String KAFKA_BOOTSTRAP = "LOGMASTER_KAFKA_BOOTSTRAP";
    static final String ES_URL = "LOGMASTER_ES_URL";
    static final String PG_URL = "LOGMASTER_PG_URL";
    static final String PG_USER = "LOGMASTER_PG_USER";
    static final String PG_PASSWORD = "LOGMASTER_PG_PASSWORD";
    static final String DATA_DIR = "LOGMASTER_DATA_DIR";
    static final String ARCHIVE_DIR = "LOGMASTER_ARCHIVE_DIR";
    static final String CHECKPOINT_DIR = "LOGMASTER_CHECKPOINT_DIR";
    static final String ZONE = "LOGMASTER_ZONE";
    static final String PARALLELISM = "LOGMASTER_FLINK_PARALLELISM";
    static final String CHECKPOINT_INTERVAL = "LOGMASTER_CHECKPOINT_INTERVAL";
    static final String UI_PORT = "LOGMASTER_FLINK_UI_PORT";
    static final String LOCAL = "LOGMASTER_FLINK_LOCAL";

    static final Set<String> KEYS =
            Set.of(
                    KAFKA_BOOTSTRAP,
                    ES_URL,
                    PG_URL,
                    PG_USER,
                    PG_PASSWORD,
                    DATA_DIR,
                    ARCHIVE_DIR,
                    CHECKPOINT_DIR,
                    ZONE,
                    PARALLELISM,
                    CHECKPOINT_INTERVAL,
                    UI_PORT,
                    LOCAL);

    static final Duration MIN_CHECKPOINT_INTERVAL = Duration.ofMillis(100);

    public IngestJobConfig {
        kafkaBootstrap = requireText(KAFKA_BOOTSTRAP, kafkaBootstrap);
        for (String server : kafkaBootstrap.split(",")) {
            String s = server.trim();
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || !isPort(s.substring(colon + 1))) {
                throw new IllegalArgumentException(
                        KAFKA_BOOTSTRAP
                                + ": '"
                                + s
                                + "' is not host:port (in '"
                                + kafkaBootstrap
                                + "')");
            }
        }
        if (esUrls == null || esUrls.isEmpty()) {
            throw new IllegalArgumentException(ES_URL + " is required");
        }
        esUrls = List.copyOf(esUrls);
        for (URI u : esUrls) {
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                    || u.getHost() == null
                    || u.getPort() <= 0) {
                throw new IllegalArgumentException(
                        ES_URL + ": '" + u + "' is not http(s)://host:port");
            }
        }
        pgUrl = requireText(PG_URL, pgUrl);
        if (!pgUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    PG_URL + ": '" + pgUrl + "' is not a jdbc:postgresql: URL");
        }
        pgUser = requireText(PG_USER, pgUser);
        if (pgPassword == null || pgPassword.isEmpty()) {
            throw new IllegalArgumentException(PG_PASSWORD + " is required");
        }
        if (archiveDir == null || archiveDir.getScheme() == null) {
            throw new IllegalArgumentException(
                    ARCHIVE_DIR + ": '" + archiveDir + "' is not an absolute URI");
        }
        if (checkpointDir == null || checkpointDir.getScheme() == null) {
            throw new IllegalArgumentException(
                    CHECKPOINT_DIR + ": '" + checkpointDir + "' is not an absolute URI");
        }
        if (zone == null) {
            throw new IllegalArgumentException(ZONE + " is required");
        }
        if (parallelism < 1 || parallelism > 1024) {
            throw new IllegalArgumentException(
                    PARALLELISM + ": " + parallelism + " is not between 1 and 1024");
        }
        if (checkpointInterval == null
                || checkpointInterval.compareTo(MIN_CHECKPOINT_INTERVAL) < 0) {
            throw new IllegalArgumentException(
                    CHECKPOINT_INTERVAL
                            + ": "
                            + checkpointInterval
                            + " is shorter than "
                            + MIN_CHECKPOINT_INTERVAL.toMillis()
                            + " ms");
        }
        if (uiPort < 1 || uiPort > 65535) {
            throw new IllegalArgumentException(UI_PORT + ": " + uiPort + " is not a TCP port");
        }
    }

    /**
     * Reads the configuration from {@code env} (usually {@code System.getenv()}) and {@code args}.
     */
    public static IngestJobConfig load(Map<String, String> env, String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String key : KEYS) {
            String v = env.get(key);
            if (v != null) {
                values.put(key, v);
            }
        }
        values.putAll(parseArgs(args));
        String dataDir = values.getOrDefault(DATA_DIR, "./data");
        return new IngestJobConfig(
                values.getOrDefault(KAFKA_BOOTSTRAP, "127.0.0.1:19092"),
                urls(values.getOrDefault(ES_URL, "http://127.0.0.1:19200")),
                values.getOrDefault(PG_URL, "jdbc:postgresql://127.0.0.1:15432/logmaster"),
                values.getOrDefault(PG_USER, "logmaster"),
                values.get(PG_PASSWORD),
                location(ARCHIVE_DIR, values.get(ARCHIVE_DIR), dataDir, "archive/live"),
                location(CHECKPOINT_DIR, values.get(CHECKPOINT_DIR), dataDir, "flink/checkpoints"),
                zone(values.getOrDefault(ZONE, "Europe/Istanbul")),
                integer(PARALLELISM, values.getOrDefault(PARALLELISM, "1")),
                duration(CHECKPOINT_INTERVAL, values.getOrDefault(CHECKPOINT_INTERVAL, "5s")),
                integer(UI_PORT, values.getOrDefault(UI_PORT, "8081")),
                bool(LOCAL, values.getOrDefault(LOCAL, "false")));
    }

    /** The checkpoint directory as a local path, or null if it is not on the local file system. */
    public Path localCheckpointDir() {
        return "file".equals(checkpointDir.getScheme()) ? Path.of(checkpointDir) : null;
    }

    @Override
    public String toString() {
        return "IngestJobConfig{kafkaBootstrap="
                + kafkaBootstrap
                + ", esUrls="
                + esUrls
                + ", pgUrl="
                + pgUrl
                + ", pgUser="
                + pgUser
                + ", pgPassword=***, archiveDir="
                + archiveDir
                + ", checkpointDir="
                + checkpointDir
                + ", zone="
                + zone
                + ", parallelism="
                + parallelism
                + ", checkpointInterval="
                + checkpointInterval
                + ", uiPort="
                + uiPort
                + ", local="
                + local
                + "}";
    }

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException(
                        "expected an argument --key value, got '" + arg + "'");
            }
            String key = envName(arg.substring(2));
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown argument '" + arg + "'; known: " + knownArgs());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("argument '" + arg + "' needs a value");
            }
            out.put(key, args[++i]);
        }
        return out;
    }

    /** {@code es-url} and {@code LOGMASTER_ES_URL} both name {@code LOGMASTER_ES_URL}. */
    static String envName(String key) {
        if (key.startsWith("LOGMASTER_")) {
            return key;
        }
        return "LOGMASTER_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String knownArgs() {
        return KEYS.stream()
                .map(
                        k ->
                                "--"
                                        + k.substring("LOGMASTER_".length())
                                                .toLowerCase(Locale.ROOT)
                                                .replace('_', '-'))
                .sorted()
                .toList()
                .toString();
    }

    private static String requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value.trim();
    }

    private static boolean isPort(String s) {
        try {
            int p = Integer.parseInt(s);
            return p >= 1 && p <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static List<URI> urls(String text) {
        List<URI> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String s = part.trim();
            if (s.isEmpty()) {
                continue;
            }
            try {
                out.add(new URI(s));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(ES_URL + ": '" + s + "' is not a URL", e);
            }
        }
        return out;
    }

    /** A URI as given (scheme://...), or a local path made absolute; default: dataDir/child. */
    static URI location(String key, String value, String dataDir, String child) {
        try {
            if (value == null || value.isBlank()) {
                return fileUri(Path.of(dataDir).resolve(child));
            }
            if (value.contains("://")) {
                URI uri = new URI(value.trim());
                if (uri.getScheme() == null) {
                    throw new IllegalArgumentException(key + ": '" + value + "' has no scheme");
                }
                return uri;
            }
            return fileUri(Path.of(value.trim()));
        } catch (URISyntaxException | InvalidPathException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a path or URI", e);
        }
    }

    /**
     * A local path as an absolute {@code file:} URI without a trailing slash ({@link Path#toUri()}
     * adds one only when the directory already exists).
     */
    static URI fileUri(Path path) {
        String uri = path.toAbsolutePath().normalize().toUri().toString();
        return URI.create(
                uri.length() > "file:///".length() && uri.endsWith("/")
                        ? uri.substring(0, uri.length() - 1)
                        : uri);
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(ZONE + ": '" + text + "' is not a time zone", e);
        }
    }

    static int integer(String key, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not an integer", e);
        }
    }

    static Duration duration(String key, String text) {
        String t = text.trim();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t);
            }
            return TimeUtils.parseDuration(t);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    key + ": '" + text + "' is not a duration (e.g. 5s, 500ms, PT1M)", e);
        }
    }

    static boolean bool(String key, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new IllegalArgumentException(
                            key + ": '" + text + "' is not true or false");
        };
    }
}
