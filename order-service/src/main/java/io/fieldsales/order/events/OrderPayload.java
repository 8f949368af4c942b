package io.fieldsales.order.events;

import io.fieldsales.order.domain.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of every {@code io.fieldsales.order.order.*.v1} event: what cash-service and audit need without calling
 * back (amountDue is set from delivery on; reason says why it was cancelled or changed).
 */
public record OrderPayload(UUID orderId, UUID customerId, String repId, String location, String status,
        String previousStatus, String paymentTerms, String currency, BigDecimal subtotal, BigDecimal tax,
        BigDecimal total, BigDecimal amountDue, UUID quotationId, String receivedBy, Instant deliveredAt,
        List<LinePayload> lines, String reason) {

    public static OrderPayload of(Order o, String previousStatus, String reason) {
        return new OrderPayload(o.id(), o.customerId(), o.repId(), o.location(), o.status().name(), previousStatus,
                o.paymentTerms(), o.currency(), o.subtotal(), o.tax(), o.total(), o.amountDue(), o.quotationId(),
                o.receivedBy(), o.deliveredAt(), o.lines().stream().map(LinePayload::of).toList(), reason);
    }
}
