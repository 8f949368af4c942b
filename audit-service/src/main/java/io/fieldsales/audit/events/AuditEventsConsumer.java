package io.fieldsales.audit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.audit.domain.EventTypes;
import io.fieldsales.audit.domain.NewAuditEvent;
import io.fieldsales.audit.domain.PlatformChain;
import io.fieldsales.audit.service.AppendResult;
import io.fieldsales.audit.service.AuditIngest;
import io.fieldsales.platform.context.RequestIds;
import io.fieldsales.platform.context.TraceContexts;
import io.fieldsales.platform.events.BatchRecords;
import io.fieldsales.platform.events.ConsumerShutdown;
import io.fieldsales.platform.events.EventEnvelope;
import io.fieldsales.platform.events.PoisonEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores every event of the suite's topics in its tenant's trail, once per CloudEvents source and id; security
 * events without a tenant go to the platform chain ({@link PlatformChain}). Records arrive in batches (what one poll
 * of Kafka returned, up to {@code max.poll.records}): the good ones of a batch are stored together in one transaction
 * ({@link AuditIngest}, which retries it whole); a record that can never be stored (no tenant outside
 * security.events, broken JSON, not a CloudEvent, a source that does not own the topic, an unknown type for its
 * topic) goes to {@code audit.dlq} with the reason, without holding up the rest of its batch. The batch is
 * acknowledged (its offsets become committable) only after the database commit: at-least-once, and a redelivered
 * record is skipped as stored.
 */
@ApplicationScoped
public class AuditEventsConsumer {

    private static final Logger LOG = Logger.getLogger(AuditEventsConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    AuditIngest ingest;

    @Inject
    MeterRegistry metrics;

    @Inject
    Tracer tracer;

    /** One record of a batch: the Kafka record (headers, traceparent, offset) and its event, or why it is poison. */
    public record Received(KafkaRecord<String, String> message, ConsumerRecord<String, String> record,
            NewAuditEvent event, PoisonEventException poison) {
    }

    /** Every topic of the suite arrives on this one channel (see {@code suite-events} in application.properties). */
    @Incoming("suite-events")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Received> received = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, String> message : batch.getRecords()) {
            received.add(receive(message));
        }
        // the batch's transaction is one span, in the trace of its first traced record and linked to every other's,
        // so the database write shows in the trace of the change that caused it (OpenTelemetry's batch-receive rule)
        Span span = batchSpan(received);
        Scope scope = span.makeCurrent();
        // once the service stops no batch starts, and one failing meanwhile stays unacknowledged for the next start
        return ConsumerShutdown.guard("audit-service.ingest", () -> store(received))
                .chain(() -> Uni.createFrom().completionStage(batch::ack))
                .onTermination().invoke(() -> {
                    scope.close();
                    span.end();
                });
    }

    private Span batchSpan(List<Received> received) {
        SpanBuilder builder = tracer.spanBuilder("audit ingest").setSpanKind(SpanKind.INTERNAL)
                .setAttribute("messaging.batch.message_count", (long) received.size());
        boolean parented = false;
        for (Received r : received) {
            Header header = r.record().headers().lastHeader(RequestIds.TRACEPARENT);
            Context context = header == null ? null
                    : TraceContexts.fromTraceparent(new String(header.value(), StandardCharsets.UTF_8));
            if (context == null) {
                continue;
            }
            if (!parented) {
                builder.setParent(context);
                parented = true;
            } else {
                builder.addLink(Span.fromContext(context).getSpanContext());
            }
        }
        if (!parented) {
            builder.setNoParent();
        }
        return builder.startSpan();
    }

    /**
     * Stores the good records of a batch, then sends the poison ones to the DLQ: nothing is acknowledged before the
     * database commit.
     */
    Uni<Void> store(List<Received> received) {
        List<Received> good = received.stream().filter(r -> r.event() != null).toList();
        long started = System.nanoTime();
        return ingest.store(good.stream().map(Received::event).toList())
                .invoke(results -> {
                    for (int i = 0; i < good.size(); i++) {
                        count(good.get(i).event(), results.get(i));
                    }
                    DistributionSummary.builder("fieldsales.audit.ingest.batch.size")
                            .description("Records per stored batch").register(metrics).record(received.size());
                    Timer.builder("fieldsales.audit.ingest.batch.duration")
                            .description("From a batch's arrival to its database commit").register(metrics)
                            .record(Duration.ofNanos(System.nanoTime() - started));
                })
                .replaceWithVoid()
                // the batch outlasted its retries: store its records one by one, so one bad record cannot sink the
                // others; each that still fails goes to the DLQ with its reason
                .onFailure(f -> !ConsumerShutdown.stopping()).recoverWithUni(f -> oneByOne(good, f))
                .chain(() -> BatchRecords.nackEach(received.stream().filter(r -> r.poison() != null).toList(),
                        Received::message, Received::poison));
    }

    private Uni<Void> oneByOne(List<Received> good, Throwable batchFailure) {
        LOG.warnf("A batch of %d events failed (%s): storing them one by one", good.size(), batchFailure.toString());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Received r : good) {
            chain = chain.chain(() -> ingest.storeOne(r.event())
                    .invoke(result -> count(r.event(), result))
                    .replaceWithVoid()
                    .onFailure().recoverWithUni(f -> {
                        LOG.errorf(f, "Event %s from %s-%d@%d could not be stored: sent to audit.dlq", r.event().eventId(),
                                r.record().topic(), r.record().partition(), r.record().offset());
                        return Uni.createFrom().completionStage(() -> r.message().nack(f));
                    }));
        }
        return chain;
    }

    private Received receive(KafkaRecord<String, String> message) {
        ConsumerRecord<String, String> record = BatchRecords.record(message);
        try {
            return new Received(message, record, toAuditEvent(record), null);
        } catch (PoisonEventException poison) {
            Counter.builder("fieldsales.audit.events.rejected").tag("topic", record.topic())
                    .description("Events sent to audit.dlq").register(metrics).increment();
            LOG.warnf("Poison record on %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    poison.getMessage());
            return new Received(message, record, null, poison);
        }
    }

    private NewAuditEvent toAuditEvent(ConsumerRecord<String, String> record) {
        // only security events may come without a tenant: they go to the platform chain
        EventEnvelope e = EventEnvelope.parse(record, json, EventTypes.SECURITY_TOPIC.equals(record.topic()));
        if (!EventTypes.ownedBy(record.topic(), e.source())) {
            throw new PoisonEventException("source " + abbreviate(e.source()) + " does not own " + record.topic()
                    + " (only " + EventTypes.owner(record.topic()) + " publishes there)");
        }
        if (!EventTypes.accepted(record.topic(), e.type())) {
            throw new PoisonEventException("unknown event type " + abbreviate(e.type()) + " on " + record.topic());
        }
        if (PlatformChain.is(e.tenantId())) {
            throw new PoisonEventException("tenantid " + e.tenantId() + " is reserved for the platform chain");
        }
        UUID tenant = e.tenantId() == null ? PlatformChain.ID : e.tenantId();
        return new NewAuditEvent(tenant, e.id(), e.type(), e.source(), record.topic(),
                EventTypes.entityType(e.type()), e.subject(), e.actorId(), e.requestId(), e.time(), e.data());
    }

    private void count(NewAuditEvent event, AppendResult result) {
        Counter.builder(result.stored() ? "fieldsales.audit.events.stored" : "fieldsales.audit.events.duplicates")
                .tag("topic", event.topic())
                .description(result.stored() ? "Events appended to the trail" : "Redelivered events ignored")
                .register(metrics).increment();
        if (result.stored() && event.occurredAt() != null) {
            Duration delay = Duration.between(event.occurredAt(), OffsetDateTime.now(ZoneOffset.UTC));
            Timer.builder("fieldsales.audit.ingest.delay").tag("topic", event.topic())
                    .description("From the event's time to its storage in the trail: the consumer lag in time")
                    .register(metrics).record(delay.isNegative() ? Duration.ZERO : delay);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
