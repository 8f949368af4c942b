package io.fieldsales.order.events;

import java.math.BigDecimal;
import java.util.UUID;

/** {@code io.fieldsales.order.credit-note.issued.v1}: the returned value including tax, at the order's prices. */
public record CreditNoteIssued(UUID creditNoteId, UUID returnId, UUID orderId, UUID customerId, BigDecimal amount,
        String currency) {
}
