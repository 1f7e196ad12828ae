package io.logmaster.infra.e2e;

import io.logmaster.infra.stack.LocalStack;
import io.logmaster.infra.stack.LocalStackConfig;
import io.logmaster.infra.support.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one local stack of a test run, started by the first test that needs it and shared by all (CI
 * has 2 cores and 90 minutes: the stack starts once). It uses free ports and its own data directory
 * under {@code target/}, so it never collides with a running {@code ./logmaster up}. Stopped when
 * the test JVM exits.
 */
final class SharedStack {
    static final String ADMIN_PASSWORD = "it-admin-" + Long.toHexString(System.nanoTime());
    private static LocalStack stack;

    private SharedStack() {}

    static synchronized LocalStack get() throws IOException {
        if (stack == null) {
            Path home = Path.of(System.getProperty("logmaster.home", "..")).toAbsolutePath();
            // A temp dir, not target/: Elasticsearch and PostgreSQL run as nobody when we are
            // root, and a clone under a private home directory would lock them out.
            Path data =
                    Files.createTempDirectory(
                            "logmaster-it-",
                            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                    java.nio.file.attribute.PosixFilePermissions.fromString(
                                            "rwxr-xr-x")));
            List<Integer> ports = Ports.free(10);
            Map<String, String> env = new HashMap<>();
            env.put("LOGMASTER_DATA_DIR", data.toString());
            env.put("LOGMASTER_SYSLOG_BIND", "127.0.0.1");
            env.put("LOGMASTER_SYSLOG_PORT", ports.get(0).toString());
            env.put("LOGMASTER_API_PORT", ports.get(1).toString());
            env.put("LOGMASTER_FLINK_UI_PORT", ports.get(2).toString());
            env.put("LOGMASTER_KAFKA_PORT", ports.get(3).toString());
            env.put("LOGMASTER_ES_PORT", ports.get(4).toString());
            env.put("LOGMASTER_ES_TRANSPORT_PORT", ports.get(5).toString());
            env.put("LOGMASTER_PG_PORT", ports.get(6).toString());
            env.put("LOGMASTER_GATEWAY_METRICS_PORT", ports.get(7).toString());
            env.put("LOGMASTER_KAFKA_CONTROLLER_PORT", ports.get(8).toString());
            env.put("LOGMASTER_TSA_PORT", ports.get(9).toString());
            env.put("LOGMASTER_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("LOGMASTER_CHECKPOINT_INTERVAL", "2s");
            LocalStackConfig config = LocalStackConfig.load(home, env);
            LocalStack started = LocalStack.start(config, System.out::println);
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        started.close();
                                        try {
                                            deleteTree(data);
                                        } catch (IOException e) {
                                            System.err.println(
                                                    "could not delete " + data + ": " + e);
                                        }
                                    },
                                    "stop-local-stack"));
            stack = started;
        }
        return stack;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
