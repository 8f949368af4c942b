package io.fieldsales.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An event about to be appended to its tenant's trail (from Kafka, or an access to the trail itself). */
public record NewAuditEvent(UUID tenantId, UUID eventId, String type, String source, String topic, String entityType,
        String entityId, String actorId, String requestId, OffsetDateTime occurredAt, JsonNode data) {

    /**
     * Whose data key protects the personal data of this event: the customer for customer events and for events
     * that name a customer (so erasing a customer shreds its data in orders and payments too), else the entity.
     */
    public String personalDataSubject() {
        if ("customer.events".equals(topic) && entityId != null) {
            return "customer:" + entityId;
        }
        JsonNode customer = data == null ? null : data.get("customerId");
        if (customer != null && customer.isTextual() && !customer.asText().isBlank()) {
            return "customer:" + customer.asText();
        }
        if (entityType != null && entityId != null) {
            return entityType + ":" + entityId;
        }
        return "event:" + eventId;
    }
}
