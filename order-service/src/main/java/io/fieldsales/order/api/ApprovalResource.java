package io.fieldsales.order.api;

import io.fieldsales.order.domain.ApprovalPolicy;
import io.fieldsales.order.domain.Decision;
import io.fieldsales.order.service.ApprovalService;
import io.fieldsales.order.service.Cursors;
import io.fieldsales.order.service.RuleProblems;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.DatabaseRetryPolicy;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Approvals: list what the caller may decide, read one, decide a step. */
@Path("/api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    private static final Set<String> STATUSES = Set.of("PENDING", "APPROVED", "REJECTED", "SUPERSEDED");

    @Inject
    ApprovalService approvals;

    @Inject
    CurrentActor actor;

    /** {@code POST /approvals/{id}/decision}. */
    public record DecisionRequest(String decision, String comment) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.FINANCE, Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Page<ApprovalResponse>> list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        Actor a = actor.get();
        String s = status == null || status.isBlank() ? "PENDING" : status;
        if (!STATUSES.contains(s)) {
            throw ProblemException.validation("status", "one of " + STATUSES);
        }
        int n = Cursors.limit(limit);
        Instant afterCreated = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> parts = Cursors.decode(cursor, 2);
            afterCreated = OrderResource.instant("cursor", parts.get(0));
            afterId = OrderResource.uuid("cursor", parts.get(1));
        }
        // PENDING lists only what the caller may decide; the page is cut after filtering, so it may be shorter
        return approvals.list(a, s, afterCreated, afterId, n + 1)
                .map(items -> new Page<>(items.stream().limit(n).map(ApprovalResponse::of).toList(),
                        items.size() > n ? Cursors.encode(items.get(n - 1).createdAt().toString(),
                                items.get(n - 1).id().toString()) : null))
                .onFailure().transform(RuleProblems::translate);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<ApprovalResponse> get(@PathParam("id") UUID id) {
        return approvals.get(actor.get(), id).map(ApprovalResponse::of).onFailure().transform(RuleProblems::translate);
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.FINANCE})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<ApprovalResponse> decide(@PathParam("id") UUID id, DecisionRequest request) {
        Actor a = actor.get();
        DecisionRequest r = Bodies.required(request);
        Decision decision;
        try {
            decision = Decision.valueOf(String.valueOf(r.decision()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("decision", "APPROVE or REJECT");
        }
        if (r.comment() != null && r.comment().length() > 1000) {
            throw ProblemException.validation("comment", "at most 1000 characters");
        }
        return approvals.decide(a, id, decision, r.comment()).map(ApprovalResponse::of)
                .onFailure().transform(RuleProblems::translate);
    }
}
