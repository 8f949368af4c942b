package io.fieldsales.cash.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A bank deposit as handed in by the depositor. */
public record CreateDeposit(List<UUID> sessionIds, String bankAccount, String slipNumber, BigDecimal amount,
        Instant depositedAt, String discrepancyReason) {
}
