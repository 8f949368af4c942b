package io.fieldsales.audit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsales.audit.domain.CheckpointSigner;
import io.fieldsales.audit.domain.PlatformChain;
import io.fieldsales.audit.domain.EventFilter;
import io.fieldsales.audit.service.AuditExport;
import io.fieldsales.audit.service.AuditReader;
import io.fieldsales.audit.service.AuditTrail;
import io.fieldsales.audit.service.ChainVerification;
import io.fieldsales.audit.service.Checkpoints;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.common.util.RestMediaType;

/**
 * The platform-level chain (security events without a tenant), for {@code platform_admin} only: list, verify,
 * export and its checkpoints, with the same shapes as the tenant endpoints. Each access is appended to the
 * platform chain itself.
 */
@Path("/api/v1/audit/platform")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformAuditResource {

    static final String PLATFORM_ADMIN = "platform_admin";

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
    Checkpoints checkpoints;

    @Inject
    ObjectMapper json;

    /** The platform admin acting on the platform chain (the token's own tenant, if any, plays no part). */
    private Actor platformActor() {
        return new Actor(PlatformChain.ID, currentActor.userId(), currentActor.roles());
    }

    @GET
    @Path("/events")
    @RolesAllowed(PLATFORM_ADMIN)
    public Uni<AuditEventPage> events(@QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("actorId") String actorId,
            @QueryParam("type") String type, @QueryParam("requestId") String requestId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        Actor actor = platformActor();
        EventFilter filter = new EventFilter(PlatformChain.ID, QueryParams.text("entityType", entityType),
                QueryParams.text("entityId", entityId), QueryParams.text("actorId", actorId),
                QueryParams.text("type", type), QueryParams.text("requestId", requestId),
                QueryParams.time("from", from), QueryParams.time("to", to), AuditReader.parseCursor(cursor),
                QueryParams.limit(limit, AuditResource.DEFAULT_LIMIT, AuditResource.MAX_LIMIT));
        ObjectNode details = json.createObjectNode().put("endpoint", "GET /api/v1/audit/platform/events");
        details.putObject("filters").put("entityType", filter.entityType()).put("entityId", filter.entityId())
                .put("actorId", filter.actorId()).put("type", filter.type()).put("requestId", filter.requestId())
                .put("from", from).put("to", to).put("cursor", cursor).put("limit", filter.limit());
        return reader.list(filter).call(page -> trail.recordAccess(actor, "read",
                details.put("returned", page.items().size()))).map(AuditEventPage::of);
    }

    @GET
    @Path("/verify")
    @RolesAllowed(PLATFORM_ADMIN)
    public Uni<VerificationResult> verify(@QueryParam("fromSequence") Long fromSequence,
            @QueryParam("toSequence") Long toSequence) {
        Actor actor = platformActor();
        QueryParams.sequence("fromSequence", fromSequence);
        QueryParams.sequence("toSequence", toSequence);
        if (fromSequence != null && toSequence != null && toSequence < fromSequence) {
            throw ProblemException.validation("toSequence", "must not be before fromSequence");
        }
        return verification.verify(PlatformChain.ID, fromSequence, toSequence)
                .call(result -> trail.recordAccess(actor, "verified", json.createObjectNode()
                        .put("endpoint", "GET /api/v1/audit/platform/verify")
                        .put("fromSequence", result.fromSequence()).put("toSequence", result.toSequence())
                        .put("checked", result.checked()).put("valid", result.valid())
                        .put("firstBrokenSequence", result.firstBrokenSequence())))
                .map(VerificationResult::of);
    }

    /** NDJSON like the tenant export: one {@link ExportLine} per record received in [from, to). */
    @GET
    @Path("/export")
    @Produces(RestMediaType.APPLICATION_NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(PLATFORM_ADMIN)
    public Multi<ExportLine> export(@QueryParam("from") String from, @QueryParam("to") String to) {
        Actor actor = platformActor();
        OffsetDateTime start = QueryParams.time("from", from);
        OffsetDateTime end = QueryParams.time("to", to);
        OffsetDateTime effectiveStart = start == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : start;
        OffsetDateTime effectiveEnd = end == null ? OffsetDateTime.now(ZoneOffset.UTC) : end;
        ObjectNode details = json.createObjectNode().put("endpoint", "GET /api/v1/audit/platform/export")
                .put("from", effectiveStart.toString()).put("to", effectiveEnd.toString());
        return trail.recordAccess(actor, "exported", details)
                .onItem().transformToMulti(recorded -> export.export(PlatformChain.ID, effectiveStart, effectiveEnd))
                .map(ExportLine::of);
    }

    /** The platform chain's signed checkpoints, newest first (first page only: {@code limit} up to 500). */
    @GET
    @Path("/checkpoints")
    @RolesAllowed(PLATFORM_ADMIN)
    public Uni<CheckpointPage> checkpoints(@QueryParam("limit") Integer limit) {
        int max = QueryParams.limit(limit, 50, 500);
        var signer = checkpoints.signer();
        return checkpoints.list(PlatformChain.ID, null, null, max)
                .map(listing -> new CheckpointPage(listing.items().stream().map(CheckpointView::of).toList(), null,
                        new CheckpointPage.SigningKey(signer.keyId(), CheckpointSigner.ALGORITHM,
                                signer.publicKeyBase64())));
    }
}
