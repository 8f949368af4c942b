package io.fieldsales.order.events;

import io.fieldsales.order.domain.PricedLine;
import java.math.BigDecimal;

/** A line as events carry it: quantity and the frozen amounts. */
public record LinePayload(String sku, long quantity, BigDecimal netUnitPrice, BigDecimal discountPercent,
        BigDecimal subtotal, BigDecimal tax, BigDecimal total) {

    public static LinePayload of(PricedLine l) {
        return new LinePayload(l.sku(), l.quantity(), l.netUnitPrice(), l.discountPercent(), l.subtotal(), l.tax(),
                l.total());
    }
}
