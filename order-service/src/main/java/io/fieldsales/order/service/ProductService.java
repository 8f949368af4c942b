package io.fieldsales.order.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsales.order.domain.Money;
import io.fieldsales.order.domain.Product;
import io.fieldsales.order.domain.RuleViolation;
import io.fieldsales.order.repository.ProductRepository;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.db.DatabaseErrors;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The catalog: products with a unique sku per tenant, list price, currency, tax rate, tags. */
@ApplicationScoped
public class ProductService {

    @Inject
    ProductRepository products;

    /** The product fields a client sends (create or the result of a merge patch). */
    public record ProductFields(String sku, String name, BigDecimal unitPrice, String currency, BigDecimal taxRate,
            Boolean active, List<String> tags) {
    }

    public static Product validate(UUID id, ProductFields f, long version) {
        List<io.fieldsales.platform.errors.FieldError> errors = new ArrayList<>();
        if (f.sku() == null || !f.sku().matches("[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}")) {
            errors.add(new io.fieldsales.platform.errors.FieldError("sku", "1-64 letters, digits, '.', '_' or '-'"));
        }
        if (f.name() == null || f.name().isBlank() || f.name().length() > 200) {
            errors.add(new io.fieldsales.platform.errors.FieldError("name", "required, at most 200 characters"));
        }
        if (f.taxRate() == null || f.taxRate().signum() < 0 || f.taxRate().compareTo(BigDecimal.ONE) >= 0
                || f.taxRate().stripTrailingZeros().scale() > 6) {
            errors.add(new io.fieldsales.platform.errors.FieldError("taxRate",
                    "a fraction from 0 to below 1 (0.15 for 15 %), at most 6 decimals"));
        }
        List<String> tags = f.tags() == null ? List.of() : f.tags();
        if (tags.size() > 20 || tags.stream().anyMatch(t -> t == null || t.isBlank() || t.length() > 40)) {
            errors.add(new io.fieldsales.platform.errors.FieldError("tags", "at most 20 tags of 1-40 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        var currency = Money.currency(f.currency());
        Money.requireAmount("unitPrice", f.unitPrice(), currency);
        return new Product(id, f.sku(), f.name().strip(), f.unitPrice(), f.currency(), f.taxRate(),
                f.active() == null || f.active(), tags.stream().map(String::strip).distinct().toList(), version, null,
                null);
    }

    @WithTransaction
    public Uni<Product> create(Actor actor, ProductFields fields) {
        Product p = validate(UUID.randomUUID(), fields, 0);
        return products.insert(actor.tenantId(), p)
                .onFailure(t -> DatabaseErrors.uniqueViolation(t).isPresent())
                .transform(t -> new RuleViolation("duplicate_sku", "sku " + p.sku() + " already exists"));
    }

    @WithSession
    public Uni<Product> get(Actor actor, UUID id) {
        return products.find(actor.tenantId(), id).onItem().ifNull().failWith(() -> RuleProblems.notFound("product"));
    }

    @WithSession
    public Uni<List<Product>> list(Actor actor, String afterSku, String tag, Boolean active, int limit) {
        return products.list(actor.tenantId(), afterSku, tag, active, limit);
    }

    /** Applies a JSON merge patch (sku is immutable: stock and orders refer to it) if the version is current. */
    @WithTransaction
    public Uni<Product> patch(Actor actor, UUID id, long expectedVersion, JsonNode patch) {
        return get(actor, id).chain(current -> {
            if (current.version() != expectedVersion) {
                return Uni.createFrom().failure(new ProblemException(ErrorCode.VERSION_CONFLICT,
                        "The product was changed by someone else; fetch it again and retry"));
            }
            if (patch.has("sku") && !patch.get("sku").asText().equals(current.sku())) {
                return Uni.createFrom().failure(ProblemException.validation("sku", "cannot be changed"));
            }
            ProductFields merged = new ProductFields(current.sku(),
                    patch.has("name") ? patch.get("name").asText(null) : current.name(),
                    patch.has("unitPrice") ? decimal(patch.get("unitPrice"), "unitPrice") : current.unitPrice(),
                    patch.has("currency") ? patch.get("currency").asText(null) : current.currency(),
                    patch.has("taxRate") ? decimal(patch.get("taxRate"), "taxRate") : current.taxRate(),
                    patch.has("active") ? patch.get("active").asBoolean(true) : current.active(),
                    patch.has("tags") ? tags(patch.get("tags")) : current.tags());
            Product changed = validate(id, merged, current.version());
            return products.update(actor.tenantId(), changed, expectedVersion)
                    .onItem().ifNull().failWith(() -> new ProblemException(ErrorCode.VERSION_CONFLICT,
                            "The product was changed by someone else; fetch it again and retry"));
        });
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        if (n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw ProblemException.validation(field, "must be a number");
        }
        return n.decimalValue();
    }

    private static List<String> tags(JsonNode n) {
        if (n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw ProblemException.validation("tags", "must be an array of strings");
        }
        List<String> tags = new ArrayList<>();
        n.forEach(t -> tags.add(t.isTextual() ? t.asText() : null));
        return tags;
    }
}
