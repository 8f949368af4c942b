package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/**
 * When a pricing rule applies: every condition that is set must hold (an empty set or null means "any").
 * Sets match when they share at least one element with the customer's or product's.
 */
public record RuleConditions(Set<UUID> customerIds, Set<String> customerTags, Set<String> skus,
        Set<String> productTags, Long minQuantity, BigDecimal minOrderTotal) {

    public RuleConditions {
        customerIds = customerIds == null ? Set.of() : Set.copyOf(customerIds);
        customerTags = customerTags == null ? Set.of() : Set.copyOf(customerTags);
        skus = skus == null ? Set.of() : Set.copyOf(skus);
        productTags = productTags == null ? Set.of() : Set.copyOf(productTags);
    }

    public static RuleConditions any() {
        return new RuleConditions(null, null, null, null, null, null);
    }

    /** How many conditions are set: the more, the more specific the rule (the second tie-breaker). */
    public int specificity() {
        int n = 0;
        n += customerIds.isEmpty() ? 0 : 1;
        n += customerTags.isEmpty() ? 0 : 1;
        n += skus.isEmpty() ? 0 : 1;
        n += productTags.isEmpty() ? 0 : 1;
        n += minQuantity == null ? 0 : 1;
        n += minOrderTotal == null ? 0 : 1;
        return n;
    }

    /** Whether a line of a document matches. {@code documentListTotal} is the document at list prices. */
    public boolean matches(Customer customer, ProductPrice product, long quantity, BigDecimal documentListTotal) {
        return (customerIds.isEmpty() || customerIds.contains(customer.id()))
                && (customerTags.isEmpty() || intersects(customerTags, customer.tags()))
                && (skus.isEmpty() || skus.contains(product.sku()))
                && (productTags.isEmpty() || intersects(productTags, product.tags()))
                && (minQuantity == null || quantity >= minQuantity)
                && (minOrderTotal == null || documentListTotal.compareTo(minOrderTotal) >= 0);
    }

    private static boolean intersects(Set<String> wanted, Set<String> present) {
        for (String w : wanted) {
            if (present.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The customer as pricing sees it. */
    public record Customer(UUID id, Set<String> tags) {
        public Customer {
            tags = tags == null ? Set.of() : Set.copyOf(tags);
        }
    }
}
