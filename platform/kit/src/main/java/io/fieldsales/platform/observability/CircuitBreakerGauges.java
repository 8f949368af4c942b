package io.fieldsales.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code fieldsales.circuit.breaker.open{name}}: 1 while a circuit breaker is open, else 0 (the alert fires when one
 * stays open for a minute). Breakers named with {@code @CircuitBreakerName} are listed in
 * {@code fieldsales.observability.circuit-breakers}; programmatic ones (the gateway's per upstream) register
 * themselves with {@link #register}.
 */
@ApplicationScoped
public class CircuitBreakerGauges {

    public static final String GAUGE = "fieldsales.circuit.breaker.open";

    @Inject
    MeterRegistry metrics;

    @Inject
    CircuitBreakerMaintenance breakers;

    @ConfigProperty(name = "fieldsales.observability.circuit-breakers")
    Optional<List<String>> named;

    void start(@Observes StartupEvent event) {
        named.orElse(List.of()).forEach(name -> register(metrics, name, () -> isOpen(name)));
    }

    private boolean isOpen(String name) {
        try {
            return breakers.currentState(name) == CircuitBreakerState.OPEN;
        } catch (IllegalArgumentException unknownYet) {
            return false; // a breaker that has not guarded a call yet is closed
        }
    }

    /** Registers the gauge of one breaker, by a bounded name (an upstream, a remote service). */
    public static void register(MeterRegistry metrics, String name, BooleanSupplier open) {
        Gauge.builder(GAUGE, open, o -> o.getAsBoolean() ? 1 : 0)
                .description("1 while the circuit breaker is open").tag("name", name).register(metrics);
    }
}
