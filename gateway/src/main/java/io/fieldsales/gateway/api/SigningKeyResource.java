package io.fieldsales.gateway.api;

import io.fieldsales.gateway.domain.Roles;
import io.fieldsales.gateway.service.SigningKeys;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Key rotation on demand (scheduled rotation runs by itself every rotation interval). */
@Path("/api/v1/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyResource {

    @Inject
    SigningKeys keys;

    @POST
    @Path("rotate")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<Map<String, String>> rotate() {
        return keys.rotate(false).map(kid -> Map.of("kid", kid));
    }
}
