package io.fieldsales.cash.api;

import java.math.BigDecimal;
import java.util.UUID;

/** {@code POST /api/v1/cash-sessions/{id}/collections}; currency, when sent, must be the session's. */
public record CollectionRequest(BigDecimal amount, String currency, String method, UUID orderId, UUID customerId,
        String reference) {
}
