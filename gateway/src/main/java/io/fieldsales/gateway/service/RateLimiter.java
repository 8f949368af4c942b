package io.fieldsales.gateway.service;

import io.fieldsales.gateway.domain.LimitSpec;
import io.fieldsales.gateway.domain.Verdict;
import io.smallrye.mutiny.Uni;

/** Token buckets by key; in memory per instance, or shared by every replica through Redis. */
public interface RateLimiter {

    /** Takes {@code tokens} from the key's bucket if it has them. */
    Uni<Verdict> tryConsume(String key, LimitSpec limit, long tokens);

    /** Gives tokens back (a reserved attempt turned out not to count). */
    Uni<Void> refund(String key, LimitSpec limit, long tokens);

    /** Tokens left in the key's bucket, without taking any. */
    Uni<Long> available(String key, LimitSpec limit);

    default void close() {
    }
}
