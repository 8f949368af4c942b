package io.fieldsales.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * THE one place that says which fields of which event type hold personal data, and whose data each one is (the
 * subject whose key encrypts it in the trail, and whose erasure shreds it).
 *
 * <p>Declared types follow the published shapes in {@code docs/events/asyncapi.yaml} (this service never depends
 * on the producers' code): a merge event carries the survivor's snapshot (the survivor's data), the contacts that
 * moved ({@code movedContacts[].value}: the data of {@code fromCustomerId}) and the conflicts
 * ({@code survivorValue}: the survivor's, {@code sourceValue}: the source's). A type that is not declared (order,
 * cash and future types until they are declared here) falls back to the field-name rule: every member named like
 * personal data ({@link #PERSONAL_NAMES}, at any depth) belongs to the event's default subject
 * ({@link NewAuditEvent#personalDataSubject()}). The rule also covers what a declared type holds outside its
 * declarations (a field a producer added), except members declared clear ({@link #CLEAR}).
 */
public final class PersonalDataCatalog {

    /** Members of a customer snapshot that identify the person. */
    static final Set<String> SNAPSHOT_FIELDS = Set.of("name", "email", "phone", "externalRef", "address");

    /** The field-name rule for undeclared types, compared without case, dashes or underscores. */
    public static final Set<String> PERSONAL_NAMES = Set.of("name", "firstname", "lastname", "fullname",
            "displayname", "contactname", "email", "contactemail", "phone", "contactphone", "mobile", "msisdn",
            "address", "billingaddress", "shippingaddress", "deliveryaddress", "lines", "externalref", "username",
            "upn", "ipaddress", "clientip", "ip", "useragent", "nationalid", "taxnumber", "dateofbirth", "notes");

    /**
     * In every object at {@code container} (dot path from the data's root, {@code []} = each element of an array;
     * empty = the root), the members {@code fields} are personal data of subject {@code subjectKind:<id>}, where the
     * id is the member {@code subjectField} of that same object ({@code inElement}), or of the root, or the
     * event's subject ({@code subjectField == null}). Without an id the event's default subject applies.
     */
    public record Declaration(String container, Set<String> fields, String subjectKind, String subjectField,
            boolean inElement) {
    }

    /** A personal value found in an event's data: the object holding it, its member name, and its subject. */
    public record PersonalValue(ObjectNode holder, String field, String subject) {

        public JsonNode value() {
            return holder.get(field);
        }
    }

    private static final List<Declaration> SNAPSHOT = List.of(
            new Declaration("customer", SNAPSHOT_FIELDS, "customer", null, false));

    static final Map<String, List<Declaration>> DECLARED = Map.ofEntries(
            // customer-service (customer.events)
            Map.entry("io.fieldsales.customer.created.v1", SNAPSHOT),
            Map.entry("io.fieldsales.customer.updated.v1", SNAPSHOT),
            Map.entry("io.fieldsales.customer.restored.v1", SNAPSHOT),
            Map.entry("io.fieldsales.customer.deleted.v1", List.of()),
            Map.entry("io.fieldsales.customer.erased.v1", List.of()),
            Map.entry("io.fieldsales.customer.merged.v1", List.of(
                    new Declaration("survivor", SNAPSHOT_FIELDS, "customer", "survivorId", false),
                    new Declaration("movedContacts[]", Set.of("value"), "customer", "fromCustomerId", true),
                    new Declaration("conflicts[]", Set.of("survivorValue"), "customer", "survivorId", false),
                    new Declaration("conflicts[]", Set.of("sourceValue"), "customer", "sourceId", true))),
            // gateway (security.events): the person is the user when known, else the account named in ce_subject
            Map.entry("io.fieldsales.gateway.login.failed.v1", List.of(
                    new Declaration("", Set.of("username", "clientIp"), "user", "userId", true))),
            Map.entry("io.fieldsales.gateway.account.locked.v1", List.of(
                    new Declaration("", Set.of("username", "clientIp"), "user", "userId", true))),
            Map.entry("io.fieldsales.gateway.refresh_token.reused.v1", List.of(
                    new Declaration("", Set.of("clientIp"), "user", "userId", true))),
            Map.entry("io.fieldsales.gateway.access.denied.v1", List.of(
                    new Declaration("", Set.of("clientIp"), "user", "userId", true))));

    /** Root members of declared types that hold no personal data although their keys may look so. */
    static final Map<String, Set<String>> CLEAR = Map.of(
            // field name -> id of the source that filled it
            "io.fieldsales.customer.merged.v1", Set.of("filledFields"));

    private PersonalDataCatalog() {
    }

    /** The declarations of a type, or null when it is not declared (then the field-name rule applies). */
    public static List<Declaration> declarations(String type) {
        return DECLARED.get(type);
    }

    public static boolean declared(String type) {
        return DECLARED.containsKey(type);
    }

    /** Whether a member name is personal under the field-name rule. */
    public static boolean personalName(String field) {
        return PERSONAL_NAMES.contains(field.replace("_", "").replace("-", "").toLowerCase());
    }

    /**
     * Every non-null personal value of the event inside {@code data} (the caller's copy of the event's data, which
     * it may then rewrite in place), each with its subject.
     */
    public static List<PersonalValue> locate(NewAuditEvent event, JsonNode data) {
        List<PersonalValue> found = new ArrayList<>();
        if (data == null || !data.isObject()) {
            return found;
        }
        List<Declaration> declarations = DECLARED.getOrDefault(event.type(), List.of());
        Map<ObjectNode, Set<String>> located = new IdentityHashMap<>();
        for (Declaration d : declarations) {
            for (ObjectNode holder : containers(data, d.container())) {
                String subject = subject(event, (ObjectNode) data, holder, d);
                for (String field : d.fields()) {
                    JsonNode v = holder.get(field);
                    if (v != null && !v.isNull()) {
                        found.add(new PersonalValue(holder, field, subject));
                        located.computeIfAbsent(holder, h -> new HashSet<>()).add(field);
                    }
                }
            }
        }
        // Defense in depth: whatever else is named like personal data (an undeclared type, or a field a producer
        // added to a declared one) belongs to the event's default subject, except members declared clear.
        Set<String> clear = CLEAR.getOrDefault(event.type(), Set.of());
        clear.forEach(member -> located.computeIfAbsent((ObjectNode) data, h -> new HashSet<>()).add(member));
        byName(data, event.personalDataSubject(), located, found);
        return found;
    }

    private static String subject(NewAuditEvent event, ObjectNode root, ObjectNode holder, Declaration d) {
        if (d.subjectField() == null) {
            return event.entityId() == null ? event.personalDataSubject() : d.subjectKind() + ":" + event.entityId();
        }
        JsonNode id = (d.inElement() ? holder : root).get(d.subjectField());
        if (id != null && id.isTextual() && !id.asText().isBlank() && id.asText().length() <= 100) {
            return d.subjectKind() + ":" + id.asText();
        }
        return event.personalDataSubject();
    }

    /** The objects at a dot path ({@code a.b[]}); the root for an empty path. */
    static List<ObjectNode> containers(JsonNode root, String path) {
        List<JsonNode> current = List.of(root);
        if (!path.isEmpty()) {
            for (String segment : path.split("\\.")) {
                boolean each = segment.endsWith("[]");
                String name = each ? segment.substring(0, segment.length() - 2) : segment;
                List<JsonNode> next = new ArrayList<>();
                for (JsonNode node : current) {
                    JsonNode child = node.get(name);
                    if (child == null) {
                        continue;
                    }
                    if (each && child instanceof ArrayNode array) {
                        array.forEach(next::add);
                    } else if (!each) {
                        next.add(child);
                    }
                }
                current = next;
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        current.forEach(n -> {
            if (n instanceof ObjectNode o) {
                objects.add(o);
            }
        });
        return objects;
    }

    private static void byName(JsonNode node, String subject, Map<ObjectNode, Set<String>> located,
            List<PersonalValue> found) {
        if (node instanceof ArrayNode array) {
            array.forEach(child -> byName(child, subject, located, found));
        } else if (node instanceof ObjectNode object) {
            Set<String> skip = located.getOrDefault(object, Set.of());
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (skip.contains(f.getKey())) {
                    continue;
                }
                if (personalName(f.getKey()) && !f.getValue().isNull()) {
                    found.add(new PersonalValue(object, f.getKey(), subject));
                } else {
                    byName(f.getValue(), subject, located, found);
                }
            }
        }
    }
}
