package io.fieldsales.customer.api;

import io.fieldsales.customer.service.ConsistencyReport;
import io.fieldsales.customer.service.ConsistencyService;
import io.fieldsales.customer.service.RepairReport;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.DatabaseRetryPolicy;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Admin tools: is contact ownership consistent, and repair what is safe. Scans a whole tenant, hence 30 s.
 * A repair is a compare-and-set per finding (guarded statements), so retrying it after a deadlock is safe.
 */
@Path("/api/v1/customers/consistency")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerConsistencyResource {

    @Inject
    ConsistencyService consistency;

    @Inject
    CurrentActor actor;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @ApplyGuard(DatabaseRetryPolicy.TENANT_SCAN)
    public Uni<ConsistencyReport> check() {
        return consistency.check(actor.get());
    }

    @POST
    @Path("repair")
    @RolesAllowed(Roles.ADMIN)
    @ApplyGuard(DatabaseRetryPolicy.TENANT_SCAN)
    public Uni<RepairReport> repair() {
        return consistency.repair(actor.get());
    }
}
