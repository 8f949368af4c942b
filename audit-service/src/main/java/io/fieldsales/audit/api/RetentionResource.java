package io.fieldsales.audit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.audit.service.AuditTrail;
import io.fieldsales.audit.service.Retention;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's tenant's retention, and the purge it allows (admin); both are recorded on the trail. */
@Path("/api/v1/audit/retention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @Inject
    CurrentActor currentActor;

    @Inject
    Retention retention;

    @Inject
    AuditTrail trail;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({"auditor", "admin"})
    public Uni<RetentionSettings> get() {
        return retention.retentionDays(currentActor.tenantId()).map(RetentionSettings::new);
    }

    @PUT
    @RolesAllowed("admin")
    public Uni<RetentionSettings> set(@Valid @NotNull RetentionSettings settings) {
        Actor actor = currentActor.get();
        return retention.setRetentionDays(actor.tenantId(), settings.days(), actor.userId())
                .call(days -> trail.recordAccess(actor, "retention-changed", json.createObjectNode()
                        .put("endpoint", "PUT /api/v1/audit/retention").put("days", days)))
                .map(RetentionSettings::new);
    }

    @POST
    @Path("/purge")
    @RolesAllowed("admin")
    public Uni<PurgeResult> purge(@Valid PurgeRequest request) {
        Actor actor = currentActor.get();
        Long upTo = request == null ? null : request.upToSequence();
        return retention.purge(actor.tenantId(), upTo, actor.userId())
                .call(result -> trail.recordAccess(actor, "purged", json.createObjectNode()
                        .put("endpoint", "POST /api/v1/audit/retention/purge").put("purgedCount", result.purgedCount())
                        .put("lastPurgedSequence", result.lastPurgedSequence())))
                .map(PurgeResult::of);
    }
}
