package io.fieldsales.gateway.edge;

import io.fieldsales.gateway.domain.Verdict;
import io.fieldsales.gateway.service.RateLimits;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.errors.ProblemWriter;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Rate limits per client IP, per user and per tenant on {@code /api/**}: 429 {@code rate_limited} with Retry-After,
 * RateLimit-Limit/Remaining/Reset on every limited route. A failing limiter lets the request through.
 */
@ApplicationScoped
public class EdgeRateLimiting {

    private static final Logger LOG = Logger.getLogger(EdgeRateLimiting.class);

    @Inject
    RateLimits rateLimits;

    @Inject
    ProblemWriter problems;

    boolean enabled() {
        return rateLimits.enabled();
    }

    /** Continues the request if its budgets allow it, answers 429 otherwise. */
    void limit(RoutingContext rc, VerifiedToken token, String path) {
        HttpServerRequest request = rc.request();
        request.pause();
        rateLimits.forRequest(ClientIp.of(request), token.userId(), token.tenantId()).subscribe().with(verdict -> {
            putRateLimitHeaders(request.response().headers(), verdict);
            if (verdict.allowed()) {
                rc.next();
            } else {
                refuse(request, verdict, path);
            }
        }, failure -> {
            LOG.warnf("Rate limiting failed, letting the request through: %s", failure.toString());
            rc.next();
        });
    }

    /** Takes one token from the client IP's bucket only; runs {@code allowed} if it had one, answers 429 otherwise. */
    void limitPerIp(RoutingContext rc, String path, Runnable allowed) {
        HttpServerRequest request = rc.request();
        request.pause();
        rateLimits.perIp(ClientIp.of(request)).subscribe().with(verdict -> {
            putRateLimitHeaders(request.response().headers(), verdict);
            if (verdict.allowed()) {
                allowed.run();
            } else {
                refuse(request, verdict, path);
            }
        }, failure -> {
            LOG.warnf("Rate limiting failed, letting the request through: %s", failure.toString());
            allowed.run();
        });
    }

    private void refuse(HttpServerRequest request, Verdict verdict, String path) {
        request.response().putHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
        problems.send(request.response(), new ProblemException(ErrorCode.RATE_LIMITED,
                "Too many requests (" + verdict.limit().name() + " limit); retry after "
                        + verdict.retryAfterSeconds() + " s")
                .with("limit", verdict.limit().name()), path);
    }

    static void putRateLimitHeaders(MultiMap headers, Verdict verdict) {
        headers.set("RateLimit-Limit", Long.toString(verdict.limit().capacity()));
        headers.set("RateLimit-Remaining", Long.toString(verdict.remaining()));
        headers.set("RateLimit-Reset", Long.toString(verdict.allowed() ? verdict.secondsToReset()
                : verdict.retryAfterSeconds()));
    }
}
