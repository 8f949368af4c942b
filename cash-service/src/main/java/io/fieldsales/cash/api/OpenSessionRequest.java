package io.fieldsales.cash.api;

import java.math.BigDecimal;

/** {@code POST /api/v1/cash-sessions}; location is optional (reports group by it). */
public record OpenSessionRequest(BigDecimal openingFloat, String currency, String deviceId, String location) {
}
