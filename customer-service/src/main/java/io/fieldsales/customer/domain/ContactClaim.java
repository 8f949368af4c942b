package io.fieldsales.customer.domain;

import java.util.UUID;

/** A contact to reserve for a customer (a row of {@code unique_contacts}). */
public record ContactClaim(Contact contact, UUID customerId) {
}
