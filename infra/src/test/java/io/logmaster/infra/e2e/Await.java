package io.logmaster.infra.e2e;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls a value until it satisfies a condition; returns the last value either way. */
final class Await {
    private Await() {}

    static <T> T until(Duration timeout, Callable<T> value, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = value.call();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                // a service may still be catching up (e.g. the index does not exist yet)
            }
            Thread.sleep(250);
        }
        return last;
    }
}
