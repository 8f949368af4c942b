package io.fieldsales.order.domain;

import java.util.List;

/**
 * Stock of one sku at one location: on hand and reserved for open orders. Every operation keeps
 * {@code 0 <= reserved <= onHand} (the database's check constraints say the same) or refuses with
 * {@link InsufficientStock}.
 */
public record StockLevel(String location, String sku, long onHand, long reserved) {

    public StockLevel {
        if (reserved < 0 || reserved > onHand) {
            throw new IllegalArgumentException("stock must satisfy 0 <= reserved <= onHand");
        }
    }

    public static StockLevel empty(String location, String sku) {
        return new StockLevel(location, sku, 0, 0);
    }

    public long available() {
        return onHand - reserved;
    }

    /** Reserves {@code quantity} for an order; short if fewer are available. */
    public StockLevel reserve(long quantity) {
        requirePositive(quantity);
        if (quantity > available()) {
            throw shortage(quantity);
        }
        return new StockLevel(location, sku, onHand, reserved + quantity);
    }

    /** Gives back a reservation (cancel, rejection, a line reduced). */
    public StockLevel release(long quantity) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new IllegalStateException("cannot release " + quantity + " of " + sku + ": only " + reserved
                    + " reserved");
        }
        return new StockLevel(location, sku, onHand, reserved - quantity);
    }

    /** The goods leave: the reservation becomes a decrement of on-hand stock. */
    public StockLevel fulfil(long quantity) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new IllegalStateException("cannot fulfil " + quantity + " of " + sku + ": only " + reserved
                    + " reserved");
        }
        return new StockLevel(location, sku, onHand - quantity, reserved - quantity);
    }

    /** A manual adjustment (count, damage, delivery in); never below what is reserved. */
    public StockLevel adjust(long delta) {
        if (delta == 0) {
            throw new RuleViolation("validation_failed", "delta must not be 0");
        }
        if (delta < 0 && -delta > available()) {
            throw shortage(-delta);
        }
        return new StockLevel(location, sku, onHand + delta, reserved);
    }

    private InsufficientStock shortage(long requested) {
        return new InsufficientStock(List.of(new StockShortage(location, sku, requested, available())));
    }

    private static void requirePositive(long quantity) {
        if (quantity <= 0) {
            throw new RuleViolation("invalid_quantity", "quantity must be positive");
        }
    }
}
