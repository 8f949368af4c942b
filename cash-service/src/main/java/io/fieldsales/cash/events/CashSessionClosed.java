package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code cash-session.closed}: a count was handed in (status CLOSED or PENDING_APPROVAL). */
public record CashSessionClosed(UUID cashSessionId, UUID countId, int countNumber, String ownerId, BigDecimal countedCash, BigDecimal expectedCash, BigDecimal variance, String currency, String varianceTier, String status) {
}
