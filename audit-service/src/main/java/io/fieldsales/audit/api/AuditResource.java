package io.fieldsales.audit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsales.audit.domain.EventFilter;
import io.fieldsales.audit.service.AuditExport;
import io.fieldsales.audit.service.AuditReader;
import io.fieldsales.audit.service.AuditTrail;
import io.fieldsales.audit.service.ChainVerification;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.errors.ProblemException;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.common.util.RestMediaType;

/**
 * The audit trail of the caller's tenant (the tenant comes from the JWT only, whatever the filters say). Every
 * read, verification and export is itself appended to the trail.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @Inject
    CurrentActor currentActor;

    @Inject
    AuditReader reader;

    @Inject
    AuditTrail trail;

    @Inject
    ChainVerification verification;

    @Inject
    AuditExport export;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/events")
    @RolesAllowed({"auditor", "admin"})
    public Uni<AuditEventPage> events(@QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("actorId") String actorId, @QueryParam("type") String type,
            @QueryParam("requestId") String requestId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Actor actor = currentActor.get();
        EventFilter filter = new EventFilter(actor.tenantId(), QueryParams.text("entityType", entityType),
                QueryParams.text("entityId", entityId), QueryParams.text("actorId", actorId),
                QueryParams.text("type", type), QueryParams.text("requestId", requestId),
                QueryParams.time("from", from), QueryParams.time("to", to), AuditReader.parseCursor(cursor),
                QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        ObjectNode details = json.createObjectNode().put("endpoint", "GET /api/v1/audit/events");
        details.putObject("filters").put("entityType", filter.entityType()).put("entityId", filter.entityId())
                .put("actorId", filter.actorId()).put("type", filter.type()).put("requestId", filter.requestId())
                .put("from", from).put("to", to).put("cursor", cursor).put("limit", filter.limit());
        return reader.list(filter).call(page -> trail.recordAccess(actor, "read",
                details.put("returned", page.items().size()))).map(AuditEventPage::of);
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
        Actor actor = currentActor.get();
        QueryParams.sequence("fromSequence", fromSequence);
        QueryParams.sequence("toSequence", toSequence);
        if (fromSequence != null && toSequence != null && toSequence < fromSequence) {
            throw ProblemException.validation("toSequence", "must not be before fromSequence");
        }
        return verification.verify(actor.tenantId(), fromSequence, toSequence)
                .call(result -> trail.recordAccess(actor, "verified", json.createObjectNode()
                        .put("endpoint", "GET /api/v1/audit/verify").put("fromSequence", result.fromSequence())
                        .put("toSequence", result.toSequence()).put("checked", result.checked())
                        .put("valid", result.valid()).put("firstBrokenSequence", result.firstBrokenSequence())))
                .map(VerificationResult::of);
    }

    /** NDJSON, one {@link ExportLine} per record received in [from, to), in chain order; streamed page by page. */
    @GET
    @Path("/export")
    @Produces(RestMediaType.APPLICATION_NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({"auditor", "admin"})
    public Multi<ExportLine> export(@QueryParam("from") String from, @QueryParam("to") String to) {
        Actor actor = currentActor.get();
        OffsetDateTime start = QueryParams.time("from", from);
        OffsetDateTime end = QueryParams.time("to", to);
        OffsetDateTime effectiveStart = start == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : start;
        OffsetDateTime effectiveEnd = end == null ? OffsetDateTime.now(ZoneOffset.UTC) : end;
        ObjectNode details = json.createObjectNode().put("endpoint", "GET /api/v1/audit/export")
                .put("from", effectiveStart.toString()).put("to", effectiveEnd.toString());
        return trail.recordAccess(actor, "exported", details)
                .onItem().transformToMulti(recorded -> export.export(actor.tenantId(), effectiveStart, effectiveEnd))
                .map(ExportLine::of);
    }
}
