package io.fieldsales.platform.context;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Every service accepts only access tokens ({@code typ: at+jwt}, see {@link AccessTokenType}) and then verifies them
 * as SmallRye JWT always does (signature against the gateway's JWKS, issuer, audience, expiry). SmallRye JWT has no
 * setting for the {@code typ} header, hence this factory. The gateway replaces it with its own (higher priority).
 *
 * <p>A verified token is remembered (the byte-identical token string) until it expires, and for at most a minute
 * after its verification, so a key withdrawn from the JWKS stops working within that minute: a client sends the same
 * token for up to 15 minutes, and an RSA signature check is most of a read's CPU otherwise (24 % of
 * customer-service's samples under a GET load). Bounded: cleared when full.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class AccessTokenPrincipalFactory extends JWTCallerPrincipalFactory {

    static final Duration REVERIFY_AFTER = Duration.ofMinutes(1);
    static final int CACHE_LIMIT = 10_000;

    private final DefaultJWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    private record Verified(JWTCallerPrincipal principal, long usableUntilMillis) {
    }

    public AccessTokenPrincipalFactory() {
        this(System::currentTimeMillis);
    }

    AccessTokenPrincipalFactory(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        if (!AccessTokenType.isAccessToken(token)) {
            throw new ParseException("Not an access token: typ must be at+jwt");
        }
        long now = clock.getAsLong();
        JWTCallerPrincipal hit = verifiedBefore(token, now);
        if (hit != null) {
            return hit;
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        long until = Math.min(principal.getExpirationTime() * 1000L, now + REVERIFY_AFTER.toMillis());
        if (verified.size() >= CACHE_LIMIT) {
            verified.clear();
        }
        verified.put(token, new Verified(principal, until));
        return principal;
    }

    /**
     * The principal of this token (the byte-identical string) when it was verified within the last minute and has
     * not expired, else null. Never verifies, never reaches the key set: safe on an event loop
     * ({@link VerifiedTokenIdentityProvider}).
     */
    public JWTCallerPrincipal verifiedBefore(String token) {
        return verifiedBefore(token, clock.getAsLong());
    }

    private JWTCallerPrincipal verifiedBefore(String token, long now) {
        Verified hit = verified.get(token);
        if (hit == null) {
            return null;
        }
        if (now < hit.usableUntilMillis()) {
            return hit.principal();
        }
        verified.remove(token);
        return null;
    }
}
