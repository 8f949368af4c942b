package io.fieldsales.order.repository;

import static io.fieldsales.order.repository.SqlValues.*;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fieldsales.order.domain.ApprovalFlow;
import io.fieldsales.order.domain.ApprovalPolicy;
import io.fieldsales.order.domain.ApprovalStep;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Approval policies and approval requests (steps as jsonb, decided under the request's row lock). */
@ApplicationScoped
public class ApprovalRepository {

    static final String COLUMNS = "id, subject_type, subject_id, order_id, requester_id, status, cast(steps as text),"
            + " reason, version, created_at, customer_id";

    @Inject
    Sql sql;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    /** A stored approval request. */
    public record Approval(UUID id, String subjectType, UUID subjectId, UUID orderId, String status, String reason,
            ApprovalFlow flow, long version, Instant createdAt, UUID customerId) {
    }

    public Uni<ApprovalPolicy> policy(UUID tenant) {
        return sql.row("select manager_discount_above, finance_discount_above, return_value_above from approval_policy"
                + " where tenant_id = ?1", tenant).map(r -> r == null ? ApprovalPolicy.defaults()
                : new ApprovalPolicy(decimal(r[0]), decimal(r[1]), decimal(r[2])));
    }

    public Uni<Void> savePolicy(UUID tenant, ApprovalPolicy p, String actor) {
        return sql.update("insert into approval_policy (tenant_id, manager_discount_above, finance_discount_above,"
                        + " return_value_above, updated_by) values (?1, ?2, ?3, ?4, ?5) on conflict (tenant_id) do update"
                        + " set manager_discount_above = excluded.manager_discount_above,"
                        + " finance_discount_above = excluded.finance_discount_above,"
                        + " return_value_above = excluded.return_value_above, updated_by = excluded.updated_by,"
                        + " version = approval_policy.version + 1, updated_at = now()",
                tenant, p.managerDiscountAbove(), p.financeDiscountAbove(), p.returnValueAbove(), actor)
                .replaceWithVoid();
    }

    public Uni<Void> insert(UUID tenant, UUID id, String subjectType, UUID subjectId, UUID orderId, UUID customerId,
            String reason, ApprovalFlow flow) {
        return sql.update("insert into approval (id, tenant_id, subject_type, subject_id, order_id, customer_id,"
                        + " requester_id, status, steps, reason) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING',"
                        + " cast(cast(?8 as text) as jsonb), ?9)", id, tenant, subjectType, subjectId, orderId,
                customerId, flow.requesterId(), json(flow.steps()), reason).replaceWithVoid();
    }

    /** Pending approvals of a subject become SUPERSEDED (an edit asked again). */
    public Uni<Integer> supersede(UUID subjectId) {
        return sql.update("update approval set status = 'SUPERSEDED', version = version + 1, updated_at = now()"
                + " where subject_id = ?1 and status = 'PENDING'", subjectId);
    }

    public Uni<Approval> lock(UUID tenant, UUID id) {
        return sql.row("select " + COLUMNS + " from approval where tenant_id = ?1 and id = ?2 for update", tenant, id)
                .map(r -> r == null ? null : from(r));
    }

    public Uni<Approval> find(UUID tenant, UUID id) {
        return sql.row("select " + COLUMNS + " from approval where tenant_id = ?1 and id = ?2", tenant, id)
                .map(r -> r == null ? null : from(r));
    }

    public Uni<List<Approval>> forSubject(UUID subjectId) {
        return sql.rows("select " + COLUMNS + " from approval where subject_id = ?1 order by created_at", subjectId)
                .map(rows -> rows.stream().map(ApprovalRepository::from).toList());
    }

    public Uni<Void> save(UUID id, String status, ApprovalFlow flow) {
        return sql.update("update approval set status = ?2, steps = cast(cast(?3 as text) as jsonb),"
                + " version = version + 1, updated_at = now() where id = ?1", id, status, json(flow.steps()))
                .replaceWithVoid();
    }

    /** A page of the tenant's approvals in a status, oldest first, after the keyset position. */
    public Uni<List<Approval>> list(UUID tenant, String status, Instant afterCreated, UUID afterId, int limit) {
        return sql.rows("select " + COLUMNS + " from approval where tenant_id = ?1 and status = ?2"
                        + " and (created_at, id) > (cast(cast(?3 as text) as timestamptz), ?4)"
                        + " order by created_at, id limit ?5", tenant, status,
                ts(afterCreated == null ? Instant.EPOCH : afterCreated),
                afterId == null ? new UUID(0, 0) : afterId, limit)
                .map(rows -> rows.stream().map(ApprovalRepository::from).toList());
    }

    static Approval from(Object[] r) {
        List<ApprovalStep> steps = read(r[6], new TypeReference<List<ApprovalStep>>() { });
        return new Approval(uuid(r[0]), text(r[1]), uuid(r[2]), uuid(r[3]), text(r[5]), text(r[7]),
                new ApprovalFlow(text(r[4]), steps), number(r[8]), instant(r[9]), uuid(r[10]));
    }

    /** Approvals waiting for a decision, all tenants (a metric; the raw pool: no request session here). */
    public Uni<Long> countPending() {
        return pool.query("select count(*) from approval where status = 'PENDING'").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
