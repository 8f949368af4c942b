package io.fieldsales.order.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code io.fieldsales.order.quotation.created.v1}. */
public record QuotationCreated(UUID quotationId, UUID customerId, String repId, String location, String currency,
        BigDecimal subtotal, BigDecimal tax, BigDecimal total, Instant validUntil, List<LinePayload> lines) {
}
