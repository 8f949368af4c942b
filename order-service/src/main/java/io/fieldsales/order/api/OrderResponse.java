package io.fieldsales.order.api;

import io.fieldsales.order.domain.Order;
import io.fieldsales.order.domain.PricedLine;
import io.fieldsales.order.domain.Reservation;
import io.fieldsales.order.domain.StatusChange;
import io.fieldsales.order.service.OrderService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as the API shows it: lines with their frozen price explanations; in GET by id also reservations, the
 * status history and the approvals (null in lists).
 */
public record OrderResponse(UUID id, UUID customerId, String repId, String location, String status,
        String paymentTerms, String note, String currency, BigDecimal subtotal, BigDecimal tax, BigDecimal total,
        BigDecimal amountDue, UUID quotationId, String receivedBy, Instant deliveredAt, long version,
        Instant createdAt, Instant updatedAt, List<PricedLine> lines, List<Reservation> reservations,
        List<StatusChange> statusHistory, List<ApprovalResponse> approvals) {

    static OrderResponse of(Order o) {
        return new OrderResponse(o.id(), o.customerId(), o.repId(), o.location(), o.status().name(), o.paymentTerms(),
                o.note(), o.currency(), o.subtotal(), o.tax(), o.total(), o.amountDue(), o.quotationId(),
                o.receivedBy(), o.deliveredAt(), o.version(), o.createdAt(), o.updatedAt(),
                o.lines().isEmpty() ? null : o.lines(), null, null, null);
    }

    static OrderResponse of(OrderService.OrderDetail d) {
        Order o = d.order();
        return new OrderResponse(o.id(), o.customerId(), o.repId(), o.location(), o.status().name(), o.paymentTerms(),
                o.note(), o.currency(), o.subtotal(), o.tax(), o.total(), o.amountDue(), o.quotationId(),
                o.receivedBy(), o.deliveredAt(), o.version(), o.createdAt(), o.updatedAt(), o.lines(),
                d.reservations(), d.history(), d.approvals().stream().map(ApprovalResponse::of).toList());
    }
}
