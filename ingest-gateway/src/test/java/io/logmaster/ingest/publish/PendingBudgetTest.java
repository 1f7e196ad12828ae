package io.logmaster.ingest.publish;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PendingBudgetTest {
    private final PendingBudget budget = new PendingBudget(1000, 500);

    @Test
    void backsUpAtHighWatermark() {
        budget.acquire(999);
        assertThat(budget.isBackedUp()).isFalse();

        budget.acquire(1);

        assertThat(budget.isBackedUp()).isTrue();
        assertThat(budget.records()).isEqualTo(2);
        assertThat(budget.bytes()).isEqualTo(1000);
    }

    @Test
    void runsWaitersOnlyBelowLowWatermarkAndOnce() {
        AtomicInteger runs = new AtomicInteger();
        budget.acquire(600);
        budget.acquire(600);
        budget.whenDrained(runs::incrementAndGet);

        budget.release(600);
        assertThat(runs).hasValue(0);

        budget.release(200);
        assertThat(runs).hasValue(1);

        budget.release(100);
        assertThat(runs).hasValue(1);
    }

    @Test
    void runsWaiterAtOnceWhenAlreadyDrained() {
        AtomicInteger runs = new AtomicInteger();

        budget.whenDrained(runs::incrementAndGet);

        assertThat(runs).hasValue(1);
    }

    @Test
    void keepsRunningWaitersWhenOneFails() {
        AtomicInteger runs = new AtomicInteger();
        budget.acquire(600);
        budget.whenDrained(
                () -> {
                    throw new IllegalStateException("event loop gone");
                });
        budget.whenDrained(runs::incrementAndGet);

        budget.release(600);

        assertThat(runs).hasValue(1);
        assertThat(budget.records()).isZero();
    }

    @Test
    void weighsPayloadWithOverhead() {
        assertThat(PendingBudget.weight(100)).isEqualTo(100 + PendingBudget.RECORD_OVERHEAD);
    }

    @Test
    void rejectsInvertedWatermarks() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PendingBudget(10, 20))
                .withMessage("need 0 < low watermark <= high watermark, got low=20 high=10");
    }
}
