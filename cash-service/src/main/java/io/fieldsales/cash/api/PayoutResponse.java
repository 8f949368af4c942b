package io.fieldsales.cash.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsales.cash.domain.Payout;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A recorded payout. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PayoutResponse(UUID id, UUID cashSessionId, BigDecimal amount, String currency, String reason,
        UUID refundId, Instant recordedAt) {

    public static PayoutResponse of(Payout p) {
        return new PayoutResponse(p.id, p.sessionId, SessionResponse.m(p.amount, p.currency), p.currency, p.reason,
                p.refundId, p.createdAt);
    }
}
