package io.fieldsales.cash.api;

/** {@code POST /api/v1/cash-sessions/{id}/decision}. */
public record DecisionRequest(String decision, String comment, String reasonCode) {
}
