package io.fieldsales.order.events;

/** {@code io.fieldsales.order.stock.adjusted.v1} (key: the sku). */
public record StockAdjusted(String location, String sku, long delta, long onHand, long reserved, String reason) {
}
