package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order with its frozen priced lines. */
public record Order(UUID id, UUID customerId, String repId, String location, OrderStatus status,
        String paymentTerms, String note, String currency, BigDecimal subtotal, BigDecimal tax, BigDecimal total,
        BigDecimal amountDue, UUID quotationId, String receivedBy, Instant deliveredAt, long version,
        Instant createdAt, Instant updatedAt, List<PricedLine> lines) {
}
