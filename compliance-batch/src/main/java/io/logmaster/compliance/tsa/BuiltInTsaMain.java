package io.logmaster.compliance.tsa;

import io.logmaster.compliance.pki.LocalPki;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the {@link BuiltInTsa} (NOT LEGALLY QUALIFIED) as its own process. Env: {@code
 * LOGMASTER_TSA_PORT} (default 0 = any free port), {@code LOGMASTER_DATA_DIR} (default {@code
 * ./data}; the local PKI lives in {@code <data>/pki}, the serial counter in {@code
 * <data>/tsa/serial}), {@code LOGMASTER_TSA_KEY_PASSWORD} (required: the local PKI's PKCS#12
 * password). Prints {@code tsa ready on http://127.0.0.1:<port>} once listening.
 */
public final class BuiltInTsaMain {
    private BuiltInTsaMain() {}

    public static void main(String[] args) throws Exception {
        Config config;
        try {
            config = Config.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("built-in TSA: " + e.getMessage());
            System.exit(2);
            return;
        }
        BuiltInTsa tsa = start(config, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    tsa.close();
                                    stopped.countDown();
                                },
                                "builtin-tsa-shutdown"));
        stopped.await();
    }

    /** Opens (or creates) the local PKI, starts the TSA and prints the ready line. */
    static BuiltInTsa start(Config config, PrintStream out) throws IOException {
        LocalPki pki = LocalPki.openOrCreate(config.dataDir().resolve("pki"), config.password());
        BuiltInTsa tsa =
                new BuiltInTsa(
                        pki.tsa(),
                        config.dataDir().resolve("tsa").resolve("serial"),
                        config.port());
        out.println("tsa ready on http://127.0.0.1:" + tsa.port());
        out.flush();
        return tsa;
    }

    /** Validated settings of the standalone TSA; the password never appears in toString. */
    record Config(int port, Path dataDir, char[] password) {
        Config {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("LOGMASTER_TSA_PORT out of range: " + port);
            }
            Objects.requireNonNull(dataDir, "dataDir");
            if (password == null || password.length == 0) {
                throw new IllegalArgumentException("LOGMASTER_TSA_KEY_PASSWORD is required");
            }
        }

        static Config fromEnv(Map<String, String> env) {
            String portText = env.getOrDefault("LOGMASTER_TSA_PORT", "0").trim();
            int port;
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "LOGMASTER_TSA_PORT is not a number: " + portText, e);
            }
            String dataDir = env.getOrDefault("LOGMASTER_DATA_DIR", "./data");
            String password = env.get("LOGMASTER_TSA_KEY_PASSWORD");
            return new Config(
                    port, Path.of(dataDir), password == null ? null : password.toCharArray());
        }

        @Override
        public String toString() {
            return "Config[port=" + port + ", dataDir=" + dataDir + ", password=***]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Config c
                    && port == c.port
                    && dataDir.equals(c.dataDir)
                    && java.util.Arrays.equals(password, c.password);
        }

        @Override
        public int hashCode() {
            return Objects.hash(port, dataDir, java.util.Arrays.hashCode(password));
        }
    }
}
