package io.fieldsales.customer.api;

import java.util.UUID;

/** Body of not-duplicates: the customer a person judged to be someone else. */
public record NotDuplicateRequest(UUID customerId) {
}
