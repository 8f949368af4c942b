package io.fieldsales.order.service;

import java.math.BigDecimal;

/** A line as a client asks for it: sku, quantity and an optional manual discount in percent. */
public record RequestedLine(String sku, Long quantity, BigDecimal discountPercent) {
}
