package io.fieldsales.gateway.api;

import io.fieldsales.gateway.edge.ClientIp;
import io.fieldsales.gateway.service.AuthService;
import io.fieldsales.platform.context.CurrentActor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    CurrentActor actor;

    @Inject
    JsonWebToken jwt;

    @Context
    HttpServerRequest request;

    @POST
    @Path("login")
    @PermitAll
    public Uni<Response> login(@NotNull @Valid LoginRequest body) {
        return auth.login(body.tenant(), body.username(), body.password(), ClientIp.of(request))
                .map(TokenResponse::of).map(AuthResource::noStore);
    }

    @POST
    @Path("refresh")
    @PermitAll
    public Uni<Response> refresh(@NotNull @Valid RefreshRequest body) {
        return auth.refresh(body.refreshToken(), ClientIp.of(request)).map(TokenResponse::of)
                .map(AuthResource::noStore);
    }

    @POST
    @Path("logout")
    @PermitAll
    public Uni<Response> logout(@NotNull @Valid RefreshRequest body) {
        return auth.logout(body.refreshToken()).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("me")
    @RolesAllowed("**")
    public MeResponse me() {
        return new MeResponse(actor.userId(), actor.tenantOrNull(), jwt.getName(), actor.roles());
    }

    private static Response noStore(TokenResponse tokens) {
        return Response.ok(tokens).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
