package io.fieldsales.gateway.api;

import io.fieldsales.gateway.proxy.PublicApiDocument;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The suite's public API as one OpenAPI 3.1 document: the gateway's own endpoints and every service's routed
 * {@code /api/v1} paths, JSON by default and YAML for {@code Accept: application/yaml}. A service that cannot be
 * reached is left out (header {@value #UNAVAILABLE_HEADER} and {@code info.x-fieldsales-unavailable} name it), never
 * an error.
 */
@Path("/api/v1/openapi")
public class PublicApiResource {

    public static final String UNAVAILABLE_HEADER = "X-OpenAPI-Unavailable";
    private static final MediaType YAML = new MediaType("application", "yaml");

    @Inject
    PublicApiDocument document;

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, "application/yaml"})
    @Operation(summary = "The public API of the suite (OpenAPI 3.1)")
    @APIResponse(responseCode = "200", description = "The merged OpenAPI document")
    @APIResponse(responseCode = "406", description = "Neither JSON nor YAML is acceptable")
    @APIResponse(responseCode = "429", description = "Too many requests from this client")
    public Uni<Response> publicApi(@Context HttpHeaders headers) {
        boolean yaml = prefersYaml(headers);
        return document.get().map(s -> {
            Response.ResponseBuilder r = Response.ok(yaml ? s.yaml() : s.json(),
                    yaml ? YAML : MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "public, max-age=60");
            if (!s.unavailable().isEmpty()) {
                r.header(UNAVAILABLE_HEADER, String.join(", ", s.unavailable()));
            }
            return r.build();
        });
    }

    /** YAML only when the client ranks it above JSON (a bare wildcard gets JSON). */
    private static boolean prefersYaml(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return false;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(YAML) || "x-yaml".equals(accepted.getSubtype())
                    || "yaml".equals(accepted.getSubtype())) {
                return true;
            }
        }
        return false;
    }
}
