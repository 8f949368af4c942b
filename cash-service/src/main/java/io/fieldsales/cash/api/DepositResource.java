package io.fieldsales.cash.api;

import io.fieldsales.cash.service.CashProblems;
import io.fieldsales.cash.service.CreateDeposit;
import io.fieldsales.cash.service.DepositService;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.DatabaseRetryPolicy;
import io.fieldsales.platform.idempotency.IdempotentRequests;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Bank deposits of closed sessions, and the bank's confirmation (same fault tolerance as the sessions). */
@Path("/api/v1/deposits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DepositResource {

    @Inject
    DepositService deposits;

    @Inject
    CurrentActor actor;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @RolesAllowed({Roles.CASHIER, Roles.FINANCE, Roles.SUPERVISOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key, DepositRequest request) {
        Actor a = actor.get();
        DepositRequest r = CashSessionResource.required(request);
        return idempotency.execute(key, "POST /api/v1/deposits", r, CashSessionResource.guarded(() -> deposits.create(a,
                        new CreateDeposit(r.sessionIds(), r.bankAccount(), r.slipNumber(), r.amount(), r.depositedAt(),
                                r.discrepancyReason()))
                .map(v -> Response.created(URI.create("/api/v1/deposits/" + v.deposit().id))
                        .entity(DepositResponse.of(v)).build())))
                .onFailure().transform(CashProblems::translate);
    }

    @POST
    @Path("{id}/confirm")
    @RolesAllowed(Roles.FINANCE)
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<DepositResponse> confirm(@PathParam("id") UUID id, ConfirmRequest request) {
        Actor a = actor.get();
        ConfirmRequest r = CashSessionResource.required(request);
        return CashSessionResource.guarded(() -> deposits.confirm(a, id, r.bankReference(), r.confirmedAmount()))
                .get().map(DepositResponse::of).onFailure().transform(CashProblems::translate);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CASHIER, Roles.FINANCE, Roles.SUPERVISOR, Roles.ADMIN, Roles.MANAGER, Roles.AUDITOR})
    public Uni<DepositResponse> get(@PathParam("id") UUID id) {
        Actor a = actor.get();
        return deposits.get(a, id).map(DepositResponse::of).onFailure().transform(CashProblems::translate);
    }

    @GET
    @RolesAllowed({Roles.CASHIER, Roles.FINANCE, Roles.SUPERVISOR, Roles.ADMIN, Roles.MANAGER, Roles.AUDITOR})
    public Uni<DepositPageResponse> list(@QueryParam("status") String status, @QueryParam("ageing") boolean ageing,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Actor a = actor.get();
        return CashSessionResource.guarded(() -> deposits.list(a, status, ageing, cursor, limit)).get()
                .map(p -> new DepositPageResponse(p.items().stream().map(DepositResponse::of).toList(),
                        p.nextCursor()))
                .onFailure().transform(CashProblems::translate);
    }
}
