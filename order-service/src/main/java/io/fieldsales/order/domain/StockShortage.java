package io.fieldsales.order.domain;

/** A line that cannot be served from a location: how many were asked for and how many are available. */
public record StockShortage(String location, String sku, long requested, long available) {
}
