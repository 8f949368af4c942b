package io.fieldsales.gateway.edge;

import io.fieldsales.gateway.events.AccessDenied;
import io.fieldsales.gateway.events.SecurityEventTypes;
import io.fieldsales.gateway.service.SecurityEvents;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Records every 403 answered to a caller with a valid token as an {@code access.denied} security event. */
@ApplicationScoped
public class AccessDenials {

    private static final Logger LOG = Logger.getLogger(AccessDenials.class);

    @Inject
    SecurityEvents securityEvents;

    void record(RoutingContext rc, String path) {
        VerifiedToken token = VerifiedToken.of(rc);
        if (!token.valid()) {
            return;
        }
        String user = token.userId();
        AccessDenied denied = new AccessDenied(token.tenantId(), user, rc.request().method().name(), path,
                "forbidden", ClientIp.of(rc.request()), Instant.now());
        securityEvents.record(SecurityEvents.event(SecurityEventTypes.ACCESS_DENIED, "user", user == null ? "unknown"
                        : user, token.tenantId(), user, denied))
                .subscribe().with(ignored -> { }, failure -> LOG.warnf("Cannot record a denial: %s", failure));
    }
}
