package io.fieldsales.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent as received from Kafka in binary mode ({@code ce_*} headers, JSON data), checked on arrival:
 * a record that is not a well-formed event of ours is a {@link PoisonEventException}.
 */
public record EventEnvelope(UUID id, String type, String source, String subject, OffsetDateTime time,
        UUID tenantId, String actorId, String requestId, String traceparent, String topic, JsonNode data) {

    /** Parses a record; the tenant is required unless {@code tenantOptional}. */
    public static EventEnvelope parse(ConsumerRecord<?, String> record, ObjectMapper json, boolean tenantOptional) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new PoisonEventException("not a CloudEvent: ce_id and ce_type are required");
        }
        UUID eventId = uuid(id, "ce_id");
        String tenant = header(record, "ce_tenantid");
        if (tenant == null && !tenantOptional) {
            throw new PoisonEventException("event " + id + " has no tenantid");
        }
        JsonNode data;
        try {
            data = record.value() == null ? null : json.readTree(record.value());
        } catch (JsonProcessingException e) {
            // where, never what: a parser's message quotes the payload (names, emails), which must not reach a log
            var at = e.getLocation();
            throw new PoisonEventException("event " + id + " data is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("event " + id + " data is not a JSON object");
        }
        OffsetDateTime time = null;
        String rawTime = header(record, "ce_time");
        if (rawTime != null) {
            try {
                time = OffsetDateTime.parse(rawTime);
            } catch (DateTimeParseException e) {
                throw new PoisonEventException("event " + id + " has an invalid ce_time", e);
            }
        }
        return new EventEnvelope(eventId, type, header(record, "ce_source"), header(record, "ce_subject"), time,
                tenant == null ? null : uuid(tenant, "tenantid"), header(record, "ce_actorid"),
                header(record, "ce_requestid"), header(record, "ce_traceparent"), record.topic(), data);
    }

    private static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(what + " is not a UUID: " + value.substring(0, Math.min(64, value.length())));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
