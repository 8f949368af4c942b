package io.fieldsales.order.service;

import io.fieldsales.order.domain.CustomerStanding;
import io.fieldsales.order.domain.PricedDocument;
import io.fieldsales.order.domain.PricingEngine;
import io.fieldsales.order.domain.Product;
import io.fieldsales.order.domain.QuoteLine;
import io.fieldsales.order.domain.RuleConditions;
import io.fieldsales.order.domain.RuleViolation;
import io.fieldsales.order.repository.PricingRuleRepository;
import io.fieldsales.order.repository.ProductRepository;
import io.fieldsales.platform.errors.FieldError;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prices requested lines with the tenant's current catalog and rules (inside the caller's session). */
@ApplicationScoped
public class PricingService {

    static final int MAX_LINES = 200;
    static final long MAX_QUANTITY = 1_000_000;

    @Inject
    ProductRepository products;

    @Inject
    PricingRuleRepository rules;

    private final PricingEngine engine = new PricingEngine();

    /** Checks the shape of requested lines: 400 validation_failed listing every bad field. */
    public static void validate(List<RequestedLine> lines) {
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw ProblemException.validation("lines", "1 to " + MAX_LINES + " lines are required");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            RequestedLine l = lines.get(i);
            if (l == null) {
                errors.add(new FieldError("lines[" + i + "]", "must be an object"));
                continue;
            }
            if (l.sku() == null || l.sku().isBlank()) {
                errors.add(new FieldError("lines[" + i + "].sku", "required"));
            } else if (!seen.add(l.sku())) {
                errors.add(new FieldError("lines[" + i + "].sku", "appears twice; put the quantity on one line"));
            }
            if (l.quantity() == null || l.quantity() <= 0 || l.quantity() > MAX_QUANTITY) {
                errors.add(new FieldError("lines[" + i + "].quantity", "a whole number from 1 to " + MAX_QUANTITY));
            }
            if (l.discountPercent() != null && (l.discountPercent().signum() < 0
                    || l.discountPercent().compareTo(new java.math.BigDecimal(100)) > 0
                    || l.discountPercent().stripTrailingZeros().scale() > 2)) {
                errors.add(new FieldError("lines[" + i + "].discountPercent", "0 to 100 with at most 2 decimals"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    public Uni<PricedDocument> price(UUID tenant, CustomerStanding customer, List<RequestedLine> lines) {
        validate(lines);
        List<String> skus = lines.stream().map(RequestedLine::sku).toList();
        return products.findBySkus(tenant, skus).chain(found -> {
            Map<String, Product> bySku = found.stream().collect(Collectors.toMap(Product::sku, Function.identity()));
            List<String> unknown = skus.stream().filter(s -> !bySku.containsKey(s)).toList();
            if (!unknown.isEmpty()) {
                return Uni.createFrom().failure(new RuleViolation("unknown_sku", "No product with sku "
                        + String.join(", ", unknown)));
            }
            List<String> inactive = skus.stream().filter(s -> !bySku.get(s).active()).toList();
            if (!inactive.isEmpty()) {
                return Uni.createFrom().failure(new RuleViolation("product_inactive", "Not for sale: "
                        + String.join(", ", inactive)));
            }
            List<QuoteLine> quote = lines.stream().map(l -> new QuoteLine(bySku.get(l.sku()).price(), l.quantity(),
                    l.discountPercent())).toList();
            return rules.active(tenant).map(active -> engine.price(
                    new RuleConditions.Customer(customer.customerId(), Set.copyOf(customer.tags())), quote, active,
                    Instant.now()));
        });
    }
}
