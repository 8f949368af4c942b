package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.util.Set;

/** A product as pricing sees it: its list price, currency, tax rate (a fraction, 0.15) and tags. */
public record ProductPrice(String sku, String name, BigDecimal unitPrice, String currency, BigDecimal taxRate,
        Set<String> tags) {

    public ProductPrice {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
