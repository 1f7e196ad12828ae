package io.logmaster.ingest.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets at most one log line through per interval and counts the ones it held back, so a flood of
 * bad input or Kafka errors cannot flood the log. Thread-safe.
 */
public final class LogThrottle {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong nextAllowed;
    private final AtomicLong suppressed = new AtomicLong();

    /** A throttle that lets one line through every {@code intervalMillis}. */
    public LogThrottle(long intervalMillis) {
        this(intervalMillis, System::nanoTime);
    }

    LogThrottle(long intervalMillis, LongSupplier nanoTime) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException(
                    "log throttle interval must be > 0 ms, got " + intervalMillis);
        }
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.nanoTime = nanoTime;
        this.nextAllowed = new AtomicLong(nanoTime.getAsLong());
    }

    /**
     * Returns -1 when this line must be skipped, otherwise the number of lines skipped since the
     * last one that was let through (to be mentioned in the line).
     */
    public long tryAcquire() {
        long now = nanoTime.getAsLong();
        long next = nextAllowed.get();
        if (now - next >= 0 && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }
}
