package io.fieldsales.gateway.proxy;

import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.domain.RouteTable;
import io.fieldsales.platform.observability.CircuitBreakerGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The services behind the gateway, by name, built from {@code fieldsales.gateway.upstreams.*}. */
@ApplicationScoped
public class Upstreams {

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    private final Map<String, Upstream> byName = new TreeMap<>();

    void start(@Observes StartupEvent event) {
        for (String name : RouteTable.upstreams()) {
            GatewayConfig.Upstream c = config.upstreams().get(name);
            if (c == null) {
                throw new IllegalStateException("No URL for upstream '" + name + "': set fieldsales.gateway.upstreams."
                        + name + ".url");
            }
            Upstream upstream = new Upstream(vertx, name, c);
            byName.put(name, upstream);
            CircuitBreakerGauges.register(metrics, name,
                    () -> upstream.circuitState() == CircuitBreakerState.OPEN);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        byName.values().forEach(Upstream::close);
    }

    public Optional<Upstream> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Map<String, Upstream> all() {
        return byName;
    }
}
