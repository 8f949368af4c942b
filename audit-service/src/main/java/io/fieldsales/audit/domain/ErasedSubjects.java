package io.fieldsales.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeSet;

/**
 * The subjects whose data keys an event destroys: a {@code customer.erased} event erases the customer and every
 * customer merged into it ({@code alsoErased}), whose contacts and conflicting values sit in merge events under
 * their own keys. In subject order (the order appends take keys in).
 */
public final class ErasedSubjects {

    static final int MAX = 1000;

    private ErasedSubjects() {
    }

    public static List<String> of(NewAuditEvent e) {
        TreeSet<String> subjects = new TreeSet<>();
        if (!EventTypes.CUSTOMER_ERASED.equals(e.type())) {
            return List.of();
        }
        if (e.entityId() != null && !e.entityId().isBlank()) {
            subjects.add("customer:" + e.entityId());
        }
        JsonNode data = e.data();
        JsonNode customer = data == null ? null : data.get("customerId");
        if (customer != null && customer.isTextual() && !customer.asText().isBlank()) {
            subjects.add("customer:" + customer.asText());
        }
        JsonNode also = data == null ? null : data.get("alsoErased");
        if (also != null && also.isArray()) {
            for (JsonNode id : also) {
                if (id.isTextual() && !id.asText().isBlank() && id.asText().length() <= 100 && subjects.size() < MAX) {
                    subjects.add("customer:" + id.asText());
                }
            }
        }
        return List.copyOf(subjects);
    }
}
