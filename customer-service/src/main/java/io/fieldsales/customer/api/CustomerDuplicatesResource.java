package io.fieldsales.customer.api;

import io.fieldsales.customer.service.CustomerMergeService;
import io.fieldsales.customer.service.DuplicateFinder;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * Keeping one customer per real-world shop: likely duplicates of a customer, pairs judged distinct, and merges.
 * Fault tolerance as in {@link CustomerResource}; a merge gets 10 s since it may lock and rewrite 51 customers.
 */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerDuplicatesResource {

    @Inject
    DuplicateFinder duplicates;

    @Inject
    CustomerMergeService merges;

    @Inject
    CurrentActor actor;

    @GET
    @Path("{id}/duplicates")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<DuplicatesResponse> duplicates(@PathParam("id") UUID id) {
        Actor a = actor.get();
        return duplicates.duplicatesOf(a, id).map(DuplicatesResponse::new);
    }

    @POST
    @Path("{id}/not-duplicates")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> notDuplicate(@PathParam("id") UUID id, NotDuplicateRequest request) {
        Actor a = actor.get();
        if (request == null) {
            throw ProblemException.validation("customerId", "is required");
        }
        return duplicates.markDistinct(a, id, request.customerId()).map(v -> Response.noContent().build());
    }

    @POST
    @Path("{id}/merge")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @ApplyGuard(DatabaseRetryPolicy.LONG_TRANSACTION)
    public Uni<Response> merge(@PathParam("id") UUID id, MergeRequest request) {
        Actor a = actor.get();
        List<UUID> sources = merges.checkedSources(id, request == null ? null : request.sourceIds());
        return merges.merge(a, id, sources, request.expectedVersions())
                .map(c -> Response.ok(CustomerResponse.of(c)).tag(ETags.of(c)).build());
    }
}
