package io.fieldsales.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StockRulesTest {

    private static StockLevel level(long onHand, long reserved) {
        return new StockLevel("VAN-1", "A", onHand, reserved);
    }

    @Test
    void reserveUpToAvailable() {
        assertThat(level(10, 3).available()).isEqualTo(7);
        assertThat(level(10, 3).reserve(7)).isEqualTo(level(10, 10));
        assertThatThrownBy(() -> level(10, 3).reserve(8)).isInstanceOfSatisfying(InsufficientStock.class, e -> {
            assertThat(e.code()).isEqualTo("insufficient_stock");
            assertThat(e.shortages()).containsExactly(new StockShortage("VAN-1", "A", 8, 7));
        });
        assertThatThrownBy(() -> level(10, 3).reserve(0)).extracting("code").isEqualTo("invalid_quantity");
        assertThatThrownBy(() -> level(10, 3).reserve(-1)).extracting("code").isEqualTo("invalid_quantity");
    }

    @Test
    void releaseAndFulfilWorkOnReservedOnly() {
        assertThat(level(10, 3).release(3)).isEqualTo(level(10, 0));
        assertThat(level(10, 3).release(1)).isEqualTo(level(10, 2));
        assertThatThrownBy(() -> level(10, 3).release(4)).isInstanceOf(IllegalStateException.class);
        assertThat(level(10, 3).fulfil(3)).isEqualTo(level(7, 0));
        assertThat(level(10, 3).fulfil(2)).isEqualTo(level(8, 1));
        assertThatThrownBy(() -> level(10, 3).fulfil(4)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> level(10, 3).fulfil(0)).extracting("code").isEqualTo("invalid_quantity");
        assertThatThrownBy(() -> level(10, 3).release(0)).extracting("code").isEqualTo("invalid_quantity");
    }

    @Test
    void adjustNeverBelowReserved() {
        assertThat(level(10, 3).adjust(5)).isEqualTo(level(15, 3));
        assertThat(level(10, 3).adjust(-7)).isEqualTo(level(3, 3));
        assertThatThrownBy(() -> level(10, 3).adjust(-8)).isInstanceOfSatisfying(InsufficientStock.class,
                e -> assertThat(e.shortages()).containsExactly(new StockShortage("VAN-1", "A", 8, 7)));
        assertThatThrownBy(() -> level(10, 3).adjust(0)).extracting("code").isEqualTo("validation_failed");
        assertThat(StockLevel.empty("W", "S")).isEqualTo(new StockLevel("W", "S", 0, 0));
    }

    @Test
    void invariantHoldsOnConstruction() {
        assertThatThrownBy(() -> level(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> level(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(level(2, 2).available()).isZero();
        assertThat(level(0, 0).available()).isZero();
    }

    @Test
    void plansAreInSkuOrderAndListEveryShortLine() {
        SortedMap<String, Long> wanted = StockPlan.quantities(List.of(Map.entry("B", 2L), Map.entry("A", 1L),
                Map.entry("B", 3L)));
        assertThat(wanted).containsExactly(Map.entry("A", 1L), Map.entry("B", 5L));
        assertThat(StockPlan.delta(Map.of("A", 2L, "B", 1L), Map.of("A", 2L, "C", 4L, "B", 3L)))
                .containsExactly(Map.entry("B", 2L), Map.entry("C", 4L));
        assertThat(StockPlan.delta(Map.of("A", 2L), Map.of())).containsExactly(Map.entry("A", -2L));
        Map<String, StockLevel> locked = new TreeMap<>(Map.of("A", new StockLevel("V", "A", 5, 4),
                "B", new StockLevel("V", "B", 10, 0)));
        assertThat(StockPlan.reserveAll("V", wanted, locked)).containsExactly(new StockLevel("V", "A", 5, 5),
                new StockLevel("V", "B", 10, 5));
        SortedMap<String, Long> tooMuch = new TreeMap<>(Map.of("A", 2L, "B", 11L, "C", 1L));
        assertThatThrownBy(() -> StockPlan.reserveAll("V", tooMuch, locked))
                .isInstanceOfSatisfying(InsufficientStock.class, e -> assertThat(e.shortages()).containsExactly(
                        new StockShortage("V", "A", 2, 1), new StockShortage("V", "B", 11, 10),
                        new StockShortage("V", "C", 1, 0)));
    }

    @Property(tries = 100)
    void anySequenceKeepsTheInvariant(@ForAll @Size(max = 30) List<@IntRange(min = -20, max = 20) Integer> ops) {
        StockLevel s = level(0, 0);
        for (int i = 0; i < ops.size(); i++) {
            int q = ops.get(i);
            try {
                s = switch (i % 4) {
                    case 0 -> q == 0 ? s : s.adjust(q);
                    case 1 -> s.reserve(Math.abs(q) + 1);
                    case 2 -> s.release(Math.min(Math.abs(q) + 1, Math.max(1, s.reserved())));
                    default -> s.fulfil(Math.min(Math.abs(q) + 1, Math.max(1, s.reserved())));
                };
            } catch (RuleViolation | IllegalStateException refused) {
                // refused operations leave the level unchanged
            }
            assertThat(s.reserved()).isBetween(0L, s.onHand());
        }
    }
}
