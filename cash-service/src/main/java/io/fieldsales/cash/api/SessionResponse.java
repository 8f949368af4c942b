package io.fieldsales.cash.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsales.cash.domain.CashCount;
import io.fieldsales.cash.domain.CashSession;
import io.fieldsales.cash.domain.Money;
import io.fieldsales.cash.domain.VarianceDecision;
import io.fieldsales.cash.service.SessionView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A cash session. Under the blind count (its owner, before the count is decided) {@code expectedCash},
 * {@code variance}, {@code totals} and the counts' expected cash and variance are absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionResponse(UUID id, String ownerId, String status, String currency, BigDecimal openingFloat,
        String deviceId, String location, Totals totals, BigDecimal countedCash, BigDecimal expectedCash,
        BigDecimal variance, String varianceTier, String awaiting, UUID depositId, UUID shortageReceivableId,
        Instant openedAt, Instant closedAt, Instant decidedAt, List<CountDto> counts, List<DecisionDto> decisions) {

    /** Running totals per method, payouts and the number of collections. */
    public record Totals(BigDecimal cash, BigDecimal cheque, BigDecimal mobileMoney, BigDecimal card,
            BigDecimal payouts, int collections) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CountDto(UUID id, int number, BigDecimal countedCash, BigDecimal expectedCash, BigDecimal variance,
            String varianceTier, String outcome, com.fasterxml.jackson.databind.JsonNode denominations, String countedBy, Instant countedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionDto(UUID id, UUID countId, String step, String decision, String reasonCode, String comment,
            String decidedBy, Instant decidedAt) {
    }

    public static SessionResponse of(SessionView v, boolean withHistory) {
        CashSession s = v.session();
        String cur = s.currency;
        boolean blind = v.blind();
        Totals totals = blind ? null : new Totals(m(s.cashTotal, cur), m(s.chequeTotal, cur),
                m(s.mobileMoneyTotal, cur), m(s.cardTotal, cur), m(s.payoutsTotal, cur), s.collectionsCount);
        List<CountDto> counts = withHistory ? v.counts().stream().map(c -> count(c, cur, blind)).toList() : null;
        List<DecisionDto> decisions = withHistory ? v.decisions().stream().map(SessionResponse::decision).toList()
                : null;
        return new SessionResponse(s.id, s.ownerId, s.status.name(), cur, m(s.openingFloat, cur), s.deviceId,
                s.location, totals, m(s.countedCash, cur), blind ? null : m(expected(s), cur),
                blind ? null : m(s.variance, cur), blind || s.varianceTier == null ? null : s.varianceTier.name(),
                blind || s.approvalStep == null ? null : s.approvalStep.role(), s.depositId, s.shortageReceivableId,
                s.openedAt, s.closedAt, s.decidedAt, counts, decisions);
    }

    /** While OPEN the expected cash is the running one; from the count on, the counted session's. */
    private static BigDecimal expected(CashSession s) {
        return s.status == io.fieldsales.cash.domain.SessionStatus.OPEN ? s.ledger().expectedCash() : s.expectedCash;
    }

    private static CountDto count(CashCount c, String cur, boolean blind) {
        return new CountDto(c.id, c.seq, m(c.countedCash, cur), blind ? null : m(c.expectedCash, cur),
                blind ? null : m(c.variance, cur), blind ? null : c.varianceTier.name(), c.outcome, json(c.denominations),
                c.countedBy, c.countedAt);
    }

    private static DecisionDto decision(VarianceDecision d) {
        return new DecisionDto(d.id, d.countId, d.step.name(), d.decision.name(),
                d.reasonCode == null ? null : d.reasonCode.name(), d.comment, d.decidedBy, d.decidedAt);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    static BigDecimal m(BigDecimal amount, String currency) {
        return Money.display(amount, currency);
    }
}
