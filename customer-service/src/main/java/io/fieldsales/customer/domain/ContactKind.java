package io.fieldsales.customer.domain;

import java.util.Locale;

/** The kinds of contact a customer is identified by; each canonical value has exactly one owner per tenant. */
public enum ContactKind {
    EMAIL, PHONE;

    /** The value stored in {@code unique_contacts.kind}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContactKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
