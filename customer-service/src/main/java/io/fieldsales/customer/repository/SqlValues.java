package io.fieldsales.customer.repository;

import java.util.UUID;

/** Converts the values native queries return, whose Java types depend on the driver, to ours. */
final class SqlValues {

    private SqlValues() {
    }

    static UUID uuid(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
