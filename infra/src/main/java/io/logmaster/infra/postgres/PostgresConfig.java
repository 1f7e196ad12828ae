package io.logmaster.infra.postgres;

import io.logmaster.infra.support.DataDirs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the local PostgreSQL server: port, the application database and role, and where
 * the cluster lives ({@code <data>/postgresql}, kept across restarts).
 *
 * @param dirs the stack's data directory layout
 * @param host {@code listen_addresses}
 * @param port server port
 * @param database application database, created on first start
 * @param user application role (not a superuser), created on first start and owning {@code
 *     database}
 * @param password the role's password; generated and stored by the launcher, never logged
 * @param maxPreparedTransactions {@code max_prepared_transactions} (XA sinks need it above 0)
 * @param startTimeout how long to wait for the first successful login
 */
public record PostgresConfig(
        DataDirs dirs,
        String host,
        int port,
        String database,
        String user,
        String password,
        int maxPreparedTransactions,
        Duration startTimeout) {

    public static final String SERVICE = "postgresql";
    public static final int DEFAULT_PORT = 15432;

    public PostgresConfig {
        Objects.requireNonNull(dirs, "dirs");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        requireIdentifier(database, "database");
        requireIdentifier(user, "user");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            // The role is created through the single-user backend, one statement per line.
            throw new IllegalArgumentException("password must not contain control characters");
        }
        if (maxPreparedTransactions < 0) {
            throw new IllegalArgumentException(
                    "maxPreparedTransactions must be >= 0: " + maxPreparedTransactions);
        }
        if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
        }
    }

    /**
     * Local-stack defaults: 127.0.0.1, database and role {@code logmaster}, 64 prepared
     * transactions, 1 minute to start.
     */
    public static PostgresConfig of(DataDirs dirs, int port, String password) {
        return new PostgresConfig(
                dirs,
                "127.0.0.1",
                port,
                "logmaster",
                "logmaster",
                password,
                64,
                Duration.ofMinutes(1));
    }

    private static void requireIdentifier(String value, String name) {
        if (value == null || !value.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                    name + " must be a lower-case SQL identifier: " + value);
        }
    }

    /** JDBC URL of the application database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The cluster's data directory ({@code PGDATA}), mode 0700, owned by the service user. */
    public Path dataDir() {
        return dirs.serviceDir(SERVICE);
    }

    @Override
    public String toString() {
        return "PostgresConfig[dirs="
                + dirs
                + ", host="
                + host
                + ", port="
                + port
                + ", database="
                + database
                + ", user="
                + user
                + ", password=***, maxPreparedTransactions="
                + maxPreparedTransactions
                + ", startTimeout="
                + startTimeout
                + "]";
    }
}
