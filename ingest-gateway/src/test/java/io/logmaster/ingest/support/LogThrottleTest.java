package io.logmaster.ingest.support;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LogThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LogThrottle throttle = new LogThrottle(1000, now::get);

    @Test
    void letsOneLinePerIntervalThroughAndCountsTheRest() {
        assertThat(throttle.tryAcquire()).isZero();
        assertThat(throttle.tryAcquire()).isEqualTo(-1);
        assertThat(throttle.tryAcquire()).isEqualTo(-1);

        now.addAndGet(999_000_000L);
        assertThat(throttle.tryAcquire()).isEqualTo(-1);

        now.addAndGet(1_000_000L);
        assertThat(throttle.tryAcquire()).isEqualTo(3);
        assertThat(throttle.tryAcquire()).isEqualTo(-1);
    }
}
