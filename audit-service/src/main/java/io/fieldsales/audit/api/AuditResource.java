package io.fieldsales.audit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsales.audit.service.AuditReader;
import io.fieldsales.audit.service.AuditTrail;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.common.util.RestMediaType;

/**
 * The audit trail of the caller's tenant (the tenant comes from the JWT only, whatever the filters say). Every
 * read, verification and export is itself appended to the trail.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    CurrentActor currentActor;

    @Inject
    AuditReader reader;

    @Inject
    AuditTrail trail;

    @Inject
    AuditChainEndpoints chain;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/events")
    @RolesAllowed({"auditor", "admin"})
    public Uni<AuditEventPage> events(@QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("actorId") String actorId, @QueryParam("type") String type,
            @QueryParam("requestId") String requestId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return chain.events(currentActor.get(), "GET /api/v1/audit/events", entityType, entityId, actorId, type,
                requestId, from, to, limit, cursor);
    }

    @GET
    @Path("/entities/{type}/{id}/timeline")
    @RolesAllowed({"auditor", "admin"})
    public Uni<AuditEventPage> timeline(@PathParam("type") String type, @PathParam("id") String id,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Actor actor = currentActor.get();
        QueryParams.text("type", type);
        QueryParams.text("id", id);
        Long after = AuditReader.parseCursor(cursor);
        int max = QueryParams.limit(limit, 200, 1000);
        ObjectNode details = json.createObjectNode().put("endpoint", "GET /api/v1/audit/entities/{type}/{id}/timeline")
                .put("entityType", type).put("entityId", id).put("cursor", cursor);
        return reader.timeline(actor.tenantId(), type, id, after == null ? 0 : after, max)
                .call(page -> trail.recordAccess(actor, "read", details.put("returned", page.items().size())))
                .map(AuditEventPage::of);
    }

    @GET
    @Path("/verify")
    @RolesAllowed({"auditor", "admin"})
    public Uni<VerificationResult> verify(@QueryParam("fromSequence") Long fromSequence,
            @QueryParam("toSequence") Long toSequence) {
        return chain.verify(currentActor.get(), "GET /api/v1/audit/verify", fromSequence, toSequence);
    }

    /** NDJSON, one {@link ExportLine} per record received in [from, to), in chain order; streamed page by page. */
    @GET
    @Path("/export")
    @Produces(RestMediaType.APPLICATION_NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({"auditor", "admin"})
    public Multi<ExportLine> export(@QueryParam("from") String from, @QueryParam("to") String to) {
        return chain.export(currentActor.get(), "GET /api/v1/audit/export", from, to);
    }
}
