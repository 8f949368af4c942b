package io.fieldsales.gateway.api;

import io.fieldsales.gateway.domain.Roles;
import io.fieldsales.gateway.service.UserService;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.idempotency.IdempotentRequests;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** A tenant admin's user management; the tenant is the admin's own (from the JWT). */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserResource {

    @Inject
    UserService users;

    @Inject
    CurrentActor actor;

    @Inject
    IdempotentRequests idempotency;

    @POST
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key, @NotNull @Valid NewUser request) {
        return idempotency.execute(key, "POST /api/v1/users", request, () -> users.create(actor.get(), request.username(),
                        request.password(), request.roles()).map(UserResponse::of)
                .map(u -> Response.created(URI.create("/api/v1/users/" + u.id())).tag(etag(u)).entity(u).build()));
    }

    @GET
    public Uni<UserPage> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return users.list(actor.get(), cursor, limit).map(page -> new UserPage(
                page.items().stream().map(UserResponse::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return users.get(actor.get(), id).map(UserResponse::of).map(u -> Response.ok(u).tag(etag(u)).build());
    }

    @PATCH
    @Path("{id}")
    public Uni<Response> change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid UserChanges changes) {
        long version = VersionTags.required(ifMatch, "user");
        return users.change(actor.get(), id, version, new UserService.Changes(changes.roles(), changes.disabled(),
                        changes.password())).map(UserResponse::of).map(u -> Response.ok(u).tag(etag(u)).build());
    }

    private static EntityTag etag(UserResponse u) {
        return VersionTags.etag(u.version());
    }
}
