package io.fieldsales.customer.service;

import java.util.UUID;

/** An active customer whose name is very close to a new one's (pg_trgm similarity, 0..1). */
public record PossibleDuplicate(UUID customerId, double score) {
}
