package io.logmaster.infra;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A third-party service of the local stack that runs as a separate OS process: {@link #start()}
 * returns once it is ready, {@link #stop()} shuts it down gracefully.
 */
public interface ManagedService extends AutoCloseable {

    /** Short name, also used for {@code logs/<name>.log} and {@code run/<name>.pid}. */
    String name();

    /**
     * Starts the process and waits until it serves requests.
     *
     * @throws io.logmaster.infra.support.ServiceStartException if it cannot start or is not ready
     *     in time; the message includes the tail of its log
     */
    void start();

    /** Stops the process we started (no-op when not running). */
    void stop();

    /** PID of the running service process, empty when not started or stopped. */
    OptionalLong pid();

    /** How long the last {@link #start()} took until the service was ready. */
    Duration startupTime();

    @Override
    default void close() {
        stop();
    }
}
