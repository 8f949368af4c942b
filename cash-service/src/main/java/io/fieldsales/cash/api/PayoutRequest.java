package io.fieldsales.cash.api;

import java.math.BigDecimal;

/** {@code POST /api/v1/cash-sessions/{id}/payouts}. */
public record PayoutRequest(BigDecimal amount, String reason) {
}
