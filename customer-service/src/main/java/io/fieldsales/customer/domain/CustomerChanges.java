package io.fieldsales.customer.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** What a customer's history records: the person-given fields, and the {from, to} of those that changed. */
public final class CustomerChanges {

    private CustomerChanges() {
    }

    /** The person-given fields as history records them. */
    public static Map<String, Object> snapshot(Customer c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", c.name);
        s.put("email", c.email);
        s.put("phone", c.phone);
        s.put("externalRef", c.externalRef);
        s.put("address", c.address().isEmpty() ? null : c.address());
        s.put("tags", c.tagList());
        return s;
    }

    /**
     * The fields whose values differ between two snapshots, each as {@link #change}; values are compared after
     * {@code normalized} (e.g. as JSON trees, so an address record equals its map form).
     */
    public static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after,
            UnaryOperator<Object> normalized) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : after.entrySet()) {
            Object old = before.get(e.getKey());
            if (!Objects.equals(normalized.apply(old), normalized.apply(e.getValue()))) {
                changes.put(e.getKey(), change(old, e.getValue()));
            }
        }
        return changes;
    }

    public static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        return m;
    }

    /** Now, as PostgreSQL stores it (microseconds): what we return then equals what a later read returns. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
