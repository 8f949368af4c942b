package io.fieldsales.gateway.service;

import io.fieldsales.gateway.domain.LimitSpec;
import io.fieldsales.gateway.domain.Verdict;
import io.github.bucket4j.Bucket;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bucket4j's lock-free local buckets, one per key. Buckets that have refilled to capacity carry no state worth
 * keeping and are evicted by {@link #evictIdle()}, which bounds memory under many distinct keys (IP scans).
 */
public class InMemoryRateLimiter implements RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Uni<Verdict> tryConsume(String key, LimitSpec limit, long tokens) {
        Bucket bucket = bucket(key, limit);
        return Uni.createFrom().item(Verdict.of(limit, bucket.tryConsumeAndReturnRemaining(tokens)));
    }

    @Override
    public Uni<Void> refund(String key, LimitSpec limit, long tokens) {
        Bucket bucket = buckets.get(limit.name() + ':' + key);
        if (bucket != null) {
            bucket.addTokens(tokens);
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Long> available(String key, LimitSpec limit) {
        Bucket bucket = buckets.get(limit.name() + ':' + key);
        return Uni.createFrom().item(bucket == null ? limit.capacity() : bucket.getAvailableTokens());
    }

    private Bucket bucket(String key, LimitSpec limit) {
        return buckets.computeIfAbsent(limit.name() + ':' + key,
                k -> Bucket.builder().addLimit(b -> b.capacity(limit.capacity())
                        .refillIntervally(limit.capacity(), limit.window())).build());
    }

    /** Drops buckets that are full again (equivalent to absent). */
    public void evictIdle(Map<String, LimitSpec> limitsByName) {
        buckets.entrySet().removeIf(e -> {
            LimitSpec spec = limitsByName.get(e.getKey().substring(0, e.getKey().indexOf(':')));
            return spec != null && e.getValue().getAvailableTokens() >= spec.capacity();
        });
    }

    public int size() {
        return buckets.size();
    }
}
