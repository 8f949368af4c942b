package io.fieldsales.gateway.domain;

import io.github.bucket4j.ConsumptionProbe;

/** The outcome of taking from a bucket, with what the RateLimit-* and Retry-After headers need. */
public record Verdict(LimitSpec limit, boolean allowed, long remaining, long secondsToReset, long retryAfterSeconds) {

    public static Verdict of(LimitSpec limit, ConsumptionProbe probe) {
        return new Verdict(limit, probe.isConsumed(), Math.max(0, probe.getRemainingTokens()),
                ceilSeconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())));
    }

    /** When a limiter cannot answer (Redis down), the request passes: limits protect, they must not take us down. */
    public static Verdict failOpen(LimitSpec limit) {
        return new Verdict(limit, true, limit.capacity(), 0, 0);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
