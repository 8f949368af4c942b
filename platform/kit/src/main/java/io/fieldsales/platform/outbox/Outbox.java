package io.fieldsales.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.platform.context.RequestIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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

    static final String INSERT_ALL = "insert into outbox (id, tenant_id, aggregate_type, aggregate_id, event_type,"
            + " topic, payload, actor_id, request_id, traceparent) select t.id, t.tenant_id, t.aggregate_type,"
            + " t.aggregate_id, t.event_type, t.topic, t.payload::jsonb, t.actor_id, $9::text, $10::text"
            + " from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],"
            + " $8::text[]) with ordinality as t(id, tenant_id, aggregate_type, aggregate_id, event_type, topic,"
            + " payload, actor_id, n) order by n";

    static final String REDACT = "update outbox set payload = '{\"redacted\":true}'"
            + " where aggregate_type = ?1 and aggregate_id = any(?2)";

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
            payload = serialize(event);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
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

    /**
     * Appends events, in order, with one statement on the reactive client's connection, for code that works on
     * the raw pool rather than in a Hibernate Reactive session (bulk imports, the audit trail). Call it inside that
     * connection's transaction, after the rows the events describe.
     */
    public Uni<Void> appendAll(SqlClient connection, List<OutboxEvent> events, String requestId, String traceparent) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        UUID[] tenants = new UUID[n];
        String[][] text = new String[6][n];
        for (int i = 0; i < n; i++) {
            OutboxEvent e = events.get(i);
            ids[i] = UUID.randomUUID();
            tenants[i] = e.tenantId();
            text[0][i] = e.aggregateType();
            text[1][i] = e.aggregateId();
            text[2][i] = e.type();
            text[3][i] = e.topic();
            try {
                text[4][i] = serialize(e);
            } catch (IllegalArgumentException failure) {
                return Uni.createFrom().failure(failure);
            }
            text[5][i] = e.actorId();
        }
        return connection.preparedQuery(INSERT_ALL)
                .execute(Tuple.from(Arrays.asList(ids, tenants, text[0], text[1], text[2], text[3], text[4], text[5],
                        requestId, traceparent)))
                .replaceWithVoid();
    }

    /**
     * Erasure: replaces the payload of every event of these aggregates still held in the outbox, sent or not yet
     * sent, with {@code {"redacted":true}}, in the caller's Hibernate Reactive transaction (the one that erases
     * the aggregates). Events not yet sent are still published, redacted. Returns how many events were redacted.
     */
    public Uni<Integer> redact(String aggregateType, Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(REDACT)
                .setParameter(1, aggregateType)
                .setParameter(2, aggregateIds.toArray(String[]::new))
                .executeUpdate());
    }

    private String serialize(OutboxEvent event) {
        try {
            return json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serializable", e);
        }
    }
}
