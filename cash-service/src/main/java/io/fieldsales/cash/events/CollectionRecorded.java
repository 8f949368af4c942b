package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code collection.recorded}. */
public record CollectionRecorded(UUID collectionId, UUID cashSessionId, String ownerId, BigDecimal amount, String currency, String method, UUID orderId, UUID customerId, String reference, Instant recordedAt) {
}
