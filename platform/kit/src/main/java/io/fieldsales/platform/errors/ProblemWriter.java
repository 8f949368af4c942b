package io.fieldsales.platform.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * problem+json for answers given at the Vert.x level, before or outside JAX-RS (route filters, the last-resort
 * route, the gateway's edge and proxy), in exactly the shape {@link ProblemMappers} gives: the one place that
 * writes a problem onto a raw {@link HttpServerResponse}.
 */
@ApplicationScoped
public class ProblemWriter {

    @Inject
    ObjectMapper json;

    /** The problem document as JSON text (a minimal document if serialization ever fails). */
    public String body(ProblemException problem, String instance) {
        Object entity = Problems.response(problem, instance).getEntity();
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            return "{\"status\":" + problem.status() + ",\"code\":\"" + problem.code() + "\"}";
        }
    }

    /**
     * Ends the response with the problem: its status, problem+json, its headers (e.g. {@code Retry-After}). Does
     * nothing if the response has already started.
     */
    public void send(HttpServerResponse response, ProblemException problem, String instance) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        problem.headers().forEach(response::putHeader);
        response.end(body(problem, instance));
    }

    /**
     * 413 for a body declared larger than {@code maxBytes}, refused before anything reads it; the connection is
     * closed (the unread body would otherwise be parsed as the next request).
     */
    public static ProblemException payloadTooLarge(long maxBytes) {
        return new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes
                + " bytes").with("maxBytes", maxBytes).withHeader("Connection", "close");
    }
}
