package io.fieldsales.platform.observability;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which spans are recorded. With an OTLP endpoint: parent-based, new traces at the ratio
 * {@code quarkus.otel.traces.sampler.arg} ({@code FIELDSALES_TRACE_SAMPLE_RATIO}). Without one
 * ({@code fieldsales.tracing.export=off}, see {@link TracesNotExported}): none. A span nobody will export is still
 * created, with its trace and span ids (the MDC's {@code traceId}/{@code spanId} on every log line, the
 * {@code traceparent} passed to upstreams, the outbox and Kafka), but records no attributes, events or timings and
 * never reaches a span processor. Recording spans for an exporter that drops them cost customer-service ~7 % of its
 * CPU per GET in the local stack (deploy/load/README.md).
 *
 * <p>Quarkus uses a {@link Sampler} bean in place of the one its configuration names, and still wraps it to drop
 * the suppressed URIs. Tests that inspect finished spans set {@code fieldsales.tracing.record-unexported=true}.
 */
public class TraceSampling {

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "fieldsales.tracing.export") String export,
            @ConfigProperty(name = "fieldsales.tracing.record-unexported", defaultValue = "false")
            boolean recordUnexported,
            @ConfigProperty(name = "quarkus.otel.traces.sampler.arg", defaultValue = "1.0") double ratio) {
        return of(recorded(export, recordUnexported), ratio);
    }

    /**
     * Whether spans are recorded: when they are exported ({@code export} is not {@code off}), or when
     * {@code recordUnexported} asks for them anyway. The one rule; {@link SqlSpansDefault} follows it too.
     */
    static boolean recorded(String export, boolean recordUnexported) {
        return !TracesNotExported.OFF.equals(export) || recordUnexported;
    }

    /** The sampler: parent-based at {@code ratio} for new traces when spans are recorded, else none recorded. */
    static Sampler of(boolean record, double ratio) {
        return record ? Sampler.parentBased(Sampler.traceIdRatioBased(ratio)) : Sampler.alwaysOff();
    }
}
