package io.fieldsales.customer.events;

/** {@code io.fieldsales.customer.restored.v1}: a deleted customer is ACTIVE again and owns its contacts. */
public record CustomerRestored(CustomerSnapshot customer) {
}
