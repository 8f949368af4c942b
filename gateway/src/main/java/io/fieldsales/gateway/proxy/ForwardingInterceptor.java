package io.fieldsales.gateway.proxy;

import io.fieldsales.gateway.edge.ClientIp;
import io.fieldsales.platform.errors.ProblemWriter;
import io.fieldsales.platform.context.RequestIds;
import io.fieldsales.platform.errors.Problem;
import io.fieldsales.platform.errors.ProblemException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Shapes one proxied exchange: the upstream sees the normalized path, the client's Authorization, X-Request-Id, the
 * proxy hop's traceparent (in the caller's trace), and X-Forwarded-For/Proto/Host set by us (a client's own forwarding headers are dropped); the call
 * runs through the upstream's circuit breaker; failures become 503 {@code upstream_unavailable} or 504
 * {@code upstream_timeout} problems with Retry-After; upstream banners and duplicated edge headers are removed.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);
    private static final List<String> CLIENT_FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For",
            "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Real-IP");
    private static final List<String> TRACE_CONTEXT_HEADERS = List.of("traceparent", "tracestate");
    private static final List<String> UPSTREAM_HEADERS_TO_DROP = List.of("Server", "X-Powered-By", "X-Request-Id",
            "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

    private final RoutingContext rc;
    private final Upstream upstream;
    private final ProblemWriter problems;
    private final String path;
    private final long maxBodyBytes;
    private final AtomicBoolean bodyTooLarge = new AtomicBoolean();

    ForwardingInterceptor(RoutingContext rc, Upstream upstream, ProblemWriter problems, long maxBodyBytes) {
        this.rc = rc;
        this.upstream = upstream;
        this.problems = problems;
        this.path = rc.normalizedPath();
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        HttpServerRequest incoming = rc.request();
        String query = incoming.query();
        ctx.request().setURI(path + (query == null || query.isEmpty() ? "" : "?" + query));
        MultiMap headers = ctx.request().headers();
        CLIENT_FORWARDING_HEADERS.forEach(headers::remove);
        // The caller's trace context is continued by the gateway's own spans: the upstream gets the proxy hop's
        // traceparent (set by the OpenTelemetry HTTP client instrumentation when the request is sent), never the
        // caller's as a second value beside it.
        TRACE_CONTEXT_HEADERS.forEach(headers::remove);
        headers.set("X-Forwarded-For", ClientIp.of(incoming));
        headers.set("X-Forwarded-Proto", incoming.isSSL() ? "https" : incoming.scheme());
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().toString());
        }
        String requestId = RequestIds.current();
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId);
        }
        Body body = ctx.request().getBody();
        if (body != null && body.length() < 0) {
            ctx.request().setBody(Body.body(new LimitedBody(body.stream(), maxBodyBytes, bodyTooLarge), -1));
        }
        Context context = Vertx.currentContext();
        CompletionStage<ProxyResponse> guarded;
        try {
            guarded = upstream.guard().get(() -> ctx.sendRequest()
                    .compose(response -> isUnavailable(response.getStatusCode())
                            ? Future.<ProxyResponse>failedFuture(new UpstreamFailure(response))
                            : Future.succeededFuture(response))
                    .recover(failure -> Future.failedFuture(bodyTooLarge.get()
                            ? new LimitedBody.PayloadTooLargeException(maxBodyBytes) : failure))
                    .toCompletionStage());
        } catch (RuntimeException e) {
            return Future.succeededFuture(failureResponse(ctx, e));
        }
        return Future.fromCompletionStage(guarded, context)
                .recover(failure -> Future.succeededFuture(failureResponse(ctx, unwrap(failure))));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext ctx) {
        MultiMap headers = ctx.response().headers();
        UPSTREAM_HEADERS_TO_DROP.forEach(headers::remove);
        return ctx.sendResponse();
    }

    private static boolean isUnavailable(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    private ProxyResponse failureResponse(ProxyContext ctx, Throwable failure) {
        if (failure instanceof UpstreamFailure upstreamAnswer) {
            return upstreamAnswer.response;
        }
        boolean timeout = failure instanceof TimeoutException; // incl. Vert.x's NoStackTraceTimeoutException
        long retryAfter = upstream.retryAfterSeconds();
        ProblemException problem;
        if (bodyTooLarge.get() || failure instanceof LimitedBody.PayloadTooLargeException) {
            rc.response().putHeader("Connection", "close");
            return ctx.request().release().response().setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .setBody(Body.body(Buffer.buffer(problems.body(new ProblemException(
                            io.fieldsales.platform.errors.ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than "
                            + maxBodyBytes + " bytes").with("maxBytes", maxBodyBytes), path))));
        }
        if (failure instanceof CircuitBreakerOpenException) {
            problem = ProblemException.of(503, "upstream_unavailable", "Upstream unavailable",
                    "The " + upstream.name() + " service is unavailable (circuit open); retry later");
        } else if (timeout) {
            problem = ProblemException.of(504, "upstream_timeout", "Upstream timeout",
                    "The " + upstream.name() + " service did not answer within "
                            + upstream.config().timeout().toMillis() + " ms");
        } else {
            if (!(failure instanceof ConnectException)) {
                LOG.warnf("Proxying to %s failed: %s", upstream.name(), failure.toString());
            }
            problem = ProblemException.of(503, "upstream_unavailable", "Upstream unavailable",
                    "The " + upstream.name() + " service cannot be reached; retry later");
        }
        problem.withHeader("Retry-After", Long.toString(retryAfter));
        ProxyResponse response = ctx.request().release().response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", Long.toString(retryAfter))
                .setBody(Body.body(Buffer.buffer(problems.body(problem, path))));
        return response;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
