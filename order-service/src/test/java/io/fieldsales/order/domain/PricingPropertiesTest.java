package io.fieldsales.order.domain;

import static io.fieldsales.order.domain.PricingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PricingPropertiesTest {

    private final PricingEngine engine = new PricingEngine();

    @Provide
    Arbitrary<List<PricingRule>> rules() {
        Arbitrary<Integer> ids = Arbitraries.integers().between(1, 1_000_000);
        Arbitrary<PricingRule> rule = Combinators.combine(ids, Arbitraries.integers().between(0, 5),
                Arbitraries.of(RuleAction.class), Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal(120))
                        .ofScale(2), Arbitraries.of(true, false), Arbitraries.of("A", "B", "C", null),
                Arbitraries.longs().between(1, 5).injectNull(0.6))
                .as((id, priority, action, value, exclusive, sku, minQ) -> new PricingRule(id(id), "r" + id, priority,
                        null, null, new RuleConditions(null, null, sku == null ? null : Set.of(sku), null, minQ, null),
                        action, value, "ZAR", exclusive, true));
        return rule.list().ofMaxSize(8).uniqueElements(PricingRule::id);
    }

    @Provide
    Arbitrary<List<QuoteLine>> lines() {
        Arbitrary<QuoteLine> line = Combinators.combine(Arbitraries.of("A", "B", "C", "D"),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal(1000)).ofScale(4),
                Arbitraries.longs().between(1, 50), Arbitraries.bigDecimals().between(BigDecimal.ZERO,
                        new BigDecimal(100)).ofScale(2), Arbitraries.bigDecimals().between(BigDecimal.ZERO,
                        new BigDecimal("0.3")).ofScale(3))
                .as((sku, price, qty, discount, tax) -> new QuoteLine(new ProductPrice(sku, sku, price, "ZAR", tax,
                        Set.of()), qty, discount));
        return line.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 100)
    void theOrderOfRulesIsIrrelevant(@ForAll("lines") List<QuoteLine> lines, @ForAll("rules") List<PricingRule> rules,
            @ForAll long seed) {
        List<PricingRule> shuffled = new ArrayList<>(rules);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(engine.price(SHOP, lines, shuffled, NOW)).isEqualTo(engine.price(SHOP, lines, rules, NOW));
    }

    @Property(tries = 100)
    void aNonMatchingRuleChangesNothing(@ForAll("lines") List<QuoteLine> lines,
            @ForAll("rules") List<PricingRule> rules) {
        PricingRule never = new PricingRule(id(0), "never", 100, null, null, skus("NO-SUCH-SKU"),
                RuleAction.FIXED_PRICE, BigDecimal.ZERO, "ZAR", true, true);
        List<PricingRule> more = new ArrayList<>(rules);
        more.add(never);
        assertThat(engine.price(SHOP, lines, more, NOW)).isEqualTo(engine.price(SHOP, lines, rules, NOW));
    }

    @Property(tries = 100)
    void totalsAreNeverNegativeAndLinesAddUpExactly(@ForAll("lines") List<QuoteLine> lines,
            @ForAll("rules") List<PricingRule> rules) {
        PricedDocument doc = engine.price(SHOP, lines, rules, NOW);
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (PricedLine l : doc.lines()) {
            assertThat(l.netUnitPrice().signum()).isGreaterThanOrEqualTo(0);
            assertThat(l.subtotal().signum()).isGreaterThanOrEqualTo(0);
            assertThat(l.tax().signum()).isGreaterThanOrEqualTo(0);
            assertThat(l.total()).isEqualTo(l.subtotal().add(l.tax()));
            assertThat(l.subtotal().scale()).isEqualTo(2);
            subtotal = subtotal.add(l.subtotal());
            tax = tax.add(l.tax());
            total = total.add(l.total());
        }
        assertThat(doc.subtotal()).isEqualTo(subtotal);
        assertThat(doc.tax()).isEqualTo(tax);
        assertThat(doc.total()).isEqualTo(total);
        assertThat(doc.total().signum()).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 100)
    void aFixedPriceIsNeverUndercutByLowerRules(@ForAll("rules") List<PricingRule> rules) {
        PricingRule fixed = new PricingRule(id(0), "contract", 1000, null, null, RuleConditions.any(),
                RuleAction.FIXED_PRICE, new BigDecimal("42.5"), "ZAR", false, true);
        List<PricingRule> all = new ArrayList<>(rules);
        all.add(fixed);
        PricedLine line = engine.price(SHOP, List.of(new QuoteLine(product("A", "100"), 1, null)), all, NOW)
                .lines().get(0);
        assertThat(line.netUnitPrice()).isEqualByComparingTo("42.5");
        assertThat(line.appliedRules()).hasSize(1);
    }
}
