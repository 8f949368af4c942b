package io.fieldsales.gateway.edge;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * The outcome of checking a request's bearer token once at the edge, kept on the routing context for the rate
 * limiter, the proxy and the authorization-denial events.
 */
public record VerifiedToken(boolean present, JwtClaims claims) {

    static final String KEY = "fieldsales.verifiedToken";
    static final VerifiedToken ABSENT = new VerifiedToken(false, null);
    static final VerifiedToken INVALID = new VerifiedToken(true, null);

    public static VerifiedToken of(RoutingContext rc) {
        VerifiedToken t = rc.get(KEY);
        return t == null ? ABSENT : t;
    }

    public boolean valid() {
        return claims != null;
    }

    public String userId() {
        try {
            return claims == null ? null : claims.getSubject();
        } catch (MalformedClaimException e) {
            return null;
        }
    }

    public UUID tenantId() {
        Object claim = claims == null ? null : claims.getClaimValue("tenant_id");
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public List<String> roles() {
        try {
            return claims == null || !claims.hasClaim("groups") ? List.of() : claims.getStringListClaimValue("groups");
        } catch (MalformedClaimException e) {
            return List.of();
        }
    }
}
