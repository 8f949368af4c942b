package io.fieldsales.cash.domain;

import static io.fieldsales.cash.domain.ApprovalStep.FINANCE;
import static io.fieldsales.cash.domain.ApprovalStep.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VarianceReviewTest {

    static final BigDecimal SHORT = new BigDecimal("-80");
    static final BigDecimal OVER = new BigDecimal("80");

    static VarianceReview.Outcome decide(VarianceTier tier, ApprovalStep step, String decider, Set<String> roles,
            List<String> earlier, Decision decision, BigDecimal variance) {
        return VarianceReview.decide(SessionStatus.PENDING_APPROVAL, tier, step, "rep", decider, roles, earlier,
                decision, variance);
    }

    @Test
    void supervisorTierClosesOnOneApproval() {
        var o = decide(VarianceTier.SUPERVISOR, SUPERVISOR, "sup", Set.of("supervisor"), List.of(), Decision.APPROVE,
                new BigDecimal("-20"));
        assertThat(o).isEqualTo(new VarianceReview.Outcome(SessionStatus.CLOSED, null, false));
    }

    @Test
    void financeTierNeedsSupervisorThenFinanceAndAShortageOpensAReceivable() {
        var first = decide(VarianceTier.FINANCE, SUPERVISOR, "sup", Set.of("supervisor"), List.of(), Decision.APPROVE,
                SHORT);
        assertThat(first).isEqualTo(new VarianceReview.Outcome(SessionStatus.PENDING_APPROVAL, FINANCE, false));
        var second = decide(VarianceTier.FINANCE, FINANCE, "fin", Set.of("finance"), List.of("sup"), Decision.APPROVE,
                SHORT);
        assertThat(second).isEqualTo(new VarianceReview.Outcome(SessionStatus.CLOSED, null, true));
    }

    @Test
    void anApprovedOverageOpensNoReceivable() {
        assertThat(decide(VarianceTier.FINANCE, FINANCE, "fin", Set.of("finance"), List.of("sup"), Decision.APPROVE,
                OVER).opensShortageReceivable()).isFalse();
        assertThat(decide(VarianceTier.FINANCE, FINANCE, "fin", Set.of("finance"), List.of("sup"), Decision.APPROVE,
                BigDecimal.ZERO).opensShortageReceivable()).isFalse();
    }

    @Test
    void rejectSendsTheOwnerBackToCountingAtAnyStep() {
        assertThat(decide(VarianceTier.SUPERVISOR, SUPERVISOR, "sup", Set.of("supervisor"), List.of(),
                Decision.REJECT, SHORT)).isEqualTo(new VarianceReview.Outcome(SessionStatus.COUNTING, null, false));
        assertThat(decide(VarianceTier.FINANCE, FINANCE, "fin", Set.of("finance"), List.of("sup"), Decision.REJECT,
                SHORT)).isEqualTo(new VarianceReview.Outcome(SessionStatus.COUNTING, null, false));
    }

    @Test
    void theOwnerNeverDecides() {
        assertThatThrownBy(() -> decide(VarianceTier.SUPERVISOR, SUPERVISOR, "rep", Set.of("supervisor"), List.of(),
                Decision.APPROVE, SHORT)).isInstanceOf(CashRuleViolation.class)
                .extracting(e -> ((CashRuleViolation) e).code()).isEqualTo("self_approval");
    }

    @Test
    void eachStepNeedsItsRole() {
        assertThatThrownBy(() -> decide(VarianceTier.SUPERVISOR, SUPERVISOR, "fin", Set.of("finance"), List.of(),
                Decision.APPROVE, SHORT)).extracting(e -> ((CashRuleViolation) e).code())
                .isEqualTo("approver_role_required");
        assertThatThrownBy(() -> decide(VarianceTier.FINANCE, FINANCE, "boss", Set.of("admin"), List.of("sup"),
                Decision.APPROVE, SHORT)).extracting(e -> ((CashRuleViolation) e).code())
                .isEqualTo("approver_role_required");
    }

    @Test
    void aSecondSupervisorOnTheFinanceStepFindsItAlreadyDecided() {
        assertThatThrownBy(() -> decide(VarianceTier.FINANCE, FINANCE, "sup2", Set.of("supervisor"), List.of("sup"),
                Decision.APPROVE, SHORT)).extracting(e -> ((CashRuleViolation) e).code())
                .isEqualTo("step_already_decided");
    }

    @Test
    void financeMustBeSomeoneElseThanTheSupervisor() {
        assertThatThrownBy(() -> decide(VarianceTier.FINANCE, FINANCE, "both", Set.of("supervisor", "finance"),
                List.of("both"), Decision.APPROVE, SHORT)).extracting(e -> ((CashRuleViolation) e).code())
                .isEqualTo("same_approver");
    }

    @Test
    void nothingPendingNothingToDecide() {
        for (SessionStatus s : SessionStatus.values()) {
            if (s == SessionStatus.PENDING_APPROVAL) {
                continue;
            }
            assertThatThrownBy(() -> VarianceReview.decide(s, VarianceTier.SUPERVISOR, SUPERVISOR, "rep", "sup",
                    Set.of("supervisor"), List.of(), Decision.APPROVE, SHORT))
                    .extracting(e -> ((CashRuleViolation) e).code()).isEqualTo("no_decision_pending");
        }
        assertThatThrownBy(() -> VarianceReview.decide(SessionStatus.PENDING_APPROVAL, VarianceTier.SUPERVISOR, null,
                "rep", "sup", Set.of("supervisor"), List.of(), Decision.APPROVE, SHORT))
                .extracting(e -> ((CashRuleViolation) e).code()).isEqualTo("no_decision_pending");
    }

    @Test
    void decisionsAndReasonsParse() {
        assertThat(Decision.parse("decision", "APPROVE")).isEqualTo(Decision.APPROVE);
        assertThat(Decision.parse("decision", "REJECT")).isEqualTo(Decision.REJECT);
        assertThatThrownBy(() -> Decision.parse("decision", "approve")).isInstanceOf(InvalidCashInput.class);
        assertThatThrownBy(() -> Decision.parse("decision", null)).isInstanceOf(InvalidCashInput.class);
        assertThat(ReasonCode.parse("reasonCode", null)).isNull();
        assertThat(ReasonCode.parse("reasonCode", "THEFT_SUSPECTED")).isEqualTo(ReasonCode.THEFT_SUSPECTED);
        assertThatThrownBy(() -> ReasonCode.parse("reasonCode", "LOST")).isInstanceOf(InvalidCashInput.class)
                .extracting(e -> ((InvalidCashInput) e).field()).isEqualTo("reasonCode");
        assertThat(PaymentMethod.parse("method", "MOBILE_MONEY")).isEqualTo(PaymentMethod.MOBILE_MONEY);
        assertThatThrownBy(() -> PaymentMethod.parse("method", "BITCOIN")).isInstanceOf(InvalidCashInput.class);
        assertThatThrownBy(() -> PaymentMethod.parse("method", null)).isInstanceOf(InvalidCashInput.class)
                .hasMessageContaining("required");
    }
}
