package io.fieldsales.gateway.service;

import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.domain.AppUser;
import io.fieldsales.gateway.domain.SigningKey;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs access tokens: RS256 with the current key (header {@code kid}, {@code typ: at+jwt} as RFC 9068 asks), 15 minutes, claims
 * {@code iss}, {@code aud}, {@code sub} (user id), {@code upn} (username), {@code groups} (roles), {@code tenant_id}
 * (absent for platform users), {@code jti}, {@code iat}, {@code exp}.
 */
@ApplicationScoped
public class AccessTokenIssuer {

    @Inject
    GatewayConfig config;

    @Inject
    SigningKeys keys;

    public record IssuedToken(String token, long expiresInSeconds) {
    }

    public IssuedToken issue(AppUser user) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.tokens().issuer());
        claims.setAudience(config.tokens().audience());
        claims.setSubject(user.id.toString());
        claims.setClaim("upn", user.username);
        claims.setStringListClaim("groups", new ArrayList<>(user.roleSet()));
        if (user.tenantId != null) {
            claims.setClaim("tenant_id", user.tenantId.toString());
        }
        claims.setJwtId(UUID.randomUUID().toString());
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        long lifetime = config.tokens().accessTokenLifetime().toSeconds();
        NumericDate exp = NumericDate.fromSeconds(now.getValue() + lifetime);
        claims.setExpirationTime(exp);
        return new IssuedToken(sign(claims), lifetime);
    }

    /** Signs arbitrary claims with the current key (also used by tests to build tokens with bad claims). */
    public String sign(JwtClaims claims) {
        SigningKey key = keys.signingKey().orElseThrow(() -> new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                "No token signing key is active yet").withHeader("Retry-After", "5"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.privateKey());
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader("typ", AccessTokenVerifier.ACCESS_TOKEN_TYPE);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
