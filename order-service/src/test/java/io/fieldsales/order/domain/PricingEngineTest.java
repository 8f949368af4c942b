package io.fieldsales.order.domain;

import static io.fieldsales.order.domain.PricingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PricingEngineTest {

    private final PricingEngine engine = new PricingEngine();

    /** name, rules, list price, quantity, manual discount %, expected net unit price, subtotal, tax, total. */
    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("no rule", List.of(), "100.00", 2, "0", "100.00", "200.00", "30.00", "230.00"),
                Arguments.of("percent off", List.of(rule(1, 10, RuleAction.PERCENT_OFF, "10", false)),
                        "100.00", 2, "0", "90.00", "180.00", "27.00", "207.00"),
                Arguments.of("amount off", List.of(rule(1, 10, RuleAction.AMOUNT_OFF, "15.50", false)),
                        "100.00", 1, "0", "84.50", "84.50", "12.68", "97.18"),
                Arguments.of("fixed price", List.of(rule(1, 10, RuleAction.FIXED_PRICE, "70", false)),
                        "100.00", 3, "0", "70", "210.00", "31.50", "241.50"),
                Arguments.of("two stackable percents compound, higher priority first",
                        List.of(rule(1, 5, RuleAction.PERCENT_OFF, "10", false),
                                rule(2, 10, RuleAction.PERCENT_OFF, "20", false)),
                        "100.00", 1, "0", "72.00", "72.00", "10.80", "82.80"),
                Arguments.of("percent then amount (priority)",
                        List.of(rule(1, 10, RuleAction.PERCENT_OFF, "10", false),
                                rule(2, 5, RuleAction.AMOUNT_OFF, "5", false)),
                        "100.00", 1, "0", "85.00", "85.00", "12.75", "97.75"),
                Arguments.of("amount then percent (priority)",
                        List.of(rule(1, 5, RuleAction.PERCENT_OFF, "10", false),
                                rule(2, 10, RuleAction.AMOUNT_OFF, "5", false)),
                        "100.00", 1, "0", "85.50", "85.50", "12.82", "98.32"),
                Arguments.of("exclusive stops lower priority",
                        List.of(rule(1, 10, RuleAction.PERCENT_OFF, "10", true),
                                rule(2, 5, RuleAction.PERCENT_OFF, "50", false)),
                        "100.00", 1, "0", "90.00", "90.00", "13.50", "103.50"),
                Arguments.of("exclusive of lower priority comes after stackable",
                        List.of(rule(1, 5, RuleAction.PERCENT_OFF, "10", true),
                                rule(2, 10, RuleAction.PERCENT_OFF, "50", false)),
                        "100.00", 1, "0", "45.00", "45.00", "6.75", "51.75"),
                Arguments.of("fixed price is never undercut by stacking",
                        List.of(rule(1, 10, RuleAction.FIXED_PRICE, "80", false),
                                rule(2, 5, RuleAction.PERCENT_OFF, "50", false),
                                rule(3, 1, RuleAction.AMOUNT_OFF, "10", false)),
                        "100.00", 1, "0", "80", "80.00", "12.00", "92.00"),
                Arguments.of("higher percent before fixed price still ends at the fixed price",
                        List.of(rule(1, 10, RuleAction.PERCENT_OFF, "10", false),
                                rule(2, 5, RuleAction.FIXED_PRICE, "50", false)),
                        "100.00", 1, "0", "50", "50.00", "7.50", "57.50"),
                Arguments.of("amount off never below zero", List.of(rule(1, 10, RuleAction.AMOUNT_OFF, "150", false)),
                        "100.00", 4, "0", "0", "0.00", "0.00", "0.00"),
                Arguments.of("percent off capped at 100", List.of(rule(1, 10, RuleAction.PERCENT_OFF, "150", false)),
                        "100.00", 1, "0", "0", "0.00", "0.00", "0.00"),
                Arguments.of("manual discount after rules",
                        List.of(rule(1, 10, RuleAction.PERCENT_OFF, "10", false)),
                        "100.00", 1, "5", "85.5", "85.50", "12.82", "98.32"),
                Arguments.of("manual discount 100 %", List.of(), "100.00", 1, "100", "0", "0.00", "0.00", "0.00"),
                Arguments.of("half-even rounding of the line subtotal", List.of(), "0.125", 1, "0",
                        "0.125", "0.12", "0.02", "0.14"),
                Arguments.of("half-even rounding up on odd", List.of(), "0.135", 1, "0", "0.135", "0.14", "0.02",
                        "0.16"),
                Arguments.of("rounding only on the line, not the unit price",
                        List.of(rule(1, 10, RuleAction.PERCENT_OFF, "33.33", false)),
                        "10.00", 3, "0", "6.667", "20.00", "3.00", "23.00"),
                Arguments.of("rule for another sku does nothing",
                        List.of(rule(1, 10, RuleAction.PERCENT_OFF, "10", false, skus("OTHER"))),
                        "100.00", 1, "0", "100.00", "100.00", "15.00", "115.00"),
                Arguments.of("rule for this sku applies",
                        List.of(rule(1, 10, RuleAction.PERCENT_OFF, "10", false, skus("A"))),
                        "100.00", 1, "0", "90.00", "90.00", "13.50", "103.50"),
                Arguments.of("equal priority: the more specific first, and it is exclusive",
                        List.of(rule(1, 10, RuleAction.PERCENT_OFF, "10", true),
                                rule(2, 10, RuleAction.PERCENT_OFF, "20", true, skus("A"))),
                        "100.00", 1, "0", "80.00", "80.00", "12.00", "92.00"),
                Arguments.of("equal priority and specificity: lower id first",
                        List.of(rule(2, 10, RuleAction.PERCENT_OFF, "20", true),
                                rule(1, 10, RuleAction.PERCENT_OFF, "10", true)),
                        "100.00", 1, "0", "90.00", "90.00", "13.50", "103.50"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void pricesEveryActionAndStackingCase(String name, List<PricingRule> rules, String list, long quantity,
            String discount, String net, String subtotal, String tax, String total) {
        PricedDocument doc = engine.price(SHOP, List.of(new QuoteLine(product("A", list), quantity, d(discount))),
                rules, NOW);
        PricedLine line = doc.lines().get(0);
        assertThat(line.netUnitPrice()).isEqualByComparingTo(net);
        assertThat(line.subtotal()).isEqualTo(d(subtotal));
        assertThat(line.tax()).isEqualTo(d(tax));
        assertThat(line.total()).isEqualTo(d(total));
        assertThat(doc.subtotal()).isEqualTo(d(subtotal));
        assertThat(doc.tax()).isEqualTo(d(tax));
        assertThat(doc.total()).isEqualTo(d(total));
        assertThat(line.listUnitPrice()).isEqualTo(d(list));
        assertThat(line.quantity()).isEqualTo(quantity);
        assertThat(line.taxRate()).isEqualTo(d("0.15"));
        assertThat(line.discountPercent()).isEqualByComparingTo(discount);
    }

    @Test
    void explainsEachAppliedRuleWithItsEffect() {
        PricingRule percent = rule(1, 10, RuleAction.PERCENT_OFF, "10", false);
        PricingRule amount = rule(2, 5, RuleAction.AMOUNT_OFF, "5", false);
        PricingRule notMatching = rule(3, 20, RuleAction.PERCENT_OFF, "50", false, skus("B"));
        PricedLine line = engine.price(SHOP, List.of(new QuoteLine(product("A", "100.00"), 2, d("10"))),
                List.of(amount, notMatching, percent), NOW).lines().get(0);
        assertThat(line.appliedRules()).extracting(AppliedRule::ruleId).containsExactly(id(1), id(2));
        AppliedRule first = line.appliedRules().get(0);
        assertThat(first.name()).isEqualTo("rule 1");
        assertThat(first.action()).isEqualTo(RuleAction.PERCENT_OFF);
        assertThat(first.value()).isEqualByComparingTo("10");
        assertThat(first.exclusive()).isFalse();
        assertThat(first.unitPriceBefore()).isEqualByComparingTo("100");
        assertThat(first.unitPriceAfter()).isEqualByComparingTo("90");
        assertThat(first.lineEffect()).isEqualByComparingTo("20");
        AppliedRule second = line.appliedRules().get(1);
        assertThat(second.unitPriceBefore()).isEqualByComparingTo("90");
        assertThat(second.unitPriceAfter()).isEqualByComparingTo("85");
        assertThat(second.lineEffect()).isEqualByComparingTo("10");
        assertThat(line.manualDiscount()).isEqualByComparingTo("17");
        assertThat(line.netUnitPrice()).isEqualByComparingTo("76.5");
        assertThat(line.sku()).isEqualTo("A");
        assertThat(line.name()).isEqualTo("Product A");
    }

    @Test
    void rulesOutsideTheirValidityOrInactiveDoNotApply() {
        PricingRule expired = new PricingRule(id(1), "old", 10, null, NOW, RuleConditions.any(),
                RuleAction.PERCENT_OFF, d("10"), null, false, true);
        PricingRule future = new PricingRule(id(2), "future", 10, NOW.plusSeconds(1), null, RuleConditions.any(),
                RuleAction.PERCENT_OFF, d("10"), null, false, true);
        PricingRule inactive = new PricingRule(id(3), "off", 10, null, null, RuleConditions.any(),
                RuleAction.PERCENT_OFF, d("10"), null, false, false);
        PricingRule current = new PricingRule(id(4), "now", 10, NOW, NOW.plusSeconds(1), RuleConditions.any(),
                RuleAction.PERCENT_OFF, d("20"), null, false, true);
        PricedLine line = engine.price(SHOP, List.of(new QuoteLine(product("A", "100"), 1, null)),
                List.of(expired, future, inactive, current), NOW).lines().get(0);
        assertThat(line.appliedRules()).extracting(AppliedRule::ruleId).containsExactly(id(4));
    }

    @Test
    void moneyRulesInAnotherCurrencyDoNotApplyButPercentagesDo() {
        PricingRule usdAmount = new PricingRule(id(1), "usd", 10, null, null, RuleConditions.any(),
                RuleAction.AMOUNT_OFF, d("5"), "USD", false, true);
        PricingRule percent = new PricingRule(id(2), "pct", 5, null, null, RuleConditions.any(),
                RuleAction.PERCENT_OFF, d("10"), "USD", false, true);
        PricedLine line = engine.price(SHOP, List.of(new QuoteLine(product("A", "100"), 1, null)),
                List.of(usdAmount, percent), NOW).lines().get(0);
        assertThat(line.appliedRules()).extracting(AppliedRule::ruleId).containsExactly(id(2));
    }

    @Test
    void conditionsOnCustomerTagsQuantityAndOrderTotal() {
        RuleConditions gold = new RuleConditions(null, Set.of("gold"), null, null, null, null);
        RuleConditions silver = new RuleConditions(null, Set.of("silver"), null, null, null, null);
        RuleConditions thisCustomer = new RuleConditions(Set.of(CUSTOMER), null, null, null, null, null);
        RuleConditions otherCustomer = new RuleConditions(Set.of(id(99)), null, null, null, null, null);
        RuleConditions drinks = new RuleConditions(null, null, null, Set.of("drinks"), null, null);
        RuleConditions food = new RuleConditions(null, null, null, Set.of("food"), null, null);
        RuleConditions tenUnits = new RuleConditions(null, null, null, null, 10L, null);
        RuleConditions elevenUnits = new RuleConditions(null, null, null, null, 11L, null);
        RuleConditions bigOrder = new RuleConditions(null, null, null, null, null, d("1000"));
        RuleConditions hugeOrder = new RuleConditions(null, null, null, null, null, d("1000.01"));
        List<PricingRule> rules = List.of(
                rule(1, 1, RuleAction.AMOUNT_OFF, "1", false, gold),
                rule(2, 1, RuleAction.AMOUNT_OFF, "1", false, silver),
                rule(3, 1, RuleAction.AMOUNT_OFF, "1", false, thisCustomer),
                rule(4, 1, RuleAction.AMOUNT_OFF, "1", false, otherCustomer),
                rule(5, 1, RuleAction.AMOUNT_OFF, "1", false, drinks),
                rule(6, 1, RuleAction.AMOUNT_OFF, "1", false, food),
                rule(7, 1, RuleAction.AMOUNT_OFF, "1", false, tenUnits),
                rule(8, 1, RuleAction.AMOUNT_OFF, "1", false, elevenUnits),
                rule(9, 1, RuleAction.AMOUNT_OFF, "1", false, bigOrder),
                rule(10, 1, RuleAction.AMOUNT_OFF, "1", false, hugeOrder));
        PricedLine line = engine.price(SHOP, List.of(new QuoteLine(product("A", "100"), 10, null)), rules, NOW)
                .lines().get(0);
        assertThat(line.appliedRules()).extracting(AppliedRule::ruleId)
                .containsExactlyInAnyOrder(id(1), id(3), id(5), id(7), id(9));
        assertThat(line.netUnitPrice()).isEqualByComparingTo("95");
    }

    @Test
    void documentTotalsAreSumsOfLines() {
        PricedDocument doc = engine.price(SHOP, List.of(new QuoteLine(product("A", "0.125"), 1, null),
                new QuoteLine(product("B", "0.125"), 1, null), new QuoteLine(product("C", "10.005"), 3, d("2.5"))),
                List.of(), NOW);
        assertThat(doc.currency()).isEqualTo("ZAR");
        assertThat(doc.lines()).hasSize(3);
        assertThat(doc.subtotal()).isEqualTo(d("0.12").add(d("0.12")).add(d("29.26")));
        assertThat(doc.total()).isEqualTo(doc.subtotal().add(doc.tax()));
        assertThat(doc.maxDiscountPercent()).isEqualByComparingTo("2.5");
    }

    @Test
    void refusesBadLines() {
        assertThatThrownBy(() -> engine.price(SHOP, List.of(), List.of(), NOW))
                .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("validation_failed");
        assertThatThrownBy(() -> engine.price(SHOP, null, List.of(), NOW))
                .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("validation_failed");
        assertThatThrownBy(() -> engine.price(SHOP, List.of(new QuoteLine(product("A", "1"), 0, null)), List.of(), NOW))
                .extracting("code").isEqualTo("invalid_quantity");
        assertThatThrownBy(() -> engine.price(SHOP, List.of(new QuoteLine(product("A", "1"), -1, null)), List.of(),
                NOW)).extracting("code").isEqualTo("invalid_quantity");
        for (String bad : List.of("-0.01", "100.01", "1.001")) {
            assertThatThrownBy(() -> engine.price(SHOP, List.of(new QuoteLine(product("A", "1"), 1, d(bad))),
                    List.of(), NOW)).extracting("code").isEqualTo("invalid_discount");
        }
        ProductPrice usd = new ProductPrice("U", "u", d("1"), "USD", d("0"), Set.of());
        assertThatThrownBy(() -> engine.price(SHOP, List.of(new QuoteLine(product("A", "1"), 1, null),
                new QuoteLine(usd, 1, null)), List.of(), NOW)).extracting("code").isEqualTo("currency_mismatch");
    }

    @Test
    void boundaryDiscountsAreAccepted() {
        for (String ok : List.of("0", "100", "99.99", "0.01")) {
            PricedDocument doc = engine.price(SHOP, List.of(new QuoteLine(product("A", "100"), 1, d(ok))),
                    List.of(), NOW);
            assertThat(doc.lines().get(0).netUnitPrice()).isEqualByComparingTo(d("100").subtract(d(ok)));
        }
    }

    @Test
    void maxDiscountOfNoDiscountIsZero() {
        PricedDocument doc = engine.price(SHOP, List.of(new QuoteLine(product("A", "1"), 1, null)), List.of(),
                Instant.EPOCH);
        assertThat(doc.maxDiscountPercent()).isEqualByComparingTo("0");
    }

    @Test
    void specificityCountsEverySetCondition() {
        assertThat(RuleConditions.any().specificity()).isZero();
        assertThat(new RuleConditions(Set.of(CUSTOMER), Set.of("a"), Set.of("s"), Set.of("t"), 1L, BigDecimal.ONE)
                .specificity()).isEqualTo(6);
        assertThat(new RuleConditions(null, Set.of("a"), null, null, null, null).specificity()).isEqualTo(1);
        assertThat(new RuleConditions(null, null, null, Set.of("t"), null, null).specificity()).isEqualTo(1);
        assertThat(new RuleConditions(null, null, null, null, 1L, null).specificity()).isEqualTo(1);
        assertThat(new RuleConditions(null, null, null, null, null, BigDecimal.ONE).specificity()).isEqualTo(1);
        assertThat(new RuleConditions(Set.of(CUSTOMER), null, null, null, null, null).specificity()).isEqualTo(1);
    }
}
