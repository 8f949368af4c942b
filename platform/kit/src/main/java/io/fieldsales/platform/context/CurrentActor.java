package io.fieldsales.platform.context;

import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

/**
 * The tenant and user of the current request, from the verified JWT only: never from a header or a body the
 * client controls. A tenant-scoped endpoint that finds no valid {@code tenant_id} claim answers 403
 * {@code tenant_required}.
 */
@RequestScoped
public class CurrentActor {

    public static final String TENANT_CLAIM = "tenant_id";

    @Inject
    JsonWebToken jwt;

    private Actor actor;

    /** The actor of a tenant-scoped request; 403 {@code tenant_required} if the token carries no tenant. */
    public Actor get() {
        if (actor == null) {
            UUID tenant = tenantOrNull();
            if (tenant == null) {
                throw new ProblemException(ErrorCode.TENANT_REQUIRED, "This token is not bound to a tenant");
            }
            actor = new Actor(tenant, userId(), roles());
            MDC.put("tenantId", tenant.toString());
            MDC.put("userId", actor.userId());
        }
        return actor;
    }

    public UUID tenantId() {
        return get().tenantId();
    }

    /** The tenant claim if present and well-formed, otherwise null (for endpoints open to platform users). */
    public UUID tenantOrNull() {
        Object claim = jwt == null ? null : jwt.getClaim(TENANT_CLAIM);
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String userId() {
        String sub = jwt == null ? null : jwt.getSubject();
        if (sub == null || sub.isBlank()) {
            throw new ProblemException(ErrorCode.UNAUTHORIZED, "The token has no subject");
        }
        return sub;
    }

    public Set<String> roles() {
        Set<String> groups = jwt == null ? null : jwt.getGroups();
        return groups == null ? Set.of() : Set.copyOf(groups);
    }
}
