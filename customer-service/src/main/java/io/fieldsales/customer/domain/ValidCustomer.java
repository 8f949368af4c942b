package io.fieldsales.customer.domain;

import java.util.List;

/**
 * Customer fields that passed {@link CustomerValidator}: trimmed, within bounds, free of control characters, with
 * the canonical contacts derived from them (null where the contact is absent).
 */
public record ValidCustomer(String name, String email, CanonicalEmail canonicalEmail, String phone,
        CanonicalPhone canonicalPhone, String externalRef, Address address, List<String> tags) {

    public ValidCustomer {
        tags = List.copyOf(tags);
    }

    /** The contacts this customer must own in {@code unique_contacts}. */
    public List<Contact> contacts() {
        if (canonicalEmail != null && canonicalPhone != null) {
            return List.of(new Contact(ContactKind.EMAIL, canonicalEmail.value()),
                    new Contact(ContactKind.PHONE, canonicalPhone.e164()));
        }
        if (canonicalEmail != null) {
            return List.of(new Contact(ContactKind.EMAIL, canonicalEmail.value()));
        }
        return canonicalPhone == null ? List.of() : List.of(new Contact(ContactKind.PHONE, canonicalPhone.e164()));
    }
}
