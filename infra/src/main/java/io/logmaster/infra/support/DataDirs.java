package io.logmaster.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Layout of the local stack's data directory ({@code LOGMASTER_DATA_DIR}): one sub-directory per
 * service, child process output in {@code logs/<service>.log}, PID files in {@code
 * run/<service>.pid} and generated secrets in {@code secrets/}.
 */
public record DataDirs(Path root) {

    /** Normalizes the root to an absolute path, so that PID-file checks compare like with like. */
    public DataDirs {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /** Working and data directory of one service, e.g. {@code <data>/kafka}. */
    public Path serviceDir(String service) {
        return root.resolve(service);
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** Where the stdout and stderr of a service's child process go. */
    public Path logFile(String service) {
        return logs().resolve(service + ".log");
    }

    public Path run() {
        return root.resolve("run");
    }

    /** PID file of a service that we started, used to recognise and stop leftovers. */
    public Path pidFile(String service) {
        return run().resolve(service + ".pid");
    }

    public Path secrets() {
        return root.resolve("secrets");
    }

    /** Creates the root, {@code logs/} and {@code run/} directories if they are missing. */
    public void createBase() {
        try {
            Files.createDirectories(logs());
            Files.createDirectories(run());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + root, e);
        }
    }
}
