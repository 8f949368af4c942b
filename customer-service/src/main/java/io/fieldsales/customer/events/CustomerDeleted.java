package io.fieldsales.customer.events;

import java.time.Instant;
import java.util.UUID;

/** {@code io.fieldsales.customer.deleted.v1}: soft-deleted; its contacts are free again. */
public record CustomerDeleted(UUID customerId, long version, Instant deletedAt) {
}
