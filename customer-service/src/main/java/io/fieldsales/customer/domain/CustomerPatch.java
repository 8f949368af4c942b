package io.fieldsales.customer.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsales.platform.errors.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a JSON Merge Patch (RFC 7386) to a customer's fields: a member sets the field, {@code null} removes it,
 * an absent member leaves it; {@code address} is merged member by member, {@code tags} and {@code address.lines}
 * are replaced whole. Unknown members and wrong types are validation errors, not silently ignored.
 */
public final class CustomerPatch {

    private static final Set<String> FIELDS = Set.of("name", "email", "phone", "externalRef", "address", "tags");
    private static final Set<String> ADDRESS_FIELDS = Set.of("lines", "city", "postalCode", "country");

    private CustomerPatch() {
    }

    public static CustomerDetails apply(CustomerDetails current, JsonNode patch) {
        List<FieldError> errors = new ArrayList<>();
        if (patch == null || !patch.isObject()) {
            throw new CustomerValidationException(List.of(new FieldError("request",
                    "must be a JSON object (application/merge-patch+json)")));
        }
        for (Iterator<String> it = patch.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a field of a customer"));
            }
        }
        String name = text(patch, "name", current.name(), errors);
        String email = text(patch, "email", current.email(), errors);
        String phone = text(patch, "phone", current.phone(), errors);
        String externalRef = text(patch, "externalRef", current.externalRef(), errors);
        Address address = current.address();
        if (patch.has("address")) {
            JsonNode a = patch.get("address");
            if (a.isNull()) {
                address = Address.EMPTY;
            } else if (!a.isObject()) {
                errors.add(new FieldError("address", "must be an object or null"));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                    String f = it.next().getKey();
                    if (!ADDRESS_FIELDS.contains(f)) {
                        errors.add(new FieldError("address." + f, "is not a field of an address"));
                    }
                }
                address = new Address(
                        strings(a, "lines", "address.lines", address.lines(), errors),
                        text(a, "city", address.city(), "address.city", errors),
                        text(a, "postalCode", address.postalCode(), "address.postalCode", errors),
                        text(a, "country", address.country(), "address.country", errors));
            }
        }
        List<String> tags = strings(patch, "tags", "tags", current.tags(), errors);
        if (!errors.isEmpty()) {
            throw new CustomerValidationException(errors);
        }
        return new CustomerDetails(name, email, phone, externalRef, address, tags);
    }

    private static String text(JsonNode patch, String member, String current, List<FieldError> errors) {
        return text(patch, member, current, member, errors);
    }

    private static String text(JsonNode patch, String member, String current, String field, List<FieldError> errors) {
        if (!patch.has(member)) {
            return current;
        }
        JsonNode v = patch.get(member);
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(field, "must be a string or null"));
            return current;
        }
        return v.textValue();
    }

    private static List<String> strings(JsonNode patch, String member, String field, List<String> current,
            List<FieldError> errors) {
        if (!patch.has(member)) {
            return current;
        }
        JsonNode v = patch.get(member);
        if (v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            errors.add(new FieldError(field, "must be an array of strings or null"));
            return current;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a string"));
            } else {
                values.add(v.get(i).textValue());
            }
        }
        return values;
    }
}
