package io.fieldsales.cash.service;

import java.math.BigDecimal;
import java.util.UUID;

/** A collection as asked for (validated by the service against the session). */
public record RecordCollection(BigDecimal amount, String currency, String method, UUID orderId, UUID customerId,
        String reference) {
}
