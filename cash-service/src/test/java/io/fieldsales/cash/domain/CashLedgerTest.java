package io.fieldsales.cash.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CashLedgerTest {

    /**
     * A session written as operations: "C:100" cash collection, "Q:50" cheque, "M:20" mobile money, "K:10" card,
     * "P:30" payout, "R:15" a cash refund paid out.
     */
    @ParameterizedTest(name = "float {0}, {1}, counted {2} -> expected {3}, variance {4}")
    @CsvSource(delimiter = '|', value = {
            "100.00 | C:250.00 Q:300 M:45.50 K:12 | 350.00 | 350.00 | 0.00",
            "0      | C:10.10 C:20.20 P:5.05          | 25.00  | 25.25  | -0.25",
            "50     | Q:1000 M:1000 K:1000            | 50     | 50     | 0",
            "200    | C:100 P:50 R:30 C:0.99          | 221.99 | 220.99 | 1.00",
            "500    | P:100 P:100 C:300                | 650.00 | 600.00 | 50.00",
            "20     | C:1999.99 P:1000 K:5.01          | 900    | 1019.99| -119.99",
            "10     |                                  | 9.99   | 10     | -0.01"})
    void tableDrivenSessionsGiveExactExpectedCashAndVariance(String openingFloat, String operations, String counted,
            String expected, String variance) {
        CashLedger ledger = CashLedger.open(new BigDecimal(openingFloat));
        if (operations != null) {
            for (String op : operations.trim().split("\\s+")) {
                BigDecimal amount = new BigDecimal(op.substring(2));
                ledger = switch (op.charAt(0)) {
                    case 'C' -> ledger.collect(PaymentMethod.CASH, amount);
                    case 'Q' -> ledger.collect(PaymentMethod.CHEQUE, amount);
                    case 'M' -> ledger.collect(PaymentMethod.MOBILE_MONEY, amount);
                    case 'K' -> ledger.collect(PaymentMethod.CARD, amount);
                    default -> ledger.payout(amount);
                };
            }
        }
        assertThat(ledger.expectedCash()).isEqualByComparingTo(expected);
        assertThat(ledger.variance(new BigDecimal(counted))).isEqualByComparingTo(variance);
    }

    @Test
    void onlyCashGoesInTheDrawer() {
        assertThat(PaymentMethod.CASH.goesInDrawer()).isTrue();
        assertThat(PaymentMethod.CHEQUE.goesInDrawer()).isFalse();
        assertThat(PaymentMethod.MOBILE_MONEY.goesInDrawer()).isFalse();
        assertThat(PaymentMethod.CARD.goesInDrawer()).isFalse();
    }

    @Test
    void totalsPerMethodAndPayoutsAreKept() {
        CashLedger l = CashLedger.open(new BigDecimal("5")).collect(PaymentMethod.CARD, new BigDecimal("7"))
                .collect(PaymentMethod.CARD, new BigDecimal("3")).payout(new BigDecimal("2"));
        assertThat(l.collected(PaymentMethod.CARD)).isEqualByComparingTo("10");
        assertThat(l.collected(PaymentMethod.CASH)).isEqualByComparingTo("0");
        assertThat(l.payouts()).isEqualByComparingTo("2");
        assertThat(l.openingFloat()).isEqualByComparingTo("5");
        assertThat(l.expectedCash()).isEqualByComparingTo("3");
    }

    @Test
    void aLedgerIsRebuiltFromStoredTotals() {
        Map<PaymentMethod, BigDecimal> totals = new EnumMap<>(PaymentMethod.class);
        totals.put(PaymentMethod.CASH, new BigDecimal("40"));
        totals.put(PaymentMethod.CHEQUE, new BigDecimal("60"));
        CashLedger l = CashLedger.of(new BigDecimal("10"), totals, new BigDecimal("15"));
        assertThat(l.expectedCash()).isEqualByComparingTo("35");
        assertThat(l.collected(PaymentMethod.CHEQUE)).isEqualByComparingTo("60");
        assertThat(CashLedger.of(new BigDecimal("10"), totals, BigDecimal.ZERO).payouts()).isEqualByComparingTo("0");
    }

    @Test
    void overdrawingIsDetectedAtTheExactBoundary() {
        CashLedger l = CashLedger.open(new BigDecimal("10")).collect(PaymentMethod.CASH, new BigDecimal("5"));
        assertThat(l.wouldOverdraw(new BigDecimal("15"))).isFalse();
        assertThat(l.wouldOverdraw(new BigDecimal("15.01"))).isTrue();
        assertThat(l.collect(PaymentMethod.CARD, new BigDecimal("100")).wouldOverdraw(new BigDecimal("16"))).isTrue();
    }

    @Test
    void impossibleOperationsAreRefused() {
        assertThatThrownBy(() -> CashLedger.open(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        CashLedger l = CashLedger.open(BigDecimal.ZERO);
        assertThat(l.collect(PaymentMethod.CASH, BigDecimal.ZERO).expectedCash()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> l.collect(PaymentMethod.CASH, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> l.payout(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> l.payout(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSessionEntityKeepsRunningTotalsPerMethod() {
        CashSession s = new CashSession();
        s.openingFloat = new BigDecimal("100");
        s.addCollection(PaymentMethod.CASH, new BigDecimal("10"));
        s.addCollection(PaymentMethod.CHEQUE, new BigDecimal("20"));
        s.addCollection(PaymentMethod.MOBILE_MONEY, new BigDecimal("30"));
        s.addCollection(PaymentMethod.CARD, new BigDecimal("40"));
        s.payoutsTotal = new BigDecimal("5");
        assertThat(s.collectionsCount).isEqualTo(4);
        assertThat(s.cashTotal).isEqualByComparingTo("10");
        assertThat(s.chequeTotal).isEqualByComparingTo("20");
        assertThat(s.mobileMoneyTotal).isEqualByComparingTo("30");
        assertThat(s.cardTotal).isEqualByComparingTo("40");
        CashLedger l = s.ledger();
        assertThat(l.expectedCash()).isEqualByComparingTo("105");
        assertThat(l.collected(PaymentMethod.CARD)).isEqualByComparingTo("40");
        assertThat(l.collected(PaymentMethod.MOBILE_MONEY)).isEqualByComparingTo("30");
        assertThat(l.collected(PaymentMethod.CHEQUE)).isEqualByComparingTo("20");
    }

    record Op(PaymentMethod method, BigDecimal amount, boolean payout) {
    }

    @Property(tries = 100)
    void expectedIsOpeningPlusCashMinusPayoutsWhateverTheOrder(@ForAll("openingFloats") BigDecimal openingFloat,
            @ForAll("operations") List<Op> ops, @ForAll long seed) {
        List<Op> shuffled = new ArrayList<>(ops);
        Collections.shuffle(shuffled, new Random(seed));
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal payouts = BigDecimal.ZERO;
        CashLedger inOrder = CashLedger.open(openingFloat);
        CashLedger reordered = CashLedger.open(openingFloat);
        for (Op op : ops) {
            inOrder = apply(inOrder, op);
            if (op.payout()) {
                payouts = payouts.add(op.amount());
            } else if (op.method() == PaymentMethod.CASH) {
                cash = cash.add(op.amount());
            }
        }
        for (Op op : shuffled) {
            reordered = apply(reordered, op);
        }
        BigDecimal expected = openingFloat.add(cash).subtract(payouts);
        assertThat(inOrder.expectedCash()).isEqualByComparingTo(expected);
        assertThat(reordered.expectedCash()).isEqualByComparingTo(expected);
        assertThat(inOrder.variance(expected)).isEqualByComparingTo("0");
    }

    private static CashLedger apply(CashLedger l, Op op) {
        return op.payout() ? l.payout(op.amount()) : l.collect(op.method(), op.amount());
    }

    @Provide
    Arbitrary<BigDecimal> openingFloats() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10000")).ofScale(2);
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(PaymentMethod.class),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("5000")).ofScale(2),
                Arbitraries.integers().between(0, 3).map(i -> i == 0)).as(Op::new);
        return op.list().ofMaxSize(40);
    }
}
