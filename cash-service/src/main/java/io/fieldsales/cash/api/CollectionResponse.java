package io.fieldsales.cash.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsales.cash.domain.CashCollection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A recorded collection; {@code allocatedAmount} below {@code amount} waits for its order's receivable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectionResponse(UUID id, UUID cashSessionId, BigDecimal amount, String currency, String method,
        UUID orderId, UUID customerId, String reference, BigDecimal allocatedAmount, Instant recordedAt) {

    public static CollectionResponse of(CashCollection c) {
        return new CollectionResponse(c.id, c.sessionId, SessionResponse.m(c.amount, c.currency), c.currency,
                c.method.name(), c.orderId, c.customerId, c.reference, SessionResponse.m(c.allocatedAmount,
                        c.currency), c.createdAt);
    }
}
