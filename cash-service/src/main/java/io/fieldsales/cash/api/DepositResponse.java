package io.fieldsales.cash.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsales.cash.domain.Deposit;
import io.fieldsales.cash.service.DepositView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A bank deposit; {@code ageing} when it waits longer than the tenant's depositConfirmDays. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DepositResponse(UUID id, List<UUID> sessionIds, String status, BigDecimal amount,
        BigDecimal expectedAmount, String currency, String bankAccount, String slipNumber, Instant depositedAt,
        String discrepancyReason, boolean flagged, String bankReference, BigDecimal confirmedAmount,
        BigDecimal difference, boolean ageing, long ageDays, Instant confirmedAt) {

    public static DepositResponse of(DepositView v) {
        Deposit d = v.deposit();
        String c = d.currency;
        return new DepositResponse(d.id, v.sessionIds(), d.status.name(), SessionResponse.m(d.amount, c),
                SessionResponse.m(d.expectedAmount, c), c, d.bankAccount, d.slipNumber, d.depositedAt,
                d.discrepancyReason, d.flagged, d.bankReference, SessionResponse.m(d.confirmedAmount, c),
                SessionResponse.m(d.difference, c), v.ageing(), v.ageDays(), d.confirmedAt);
    }
}
