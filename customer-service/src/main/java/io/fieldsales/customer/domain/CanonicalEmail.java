package io.fieldsales.customer.domain;

/**
 * An email address in the form that identifies its owner: trimmed and lower-cased, nothing else (no
 * provider-specific rewriting such as dropping dots or "+tags").
 *
 * @param value     the canonical address, e.g. {@code thandi.nkosi@example.co.za}
 * @param localPart the part before the {@code @}: the same local part at another domain hints at a duplicate
 */
public record CanonicalEmail(String value, String localPart) {
}
