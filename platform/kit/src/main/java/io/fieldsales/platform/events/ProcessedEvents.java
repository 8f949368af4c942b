package io.fieldsales.platform.events;

import io.fieldsales.platform.db.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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

    /**
     * A batch of events in ONE transaction (a consumer in batch mode): records the ids this consumer has not processed
     * yet and hands those events to {@code effects} together, in the order given and an id the batch holds twice
     * once, so that it can write them in a few set-based statements (keeping their order where it matters); emits
     * how many it got. A failing effect rolls the whole batch back, its ids included, so the caller can retry it or
     * take the events one by one ({@link #processOnce}).
     */
    public <E> Uni<Integer> processNewTogether(String consumer, List<E> events, Function<E, UUID> idOf,
            Function<List<E>, Uni<?>> effects) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        UUID[] ids = events.stream().map(idOf).toArray(UUID[]::new);
        return ConsumerShutdown.guard(consumer, () -> Panache.withTransaction(() -> SessionSql.rows(
                        "insert into processed_event (consumer, event_id) select ?1, unnest(cast(?2 as uuid[]))"
                                + " on conflict do nothing returning event_id", consumer, ids)
                .chain(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    rows.forEach(r -> fresh.add((UUID) r[0]));
                    List<E> toApply = new ArrayList<>(fresh.size());
                    for (E event : events) {
                        if (fresh.remove(idOf.apply(event))) {
                            toApply.add(event);
                        }
                    }
                    return toApply.isEmpty()
                            ? Uni.createFrom().item(0)
                            : effects.apply(toApply).replaceWith(toApply.size());
                })));
    }
}
