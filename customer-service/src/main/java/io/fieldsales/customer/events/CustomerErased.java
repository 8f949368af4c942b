package io.fieldsales.customer.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code io.fieldsales.customer.erased.v1}: personal data irreversibly anonymized. Carries no personal data;
 * consumers erase what they copied of the customer (and of the merged customers listed).
 */
public record CustomerErased(UUID customerId, List<UUID> alsoErased, long version, Instant erasedAt) {
}
