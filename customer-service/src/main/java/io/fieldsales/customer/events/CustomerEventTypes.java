package io.fieldsales.customer.events;

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
}
