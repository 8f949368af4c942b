package io.fieldsales.cash.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A delivered order as the receivable needs it (read and checked from {@code order.delivered} by the consumer). */
public record OrderDelivery(UUID tenantId, UUID orderId, UUID customerId, String repId, String location,
        BigDecimal amountDue, String currency, String paymentTerms, LocalDate deliveredOn) {
}
