package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code receivable.opened}. */
public record ReceivableOpened(UUID receivableId, String kind, UUID orderId, UUID customerId, String repId, UUID cashSessionId, BigDecimal amountDue, String currency, LocalDate dueDate) {
}
