package io.fieldsales.platform.context;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Every service accepts only access tokens ({@code typ: at+jwt}, see {@link AccessTokenType}) and then verifies them
 * as SmallRye JWT always does (signature against the gateway's JWKS, issuer, audience, expiry). SmallRye JWT has no
 * setting for the {@code typ} header, hence this factory. The gateway replaces it with its own (higher priority).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class AccessTokenPrincipalFactory extends JWTCallerPrincipalFactory {

    private final DefaultJWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        if (!AccessTokenType.isAccessToken(token)) {
            throw new ParseException("Not an access token: typ must be at+jwt");
        }
        return verifier.parse(token, authContextInfo);
    }
}
