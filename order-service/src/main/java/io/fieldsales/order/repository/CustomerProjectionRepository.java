package io.fieldsales.order.repository;

import static io.fieldsales.order.repository.SqlValues.*;

import io.fieldsales.order.domain.CustomerStanding;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The local projection of customers ({@code customer_projection}). */
@ApplicationScoped
public class CustomerProjectionRepository {

    @Inject
    Sql sql;

    public Uni<CustomerStanding> find(UUID tenant, UUID id) {
        return sql.row("select customer_id, status, name, cast(array_to_json(tags) as text), survivor_id"
                        + " from customer_projection where tenant_id = ?1 and customer_id = ?2", tenant, id)
                .map(r -> r == null ? null : new CustomerStanding(uuid(r[0]), text(r[1]), text(r[2]), strings(r[3]),
                        uuid(r[4])));
    }

    /** A customer as an event says it is: one row of {@link #upsertAll}. */
    public record ProjectedCustomer(UUID tenant, UUID id, String status, String name, List<String> tags,
            UUID survivor) {
    }

    /**
     * Writes what events say of customers (events win over everything), several in one statement (a customer at most
     * once: PostgreSQL updates a row once per statement). A null name keeps the name known before.
     */
    public Uni<Void> upsertAll(List<ProjectedCustomer> customers) {
        List<Map<String, Object>> rows = new ArrayList<>(customers.size());
        for (ProjectedCustomer c : customers) {
            Map<String, Object> row = new HashMap<>();
            row.put("tenant_id", c.tenant());
            row.put("customer_id", c.id());
            row.put("status", c.status());
            row.put("name", c.name());
            row.put("tags", c.tags() == null ? List.of() : c.tags());
            row.put("survivor_id", c.survivor());
            rows.add(row);
        }
        return sql.update("insert into customer_projection (tenant_id, customer_id, status, name, tags, survivor_id)"
                        + " select r.tenant_id, r.customer_id, r.status, r.name,"
                        + " array(select jsonb_array_elements_text(r.tags)), r.survivor_id"
                        + " from jsonb_to_recordset(cast(cast(?1 as text) as jsonb)) as r(tenant_id uuid,"
                        + " customer_id uuid, status text, name text, tags jsonb, survivor_id uuid)"
                        + " on conflict (tenant_id, customer_id)"
                        + " do update set status = excluded.status, name = coalesce(excluded.name,"
                        + " customer_projection.name), tags = excluded.tags, survivor_id = excluded.survivor_id,"
                        + " updated_at = now()", json(rows)).replaceWithVoid();
    }

    /** Changes only the status (deleted, erased), keeping a row for customers never seen before. */
    public Uni<Void> setStatus(UUID tenant, UUID id, String status, boolean forgetName) {
        return sql.update("insert into customer_projection (tenant_id, customer_id, status) values (?1, ?2, ?3)"
                        + " on conflict (tenant_id, customer_id) do update set status = excluded.status,"
                        + " name = case when ?4 then null else customer_projection.name end,"
                        + " tags = case when ?4 then '{}' else customer_projection.tags end, updated_at = now()",
                tenant, id, status, forgetName).replaceWithVoid();
    }

    /** What customer-service told us, kept unless an event got there first. */
    public Uni<Void> remember(UUID tenant, CustomerStanding c) {
        return sql.update("insert into customer_projection (tenant_id, customer_id, status, name, tags, survivor_id)"
                        + " values (?1, ?2, ?3, cast(?4 as text), array(select jsonb_array_elements_text("
                        + "cast(cast(?5 as text) as jsonb))), cast(?6 as uuid)) on conflict do nothing",
                tenant, c.customerId(), c.status(), c.name(), json(c.tags()), c.survivorId()).replaceWithVoid();
    }
}
