package io.fieldsales.platform.context;

import io.fieldsales.platform.errors.ProblemWriter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First thing on every HTTP request: accepts or makes the request id, echoes it on the response, binds it (with
 * the W3C traceparent) to the request's context and log MDC, and refuses bodies declared larger than the limit
 * with a 413 problem before anything reads them.
 */
@ApplicationScoped
public class RequestContextFilter {

    @Inject
    ProblemWriter problems;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Filters filters) {
        filters.register(this::handle, 10_000);
    }

    void handle(RoutingContext rc) {
        String requestId = RequestIds.acceptOrGenerate(rc.request().getHeader(RequestIds.HEADER));
        rc.put(RequestIds.REQUEST_ID_KEY, requestId);
        RequestIds.bind(requestId, RequestIds.validTraceparent(rc.request().getHeader(RequestIds.TRACEPARENT)));
        rc.response().putHeader(RequestIds.HEADER, requestId);
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            problems.send(rc.response(), ProblemWriter.payloadTooLarge(maxBodySize.asLongValue()), rc.normalizedPath());
            return;
        }
        rc.next();
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
