package io.fieldsales.platform.observability;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The reactive SQL client's spans only when spans are recorded: {@code quarkus.otel.instrument.vertx-sql-client}
 * follows {@code fieldsales.tracing.export} (and {@code fieldsales.tracing.record-unexported}), as
 * {@link TraceSampling} does. A span nobody records still costs its instrumenter (attributes are extracted before
 * the sampler decides): the SQL client's was ~5 % of customer-service's CPU per GET by id under load with no
 * exporter (deploy/load/README.md). Without statement spans a log line still has its request's trace and span ids
 * (the server span's); with an exporter every statement is a span, as before.
 *
 * <p>A default, not a rule: the source's ordinal ({@value #ORDINAL}) is above the kit's own properties (100) and
 * below a service's {@code application.properties} (250), system properties and the environment, which can still
 * set the property either way. Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}; the
 * property is read at runtime start (Quarkus's {@code InstrumentRuntimeConfig}).
 */
public class SqlSpansDefault implements ConfigSourceFactory {

    static final String PROPERTY = "quarkus.otel.instrument.vertx-sql-client";
    static final int ORDINAL = 110;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String export = valueOr(context.getValue("fieldsales.tracing.export"), TracesNotExported.OFF);
        boolean recordUnexported = Boolean.parseBoolean(valueOr(
                context.getValue("fieldsales.tracing.record-unexported"), "false"));
        return List.of(new PropertiesConfigSource(Map.of(PROPERTY,
                        Boolean.toString(TraceSampling.recorded(export, recordUnexported))),
                "fieldsales-sql-spans-default", ORDINAL));
    }

    private static String valueOr(ConfigValue value, String fallback) {
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
