package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code receivable.settled}: order-service completes the order on it. */
public record ReceivableSettled(UUID receivableId, UUID orderId, UUID customerId, BigDecimal amount, String currency) {
}
