package io.fieldsales.platform.kittest;

import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.outbox.Outbox;
import io.fieldsales.platform.outbox.OutboxEvent;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

@ApplicationScoped
public class WidgetService {

    static final String TOPIC = "widget.events";

    @Inject
    Outbox outbox;

    @WithTransaction
    public Uni<Widget> create(Actor actor, WidgetRequest request, boolean failAfterWrite) {
        Widget w = new Widget();
        w.id = UUID.randomUUID();
        w.tenantId = actor.tenantId();
        w.name = request.name();
        return w.<Widget>persist().call(Widget::flush)
                .call(saved -> outbox.append(event("io.fieldsales.kit.widget.created.v1", actor, saved)))
                .invoke(saved -> {
                    if (failAfterWrite) {
                        throw new IllegalStateException("failing after the write, on purpose");
                    }
                });
    }

    @WithTransaction
    public Uni<Widget> rename(Actor actor, UUID id, long expectedVersion, WidgetRequest request) {
        return Widget.<Widget>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No widget " + id))
                .invoke(w -> {
                    if (!w.tenantId.equals(actor.tenantId())) {
                        throw ProblemException.notFound("No widget " + id);
                    }
                    if (w.version != expectedVersion) {
                        throw new jakarta.persistence.OptimisticLockException("stale");
                    }
                    w.name = request.name();
                })
                .call(Widget::flush)
                .call(w -> outbox.append(event("io.fieldsales.kit.widget.renamed.v1", actor, w)));
    }

    @WithSession
    public Uni<Widget> find(Actor actor, UUID id) {
        return Widget.<Widget>findById(id)
                .map(w -> w != null && w.tenantId.equals(actor.tenantId()) ? w : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No widget " + id));
    }

    /** Erasure of a widget's events in the outbox (the kit's redaction, in the caller's transaction). */
    @WithTransaction
    public Uni<Integer> redactEvents(UUID id) {
        return outbox.redact("widget", java.util.List.of(id.toString()));
    }

    private static OutboxEvent event(String type, Actor actor, Widget w) {
        return new OutboxEvent(TOPIC, type, "widget", w.id.toString(), actor.tenantId(), actor.userId(),
                new WidgetChanged(w.id, w.name, w.version));
    }
}
