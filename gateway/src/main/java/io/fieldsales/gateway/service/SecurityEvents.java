package io.fieldsales.gateway.service;

import io.fieldsales.gateway.events.SecurityEventTypes;
import io.fieldsales.platform.context.RequestIds;
import io.fieldsales.platform.outbox.Outbox;
import io.fieldsales.platform.outbox.OutboxEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Security events (login failures, lockouts, token reuse, authorization denials) on {@code security.events},
 * written through the outbox. Events that accompany no other change are written in their own transaction on a
 * fresh Vert.x context, so they never interfere with the session of the request that caused them.
 */
@ApplicationScoped
public class SecurityEvents {

    private static final Logger LOG = Logger.getLogger(SecurityEvents.class);

    @Inject
    Outbox outbox;

    @Inject
    Vertx vertx;

    public static OutboxEvent event(String type, String aggregateType, String aggregateId, UUID tenantId,
            String actorId, Object payload) {
        return new OutboxEvent(SecurityEventTypes.TOPIC, type, aggregateType, aggregateId, tenantId, actorId,
                payload);
    }

    /** Appends the event inside the caller's transaction. */
    public Uni<UUID> appendInTransaction(OutboxEvent event) {
        return outbox.append(event);
    }

    /** Writes the event in a transaction of its own; completes once committed (failures are logged, not thrown). */
    public Uni<Void> record(java.util.List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String requestId = RequestIds.current();
        Context caller = Vertx.currentContext();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().<Void>emitter(emitter -> context.runOnContext(ignored -> Panache
                .withTransaction(() -> appendAll(events, requestId))
                .subscribe().with(id -> resume(caller, () -> emitter.complete(null)), failure -> {
                    LOG.errorf("Cannot record security events %s: %s", events.stream().map(OutboxEvent::type).toList(),
                            failure.toString());
                    resume(caller, () -> emitter.complete(null));
                })));
    }

    public Uni<Void> record(OutboxEvent event) {
        return record(java.util.List.of(event));
    }

    private Uni<Void> appendAll(java.util.List<OutboxEvent> events, String requestId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OutboxEvent e : events) {
            chain = chain.chain(() -> outbox.append(e, requestId).replaceWithVoid());
        }
        return chain;
    }

    /** Continues on the caller's context, so its reactive chain (and session) stays where it was. */
    private static void resume(Context caller, Runnable action) {
        if (caller == null) {
            action.run();
        } else {
            caller.runOnContext(v -> action.run());
        }
    }
}
