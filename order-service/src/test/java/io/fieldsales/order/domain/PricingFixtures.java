package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Builders for pricing tests. */
final class PricingFixtures {

    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final RuleConditions.Customer SHOP = new RuleConditions.Customer(CUSTOMER, Set.of("gold"));

    private PricingFixtures() {
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static ProductPrice product(String sku, String price) {
        return new ProductPrice(sku, "Product " + sku, d(price), "ZAR", d("0.15"), Set.of("drinks"));
    }

    static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-0000-0000-%012d", n));
    }

    static PricingRule rule(int id, int priority, RuleAction action, String value, boolean exclusive) {
        return new PricingRule(id(id), "rule " + id, priority, null, null, RuleConditions.any(), action, d(value),
                "ZAR", exclusive, true);
    }

    static PricingRule rule(int id, int priority, RuleAction action, String value, boolean exclusive,
            RuleConditions conditions) {
        return new PricingRule(id(id), "rule " + id, priority, null, null, conditions, action, d(value), "ZAR",
                exclusive, true);
    }

    static RuleConditions skus(String... skus) {
        return new RuleConditions(null, null, Set.of(skus), null, null, null);
    }
}
