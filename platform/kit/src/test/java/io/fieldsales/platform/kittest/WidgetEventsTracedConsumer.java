package io.fieldsales.platform.kittest;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads widget.events, so TracingTest sees the consumer span of an event the outbox relay published. */
@ApplicationScoped
public class WidgetEventsTracedConsumer {

    @Incoming("kit-widgets-traced")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().voidItem();
    }
}
