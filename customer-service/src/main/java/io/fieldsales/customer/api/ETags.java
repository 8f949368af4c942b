package io.fieldsales.customer.api;

import io.fieldsales.customer.domain.Customer;
import jakarta.ws.rs.core.EntityTag;

/** ETags are the customer's version: {@code "3"}. If-Match accepts {@code "3"}, {@code W/"3"}, {@code 3} or {@code *}. */
final class ETags {

    /** Marks an If-Match that matches any version. */
    static final long ANY = -1;
    /** Marks an If-Match that cannot match any version (not a version number). */
    static final long NEVER = -2;

    private ETags() {
    }

    static EntityTag of(Customer c) {
        return new EntityTag(Long.toString(c.version));
    }

    /** The version an If-Match header names, {@link #ANY} for {@code *}, {@link #NEVER} if unreadable. */
    static long expectedVersion(String ifMatch) {
        String v = ifMatch.strip();
        if (v.equals("*")) {
            return ANY;
        }
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            long version = Long.parseLong(v);
            return version < 0 ? NEVER : version;
        } catch (NumberFormatException e) {
            return NEVER;
        }
    }
}
