package io.fieldsales.customer.events;

import io.fieldsales.customer.domain.Customer;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.outbox.OutboxEvent;

/** The CloudEvents types this service publishes on {@link #TOPIC}; all are in docs/events/asyncapi.yaml. */
public final class CustomerEventTypes {

    public static final String TOPIC = "customer.events";
    public static final String AGGREGATE = "customer";
    public static final String CREATED = "io.fieldsales.customer.created.v1";
    public static final String UPDATED = "io.fieldsales.customer.updated.v1";
    public static final String DELETED = "io.fieldsales.customer.deleted.v1";
    public static final String RESTORED = "io.fieldsales.customer.restored.v1";
    public static final String MERGED = "io.fieldsales.customer.merged.v1";
    public static final String ERASED = "io.fieldsales.customer.erased.v1";

    private CustomerEventTypes() {
    }

    /** The outbox event of a change to customer {@code c} by {@code actor}. */
    public static OutboxEvent event(String type, Actor actor, Customer c, Object payload) {
        return new OutboxEvent(TOPIC, type, AGGREGATE, c.id.toString(), c.tenantId, actor.userId(), payload);
    }
}
