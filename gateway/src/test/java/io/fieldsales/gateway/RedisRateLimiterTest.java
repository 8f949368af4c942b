package io.fieldsales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.gateway.domain.LimitSpec;
import io.fieldsales.gateway.domain.Verdict;
import io.fieldsales.gateway.service.InMemoryRateLimiter;
import io.fieldsales.gateway.service.RateLimiter;
import io.fieldsales.gateway.service.RedisRateLimiter;
import io.fieldsales.gateway.support.Redis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two gateway replicas (two limiters, two Redis connections) share one budget; in memory they would not. */
@io.quarkus.test.junit.QuarkusTest
class RedisRateLimiterTest {

    private static final String REDIS = Redis.URL;

    @Test
    void twoReplicasShareOneBudgetThroughRedisEvenUnderConcurrency() throws Exception {
        Redis.require();
        LimitSpec limit = new LimitSpec("test-" + UUID.randomUUID(), 30, Duration.ofMinutes(1));
        RateLimiter first = new RedisRateLimiter(REDIS, Duration.ofSeconds(2));
        RateLimiter second = new RedisRateLimiter(REDIS, Duration.ofSeconds(2));
        try {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                RateLimiter replica = i % 2 == 0 ? first : second;
                results.add(pool.submit(() -> {
                    go.await();
                    return replica.tryConsume("client-1", limit, 1).await().atMost(Duration.ofSeconds(5))
                            .allowed();
                }));
            }
            go.countDown();
            int allowed = 0;
            for (Future<Boolean> f : results) {
                allowed += f.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(allowed).isEqualTo(30);
            Verdict refused = second.tryConsume("client-1", limit, 1).await().atMost(Duration.ofSeconds(5));
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
            assertThat(first.available("client-2", limit).await().atMost(Duration.ofSeconds(5))).isEqualTo(30);
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void inMemoryLimitersAreIndependentPerInstance() {
        LimitSpec limit = new LimitSpec("mem", 3, Duration.ofMinutes(1));
        RateLimiter first = new InMemoryRateLimiter();
        RateLimiter second = new InMemoryRateLimiter();
        for (int i = 0; i < 3; i++) {
            assertThat(first.tryConsume("k", limit, 1).await().indefinitely().allowed()).isTrue();
        }
        assertThat(first.tryConsume("k", limit, 1).await().indefinitely().allowed()).isFalse();
        assertThat(second.tryConsume("k", limit, 1).await().indefinitely().allowed()).isTrue();
    }

    @Test
    void anUnreachableRedisFailsOpen() {
        LimitSpec limit = new LimitSpec("down", 1, Duration.ofMinutes(1));
        RedisRateLimiter limiter;
        try {
            limiter = new RedisRateLimiter("redis://127.0.0.1:1", Duration.ofMillis(300));
        } catch (RuntimeException e) {
            // cannot even connect: the gateway then limits in memory (RateLimits falls back at startup)
            assertThat(e).isNotNull();
            return;
        }
        try {
            assertThat(limiter.tryConsume("k", limit, 1).await().atMost(Duration.ofSeconds(3)).allowed()).isTrue();
        } finally {
            limiter.close();
        }
    }
}
