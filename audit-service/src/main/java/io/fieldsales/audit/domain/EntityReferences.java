package io.fieldsales.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The other records an event's data points at, as {@code type:id} (an order's {@code customerId} ->
 * {@code customer:<id>}, a payment's {@code orderIds} -> {@code order:<id>}...), so that the timeline of a record
 * finds the events of the records around it.
 */
public final class EntityReferences {

    static final int MAX_REFS = 50;
    static final int MAX_DEPTH = 4;
    private static final Set<String> NOT_ENTITIES = Set.of("tenant", "actor", "request", "event", "trace", "user",
            "idempotency", "correlation", "causation", "key");
    /** Customer fields that name other customers without an "Id" suffix. */
    private static final Map<String, String> ALIASES = Map.of("mergedInto", "customer", "sourceIds", "customer",
            "survivorId", "customer", "duplicateOf", "customer");

    private EntityReferences() {
    }

    public static List<String> of(JsonNode data, String entityType, String entityId) {
        Set<String> refs = new LinkedHashSet<>();
        collect(data, 0, refs);
        if (entityType != null && entityId != null) {
            refs.remove(entityType + ":" + entityId);
        }
        return new ArrayList<>(refs);
    }

    private static void collect(JsonNode node, int depth, Set<String> refs) {
        if (node == null || depth > MAX_DEPTH || refs.size() >= MAX_REFS) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, depth + 1, refs));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext() && refs.size() < MAX_REFS) {
            Map.Entry<String, JsonNode> f = fields.next();
            String type = referencedType(f.getKey());
            if (type != null) {
                JsonNode v = f.getValue();
                if (v.isTextual()) {
                    add(refs, type, v.asText());
                } else if (v.isArray()) {
                    v.forEach(item -> {
                        if (item.isTextual()) {
                            add(refs, type, item.asText());
                        }
                    });
                }
            } else {
                collect(f.getValue(), depth + 1, refs);
            }
        }
    }

    private static void add(Set<String> refs, String type, String id) {
        if (!id.isBlank() && id.length() <= 100 && refs.size() < MAX_REFS) {
            refs.add(type + ":" + id);
        }
    }

    /** customerId -> customer, cashSessionIds -> cash-session, mergedInto -> customer; null if not a reference. */
    static String referencedType(String key) {
        String alias = ALIASES.get(key);
        if (alias != null) {
            return alias;
        }
        String stem;
        if (key.endsWith("Ids") && key.length() > 3) {
            stem = key.substring(0, key.length() - 3);
        } else if (key.endsWith("Id") && key.length() > 2) {
            stem = key.substring(0, key.length() - 2);
        } else {
            return null;
        }
        if (!Character.isLowerCase(stem.charAt(0))) {
            return null;
        }
        String kebab = stem.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
        return NOT_ENTITIES.contains(kebab) ? null : kebab;
    }
}
