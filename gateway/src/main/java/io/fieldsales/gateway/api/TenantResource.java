package io.fieldsales.gateway.api;

import io.fieldsales.gateway.domain.Roles;
import io.fieldsales.gateway.service.TenantService;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.KeysetCursor;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

/** The platform admin's tenants: create, list, read, disable and re-enable. */
@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantResource {

    /** What a tenant cursor may hold: a slug (the last one of the previous page). */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    @Inject
    TenantService tenants;

    @Inject
    CurrentActor actor;

    @Inject
    IdempotentRequests idempotency;

    @POST
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid CreateTenantRequest request) {
        return idempotency.execute(key, "POST /api/v1/tenants", request, () -> tenants.create(request.slug(),
                        request.name(), request.admin().username(), request.admin().password())
                .map(TenantResponse::of)
                .map(t -> Response.created(URI.create("/api/v1/tenants/" + t.id())).entity(t).build()));
    }

    /** Tenants by slug, {@code limit} at a time; {@code cursor} is the previous page's {@code nextCursor}. */
    @GET
    public Uni<TenantPage> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        String after = KeysetCursor.decode(cursor, position -> {
            if (!SLUG.matcher(position).matches()) {
                throw new IllegalArgumentException("not a slug");
            }
            return position;
        });
        return tenants.list(after, limit).map(page -> new TenantPage(
                page.items().stream().map(TenantView::of).toList(),
                page.lastSlug() == null ? null : KeysetCursor.encode(page.lastSlug())));
    }

    @GET
    @Path("{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return tenants.get(id).map(TenantView::of)
                .map(t -> Response.ok(t).tag(VersionTags.etag(t.version())).build());
    }

    /**
     * {@code {"disabled": true}} disables the tenant: its users cannot sign in, and its refresh and access tokens
     * are refused at the gateway at once; {@code false} re-enables it. Needs {@code If-Match} (428 without, 412 when
     * stale).
     */
    @PATCH
    @Path("{id}")
    public Uni<Response> change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid TenantChanges changes) {
        long version = VersionTags.required(ifMatch, "tenant");
        return tenants.setDisabled(actor.userId(), id, version, changes.disabled()).map(TenantView::of)
                .map(t -> Response.ok(t).tag(VersionTags.etag(t.version())).build());
    }
}
