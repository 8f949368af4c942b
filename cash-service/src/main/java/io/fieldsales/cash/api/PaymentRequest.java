package io.fieldsales.cash.api;

import java.math.BigDecimal;

/** {@code POST /api/v1/receivables/{id}/payments}. */
public record PaymentRequest(BigDecimal amount, String currency, String method, String reference) {
}
