package io.fieldsales.cash.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsales.cash.domain.Ageing;
import io.fieldsales.cash.domain.Receivable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A receivable with its ageing (days past due and bucket) as of today. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceivableResponse(UUID id, String kind, UUID orderId, UUID customerId, String repId, String location,
        UUID cashSessionId, String paymentTerms, BigDecimal amountDue, BigDecimal amountPaid, BigDecimal outstanding,
        String currency, LocalDate dueDate, String status, long daysOverdue, String ageBucket, Instant openedAt,
        Instant settledAt) {

    public static ReceivableResponse of(Receivable r, LocalDate today) {
        long overdue = "OPEN".equals(r.status) ? Ageing.daysOverdue(r.dueDate, today) : 0;
        return new ReceivableResponse(r.id, r.kind, r.orderId, r.customerId, r.repId, r.location, r.cashSessionId,
                r.paymentTerms, SessionResponse.m(r.amountDue, r.currency), SessionResponse.m(r.amountPaid, r.currency),
                SessionResponse.m(r.outstanding(), r.currency), r.currency, r.dueDate, r.status, overdue,
                "OPEN".equals(r.status) ? Ageing.bucket(overdue) : null, r.openedAt, r.settledAt);
    }
}
