package io.fieldsales.gateway.edge;

import io.fieldsales.gateway.proxy.RouteTemplates;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The gateway's access log (logger {@code io.fieldsales.gateway.access}, one line per request when its response
 * ends): method, route template (never the raw path or the query string, which may carry ids and personal data),
 * status, duration, bytes sent, client IP, tenant and user (from the verified token, when there is one).
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("io.fieldsales.gateway.access");

    void install(@Observes Filters filters) {
        // after the request id is bound (10 000), before the edge filter (9 000) may answer on its own
        filters.register(this::handle, 9_500);
    }

    void handle(RoutingContext rc) {
        long start = System.nanoTime();
        rc.addEndHandler(done -> {
            VerifiedToken token = VerifiedToken.of(rc);
            String tenant = token.valid() && token.tenantId() != null ? token.tenantId().toString() : "-";
            String user = token.valid() && token.userId() != null ? token.userId() : "-";
            String template = RouteTemplates.of(rc);
            if (tenant.length() > 1) {
                MDC.put("tenantId", tenant);
            }
            if (user.length() > 1) {
                MDC.put("userId", user);
            }
            LOG.infof("%s %s %d %dms %dB ip=%s tenant=%s user=%s", rc.request().method().name(),
                    template == null ? "(unmatched)" : template, rc.response().getStatusCode(),
                    (System.nanoTime() - start) / 1_000_000, rc.response().bytesWritten(), ClientIp.of(rc.request()),
                    tenant, user);
        });
        rc.next();
    }
}
