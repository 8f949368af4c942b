package io.fieldsales.order.domain;

import java.util.List;

/** 409 {@code insufficient_stock}, listing each short line. */
public class InsufficientStock extends RuleViolation {

    private final List<StockShortage> shortages;

    public InsufficientStock(List<StockShortage> shortages) {
        super("insufficient_stock", "Not enough stock for " + shortages.size() + " line(s)");
        this.shortages = List.copyOf(shortages);
    }

    public List<StockShortage> shortages() {
        return shortages;
    }
}
