package io.fieldsales.order.api;

import io.fieldsales.order.domain.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A product as the API shows it. */
public record ProductResponse(UUID id, String sku, String name, BigDecimal unitPrice, String currency,
        BigDecimal taxRate, boolean active, List<String> tags, long version, Instant createdAt, Instant updatedAt) {

    static ProductResponse of(Product p) {
        return new ProductResponse(p.id(), p.sku(), p.name(), p.unitPrice(), p.currency(), p.taxRate(), p.active(),
                p.tags(), p.version(), p.createdAt(), p.updatedAt());
    }
}
