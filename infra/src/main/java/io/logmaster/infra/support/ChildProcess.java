package io.logmaster.infra.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service's child process: started with its output appended to the service log and stdin from
 * {@code /dev/null}, so it keeps running (and can be stopped by PID) if our JVM dies.
 */
public final class ChildProcess {

    /** Result of a one-shot command such as {@code initdb} or Kafka's storage format. */
    public record Result(int exitCode, String output) {}

    private final String service;
    private final Process process;

    private ChildProcess(String service, Process process) {
        this.service = service;
        this.process = process;
    }

    /**
     * Starts a long-running service process. An env value of {@code null} removes that variable.
     */
    public static ChildProcess start(
            String service,
            List<String> command,
            Map<String, String> env,
            Path workDir,
            Path logFile) {
        ProcessBuilder pb = builder(command, env, workDir);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        appendHeader(logFile, "starting", command);
        try {
            return new ChildProcess(service, pb.start());
        } catch (IOException e) {
            throw new ServiceStartException(
                    service + ": cannot start " + String.join(" ", command), e);
        }
    }

    /**
     * Runs a command to completion, feeding {@code stdin} (may be null), and returns its exit code
     * and output; the output is also appended to the service log. The process is killed on timeout.
     */
    public static Result run(
            String service,
            List<String> command,
            Map<String, String> env,
            Path workDir,
            Path logFile,
            String stdin,
            Duration timeout) {
        return run(service, command, env, workDir, logFile, stdin, null, timeout);
    }

    /**
     * Like {@link #run(String, List, Map, Path, Path, String, Duration)}, replacing every
     * occurrence of {@code secret} (may be null) in the output by {@code ***}, so an error that
     * echoes the input cannot leak it into the log.
     */
    public static Result run(
            String service,
            List<String> command,
            Map<String, String> env,
            Path workDir,
            Path logFile,
            String stdin,
            String secret,
            Duration timeout) {
        ProcessBuilder pb = builder(command, env, workDir);
        pb.redirectErrorStream(true);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        appendHeader(logFile, "running", command);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ServiceStartException(
                    service + ": cannot run " + String.join(" ", command), e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), service + "-out");
        reader.setDaemon(true);
        reader.start();
        try {
            if (stdin != null) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ServiceStartException(
                        service
                                + ": "
                                + command.get(0)
                                + " did not finish within "
                                + timeout.toSeconds()
                                + " s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new ServiceStartException(service + ": cannot feed " + command.get(0), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ServiceStartException(service + ": interrupted while running " + command);
        }
        String text;
        synchronized (output) {
            text = output.toString(StandardCharsets.UTF_8);
        }
        if (secret != null && !secret.isEmpty()) {
            text = text.replace(secret, "***");
        }
        append(logFile, text);
        return new Result(process.exitValue(), text);
    }

    private static ProcessBuilder builder(
            List<String> command, Map<String, String> env, Path workDir) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.directory(workDir.toFile());
        Map<String, String> environment = pb.environment();
        env.forEach(
                (k, v) -> {
                    if (v == null) {
                        environment.remove(k);
                    } else {
                        environment.put(k, v);
                    }
                });
        return pb;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended; what was read is kept
        }
    }

    private static void appendHeader(Path logFile, String verb, List<String> command) {
        append(
                logFile,
                "===== "
                        + Instant.now()
                        + " "
                        + verb
                        + ": "
                        + String.join(" ", command)
                        + System.lineSeparator());
    }

    private static void append(Path logFile, String text) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(
                    logFile,
                    text,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write log " + logFile, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Exit code if it has exited. */
    public Integer exitCodeOrNull() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** Stops the process with the given escalation; true when it has exited. */
    public boolean stop(List<ProcessStopper.Step> steps) {
        return ProcessStopper.stop(service, process.toHandle(), steps);
    }
}
