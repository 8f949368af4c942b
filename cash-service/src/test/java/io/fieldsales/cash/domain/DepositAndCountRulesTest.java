package io.fieldsales.cash.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DepositAndCountRulesTest {

    static Denominations.Line line(String value, long count) {
        return new Denominations.Line(new BigDecimal(value), count);
    }

    @Test
    void denominationsMustAddUpToTheCountedCash() {
        List<Denominations.Line> lines = List.of(line("200", 2), line("50", 1), line("0.50", 3), line("10", 0));
        assertThat(Denominations.total(lines)).isEqualByComparingTo("451.50");
        Denominations.check(lines, new BigDecimal("451.50"), "ZAR");
        assertThatThrownBy(() -> Denominations.check(lines, new BigDecimal("451.00"), "ZAR"))
                .isInstanceOf(CashRuleViolation.class).extracting(e -> ((CashRuleViolation) e).code())
                .isEqualTo("denominations_mismatch");
        Denominations.check(List.of(), BigDecimal.ZERO, "ZAR");
    }

    @Test
    void denominationLinesAreChecked() {
        assertThatThrownBy(() -> Denominations.check(List.of(line("0", 1)), BigDecimal.ZERO, "ZAR"))
                .isInstanceOf(InvalidCashInput.class).extracting(e -> ((InvalidCashInput) e).field())
                .isEqualTo("denominations[0].value");
        assertThatThrownBy(() -> Denominations.check(List.of(line("10", 1), line("5", -1)), BigDecimal.ZERO, "ZAR"))
                .extracting(e -> ((InvalidCashInput) e).field()).isEqualTo("denominations[1].count");
        assertThatThrownBy(() -> Denominations.check(List.of(line("10", 1_000_001)), BigDecimal.ZERO, "ZAR"))
                .isInstanceOf(InvalidCashInput.class);
        Denominations.check(List.of(line("1", 1_000_000)), new BigDecimal("1000000"), "ZAR");
        assertThatThrownBy(() -> Denominations.check(List.of(line("10", 1), line("10.00", 1)), new BigDecimal("20"),
                "ZAR")).extracting(e -> ((InvalidCashInput) e).field()).isEqualTo("denominations[1].value");
        assertThatThrownBy(() -> Denominations.check(List.of(line("0.005", 1)), new BigDecimal("0.005"), "ZAR"))
                .isInstanceOf(InvalidCashInput.class);
    }

    @Test
    void aDepositMatchesTheCountedCashOrExplainsWhy() {
        assertThat(DepositRules.checkAmount(new BigDecimal("100.00"), new BigDecimal("100"), null)).isFalse();
        assertThatThrownBy(() -> DepositRules.checkAmount(new BigDecimal("99"), new BigDecimal("100"), " "))
                .isInstanceOf(CashRuleViolation.class).extracting(e -> ((CashRuleViolation) e).code())
                .isEqualTo("deposit_amount_mismatch");
        assertThatThrownBy(() -> DepositRules.checkAmount(new BigDecimal("99"), new BigDecimal("100"), null))
                .isInstanceOf(CashRuleViolation.class);
        assertThat(DepositRules.checkAmount(new BigDecimal("99"), new BigDecimal("100"), "torn note")).isTrue();
    }

    @Test
    void theBanksAnswerConfirmsOrDisputes() {
        var ok = DepositRules.confirm(DepositStatus.DEPOSITED, new BigDecimal("100"), new BigDecimal("100.00"));
        assertThat(ok.status()).isEqualTo(DepositStatus.CONFIRMED);
        assertThat(ok.difference()).isEqualByComparingTo("0");
        var off = DepositRules.confirm(DepositStatus.DEPOSITED, new BigDecimal("100"), new BigDecimal("90"));
        assertThat(off.status()).isEqualTo(DepositStatus.DISPUTED);
        assertThat(off.difference()).isEqualByComparingTo("-10");
        var later = DepositRules.confirm(DepositStatus.DISPUTED, new BigDecimal("100"), new BigDecimal("100"));
        assertThat(later.status()).isEqualTo(DepositStatus.CONFIRMED);
        assertThatThrownBy(() -> DepositRules.confirm(DepositStatus.CONFIRMED, BigDecimal.ONE, BigDecimal.ONE))
                .extracting(e -> ((CashRuleViolation) e).code()).isEqualTo("deposit_already_confirmed");
    }

    @Test
    void unconfirmedDepositsAgePastTheTenantsDays() {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        Instant threeDaysAgo = now.minus(Duration.ofDays(3));
        assertThat(DepositRules.ageing(DepositStatus.DEPOSITED, threeDaysAgo, now, 3)).isFalse();
        assertThat(DepositRules.ageing(DepositStatus.DEPOSITED, threeDaysAgo.minusSeconds(1), now, 3)).isTrue();
        assertThat(DepositRules.ageing(DepositStatus.DISPUTED, threeDaysAgo.minusSeconds(1), now, 3)).isTrue();
        assertThat(DepositRules.ageing(DepositStatus.CONFIRMED, threeDaysAgo.minusSeconds(1), now, 3)).isFalse();
    }

    @ParameterizedTest(name = "{0} days overdue -> {1}")
    @CsvSource({"0, 0-30", "30, 0-30", "31, 31-60", "60, 31-60", "61, 61-90", "90, 61-90", "91, 90+", "400, 90+"})
    void ageingBuckets(long days, String bucket) {
        assertThat(Ageing.bucket(days)).isEqualTo(bucket);
    }

    @Test
    void daysOverdueAndDueDates() {
        LocalDate d = LocalDate.of(2026, 11, 1);
        assertThat(Ageing.daysOverdue(d, d.plusDays(45))).isEqualTo(45);
        assertThat(Ageing.daysOverdue(d, d.minusDays(3))).isZero();
        assertThat(Ageing.daysOverdue(d, d)).isZero();
        assertThat(Ageing.dueDate("COD", d, 30)).isEqualTo(d);
        assertThat(Ageing.dueDate("CREDIT", d, 30)).isEqualTo(d.plusDays(30));
        assertThat(Ageing.dueDate(null, d, 30)).isEqualTo(d);
    }
}
