package io.fieldsales.customer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.domain.CustomerChanges;
import io.fieldsales.customer.domain.CustomerStatus;
import io.fieldsales.customer.domain.ImportCandidate;
import io.fieldsales.customer.domain.ImportChunkPlan;
import io.fieldsales.customer.events.CustomerCreated;
import io.fieldsales.customer.events.CustomerEventTypes;
import io.fieldsales.customer.events.CustomerSnapshot;
import io.fieldsales.customer.repository.CustomerBulkWriter;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.db.DatabaseRetryPolicy;
import io.fieldsales.platform.outbox.Outbox;
import io.fieldsales.platform.outbox.OutboxEvent;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one planned chunk of an import in one transaction: reserve the fresh rows' contacts, release what the
 * blocked rows got and read who owns their contacts, insert the created customers with their history and events.
 * A deadlock with a concurrent writer rolls the whole chunk back, and {@link DatabaseRetryPolicy} runs it again from
 * the same (immutable) plan: nothing of the failed attempt was committed.
 */
@ApplicationScoped
public class ImportChunkWriter {

    @Inject
    CustomerBulkWriter writer;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    /** The request's ids, captured before the import's stream leaves the request's context. */
    public record Trace(String requestId, String traceparent) {
    }

    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<ImportChunkPlan.Outcome> write(Actor actor, ImportChunkPlan plan, boolean dryRun, Trace trace) {
        UUID tenant = actor.tenantId();
        return writer.inChunkTransaction(dryRun, conn -> writer.reserveFree(conn, tenant, plan.claims())
                .map(plan::reserve)
                .chain(reservation -> writer.releaseAll(conn, tenant, reservation.blockedIds())
                        .chain(() -> writer.owners(conn, tenant, reservation.blockedContacts()))
                        .map(owners -> plan.settle(reservation, owners)))
                .call(outcome -> insertCreated(conn, actor, outcome.created(), trace)));
    }

    private Uni<Void> insertCreated(SqlConnection conn, Actor actor, List<ImportCandidate> created, Trace trace) {
        if (created.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = CustomerChanges.now();
        List<Customer> customers = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        List<String> history = new ArrayList<>();
        List<OutboxEvent> events = new ArrayList<>();
        for (ImportCandidate c : created) {
            Customer customer = new Customer();
            customer.id = c.newId();
            customer.tenantId = actor.tenantId();
            customer.apply(c.valid());
            customer.status = CustomerStatus.ACTIVE;
            customer.createdAt = now;
            customer.createdBy = actor.userId();
            customer.touch(actor.userId(), now);
            customers.add(customer);
            ids.add(customer.id);
            CustomerSnapshot snapshot = CustomerSnapshot.of(customer);
            history.add(toJson(Map.of("imported", snapshot)));
            events.add(new OutboxEvent(CustomerEventTypes.TOPIC, CustomerEventTypes.CREATED,
                    CustomerEventTypes.AGGREGATE, customer.id.toString(), actor.tenantId(), actor.userId(),
                    new CustomerCreated(snapshot)));
        }
        return writer.insertCustomers(conn, actor.tenantId(), actor.userId(), now, customers, json)
                .chain(() -> writer.insertHistory(conn, actor.tenantId(), actor.userId(), trace.requestId(), ids,
                        history))
                .chain(() -> outbox.appendAll(conn, events, trace.requestId(), trace.traceparent()));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
