package io.fieldsales.customer.events;

/** {@code io.fieldsales.customer.created.v1}: a new ACTIVE customer. */
public record CustomerCreated(CustomerSnapshot customer) {
}
