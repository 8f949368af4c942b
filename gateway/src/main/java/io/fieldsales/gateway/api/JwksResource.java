package io.fieldsales.gateway.api;

import io.fieldsales.gateway.service.SigningKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The public keys services verify tokens with: every published key, by kid (several during a rotation). */
@Path("/.well-known/jwks.json")
public class JwksResource {

    @Inject
    SigningKeys keys;

    @GET
    @PermitAll
    // RFC 7517's media type first (chosen for */* or no Accept), and plain JSON, which common JWKS clients ask for
    @Produces({"application/jwk-set+json", "application/json"})
    @APIResponse(responseCode = "200", description = "The JSON Web Key Set of every published signing key")
    @APIResponse(responseCode = "406", description = "Neither a JWK set nor JSON is acceptable")
    public Response jwks() {
        String body = keys.current().published(Instant.now()).stream().map(k -> k.publicJwk())
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        // Short cache: new keys are published well before they sign (activation delay).
        return Response.ok(body).header("Cache-Control", "public, max-age=60").build();
    }
}
