package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code payout.recorded}; refundId/orderId/customerId when it pays out a CASH refund. */
public record PayoutRecorded(UUID payoutId, UUID cashSessionId, String ownerId, BigDecimal amount, String currency, String reason, UUID refundId, UUID orderId, UUID customerId, Instant recordedAt) {
}
