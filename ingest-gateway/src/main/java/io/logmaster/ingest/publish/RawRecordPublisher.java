package io.logmaster.ingest.publish;

import io.logmaster.event.RawRecord;

/**
 * Hands raw records on to Kafka asynchronously and tells the network side when to slow down.
 *
 * <p>{@link #publish} never blocks and never refuses: a UDP handler that cannot wait checks {@link
 * #isBackedUp()} first and drops (counted); a TCP handler publishes what it has decoded and then
 * stops reading its connection until {@link #whenDrained} calls back, so accepted TCP data is never
 * dropped.
 */
public interface RawRecordPublisher extends AutoCloseable {

    /**
     * Accepts the record for delivery; delivery failures are counted and logged by the publisher.
     */
    void publish(RawRecord record);

    /** True while the records accepted but not yet acknowledged reach the high watermark. */
    boolean isBackedUp();

    /** True while the disk spool has no room: the reason a UDP datagram is dropped. */
    default boolean isSpoolFull() {
        return false;
    }

    /** Why the gateway cannot keep what it accepts (health DOWN), or null when it can. */
    default String healthProblem() {
        return null;
    }

    /**
     * Runs {@code task} once, as soon as pending records fall below the low watermark: at once on
     * the calling thread if they already are, otherwise later on any thread.
     */
    void whenDrained(Runnable task);

    /**
     * Delivers what is pending (within a deadline), then releases the producer; what is left stays
     * in the spool for the next start.
     */
    @Override
    void close();
}
