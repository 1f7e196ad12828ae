package io.logmaster.infra.component;

import io.logmaster.infra.ManagedService;
import io.logmaster.infra.support.ChildProcess;
import io.logmaster.infra.support.DataDirs;
import io.logmaster.infra.support.PidFile;
import io.logmaster.infra.support.ProcessStopper;
import io.logmaster.infra.support.Readiness;
import io.logmaster.infra.support.ServiceStartException;
import io.logmaster.infra.support.Signal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One of LogMaster's own parts (gateway, Flink job, api-server) run as a separate JVM, the way
 * production runs them. Ready when the process prints its ready line; output goes to {@code
 * logs/<name>.log}, its PID to {@code run/<name>.pid}.
 */
public final class JavaComponent implements ManagedService {
    private static final List<ProcessStopper.Step> GRACEFUL =
            List.of(
                    new ProcessStopper.Step(Signal.TERM, Duration.ofSeconds(30)),
                    new ProcessStopper.Step(Signal.KILL, Duration.ofSeconds(10)));

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final DataDirs dirs;
    private final String readyLine;
    private final Duration startTimeout;
    private ChildProcess process;
    private Duration startupTime = Duration.ZERO;

    /**
     * @param readyLine text the process prints to its output once it serves
     */
    public JavaComponent(
            String name,
            List<String> command,
            Map<String, String> env,
            DataDirs dirs,
            String readyLine,
            Duration startTimeout) {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("component name must be kebab-case: " + name);
        }
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException(name + ": empty command");
        }
        if (readyLine == null || readyLine.isBlank()) {
            throw new IllegalArgumentException(name + ": a ready line is needed");
        }
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.dirs = dirs;
        this.readyLine = readyLine;
        this.startTimeout = startTimeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        dirs.createBase();
        Path log = dirs.logFile(name);
        long offset = size(log);
        process = ChildProcess.start(name, command, env, dirs.root(), log);
        PidFile.write(dirs.pidFile(name), process.pid());
        startupTime = Readiness.await(name, process, log, startTimeout, () -> printed(log, offset));
    }

    /** Ends the process at once with SIGKILL, as a crash would; the PID file stays behind. */
    public synchronized void kill() {
        if (process != null) {
            process.stop(List.of(new ProcessStopper.Step(Signal.KILL, Duration.ofSeconds(10))));
        }
    }

    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        if (!process.stop(GRACEFUL)) {
            throw new ServiceStartException(name + " (PID " + process.pid() + ") did not stop");
        }
        PidFile.delete(dirs.pidFile(name));
        process = null;
    }

    @Override
    public synchronized OptionalLong pid() {
        return process != null && process.isAlive()
                ? OptionalLong.of(process.pid())
                : OptionalLong.empty();
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    private boolean printed(Path log, long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return false;
            }
            file.seek(offset);
            byte[] tail = new byte[(int) Math.min(length - offset, 16L << 20)];
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8).contains(readyLine);
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
