package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A priced line with its explanation: list price, every applied rule, the rep's manual discount (percent and its
 * unrounded effect on the line), the net unit price, and the rounded subtotal, tax and total.
 */
public record PricedLine(String sku, String name, long quantity, BigDecimal listUnitPrice,
        List<AppliedRule> appliedRules, BigDecimal discountPercent, BigDecimal manualDiscount,
        BigDecimal netUnitPrice, BigDecimal taxRate, BigDecimal subtotal, BigDecimal tax, BigDecimal total) {

    public PricedLine {
        appliedRules = List.copyOf(appliedRules);
    }
}
