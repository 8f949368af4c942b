package io.fieldsales.order.service;

import io.fieldsales.order.domain.ApprovalFlow;
import io.fieldsales.order.domain.ApprovalPolicy;
import io.fieldsales.order.domain.ApprovalStatus;
import io.fieldsales.order.domain.ApprovalStep;
import io.fieldsales.order.domain.Decision;
import io.fieldsales.order.domain.RuleViolation;
import io.fieldsales.order.events.ApprovalDecided;
import io.fieldsales.order.events.ApprovalRequested;
import io.fieldsales.order.events.Events;
import io.fieldsales.order.events.OrderEventTypes;
import io.fieldsales.order.repository.ApprovalRepository;
import io.fieldsales.order.repository.ApprovalRepository.Approval;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Approval policies and multi-step approvals of orders and returns. A decision locks the approval's row, so two
 * concurrent decisions on one step queue: the first wins, the second finds the step decided (409
 * {@code approval_not_pending}). The final outcome is applied to the order or return in the same transaction.
 */
@ApplicationScoped
public class ApprovalService {

    public static final String ORDER = "ORDER";
    public static final String RETURN = "RETURN";

    @Inject
    ApprovalRepository approvals;

    @Inject
    Outbox outbox;

    @Inject
    Instance<OrderService> orders;

    @Inject
    Instance<ReturnService> returns;

    @WithSession
    public Uni<ApprovalPolicy> policy(Actor actor) {
        return approvals.policy(actor.tenantId());
    }

    @WithTransaction
    public Uni<ApprovalPolicy> savePolicy(Actor actor, ApprovalPolicy policy) {
        ApprovalPolicy valid = policy.validated();
        return approvals.savePolicy(actor.tenantId(), valid, actor.userId()).replaceWith(valid);
    }

    /** Opens an approval in the current transaction (the requester is the subject's author) and announces it. */
    public Uni<UUID> request(UUID tenant, String requester, String subjectType, UUID subjectId, UUID orderId,
            UUID customerId, List<String> roles, String reason) {
        UUID id = UUID.randomUUID();
        ApprovalFlow flow = ApprovalFlow.request(requester, roles);
        return approvals.supersede(subjectId)
                .chain(() -> approvals.insert(tenant, id, subjectType, subjectId, orderId, customerId, reason, flow))
                .chain(() -> outbox.append(Events.of(OrderEventTypes.APPROVAL_REQUESTED, "approval", id, tenant,
                        requester, new ApprovalRequested(id, subjectType, orderId,
                                RETURN.equals(subjectType) ? subjectId : null, customerId, requester, roles, reason))))
                .replaceWith(id);
    }

    /** Pending approvals of a subject are void (the subject was edited, cancelled or decided otherwise). */
    public Uni<Integer> supersede(UUID subjectId) {
        return approvals.supersede(subjectId);
    }

    @WithSession
    public Uni<List<Approval>> list(Actor actor, String status, Instant afterCreated, UUID afterId, int limit) {
        return approvals.list(actor.tenantId(), status, afterCreated, afterId, limit)
                .map(items -> "PENDING".equals(status) ? items.stream()
                        .filter(a -> a.flow().decidableBy(actor.userId(), actor.roles())).toList() : items);
    }

    @WithSession
    public Uni<Approval> get(Actor actor, UUID id) {
        return approvals.find(actor.tenantId(), id).onItem().ifNull().failWith(() -> RuleProblems.notFound("approval"));
    }

    @WithTransaction
    public Uni<Approval> decide(Actor actor, UUID id, Decision decision, String comment) {
        return approvals.lock(actor.tenantId(), id).chain(a -> {
            if (a == null) {
                return Uni.createFrom().failure(RuleProblems.notFound("approval"));
            }
            if (!"PENDING".equals(a.status())) {
                return Uni.createFrom().failure(new RuleViolation("approval_not_pending",
                        "This approval is " + a.status()));
            }
            ApprovalStep step = a.flow().currentStep();
            ApprovalFlow after = a.flow().decide(actor.userId(), actor.roles(), decision);
            ApprovalStatus status = after.status();
            return approvals.save(id, status.name(), after)
                    .chain(() -> outbox.append(Events.of(OrderEventTypes.APPROVAL_DECIDED, "approval", id, actor,
                            new ApprovalDecided(id, a.subjectType(), a.orderId(),
                                    RETURN.equals(a.subjectType()) ? a.subjectId() : null, a.customerId(), step.number(),
                                    step.role(), decision.name(), actor.userId(), comment, status.name()))))
                    .chain(() -> status == ApprovalStatus.PENDING ? Uni.createFrom().voidItem()
                            : ORDER.equals(a.subjectType())
                                    ? orders.get().approvalOutcome(actor, a.subjectId(), status == ApprovalStatus.APPROVED)
                                    : returns.get().approvalOutcome(actor, a.subjectId(),
                                            status == ApprovalStatus.APPROVED))
                    .chain(() -> approvals.find(actor.tenantId(), id));
        });
    }
}
