package io.fieldsales.order.api;

import io.fieldsales.order.service.RequestedLine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request bodies of the order endpoints. */
public final class OrderRequests {

    private OrderRequests() {
    }

    /** {@code POST /orders}. */
    public record CreateOrder(UUID customerId, String location, List<RequestedLine> lines, String paymentTerms,
            String note) {
    }

    /** {@code PATCH /orders/{id}}: the new lines (re-priced with today's catalog and rules). */
    public record EditOrder(List<RequestedLine> lines) {
    }

    /** {@code POST /orders/{id}/deliver}: proof of delivery. */
    public record Delivery(String receivedBy, Instant deliveredAt) {
    }

    /** {@code POST /orders/{id}/cancel}. */
    public record Cancellation(String reason) {
    }

    /** {@code POST /pricing/quote}. */
    public record QuoteRequest(UUID customerId, List<RequestedLine> lines) {
    }
}
