package io.fieldsales.customer.api;

import io.fieldsales.customer.service.CustomerExporter;
import io.fieldsales.customer.service.CustomerPrivacyService;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.DatabaseRetryPolicy;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** GDPR: access (export) and erasure. Fault tolerance as in {@link CustomerResource}. */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerPrivacyResource {

    @Inject
    CustomerExporter exporter;

    @Inject
    CustomerPrivacyService privacy;

    @Inject
    CurrentActor actor;

    @GET
    @Path("{id}/export")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> export(@PathParam("id") UUID id) {
        Actor a = actor.get();
        return exporter.export(a, id)
                .map(e -> Response.ok(CustomerExportResponse.of(e))
                        .header("Content-Disposition", "attachment; filename=\"customer-" + id + ".json\"").build());
    }

    @POST
    @Path("{id}/erase")
    @RolesAllowed(Roles.ADMIN)
    @ApplyGuard(DatabaseRetryPolicy.LONG_TRANSACTION)
    public Uni<Response> erase(@PathParam("id") UUID id) {
        Actor a = actor.get();
        return privacy.erase(a, id).map(c -> Response.ok(CustomerResponse.of(c)).tag(ETags.of(c)).build());
    }
}
