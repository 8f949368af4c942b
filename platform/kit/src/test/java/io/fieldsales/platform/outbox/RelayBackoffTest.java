package io.fieldsales.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelayBackoffTest {

    private final RelayBackoff backoff = new RelayBackoff(Duration.ofMillis(100), Duration.ofSeconds(30));

    @Test
    void doublesPerFailureWithJitterOnTheUpperHalf() {
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.millisAfter(1)).isBetween(50L, 100L);
            assertThat(backoff.millisAfter(2)).isBetween(100L, 200L);
            assertThat(backoff.millisAfter(4)).isBetween(400L, 800L);
        }
    }

    @Test
    void neverExceedsTheMaximumHoweverManyFailures() {
        for (int failures : new int[] {10, 30, 64, 1_000_000}) {
            assertThat(backoff.millisAfter(failures)).isBetween(15_000L, 30_000L);
        }
    }
}
