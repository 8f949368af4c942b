package io.fieldsales.platform.outbox;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A pending outbox row as the relay reads it. */
record OutboxRow(UUID id, UUID tenantId, String aggregateType, String aggregateId, String type, String topic,
        String payload, String actorId, String requestId, String traceparent, OffsetDateTime occurredAt) {

    static final String COLUMNS = "id, tenant_id, aggregate_type, aggregate_id, event_type, topic, payload::text,"
            + " actor_id, request_id, traceparent, occurred_at";

    static OutboxRow from(Row r) {
        return new OutboxRow(r.getUUID(0), r.getUUID(1), r.getString(2), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                r.getOffsetDateTime(10));
    }
}
