package io.logmaster.infra.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops one process by PID: each signal in turn, waiting a grace period after each. */
public final class ProcessStopper {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessStopper.class);

    /** One step of an escalation: send {@code signal}, then wait up to {@code grace}. */
    public record Step(Signal signal, Duration grace) {
        public Step {
            if (signal == null || grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("bad stop step: " + signal + " " + grace);
            }
        }
    }

    private ProcessStopper() {}

    /**
     * Sends the steps' signals until the process exits; true when it exited, false when it outlived
     * every step.
     */
    public static boolean stop(String service, ProcessHandle process, List<Step> steps) {
        for (Step step : steps) {
            if (!process.isAlive()) {
                return true;
            }
            LOG.info("Stopping {} (PID {}) with SIG{}", service, process.pid(), step.signal());
            step.signal().send(process);
            if (waitForExit(process, step.grace())) {
                return true;
            }
            LOG.warn(
                    "{} (PID {}) still runs {} ms after SIG{}",
                    service,
                    process.pid(),
                    step.grace().toMillis(),
                    step.signal());
        }
        return !process.isAlive();
    }

    /** Waits until the process has exited, up to {@code timeout}; true when it has. */
    public static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
