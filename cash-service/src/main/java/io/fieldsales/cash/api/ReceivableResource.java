package io.fieldsales.cash.api;

import io.fieldsales.cash.domain.Ageing;
import io.fieldsales.cash.repository.CashReports;
import io.fieldsales.cash.service.CashProblems;
import io.fieldsales.cash.service.ReceivableService;
import io.fieldsales.cash.service.Viewer;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.idempotency.IdempotentRequests;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Receivables of delivered orders and rep shortages; finance records non-cash payments. */
@Path("/api/v1/receivables")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReceivableResource {

    @Inject
    ReceivableService receivables;

    @Inject
    CashReports reports;

    @Inject
    CurrentActor actor;

    @Inject
    IdempotentRequests idempotency;

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.SUPERVISOR, Roles.ADMIN, Roles.MANAGER, Roles.AUDITOR, Roles.SALES_REP,
            Roles.CASHIER})
    public Uni<ReceivablePageResponse> list(@QueryParam("customerId") UUID customerId, @QueryParam("rep") String rep,
            @QueryParam("status") String status, @QueryParam("overdue") boolean overdue,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Actor a = actor.get();
        String repFilter = Viewer.seesTenant(a) ? rep : a.userId();
        return CashSessionResource.guarded(() -> receivables.list(a, customerId, rep, status, overdue, cursor, limit))
                .get()
                .chain(page -> reports.ageing(a.tenantId(), customerId, repFilter == null || repFilter.isBlank()
                        ? null : repFilter, page.today()).map(buckets -> {
                            Map<String, BigDecimal> ageing = new LinkedHashMap<>();
                            for (int i = 0; i < Ageing.BUCKETS.length; i++) {
                                ageing.put(Ageing.BUCKETS[i], buckets.get(i).stripTrailingZeros());
                            }
                            return new ReceivablePageResponse(page.items().stream()
                                    .map(r -> ReceivableResponse.of(r, page.today())).toList(), page.nextCursor(),
                                    ageing);
                        }))
                .onFailure().transform(CashProblems::translate);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE, Roles.SUPERVISOR, Roles.ADMIN, Roles.MANAGER, Roles.AUDITOR, Roles.SALES_REP,
            Roles.CASHIER})
    public Uni<ReceivableResponse> get(@PathParam("id") UUID id) {
        Actor a = actor.get();
        return receivables.get(a, id).map(r -> ReceivableResponse.of(r, LocalDate.now(ZoneOffset.UTC)))
                .onFailure().transform(CashProblems::translate);
    }

    @POST
    @Path("{id}/payments")
    @RolesAllowed(Roles.FINANCE)
    public Uni<Response> pay(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
            PaymentRequest request) {
        Actor a = actor.get();
        PaymentRequest r = CashSessionResource.required(request);
        return idempotency.execute(key, "POST /api/v1/receivables/" + id + "/payments", r,
                        CashSessionResource.guarded(() -> receivables.recordPayment(a, id, r.amount(), r.currency(),
                                        r.method(), r.reference())
                                .chain(p -> receivables.get(a, id))
                                .map(rec -> Response.status(201)
                                        .entity(ReceivableResponse.of(rec, LocalDate.now(ZoneOffset.UTC))).build())))
                .onFailure().transform(CashProblems::translate);
    }
}
