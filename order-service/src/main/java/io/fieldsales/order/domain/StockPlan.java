package io.fieldsales.order.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which stock rows an order change touches, in sku order: every writer locks stock rows in this one order, so
 * concurrent multi-line orders queue instead of deadlocking.
 */
public final class StockPlan {

    private StockPlan() {
    }

    /** Quantity per sku, sorted by sku; lines with the same sku add up. */
    public static SortedMap<String, Long> quantities(List<? extends Map.Entry<String, Long>> lines) {
        SortedMap<String, Long> bySku = new TreeMap<>();
        for (Map.Entry<String, Long> line : lines) {
            bySku.merge(line.getKey(), line.getValue(), Long::sum);
        }
        return bySku;
    }

    /** Per sku (sorted), how the reservation changes from {@code before} to {@code after}: positive reserves more. */
    public static SortedMap<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        SortedMap<String, Long> delta = new TreeMap<>();
        TreeSet<String> skus = new TreeSet<>(before.keySet());
        skus.addAll(after.keySet());
        for (String sku : skus) {
            long change = after.getOrDefault(sku, 0L) - before.getOrDefault(sku, 0L);
            if (change != 0) {
                delta.put(sku, change);
            }
        }
        return delta;
    }

    /**
     * Reserves every line against the locked levels (all or nothing): the new levels, or {@link InsufficientStock}
     * listing every short line, not only the first.
     */
    public static List<StockLevel> reserveAll(String location, SortedMap<String, Long> wanted,
            Map<String, StockLevel> locked) {
        List<StockLevel> after = new ArrayList<>();
        List<StockShortage> short_ = new ArrayList<>();
        for (Map.Entry<String, Long> e : wanted.entrySet()) {
            StockLevel level = locked.getOrDefault(e.getKey(), StockLevel.empty(location, e.getKey()));
            if (e.getValue() > level.available()) {
                short_.add(new StockShortage(location, e.getKey(), e.getValue(), level.available()));
            } else {
                after.add(level.reserve(e.getValue()));
            }
        }
        if (!short_.isEmpty()) {
            throw new InsufficientStock(short_);
        }
        return after;
    }
}
