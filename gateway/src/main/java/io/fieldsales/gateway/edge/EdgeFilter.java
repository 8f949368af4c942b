package io.fieldsales.gateway.edge;

import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.domain.RouteTable;
import io.fieldsales.gateway.domain.Verdict;
import io.fieldsales.gateway.events.AccessDenied;
import io.fieldsales.gateway.events.SecurityEventTypes;
import io.fieldsales.gateway.service.AccessTokenVerifier;
import io.fieldsales.gateway.service.InvalidTokenException;
import io.fieldsales.gateway.service.RateLimits;
import io.fieldsales.gateway.service.SecurityEvents;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.errors.ProblemWriter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Runs on every request, right after the platform's request-id filter:
 * <ul>
 *   <li>security headers on every response (nosniff, frame denial, referrer policy, a restrictive CSP, HSTS when the
 *       request came over TLS, no-store for API answers) and no server banner;</li>
 *   <li>a small body limit for the gateway's own endpoints (the proxy streams up to the server-wide limit);</li>
 *   <li>checks the bearer token once (for rate limits, the proxy and denial events);</li>
 *   <li>rate limits per client IP, per user and per tenant on {@code /api/**}: 429 {@code rate_limited} with
 *       Retry-After, RateLimit-Limit/Remaining/Reset on every limited route;</li>
 *   <li>records every 403 as an {@code access.denied} security event.</li>
 * </ul>
 */
@ApplicationScoped
public class EdgeFilter {

    private static final Logger LOG = Logger.getLogger(EdgeFilter.class);

    @Inject
    GatewayConfig config;

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    RateLimits rateLimits;

    @Inject
    ProblemWriter problems;

    @Inject
    SecurityEvents securityEvents;

    void install(@Observes Filters filters) {
        filters.register(this::handle, 9_000);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = rc.normalizedPath();
        rc.addHeadersEndHandler(v -> onHeadersEnd(rc, path));
        boolean api = path.startsWith("/api/");
        boolean proxied = RouteTable.upstreamFor(path).isPresent();
        if (api && !proxied && declaredLength(request) > config.edge().maxOwnBodySize().asLongValue()) {
            request.response().putHeader(HttpHeaders.CONNECTION, "close");
            problems.send(request.response(), new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + config.edge().maxOwnBodySize().asLongValue() + " bytes")
                    .with("maxBytes", config.edge().maxOwnBodySize().asLongValue()), path);
            return;
        }
        VerifiedToken token = verify(request);
        rc.put(VerifiedToken.KEY, token);
        if (!api || !rateLimits.enabled() || HttpMethodIsPreflight.is(request)) {
            rc.next();
            return;
        }
        request.pause();
        rateLimits.forRequest(ClientIp.of(request), token.userId(), token.tenantId()).subscribe().with(verdict -> {
            putRateLimitHeaders(request.response().headers(), verdict);
            if (verdict.allowed()) {
                rc.next();
            } else {
                request.response().putHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
                problems.send(request.response(), new ProblemException(ErrorCode.RATE_LIMITED,
                        "Too many requests (" + verdict.limit().name() + " limit); retry after "
                                + verdict.retryAfterSeconds() + " s")
                        .with("limit", verdict.limit().name()), path);
            }
        }, failure -> {
            LOG.warnf("Rate limiting failed, letting the request through: %s", failure.toString());
            rc.next();
        });
    }

    private VerifiedToken verify(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return VerifiedToken.ABSENT;
        }
        String token = BearerTokens.extract(authorization);
        if (token == null) {
            return VerifiedToken.INVALID;
        }
        try {
            return new VerifiedToken(true, verifier.verify(token));
        } catch (InvalidTokenException e) {
            LOG.debugf("Bearer token refused at the edge: %s", e.getMessage());
            return VerifiedToken.INVALID;
        }
    }

    static void putRateLimitHeaders(MultiMap headers, Verdict verdict) {
        headers.set("RateLimit-Limit", Long.toString(verdict.limit().capacity()));
        headers.set("RateLimit-Remaining", Long.toString(verdict.remaining()));
        headers.set("RateLimit-Reset", Long.toString(verdict.allowed() ? verdict.secondsToReset()
                : verdict.retryAfterSeconds()));
    }

    private void onHeadersEnd(RoutingContext rc, String path) {
        MultiMap headers = rc.response().headers();
        headers.remove("Server");
        headers.remove("X-Powered-By");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", config.edge().contentSecurityPolicy());
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        if (isTls(rc.request())) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (path.startsWith("/api/") && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (rc.response().getStatusCode() == 403) {
            recordDenial(rc, path);
        }
    }

    private static boolean isTls(HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.scheme());
    }

    private void recordDenial(RoutingContext rc, String path) {
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

    /** CORS preflights carry no credentials and are answered by the CORS filter; they are not rate limited. */
    static final class HttpMethodIsPreflight {
        static boolean is(HttpServerRequest request) {
            return request.method() == io.vertx.core.http.HttpMethod.OPTIONS
                    && request.getHeader("Access-Control-Request-Method") != null;
        }
    }
}
