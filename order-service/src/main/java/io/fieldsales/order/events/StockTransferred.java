package io.fieldsales.order.events;

/** {@code io.fieldsales.order.stock.transferred.v1} (key: the sku): both sides moved, or neither. */
public record StockTransferred(String fromLocation, String toLocation, String sku, long quantity) {
}
