package io.fieldsales.order.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.order.service.CustomerProjection;
import io.fieldsales.platform.events.EventEnvelope;
import io.fieldsales.platform.events.PoisonEventException;
import io.fieldsales.platform.events.ProcessedEvents;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code customer.events} -> the customer projection, once per event id; poison events go to
 * {@code customer.events.dlq} at once, other failures after 5 retries with backoff.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    public static final String CONSUMER = "order-service.customer-projection";

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEvents processed;

    @Inject
    CustomerProjection projection;

    @Incoming("customer-events")
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = PoisonEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> EventEnvelope.parse(record, json, false))
                .chain(event -> processed.processOnce(CONSUMER, event.id(), () -> projection.apply(event)))
                .replaceWithVoid();
    }
}
