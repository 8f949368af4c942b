package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One rule's effect on one line, as the rep shows it: the unit price before and after it and what it took off the
 * line (unrounded: rounding happens only on the line's subtotal).
 */
public record AppliedRule(UUID ruleId, String name, RuleAction action, BigDecimal value, boolean exclusive,
        BigDecimal unitPriceBefore, BigDecimal unitPriceAfter, BigDecimal lineEffect) {
}
