package io.fieldsales.cash.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VarianceTiersTest {

    @ParameterizedTest(name = "variance {0} -> {1}")
    @CsvSource({"0, AUTO", "1.00, AUTO", "-1.00, AUTO", "1.01, SUPERVISOR", "-1.01, SUPERVISOR", "50.00, SUPERVISOR",
            "-50.00, SUPERVISOR", "50.01, FINANCE", "-50.01, FINANCE", "-1000, FINANCE"})
    void defaultThresholdsTierEveryVariance(String variance, VarianceTier tier) {
        assertThat(CashPolicy.DEFAULTS.tierOf(new BigDecimal(variance))).isEqualTo(tier);
    }

    @Test
    void defaultsAreTheIssues() {
        assertThat(CashPolicy.DEFAULTS.autoAcceptBelow()).isEqualByComparingTo("1.00");
        assertThat(CashPolicy.DEFAULTS.supervisorBelow()).isEqualByComparingTo("50.00");
        assertThat(CashPolicy.DEFAULTS.creditDays()).isEqualTo(30);
        assertThat(CashPolicy.DEFAULTS.depositConfirmDays()).isEqualTo(3);
    }

    @Test
    void equalThresholdsSkipTheSupervisorTier() {
        CashPolicy p = new CashPolicy(new BigDecimal("5"), new BigDecimal("5"), 0, 1);
        assertThat(p.tierOf(new BigDecimal("5"))).isEqualTo(VarianceTier.AUTO);
        assertThat(p.tierOf(new BigDecimal("5.01"))).isEqualTo(VarianceTier.FINANCE);
        assertThat(new CashPolicy(BigDecimal.ZERO, BigDecimal.ZERO, 365, 90).tierOf(new BigDecimal("0.01")))
                .isEqualTo(VarianceTier.FINANCE);
    }

    @ParameterizedTest
    @CsvSource({"-1, 50, 30, 3, autoAcceptBelow", "10, 9.99, 30, 3, supervisorBelow", "1, 50, -1, 3, creditDays",
            "1, 50, 366, 3, creditDays", "1, 50, 30, 0, depositConfirmDays", "1, 50, 30, 91, depositConfirmDays"})
    void invalidPoliciesAreRefused(String auto, String supervisor, int creditDays, int confirmDays, String field) {
        assertThatThrownBy(() -> new CashPolicy(new BigDecimal(auto), new BigDecimal(supervisor), creditDays,
                confirmDays)).isInstanceOf(InvalidCashInput.class)
                .extracting(e -> ((InvalidCashInput) e).field()).isEqualTo(field);
    }

    @Test
    void tiersListTheirSteps() {
        assertThat(VarianceTier.AUTO.steps()).isEmpty();
        assertThat(VarianceTier.AUTO.firstStep()).isNull();
        assertThat(VarianceTier.SUPERVISOR.firstStep()).isEqualTo(ApprovalStep.SUPERVISOR);
        assertThat(VarianceTier.SUPERVISOR.after(ApprovalStep.SUPERVISOR)).isNull();
        assertThat(VarianceTier.FINANCE.steps()).isEqualTo(List.of(ApprovalStep.SUPERVISOR, ApprovalStep.FINANCE));
        assertThat(VarianceTier.FINANCE.firstStep()).isEqualTo(ApprovalStep.SUPERVISOR);
        assertThat(VarianceTier.FINANCE.after(ApprovalStep.SUPERVISOR)).isEqualTo(ApprovalStep.FINANCE);
        assertThat(VarianceTier.FINANCE.after(ApprovalStep.FINANCE)).isNull();
        assertThatThrownBy(() -> VarianceTier.SUPERVISOR.after(ApprovalStep.FINANCE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ApprovalStep.SUPERVISOR.role()).isEqualTo("supervisor");
        assertThat(ApprovalStep.FINANCE.role()).isEqualTo("finance");
    }
}
