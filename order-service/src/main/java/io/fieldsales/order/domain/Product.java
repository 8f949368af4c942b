package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A product of a tenant's catalog. */
public record Product(UUID id, String sku, String name, BigDecimal unitPrice, String currency, BigDecimal taxRate,
        boolean active, List<String> tags, long version, Instant createdAt, Instant updatedAt) {

    public ProductPrice price() {
        return new ProductPrice(sku, name, unitPrice, currency, taxRate, Set.copyOf(tags));
    }
}
