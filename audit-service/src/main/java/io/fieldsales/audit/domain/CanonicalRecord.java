package io.fieldsales.audit.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The canonical text of a record, the bytes the chain hashes (UTF-8): a JSON object with the members below in this
 * order, no whitespace, absent values as null, times in UTC with microseconds, and {@code data} spliced in as
 * PostgreSQL's jsonb normal form (which is deterministic, so the text can be rebuilt from the stored row):
 * <pre>{"v":1,"tenantId":..,"sequence":..,"eventId":..,"type":..,"source":..,"topic":..,"entityType":..,
 * "entityId":..,"actorId":..,"requestId":..,"occurredAt":..,"receivedAt":..,"piiSubject":..,"refs":[..],"data":{..}}</pre>
 * The export carries this text with every record, so an auditor can check the chain offline.
 */
public final class CanonicalRecord {

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final JsonFactory JSON = new JsonFactory();

    private CanonicalRecord() {
    }

    public static String of(AuditRecord r) {
        StringWriter out = new StringWriter(256 + r.data().length());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", 1);
            g.writeStringField("tenantId", r.tenantId().toString());
            g.writeNumberField("sequence", r.sequence());
            g.writeStringField("eventId", r.eventId().toString());
            g.writeStringField("type", r.type());
            g.writeStringField("source", r.source());
            g.writeStringField("topic", r.topic());
            g.writeStringField("entityType", r.entityType());
            g.writeStringField("entityId", r.entityId());
            g.writeStringField("actorId", r.actorId());
            g.writeStringField("requestId", r.requestId());
            g.writeStringField("occurredAt", time(r.occurredAt()));
            g.writeStringField("receivedAt", time(r.receivedAt()));
            g.writeStringField("piiSubject", r.piiSubject());
            g.writeArrayFieldStart("refs");
            for (String ref : r.refs()) {
                g.writeString(ref);
            }
            g.writeEndArray();
            g.writeFieldName("data");
            g.writeRawValue(r.data());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Times as stored (PostgreSQL keeps microseconds), in UTC. */
    public static String time(OffsetDateTime t) {
        return t == null ? null : TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Cuts a time to what PostgreSQL stores, so the hashed text and the stored row agree. */
    public static OffsetDateTime storable(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
