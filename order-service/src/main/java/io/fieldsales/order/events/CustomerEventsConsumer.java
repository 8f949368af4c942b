package io.fieldsales.order.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.order.service.CustomerProjection;
import io.fieldsales.platform.events.BatchRecords;
import io.fieldsales.platform.events.ConsumerShutdown;
import io.fieldsales.platform.events.EventEnvelope;
import io.fieldsales.platform.events.PoisonEventException;
import io.fieldsales.platform.events.ProcessedEvents;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code customer.events} -> the customer projection, once per event id, in batches (what one poll of Kafka returned,
 * up to {@code max.poll.records}): the batch's events are applied in one transaction ({@link
 * ProcessedEvents#processNewTogether}), in their order, runs of snapshots in one statement each ({@link
 * CustomerProjection#applyAll}), then the batch is acknowledged. A batch failing for a passing
 * reason is retried (5 times, backoff up to 10 s); one holding a poison event, or failing still, is taken event by
 * event, each as before (retried, then {@code customer.events.dlq}), so one bad event never holds up the others. An
 * event that cannot be read at all goes to the DLQ at once.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    public static final String CONSUMER = "order-service.customer-projection";
    private static final Logger LOG = Logger.getLogger(CustomerEventsConsumer.class);
    private static final int RETRIES = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEvents processed;

    @Inject
    CustomerProjection projection;

    /** One record of a batch: its message (to nack alone) and its event, or why it cannot be read. */
    public record Received(KafkaRecord<String, String> message, EventEnvelope event, PoisonEventException poison) {
    }

    @Incoming("customer-events")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Received> good = new ArrayList<>(batch.getRecords().size());
        List<Received> unreadable = new ArrayList<>();
        for (KafkaRecord<String, String> message : batch.getRecords()) {
            Received r = receive(message);
            (r.event() != null ? good : unreadable).add(r);
        }
        Executor onContext = onThisContext();
        return attempts(onContext, () -> processed.processNewTogether(CONSUMER, good, r -> r.event().id(),
                        fresh -> projection.applyAll(fresh.stream().map(Received::event).toList())).replaceWithVoid())
                .onFailure(f -> !ConsumerShutdown.stopping()).recoverWithUni(f -> oneByOne(onContext, good, f))
                .chain(() -> BatchRecords.nackEach(unreadable, Received::message, Received::poison))
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    /**
     * Runs the work, retrying a passing failure (a poison event fails at once), each attempt on the consumer's own
     * Vert.x context: Hibernate Reactive needs it, and after a nack (completed on the Kafka producer's thread) the next
     * event's attempt would otherwise start off it (CustomerProjectionTest's burst with a poison event).
     */
    private static <T> Uni<T> attempts(Executor onContext, Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().deferred(work).runSubscriptionOn(onContext)
                .onFailure(f -> !(f instanceof PoisonEventException) && !ConsumerShutdown.stopping())
                .retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).withJitter(0.5).atMost(RETRIES);
    }

    private static Executor onThisContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }

    private Uni<Void> oneByOne(Executor onContext, List<Received> good, Throwable batchFailure) {
        if (!(batchFailure instanceof PoisonEventException)) {
            LOG.warnf("A batch of %d customer events failed (%s): applying them one by one", good.size(),
                    batchFailure.toString());
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Received r : good) {
            chain = chain.chain(() -> attempts(onContext, () -> processed.processOnce(CONSUMER, r.event().id(),
                            () -> projection.apply(r.event())))
                    .replaceWithVoid()
                    .onFailure(f -> !ConsumerShutdown.stopping()).recoverWithUni(f -> {
                        LOG.errorf(f, "Customer event %s could not be applied: sent to customer.events.dlq",
                                r.event().id());
                        return Uni.createFrom().completionStage(() -> r.message().nack(f));
                    }));
        }
        return chain;
    }

    private Received receive(KafkaRecord<String, String> message) {
        ConsumerRecord<String, String> record = BatchRecords.record(message);
        try {
            return new Received(message, EventEnvelope.parse(record, json, false), null);
        } catch (PoisonEventException poison) {
            LOG.warnf("Poison record on %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    poison.getMessage());
            return new Received(message, null, poison);
        }
    }
}
