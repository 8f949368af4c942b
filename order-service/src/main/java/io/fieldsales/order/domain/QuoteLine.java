package io.fieldsales.order.domain;

import java.math.BigDecimal;

/** A line to price: the product, how many units and the rep's manual discount in percent (0 when none). */
public record QuoteLine(ProductPrice product, long quantity, BigDecimal discountPercent) {

    public QuoteLine {
        discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
    }
}
