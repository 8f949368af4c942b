package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * A tenant's pricing rule. Higher {@code priority} applies first; an {@code exclusive} rule stops every rule after it
 * (the rules of lower rank); a stackable one lets them apply on the price it leaves. AMOUNT_OFF and FIXED_PRICE
 * values are in {@code currency} and apply only to products priced in it.
 */
public record PricingRule(UUID id, String name, int priority, Instant validFrom, Instant validTo,
        RuleConditions conditions, RuleAction action, BigDecimal value, String currency, boolean exclusive,
        boolean active) {

    /** Application order: priority (high first), then specificity (more conditions first), then rule id. */
    public static final Comparator<PricingRule> APPLICATION_ORDER = Comparator
            .comparingInt(PricingRule::priority).reversed()
            .thenComparing(Comparator.comparingInt((PricingRule r) -> r.conditions().specificity()).reversed())
            .thenComparing(r -> r.id().toString());

    public boolean validAt(Instant at) {
        return active && (validFrom == null || !at.isBefore(validFrom)) && (validTo == null || at.isBefore(validTo));
    }

    /** Whether the rule's money value can apply to a product priced in {@code productCurrency}. */
    public boolean appliesToCurrency(String productCurrency) {
        return action == RuleAction.PERCENT_OFF || currency == null || currency.equals(productCurrency);
    }
}
