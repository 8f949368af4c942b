package io.fieldsales.cash.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code POST /api/v1/deposits}. */
public record DepositRequest(List<UUID> sessionIds, String bankAccount, String slipNumber, BigDecimal amount,
        Instant depositedAt, String discrepancyReason) {
}
