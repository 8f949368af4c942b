package io.fieldsales.gateway.edge;

import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.platform.errors.ProblemWriter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Runs on every request, right after the platform's request-id filter, in this order: security headers on the
 * response ({@link SecurityHeaders}), the bearer token checked once ({@link EdgeTokens}), rate limits on {@code /api/**}
 * ({@link EdgeRateLimiting}); every 403 becomes a security event ({@link AccessDenials}).
 */
@ApplicationScoped
public class EdgeFilter {

    @Inject
    GatewayConfig config;

    @Inject
    EdgeTokens tokens;

    @Inject
    EdgeRateLimiting rateLimiting;

    @Inject
    AccessDenials denials;

    @Inject
    ProblemWriter problems;

    void install(@Observes Filters filters) {
        filters.register(this::handle, 9_000);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = rc.normalizedPath();
        rc.addHeadersEndHandler(v -> {
            SecurityHeaders.apply(rc.request(), rc.response().headers(), path, config.edge().contentSecurityPolicy());
            if (rc.response().getStatusCode() == 403) {
                denials.record(rc, path);
            }
        });
        boolean api = path.startsWith("/api/");
        if (isCorsPreflight(request)) {
            answerPreflight(rc, path);
            return;
        }
        VerifiedToken token = tokens.verify(request);
        rc.put(VerifiedToken.KEY, token);
        if (!api || !rateLimiting.enabled()) {
            rc.next();
            return;
        }
        rateLimiting.limit(rc, token, path);
    }

    /**
     * A CORS preflight costs a per-IP token like any request (whatever token it carries: preflights carry no
     * credentials, so a bearer header buys nothing) and is answered here, never proxied: Quarkus's CORS filter,
     * which runs after this one, answers those with an {@code Origin}; one without is not a CORS request of any
     * allowed origin and gets an empty 204 without CORS headers.
     */
    private void answerPreflight(RoutingContext rc, String path) {
        Runnable answer = () -> {
            if (rc.request().getHeader("Origin") == null) {
                rc.response().setStatusCode(204).end();
            } else {
                rc.next();
            }
        };
        if (!rateLimiting.enabled()) {
            answer.run();
            return;
        }
        rateLimiting.limitPerIp(rc, path, answer);
    }

    private static boolean isCorsPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null;
    }
}
