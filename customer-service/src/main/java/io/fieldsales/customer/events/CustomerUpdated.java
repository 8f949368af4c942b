package io.fieldsales.customer.events;

import java.util.List;

/** {@code io.fieldsales.customer.updated.v1}: fields changed (names listed), with the customer as it is now. */
public record CustomerUpdated(CustomerSnapshot customer, List<String> changedFields) {
}
