package io.fieldsales.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQL client's spans follow the export setting, through the factory the kit registers (discovered as Quarkus
 * discovers it) and the kit's own properties (their expressions and profiles included).
 */
class SqlSpansDefaultTest {

    private static boolean sqlSpans(String profile, Map<String, String> set) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultSources()
                .addDiscoveredSources()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(set, "test-settings", 250))
                .build();
        return config.getValue(SqlSpansDefault.PROPERTY, Boolean.class);
    }

    @Test
    void noSqlSpansWithoutAnExporter() {
        assertThat(sqlSpans("prod", Map.of())).isFalse();
    }

    @Test
    void sqlSpansWithAnExporterOrWhenTestsRecordUnexportedSpans() {
        assertThat(sqlSpans("prod", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"))).isTrue();
        assertThat(sqlSpans("prod", Map.of("fieldsales.tracing.record-unexported", "true"))).isTrue();
        assertThat(sqlSpans("test", Map.of())).as("the kit's %test profile records spans").isTrue();
    }

    @Test
    void aServiceOrOperatorSettingWinsOverTheDefault() {
        assertThat(sqlSpans("prod", Map.of(SqlSpansDefault.PROPERTY, "true"))).isTrue();
        assertThat(sqlSpans("test", Map.of(SqlSpansDefault.PROPERTY, "false"))).isFalse();
    }
}
