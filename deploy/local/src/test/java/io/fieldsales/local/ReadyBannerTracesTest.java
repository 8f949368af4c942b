package io.fieldsales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ready banner says where traces go: the OTLP endpoint of the environment, or that they are not exported. */
class ReadyBannerTracesTest {

    @Test
    void anOtlpEndpointInTheEnvironmentIsWhereTracesGo() {
        assertThat(ReadyBanner.traces(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")))
                .startsWith("exported over OTLP to http://collector:4317").contains("1.0");
        assertThat(ReadyBanner.traces(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://other:4317",
                "FIELDSALES_TRACE_SAMPLE_RATIO", "0.1"))).contains("http://other:4317").contains("0.1");
    }

    @Test
    void withoutAnEndpointTracesAreNotExported() {
        assertThat(ReadyBanner.traces(Map.of())).startsWith("not exported").contains("OTEL_EXPORTER_OTLP_ENDPOINT");
    }
}
