package io.fieldsales.order.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsales.order.repository.CustomerProjectionRepository;
import io.fieldsales.platform.events.EventEnvelope;
import io.fieldsales.platform.events.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies customer-service's events to the local projection (inside the consumer's processOnce transaction):
 * created/updated/restored -> ACTIVE with name and tags; deleted -> DELETED; erased -> ERASED (name and tags
 * forgotten); merged -> the sources are MERGED into the survivor, which is ACTIVE.
 */
@ApplicationScoped
public class CustomerProjection {

    @Inject
    CustomerProjectionRepository projection;

    public Uni<Void> apply(EventEnvelope e) {
        UUID tenant = e.tenantId();
        JsonNode d = e.data();
        return switch (e.type()) {
            case "io.fieldsales.customer.created.v1", "io.fieldsales.customer.updated.v1",
                    "io.fieldsales.customer.restored.v1" -> active(tenant, d.path("customer"));
            case "io.fieldsales.customer.deleted.v1" ->
                    projection.setStatus(tenant, id(d, "customerId"), "DELETED", false);
            case "io.fieldsales.customer.erased.v1" -> {
                Uni<Void> chain = projection.setStatus(tenant, id(d, "customerId"), "ERASED", true);
                for (JsonNode other : d.path("alsoErased")) {
                    UUID otherId = uuid(other.asText());
                    chain = chain.chain(() -> projection.setStatus(tenant, otherId, "ERASED", true));
                }
                yield chain;
            }
            case "io.fieldsales.customer.merged.v1" -> {
                UUID survivor = id(d, "survivorId");
                Uni<Void> chain = active(tenant, d.path("survivor"));
                for (JsonNode source : d.path("sourceIds")) {
                    UUID sourceId = uuid(source.asText());
                    chain = chain.chain(() -> projection.upsert(tenant, sourceId, "MERGED", null, List.of(), survivor));
                }
                yield chain;
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> active(UUID tenant, JsonNode c) {
        List<String> tags = new ArrayList<>();
        c.path("tags").forEach(t -> tags.add(t.asText()));
        String status = c.path("status").asText("ACTIVE");
        return projection.upsert(tenant, id(c, "id"), "MERGED".equals(status) ? "MERGED" : "ACTIVE",
                c.path("name").isTextual() ? c.path("name").asText() : null, tags,
                c.path("mergedInto").isTextual() ? uuid(c.path("mergedInto").asText()) : null);
    }

    private static UUID id(JsonNode d, String field) {
        if (!d.path(field).isTextual()) {
            throw new PoisonEventException("customer event without " + field);
        }
        return uuid(d.path(field).asText());
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("not a UUID: " + s.substring(0, Math.min(40, s.length())));
        }
    }
}
