package io.logmaster.infra.postgres;

import io.logmaster.infra.InfraLayout;
import io.logmaster.infra.ManagedService;
import io.logmaster.infra.support.ChildProcess;
import io.logmaster.infra.support.LogTail;
import io.logmaster.infra.support.ProcessStopper.Step;
import io.logmaster.infra.support.Readiness;
import io.logmaster.infra.support.RunningService;
import io.logmaster.infra.support.ServiceStartException;
import io.logmaster.infra.support.ServiceUser;
import io.logmaster.infra.support.Signal;
import io.logmaster.infra.support.TreeCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Runs a PostgreSQL 17 server (zonky's bundled binaries) as a separate process on a persistent
 * cluster in {@code <data>/postgresql}, as {@code nobody} when we are root. On first start it runs
 * {@code initdb} and creates the application role and database through the single-user backend, so
 * no superuser password exists and the role's password never appears on a command line.
 */
public final class PostgresService extends RunningService implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresService.class);

    /** Fast shutdown first (rolls back open transactions), then immediate, then kill. */
    static final List<Step> STOP_STEPS =
            List.of(
                    new Step(Signal.INT, Duration.ofSeconds(60)),
                    new Step(Signal.QUIT, Duration.ofSeconds(15)),
                    new Step(Signal.KILL, Duration.ofSeconds(10)));

    /** A leftover postmaster is found by PostgreSQL's own {@code postmaster.pid}. */
    private static final RunningService.Kind KIND =
            new RunningService.Kind(
                    PostgresConfig.SERVICE,
                    "server",
                    "PostgresService",
                    "postgres",
                    STOP_STEPS,
                    dirs -> dirs.serviceDir(PostgresConfig.SERVICE).resolve("postmaster.pid"));

    private final PostgresConfig config;
    private final InfraLayout layout;
    private final ServiceUser user;

    public PostgresService(PostgresConfig config, InfraLayout layout) {
        this(config, layout, ServiceUser.detect());
    }

    public PostgresService(PostgresConfig config, InfraLayout layout, ServiceUser user) {
        super(KIND, config.dirs(), LOG);
        this.config = config;
        this.layout = layout;
        this.user = user;
    }

    public PostgresConfig config() {
        return config;
    }

    public String jdbcUrl() {
        return config.jdbcUrl();
    }

    /** A new connection to the application database as the application role. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", config.user());
        props.setProperty("password", config.password());
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(config.jdbcUrl(), props);
    }

    @Override
    public synchronized void start() {
        long begin = beginStart(config.host(), config.port());
        Path binaries = PostgresBinaries.resolve(binaryCache());
        user.allowTraverse(config.dirs().root());
        Path logFile = logFile();
        if (!Files.exists(config.dataDir().resolve("PG_VERSION"))) {
            initialize(binaries, logFile);
        }
        user.requireReachable(config.dataDir(), "PostgreSQL data directory");

        ChildProcess started =
                ChildProcess.start(
                        name(),
                        user.command(serverCommand(binaries, config)),
                        Map.of(),
                        config.dataDir(),
                        logFile);
        launched(started);
        LOG.info(
                "Started postgresql (PID {}) as {} on {}:{}, log {}",
                started.pid(),
                user,
                config.host(),
                config.port(),
                logFile);
        awaitReady(
                () ->
                        Readiness.await(
                                name(), started, logFile, config.startTimeout(), this::canLogIn));
        ready(begin, started, config.jdbcUrl());
    }

    /** The postmaster command line; every setting that may change between starts is passed here. */
    static List<String> serverCommand(Path binaries, PostgresConfig config) {
        return List.of(
                binaries.resolve("bin/postgres").toString(),
                "-D",
                config.dataDir().toString(),
                "-p",
                Integer.toString(config.port()),
                "-c",
                "listen_addresses=" + config.host(),
                // TCP only: no socket file in /tmp to clash with other servers or be cleaned up.
                "-c",
                "unix_socket_directories=",
                "-c",
                "max_prepared_transactions=" + config.maxPreparedTransactions());
    }

    /** SQL for the single-user backend: one statement per line. */
    static String bootstrapSql(PostgresConfig config) {
        String password = config.password().replace("'", "''");
        return "CREATE ROLE "
                + config.user()
                + " LOGIN PASSWORD '"
                + password
                + "';\n"
                + "CREATE DATABASE "
                + config.database()
                + " OWNER "
                + config.user()
                + " ENCODING 'UTF8';\n";
    }

    private boolean canLogIn() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            String state = e.getSQLState();
            if ("28P01".equals(state) || "28000".equals(state) || "3D000".equals(state)) {
                throw new Readiness.FatalProbeException(
                        "refused the login of role '"
                                + config.user()
                                + "' to database '"
                                + config.database()
                                + "' ("
                                + e.getMessage()
                                + "). The cluster in "
                                + config.dataDir()
                                + " was created with another password or role; use the"
                                + " password stored with it in "
                                + config.dirs().secrets(),
                        e);
            }
            throw e;
        }
    }

    /**
     * Where the binaries are extracted: infra/target, or java.io.tmpdir if nobody can't reach it.
     */
    private Path binaryCache() {
        Path preferred = layout.targetDir().resolve("postgresql-binaries");
        if (user.blockedDirectory(layout.targetDir()).isEmpty()) {
            return preferred;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "logmaster-infra");
    }

    /** initdb + role and database, in a sibling directory moved into place when complete. */
    private void initialize(Path binaries, Path logFile) {
        Path dataDir = config.dataDir();
        Path tmp = dataDir.resolveSibling(dataDir.getFileName() + ".initializing");
        long begin = System.nanoTime();
        try {
            if (Files.exists(dataDir)) {
                try (Stream<Path> entries = Files.list(dataDir)) {
                    if (entries.findAny().isPresent()) {
                        throw new ServiceStartException(
                                "postgresql: "
                                        + dataDir
                                        + " is not empty but holds no PostgreSQL cluster"
                                        + " (no PG_VERSION). Move it away and start again.");
                    }
                }
                Files.delete(dataDir);
            }
            TreeCopy.deleteTree(tmp);
            Files.createDirectories(tmp);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
            user.own(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + tmp, e);
        }
        user.requireReachable(tmp, "PostgreSQL data directory");
        LOG.info("Initializing a PostgreSQL cluster in {}", dataDir);
        ChildProcess.Result initdb =
                ChildProcess.run(
                        name(),
                        user.command(
                                List.of(
                                        binaries.resolve("bin/initdb").toString(),
                                        "-D",
                                        tmp.toString(),
                                        "-U",
                                        "postgres",
                                        "--auth-local=peer",
                                        "--auth-host=scram-sha-256",
                                        "-E",
                                        "UTF8",
                                        "--locale=C",
                                        "--no-instructions")),
                        Map.of(),
                        tmp,
                        logFile,
                        null,
                        config.startTimeout());
        requireSuccess("initdb", initdb, logFile);
        ChildProcess.Result single =
                ChildProcess.run(
                        name(),
                        user.command(
                                List.of(
                                        binaries.resolve("bin/postgres").toString(),
                                        "--single",
                                        "-D",
                                        tmp.toString(),
                                        "-c",
                                        "exit_on_error=on",
                                        "postgres")),
                        Map.of(),
                        tmp,
                        logFile,
                        bootstrapSql(config),
                        config.password(),
                        config.startTimeout());
        if (single.output().contains("ERROR:") || single.output().contains("FATAL:")) {
            throw new ServiceStartException(
                    "postgresql: creating role/database failed. Last lines of "
                            + logFile
                            + ":\n"
                            + LogTail.tail(logFile, 30));
        }
        requireSuccess("creating role/database", single, logFile);
        try {
            Files.move(tmp, dataDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + tmp + " to " + dataDir, e);
        }
        LOG.info(
                "Initialized PostgreSQL cluster in {} in {} ms",
                dataDir,
                (System.nanoTime() - begin) / 1_000_000);
    }

    private void requireSuccess(String step, ChildProcess.Result result, Path logFile) {
        if (result.exitCode() != 0) {
            throw new ServiceStartException(
                    "postgresql: "
                            + step
                            + " failed with exit code "
                            + result.exitCode()
                            + ". Last lines of "
                            + logFile
                            + ":\n"
                            + LogTail.tail(logFile, 30));
        }
    }

    /**
     * The postmaster of the cluster in this data directory, from its {@code postmaster.pid}, if it
     * still runs (and its command line still names the directory); for status and shutdown.
     */
    public static Optional<ProcessHandle> findRunning(Path dataDir) {
        return KIND.findRunning(dataDir);
    }

    /**
     * Stops a server left running on this data directory (e.g. after our JVM crashed): reads the
     * postmaster PID from {@code <data>/postgresql/postmaster.pid} and sends SIGINT (fast
     * shutdown), escalating only if it does not exit. True when one was running.
     */
    public static boolean stopLeftover(Path dataDir) {
        return KIND.stopLeftover(dataDir);
    }
}
