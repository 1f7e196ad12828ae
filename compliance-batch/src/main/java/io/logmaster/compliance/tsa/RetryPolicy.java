package io.logmaster.compliance.tsa;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently each TSA is retried: {@code attempts} tries per TSA, waiting {@code
 * initialBackoff}, then doubling up to {@code maxBackoff}, between tries.
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {
    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1: " + attempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= initialBackoff <= maxBackoff: "
                            + initialBackoff
                            + ", "
                            + maxBackoff);
        }
    }

    /** 3 attempts, 2 s then 4 s apart. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    /** The wait before attempt {@code attempt + 1} (attempt counted from 1). */
    Duration backoffAfter(int attempt) {
        Duration d = initialBackoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
