package io.fieldsales.cash.api;

import java.math.BigDecimal;

/** {@code POST /api/v1/deposits/{id}/confirm}. */
public record ConfirmRequest(String bankReference, BigDecimal confirmedAmount) {
}
