package io.fieldsales.cash.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AllocationTest {

    static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void waitingCollectionsAreAllocatedInOrderUpToWhatIsDue() {
        assertThat(Allocation.allocate(new BigDecimal("10"), amounts("4", "4", "4", "4")))
                .usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(amounts("4", "4", "2", "0"));
        assertThat(Allocation.allocate(new BigDecimal("100"), amounts("30", "20")))
                .usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(amounts("30", "20"));
        assertThat(Allocation.allocate(BigDecimal.ZERO, amounts("5"))).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(amounts("0"));
        assertThat(Allocation.allocate(new BigDecimal("5"), List.of())).isEmpty();
    }

    @Test
    void nonsenseInputsAreRefused() {
        assertThatThrownBy(() -> Allocation.allocate(new BigDecimal("-1"), amounts("1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.allocate(new BigDecimal("1"), amounts("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCollectionMayNotExceedWhatIsDue() {
        Allocation.requireWithinDue(new BigDecimal("10"), new BigDecimal("10"));
        assertThatThrownBy(() -> Allocation.requireWithinDue(new BigDecimal("10.01"), new BigDecimal("10")))
                .isInstanceOf(CashRuleViolation.class).extracting(e -> ((CashRuleViolation) e).code())
                .isEqualTo("overpayment");
    }

    @Test
    void aReceivableSettlesExactlyAtZero() {
        Receivable r = new Receivable();
        r.amountDue = new BigDecimal("10");
        r.status = "OPEN";
        assertThat(r.apply(new BigDecimal("4"), Instant.EPOCH)).isFalse();
        assertThat(r.outstanding()).isEqualByComparingTo("6");
        assertThat(r.status).isEqualTo("OPEN");
        assertThat(r.settledAt).isNull();
        assertThatThrownBy(() -> r.apply(new BigDecimal("6.01"), Instant.EPOCH)).isInstanceOf(CashRuleViolation.class);
        assertThat(r.apply(new BigDecimal("6"), Instant.EPOCH)).isTrue();
        assertThat(r.status).isEqualTo("SETTLED");
        assertThat(r.settledAt).isEqualTo(Instant.EPOCH);
        assertThat(r.amountPaid).isEqualByComparingTo("10");
    }

    @Property(tries = 100)
    void allocationsNeverExceedTheReceivable(@ForAll("money") BigDecimal due, @ForAll("moneyLists") List<BigDecimal> waiting) {
        List<BigDecimal> parts = Allocation.allocate(due, waiting);
        BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal offered = waiting.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(parts).hasSameSizeAs(waiting);
        assertThat(sum).isLessThanOrEqualTo(due);
        assertThat(sum).isEqualByComparingTo(due.min(offered));
        for (int i = 0; i < parts.size(); i++) {
            assertThat(parts.get(i)).isBetween(BigDecimal.ZERO, waiting.get(i));
        }
    }

    @Property(tries = 100)
    void collectionsAndPaymentsInAnyOrderNeverOverpayAReceivable(@ForAll("money") BigDecimal due,
            @ForAll("moneyLists") List<BigDecimal> attempts) {
        Receivable r = new Receivable();
        r.amountDue = due;
        r.status = "OPEN";
        for (BigDecimal a : attempts) {
            try {
                r.apply(a, Instant.EPOCH);
            } catch (CashRuleViolation refused) {
                assertThat(a).isGreaterThan(r.outstanding());
            }
        }
        assertThat(r.amountPaid).isLessThanOrEqualTo(due);
        assertThat(r.status).isEqualTo(r.outstanding().signum() == 0 ? "SETTLED" : "OPEN");
    }

    @Provide
    Arbitrary<BigDecimal> money() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("1000")).ofScale(2);
    }

    @Provide
    Arbitrary<List<BigDecimal>> moneyLists() {
        return money().list().ofMaxSize(25);
    }
}
