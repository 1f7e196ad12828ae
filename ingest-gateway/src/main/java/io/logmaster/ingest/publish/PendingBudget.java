package io.logmaster.ingest.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts records (and their bytes) accepted but not yet acknowledged, with a high watermark that
 * says "backed up" and a lower one at which waiting readers are resumed (the gap keeps TCP
 * connections from flapping between paused and reading). Thread-safe.
 */
public final class PendingBudget {
    private static final Logger LOG = LoggerFactory.getLogger(PendingBudget.class);

    /** Rough size of a record's key, headers and batch overhead, added to its payload. */
    static final int RECORD_OVERHEAD = 256;

    private final long highWatermark;
    private final long lowWatermark;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final Queue<Runnable> waiters = new ConcurrentLinkedQueue<>();

    /** Backed up at {@code highWatermark} pending bytes; resumes below {@code lowWatermark}. */
    public PendingBudget(long highWatermark, long lowWatermark) {
        if (lowWatermark <= 0 || highWatermark < lowWatermark) {
            throw new IllegalArgumentException(
                    "need 0 < low watermark <= high watermark, got low="
                            + lowWatermark
                            + " high="
                            + highWatermark);
        }
        this.highWatermark = highWatermark;
        this.lowWatermark = lowWatermark;
    }

    /** The bytes a payload of {@code payloadLength} counts for. */
    static long weight(int payloadLength) {
        return (long) payloadLength + RECORD_OVERHEAD;
    }

    void acquire(long weight) {
        records.incrementAndGet();
        bytes.addAndGet(weight);
    }

    void release(long weight) {
        records.decrementAndGet();
        if (bytes.addAndGet(-weight) < lowWatermark) {
            runWaiters();
        }
    }

    boolean isBackedUp() {
        return bytes.get() >= highWatermark;
    }

    void whenDrained(Runnable task) {
        waiters.add(task);
        // Re-check after queueing: a release between the caller's check and add() must not
        // strand the task.
        if (bytes.get() < lowWatermark) {
            runWaiters();
        }
    }

    private void runWaiters() {
        Runnable task;
        while ((task = waiters.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                // One broken waiter must not fail the release or strand the other waiters.
                LOG.warn("Drain callback failed", e);
            }
        }
    }

    /** Records accepted and not yet acknowledged or dropped. */
    public long records() {
        return records.get();
    }

    /** Weighted bytes of those records. */
    public long bytes() {
        return bytes.get();
    }
}
