package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code cash-session.opened}. */
public record CashSessionOpened(UUID cashSessionId, String ownerId, BigDecimal openingFloat, String currency, String deviceId, String location, Instant openedAt) {
}
