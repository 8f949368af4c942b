package io.fieldsales.customer.domain;

/** A canonical contact value of some kind: the key of a reservation in {@code unique_contacts}. */
public record Contact(ContactKind kind, String canonicalValue) {
}
