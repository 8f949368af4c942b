package io.fieldsales.platform.outbox;

import io.fieldsales.platform.context.TraceContexts;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.ZoneOffset;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns an outbox row into a Kafka message in CloudEvents 1.0 binary mode (written as {@code ce_*} headers by
 * SmallRye's Kafka connector): id = the row id, subject = the aggregate id, extensions tenantid, actorid,
 * requestid and traceparent; Kafka key = the aggregate id; the OpenTelemetry producer span continues the stored
 * traceparent.
 */
final class CloudEventMessages {

    static final String EXT_TENANT = "tenantid";
    static final String EXT_ACTOR = "actorid";
    static final String EXT_REQUEST = "requestid";
    static final String EXT_TRACEPARENT = "traceparent";

    private CloudEventMessages() {
    }

    static Message<String> toMessage(OutboxRow row, URI source) {
        var ce = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.id().toString())
                .withType(row.type())
                .withSource(source)
                .withSubject(row.aggregateId())
                .withDataContentType("application/json")
                .withTimestamp(row.occurredAt().atZoneSameInstant(ZoneOffset.UTC));
        if (row.tenantId() != null) {
            ce.withExtension(EXT_TENANT, row.tenantId().toString());
        }
        if (row.actorId() != null) {
            ce.withExtension(EXT_ACTOR, row.actorId());
        }
        if (row.requestId() != null) {
            ce.withExtension(EXT_REQUEST, row.requestId());
        }
        if (row.traceparent() != null) {
            ce.withExtension(EXT_TRACEPARENT, row.traceparent());
        }
        var kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.aggregateId())
                .build();
        Message<String> message = Message.of(row.payload()).addMetadata(ce.build()).addMetadata(kafka);
        // The producer span (and the record's W3C traceparent header) continue the trace of the transaction that
        // wrote the row, not the relay's own: one trace from the writer's request to every consumer.
        Context writer = TraceContexts.fromTraceparent(row.traceparent());
        return writer == null ? message : message.addMetadata(TracingMetadata.withCurrent(writer));
    }
}
