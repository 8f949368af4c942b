package io.fieldsales.gateway.service;

import io.fieldsales.gateway.domain.LimitSpec;
import io.fieldsales.gateway.domain.Verdict;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/** Token buckets by key; in memory per instance, or shared by every replica through Redis. */
public interface RateLimiter {

    /** Takes {@code tokens} from the key's bucket if it has them. */
    Uni<Verdict> tryConsume(String key, LimitSpec limit, long tokens);

    /** Gives tokens back (a reserved attempt turned out not to count). */
    Uni<Void> refund(String key, LimitSpec limit, long tokens);

    /** Tokens left in the key's bucket, without taking any. */
    Uni<Long> available(String key, LimitSpec limit);

    /** Milliseconds the key's back-off still blocks it (0 when it does not). */
    Uni<Long> blockedMillis(String key);

    /**
     * Records one more exhaustion of the key's budget and blocks the key for {@code base} x 2^(n-1) (n: exhaustions
     * so far; at most {@code max}); the count is forgotten after {@code quiet} without a new one. Returns the block
     * in milliseconds.
     */
    Uni<Long> backOff(String key, Duration base, Duration max, Duration quiet);

    /** Forgets the key's exhaustions and lifts its block (a successful login). */
    Uni<Void> clearBackOff(String key);

    /** The block after the n-th exhaustion (n from 1): base doubled n-1 times, at most max. */
    static long backOffMillis(long n, Duration base, Duration max) {
        long wait = base.toMillis() << Math.min(Math.max(0, n - 1), 30);
        return Math.min(wait <= 0 ? Long.MAX_VALUE : wait, max.toMillis());
    }

    default void close() {
    }
}
