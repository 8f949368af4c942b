package io.fieldsales.customer.api;

import io.fieldsales.customer.service.ConsistencyReport;
import io.fieldsales.customer.service.ConsistencyService;
import io.fieldsales.customer.service.RepairReport;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.DatabaseErrors;
import io.fieldsales.platform.db.TransientDatabaseException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

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
    @Retry(retryOn = TransientDatabaseException.class, maxRetries = 3, delay = 50, jitter = 50)
    @ExponentialBackoff(maxDelay = 1000)
    @Timeout(30000)
    public Uni<ConsistencyReport> check() {
        return consistency.check(actor.get()).onFailure().transform(DatabaseErrors::classify);
    }

    @POST
    @Path("repair")
    @RolesAllowed(Roles.ADMIN)
    @Retry(retryOn = TransientDatabaseException.class, maxRetries = 3, delay = 50, jitter = 50)
    @ExponentialBackoff(maxDelay = 1000)
    @Timeout(30000)
    public Uni<RepairReport> repair() {
        return consistency.repair(actor.get()).onFailure().transform(DatabaseErrors::classify);
    }
}
