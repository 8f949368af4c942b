package io.fieldsales.platform.http;

import io.fieldsales.platform.errors.ProblemWriter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Body limits on the bytes that actually arrive, per path, for every service (PITFALLS 19): a declared
 * {@code Content-Length} over the path's limit is refused before anything is read; a body without one (chunked, or
 * HTTP/2) is counted as it arrives and refused with 413 {@code payload_too_large} the moment it passes the limit;
 * reading stops there, nothing past the limit is buffered and the connection is closed (HTTP/2: the stream is
 * reset). A body within its limit is handed to JAX-RS already read. A client announcing its body with
 * {@code Expect: 100-continue} gets the 413 instead of {@code 100 Continue} when the declared length is over the
 * limit; within it, the body handler behind this filter answers {@code 100 Continue}.
 *
 * <p>Limits: {@code fieldsales.http.body-limits.default} (1M, never more than
 * {@code quarkus.http.limits.max-body-size}) and {@code fieldsales.http.body-limits.routes}, a list of
 * {@code <path prefix>=<size>}; the longest matching prefix wins. Paths a {@link StreamedBodies} bean claims are
 * left to it.
 */
@ApplicationScoped
public class RequestBodyLimit {

    /** After the request-context filter (10 000: the problem carries the request id), before any service filter. */
    public static final int PRIORITY = 9_500;

    @Inject
    ProblemWriter problems;

    @Inject
    Instance<StreamedBodies> streamed;

    @ConfigProperty(name = "fieldsales.http.body-limits.default", defaultValue = "1M")
    MemorySize defaultLimit;

    @ConfigProperty(name = "fieldsales.http.body-limits.routes")
    Optional<List<String>> routes;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize serverLimit;

    private BodyLimitTable table;

    @PostConstruct
    void init() {
        table = BodyLimitTable.of(Math.min(defaultLimit.asLongValue(), serverLimit.asLongValue()),
                routes.orElse(List.of()));
    }

    void install(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    public long maxBytes(String path) {
        return table.maxBytes(path);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = rc.normalizedPath();
        if (isStreamed(path)) {
            rc.next();
            return;
        }
        long max = table.maxBytes(path);
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            if (declaredLength(length) > max) {
                // Expect: 100-continue: this runs before the body handler that answers it (and Vert.x does not
                // answer it itself: quarkus.http.handle-100-continue-automatically stays false), so the client gets
                // the 413 instead of "100 Continue" and never sends the body
                refuse(rc, max, path);
            } else {
                // the HTTP framing stops the body at its declared length
                rc.next();
            }
            return;
        }
        if (request.isEnded() || !carriesABody(request.method())) {
            // GET, HEAD, OPTIONS... carry no body our endpoints read (the server-wide limit still bounds one);
            // an HTTP/2 (h2c) GET may already be ended, and pausing it then fails
            rc.next();
            return;
        }
        readBounded(rc, max, path);
    }

    private void readBounded(RoutingContext rc, long max, String path) {
        HttpServerRequest request = rc.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if ((long) body.length() + chunk.length() > max) {
                refused[0] = true;
                request.pause();
                refuse(rc, max, path);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                ((RoutingContextInternal) rc).visitHandler(RoutingContextInternal.BODY_HANDLER);
                ((RoutingContextInternal) rc).setBody(body);
                rc.next();
            }
        });
        request.exceptionHandler(failure -> refused[0] = true);
        request.resume();
    }

    private void refuse(RoutingContext rc, long max, String path) {
        HttpServerRequest request = rc.request();
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        rc.response().endHandler(v -> {
            if (http2) {
                rc.response().reset();
            } else {
                request.connection().close();
            }
        });
        problems.send(rc.response(), ProblemWriter.payloadTooLarge(max), path);
    }

    private static boolean carriesABody(io.vertx.core.http.HttpMethod method) {
        return method == io.vertx.core.http.HttpMethod.POST || method == io.vertx.core.http.HttpMethod.PUT
                || method == io.vertx.core.http.HttpMethod.PATCH || method == io.vertx.core.http.HttpMethod.DELETE;
    }

    private boolean isStreamed(String path) {
        for (StreamedBodies s : streamed) {
            if (s.streams(path)) {
                return true;
            }
        }
        return false;
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
