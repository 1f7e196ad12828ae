package io.logmaster.event;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates event ids: UUID version 7 (RFC 9562 section 5.7), time-ordered by millisecond and unique
 * across gateways thanks to 74 random bits. Within one generator the ids are strictly increasing,
 * even for many ids in the same millisecond. Thread-safe.
 */
public final class EventIds {
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong last = new AtomicLong();

    /** Returns a new id for a message received at {@code epochMillis}. */
    public String next(long epochMillis) {
        // 48-bit millisecond time and a 12-bit counter ("rand_a") kept monotonic per generator
        // (RFC 9562 section 6.2, method 1).
        long stamp =
                last.updateAndGet(
                        prev -> Math.max(prev + 1, (epochMillis & 0xFFFFFFFFFFFFL) << 12));
        long msb = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
