package io.logmaster.infra.support;

import io.logmaster.infra.support.ProcessStopper.Step;
import org.slf4j.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Base of a service run as one child process with a PID file: the start/stop bookkeeping that
 * Elasticsearch, Kafka and PostgreSQL share. {@link #stop()} may run on another thread (e.g. a JVM
 * shutdown hook) while the subclass's start() still waits for readiness.
 */
public abstract class RunningService {

    /**
     * How a service's process is recognised and stopped.
     *
     * @param service short name, as in {@code run/<service>.pid}
     * @param noun what one process is called in messages ("node", "broker", "server")
     * @param owner simple name of the service class, named in the leftover message
     * @param commandMarker text its command line always contains (besides its directory)
     * @param stopSteps the graceful-stop escalation
     * @param leftoverPidFile the PID file that identifies a leftover process of a data directory
     */
    public record Kind(
            String service,
            String noun,
            String owner,
            String commandMarker,
            List<Step> stopSteps,
            Function<DataDirs, Path> leftoverPidFile) {

        public Kind {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(noun, "noun");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(commandMarker, "commandMarker");
            Objects.requireNonNull(leftoverPidFile, "leftoverPidFile");
            stopSteps = List.copyOf(stopSteps);
        }

        private List<String> markers(DataDirs dirs) {
            return List.of(commandMarker, dirs.serviceDir(service).toString());
        }

        /**
         * The process recorded for this data directory, if it still runs (and its command line
         * still names the service and the directory); for status and shutdown.
         */
        public Optional<ProcessHandle> findRunning(Path dataDir) {
            DataDirs dirs = new DataDirs(dataDir);
            return PidFile.liveProcess(leftoverPidFile.apply(dirs), markers(dirs));
        }

        /**
         * Stops a process an earlier run left on this data directory; true when one was running.
         */
        public boolean stopLeftover(Path dataDir) {
            Path pidFile = new DataDirs(dataDir).pidFile(service);
            Optional<ProcessHandle> leftover = findRunning(dataDir);
            if (leftover.isEmpty()) {
                PidFile.delete(pidFile);
                return false;
            }
            if (ProcessStopper.stop(service, leftover.get(), stopSteps)) {
                PidFile.delete(pidFile);
            }
            return true;
        }

        private void failIfLeftover(DataDirs dirs) {
            Path pidFile = leftoverPidFile.apply(dirs);
            Optional<ProcessHandle> leftover = PidFile.liveProcess(pidFile, markers(dirs));
            if (leftover.isPresent()) {
                throw new ServiceStartException(
                        service
                                + ": a "
                                + noun
                                + " we started earlier still runs with PID "
                                + leftover.get().pid()
                                + " (recorded in "
                                + pidFile
                                + ") on data directory "
                                + dirs.root()
                                + ". Stop it first ('./logmaster down' or "
                                + owner
                                + ".stopLeftover).");
            }
            PidFile.delete(dirs.pidFile(service));
        }
    }

    private final Kind kind;
    private final DataDirs dirs;
    private final Logger log;

    /** Volatile, and stop() does not lock {@code this}: it may run while start() waits. */
    private volatile ChildProcess process;

    private volatile Duration startupTime = Duration.ZERO;
    private final Object stopLock = new Object();

    /** Set by stop(); a start() already under way then stops what it launched. */
    private volatile boolean stopRequested;

    /** {@code log} is the subclass's logger, so its messages keep their category. */
    protected RunningService(Kind kind, DataDirs dirs, Logger log) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.dirs = Objects.requireNonNull(dirs, "dirs");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Short name, also used for {@code logs/<name>.log} and {@code run/<name>.pid}. */
    public final String name() {
        return kind.service();
    }

    /** Where the process's stdout and stderr go: {@code logs/<name>.log}. */
    protected final Path logFile() {
        return dirs.logFile(kind.service());
    }

    /**
     * Begins a start: fails when our process still runs, an earlier run left one on the data
     * directory or one of the ports is taken, and creates the base directories. Returns the {@link
     * System#nanoTime()} to pass to {@link #ready}.
     */
    protected final long beginStart(String host, int... ports) {
        ChildProcess current = process;
        if (current != null && current.isAlive()) {
            throw new IllegalStateException(
                    kind.service() + " already runs with PID " + current.pid());
        }
        stopRequested = false;
        long begin = System.nanoTime();
        dirs.createBase();
        kind.failIfLeftover(dirs);
        for (int port : ports) {
            Ports.requireFree(kind.service(), host, port);
        }
        return begin;
    }

    /**
     * Takes over a just-started process and writes its PID file; stops it again (and throws) when
     * stop() was called meanwhile.
     */
    protected final void launched(ChildProcess started) {
        process = started;
        if (stopRequested) {
            stopQuietly();
            throw new ServiceStartException(kind.service() + ": stopped while starting");
        }
        PidFile.write(dirs.pidFile(kind.service()), started.pid());
    }

    /** Runs the readiness wait; when it throws, stops the process first. */
    protected final void awaitReady(Runnable readiness) {
        try {
            readiness.run();
        } catch (RuntimeException e) {
            stopQuietly();
            throw e;
        }
    }

    /**
     * Records the startup time since {@code begin} and logs that the service is ready at {@code
     * where}.
     */
    protected final void ready(long begin, ChildProcess started, String where) {
        startupTime = Duration.ofNanos(System.nanoTime() - begin);
        log.info(
                "{} ready on {} in {} ms (PID {})",
                kind.service(),
                where,
                startupTime.toMillis(),
                started.pid());
    }

    /** Stops the process we started with the kind's escalation (no-op when not running). */
    public final void stop() {
        stopRequested = true;
        synchronized (stopLock) {
            ChildProcess running = process;
            if (running == null) {
                return;
            }
            if (!running.stop(kind.stopSteps())) {
                log.error("{} (PID {}) did not stop", kind.service(), running.pid());
                return;
            }
            PidFile.delete(dirs.pidFile(kind.service()));
            log.info("{} stopped", kind.service());
            process = null;
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            log.warn("Could not stop {} after a failed start", kind.service(), e);
        }
    }

    /** PID of the running process, empty when not started or stopped. */
    public final OptionalLong pid() {
        ChildProcess running = process;
        return running != null && running.isAlive()
                ? OptionalLong.of(running.pid())
                : OptionalLong.empty();
    }

    /** How long the last start took until the service was ready. */
    public final Duration startupTime() {
        return startupTime;
    }
}
