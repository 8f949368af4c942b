package io.fieldsales.gateway.service;

import io.fieldsales.gateway.domain.LimitSpec;
import io.fieldsales.gateway.domain.Verdict;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Buckets shared by every gateway replica: Bucket4j's compare-and-swap protocol on Redis through Lettuce's
 * non-blocking client. Keys expire once their bucket would be full again. If Redis is slow or down the limiter
 * fails open (logged), so an outage of the limiter store never becomes an outage of the API.
 */
public class RedisRateLimiter implements RateLimiter {

    private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class);
    private static final String PREFIX = "fieldsales:gateway:ratelimit:";
    private static final String BACK_OFF_PREFIX = "fieldsales:gateway:backoff:";

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;
    private final Duration timeout;

    public RedisRateLimiter(String redisUrl, Duration timeout) {
        this.timeout = timeout;
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(timeout);
        client = RedisClient.create(uri);
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build()
                .asAsync();
    }

    @Override
    public Uni<Verdict> tryConsume(String key, LimitSpec limit, long tokens) {
        return call(() -> bucket(key, limit).tryConsumeAndReturnRemaining(tokens)
                        .thenApply(probe -> Verdict.of(limit, probe)),
                Verdict.failOpen(limit), "letting the request through");
    }

    @Override
    public Uni<Void> refund(String key, LimitSpec limit, long tokens) {
        return call(() -> bucket(key, limit).addTokens(tokens), null, "tokens not given back");
    }

    @Override
    public Uni<Long> available(String key, LimitSpec limit) {
        return call(() -> bucket(key, limit).getAvailableTokens(), limit.capacity(), "reporting a full bucket");
    }

    /**
     * KEYS: the exhaustion counter, the block; ARGV: base, max, quiet (ms). Counts the exhaustion, blocks for
     * base x 2^(n-1) capped at max, and lets the counter expire after the block plus the quiet period.
     */
    private static final String BACK_OFF_SCRIPT = """
            local n = redis.call('INCR', KEYS[1])
            local wait = tonumber(ARGV[1]) * (2 ^ math.min(n - 1, 30))
            local max = tonumber(ARGV[2])
            if wait > max then wait = max end
            wait = math.floor(wait)
            redis.call('PEXPIRE', KEYS[1], wait + tonumber(ARGV[3]))
            redis.call('SET', KEYS[2], '1', 'PX', wait)
            return wait
            """;

    @Override
    public Uni<Long> blockedMillis(String key) {
        return call(() -> connection.async().pttl(BACK_OFF_PREFIX + "block:" + key)
                        .thenApply(ttl -> ttl == null || ttl < 0 ? 0L : ttl),
                0L, "not blocking");
    }

    @Override
    public Uni<Long> backOff(String key, Duration base, Duration max, Duration quiet) {
        return call(() -> connection.async().<Long>eval(BACK_OFF_SCRIPT, io.lettuce.core.ScriptOutputType.INTEGER,
                        new String[] {BACK_OFF_PREFIX + "count:" + key, BACK_OFF_PREFIX + "block:" + key},
                        bytes(base.toMillis()), bytes(max.toMillis()), bytes(quiet.toMillis())),
                0L, "no back-off recorded");
    }

    @Override
    public Uni<Void> clearBackOff(String key) {
        return call(() -> connection.async().del(BACK_OFF_PREFIX + "count:" + key, BACK_OFF_PREFIX + "block:" + key)
                .thenApply(deleted -> (Void) null), null, "back-off not cleared");
    }

    private io.github.bucket4j.distributed.AsyncBucketProxy bucket(String key, LimitSpec limit) {
        return buckets.builder().build(PREFIX + limit.name() + ':' + key, limit.bucketConfiguration());
    }

    /**
     * One call to Redis: within the timeout, or {@code fallback} (logged: the limiter fails open), continuing on
     * the caller's context.
     */
    private <T> Uni<T> call(java.util.function.Supplier<java.util.concurrent.CompletionStage<T>> operation,
            T fallback, String consequence) {
        java.util.concurrent.Executor caller = callerContext();
        return Uni.createFrom().completionStage(operation)
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(f -> {
                    LOG.warnf("Rate limiter store unavailable, %s: %s", consequence, f.toString());
                    return fallback;
                })
                .emitOn(caller);
    }

    private static byte[] bytes(long value) {
        return Long.toString(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Lettuce completes on its own threads: continue on the caller's Vert.x context (event loop, session). */
    private static java.util.concurrent.Executor callerContext() {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(v -> task.run());
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
