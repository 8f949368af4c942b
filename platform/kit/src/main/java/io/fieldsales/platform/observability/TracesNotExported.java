package io.fieldsales.platform.observability;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Tracing without an OTLP endpoint: spans still exist (trace and span ids in the logs, W3C propagation to
 * upstreams and through Kafka) but go nowhere, and nothing tries to reach a collector.
 *
 * <p>Quarkus's OTLP exporter falls back to {@code localhost:4317} when no endpoint is set and logs a failure per
 * batch; it steps aside when the application provides a {@link SpanExporter} bean. This bean is that exporter,
 * visible only while {@code fieldsales.tracing.export} is {@code off}, which it is when neither
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} nor {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} is set
 * (META-INF/microprofile-config.properties of the kit).
 */
@Singleton
@LookupIfProperty(name = "fieldsales.tracing.export", stringValue = TracesNotExported.OFF, lookupIfMissing = true)
public class TracesNotExported implements SpanExporter {

    /** The value of {@code fieldsales.tracing.export} when no OTLP endpoint is set. */
    public static final String OFF = "off";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
