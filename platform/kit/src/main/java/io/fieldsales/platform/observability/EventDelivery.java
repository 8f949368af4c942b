package io.fieldsales.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * The event path's latency, from the change's commit (the CloudEvent's {@code ce_time}, the outbox row's
 * occurred_at) to its arrival at a consumer: timer {@code fieldsales.event.delivery} by topic. A Kafka consumer
 * interceptor, so a consumer gets it from configuration alone, whatever its code does with the records:
 * {@code mp.messaging.incoming.<channel>.interceptor.classes=io.fieldsales.platform.observability.EventDelivery}.
 */
public class EventDelivery implements ConsumerInterceptor<Object, Object> {

    public static final String TIMER = "fieldsales.event.delivery";

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        long now = System.currentTimeMillis();
        records.forEach(r -> {
            Header time = r.headers().lastHeader("ce_time");
            if (time == null) {
                return;
            }
            try {
                long committed = OffsetDateTime.parse(new String(time.value(), StandardCharsets.UTF_8))
                        .toInstant().toEpochMilli();
                Timer.builder(TIMER).description("From an event's commit to its arrival at a consumer")
                        .tag("topic", r.topic()).register(registry())
                        .record(Duration.ofMillis(Math.max(0, now - committed)));
            } catch (RuntimeException malformed) {
                // not a CloudEvent of ours: nothing to measure
            }
        });
        return records;
    }

    /**
     * Quarkus's registry (the one /q/metrics exports and the kit's MeterFilters configure): Kafka, not CDI, creates
     * interceptors, so it is looked up; the global registry only outside a Quarkus application.
     */
    private static MeterRegistry registry() {
        io.quarkus.arc.ArcContainer arc = io.quarkus.arc.Arc.container();
        if (arc != null) {
            io.quarkus.arc.InstanceHandle<MeterRegistry> handle = arc.instance(MeterRegistry.class);
            if (handle.isAvailable()) {
                return handle.get();
            }
        }
        return Metrics.globalRegistry;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
