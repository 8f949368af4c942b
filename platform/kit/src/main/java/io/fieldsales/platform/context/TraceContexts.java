package io.fieldsales.platform.context;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * A W3C {@code traceparent} stored with data (an outbox row, a CloudEvent's {@code traceparent} extension) turned
 * back into an OpenTelemetry {@link Context}, so work done later and elsewhere continues the trace that caused it:
 * the outbox relay's producer span, or one record of a batch a consumer handles ({@code try (Scope s =
 * TraceContexts.fromTraceparent(tp).makeCurrent()) { ... }}).
 */
public final class TraceContexts {

    private static final TextMapGetter<String> TRACEPARENT_ONLY = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(RequestIds.TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return RequestIds.TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceContexts() {
    }

    /** The remote parent context of a well-formed traceparent, or null (missing, malformed or invalid ids). */
    public static Context fromTraceparent(String traceparent) {
        if (RequestIds.validTraceparent(traceparent) == null) {
            return null;
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent,
                TRACEPARENT_ONLY);
        return Span.fromContext(extracted).getSpanContext().isValid() ? extracted : null;
    }

    /** Trace id of a well-formed traceparent, or null. */
    public static String traceIdOf(String traceparent) {
        return RequestIds.validTraceparent(traceparent) == null ? null : traceparent.substring(3, 35);
    }
}
