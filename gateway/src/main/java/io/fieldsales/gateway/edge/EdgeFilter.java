package io.fieldsales.gateway.edge;

import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.domain.RouteTable;
import io.fieldsales.platform.errors.ProblemWriter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Runs on every request, right after the platform's request-id filter, in this order: security headers on the
 * response ({@link SecurityHeaders}), a small body limit for the gateway's own endpoints (the proxy streams up to the
 * server-wide limit), the bearer token checked once ({@link EdgeTokens}), rate limits on {@code /api/**}
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
        boolean proxied = RouteTable.upstreamFor(path).isPresent();
        long maxOwnBody = config.edge().maxOwnBodySize().asLongValue();
        if (api && !proxied && declaredLength(request) > maxOwnBody) {
            problems.send(request.response(), ProblemWriter.payloadTooLarge(maxOwnBody), path);
            return;
        }
        VerifiedToken token = tokens.verify(request);
        rc.put(VerifiedToken.KEY, token);
        if (!api || !rateLimiting.enabled() || isCorsPreflight(request)) {
            rc.next();
            return;
        }
        rateLimiting.limit(rc, token, path);
    }

    /** CORS preflights carry no credentials and are answered by the CORS filter; they are not rate limited. */
    private static boolean isCorsPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null;
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
