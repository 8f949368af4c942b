package io.fieldsales.cash.service;

import java.math.BigDecimal;
import java.util.UUID;

/** A CASH refund of an order to be paid out of its rep's drawer (from {@code refund.issued}). */
public record CashRefund(UUID tenantId, UUID refundId, UUID creditNoteId, UUID orderId, UUID customerId, String repId,
        BigDecimal amount, String currency) {
}
