package io.fieldsales.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ReturnsAndRefundsTest {

    private static ReturnRules.ReturnedLine line(String sku, long q) {
        return new ReturnRules.ReturnedLine(sku, q, "broken");
    }

    @Test
    void returnsNeverExceedDeliveries() {
        Map<String, Long> delivered = Map.of("A", 5L, "B", 2L);
        ReturnRules.checkQuantities(List.of(line("A", 3)), delivered, Map.of("A", 2L));
        ReturnRules.checkQuantities(List.of(line("A", 5), line("B", 2)), delivered, Map.of());
        assertThatThrownBy(() -> ReturnRules.checkQuantities(List.of(line("A", 4)), delivered, Map.of("A", 2L)))
                .extracting("code").isEqualTo("return_exceeds_delivery");
        assertThatThrownBy(() -> ReturnRules.checkQuantities(List.of(line("A", 3), line("A", 3)), delivered,
                Map.of())).extracting("code").isEqualTo("return_exceeds_delivery");
        assertThatThrownBy(() -> ReturnRules.checkQuantities(List.of(line("Z", 1)), delivered, Map.of()))
                .extracting("code").isEqualTo("return_exceeds_delivery");
        assertThatThrownBy(() -> ReturnRules.checkQuantities(List.of(line("A", 0)), delivered, Map.of()))
                .extracting("code").isEqualTo("invalid_quantity");
    }

    @Test
    void returnValueUsesFrozenNetPricesAndTaxPerLine() {
        PricedLine a = new PricedLine("A", "a", 10, new BigDecimal("100"), List.of(), BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("33.335"), new BigDecimal("0.15"), null, null, null);
        PricedLine b = new PricedLine("B", "b", 1, new BigDecimal("1"), List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("0.125"), BigDecimal.ZERO, null, null, null);
        ReturnRules.ReturnValue v = ReturnRules.value(List.of(line("A", 1), line("B", 1)), Map.of("A", a, "B", b),
                Currency.getInstance("ZAR"));
        // A: 33.335 -> 33.34 (half-even: 3 is odd), tax 5.001 -> 5.00; B: 0.125 -> 0.12, no tax
        assertThat(v.lineTotals()).containsExactly(new BigDecimal("38.34"), new BigDecimal("0.12"));
        assertThat(v.subtotal()).isEqualTo(new BigDecimal("33.46"));
        assertThat(v.tax()).isEqualTo(new BigDecimal("5.00"));
        assertThat(v.total()).isEqualTo(new BigDecimal("38.46"));
    }

    @Test
    void refundsNeverExceedTheCreditNote() {
        assertThat(RefundRules.refund(new BigDecimal("10"), new BigDecimal("4"), new BigDecimal("6")))
                .isEqualByComparingTo("10");
        assertThatThrownBy(() -> RefundRules.refund(new BigDecimal("10"), new BigDecimal("4"), new BigDecimal("6.01")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("refund_exceeds_credit");
                    assertThat(e.getMessage()).contains("6");
                });
        assertThatThrownBy(() -> RefundRules.refund(BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO))
                .extracting("code").isEqualTo("invalid_amount");
        assertThatThrownBy(() -> RefundRules.refund(BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal("-1")))
                .extracting("code").isEqualTo("invalid_amount");
    }

    @Property(tries = 100)
    void acceptedRefundsNeverSumAboveTheNote(@ForAll @Size(max = 20) List<@IntRange(min = -5, max = 500) Integer> cents) {
        BigDecimal note = new BigDecimal("12.34");
        BigDecimal refunded = BigDecimal.ZERO;
        for (int c : cents) {
            try {
                refunded = RefundRules.refund(note, refunded, BigDecimal.valueOf(c, 2));
            } catch (RuleViolation refused) {
                // stays
            }
            assertThat(refunded).isLessThanOrEqualTo(note);
        }
    }

    @Test
    void moneyChecksCurrenciesAndAmounts() {
        Currency zar = Money.currency("ZAR");
        assertThat(Money.minorDigits(zar)).isEqualTo(2);
        assertThat(Money.minorDigits(Money.currency("JPY"))).isZero();
        assertThat(Money.round(new BigDecimal("1.005"), zar)).isEqualTo(new BigDecimal("1.00"));
        assertThat(Money.round(new BigDecimal("1.015"), zar)).isEqualTo(new BigDecimal("1.02"));
        for (String bad : new String[] {null, "zar", "ZA", "ZZZ", "ZARR"}) {
            assertThatThrownBy(() -> Money.currency(bad)).extracting("code").isEqualTo("invalid_currency");
        }
        assertThat(Money.requireAmount("p", new BigDecimal("1.10"), zar)).isEqualByComparingTo("1.1");
        assertThat(Money.requireAmount("p", new BigDecimal("1.100"), zar)).isEqualByComparingTo("1.1");
        assertThat(Money.requireAmount("p", BigDecimal.ZERO, zar)).isEqualByComparingTo("0");
        assertThat(Money.requireAmount("p", Money.MAX_AMOUNT.setScale(2, java.math.RoundingMode.DOWN), zar))
                .isNotNull();
        for (String bad : new String[] {"-0.01", "1.001", "1000000000000000"}) {
            assertThatThrownBy(() -> Money.requireAmount("p", new BigDecimal(bad), zar))
                    .extracting("code").isEqualTo("invalid_amount");
        }
        assertThatThrownBy(() -> Money.requireAmount("p", null, zar)).extracting("code").isEqualTo("invalid_amount");
        assertThatThrownBy(() -> Money.requireAmount("p", new BigDecimal("1.5"), Money.currency("JPY")))
                .extracting("code").isEqualTo("invalid_amount");
        assertThat(Money.atLeastZero(new BigDecimal("-1"))).isEqualByComparingTo("0");
        assertThat(Money.atLeastZero(new BigDecimal("2"))).isEqualByComparingTo("2");
        assertThat(Money.atLeastZero(BigDecimal.ZERO)).isEqualByComparingTo("0");
    }
}
