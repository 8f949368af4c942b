package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code variance.decided}; receivableId when the approval opened a REP_SHORTAGE receivable. */
public record VarianceDecided(UUID cashSessionId, UUID countId, String ownerId, String step, String decision, String reasonCode, String comment, String decidedBy, String status, BigDecimal variance, String currency, UUID receivableId) {
}
