package io.fieldsales.order.events;

import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.outbox.OutboxEvent;
import java.util.UUID;

/** Builds outbox events on {@link OrderEventTypes#TOPIC}. */
public final class Events {

    private Events() {
    }

    public static OutboxEvent of(String type, String aggregateType, Object aggregateId, UUID tenant, String actor,
            Object payload) {
        return new OutboxEvent(OrderEventTypes.TOPIC, type, aggregateType, aggregateId.toString(), tenant, actor,
                payload);
    }

    public static OutboxEvent of(String type, String aggregateType, Object aggregateId, Actor actor, Object payload) {
        return of(type, aggregateType, aggregateId, actor.tenantId(), actor.userId(), payload);
    }
}
