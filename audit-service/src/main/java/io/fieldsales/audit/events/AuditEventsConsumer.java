package io.fieldsales.audit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.audit.domain.EventTypes;
import io.fieldsales.audit.domain.NewAuditEvent;
import io.fieldsales.audit.domain.PlatformChain;
import io.fieldsales.audit.service.AppendResult;
import io.fieldsales.audit.service.AuditTrail;
import io.fieldsales.platform.events.EventEnvelope;
import io.fieldsales.platform.events.PoisonEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores every event of the suite's topics in its tenant's trail, once per CloudEvents source and id; security
 * events without a tenant go to the platform chain ({@link PlatformChain}). A record that can never be stored (no
 * tenant outside security.events, broken JSON, not a CloudEvent, a source that does not own the topic, an unknown
 * type for its topic) fails at once and the connector moves it to {@code audit.dlq} with the reason; transient
 * failures are retried with backoff (5 tries, 200 ms doubling to 5 s: rides out a failover of the database without
 * stalling the partition for long).
 */
@ApplicationScoped
public class AuditEventsConsumer {

    private static final Logger LOG = Logger.getLogger(AuditEventsConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail trail;

    @Inject
    MeterRegistry metrics;

    /** Every topic of the suite arrives on this one channel (see {@code suite-events} in application.properties). */
    @Incoming("suite-events")
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = PoisonEventException.class)
    @ExponentialBackoff(maxDelay = 5000)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return store(record);
    }

    Uni<Void> store(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> toAuditEvent(record))
                .onFailure(PoisonEventException.class).invoke(f -> {
                    Counter.builder("fieldsales.audit.events.rejected").tag("topic", record.topic())
                            .description("Events sent to audit.dlq").register(metrics).increment();
                    LOG.warnf("Poison record on %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                            f.getMessage());
                })
                .chain(event -> trail.append(event).invoke(result -> count(event, result)))
                .replaceWithVoid();
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
