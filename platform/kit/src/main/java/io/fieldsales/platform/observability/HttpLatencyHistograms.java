package io.fieldsales.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Latency histograms (Prometheus buckets, so p95 is computed across replicas with histogram_quantile) for the HTTP
 * server timer, keyed by route template ({@code uri} tag, never the raw path), and for the event delivery timer.
 * Fixed buckets around the 500 ms alert threshold keep the series count small.
 */
@Singleton
public class HttpLatencyHistograms {

    static final double[] BUCKETS_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests") && !id.getName().equals(EventDelivery.TIMER)) {
                    return config;
                }
                double[] nanos = new double[BUCKETS_SECONDS.length];
                for (int i = 0; i < nanos.length; i++) {
                    nanos[i] = Duration.ofMillis((long) (BUCKETS_SECONDS[i] * 1000)).toNanos();
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(false)
                        .serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
