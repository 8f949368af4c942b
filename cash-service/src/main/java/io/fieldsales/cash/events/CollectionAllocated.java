package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code collection.allocated}: part or all of a collection paid a receivable. */
public record CollectionAllocated(UUID collectionId, UUID cashSessionId, UUID receivableId, UUID orderId, UUID customerId, BigDecimal amount, String currency, BigDecimal outstanding) {
}
