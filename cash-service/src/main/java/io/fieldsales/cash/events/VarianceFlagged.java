package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code variance.flagged}: a variance that needs deciders. */
public record VarianceFlagged(UUID cashSessionId, UUID countId, String ownerId, BigDecimal variance, BigDecimal expectedCash, BigDecimal countedCash, String currency, String varianceTier, String awaiting) {
}
