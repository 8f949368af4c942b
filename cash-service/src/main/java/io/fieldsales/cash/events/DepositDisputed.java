package io.fieldsales.cash.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data of {@code deposit.disputed}: the bank confirmed another amount (difference = confirmed - slip). */
public record DepositDisputed(UUID depositId, List<UUID> cashSessionIds, BigDecimal amount, BigDecimal confirmedAmount, BigDecimal difference, String currency, String bankReference) {
}
