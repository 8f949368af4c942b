package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code deposit.created}. */
public record DepositCreated(UUID depositId, List<UUID> cashSessionIds, BigDecimal amount, BigDecimal expectedAmount, String currency, String bankAccount, String slipNumber, Instant depositedAt, String discrepancyReason, boolean flagged) {
}
