package io.fieldsales.gateway.service;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;

/**
 * The gateway verifies tokens it signed itself against its in-memory key set (with rotation), through the same
 * strict {@link AccessTokenVerifier} as the proxy, instead of fetching its own JWKS over HTTP. Its priority is above
 * the kit's {@code AccessTokenPrincipalFactory}, which every other service uses.
 */
@Alternative
@Priority(10)
@ApplicationScoped
public class GatewayJwtCallerPrincipalFactory extends JWTCallerPrincipalFactory {

    private static final Logger LOG = Logger.getLogger(GatewayJwtCallerPrincipalFactory.class);

    @Inject
    AccessTokenVerifier verifier;

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        try {
            // a private copy: the principal converts claim values in place, the verifier's claims are shared
            JwtClaims claims = JwtClaims.parse(verifier.verify(token).toJson());
            claims.setClaim("raw_token", token);
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        } catch (org.jose4j.jwt.consumer.InvalidJwtException e) {
            throw new ParseException("Invalid token");
        } catch (InvalidTokenException e) {
            LOG.debugf("Bearer token refused: %s", e.getMessage());
            throw new ParseException("Invalid token");
        }
    }
}
