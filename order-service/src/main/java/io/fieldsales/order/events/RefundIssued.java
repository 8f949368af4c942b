package io.fieldsales.order.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code io.fieldsales.order.refund.issued.v1}: a CASH refund is paid from the rep's ({@code repId}) cash session
 * by cash-service.
 */
public record RefundIssued(UUID refundId, UUID creditNoteId, UUID orderId, UUID customerId, String repId,
        String method, BigDecimal amount, String currency, BigDecimal refundedTotal, BigDecimal creditAmount) {
}
