package io.fieldsales.platform.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * A domain event to publish, written to the outbox in the same transaction as the change it describes.
 *
 * @param topic         the Kafka topic, e.g. {@code customer.events}
 * @param type          the CloudEvents type, e.g. {@code io.fieldsales.customer.created.v1}
 * @param aggregateType the kind of entity, e.g. {@code customer}
 * @param aggregateId   the entity's id: the Kafka key and the CloudEvents subject, so its events stay in order
 * @param tenantId      the tenant (null only for platform-level events)
 * @param actorId       who caused it (the JWT subject), or null for the system
 * @param payload       the event data, serialized as JSON
 */
public record OutboxEvent(String topic, String type, String aggregateType, String aggregateId, UUID tenantId,
        String actorId, Object payload) {

    public OutboxEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }
}
