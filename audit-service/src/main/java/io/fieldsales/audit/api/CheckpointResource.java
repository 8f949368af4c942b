package io.fieldsales.audit.api;

import io.fieldsales.audit.domain.Checkpoint;
import io.fieldsales.audit.domain.CheckpointSigner;
import io.fieldsales.audit.service.Checkpoints;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.KeysetCursor;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Signed checkpoints of the caller's tenant: list them (with the public key), or sign one now (admin). */
@Path("/api/v1/audit/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
public class CheckpointResource {

    @Inject
    CurrentActor currentActor;

    @Inject
    Checkpoints checkpoints;


    @GET
    @RolesAllowed({"auditor", "admin"})
    public Uni<CheckpointPage> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Actor actor = currentActor.get();
        int max = QueryParams.limit(limit, 50, 500);
        Position after = Position.parse(cursor);
        CheckpointSigner signer = checkpoints.signer();
        return checkpoints.list(actor.tenantId(), after == null ? null : after.signedAt(),
                        after == null ? null : after.id(), max)
                .map(listing -> {
                    List<Checkpoint> page = listing.items();
                    String next = listing.more() ? Position.of(page.get(page.size() - 1)) : null;
                    return new CheckpointPage(page.stream().map(CheckpointView::of).toList(), next,
                            new CheckpointPage.SigningKey(signer.keyId(), CheckpointSigner.ALGORITHM,
                                    signer.publicKeyBase64()));
                });
    }

    @POST
    @RolesAllowed("admin")
    public Uni<Response> signNow() {
        Actor actor = currentActor.get();
        return checkpoints.signNow(actor.tenantId(), actor.userId())
                .map(cp -> Response.status(201).entity(CheckpointView.of(cp)).build());
    }

    /** Keyset position (signedAt, id), opaque to clients. */
    record Position(OffsetDateTime signedAt, UUID id) {

        static String of(Checkpoint c) {
            Instant t = c.signedAt().toInstant();
            return KeysetCursor.encode("c" + t.getEpochSecond() + "." + t.getNano() + "|" + c.id());
        }

        static Position parse(String cursor) {
            return KeysetCursor.decode(cursor, raw -> {
                String[] parts = raw.substring(1).split("[.|]");
                Instant t = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                return new Position(t.atOffset(ZoneOffset.UTC), UUID.fromString(parts[2]));
            });
        }
    }
}
