package io.fieldsales.order.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** {@code io.fieldsales.order.return.requested.v1} and {@code return.received.v1}. */
public record ReturnPayload(UUID returnId, UUID orderId, UUID customerId, String repId, String status,
        String location, String condition, String currency, BigDecimal subtotal, BigDecimal tax, BigDecimal total,
        List<ReturnedLinePayload> lines) {

    /** One returned sku. */
    public record ReturnedLinePayload(String sku, long quantity, String reason) {
    }
}
