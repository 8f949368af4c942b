package io.fieldsales.order.domain;

/** Where an order is in its life. */
public enum OrderStatus {
    PENDING_APPROVAL, CONFIRMED, FULFILLED, DELIVERED, COMPLETED, CANCELLED
}
