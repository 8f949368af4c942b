package io.fieldsales.audit.api;

import io.fieldsales.audit.domain.CheckpointSigner;
import io.fieldsales.audit.domain.PlatformChain;
import io.fieldsales.audit.service.Checkpoints;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
    AuditChainEndpoints chain;

    @Inject
    Checkpoints checkpoints;

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
        return chain.events(platformActor(), "GET /api/v1/audit/platform/events", entityType, entityId, actorId,
                type, requestId, from, to, limit, cursor);
    }

    @GET
    @Path("/verify")
    @RolesAllowed(PLATFORM_ADMIN)
    public Uni<VerificationResult> verify(@QueryParam("fromSequence") Long fromSequence,
            @QueryParam("toSequence") Long toSequence) {
        return chain.verify(platformActor(), "GET /api/v1/audit/platform/verify", fromSequence, toSequence);
    }

    /** NDJSON like the tenant export: one {@link ExportLine} per record received in [from, to). */
    @GET
    @Path("/export")
    @Produces(RestMediaType.APPLICATION_NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(PLATFORM_ADMIN)
    public Multi<ExportLine> export(@QueryParam("from") String from, @QueryParam("to") String to) {
        return chain.export(platformActor(), "GET /api/v1/audit/platform/export", from, to);
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
