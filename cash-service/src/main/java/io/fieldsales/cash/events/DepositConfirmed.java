package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code deposit.confirmed}. */
public record DepositConfirmed(UUID depositId, List<UUID> cashSessionIds, BigDecimal confirmedAmount, String currency, String bankReference) {
}
