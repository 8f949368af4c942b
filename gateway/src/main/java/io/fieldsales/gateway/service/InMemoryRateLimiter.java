package io.fieldsales.gateway.service;

import io.fieldsales.gateway.domain.LimitSpec;
import io.fieldsales.gateway.domain.Verdict;
import io.github.bucket4j.Bucket;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bucket4j's lock-free local buckets, one per key. Buckets that have refilled to capacity carry no state worth
 * keeping and are evicted by {@link #evictIdle()}, which bounds memory under many distinct keys (IP scans).
 */
public class InMemoryRateLimiter implements RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, BackOff> backOffs = new ConcurrentHashMap<>();

    /** Exhaustions so far, blocked until, forgotten at (epoch milliseconds). */
    private record BackOff(long count, long blockedUntil, long forgetAt) {
    }

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

    @Override
    public Uni<Long> blockedMillis(String key) {
        BackOff b = backOffs.get(key);
        long now = System.currentTimeMillis();
        return Uni.createFrom().item(b == null ? 0L : Math.max(0L, b.blockedUntil() - now));
    }

    @Override
    public Uni<Long> backOff(String key, Duration base, Duration max, Duration quiet) {
        long now = System.currentTimeMillis();
        BackOff next = backOffs.compute(key, (k, b) -> {
            long n = b == null || b.forgetAt() <= now ? 1 : b.count() + 1;
            long wait = RateLimiter.backOffMillis(n, base, max);
            return new BackOff(n, now + wait, now + wait + quiet.toMillis());
        });
        return Uni.createFrom().item(next.blockedUntil() - now);
    }

    @Override
    public Uni<Void> clearBackOff(String key) {
        backOffs.remove(key);
        return Uni.createFrom().voidItem();
    }

    private Bucket bucket(String key, LimitSpec limit) {
        return buckets.computeIfAbsent(limit.name() + ':' + key,
                k -> Bucket.builder().addLimit(b -> b.capacity(limit.capacity())
                        .refillIntervally(limit.capacity(), limit.window())).build());
    }

    /** Drops buckets that are full again (equivalent to absent) and back-offs past their quiet period. */
    public void evictIdle(Map<String, LimitSpec> limitsByName) {
        long now = System.currentTimeMillis();
        backOffs.values().removeIf(b -> b.forgetAt() <= now);
        buckets.entrySet().removeIf(e -> {
            LimitSpec spec = limitsByName.get(e.getKey().substring(0, e.getKey().indexOf(':')));
            return spec != null && e.getValue().getAvailableTokens() >= spec.capacity();
        });
    }

    public int size() {
        return buckets.size();
    }
}
