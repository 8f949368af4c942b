package io.fieldsales.order.api;

import java.math.BigDecimal;
import java.util.List;

/** {@code POST /api/v1/products}. */
public record ProductRequest(String sku, String name, BigDecimal unitPrice, String currency, BigDecimal taxRate,
        Boolean active, List<String> tags) {
}
