package io.fieldsales.gateway.api;

import io.fieldsales.gateway.domain.Roles;
import io.fieldsales.gateway.service.TenantService;
import io.fieldsales.platform.idempotency.IdempotentRequests;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    TenantService tenants;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid CreateTenantRequest request) {
        return idempotency.execute(key, "POST /api/v1/tenants", request, () -> tenants.create(request.slug(),
                        request.name(), request.admin().username(), request.admin().password())
                .map(TenantResponse::of)
                .map(t -> Response.created(URI.create("/api/v1/tenants/" + t.id())).entity(t).build()));
    }
}
