package io.fieldsales.platform.kittest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.platform.events.EventEnvelope;
import io.fieldsales.platform.events.PoisonEventException;
import io.fieldsales.platform.events.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer built the way services build theirs: parse, then apply the effect once per event id. */
@ApplicationScoped
public class WidgetEffectConsumer {

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEvents processed;

    @Incoming("kit-test-in")
    @Retry(maxRetries = 3, delay = 50, jitter = 20, abortOn = PoisonEventException.class)
    @ExponentialBackoff(maxDelay = 1000)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> EventEnvelope.parse(record, json, false))
                .invoke(this::failTwiceIfFlaky)
                .chain(event -> processed.processOnce("kit-test", event.id(), () -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("insert into consumed_effect (event_id, note) values (?1, ?2)")
                                .setParameter(1, event.id())
                                .setParameter(2, event.data().path("note").asText())
                                .executeUpdate())))
                .replaceWithVoid();
    }

    /** Plays a transient fault: an event whose note starts with "flaky-" fails its first two attempts. */
    private void failTwiceIfFlaky(EventEnvelope event) {
        String note = event.data().path("note").asText();
        if (note.startsWith("flaky-") && attempts.merge(note, 1, Integer::sum) <= 2) {
            throw new IllegalStateException("transient failure, attempt " + attempts.get(note));
        }
    }

    private final java.util.Map<String, Integer> attempts = new java.util.concurrent.ConcurrentHashMap<>();
}
