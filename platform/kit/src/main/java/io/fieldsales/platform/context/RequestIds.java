package io.fieldsales.platform.context;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The request id and W3C trace context of the request being served, kept in the Vert.x duplicated context that
 * follows the request through every reactive continuation, and in the log MDC.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    static final String REQUEST_ID_KEY = "fieldsales.requestId";
    static final String TRACEPARENT_KEY = "fieldsales.traceparent";
    public static final String MDC_REQUEST_ID = "requestId";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private RequestIds() {
    }

    /** The client's id if well-formed (at most 64 of [A-Za-z0-9._:-]), otherwise a new one. */
    public static String acceptOrGenerate(String fromClient) {
        return fromClient != null && WELL_FORMED.matcher(fromClient).matches() ? fromClient : UUID.randomUUID().toString();
    }

    /** The traceparent header if it has the W3C shape, otherwise null. */
    public static String validTraceparent(String header) {
        return header != null && TRACEPARENT_FORMAT.matcher(header).matches() ? header : null;
    }

    /** Binds a request id (and trace context) to the current duplicated context and the MDC. */
    public static void bind(String requestId, String traceparent) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(REQUEST_ID_KEY, requestId);
            if (traceparent != null) {
                ContextLocals.put(TRACEPARENT_KEY, traceparent);
            }
        }
        MDC.put(MDC_REQUEST_ID, requestId);
    }

    /** The current request id, or null outside a request. */
    public static String current() {
        if (VertxContext.isOnDuplicatedContext()) {
            String id = ContextLocals.<String>get(REQUEST_ID_KEY).orElse(null);
            if (id != null) {
                return id;
            }
        }
        Object mdc = MDC.get(MDC_REQUEST_ID);
        return mdc == null ? null : mdc.toString();
    }

    /**
     * The current W3C traceparent: the active OpenTelemetry span's (the server span of the request, so what the
     * outbox stores continues this very request's trace), else the header the request came with, else null.
     */
    public static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
        }
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.<String>get(TRACEPARENT_KEY).orElse(null) : null;
    }
}
