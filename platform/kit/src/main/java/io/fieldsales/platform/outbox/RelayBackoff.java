package io.fieldsales.platform.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the relay waits after {@code failures} failed passes in a row: exponential from the initial backoff up to
 * the maximum, with full jitter on the upper half so replicas that failed together do not retry together.
 */
record RelayBackoff(Duration initial, Duration max) {

    long millisAfter(int failures) {
        long base = initial.toMillis();
        long capped = Math.min(max.toMillis(), base << Math.min(Math.max(failures, 1) - 1, 20));
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }
}
