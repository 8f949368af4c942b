package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code receivable-payment.recorded}: a non-cash payment finance recorded. */
public record PaymentRecorded(UUID paymentId, UUID receivableId, UUID orderId, UUID customerId, BigDecimal amount, String currency, String method, String reference) {
}
