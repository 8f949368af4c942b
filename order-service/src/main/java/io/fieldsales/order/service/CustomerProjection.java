package io.fieldsales.order.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsales.order.repository.CustomerProjectionRepository;
import io.fieldsales.order.repository.CustomerProjectionRepository.ProjectedCustomer;
import io.fieldsales.platform.events.EventEnvelope;
import io.fieldsales.platform.events.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies customer-service's events to the local projection (inside the consumer's processOnce transaction):
 * created/updated/restored -> ACTIVE with name and tags; deleted -> DELETED; erased -> ERASED (name and tags
 * forgotten); merged -> the sources are MERGED into the survivor, which is ACTIVE.
 */
@ApplicationScoped
public class CustomerProjection {

    /** The events that carry the customer's whole snapshot. */
    private static final Set<String> ACTIVE_TYPES = Set.of("io.fieldsales.customer.created.v1",
            "io.fieldsales.customer.updated.v1", "io.fieldsales.customer.restored.v1");

    @Inject
    CustomerProjectionRepository projection;

    public Uni<Void> apply(EventEnvelope e) {
        ProjectedCustomer snapshot = snapshotOf(e);
        if (snapshot != null) {
            return projection.upsertAll(List.of(snapshot));
        }
        UUID tenant = e.tenantId();
        JsonNode d = e.data();
        return switch (e.type()) {
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
                    chain = chain.chain(() -> projection.upsertAll(List.of(new ProjectedCustomer(tenant, sourceId,
                            "MERGED", null, List.of(), survivor))));
                }
                yield chain;
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    /**
     * The events of a batch in their order, with each run of created/updated/restored events of distinct customers
     * written as one statement ({@link CustomerProjectionRepository#upsertAll}): a bulk import's thousands of
     * created events take a few statements, not one each. Any other event, or a customer a run already holds, ends
     * the run, so every customer's events still apply in order.
     */
    public Uni<Void> applyAll(List<EventEnvelope> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<ProjectedCustomer> run = new ArrayList<>();
        Set<List<UUID>> inRun = new HashSet<>();
        for (EventEnvelope e : events) {
            ProjectedCustomer snapshot = snapshotOf(e);
            if (snapshot == null || inRun.contains(List.of(snapshot.tenant(), snapshot.id()))) {
                chain = written(chain, run);
                run = new ArrayList<>();
                inRun = new HashSet<>();
            }
            if (snapshot == null) {
                chain = chain.chain(() -> apply(e));
            } else {
                run.add(snapshot);
                inRun.add(List.of(snapshot.tenant(), snapshot.id()));
            }
        }
        return written(chain, run);
    }

    private Uni<Void> written(Uni<Void> chain, List<ProjectedCustomer> run) {
        return run.isEmpty() ? chain : chain.chain(() -> projection.upsertAll(run));
    }

    private Uni<Void> active(UUID tenant, JsonNode c) {
        return projection.upsertAll(List.of(snapshot(tenant, c)));
    }

    /** The snapshot a created/updated/restored event carries, or null for any other event. */
    private static ProjectedCustomer snapshotOf(EventEnvelope e) {
        return ACTIVE_TYPES.contains(e.type()) ? snapshot(e.tenantId(), e.data().path("customer")) : null;
    }

    /** What a customer snapshot of an event (created, updated, restored, a merge's survivor) says. */
    private static ProjectedCustomer snapshot(UUID tenant, JsonNode c) {
        List<String> tags = new ArrayList<>();
        c.path("tags").forEach(t -> tags.add(t.asText()));
        String status = c.path("status").asText("ACTIVE");
        return new ProjectedCustomer(tenant, id(c, "id"), "MERGED".equals(status) ? "MERGED" : "ACTIVE",
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
