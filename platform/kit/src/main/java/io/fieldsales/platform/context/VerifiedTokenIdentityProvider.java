package io.fieldsales.platform.context;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Authenticates a bearer token that {@link AccessTokenPrincipalFactory} verified within the last minute on the
 * calling thread (the event loop), building the same identity as Quarkus's {@code MpJwtValidator}; any other token
 * goes on to that validator (a null item hands the request to the next provider).
 *
 * <p>Why: with the key set at an {@code http(s)} URL (the gateway's JWKS, in every deployment) Quarkus authenticates
 * each request on a worker thread ({@code quarkus.smallrye-jwt.blocking-authentication} defaults to true then), since
 * a verification may have to fetch the key set. A remembered token needs no key: without this provider every
 * request still paid two thread hand-offs for a map lookup (customer-service's GET by id: deploy/load/README.md).
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The attribute under which {@code MpJwtValidator} also keeps the token's principal. */
    static final String USER_ATTRIBUTE = "quarkus.user";

    @Inject
    AccessTokenPrincipalFactory tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Before {@code MpJwtValidator}, which keeps the default priority: providers are tried from the highest priority
     * down.
     */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof JsonWebTokenCredential credential)) {
            return Uni.createFrom().nullItem();
        }
        JWTCallerPrincipal principal = tokens.verifiedBefore(credential.getToken());
        if (principal == null) {
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addCredential(credential)
                .addRoles(principal.getGroups())
                .addAttribute(USER_ATTRIBUTE, principal);
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            identity.addAttribute(RoutingContext.class.getName(), routingContext);
        }
        return Uni.createFrom().item(identity.build());
    }
}
