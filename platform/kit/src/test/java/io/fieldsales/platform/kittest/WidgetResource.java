package io.fieldsales.platform.kittest;

import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.TransientDatabaseException;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.idempotency.IdempotentRequests;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

@Path("/api/v1/widgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetResource {

    @Inject
    WidgetService widgets;

    @Inject
    CurrentActor actor;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @RolesAllowed("writer")
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid WidgetRequest request,
            @QueryParam("failAfterWrite") boolean failAfterWrite) {
        return idempotency.execute(key, "POST /api/v1/widgets", request,
                () -> widgets.create(actor.get(), request, failAfterWrite).map(w -> Response
                        .created(URI.create("/api/v1/widgets/" + w.id))
                        .tag(new EntityTag(Long.toString(w.version)))
                        .entity(WidgetView.of(w)).build()));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("writer")
    public Uni<WidgetView> rename(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid WidgetRequest request) {
        if (ifMatch == null) {
            throw new ProblemException(ErrorCode.PRECONDITION_REQUIRED, "If-Match is required");
        }
        return widgets.rename(actor.get(), id, Long.parseLong(ifMatch.replace("\"", "")), request).map(WidgetView::of);
    }

    @DELETE
    @Path("{id}/events")
    @RolesAllowed("writer")
    public Uni<Integer> redactEvents(@PathParam("id") UUID id) {
        return widgets.redactEvents(id);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"writer", "reader"})
    public Uni<WidgetView> get(@PathParam("id") UUID id) {
        return widgets.find(actor.get(), id).map(WidgetView::of);
    }

    @Inject
    GuardedWork guarded;

    /** A whole-tenant scan that never answers: the guard's timeout (300 ms in the tests) ends it. */
    @GET
    @Path("scan")
    @RolesAllowed("writer")
    public Uni<String> scan() {
        return guarded.scanThatHangs();
    }

    /** A transaction whose deadlock outlasts the guard's retries, as DatabaseErrors.classify reports it. */
    @GET
    @Path("deadlocked")
    @RolesAllowed("writer")
    public Uni<String> deadlocked() {
        return guarded.transaction(100, () -> new TransientDatabaseException(
                new PgException("deadlock", "ERROR", "40P01", null)));
    }

    @GET
    @Path("boom")
    @RolesAllowed("writer")
    public Uni<WidgetView> boom() {
        return Uni.createFrom().failure(new IllegalStateException("secret internals: password=hunter2"));
    }

    @GET
    @Path("admin-only")
    @RolesAllowed("admin")
    public String adminOnly() {
        return "ok";
    }

    @GET
    @Path("tenant")
    @RolesAllowed({"writer", "platform_admin"})
    public String tenant() {
        return actor.tenantId().toString();
    }

    @GET
    @Path("search")
    @RolesAllowed("writer")
    public String search(@QueryParam("limit") @Min(1) @Max(200) int limit) {
        return "limit " + limit;
    }
}
