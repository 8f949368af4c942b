package io.fieldsales.platform.context;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.Problem;
import io.fieldsales.platform.errors.Problems;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First thing on every HTTP request: accepts or makes the request id, echoes it on the response, binds it (with
 * the W3C traceparent) to the request's context and log MDC, and refuses bodies declared larger than the limit
 * with a 413 problem before anything reads them.
 */
@ApplicationScoped
public class RequestContextFilter {

    @Inject
    ObjectMapper json;

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
            Problem body = Problems.body(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxBodySize.asLongValue() + " bytes", rc.normalizedPath(),
                    List.of(), Map.of("maxBytes", maxBodySize.asLongValue()));
            try {
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close")
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(json.writeValueAsString(body));
            } catch (Exception e) {
                rc.fail(413);
            }
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
