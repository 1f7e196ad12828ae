package io.logmaster.infra.support;

import java.nio.file.Path;
import java.time.Duration;

/** Polls a readiness probe until it succeeds, the process dies or the timeout passes. */
public final class Readiness {

    /** A readiness check; returns true when ready, false to retry, throws to give up at once. */
    @FunctionalInterface
    public interface Probe {
        boolean ready() throws Exception;
    }

    /** Thrown by a probe for a condition that retrying cannot fix (e.g. a wrong password). */
    public static final class FatalProbeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FatalProbeException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int TAIL_LINES = 40;
    private static final Duration POLL = Duration.ofMillis(300);

    private Readiness() {}

    /** Waits for the probe; on failure the exception includes the tail of the service log. */
    public static Duration await(
            String service, ChildProcess process, Path logFile, Duration timeout, Probe probe) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Exception last = null;
        while (true) {
            if (!process.isAlive()) {
                throw new ServiceStartException(
                        service
                                + " (PID "
                                + process.pid()
                                + ") exited with code "
                                + process.exitCodeOrNull()
                                + " before it was ready. Last lines of "
                                + logFile
                                + ":\n"
                                + LogTail.tail(logFile, TAIL_LINES));
            }
            try {
                if (probe.ready()) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (FatalProbeException e) {
                throw new ServiceStartException(
                        service + " started but " + e.getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStartException(service + ": interrupted while waiting", e);
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new ServiceStartException(
                        service
                                + " (PID "
                                + process.pid()
                                + ") was not ready within "
                                + timeout.toSeconds()
                                + " s"
                                + (last == null ? "" : " (last check: " + last + ")")
                                + ". Last lines of "
                                + logFile
                                + ":\n"
                                + LogTail.tail(logFile, TAIL_LINES),
                        last);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStartException(service + ": interrupted while waiting", e);
            }
        }
    }
}
