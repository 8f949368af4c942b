package io.fieldsales.gateway.domain;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/** A named token bucket: {@code capacity} tokens, refilled all at once every {@code window} ("100 per minute"). */
public record LimitSpec(String name, long capacity, Duration window) {

    public BucketConfiguration bucketConfiguration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, window))
                .build();
    }
}
