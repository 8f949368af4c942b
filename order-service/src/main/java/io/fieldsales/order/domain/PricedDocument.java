package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.util.List;

/** A priced quotation or order: its lines and document totals (exact sums of the rounded line amounts). */
public record PricedDocument(String currency, List<PricedLine> lines, BigDecimal subtotal, BigDecimal tax,
        BigDecimal total) {

    public PricedDocument {
        lines = List.copyOf(lines);
    }

    /** The largest manual discount of any line, in percent (what the approval policy looks at). */
    public BigDecimal maxDiscountPercent() {
        BigDecimal max = BigDecimal.ZERO;
        for (PricedLine l : lines) {
            if (l.discountPercent().compareTo(max) > 0) {
                max = l.discountPercent();
            }
        }
        return max;
    }
}
