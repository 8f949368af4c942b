package io.fieldsales.audit.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which CloudEvents types the trail accepts on which topic, and the entity type each one is about.
 * Types follow {@code io.fieldsales.<service>[.<entity>].<past-tense-verb>.v<N>}; customer.events carries exactly
 * the customer-service's six types. Anything else is an unknown schema: it goes to the dead-letter topic.
 */
public final class EventTypes {

    static final Pattern SHAPE = Pattern.compile("io\\.fieldsales(\\.[a-z][a-z0-9_-]*){2,4}\\.v[1-9][0-9]{0,2}");

    static final Set<String> CUSTOMER_TYPES = Set.of(
            "io.fieldsales.customer.created.v1", "io.fieldsales.customer.updated.v1",
            "io.fieldsales.customer.deleted.v1", "io.fieldsales.customer.restored.v1",
            "io.fieldsales.customer.merged.v1", "io.fieldsales.customer.erased.v1");

    public static final String CUSTOMER_ERASED = "io.fieldsales.customer.erased.v1";

    /** The type prefixes each topic may carry. */
    static final Map<String, List<String>> PREFIXES = Map.of(
            "customer.events", List.of("io.fieldsales.customer."),
            "order.events", List.of("io.fieldsales.order."),
            "cash.events", List.of("io.fieldsales.cash."),
            "security.events", List.of("io.fieldsales.security.", "io.fieldsales.gateway.", "io.fieldsales.identity."));

    /**
     * The one service allowed to publish on each topic: its CloudEvents source ({@code ce_source}, which the
     * platform's outbox sets to the service's {@code quarkus.application.name}). A record whose source does not own
     * its topic is rejected; Kafka ACLs (per-service principals, see docs/security.md) make the source claim hold.
     */
    static final Map<String, String> OWNERS = Map.of(
            "customer.events", "customer-service",
            "order.events", "order-service",
            "cash.events", "cash-service",
            "security.events", "gateway");

    /** The topic whose events may carry no tenant (they go to the platform chain). */
    public static final String SECURITY_TOPIC = "security.events";

    private EventTypes() {
    }

    /** The source that owns the topic, or null for a topic the trail does not read. */
    public static String owner(String topic) {
        return OWNERS.get(topic);
    }

    /** Whether {@code source} may publish on {@code topic}. */
    public static boolean ownedBy(String topic, String source) {
        return source != null && source.equals(OWNERS.get(topic));
    }

    /** Whether the type is a known schema on that topic. */
    public static boolean accepted(String topic, String type) {
        if (type == null || !SHAPE.matcher(type).matches()) {
            return false;
        }
        if ("customer.events".equals(topic)) {
            return CUSTOMER_TYPES.contains(type);
        }
        List<String> prefixes = PREFIXES.get(topic);
        return prefixes != null && prefixes.stream().anyMatch(type::startsWith);
    }

    /**
     * The entity an event is about: the segment before the verb when the type names one
     * ({@code io.fieldsales.cash.cash-session.closed.v1} -> cash-session), else the service
     * ({@code io.fieldsales.customer.created.v1} -> customer).
     */
    public static String entityType(String type) {
        String[] s = type.split("\\.");
        // io, fieldsales, service, [entity...], verb, vN
        return s.length <= 5 ? s[2] : s[s.length - 3];
    }
}
