package io.fieldsales.platform.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes consumers idempotent: the event id is recorded in the consumer's database ({@code processed_event}) in the
 * same transaction as the event's effect, so a redelivered event is a no-op and a failed effect leaves no record.
 * Once the service is stopping no effect starts, and one that fails while it stops is left unacknowledged rather
 * than failed ({@link ConsumerShutdown#guard}): the next start processes it.
 *
 * <pre>{@code
 * @Incoming("customer-events")
 * @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = PoisonEventException.class)
 * @ExponentialBackoff(maxDelay = 10_000)
 * public Uni<Void> consume(ConsumerRecord<String, String> record) {
 *     EventEnvelope event = EventEnvelope.parse(record, json, false);
 *     return processedEvents.processOnce("my-consumer", event.id(), () -> applyEffect(event));
 * }
 * }</pre>
 */
@ApplicationScoped
public class ProcessedEvents {

    /**
     * Runs the effect in a transaction unless this consumer already processed the event; emits true if it ran.
     * Concurrent deliveries of one event serialize on the primary key: the second sees the first's commit.
     */
    public Uni<Boolean> processOnce(String consumer, UUID eventId, Supplier<Uni<?>> effect) {
        return ConsumerShutdown.guard(consumer, () -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("insert into processed_event (consumer, event_id)"
                                + " values (?1, ?2) on conflict do nothing")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(false)
                        : effect.get().replaceWith(true))));
    }
}
