package io.fieldsales.order.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.order.service.OrderService;
import io.fieldsales.platform.events.EventEnvelope;
import io.fieldsales.platform.events.PoisonEventException;
import io.fieldsales.platform.events.ProcessedEvents;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code cash.events}: {@code io.fieldsales.cash.receivable.settled.v1} completes the DELIVERED order it names,
 * once per event id. Every other cash event is none of our business.
 */
@ApplicationScoped
public class CashEventsConsumer {

    public static final String CONSUMER = "order-service.receivable-settled";
    public static final String SETTLED = "io.fieldsales.cash.receivable.settled.v1";
    private static final Logger LOG = Logger.getLogger(CashEventsConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEvents processed;

    @Inject
    OrderService orders;

    @Incoming("cash-events")
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = PoisonEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> EventEnvelope.parse(record, json, false))
                .chain(event -> {
                    if (!SETTLED.equals(event.type())) {
                        return Uni.createFrom().voidItem();
                    }
                    UUID orderId = orderId(event);
                    return processed.processOnce(CONSUMER, event.id(), () -> orders
                            .complete(event.tenantId(), orderId, "cash-service")
                            .invoke(done -> {
                                if (!done) {
                                    LOG.warnf("receivable settled for order %s, which is not DELIVERED here", orderId);
                                }
                            })).replaceWithVoid();
                });
    }

    private static UUID orderId(EventEnvelope event) {
        try {
            return UUID.fromString(event.data().path("orderId").asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("receivable.settled without a valid orderId");
        }
    }
}
