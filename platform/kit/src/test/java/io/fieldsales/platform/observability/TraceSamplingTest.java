package io.fieldsales.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceSamplingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final TextMapSetter<Map<String, String>> MAP = Map::put;

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private SdkTracerProvider provider;

    @AfterEach
    void close() {
        provider.close();
    }

    private Tracer tracer(Sampler sampler) {
        provider = SdkTracerProvider.builder().setSampler(sampler)
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
        return provider.get("test");
    }

    private static Context remoteParent(boolean sampled) {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7",
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())));
    }

    @Test
    void withoutExportNothingIsRecordedButEverySpanKeepsItsIdsAndPropagates() {
        Tracer tracer = tracer(TraceSampling.of(false, 1.0));

        Span root = tracer.spanBuilder("root").startSpan();
        Span child = tracer.spanBuilder("child").setParent(remoteParent(true)).startSpan();

        assertThat(root.isRecording()).isFalse();
        assertThat(root.getSpanContext().isValid()).as("a log line still gets a traceId").isTrue();
        assertThat(child.isRecording()).as("not even for a caller that sampled").isFalse();
        root.end();
        child.end();
        assertThat(child.getSpanContext().getTraceId()).as("the caller's trace goes on").isEqualTo(TRACE);
        assertThat(child.getSpanContext().getSpanId()).isNotEqualTo("00f067aa0ba902b7");
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(child), headers, MAP);
        assertThat(headers.get("traceparent"))
                .isEqualTo("00-" + TRACE + "-" + child.getSpanContext().getSpanId() + "-00");
        assertThat(exported.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void withExportNewTracesAreSampledAtTheRatioAndChildrenFollowTheirParent() {
        Tracer all = tracer(TraceSampling.of(true, 1.0));
        Span root = all.spanBuilder("root").startSpan();
        Span unsampledCallers = all.spanBuilder("child").setParent(remoteParent(false)).startSpan();
        assertThat(root.isRecording()).isTrue();
        assertThat(unsampledCallers.isRecording()).isFalse();
        root.end();
        unsampledCallers.end();
        assertThat(exported.getFinishedSpanItems()).extracting(s -> s.getName()).containsExactly("root");
        provider.close();

        Tracer none = tracer(TraceSampling.of(true, 0.0));
        Span newTrace = none.spanBuilder("root").startSpan();
        Span sampledCallers = none.spanBuilder("child").setParent(remoteParent(true)).startSpan();
        assertThat(newTrace.isRecording()).isFalse();
        assertThat(sampledCallers.isRecording()).isTrue();
        newTrace.end();
        sampledCallers.end();
    }
}
