package io.fieldsales.order.domain;

/** Stock an order holds (HELD), gave back (RELEASED) or took (FULFILLED). */
public record Reservation(String sku, String location, long quantity, String status) {
}
