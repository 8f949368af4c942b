package io.fieldsales.customer.domain;

import java.util.UUID;

/** What became of one valid import row: created, resolved to the customer owning its contact, or neither. */
public record ImportRowOutcome(int row, Kind kind, UUID customerId) {

    public enum Kind {
        /** A new customer with {@code customerId}. */
        CREATED,
        /** Its contact belongs to {@code customerId} (an existing customer, or an earlier row of the file). */
        RESOLVED,
        /** Its contact was released between our reservation and our read: importing the row again creates it. */
        OWNER_CHANGED
    }

    static ImportRowOutcome resolvedTo(int row, UUID owner) {
        return owner == null ? new ImportRowOutcome(row, Kind.OWNER_CHANGED, null)
                : new ImportRowOutcome(row, Kind.RESOLVED, owner);
    }
}
