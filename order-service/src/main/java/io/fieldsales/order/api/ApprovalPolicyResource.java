package io.fieldsales.order.api;

import io.fieldsales.order.domain.ApprovalPolicy;
import io.fieldsales.order.service.ApprovalService;
import io.fieldsales.order.service.RuleProblems;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.DatabaseRetryPolicy;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The tenant's approval policy (admin); defaults until an admin sets one. */
@Path("/api/v1/approval-policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalPolicyResource {

    @Inject
    ApprovalService approvals;

    @Inject
    CurrentActor actor;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<ApprovalPolicy> policy() {
        return approvals.policy(actor.get()).onFailure().transform(RuleProblems::translate);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<ApprovalPolicy> savePolicy(ApprovalPolicy policy) {
        return approvals.savePolicy(actor.get(), Bodies.required(policy)).onFailure().transform(RuleProblems::translate);
    }
}
