package io.fieldsales.cash.service;

import java.math.BigDecimal;

/** What opening a session needs (validated by the service). */
public record OpenSession(BigDecimal openingFloat, String currency, String deviceId, String location) {
}
