package io.fieldsales.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.platform.context.RequestIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Writes domain events into the service's {@code outbox} table inside the caller's Hibernate Reactive
 * transaction, so an event exists if and only if the change it describes committed. The
 * {@link OutboxRelay} publishes it to Kafka.
 *
 * <p>Call it after the aggregate's row was written in the same transaction: the row lock then orders the
 * events of one aggregate the same way as their commits.
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT = "insert into outbox (id, tenant_id, aggregate_type, aggregate_id, event_type, topic,"
            + " payload, actor_id, request_id, traceparent) values (?1, cast(?2 as uuid), ?3, ?4, ?5, ?6,"
            + " cast(cast(?7 as text) as jsonb), cast(?8 as text), cast(?9 as text), cast(?10 as text))";

    @Inject
    ObjectMapper json;

    /** Appends an event in the current transaction; the request id and trace context come from the request. */
    public Uni<UUID> append(OutboxEvent event) {
        return append(event, RequestIds.current());
    }

    /** Appends an event carrying a given request id (e.g. the one of the event a consumer is reacting to). */
    public Uni<UUID> append(OutboxEvent event, String requestId) {
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event payload is not serializable", e));
        }
        String traceparent = RequestIds.currentTraceparent();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, id)
                .setParameter(2, event.tenantId() == null ? null : event.tenantId().toString())
                .setParameter(3, event.aggregateType())
                .setParameter(4, event.aggregateId())
                .setParameter(5, event.type())
                .setParameter(6, event.topic())
                .setParameter(7, payload)
                .setParameter(8, event.actorId())
                .setParameter(9, requestId)
                .setParameter(10, traceparent)
                .executeUpdate())
                .replaceWith(id);
    }
}
