package io.fieldsales.order.api;

import io.fieldsales.order.domain.PricedDocument;
import io.fieldsales.order.service.CustomerDirectory;
import io.fieldsales.order.service.PricingService;
import io.fieldsales.order.service.RuleProblems;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.DatabaseRetryPolicy;
import io.fieldsales.platform.errors.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /pricing/quote}: priced lines with every applied rule, the manual discount and the totals. */
@Path("/api/v1/pricing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuoteResource {

    @Inject
    PricingService pricing;

    @Inject
    CustomerDirectory customers;

    @Inject
    CurrentActor actor;

    @POST
    @Path("quote")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<PricedDocument> quote(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            OrderRequests.QuoteRequest request) {
        Actor a = actor.get();
        OrderRequests.QuoteRequest r = Bodies.required(request);
        if (r.customerId() == null) {
            throw ProblemException.validation("customerId", "required");
        }
        PricingService.validate(r.lines());
        return customers.activeCustomer(a.tenantId(), r.customerId(), authorization)
                .chain(c -> Panache.withSession(() -> pricing.price(a.tenantId(), c, r.lines())))
                .onFailure().transform(RuleProblems::translate);
    }
}
